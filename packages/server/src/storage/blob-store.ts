// The node's one store of files by content: request attachments and evidence items alike are kept
// once under their SHA-256. Two implementations behind one interface: a folder (the default,
// `<data>/blobs`) and any S3-compatible object store (`COMITY_BLOB_URL`, see s3-blob-store.ts).
// Bytes stream through: the SHA-256 is computed while they arrive, into a temporary name that is
// renamed (or copied, on S3) to the hash once the last byte is in, so a crash or an upload over
// the limit never leaves a half-written file under a hash.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { copyFile, open, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** How many leading bytes `putStream` keeps for media type detection. */
export const HEAD_BYTES = 64 * 1024;

export interface StoredBlob {
  sha256: string;
  size: number;
}

export interface StreamedBlob extends StoredBlob {
  /** The first bytes (up to HEAD_BYTES), for media type detection. */
  head: Buffer;
}

export interface PutStreamOptions {
  /** Refuse (BlobTooLargeError) as soon as more than this many bytes have arrived. */
  maxBytes?: number | undefined;
  /** Called as bytes arrive, with the total so far. */
  onBytes?: ((total: number) => void) | undefined;
}

/** Thrown by `putStream` when the stream passes `maxBytes`; nothing is left in the store. */
export class BlobTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} bytes`);
  }
}

export interface BlobStore {
  readonly kind: 'file' | 's3';
  /** Where the blobs are, for messages (a folder or s3://bucket/prefix). */
  readonly location: string;
  /** Small files already in memory (request attachments, federation chunks put together). */
  put(bytes: Uint8Array): Promise<StoredBlob>;
  get(sha256: string): Promise<Buffer | null>;
  has(sha256: string): Promise<boolean>;
  /** Streams `body` into the store, hashing as it goes; never holds the whole content in memory. */
  putStream(body: Readable, options?: PutStreamOptions): Promise<StreamedBlob>;
  /**
   * Takes a file already written and hashed elsewhere on this machine (a finished resumable
   * upload) into the store under its hash; the file is gone afterwards. No second hashing pass.
   */
  adopt(path: string, blob: StoredBlob): Promise<void>;
  /** The content, or a byte range of it (inclusive `end`, as in HTTP), or null when absent. */
  openRead(sha256: string, range?: { start: number; end: number }): Promise<Readable | null>;
  /** The stored size, or null when absent. */
  sizeOf(sha256: string): Promise<number | null>;
  /**
   * Removes temporaries older than `olderThanMs` (left by a crash in the middle of a put; a put
   * that fails cleans up after itself); returns how many went.
   */
  sweepTemporaries(olderThanMs: number): Promise<number>;
}

/** Temporaries older than this cannot belong to a put still running. */
export const TEMPORARY_MAX_AGE_MS = 24 * 3600 * 1000;

export function sha256OfBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A stream stage that hashes, counts, keeps the first bytes and enforces the limit. The digest and
 * count are read after the pipeline has finished.
 */
export function hashingStage(options: PutStreamOptions = {}): { stage: Transform; result(): StreamedBlob } {
  const hash = createHash('sha256');
  let size = 0;
  const head: Buffer[] = [];
  let headLength = 0;
  const stage = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (options.maxBytes !== undefined && size > options.maxBytes) {
        done(new BlobTooLargeError(options.maxBytes));
        return;
      }
      hash.update(chunk);
      if (headLength < HEAD_BYTES) {
        const part = chunk.subarray(0, HEAD_BYTES - headLength);
        head.push(Buffer.from(part));
        headLength += part.length;
      }
      options.onBytes?.(size);
      done(null, chunk);
    },
  });
  return {
    stage,
    result: () => ({ sha256: hash.digest('hex'), size, head: Buffer.concat(head) }),
  };
}

export function fileBlobStore(root: string): BlobStore {
  mkdirSync(join(root, 'tmp'), { recursive: true });
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256);
  const tmpName = () => join(root, 'tmp', randomUUID());

  async function settle(tmp: string, sha256: string): Promise<void> {
    const target = pathOf(sha256);
    if (existsSync(target)) {
      await rm(tmp, { force: true });
      return;
    }
    mkdirSync(join(root, sha256.slice(0, 2)), { recursive: true });
    await rename(tmp, target);
  }

  return {
    kind: 'file',
    location: root,
    async put(bytes) {
      const sha256 = sha256OfBytes(bytes);
      if (!existsSync(pathOf(sha256))) {
        const tmp = tmpName();
        try {
          await writeFile(tmp, bytes, { flag: 'wx', flush: true });
          await settle(tmp, sha256);
        } finally {
          await rm(tmp, { force: true });
        }
      }
      return { sha256, size: bytes.byteLength };
    },
    async get(sha256) {
      if (!SHA256_HEX.test(sha256)) return null;
      try {
        return await readFile(pathOf(sha256));
      } catch {
        return null;
      }
    },
    async has(sha256) {
      return SHA256_HEX.test(sha256) && existsSync(pathOf(sha256));
    },
    async putStream(body, options) {
      const tmp = tmpName();
      const { stage, result } = hashingStage(options);
      try {
        await pipeline(body, stage, createWriteStream(tmp, { flags: 'wx', highWaterMark: 1024 * 1024 }));
        // On disk before it gets its name: a crash after the rename must not leave a short file.
        const fh = await open(tmp, 'r');
        try {
          await fh.sync();
        } finally {
          await fh.close();
        }
        const stored = result();
        await settle(tmp, stored.sha256);
        return stored;
      } finally {
        await rm(tmp, { force: true });
      }
    },
    async adopt(path, blob) {
      if (!SHA256_HEX.test(blob.sha256)) throw new Error('not a SHA-256');
      const tmp = tmpName();
      try {
        await rename(path, tmp);
      } catch (err) {
        // Another file system (the uploads folder on a different mount): copy, then remove.
        if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
        await copyFile(path, tmp);
        await rm(path, { force: true });
      }
      try {
        await settle(tmp, blob.sha256);
      } finally {
        await rm(tmp, { force: true });
      }
    },
    async openRead(sha256, range) {
      if (!SHA256_HEX.test(sha256) || !existsSync(pathOf(sha256))) return null;
      return createReadStream(pathOf(sha256), range ? { start: range.start, end: range.end, highWaterMark: 1024 * 1024 } : { highWaterMark: 1024 * 1024 });
    },
    async sizeOf(sha256) {
      if (!SHA256_HEX.test(sha256)) return null;
      try {
        return (await stat(pathOf(sha256))).size;
      } catch {
        return null;
      }
    },
    async sweepTemporaries(olderThanMs) {
      const cutoff = Date.now() - olderThanMs;
      let removed = 0;
      for (const name of await readdir(join(root, 'tmp'))) {
        const p = join(root, 'tmp', name);
        const st = await stat(p).catch(() => null);
        if (st && st.mtimeMs <= cutoff) {
          await rm(p, { force: true });
          removed++;
        }
      }
      return removed;
    },
  };
}

/** A readable of a buffer, for callers that have the bytes already. */
export function readableOf(bytes: Uint8Array): Readable {
  return Readable.from([Buffer.from(bytes)]);
}
