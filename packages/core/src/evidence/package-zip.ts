// Reads the table of contents of a court package (a ZIP file) through random access, without
// loading the archive: the node's CLI reads a file handle, the offline verifier page a browser
// File. Pure: the caller supplies `read(offset, length)`.
//
// A package is written by the node with every entry stored (method 0), so each file's bytes are
// a contiguous range of the archive that can be hashed as it is. The reader also checks that the
// entries, their data descriptors, the central directory and the end records cover the archive
// exactly: bytes hidden between entries, a local header that disagrees with the central directory
// or a second entry with the same name are reported rather than skipped.

export interface RandomAccessSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export interface ZipEntry {
  name: string;
  /** Offset of the first byte of the entry's data in the archive. */
  dataOffset: number;
  /** Stored size (= size, since a package stores its entries uncompressed). */
  size: number;
  crc32: number;
  method: number;
}

export interface ZipProblem {
  code: 'not_a_zip' | 'zip_corrupt' | 'zip_entry_compressed' | 'zip_entry_name' | 'zip_duplicate_entry' | 'zip_unexpected_bytes';
  message: string;
  path?: string;
}

export interface ZipToc {
  entries: ZipEntry[];
  problems: ZipProblem[];
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const SIG_DESCRIPTOR = 0x08074b50;
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;

class Cursor {
  constructor(
    readonly b: Uint8Array,
    public p = 0,
  ) {}
  u16(): number {
    const v = (this.b[this.p] ?? 0) | ((this.b[this.p + 1] ?? 0) << 8);
    this.p += 2;
    return v;
  }
  u32(): number {
    const v = ((this.b[this.p] ?? 0) | ((this.b[this.p + 1] ?? 0) << 8) | ((this.b[this.p + 2] ?? 0) << 16)) + (this.b[this.p + 3] ?? 0) * 0x1000000;
    this.p += 4;
    return v;
  }
  u64(): number {
    const lo = this.u32();
    const hi = this.u32();
    if (hi >= 0x200000) throw new ZipFormatError('zip_corrupt', 'A ZIP64 size or offset is larger than this reader handles.');
    return hi * 0x100000000 + lo;
  }
  bytes(n: number): Uint8Array {
    const v = this.b.subarray(this.p, this.p + n);
    this.p += n;
    return v;
  }
}

export class ZipFormatError extends Error {
  constructor(
    readonly code: ZipProblem['code'],
    message: string,
  ) {
    super(message);
  }
}

function u32At(b: Uint8Array, i: number): number {
  return new Cursor(b, i).u32();
}

/** UTF-8 decoding that refuses malformed input (a name is compared with the manifest byte for byte). */
export function decodeUtf8Strict(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; ) {
    const c = b[i] as number;
    let cp: number;
    let n: number;
    if (c < 0x80) {
      cp = c;
      n = 1;
    } else if (c >= 0xc2 && c <= 0xdf) {
      cp = c & 0x1f;
      n = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
      cp = c & 0x0f;
      n = 3;
    } else if (c >= 0xf0 && c <= 0xf4) {
      cp = c & 0x07;
      n = 4;
    } else throw new ZipFormatError('zip_entry_name', 'Text that is not UTF-8.');
    if (i + n > b.length) throw new ZipFormatError('zip_entry_name', 'Text that is not UTF-8.');
    for (let k = 1; k < n; k++) {
      const cc = b[i + k] as number;
      if ((cc & 0xc0) !== 0x80) throw new ZipFormatError('zip_entry_name', 'Text that is not UTF-8.');
      cp = (cp << 6) | (cc & 0x3f);
    }
    if ((n === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n === 4 && (cp < 0x10000 || cp > 0x10ffff))) {
      throw new ZipFormatError('zip_entry_name', 'Text that is not UTF-8.');
    }
    out += String.fromCodePoint(cp);
    i += n;
  }
  return out;
}

export function encodeUtf8(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}

/** A name the verifier accepts: relative, `/`-separated, no `.`/`..` segment, no backslash or control character. */
export function isSafeEntryName(name: string): boolean {
  if (name.length === 0 || name.length > 512 || name.startsWith('/') || name.endsWith('/')) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\\\u0000-\u001f\u007f]/.test(name)) return false;
  return name.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

/**
 * Lists the entries of a ZIP archive. Throws `ZipFormatError` when the file is not a ZIP at all or
 * its directory cannot be read; returns the other findings as `problems` next to the entries.
 */
export async function readZipToc(src: RandomAccessSource): Promise<ZipToc> {
  if (src.size < 22) throw new ZipFormatError('not_a_zip', 'The file is too short to be a ZIP archive.');
  const tailLen = Math.min(src.size, 22 + MAX16);
  const tailStart = src.size - tailLen;
  const tail = await src.read(tailStart, tailLen);
  let eocdAt = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32At(tail, i) === SIG_EOCD && i + 22 + (tail[i + 20] as number) + ((tail[i + 21] as number) << 8) === tail.length) {
      eocdAt = i;
      break;
    }
  }
  if (eocdAt < 0) throw new ZipFormatError('not_a_zip', 'The file is not a ZIP archive (no end of central directory record).');
  const e = new Cursor(tail, eocdAt + 4);
  const disk = e.u16();
  const cdDisk = e.u16();
  e.u16();
  let count = e.u16();
  let cdSize = e.u32();
  let cdOffset = e.u32();
  if (disk !== 0 || cdDisk !== 0) throw new ZipFormatError('zip_corrupt', 'The archive is split over several disks.');
  let endStart = tailStart + eocdAt;
  if (count === MAX16 || cdSize === MAX32 || cdOffset === MAX32) {
    const locAt = eocdAt - 20;
    if (locAt < 0 || u32At(tail, locAt) !== SIG_LOCATOR64) throw new ZipFormatError('zip_corrupt', 'The ZIP64 end record locator is missing.');
    const loc = new Cursor(tail, locAt + 8);
    const e64Offset = loc.u64();
    if (e64Offset + 56 > src.size) throw new ZipFormatError('zip_corrupt', 'The ZIP64 end record is outside the file.');
    const e64 = new Cursor(await src.read(e64Offset, 56));
    if (e64.u32() !== SIG_EOCD64) throw new ZipFormatError('zip_corrupt', 'The ZIP64 end record is missing.');
    e64.p = 32;
    count = e64.u64();
    cdSize = e64.u64();
    cdOffset = e64.u64();
    endStart = e64Offset;
    if (e64Offset + 56 !== tailStart + locAt) throw new ZipFormatError('zip_unexpected_bytes', 'Bytes between the ZIP64 end records.');
  }
  if (cdOffset + cdSize > endStart) throw new ZipFormatError('zip_corrupt', 'The central directory runs past its end record.');
  const problems: ZipProblem[] = [];
  if (cdOffset + cdSize !== endStart) problems.push({ code: 'zip_unexpected_bytes', message: 'Bytes between the central directory and its end record.' });
  const cd = new Cursor(await src.read(cdOffset, cdSize));
  const entries: ZipEntry[] = [];
  const spans: Array<[number, number, string]> = [];
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    if (cd.p + 46 > cd.b.length || cd.u32() !== SIG_CENTRAL) throw new ZipFormatError('zip_corrupt', `Central directory entry ${i + 1} is damaged.`);
    cd.p += 4;
    const flags = cd.u16();
    const method = cd.u16();
    cd.p += 4;
    const crc32 = cd.u32();
    let compSize = cd.u32();
    let size = cd.u32();
    const nameLen = cd.u16();
    const extraLen = cd.u16();
    const commentLen = cd.u16();
    cd.p += 8;
    let localOffset = cd.u32();
    const nameBytes = cd.bytes(nameLen);
    const extra = cd.bytes(extraLen);
    cd.bytes(commentLen);
    if (cd.p > cd.b.length) throw new ZipFormatError('zip_corrupt', `Central directory entry ${i + 1} is damaged.`);
    const x = findExtra(extra, 0x0001);
    if (x) {
      if (size === MAX32) size = x.u64();
      if (compSize === MAX32) compSize = x.u64();
      if (localOffset === MAX32) localOffset = x.u64();
    }
    let name: string;
    try {
      name = decodeUtf8Strict(nameBytes);
    } catch {
      problems.push({ code: 'zip_entry_name', message: `Entry ${i + 1} has a name that is not UTF-8.` });
      continue;
    }
    if (!isSafeEntryName(name)) {
      problems.push({ code: 'zip_entry_name', path: name, message: `The entry name "${name}" is not a plain relative path.` });
      continue;
    }
    if (seen.has(name)) {
      problems.push({ code: 'zip_duplicate_entry', path: name, message: `The archive holds "${name}" twice.` });
      continue;
    }
    seen.add(name);
    const compressed = method !== 0 || compSize !== size;
    if (compressed) {
      problems.push({ code: 'zip_entry_compressed', path: name, message: `"${name}" is compressed; a package stores its files as they are (was it re-zipped?).` });
    }
    // The local header must name the same file; the data follows it.
    if (localOffset + 30 > cdOffset) throw new ZipFormatError('zip_corrupt', `The local header of "${name}" is outside the archive.`);
    const lh = new Cursor(await src.read(localOffset, 30));
    if (lh.u32() !== SIG_LOCAL) throw new ZipFormatError('zip_corrupt', `The local header of "${name}" is missing.`);
    lh.p = 26;
    const lNameLen = lh.u16();
    const lExtraLen = lh.u16();
    const lName = await src.read(localOffset + 30, lNameLen);
    const lExtra = await src.read(localOffset + 30 + lNameLen, lExtraLen);
    if (lNameLen !== nameLen || !sameBytes(lName, nameBytes)) {
      problems.push({ code: 'zip_corrupt', path: name, message: `The local header of "${name}" names another file.` });
    }
    const dataOffset = localOffset + 30 + lNameLen + lExtraLen;
    let end = dataOffset + compSize;
    if (flags & 0x8) {
      const d = new Cursor(await src.read(end, Math.min(24, Math.max(0, cdOffset - end))));
      const hasSig = d.b.length >= 4 && u32At(d.b, 0) === SIG_DESCRIPTOR;
      // ZIP64 sizes in the descriptor when the local header carries a ZIP64 field (APPNOTE 4.3.9.2).
      const wide = findExtra(lExtra, 0x0001) !== null;
      const dLen = (hasSig ? 4 : 0) + 4 + (wide ? 16 : 8);
      d.p = hasSig ? 4 : 0;
      const dCrc = d.u32();
      const dComp = wide ? d.u64() : d.u32();
      const dSize = wide ? d.u64() : d.u32();
      if (d.b.length < dLen || dCrc !== crc32 || dSize !== size || dComp !== compSize) {
        problems.push({ code: 'zip_corrupt', path: name, message: `The data descriptor of "${name}" disagrees with the central directory.` });
      }
      end += dLen;
    }
    if (end > cdOffset) throw new ZipFormatError('zip_corrupt', `"${name}" runs into the central directory.`);
    spans.push([localOffset, end, name]);
    if (compressed) continue;
    entries.push({ name, dataOffset, size, crc32, method });
  }
  if (cd.p !== cd.b.length) problems.push({ code: 'zip_unexpected_bytes', message: 'The central directory holds more than its entries.' });
  spans.sort((a, b) => a[0] - b[0]);
  let at = 0;
  for (const [start, end, name] of spans) {
    if (start < at) problems.push({ code: 'zip_corrupt', path: name, message: `"${name}" overlaps another entry.` });
    else if (start > at) problems.push({ code: 'zip_unexpected_bytes', path: name, message: `${start - at} bytes that belong to no entry before "${name}".` });
    at = Math.max(at, end);
  }
  if (at < cdOffset) problems.push({ code: 'zip_unexpected_bytes', message: `${cdOffset - at} bytes that belong to no entry before the central directory.` });
  return { entries, problems };
}

function findExtra(extra: Uint8Array, id: number): Cursor | null {
  const c = new Cursor(extra);
  while (c.p + 4 <= extra.length) {
    const hid = c.u16();
    const len = c.u16();
    if (hid === id) return new Cursor(extra.subarray(c.p, c.p + len));
    c.p += len;
  }
  return null;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
