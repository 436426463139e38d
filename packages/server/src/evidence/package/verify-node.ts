// The court package verifier on node:crypto: a file read through a handle (random access, never
// loaded whole), SHA-256 and SHA-512 of each entry in one streaming pass, Ed25519 with raw keys,
// and the RFC 3161 checks of the tsa capability. `comity evidence verify` and the tests use it; the
// offline page runs the same `verifyPackage` on WebCrypto.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { open } from 'node:fs/promises';
import { type PackageReport, type PackageVerifierCrypto, verifyPackage } from '@comity/core/evidence/package-verify';
import type { RandomAccessSource } from '@comity/core/evidence/package-zip';
import { checkTimestampForPackage } from './timestamp-check.ts';

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const CHUNK = 1 << 20;

export function ed25519PublicKey(rawBase64url: string) {
  const raw = Buffer.from(rawBase64url, 'base64url');
  if (raw.length !== 32) throw new Error('an Ed25519 public key has 32 bytes');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export const nodePackageCrypto: PackageVerifierCrypto = {
  async digest(alg, data) {
    return createHash(alg === 'SHA-256' ? 'sha256' : 'sha512')
      .update(data)
      .digest('hex');
  },
  async digestRange(src, offset, length, algs) {
    const hashes = algs.map((a) => [a, createHash(a === 'SHA-256' ? 'sha256' : 'sha512')] as const);
    for (let at = 0; at < length; at += CHUNK) {
      const chunk = await src.read(offset + at, Math.min(CHUNK, length - at));
      for (const [, h] of hashes) h.update(chunk);
    }
    return Object.fromEntries(hashes.map(([a, h]) => [a, h.digest('hex')]));
  },
  async verifyEd25519(publicKey, message, signature) {
    try {
      return verify(null, message, ed25519PublicKey(publicKey), Buffer.from(signature, 'base64url'));
    } catch {
      return false;
    }
  },
  checkTimestampToken: checkTimestampForPackage,
};

/** Reads a file by ranges through one handle. */
export async function withFileSource<T>(path: string, work: (src: RandomAccessSource) => Promise<T>): Promise<T> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const src: RandomAccessSource = {
      size,
      async read(offset, length) {
        // Not from Buffer's shared pool: a reader of `.buffer` (pkijs) must see these bytes only.
        const buf = Buffer.alloc(length);
        let got = 0;
        while (got < length) {
          const { bytesRead } = await handle.read(buf, got, length - got, offset + got);
          if (bytesRead === 0) break;
          got += bytesRead;
        }
        return buf.subarray(0, got);
      },
    };
    return await work(src);
  } finally {
    await handle.close();
  }
}

export function verifyPackageFile(path: string): Promise<PackageReport> {
  return withFileSource(path, (src) => verifyPackage(src, nodePackageCrypto));
}
