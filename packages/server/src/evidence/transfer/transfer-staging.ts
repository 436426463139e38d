// The content of an incoming transfer is written, chunk by chunk at its offset, into one file
// <data>/transfers/<transferId>.part, sized to the item when created; each chunk is on disk
// (fdatasync) before the database records it, because the recorded chunks are what a resumed
// transfer skips. The item's SHA-256 and SHA-512 are computed while the chunks arrive, in order:
// a chunk that comes ahead of its turn (several are in flight) waits in memory, within a small
// budget, or is read back from the file when its turn comes. So the last chunk closes the digests
// without a second pass over the item, and the checked file is adopted by the content store (a
// rename) instead of being copied. After a restart the running digests are gone: the item is then
// read from the first chunk not yet hashed. A refused transfer leaves nothing behind.
import { type Hash, createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, mkdir, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Bytes of chunks that arrived ahead of their turn kept in memory per transfer (beyond: read back). */
export const AHEAD_BUDGET = 64 * 1024 * 1024;

/** The digests of the item's first `next` chunks, and chunks that came early. */
interface Running {
  chunkSize: number;
  next: number;
  sha256: Hash;
  sha512: Hash;
  ahead: Map<number, Buffer>;
  aheadBytes: number;
}

export interface StagedDigest {
  size: number;
  sha256: string;
  sha512: string;
}

export class TransferStaging {
  private readonly running = new Map<string, Running>();

  constructor(
    readonly root: string,
    private readonly aheadBudget = AHEAD_BUDGET,
  ) {}

  pathOf(transferId: string): string {
    if (!UUID.test(transferId)) throw new Error('not a transfer id');
    return join(this.root, `${transferId}.part`);
  }

  private async openFile(transferId: string, size: number): Promise<FileHandle> {
    await mkdir(this.root, { recursive: true });
    // 'a' would ignore the position on Linux; open for writing without truncating.
    return open(this.pathOf(transferId), 'r+').catch(async (err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
      const created = await open(this.pathOf(transferId), 'w+');
      // The file has the item's length from the start: a chunk is written into it, never past its end.
      await created.truncate(size);
      return created;
    });
  }

  /**
   * Writes a chunk (already checked against its signed digest) at its place and syncs it to disk;
   * then feeds the running digests. Resolves once the bytes are durable.
   */
  async putChunk(transferId: string, place: { index: number; chunkSize: number; size: number }, bytes: Buffer): Promise<void> {
    const file = await this.openFile(transferId, place.size);
    try {
      const offset = place.index * place.chunkSize;
      let done = 0;
      while (done < bytes.length) done += (await file.write(bytes, done, bytes.length - done, offset + done)).bytesWritten;
      await file.datasync();
    } finally {
      await file.close();
    }
    this.hashInOrder(transferId, place, bytes);
  }

  private hashInOrder(transferId: string, place: { index: number; chunkSize: number }, bytes: Buffer): void {
    let r = this.running.get(transferId);
    if (!r) {
      // Only a transfer seen from its first chunk has running digests; otherwise (after a
      // restart) `digest` reads the file.
      if (place.index !== 0) return;
      r = { chunkSize: place.chunkSize, next: 0, sha256: createHash('sha256'), sha512: createHash('sha512'), ahead: new Map(), aheadBytes: 0 };
      this.running.set(transferId, r);
    }
    if (place.index < r.next || r.ahead.has(place.index)) return; // sent again: hashed or waiting already
    if (place.index > r.next) {
      if (r.aheadBytes + bytes.length <= this.aheadBudget) {
        r.ahead.set(place.index, bytes);
        r.aheadBytes += bytes.length;
      }
      return;
    }
    r.sha256.update(bytes);
    r.sha512.update(bytes);
    r.next++;
    for (let early = r.ahead.get(r.next); early; early = r.ahead.get(r.next)) {
      r.ahead.delete(r.next);
      r.aheadBytes -= early.length;
      r.sha256.update(early);
      r.sha512.update(early);
      r.next++;
    }
  }

  async remove(transferId: string): Promise<void> {
    this.running.delete(transferId);
    await rm(this.pathOf(transferId), { force: true });
  }

  /**
   * The assembled content's size and digests, to compare with the offer: from the running digests,
   * reading from the file only what they do not cover yet (all of it after a restart, a chunk that
   * came early beyond the memory budget, none in the usual case).
   */
  async digest(transferId: string, size: number): Promise<StagedDigest & { readBack: number }> {
    const r = this.running.get(transferId);
    this.running.delete(transferId);
    const sha256 = r?.sha256 ?? createHash('sha256');
    const sha512 = r?.sha512 ?? createHash('sha512');
    const from = r ? Math.min(r.next * r.chunkSize, size) : 0;
    let readBack = 0;
    if (from < size) {
      for await (const part of createReadStream(this.pathOf(transferId), { start: from, highWaterMark: 4 << 20 })) {
        const b = part as Buffer;
        sha256.update(b);
        sha512.update(b);
        readBack += b.length;
      }
    }
    const { size: onDisk } = await stat(this.pathOf(transferId));
    return { size: onDisk, sha256: sha256.digest('hex'), sha512: sha512.digest('hex'), readBack };
  }

  /** The first bytes of the staged content, for media type detection. */
  async head(transferId: string, length: number): Promise<Buffer> {
    const file = await open(this.pathOf(transferId), 'r');
    try {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await file.read(buf, 0, length, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  }
}
