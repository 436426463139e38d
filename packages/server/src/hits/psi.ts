// Diffie–Hellman private set intersection on curve25519, x-only, suite PSI_SUITE. Each identifier is
// hashed to the curve with RFC 9380 `curve25519_XMD:SHA-512_ELL2_RO_` (expand_message_xmd with
// SHA-512, two Elligator 2 maps, their sum, the cofactor cleared) under a domain separation tag of
// our own, and only its Montgomery u-coordinate is kept (32 bytes, little-endian, as RFC 7748). An
// exponentiation is X25519: Node's native ladder (OpenSSL) with a clamped scalar drawn for one query.
// Clamped scalars are multiples of 8 and x-only scalar multiplication commutes
// (X25519(b, X25519(a, u)) = X25519(a, X25519(b, u))), so with a the querier's and b the answerer's
// scalar: the querier sends H(x)^a, the answerer sends back (H(x)^a)^b in the same order and H(y)^b
// for its own set in a random order, the querier raises those to a and compares. Equal elements mean
// equal identifiers; nothing else is learnt (DDH on curve25519; H modelled as a random oracle). See
// THREAT-MODEL.md next to this file.
//
// Why not ristretto255 any more (suite of protocol v1): with @noble/curves' pure-JS bigint arithmetic
// a hash cost ~260 µs and a multiplication ~730 µs, i.e. ~70 CPU hours for a 1M × 1M PSI; the native
// ladder takes ~55 µs per multiplication and the hash here ~200 µs (two Elligator 2 maps in bigint).
import { createHash, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { _map_to_curve_elligator2_curve25519, ed25519_hasher } from '@noble/curves/ed25519.js';
import { invert } from '@noble/curves/abstract/modular.js';
import { MAX_HIT_ITEMS, MAX_HIT_PAGES } from '@comity/contract/hits';
import { ValidationError } from '@comity/core';

/** The suite's name as it travels in `hits.query` (`suite`). */
export const PSI_SUITE = 'curve25519-ell2-x25519-v1';
/** Domain separation for the identifiers of hit/no-hit (RFC 9380 §3.1). */
export const PSI_DST = 'comity-hits-v2-curve25519_XMD:SHA-512_ELL2_RO_';

const P = 2n ** 255n - 19n;
const A = 486662n;
const m = (x: bigint) => {
  const r = x % P;
  return r < 0n ? r + P : r;
};

/** A one-time secret scalar: 32 random bytes, clamped by X25519 itself (RFC 7748 §5). */
export interface Scalar {
  readonly bytes: Buffer;
  readonly key: KeyObject;
}
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');

export function scalarFromBytes(bytes: Buffer): Scalar {
  if (bytes.length !== 32) throw new Error('a scalar is 32 bytes');
  return { bytes, key: createPrivateKey({ key: Buffer.concat([PKCS8_X25519, bytes]), format: 'der', type: 'pkcs8' }) };
}
export const randomScalar = (): Scalar => scalarFromBytes(randomBytes(32));
export const scalarToHex = (s: Scalar): string => s.bytes.toString('hex');
export const scalarFromHex = (hex: string): Scalar => scalarFromBytes(Buffer.from(hex, 'hex'));

/** expand_message_xmd (RFC 9380 §5.3.1) with SHA-512, 96 bytes: two field elements of 48 bytes. */
function expandXmd(msg: Buffer, dst: Buffer): Buffer {
  const dstPrime = Buffer.concat([dst, Buffer.from([dst.length])]);
  const b0 = createHash('sha512')
    .update(Buffer.alloc(128))
    .update(msg)
    .update(Buffer.from([0, 96, 0]))
    .update(dstPrime)
    .digest();
  const b1 = createHash('sha512').update(b0).update(Buffer.from([1])).update(dstPrime).digest();
  const x = Buffer.alloc(64);
  for (let i = 0; i < 64; i++) x[i] = (b0[i] as number) ^ (b1[i] as number);
  const b2 = createHash('sha512').update(x).update(Buffer.from([2])).update(dstPrime).digest();
  return Buffer.concat([b1, b2]).subarray(0, 96);
}
const DST = Buffer.from(PSI_DST, 'utf8');
const os2ip = (b: Buffer) => BigInt(`0x${b.toString('hex')}`);

function uToBytes(u: bigint): Buffer {
  const out = Buffer.alloc(32);
  let v = u;
  for (let i = 0; i < 32; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/**
 * H(x): the u-coordinate of hash_to_curve with suite curve25519_XMD:SHA-512_ELL2_RO_ (RFC 9380 §6.8.2,
 * §8.5) of a normalised identifier ("iban:DE89…", "imo:9074729", …), as 32 bytes little-endian.
 * The sum Q0 + Q1 and the three doublings of the cofactor clearing are computed on (X : Z) fractions
 * with a single inversion at the end.
 */
export function hashToGroup(identifier: string, dst: string = PSI_DST): Buffer {
  const uniform = expandXmd(Buffer.from(identifier, 'utf8'), dst === PSI_DST ? DST : Buffer.from(dst, 'utf8'));
  const q0 = _map_to_curve_elligator2_curve25519(m(os2ip(uniform.subarray(0, 48))));
  const q1 = _map_to_curve_elligator2_curve25519(m(os2ip(uniform.subarray(48, 96))));
  // x0 = a/b, y0 = c; x1 = e/f, y1 = g (the map's y denominators are 1).
  const [a, b, c, e, f, g] = [q0.xMn, q0.xMd, q0.yMn, q1.xMn, q1.xMd, q1.yMn];
  const bf = m(b * f);
  const D = m(e * b - a * f);
  if (D === 0n || q0.yMd !== 1n || q1.yMd !== 1n) return hashToGroupSlow(identifier, dst); // Q0 = ±Q1: probability ~2^-252
  // λ = (g − c)·bf / D; x3 = λ² − A − x0 − x1 = (N²·bf − (A·bf + a·f + e·b)·D²) / (D²·bf), N = (g − c)·bf.
  const N = m((g - c) * bf);
  const D2 = m(D * D);
  let X = m(N * N * bf - m(A * bf + a * f + e * b) * D2);
  let Z = m(D2 * bf);
  for (let i = 0; i < 3; i++) {
    // x-only doubling: X' = (X² − Z²)², Z' = 4XZ(X² + A·XZ + Z²).
    const XX = m(X * X);
    const ZZ = m(Z * Z);
    const XZ = m(X * Z);
    X = m((XX - ZZ) * (XX - ZZ));
    Z = m(4n * XZ * m(XX + A * XZ + ZZ));
  }
  if (Z === 0n) return hashToGroupSlow(identifier, dst);
  return uToBytes(m(X * invert(Z, P)));
}

/** The same through @noble/curves' edwards25519 hasher (the birational map keeps u = (1 + y)/(1 − y)); for the rare edge cases and the tests. */
export function hashToGroupSlow(identifier: string, dst: string = PSI_DST): Buffer {
  const p = ed25519_hasher.hashToCurve(new TextEncoder().encode(identifier), { DST: dst }).toAffine();
  if (p.y === 1n) throw new Error('hash to the identity');
  return uToBytes(m((1n + p.y) * invert(m(1n - p.y), P)));
}

export const encodeElement = (u: Buffer): string => u.toString('base64url');

/**
 * Decodes a peer's element: 32 bytes, a canonical u-coordinate (top bit clear, below 2^255 − 19).
 * Anything else is a malformed encoding and refuses the whole message. Points of small order give an
 * all-zero X25519 output, which OpenSSL refuses; that is caught in `raise`.
 */
export function decodeElement(text: string, where: string): Buffer {
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.length !== 32 || bytes.toString('base64url') !== text) throw new ValidationError('malformed_encoding', `${where}: not a 32-byte base64url encoding.`);
  if ((bytes[31] as number) & 0x80 || !canonical(bytes)) throw new ValidationError('malformed_encoding', `${where}: not a canonical curve25519 u-coordinate.`);
  return bytes;
}

function canonical(u: Buffer): boolean {
  // u < p = 2^255 − 19: only 0x7f ff … ff (ed…ff) and above are not.
  if (u[31] !== 0x7f) return true;
  for (let i = 30; i >= 1; i--) if (u[i] !== 0xff) return true;
  return (u[0] as number) < 0xed;
}

/** X25519(k, u): the native ladder; a small-order u (all-zero output) is a malformed element. */
function raise(u: Buffer, k: Scalar, where: string): string {
  try {
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: u.toString('base64url') }, format: 'jwk' });
    return diffieHellman({ privateKey: k.key, publicKey }).toString('base64url');
  } catch {
    throw new ValidationError('malformed_encoding', `${where}: a point of small order is refused.`);
  }
}

/** H(x)^k for each identifier. */
export function blindIdentifiers(identifiers: readonly string[], k: Scalar): string[] {
  return identifiers.map((x, i) => raise(hashToGroup(x), k, `identifier[${i}]`));
}

/** An offered set as it travels: H(y)^k for each identifier, a fresh dummy element for each padding position (null). */
export function blindPadded(identifiers: readonly (string | null)[], k: Scalar): string[] {
  return identifiers.map((x, i) => (x === null ? dummyElement() : raise(hashToGroup(x), k, `identifier[${i}]`)));
}

/** Raises a peer's elements to k (decoding and checking each; a bad one refuses all). */
export function reblind(elements: readonly string[], k: Scalar, where: string, offset = 0): string[] {
  return elements.map((e, i) => raise(decodeElement(e, `${where}[${i + offset}]`), k, `${where}[${i + offset}]`));
}

/**
 * The querier's last step: which of its items (positions in its query) and which of the answerer's
 * offered positions are in the intersection. `offered` may be the concatenation of several pages.
 */
export function intersect(doubled: readonly string[], offered: readonly string[], a: Scalar): { mine: number[]; theirs: number[]; pairs: [number, number][] } {
  const theirsAt = new Map<string, number[]>();
  reblind(offered, a, 'offered').forEach((e, j) => {
    const at = theirsAt.get(e);
    if (at) at.push(j);
    else theirsAt.set(e, [j]);
  });
  const pairs: [number, number][] = [];
  doubled.forEach((e, i) => {
    decodeElement(e, `doubled[${i}]`);
    for (const j of theirsAt.get(e) ?? []) pairs.push([i, j]);
  });
  return { mine: [...new Set(pairs.map((p) => p[0]))], theirs: [...new Set(pairs.map((p) => p[1]))], pairs };
}

/** Fisher–Yates with crypto randomness: the order of an offered set says nothing about the records. */
export function shuffledIndices(n: number): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  const rnd = randomBytes(4 * Math.max(n, 1));
  for (let i = n - 1; i > 0; i--) {
    const j = rnd.readUInt32LE(4 * i) % (i + 1);
    [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
  }
  return idx;
}

/**
 * Set sizes travel padded (THREAT-MODEL.md, item 6): a query's items and an answer's offered set are filled
 * with dummy elements up to the next multiple of this bucket, at least one bucket, so the peer (and an
 * eavesdropper, from the sizes) learns only the bucket. Set per node by COMITY_HITS_PAD_BUCKET (1 turns
 * padding off); the peer need not use the same bucket.
 */
export const DEFAULT_PAD_BUCKET = 1000;

export function padBucket(): number {
  const configured = Number(process.env.COMITY_HITS_PAD_BUCKET ?? DEFAULT_PAD_BUCKET);
  return Number.isInteger(configured) && configured >= 1 ? configured : DEFAULT_PAD_BUCKET;
}

/** The size a set of n travels at: the next multiple of the bucket (at least one bucket), never beyond what a query may carry. */
export function paddedSize(n: number, bucket = padBucket()): number {
  const padded = Math.max(1, Math.ceil(n / bucket)) * bucket;
  return Math.max(n, Math.min(padded, MAX_HIT_ITEMS * MAX_HIT_PAGES));
}

/**
 * A dummy element: the u-coordinate of r·G for a fresh random r (an X25519 public key). Like H(x)^a, it is
 * uniform in the prime-order subgroup, so a peer cannot tell it from a real blinded identifier (DDH), and
 * it matches nothing: equality with a real element would need r·b = a·b·log_G H(y). Nobody keeps r.
 */
export function dummyElement(): string {
  const jwk = generateKeyPairSync('x25519').publicKey.export({ format: 'jwk' });
  return jwk.x as string;
}

/** `n` dummy elements. */
export const dummyElements = (n: number): string[] => Array.from({ length: n }, dummyElement);
