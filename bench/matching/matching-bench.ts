// bench/matching (issue 13 part 2): quality of `comity match` on the shipped FEBRL sets in clear and private
// mode beside a plain baseline, and the speed of Dice on 1024-bit encodings (WebAssembly SIMD vs a plain C
// loop compiled here with cc, vs plain JavaScript) and of encoding. See bench/README.md, "Matching".
//   node --import tsx bench/matching/matching-bench.ts
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CLK_WORDS, dice, encodeClk } from '@comity/core/matching/clk';
import { formatBirthDate } from '@comity/core/matching/dates';
import { preparePerson } from '@comity/core/matching/matcher';
import { DiceIndex } from '@comity/server/matching/dice-wasm';
import { hmacKeyedHash } from '@comity/server/matching/link';
import { parsePersonFile } from '@comity/server/matching/person-files';

const root = new URL('../../', import.meta.url).pathname;
const data = join(root, 'data/matching/febrl');
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`bench/matching — node ${process.version}, load average at start: ${load()}`);

// ---- quality ----------------------------------------------------------------------------------------
const entity = (id: string) => id.replace(/^rec-(\d+)-.*$/, '$1');

interface Op {
  recall: number;
  threshold: number;
  hits: number;
  falseHits: number;
}
/** Highest recall whose false hits are at most `rate` of the pairs reported (pairs sorted by score). */
function recallAt(pairs: { a: string; b: string; score: number }[], truePairs: number, rate: number): Op {
  const sorted = [...pairs].sort((x, y) => y.score - x.score);
  let best: Op = { recall: 0, threshold: 1, hits: 0, falseHits: 0 };
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i]!;
    if (entity(p.a) === entity(p.b)) tp++;
    else fp++;
    if (i + 1 < sorted.length && sorted[i + 1]!.score === p.score) continue; // a threshold takes all ties
    if (fp <= rate * (tp + fp) && tp / truePairs >= best.recall) best = { recall: tp / truePairs, threshold: p.score, hits: tp + fp, falseHits: fp };
  }
  return best;
}

function runMatch(a: string, b: string, mode: string, threshold: string, extra: string[] = []): { pairs: { a: string; b: string; score: number }[]; seconds: number } {
  const t0 = performance.now();
  const res = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'packages/cli/src/main.ts'), 'match', a, b, '--mode', mode, '--threshold', threshold, '--json', ...extra], {
    cwd: root,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`comity match failed (${res.status}): ${res.stderr}`);
  const pairs = res.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { a: string; b: string; score: number });
  return { pairs, seconds: (performance.now() - t0) / 1000 };
}

/** Baseline: exact equality of the normalised full name (tokens in written order) and the birth date. */
function baseline(a: string, b: string): { a: string; b: string; score: number }[] {
  const key = (r: ReturnType<typeof preparePerson>) => (r.birthDate && r.name.tokens.length ? `${r.name.tokens.join(' ')}|${formatBirthDate(r.birthDate)}` : undefined);
  const right = new Map<string, string[]>();
  for (const r of parsePersonFile(b, readFileSync(b, 'utf8')).map(preparePerson)) {
    const k = key(r);
    if (k) right.set(k, [...(right.get(k) ?? []), r.id]);
  }
  const out: { a: string; b: string; score: number }[] = [];
  for (const r of parsePersonFile(a, readFileSync(a, 'utf8')).map(preparePerson)) {
    const k = key(r);
    for (const id of (k && right.get(k)) || []) out.push({ a: r.id, b: id, score: 1 });
  }
  return out;
}

const BLIPS = (process.env.BENCH_MATCHING_BLIP ?? '0.02').split(',').filter(Boolean);
// Sets: FEBRL 4 (A vs B, 5,000 true pairs) and FEBRL 3 split into originals vs duplicates.
const tmp = mkdtempSync(join(tmpdir(), 'bench-matching-'));
const d3 = readFileSync(join(data, 'dataset3.csv'), 'utf8').split('\n');
writeFileSync(join(tmp, 'd3-org.csv'), [d3[0], ...d3.slice(1).filter((l) => l.includes('-org,'))].join('\n'));
writeFileSync(join(tmp, 'd3-dup.csv'), [d3[0], ...d3.slice(1).filter((l) => l.includes('-dup-'))].join('\n'));
const sets = [
  { name: 'FEBRL 4 (5,000 × 5,000)', a: join(data, 'dataset4a.csv'), b: join(data, 'dataset4b.csv'), truePairs: 5000 },
  { name: 'FEBRL 3 originals × duplicates (2,000 × 3,000)', a: join(tmp, 'd3-org.csv'), b: join(tmp, 'd3-dup.csv'), truePairs: 3000 },
];
console.log('\nquality: recall at ≤0.1 % and ≤1 % false hits among reported pairs (before any one-to-one assignment)');
console.log('set | method | recall@0.1% (threshold) | recall@1% (threshold) | candidate pairs scored | wall s');
const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
for (const set of sets) {
  const base = baseline(set.a, set.b);
  const bTp = base.filter((p) => entity(p.a) === entity(p.b)).length;
  console.log(`${set.name} | baseline exact name+DOB | ${pct(bTp / set.truePairs)} (false ${base.length - bTp} of ${base.length}) | same | ${base.length} | -`);
  for (const mode of ['clear', 'private']) {
    const { pairs, seconds } = runMatch(set.a, set.b, mode, mode === 'clear' ? '0.3' : '0.5');
    const r01 = recallAt(pairs, set.truePairs, 0.001);
    const r1 = recallAt(pairs, set.truePairs, 0.01);
    console.log(`${set.name} | ${mode} | ${pct(r01.recall)} (≥${r01.threshold}) | ${pct(r1.recall)} (≥${r1.threshold}) | ${pairs.length} | ${seconds.toFixed(1)}`);
  }
  // BLIP on the first file's encodings (as a node flips the encodings it sends): BENCH_MATCHING_BLIP, comma-separated flip probabilities.
  for (const f of BLIPS) {
    const { pairs, seconds } = runMatch(set.a, set.b, 'private', '0.4', ['--blip', f]);
    const r01 = recallAt(pairs, set.truePairs, 0.001);
    const r1 = recallAt(pairs, set.truePairs, 0.01);
    console.log(`${set.name} | private + BLIP f=${f} | ${pct(r01.recall)} (≥${r01.threshold}) | ${pct(r1.recall)} (≥${r1.threshold}) | ${pairs.length} | ${seconds.toFixed(1)}`);
  }
}
rmSync(tmp, { recursive: true, force: true });
if (process.env.BENCH_MATCHING_QUALITY_ONLY) {
  console.log(`load average at end: ${load()}`);
  process.exit(0);
}

// ---- speed --------------------------------------------------------------------------------------------
const persons = [...parsePersonFile('4a', readFileSync(join(data, 'dataset4a.csv'), 'utf8')), ...parsePersonFile('4b', readFileSync(join(data, 'dataset4b.csv'), 'utf8'))].map(preparePerson);
const hash = hmacKeyedHash(Buffer.alloc(32, 7));
let t0 = performance.now();
const encs = persons.map((p) => encodeClk(p, hash));
const encSeconds = (performance.now() - t0) / 1000;
console.log(`\nspeed (load average ${load()})`);
console.log(`encodings/s (prepared record → 1024-bit CLK, HMAC-SHA-256 per feature): ${Math.round(encs.length / encSeconds)} (${encs.length} records)`);

// One query against N encodings, repeated; N = 100,000 real encodings (the 10,000 repeated).
const N = 100_000;
const ROUNDS = 200;
const base = Array.from({ length: N }, (_, i) => encs[i % encs.length]!);
const query = Uint32Array.from(encs[0]!);
const cc = mkdtempSync(join(tmpdir(), 'bench-dice-c-'));
const input = Buffer.alloc(4 + 128 + N * 128);
input.writeUInt32LE(N, 0);
Buffer.from(query.buffer).copy(input, 4);
for (const [i, e] of base.entries()) Buffer.from(e.buffer, e.byteOffset, 128).copy(input, 132 + i * 128);
writeFileSync(join(cc, 'in.bin'), input);
const cResults: Record<string, number> = {};
for (const [label, flags] of [
  ['cc -O2', ['-O2']],
  ['cc -O3 -march=native', ['-O3', '-march=native']],
] as const) {
  execFileSync('cc', [...flags, '-o', join(cc, 'dice'), join(root, 'bench/matching/dice.c')]);
  const out = JSON.parse(execFileSync(join(cc, 'dice'), [String(ROUNDS)], { input: readFileSync(join(cc, 'in.bin')) }).toString()) as { perSecond: number };
  cResults[label] = out.perSecond;
}
rmSync(cc, { recursive: true, force: true });

const index = new DiceIndex(base);
const q = Uint32Array.from(query);
index.diceAll(q); // compile and warm
t0 = performance.now();
let checksum = 0;
for (let r = 0; r < ROUNDS; r++) {
  q[(r & 15) * 2]! ^= r;
  checksum += index.diceAll(q)[r % N]!;
}
const wasmPerSecond = (N * ROUNDS) / ((performance.now() - t0) / 1000);
// Check the kernel against plain JavaScript on a sample.
for (let i = 0; i < 1000; i++) if (Math.abs(index.diceAll(q)[i]! - dice(q, base[i]!)) > 1e-6) throw new Error(`WebAssembly Dice differs from JavaScript at ${i}`);
const JS_ROUNDS = 10;
t0 = performance.now();
for (let r = 0; r < JS_ROUNDS; r++) for (let i = 0; i < N; i++) checksum += dice(q, base[i]!);
const jsPerSecond = (N * JS_ROUNDS) / ((performance.now() - t0) / 1000);
console.log(`Dice comparisons/s, 1024-bit, one core, one query × ${N.toLocaleString('en')} encodings × ${ROUNDS} rounds:`);
for (const [label, v] of Object.entries(cResults)) console.log(`  C (${label}, __builtin_popcountll): ${Math.round(v).toLocaleString('en')}`);
console.log(`  WebAssembly SIMD (i8x16.popcnt): ${Math.round(wasmPerSecond).toLocaleString('en')}  = ${(wasmPerSecond / cResults['cc -O2']!).toFixed(2)}× cc -O2, ${(wasmPerSecond / cResults['cc -O3 -march=native']!).toFixed(2)}× cc -O3 -march=native`);
console.log(`  plain JavaScript (Uint32Array, SWAR popcount): ${Math.round(jsPerSecond).toLocaleString('en')}  (checksum ${checksum.toFixed(1)}; words ${CLK_WORDS})`);
console.log(`load average at end: ${load()}`);
