// Linking two sets of person records, in clear (the explained matcher) or private mode (keyed CLK
// encodings compared by Dice in WebAssembly, blocking by Hamming LSH on the encodings). Used by
// `comity match` and bench/matching.
import { createHmac, randomBytes } from 'node:crypto';
import { blip, encodeClk, type KeyedHash, lshKeys, lshPositions } from '@comity/core/matching/clk';
import { blockingKeys, candidatePairs, type PersonRecord, preparePerson, type ScorePart, scorePair } from '@comity/core/matching/matcher';
import { DiceIndex } from './dice-wasm.ts';

export type MatchMode = 'clear' | 'private';

export interface LinkedPair {
  a: string;
  b: string;
  score: number;
  parts: ScorePart[];
}

/**
 * HMAC-SHA-256 under a key derived per field from the secret (field salting). Digests are memoised per
 * (field, feature): bigrams and years repeat across records, so encoding a set costs few HMACs.
 */
export function hmacKeyedHash(secret: Uint8Array): KeyedHash {
  const fieldKeys = new Map<string, Buffer>();
  const memo = new Map<string, Buffer>();
  return (field, feature) => {
    const id = `${field}\u0000${feature}`;
    const hit = memo.get(id);
    if (hit) return hit;
    let key = fieldKeys.get(field);
    if (!key) {
      key = createHmac('sha256', secret).update(`comity-clk-v1/${field}`).digest();
      fieldKeys.set(field, key);
    }
    const digest = createHmac('sha256', key).update(feature).digest();
    if (memo.size < 200_000) memo.set(id, digest);
    return digest;
  };
}

/**
 * BLIP of an encoding that leaves its holder (core `blip`), flips seeded by HMAC-SHA-256 under a key derived
 * from the secret over the unflipped encoding: deterministic per record and secret, independent across records.
 */
export function blipUnder(secret: Uint8Array, f: number): (clk: Uint32Array) => Uint32Array {
  const key = createHmac('sha256', secret).update('comity-clk-v1/blip').digest();
  return (clk) => blip(clk, f, createHmac('sha256', key).update(Buffer.from(clk.buffer, clk.byteOffset, clk.byteLength)).digest());
}

/**
 * Links two sets. In private mode, `blip` (a flip probability) is applied to the left set's encodings only,
 * as between nodes: the side that sends its encodings flips them, the side that compares keeps its own.
 */
export function linkRecords(left: PersonRecord[], right: PersonRecord[], opts: { mode: MatchMode; threshold: number; secret?: Uint8Array; blip?: number }): LinkedPair[] {
  const pl = left.map(preparePerson);
  const pr = right.map(preparePerson);
  const out: LinkedPair[] = [];
  if (opts.mode === 'clear') {
    for (const [i, j] of candidatePairs(pl.map(blockingKeys), pr.map(blockingKeys))) {
      const s = scorePair(pl[i]!, pr[j]!);
      if (s.score >= opts.threshold) out.push({ a: pl[i]!.id, b: pr[j]!.id, score: s.score, parts: s.parts });
    }
    return out;
  }
  const secret = opts.secret ?? randomBytes(32);
  const hash = hmacKeyedHash(secret);
  const flip = opts.blip ? blipUnder(secret, opts.blip) : (e: Uint32Array) => e;
  const el = pl.map((p) => flip(encodeClk(p, hash)));
  const er = pr.map((p) => encodeClk(p, hash));
  const positions = lshPositions(createHmac('sha256', secret).update('comity-clk-v1/lsh').digest().readUInt32BE(0));
  const index = new DiceIndex(er);
  const byLeft = new Map<number, number[]>();
  for (const [i, j] of candidatePairs(el.map((e) => lshKeys(e, positions)), er.map((e) => lshKeys(e, positions)), 2000)) {
    const list = byLeft.get(i);
    if (list) list.push(j);
    else byLeft.set(i, [j]);
  }
  for (const [i, js] of byLeft) {
    const scores = index.diceSome(el[i]!, js);
    js.forEach((j, k) => {
      const score = Math.round(scores[k]! * 10000) / 10000;
      if (score >= opts.threshold) {
        out.push({ a: pl[i]!.id, b: pr[j]!.id, score, parts: [{ part: 'encoding', similarity: score, weight: 1, detail: 'Dice of 1024-bit keyed encodings of name and birth date (no cleartext compared)' }] });
      }
    });
  }
  return out;
}
