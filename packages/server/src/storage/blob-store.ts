// The node's one store of files by content: request attachments and evidence items alike are kept
// once under their SHA-256. Two implementations behind one interface: a folder (the default,
// `<data>/blobs`) and any S3-compatible object store (`COMITY_BLOB_URL`, see s3-blob-store.ts).
// Bytes stream through: the SHA-256 is computed while they arrive, into a temporary name that is
// renamed (or copied, on S3) to the hash once the last byte is in, so a crash or an upload over
// the limit never leaves a half-written file under a hash.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { type FileHandle, copyFile, open, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';

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
  /** The content's file on this machine (the folder store), for positioned reads; null when absent or not a file. */
  localPath?(sha256: string): string | null;
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

/** One write: pieces (a socket delivers 16–64 KiB) are copied into buffers of this size. */
export const WRITE_BYTES = 1024 * 1024;
/** Write buffers per stream: how far hashing may run ahead of the disk, and the memory it takes. */
const WRITE_BUFFERS = 8;

async function writeAllAt(fh: FileHandle, buffer: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < buffer.length) {
    // A short write (rare on a regular file): carry on from the first byte not written.
    const { bytesWritten } = await fh.write(buffer, done, buffer.length - done, position + done);
    done += bytesWritten;
  }
}

/**
 * Streams `body` into the open file `fh` from `start` in one pass: each piece goes to `each` (the
 * limit check and the running hash, on this thread) and is copied into one of a few write buffers
 * that libuv's pool writes while the next pieces are hashed, so hashing and the disk overlap
 * instead of taking turns. The write buffers are reused: writing from memory the process touched
 * a moment ago costs the kernel a fraction of writing from fresh buffers (each new page is a page
 * fault), and the source's pieces are let go at once. No transform stream, one write at a time
 * (writes to one file share its lock), at most WRITE_BUFFERS × WRITE_BYTES waiting for the kernel.
 * When `each` throws (the limit) nothing more is written; when the source fails, the bytes that
 * arrived are written before the error is passed on (a resumable upload keeps them). Every write
 * has settled when this returns or throws. Returns the bytes written.
 */
export async function streamIntoFile(body: AsyncIterable<Buffer | Uint8Array | string>, fh: FileHandle, start: number, each: (piece: Buffer) => void): Promise<number> {
  const free: Buffer[] = [];
  let buffers = 0;
  let current: Buffer | null = null;
  let filled = 0;
  let position = start;
  let writeError: unknown = null;
  let tail: Promise<void> = Promise.resolve();
  let waiting: (() => void) | null = null;
  const issue = () => {
    if (!current || filled === 0) return;
    const buffer = current;
    const bytes = filled;
    const at = position;
    position += bytes;
    current = null;
    filled = 0;
    tail = tail
      .then(() => (writeError ? undefined : writeAllAt(fh, buffer.subarray(0, bytes), at)))
      .catch((err: unknown) => {
        writeError ??= err;
      })
      .finally(() => {
        free.push(buffer);
        waiting?.();
      });
  };
  const take = async (): Promise<Buffer> => {
    if (free.length === 0 && buffers < WRITE_BUFFERS) {
      buffers++;
      return Buffer.allocUnsafeSlow(WRITE_BYTES);
    }
    while (free.length === 0) await new Promise<void>((resolve) => (waiting = resolve));
    waiting = null;
    return free.pop() as Buffer;
  };
  let refused = false;
  try {
    for await (const raw of body) {
      // Sources in object mode may give text or plain byte arrays (a stream stage would convert them too).
      const piece = Buffer.isBuffer(raw) ? raw : typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
      try {
        each(piece);
      } catch (err) {
        refused = true;
        throw err;
      }
      let from = 0;
      while (from < piece.length) {
        if (!current) current = await take();
        const n = piece.copy(current, filled, from);
        filled += n;
        from += n;
        if (filled === current.length) issue();
      }
      if (writeError) throw writeError;
    }
  } catch (err) {
    if (!refused && !writeError) issue();
    await tail;
    throw err;
  }
  issue();
  await tail;
  if (writeError) throw writeError;
  return position - start;
}

/** The running SHA-256, size, first bytes and limit of one `putStream`, fed piece by piece. */
function hashing(options: PutStreamOptions = {}): { each(piece: Buffer): void; result(): StreamedBlob } {
  const hash = createHash('sha256');
  let size = 0;
  const head: Buffer[] = [];
  let headLength = 0;
  return {
    each(piece) {
      size += piece.length;
      if (options.maxBytes !== undefined && size > options.maxBytes) throw new BlobTooLargeError(options.maxBytes);
      hash.update(piece);
      if (headLength < HEAD_BYTES) {
        const part = piece.subarray(0, HEAD_BYTES - headLength);
        head.push(Buffer.from(part));
        headLength += part.length;
      }
      options.onBytes?.(size);
    },
    result: () => ({ sha256: hash.digest('hex'), size, head: Buffer.concat(head) }),
  };
}

/**
 * A stream stage that hashes, counts, keeps the first bytes and enforces the limit (for stores that
 * hand the bytes on as a stream, S3). The digest and count are read after the pipeline has finished.
 */
export function hashingStage(options: PutStreamOptions = {}): { stage: Transform; result(): StreamedBlob } {
  const { each, result } = hashing(options);
  const stage = new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        each(chunk);
      } catch (err) {
        done(err as Error);
        return;
      }
      done(null, chunk);
    },
  });
  return { stage, result };
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
      const { each, result } = hashing(options);
      try {
        const fh = await open(tmp, 'wx');
        try {
          await streamIntoFile(body, fh, 0, each);
          // On disk before it gets its name (one fsync, at the end): a crash after the rename
          // must not leave a short file under a hash.
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
      // Written piece by piece (a resumable upload's PATCHes, none synced): on disk once, here,
      // before it gets its name.
      const written = await open(path, 'r');
      try {
        await written.sync();
      } finally {
        await written.close();
      }
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
    localPath(sha256) {
      return SHA256_HEX.test(sha256) && existsSync(pathOf(sha256)) ? pathOf(sha256) : null;
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
