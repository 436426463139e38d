// Privacy-preserving encodings of person records for linkage without cleartext: keyed cryptographic
// long-term keys (CLK, Schnell, Bachteler & Reiher 2011), one 1024-bit Bloom filter per record holding the
// name's bigrams and the birth date's parts, compared by the Dice coefficient.
//
// Hardening, as the literature on attacks against Bloom-filter encodings recommends:
// - keyed hashing: every position comes from an HMAC under a secret agreed per pair of nodes, with a separate
//   key per field (field salting), so a party without the secret cannot build a dictionary of encodings;
// - random hashing (Schnell, Borgs & Encarnação 2016, "Randomized response and balanced Bloom filters"; and
//   Niedermeyer et al. 2014 on the double-hashing pattern attack): the k positions of a feature are drawn
//   from a PRNG seeded by the feature's HMAC instead of double hashing, which removes the linear pattern
//   that the Kroll–Steinmetzer / Niedermeyer attacks exploit;
// - XOR-folding (Schnell, Borgs & Encarnação 2016): the filter is built at 2048 bits and its halves XORed,
//   so that no single bit corresponds to a bigram any more and frequent bigrams do not stand out;
// - feature weighting: fields get different numbers of positions (k), and the bigram set mixes the name's
//   bigrams with those of its consonant skeleton, so frequencies of plain bigrams are blurred;
// - BLIP (`blip` below): the encodings that leave a node have each bit flipped with a small probability.
// The birth date is encoded as year, month, day, the sorted pair (month, day) and the decade, so that a
// day/month swap or a year one off keeps most of its bits.
// Core does no cryptography itself: the caller passes the keyed hash (HMAC-SHA-256 from Node's crypto).
import { formatBirthDate } from './dates.ts';
import type { PreparedPerson } from './matcher.ts';

export const CLK_BITS = 1024;
export const CLK_WORDS = CLK_BITS / 32;
const BUILD_BITS = CLK_BITS * 2;

/** Keyed hash of one feature of one field; must return at least 16 bytes (HMAC-SHA-256 under a per-field key). */
export type KeyedHash = (field: string, feature: string) => Uint8Array;

/** Positions per feature, by field. */
const K = { nameBigram: 10, skeletonBigram: 4, year: 50, monthDay: 40, sortedMonthDay: 40, decade: 12 } as const;

function bigrams(token: string): string[] {
  const padded = `_${token}_`;
  const out: string[] = [];
  for (let i = 0; i < padded.length - 1; i++) out.push(padded.slice(i, i + 2));
  return out;
}

/** Sets k positions drawn from xorshift128 seeded by the digest (random hashing). */
function setPositions(bits: Uint32Array, digest: Uint8Array, k: number): void {
  if (digest.length < 16) throw new Error('the keyed hash must return at least 16 bytes');
  const view = new DataView(digest.buffer, digest.byteOffset, digest.byteLength);
  let x = view.getUint32(0) | 1;
  let y = view.getUint32(4);
  let z = view.getUint32(8);
  let w = view.getUint32(12);
  for (let i = 0; i < k; i++) {
    const t = x ^ (x << 11);
    x = y;
    y = z;
    z = w;
    w = (w ^ (w >>> 19) ^ (t ^ (t >>> 8))) >>> 0;
    const pos = w % BUILD_BITS;
    bits[pos >>> 5]! |= 1 << (pos & 31);
  }
}

/** The features of a record, per field, as fed to the filter (exported for tests and the threat model). */
export function clkFeatures(p: PreparedPerson): { field: string; feature: string; k: number }[] {
  const out: { field: string; feature: string; k: number }[] = [];
  const seen = new Set<string>();
  const add = (field: string, feature: string, k: number) => {
    const key = `${field}\u0000${feature}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ field, feature, k });
  };
  for (const t of p.name.tokens) for (const g of bigrams(t)) add('name', g, K.nameBigram);
  for (const s of p.skeletons) for (const g of bigrams(s)) add('name-skeleton', g, K.skeletonBigram);
  const d = p.birthDate;
  if (d) {
    add('dob-year', String(d.year), K.year);
    add('dob-month-day', formatBirthDate(d).slice(5), K.monthDay);
    add('dob-sorted-month-day', `${Math.min(d.month, d.day)}-${Math.max(d.month, d.day)}`, K.sortedMonthDay);
    add('dob-decade', String(Math.floor(d.year / 10)), K.decade);
  }
  return out;
}

/** The 1024-bit CLK of a prepared record (32 little-endian 32-bit words). */
export function encodeClk(p: PreparedPerson, hash: KeyedHash): Uint32Array {
  const build = new Uint32Array(BUILD_BITS / 32);
  for (const { field, feature, k } of clkFeatures(p)) setPositions(build, hash(field, feature), k);
  const folded = new Uint32Array(CLK_WORDS);
  for (let i = 0; i < CLK_WORDS; i++) folded[i] = build[i]! ^ build[i + CLK_WORDS]!;
  return folded;
}

/**
 * BLIP (Schnell & Borgs 2016, "Randomized response and balanced Bloom filters for privacy preserving record
 * linkage"): every bit of an encoding is flipped with probability `f` (randomised response), so that no bit
 * pattern or bit frequency of the sent encoding can be read as a bigram's any more with certainty; Dice between a
 * flipped and an unflipped encoding of the same person drops by a few points only. The flips come from xorshift128
 * seeded by `seed` (at least 16 bytes): the caller derives it from the pair's secret and the unflipped encoding, so
 * one record gives one encoding in an epoch however often it is sent (repeated queries cannot be averaged to
 * strip the noise) and different records get independent flips. Returns a new array.
 */
export function blip(clk: Uint32Array, f: number, seed: Uint8Array): Uint32Array {
  if (!(f >= 0 && f < 0.5)) throw new Error('the flip probability is in [0, 0.5)');
  if (seed.length < 16) throw new Error('the seed must be at least 16 bytes');
  const out = Uint32Array.from(clk);
  if (f === 0) return out;
  const view = new DataView(seed.buffer, seed.byteOffset, seed.byteLength);
  let x = view.getUint32(0) | 1;
  let y = view.getUint32(4);
  let z = view.getUint32(8);
  let w = view.getUint32(12);
  const limit = Math.floor(f * 2 ** 32);
  for (let bit = 0; bit < out.length * 32; bit++) {
    const t = x ^ (x << 11);
    x = y;
    y = z;
    z = w;
    w = (w ^ (w >>> 19) ^ (t ^ (t >>> 8))) >>> 0;
    if (w < limit) out[bit >>> 5]! ^= 1 << (bit & 31);
  }
  return out;
}

export function popcount32(v: number): number {
  let x = v - ((v >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Dice coefficient 2|A∩B| / (|A| + |B|) of two encodings of equal length (plain JavaScript). */
export function dice(a: Uint32Array, b: Uint32Array): number {
  let both = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    both += popcount32(a[i]! & b[i]!);
    na += popcount32(a[i]!);
    nb += popcount32(b[i]!);
  }
  return na + nb === 0 ? 0 : (2 * both) / (na + nb);
}

/**
 * Blocking for encodings (Hamming locality-sensitive hashing): `tables` keys per record, each the values of
 * `bitsPerKey` bit positions drawn with a seed both sides agree on. Similar encodings agree on most bits and so
 * share a key with high probability; the keys reveal nothing beyond the encoding itself.
 */
export function lshKeys(clk: Uint32Array, positions: Uint16Array[]): string[] {
  return positions.map((pos, t) => {
    let key = `${t}:`;
    let acc = 0;
    for (let i = 0; i < pos.length; i++) {
      const p = pos[i]!;
      acc = (acc << 1) | ((clk[p >>> 5]! >>> (p & 31)) & 1);
      if ((i & 15) === 15) {
        key += acc.toString(36);
        acc = 0;
      }
    }
    return key + acc.toString(36);
  });
}

/** Bit positions for `lshKeys`, from a 32-bit seed (xorshift32), e.g. derived from the pair's secret. */
export function lshPositions(seed: number, tables = 64, bitsPerKey = 20): Uint16Array[] {
  let s = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
  return Array.from({ length: tables }, () => Uint16Array.from({ length: bitsPerKey }, () => next() % CLK_BITS));
}
