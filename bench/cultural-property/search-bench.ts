// Image-similarity search over one million perceptual hashes (issue 15), with the index the node
// itself answers from: `RegistryIndex` (packages/server/src/cultural/registry-index.ts), filled as
// the node fills it (records of 24 hashes each: whole image and five 90% crops at four quarter
// turns), asked as the public check asks it (`nearPhoto`, public records only, threshold 10).
// Beside it, in the same run on the same data:
//  - a plain linear scan over the hex strings (`hammingDistance` per hash);
//  - what the node did per photo before the index was resident: a HashIndex built from every hash
//    string in scope, then one scan (the database read that came before it is not counted);
//  - keeping the index current: a record replaced (24 hashes out, 24 in), and the public set's
//    size and digest computed again after a change (once per change, on the next check).
// Run: taskset -c 0 node --import tsx bench/cultural-property/search-bench.ts [hashes] [queries]
import { loadavg } from 'node:os';
import { HashIndex, MATCH_DISTANCE_FOR_BENCH, type RegistryEntry, RegistryIndex, hammingDistance } from './bench-support.ts';

const count = Number(process.argv[2] ?? 1_000_000);
const queries = Number(process.argv[3] ?? 200);
const PER_RECORD = 24;
const records = Math.ceil(count / PER_RECORD);

// Mulberry32: evenly spread 32-bit values (an LCG's low bits would make hashes cluster).
let seed = 42;
const rand32 = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
};
const hex = (hi: number, lo: number) => hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
const key = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const entryOf = (i: number, hashes: string[], version = 1): RegistryEntry => ({
  key: key(i),
  origin: null,
  organisationId: `org-${i % 20}`,
  // Nine records in ten public, as a registry that shows most of what it holds.
  public: i % 10 !== 0,
  version,
  searchText: `painted amphora number ${i} terracotta benchmark`,
  hashes,
});

const hashes: string[] = [];
const t0 = process.hrtime.bigint();
const registry = new RegistryIndex();
for (let r = 0; r < records; r++) {
  const mine: string[] = [];
  for (let v = 0; v < PER_RECORD && hashes.length < count; v++) {
    const h = hex(rand32(), rand32());
    hashes.push(h);
    mine.push(h);
  }
  registry.put(entryOf(r, mine));
}
const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;

// Half the queries are near a stored hash (3 bits flipped), half are new pictures.
const qs: string[] = [];
for (let i = 0; i < queries; i++) {
  if (i % 2 === 0) {
    const base = hashes[rand32() % count] as string;
    let hi = Number.parseInt(base.slice(0, 8), 16);
    let lo = Number.parseInt(base.slice(8), 16);
    hi ^= 1 << (rand32() % 32);
    lo ^= 1 << (rand32() % 32);
    lo ^= 1 << ((rand32() % 31) + 1);
    qs.push(hex(hi >>> 0, lo >>> 0));
  } else qs.push(hex(rand32(), rand32()));
}

function linear(q: string): number {
  let found = 0;
  for (let i = 0; i < hashes.length; i++) if (hammingDistance(hashes[i] as string, q) <= MATCH_DISTANCE_FOR_BENCH) found++;
  return found;
}

function rebuildThenScan(q: string): number {
  const index = new HashIndex();
  for (let i = 0; i < hashes.length; i++) index.add(hashes[i] as string, `o${(i / PER_RECORD) | 0}`);
  return index.search([q], MATCH_DISTANCE_FOR_BENCH, 200).length;
}

const product = (q: string) => registry.nearPhoto(q, MATCH_DISTANCE_FOR_BENCH, 200, (e) => e.public).size;

function time(fn: (q: string) => number, qlist: string[]): { queries: number; p50: number; p99: number; max: number; hits: number } {
  const ms: number[] = [];
  let hits = 0;
  for (const q of qlist) {
    const s = process.hrtime.bigint();
    hits += fn(q);
    ms.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const r = (x: number) => +x.toFixed(2);
  return { queries: qlist.length, p50: r(ms[Math.floor(ms.length * 0.5)] as number), p99: r(ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.99))] as number), max: r(ms[ms.length - 1] as number), hits };
}

// Warm, then measure; the slow baselines on fewer queries (their p99 is then their maximum).
time(product, qs.slice(0, 10));
const idx = time(product, qs);
const lin = time(linear, qs.slice(0, Math.min(qs.length, 40)));
const rebuilt = time(rebuildThenScan, qs.slice(0, Math.min(qs.length, 10)));

// Keeping current: replace records (24 hashes out, 24 in), then the public set's digest once.
const replaceMs: number[] = [];
for (let i = 0; i < 200; i++) {
  const r = rand32() % records;
  const fresh = Array.from({ length: PER_RECORD }, () => hex(rand32(), rand32()));
  const s = process.hrtime.bigint();
  registry.put(entryOf(r, fresh, 2));
  replaceMs.push(Number(process.hrtime.bigint() - s) / 1e6);
}
replaceMs.sort((a, b) => a - b);
const d0 = process.hrtime.bigint();
const summary = registry.publicSet();
const digestMs = Number(process.hrtime.bigint() - d0) / 1e6;

console.log(
  JSON.stringify(
    {
      hashes: registry.hashCount,
      records: registry.records,
      publicRecords: summary.count,
      threshold: MATCH_DISTANCE_FOR_BENCH,
      buildMs: +buildMs.toFixed(0),
      registryIndex: idx,
      linearScan: lin,
      rebuildPerQuery: rebuilt,
      p99RatioVsLinear: +(idx.p99 / lin.p99).toFixed(4),
      p99RatioVsRebuild: +(idx.p99 / rebuilt.p99).toFixed(4),
      replaceRecordMs: { p50: +(replaceMs[100] as number).toFixed(3), max: +(replaceMs[199] as number).toFixed(3) },
      publicSetDigestMs: +digestMs.toFixed(1),
      heapMB: Math.round(process.memoryUsage().heapUsed / 1e6),
      loadavg: loadavg().map((l) => +l.toFixed(2)),
    },
    null,
    2,
  ),
);
