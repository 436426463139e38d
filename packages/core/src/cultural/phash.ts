// Perceptual hash of an image for near-duplicate search (issue 15 part 2): a DCT hash over a
// 32×32 greyscale copy, written here. The caller decodes and scales the image (sharp on the
// server); this module only sees the 1 024 grey levels, so it stays pure and testable.
//
// The hash: the 2-D DCT-II of the 32×32 grid, its 8×8 lowest frequencies without the DC term
// (63 coefficients plus the DC bit kept at 0 so the hash is 64 bits), and one bit per coefficient:
// above the median of those coefficients or not. Low frequencies carry the image's layout and
// survive scaling, recompression, small crops and colour or brightness shifts (a shift moves DC
// only; a contrast change scales every coefficient and keeps the median split).

export const GRID = 32;
const LOW = 8;
export const HASH_BITS = 64;

/** cos((2x+1)uπ / 2N) for u, x < N, computed once. */
const COS: Float64Array = (() => {
  const t = new Float64Array(GRID * GRID);
  for (let u = 0; u < GRID; u++) for (let x = 0; x < GRID; x++) t[u * GRID + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * GRID));
  return t;
})();

/** The low 8×8 block of the 2-D DCT-II of a 32×32 grid (row-major, index v*8+u). Scale factors are left out: only order matters. */
export function lowFrequencies(grey: ArrayLike<number>): Float64Array {
  if (grey.length !== GRID * GRID) throw new RangeError(`pHash needs ${GRID * GRID} grey levels, got ${grey.length}`);
  // Rows first: for each row y, the first LOW horizontal frequencies.
  const rows = new Float64Array(GRID * LOW);
  for (let y = 0; y < GRID; y++) {
    for (let u = 0; u < LOW; u++) {
      let s = 0;
      for (let x = 0; x < GRID; x++) s += (grey[y * GRID + x] as number) * (COS[u * GRID + x] as number);
      rows[y * LOW + u] = s;
    }
  }
  const out = new Float64Array(LOW * LOW);
  for (let v = 0; v < LOW; v++) {
    for (let u = 0; u < LOW; u++) {
      let s = 0;
      for (let y = 0; y < GRID; y++) s += (rows[y * LOW + u] as number) * (COS[v * GRID + y] as number);
      out[v * LOW + u] = s;
    }
  }
  return out;
}

/** The 64-bit perceptual hash of a 32×32 grey grid, as 16 lower-case hex digits. */
export function perceptualHash(grey: ArrayLike<number>): string {
  const f = lowFrequencies(grey);
  const ac = Array.from(f).slice(1);
  const sorted = [...ac].sort((a, b) => a - b);
  const median = ((sorted[31] as number) + (sorted[32] as number)) / 2;
  let hi = 0;
  let lo = 0;
  // Bit i (0 = most significant) is coefficient i; coefficient 0 (DC) always 0.
  for (let i = 1; i < 64; i++) {
    if ((f[i] as number) <= median) continue;
    if (i < 32) hi |= 1 << (31 - i);
    else lo |= 1 << (63 - i);
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

/** The grid turned a quarter clockwise `quarters` times (exact on a square grid: no resampling). */
export function rotateGrid(grey: ArrayLike<number>, quarters: 0 | 1 | 2 | 3): Float64Array {
  const out = new Float64Array(GRID * GRID);
  for (let y = 0; y < GRID; y++) {
    for (let x = 0; x < GRID; x++) {
      const v = grey[y * GRID + x] as number;
      let nx = x;
      let ny = y;
      for (let q = 0; q < quarters; q++) {
        const t = nx;
        nx = GRID - 1 - ny;
        ny = t;
      }
      out[ny * GRID + nx] = v;
    }
  }
  return out;
}

export const ROTATIONS = [0, 90, 180, 270] as const;
export type Rotation = (typeof ROTATIONS)[number];

/** The hash of every quarter turn of the grid, so a photo taken sideways still meets its record. */
export function rotationHashes(grey: ArrayLike<number>): { rotation: Rotation; hash: string }[] {
  return ROTATIONS.map((rotation) => ({ rotation, hash: perceptualHash(rotateGrid(grey, (rotation / 90) as 0 | 1 | 2 | 3)) }));
}

const POP8 = (() => {
  const t = new Uint8Array(256);
  for (let i = 1; i < 256; i++) t[i] = (t[i >> 1] as number) + (i & 1);
  return t;
})();

function popcount32(v: number): number {
  return (POP8[v & 0xff] as number) + (POP8[(v >>> 8) & 0xff] as number) + (POP8[(v >>> 16) & 0xff] as number) + (POP8[v >>> 24] as number);
}

export function isHash(value: string): boolean {
  return /^[0-9a-f]{16}$/.test(value);
}

/** Number of differing bits between two hashes (0–64). */
export function hammingDistance(a: string, b: string): number {
  if (!isHash(a) || !isHash(b)) throw new RangeError('not a 64-bit hex hash');
  return popcount32((Number.parseInt(a.slice(0, 8), 16) ^ Number.parseInt(b.slice(0, 8), 16)) >>> 0) + popcount32((Number.parseInt(a.slice(8), 16) ^ Number.parseInt(b.slice(8), 16)) >>> 0);
}

/**
 * Hashes held as two 32-bit halves in typed arrays, scanned with a table popcount: one pass over
 * a million hashes reads 8 MB and does no allocation. `owner[i]` names what hash i belongs to.
 * An owner's hashes can be taken out again (`remove`): the last hash moves into each hole, so the
 * arrays stay dense and a scan never meets a gap. The node's registry index keeps one of these
 * current as records, photos and markings change (packages/server/src/cultural/registry-index.ts).
 */
export class HashIndex {
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  private owners: string[] = [];
  /** Where each owner's hashes are (positions in the arrays). */
  private at = new Map<string, number[]>();

  get size(): number {
    return this.owners.length;
  }

  /** Owners with at least one hash. */
  get ownerCount(): number {
    return this.at.size;
  }

  has(owner: string): boolean {
    return this.at.has(owner);
  }

  add(hash: string, owner: string): void {
    if (!isHash(hash)) throw new RangeError('not a 64-bit hex hash');
    const n = this.owners.length;
    if (n === this.hi.length) {
      const hi = new Uint32Array(n * 2);
      hi.set(this.hi);
      this.hi = hi;
      const lo = new Uint32Array(n * 2);
      lo.set(this.lo);
      this.lo = lo;
    }
    this.hi[n] = Number.parseInt(hash.slice(0, 8), 16);
    this.lo[n] = Number.parseInt(hash.slice(8), 16);
    this.owners.push(owner);
    const list = this.at.get(owner);
    if (list) list.push(n);
    else this.at.set(owner, [n]);
  }

  /** Takes every hash of `owner` out; returns how many there were. */
  remove(owner: string): number {
    const list = this.at.get(owner);
    if (!list) return 0;
    this.at.delete(owner);
    // Highest positions first, so a hole is never filled from a position about to be emptied.
    const holes = [...list].sort((a, b) => b - a);
    for (const p of holes) {
      const last = this.owners.length - 1;
      if (p !== last) {
        const moved = this.owners[last] as string;
        this.hi[p] = this.hi[last] as number;
        this.lo[p] = this.lo[last] as number;
        this.owners[p] = moved;
        const where = this.at.get(moved) as number[];
        where[where.indexOf(last)] = p;
      }
      this.owners.pop();
    }
    return holes.length;
  }

  /**
   * Owners within `maxDistance` of any of the query hashes, each with its smallest distance,
   * nearest first (ties by owner), at most `limit`. `accept`, if given, is asked once per owner
   * that is near enough (a few, not every hash) and leaves out those it refuses before the limit.
   */
  search(queries: readonly string[], maxDistance: number, limit: number, accept?: (owner: string) => boolean): { owner: string; distance: number }[] {
    const best = new Map<string, number>();
    const refused = new Set<string>();
    const qs = queries.map((q) => {
      if (!isHash(q)) throw new RangeError('not a 64-bit hex hash');
      return [Number.parseInt(q.slice(0, 8), 16), Number.parseInt(q.slice(8), 16)] as const;
    });
    const n = this.owners.length;
    const hi = this.hi;
    const lo = this.lo;
    for (const [qh, ql] of qs) {
      for (let i = 0; i < n; i++) {
        const a = ((hi[i] as number) ^ qh) >>> 0;
        let d = (POP8[a & 0xff] as number) + (POP8[(a >>> 8) & 0xff] as number) + (POP8[(a >>> 16) & 0xff] as number) + (POP8[a >>> 24] as number);
        if (d > maxDistance) continue;
        const b = ((lo[i] as number) ^ ql) >>> 0;
        d += (POP8[b & 0xff] as number) + (POP8[(b >>> 8) & 0xff] as number) + (POP8[(b >>> 16) & 0xff] as number) + (POP8[b >>> 24] as number);
        if (d > maxDistance) continue;
        const owner = this.owners[i] as string;
        const had = best.get(owner);
        if (had !== undefined) {
          if (d < had) best.set(owner, d);
          continue;
        }
        if (refused.has(owner)) continue;
        if (accept && !accept(owner)) {
          refused.add(owner);
          continue;
        }
        best.set(owner, d);
      }
    }
    return [...best.entries()]
      .map(([owner, distance]) => ({ owner, distance }))
      .sort((a, b) => a.distance - b.distance || (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0))
      .slice(0, limit);
  }
}
