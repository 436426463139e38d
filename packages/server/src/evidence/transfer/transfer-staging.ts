// The content of an incoming transfer is written, chunk by chunk at its offset, into one file
// <data>/transfers/<transferId>.part; the database records which chunks are in. When all are, the
// file is read once to check the item's SHA-256 (and SHA-512) against the offer, then moved into
// the content store. A refused transfer leaves nothing behind.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class TransferStaging {
  constructor(readonly root: string) {}

  pathOf(transferId: string): string {
    if (!UUID.test(transferId)) throw new Error('not a transfer id');
    return join(this.root, `${transferId}.part`);
  }

  async putChunk(transferId: string, offset: number, bytes: Buffer): Promise<void> {
    await mkdir(this.root, { recursive: true });
    // 'a' would ignore the position on Linux; open for writing without truncating.
    const file = await open(this.pathOf(transferId), 'r+').catch(async (err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
      return open(this.pathOf(transferId), 'w+');
    });
    try {
      let done = 0;
      while (done < bytes.length) done += (await file.write(bytes, done, bytes.length - done, offset + done)).bytesWritten;
    } finally {
      await file.close();
    }
  }

  async remove(transferId: string): Promise<void> {
    await rm(this.pathOf(transferId), { force: true });
  }

  /** Reads the assembled content once: its size and digests, to compare with the offer. */
  async digest(transferId: string, withSha512: boolean): Promise<{ size: number; sha256: string; sha512: string | null }> {
    const sha256 = createHash('sha256');
    const sha512 = withSha512 ? createHash('sha512') : null;
    let size = 0;
    for await (const part of createReadStream(this.pathOf(transferId), { highWaterMark: 4 << 20 })) {
      const b = part as Buffer;
      sha256.update(b);
      sha512?.update(b);
      size += b.length;
    }
    return { size, sha256: sha256.digest('hex'), sha512: sha512 ? sha512.digest('hex') : null };
  }
}
