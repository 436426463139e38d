// Image-similarity search over one million perceptual hashes (issue 15): the registry's HashIndex
// (two Uint32Arrays, table popcount, early exit on the first half) beside a plain linear scan
// over the hex strings (hammingDistance per hash), in the same run on the same data.
// Run: node --import tsx bench/cultural-property/search-bench.ts [count] [queries]
import { loadavg } from 'node:os';
import { HashIndex, MATCH_DISTANCE_FOR_BENCH, hammingDistance } from './bench-support.ts';

const count = Number(process.argv[2] ?? 1_000_000);
const queries = Number(process.argv[3] ?? 200);

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

const hashes: string[] = [];
const index = new HashIndex();
for (let i = 0; i < count; i++) {
  const h = hex(rand32(), rand32());
  hashes.push(h);
  index.add(h, `o${i}`);
}
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

function time(fn: (q: string) => number, qlist: string[]): { p50: number; p99: number; hits: number } {
  const ms: number[] = [];
  let hits = 0;
  for (const q of qlist) {
    const t0 = process.hrtime.bigint();
    hits += fn(q);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(ms.length * 0.5)] as number, p99: ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.99))] as number, hits };
}

// Warm both paths, then measure.
time((q) => index.search([q], MATCH_DISTANCE_FOR_BENCH, 50).length, qs.slice(0, 10));
const idx = time((q) => index.search([q], MATCH_DISTANCE_FOR_BENCH, 50).length, qs);
const lin = time(linear, qs.slice(0, Math.min(qs.length, 40)));
console.log(JSON.stringify({ hashes: count, queries, threshold: MATCH_DISTANCE_FOR_BENCH, index: idx, linearScan: { ...lin, queries: Math.min(qs.length, 40) }, p99Ratio: +(idx.p99 / lin.p99).toFixed(3), loadavg: loadavg().map((l) => +l.toFixed(2)) }, null, 2));
