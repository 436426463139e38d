// The Merkle tree of RFC 9162 (Certificate Transparency 2.0), section 2.1: leaf hashes
// SHA-256(0x00 || data), interior nodes SHA-256(0x01 || left || right), a tree of n leaves split at
// the largest power of two smaller than n. Hashes are lowercase hex in this module's interface.
//
// Proof generation works over any source of subtree hashes (`SubtreeSource`): in memory for
// verification, or the nodes a store kept. Every range the algorithms ask for starts at a multiple
// of a power of two at least as large as the range, so it is made of at most log2(n) complete,
// aligned subtrees (`completeSubtrees`), which is what a store keeps.

/** SHA-256 over bytes (the port through which the pure core reaches node:crypto). */
export interface Sha256 {
  sha256(data: Uint8Array): Uint8Array;
}

export function hexToBytes(hex: string): Uint8Array {
  if (!/^([0-9a-f]{2})*$/i.test(hex)) throw new Error('not hex');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding (RFC 4648 §4), as the C2SP note formats use. */
export function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    s += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    s += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    s += c === undefined ? '=' : B64[c & 63]!;
  }
  return s;
}

export function base64ToBytes(text: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw new Error('not base64');
  const clean = text.replace(/=+$/, '');
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    value = (value << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** UTF-8 bytes of well-formed text (a lone surrogate becomes U+FFFD, as TextEncoder does). */
export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    let c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** MTH({}) = SHA-256 of the empty string. */
export function emptyRoot(h: Sha256): string {
  return bytesToHex(h.sha256(new Uint8Array(0)));
}

export function leafHash(h: Sha256, data: Uint8Array): string {
  return bytesToHex(h.sha256(concat(Uint8Array.of(0), data)));
}

export function nodeHash(h: Sha256, left: string, right: string): string {
  return bytesToHex(h.sha256(concat(Uint8Array.of(1), hexToBytes(left), hexToBytes(right))));
}

/** The largest power of two strictly smaller than n (n > 1). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && Number.isInteger(Math.log2(n));
}

/** A complete subtree: 2^level leaves starting at index * 2^level. */
export interface SubtreeId {
  level: number;
  index: number;
}

/**
 * The complete aligned subtrees that make up leaves [start, start + n) in RFC 9162's shape. The
 * range must start at a multiple of a power of two at least n (true of every range the algorithms
 * below ask for).
 */
export function completeSubtrees(start: number, n: number): SubtreeId[] {
  if (n <= 0) return [];
  if (isPowerOfTwo(n)) return [{ level: Math.log2(n), index: start / n }];
  const k = splitPoint(n);
  return [...completeSubtrees(start, k), ...completeSubtrees(start + k, n - k)];
}

/** The hash of leaves [start, start + n) (n ≥ 1), for proof generation. */
export type SubtreeSource = (start: number, n: number) => string;

/** Combines complete subtrees into the hash of a range, following the RFC's split. */
export function rangeHashFrom(h: Sha256, node: (id: SubtreeId) => string): SubtreeSource {
  const range = (start: number, n: number): string => {
    if (isPowerOfTwo(n)) return node({ level: Math.log2(n), index: start / n });
    const k = splitPoint(n);
    return nodeHash(h, range(start, k), range(start + k, n - k));
  };
  return range;
}

/** MTH(D[n]) over leaf hashes already computed. */
export function rootFromLeafHashes(h: Sha256, leaves: readonly string[]): string {
  if (leaves.length === 0) return emptyRoot(h);
  const tree = new InMemoryTree(h);
  for (const l of leaves) tree.append(l);
  return tree.root(leaves.length);
}

/** RFC 9162 §2.1.3.1 PATH(m, D[n]), leaf first. */
export function inclusionPath(source: SubtreeSource, index: number, size: number): string[] {
  if (!(index >= 0 && index < size)) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  const path = (m: number, start: number, n: number): string[] => {
    if (n === 1) return [];
    const k = splitPoint(n);
    return m < k ? [...path(m, start, k), source(start + k, n - k)] : [...path(m - k, start + k, n - k), source(start, k)];
  };
  return path(index, 0, size);
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]) for 0 < m ≤ n (empty when m = n). */
export function consistencyPath(source: SubtreeSource, first: number, second: number): string[] {
  if (!(first > 0 && first <= second)) throw new RangeError(`no consistency proof from ${first} to ${second}`);
  if (first === second) return [];
  const sub = (m: number, start: number, n: number, b: boolean): string[] => {
    if (m === n) return b ? [] : [source(start, n)];
    const k = splitPoint(n);
    return m <= k ? [...sub(m, start, k, b), source(start + k, n - k)] : [...sub(m - k, start + k, n - k, false), source(start, k)];
  };
  return sub(first, 0, second, true);
}

/** RFC 9162 §2.1.3.2: verifies an inclusion proof. */
export function verifyInclusion(h: Sha256, index: number, size: number, leaf: string, path: readonly string[], root: string): boolean {
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size)) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(h, p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(h, r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r === root;
}

/** RFC 9162 §2.1.4.2: verifies that the tree of `second` leaves extends the tree of `first`. */
export function verifyConsistency(h: Sha256, first: number, second: number, firstRoot: string, secondRoot: string, proof: readonly string[]): boolean {
  if (!(Number.isSafeInteger(first) && Number.isSafeInteger(second) && first >= 0 && first <= second)) return false;
  if (first === second) return proof.length === 0 && firstRoot === secondRoot;
  if (first === 0) return proof.length === 0; // the empty tree is a prefix of every tree
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(h, c, fr);
      sr = nodeHash(h, c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(h, sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return fr === firstRoot && sr === secondRoot && sn === 0;
}

/**
 * A tree held in memory as its complete subtrees, level by level: appending a leaf completes at
 * most log2(n) new subtrees (returned, so a store can keep them). Roots and proofs for any size up
 * to the current one come from these nodes.
 */
export class InMemoryTree {
  /** levels[l][i]: the complete subtree of 2^l leaves starting at i * 2^l. */
  readonly levels: string[][] = [[]];
  constructor(private readonly h: Sha256) {}

  get size(): number {
    return this.levels[0]!.length;
  }

  /** Appends a leaf hash; returns the subtrees it completed, leaf level first. */
  append(leaf: string): (SubtreeId & { hash: string })[] {
    const made: (SubtreeId & { hash: string })[] = [];
    let level = 0;
    let index = this.levels[0]!.length;
    this.levels[0]!.push(leaf);
    made.push({ level: 0, index, hash: leaf });
    while (index % 2 === 1) {
      const row = this.levels[level]!;
      const hash = nodeHash(this.h, row[index - 1]!, row[index]!);
      level++;
      index = (index - 1) / 2;
      if (!this.levels[level]) this.levels[level] = [];
      this.levels[level]!.push(hash);
      made.push({ level, index, hash });
    }
    return made;
  }

  node(id: SubtreeId): string {
    const v = this.levels[id.level]?.[id.index];
    if (v === undefined) throw new RangeError(`no subtree ${id.level}/${id.index}`);
    return v;
  }

  source(): SubtreeSource {
    return rangeHashFrom(this.h, (id) => this.node(id));
  }

  root(size: number = this.size): string {
    if (size === 0) return emptyRoot(this.h);
    if (size > this.size) throw new RangeError(`the tree has ${this.size} leaves, not ${size}`);
    return this.source()(0, size);
  }
}

/**
 * The right edge of a tree: its maximal complete subtrees, left to right (what `completeSubtrees(0,
 * size)` names). Enough to append leaves and to compute the root without the rest of the tree,
 * which is how the sequencer extends a stored tree.
 */
export class Frontier {
  private readonly edge: (SubtreeId & { hash: string })[];
  constructor(
    private readonly h: Sha256,
    public size: number,
    edge: readonly (SubtreeId & { hash: string })[],
  ) {
    const want = completeSubtrees(0, size);
    if (want.length !== edge.length || want.some((w, i) => w.level !== edge[i]!.level || w.index !== edge[i]!.index)) {
      throw new Error(`the stored right edge of the audit tree of size ${size} is incomplete`);
    }
    this.edge = edge.map((e) => ({ ...e }));
  }

  /** Appends a leaf hash; returns every complete subtree this completes, the leaf first. */
  append(leaf: string): (SubtreeId & { hash: string })[] {
    const made = [{ level: 0, index: this.size, hash: leaf }];
    this.edge.push(made[0]!);
    this.size++;
    while (this.edge.length >= 2 && this.edge.at(-1)!.level === this.edge.at(-2)!.level) {
      const right = this.edge.pop()!;
      const left = this.edge.pop()!;
      const up = { level: left.level + 1, index: left.index / 2, hash: nodeHash(this.h, left.hash, right.hash) };
      this.edge.push(up);
      made.push(up);
    }
    return made;
  }

  root(): string {
    if (this.edge.length === 0) return emptyRoot(this.h);
    let r = this.edge.at(-1)!.hash;
    for (let i = this.edge.length - 2; i >= 0; i--) r = nodeHash(this.h, this.edge[i]!.hash, r);
    return r;
  }
}
