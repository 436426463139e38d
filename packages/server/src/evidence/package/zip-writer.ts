// Streams a ZIP archive whose entries are stored as they are (method 0): evidence files are
// already hashed byte for byte, and most (PNG, PDF, WACZ, video) are compressed formats anyway.
// Nothing is buffered beyond the chunk in flight: each entry is a local header, its bytes as they
// come from the source, and a data descriptor with the CRC-32 computed on the way; the central
// directory follows. ZIP64 records are written for entries or offsets past 4 GiB, so a package
// of large videos still opens in standard tools. core/src/evidence/package-zip.ts reads it back.
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';

export interface ZipSourceEntry {
  /** `/`-separated relative path inside the archive (UTF-8). */
  name: string;
  /** The exact number of bytes the source yields; a source that yields another count is an error. */
  size: number;
  open: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array> | Uint8Array;
}

const MAX32 = 0xffffffff;

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

class Buf {
  private parts: Buffer[] = [];
  u16(v: number) {
    const b = Buffer.alloc(2);
    b.writeUInt16LE(v);
    this.parts.push(b);
    return this;
  }
  u32(v: number) {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v >>> 0);
    this.parts.push(b);
    return this;
  }
  u64(v: number) {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(v));
    this.parts.push(b);
    return this;
  }
  bytes(b: Uint8Array) {
    this.parts.push(Buffer.from(b));
    return this;
  }
  done(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/**
 * The archive as a stream. `zip64Above` is the size/offset from which ZIP64 records are used
 * (the format's 4 GiB limit; tests lower it to exercise those records on small files).
 */
export function zipStream(entries: AsyncIterable<ZipSourceEntry> | Iterable<ZipSourceEntry>, opts: { modified: Date; zip64Above?: number }): Readable {
  const limit = opts.zip64Above ?? MAX32;
  const { time, date } = dosDateTime(opts.modified);
  async function* generate(): AsyncGenerator<Buffer> {
    let offset = 0;
    const central: Buffer[] = [];
    let count = 0;
    const names = new Set<string>();
    for await (const entry of entries) {
      if (names.has(entry.name)) throw new Error(`zip: "${entry.name}" added twice`);
      names.add(entry.name);
      const name = Buffer.from(entry.name, 'utf8');
      const wide = entry.size >= limit;
      const localExtra = wide ? new Buf().u16(0x0001).u16(16).u64(0).u64(0).done() : Buffer.alloc(0);
      const flags = 0x0008 | 0x0800; // sizes in a data descriptor; UTF-8 names
      const local = new Buf()
        .u32(0x04034b50)
        .u16(wide ? 45 : 20)
        .u16(flags)
        .u16(0)
        .u16(time)
        .u16(date)
        .u32(0)
        .u32(wide ? MAX32 : 0)
        .u32(wide ? MAX32 : 0)
        .u16(name.length)
        .u16(localExtra.length)
        .bytes(name)
        .bytes(localExtra)
        .done();
      const localOffset = offset;
      yield local;
      offset += local.length;
      let crc = 0;
      let written = 0;
      const body = entry.open();
      for await (const chunk of body instanceof Uint8Array ? [body] : body) {
        crc = crc32(chunk, crc);
        written += chunk.length;
        if (written > entry.size) throw new Error(`zip: "${entry.name}" is longer than its declared ${entry.size} bytes`);
        yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      }
      if (written !== entry.size) throw new Error(`zip: "${entry.name}" has ${written} bytes, not the declared ${entry.size}`);
      offset += written;
      const descriptor = new Buf().u32(0x08074b50).u32(crc);
      if (wide) descriptor.u64(written).u64(written);
      else descriptor.u32(written).u32(written);
      const d = descriptor.done();
      yield d;
      offset += d.length;
      const wideOffset = localOffset >= limit;
      const cdExtra = new Buf();
      if (wide || wideOffset) {
        cdExtra.u16(0x0001).u16((wide ? 16 : 0) + (wideOffset ? 8 : 0));
        if (wide) cdExtra.u64(written).u64(written);
        if (wideOffset) cdExtra.u64(localOffset);
      }
      const extra = cdExtra.done();
      central.push(
        new Buf()
          .u32(0x02014b50)
          .u16((3 << 8) | 45) // made by Unix, spec 4.5
          .u16(wide || wideOffset ? 45 : 20)
          .u16(flags)
          .u16(0)
          .u16(time)
          .u16(date)
          .u32(crc)
          .u32(wide ? MAX32 : written)
          .u32(wide ? MAX32 : written)
          .u16(name.length)
          .u16(extra.length)
          .u16(0)
          .u16(0)
          .u16(0)
          .u32((0o100444 << 16) >>> 0) // a regular file, read-only
          .u32(wideOffset ? MAX32 : localOffset)
          .bytes(name)
          .bytes(extra)
          .done(),
      );
      count++;
    }
    const cdOffset = offset;
    const cd = Buffer.concat(central);
    yield cd;
    offset += cd.length;
    const wideEnd = count >= 0xffff || cdOffset >= limit || cd.length >= limit;
    if (wideEnd) {
      const eocd64Offset = offset;
      yield new Buf()
        .u32(0x06064b50)
        .u64(44)
        .u16((3 << 8) | 45)
        .u16(45)
        .u32(0)
        .u32(0)
        .u64(count)
        .u64(count)
        .u64(cd.length)
        .u64(cdOffset)
        .done();
      yield new Buf().u32(0x07064b50).u32(0).u64(eocd64Offset).u32(1).done();
    }
    yield new Buf()
      .u32(0x06054b50)
      .u16(0)
      .u16(0)
      .u16(wideEnd ? 0xffff : count)
      .u16(wideEnd ? 0xffff : count)
      .u32(wideEnd ? MAX32 : cd.length)
      .u32(wideEnd ? MAX32 : cdOffset)
      .u16(0)
      .done();
  }
  return Readable.from(generate(), { objectMode: false });
}
