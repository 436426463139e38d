// Files by content: each blob is stored once under its SHA-256 in <dataDir>/blobs, written to a
// temporary name first and renamed, so a crash never leaves a half-written file under a hash.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface BlobStore {
  readonly root: string;
  put(bytes: Uint8Array): Promise<{ sha256: string; size: number }>;
  get(sha256: string): Promise<Buffer | null>;
  has(sha256: string): boolean;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function sha256OfBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function fileBlobStore(root: string): BlobStore {
  mkdirSync(join(root, 'tmp'), { recursive: true });
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256);
  return {
    root,
    async put(bytes) {
      const sha256 = sha256OfBytes(bytes);
      const target = pathOf(sha256);
      if (!existsSync(target)) {
        mkdirSync(join(root, sha256.slice(0, 2)), { recursive: true });
        const tmp = join(root, 'tmp', `${sha256}.${randomBytes(6).toString('hex')}`);
        try {
          await writeFile(tmp, bytes, { flag: 'wx' });
          await rename(tmp, target);
        } finally {
          await rm(tmp, { force: true });
        }
      }
      return { sha256, size: bytes.byteLength };
    },
    async get(sha256) {
      if (!SHA256.test(sha256)) return null;
      try {
        return await readFile(pathOf(sha256));
      } catch {
        return null;
      }
    },
    has(sha256) {
      return SHA256.test(sha256) && existsSync(pathOf(sha256));
    },
  };
}
