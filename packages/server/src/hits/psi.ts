// Diffie–Hellman private set intersection over ristretto255 (@noble/curves). Each identifier is
// hashed to the group with hash_to_ristretto255 (RFC 9380 §Appendix B, SHA-512, a domain
// separation tag of our own) and raised to a scalar drawn for one query only. With a the querier's
// and b the answerer's scalar: the querier sends H(x)^a, the answerer sends back (H(x)^a)^b in the
// same order and H(y)^b for its own set in a random order, the querier raises those to a and
// compares. Equal points mean equal identifiers; nothing else is learnt (DDH in ristretto255; H
// modelled as a random oracle). See THREAT-MODEL.md next to this file.
import { randomBytes } from 'node:crypto';
import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';
import { ValidationError } from '@comity/core';

/** Domain separation for the identifiers of hit/no-hit (RFC 9380 §3.1). */
export const PSI_DST = 'comity-hits-v1_XMD:SHA-512_R255MAP_RO_';

type Point = InstanceType<typeof ristretto255.Point>;
const Fn = ristretto255.Point.Fn;

/** A one-time secret scalar, uniform in [1, ℓ). */
export function randomScalar(): bigint {
  for (;;) {
    // 64 bytes reduced mod ℓ: bias below 2^-250.
    const wide = randomBytes(64);
    let n = 0n;
    for (let i = wide.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(wide[i] as number);
    const s = Fn.create(n);
    if (s !== 0n) return s;
  }
}

export const scalarToHex = (s: bigint): string => s.toString(16).padStart(64, '0');
export const scalarFromHex = (hex: string): bigint => BigInt(`0x${hex}`);

/** hash_to_ristretto255 of a normalised identifier ("iban:DE89…", "imo:9074729", …). */
export function hashToGroup(identifier: string): Point {
  return ristretto255_hasher.hashToCurve(new TextEncoder().encode(identifier), { DST: PSI_DST }) as Point;
}

export function encodePoint(p: Point): string {
  return Buffer.from(p.toBytes()).toString('base64url');
}

/**
 * Decodes a peer's element: 32 bytes, a canonical ristretto255 encoding, not the identity (a peer
 * sending the identity would learn nothing but could confuse the comparison). Anything else is a
 * malformed encoding and refuses the whole message.
 */
export function decodePoint(text: string, where: string): Point {
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.length !== 32 || bytes.toString('base64url') !== text) throw new ValidationError('malformed_encoding', `${where}: not a 32-byte base64url encoding.`);
  let p: Point;
  try {
    p = ristretto255.Point.fromBytes(new Uint8Array(bytes)) as Point;
  } catch {
    throw new ValidationError('malformed_encoding', `${where}: not a valid ristretto255 element.`);
  }
  if (p.equals(ristretto255.Point.ZERO)) throw new ValidationError('malformed_encoding', `${where}: the identity element is refused.`);
  return p;
}

/** H(x)^k for each identifier. */
export function blindIdentifiers(identifiers: readonly string[], k: bigint): string[] {
  return identifiers.map((x) => encodePoint(hashToGroup(x).multiply(k)));
}

/** Raises a peer's elements to k (decoding and checking each; a bad one refuses all). */
export function reblind(elements: readonly string[], k: bigint, where: string): string[] {
  return elements.map((e, i) => encodePoint(decodePoint(e, `${where}[${i}]`).multiply(k)));
}

/**
 * The querier's last step: which of its items (positions in its query) and which of the answerer's
 * offered positions are in the intersection.
 */
export function intersect(doubled: readonly string[], offered: readonly string[], a: bigint): { mine: number[]; theirs: number[]; pairs: [number, number][] } {
  const theirsAt = new Map<string, number[]>();
  reblind(offered, a, 'offered').forEach((e, j) => {
    const at = theirsAt.get(e);
    if (at) at.push(j);
    else theirsAt.set(e, [j]);
  });
  const pairs: [number, number][] = [];
  doubled.forEach((e, i) => {
    decodePoint(e, `doubled[${i}]`);
    for (const j of theirsAt.get(e) ?? []) pairs.push([i, j]);
  });
  return { mine: [...new Set(pairs.map((p) => p[0]))], theirs: [...new Set(pairs.map((p) => p[1]))], pairs };
}

/** Fisher–Yates with crypto randomness: the order of an offered set says nothing about the records. */
export function shuffledIndices(n: number): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randomBytes(4).readUInt32LE(0) % (i + 1);
    [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
  }
  return idx;
}
