// node:crypto behind evidence transfers: the per-transfer content key, AES-256-GCM of one chunk
// (nonce and associated data fixed by its index, core/evidence/transfer.ts), the Ed25519
// signature a sender puts on each chunk or status request, and the content key at rest: a
// receiving node keeps it, until the transfer ends, only encrypted under a key derived from its own
// X25519 private key (HKDF-SHA-256, the transfer id as info), so a copy of the database alone does
// not open the chunks.
import { type KeyObject, createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { type JsonValue, type Signer, canonicalJson } from '@comity/core';
import { GCM_TAG_BYTES, type TransferRequestClaims, chunkAad, chunkNonce } from '@comity/core/evidence/transfer';
import { verifyWithRawKey } from '../../federation/envelope-crypto.ts';

export function newContentKey(): string {
  return randomBytes(32).toString('base64url');
}

export interface ChunkPlace {
  transferId: string;
  index: number;
  chunkCount: number;
}

/** ciphertext || 16-byte tag */
/**
 * The encrypted body of chunk `index` in the pieces GCM produces (ciphertext, final block, tag), to
 * be written one after the other: no copy of the chunk into one body buffer.
 */
export function encryptChunkParts(key: Buffer, place: ChunkPlace, plaintext: Buffer): Buffer[] {
  const cipher = createCipheriv('aes-256-gcm', key, chunkNonce(place.index));
  cipher.setAAD(Buffer.from(chunkAad(place.transferId, place.index, place.chunkCount), 'utf8'));
  const body = cipher.update(plaintext);
  const last = cipher.final();
  return last.length > 0 ? [body, last, cipher.getAuthTag()] : [body, cipher.getAuthTag()];
}

/** The encrypted body of chunk `index` as one buffer (ciphertext then the 16-byte GCM tag). */
export function encryptChunk(key: Buffer, place: ChunkPlace, plaintext: Buffer): Buffer {
  return Buffer.concat(encryptChunkParts(key, place, plaintext));
}

/** The plaintext, or null when the body was not made with this key for this place (tampered, truncated, misplaced). */
export function decryptChunk(key: Buffer, place: ChunkPlace, body: Buffer): Buffer | null {
  if (body.length < GCM_TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, chunkNonce(place.index));
    decipher.setAAD(Buffer.from(chunkAad(place.transferId, place.index, place.chunkCount), 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - GCM_TAG_BYTES));
    const plain = decipher.update(body.subarray(0, body.length - GCM_TAG_BYTES));
    const rest = decipher.final();
    return rest.length === 0 ? plain : Buffer.concat([plain, rest]);
  } catch {
    return null;
  }
}

export function transferRequestSigningText(claims: TransferRequestClaims): string {
  return canonicalJson(claims as unknown as JsonValue);
}

export function signTransferRequest(signer: Signer, claims: TransferRequestClaims): string {
  return signer.sign(transferRequestSigningText(claims));
}

export function verifyTransferRequest(signingKey: string, claims: TransferRequestClaims, signature: string): boolean {
  return verifyWithRawKey(signingKey, transferRequestSigningText(claims), signature);
}

const AT_REST_PREFIX = 'k1.';
const AT_REST_SALT = Buffer.from('comity-transfer-content-key-at-rest-v1', 'utf8');

function atRestKey(encryptionPrivate: KeyObject, transferId: string): Buffer {
  const d = encryptionPrivate.export({ format: 'jwk' }).d;
  if (!d) throw new Error('the node encryption key has no private part');
  return Buffer.from(hkdfSync('sha256', Buffer.from(d, 'base64url'), AT_REST_SALT, Buffer.from(transferId, 'utf8'), 32));
}

/** The content key as stored by the receiving node: `k1.` + base64url(nonce ‖ ciphertext ‖ tag). */
export function sealContentKey(encryptionPrivate: KeyObject, transferId: string, contentKey: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', atRestKey(encryptionPrivate, transferId), nonce);
  cipher.setAAD(Buffer.from(transferId, 'utf8'));
  const ct = Buffer.concat([cipher.update(Buffer.from(contentKey, 'base64url')), cipher.final()]);
  return AT_REST_PREFIX + Buffer.concat([nonce, ct, cipher.getAuthTag()]).toString('base64url');
}

/**
 * The content key back from its stored form, trying the node's current encryption key and then
 * those it had before a rotation; null when none opens it. A value without the prefix is a key
 * stored in the clear by an earlier version.
 */
export function openContentKey(encryptionKeys: KeyObject[], transferId: string, stored: string): Buffer | null {
  if (!stored.startsWith(AT_REST_PREFIX)) return Buffer.from(stored, 'base64url');
  const raw = Buffer.from(stored.slice(AT_REST_PREFIX.length), 'base64url');
  if (raw.length < 12 + GCM_TAG_BYTES) return null;
  for (const k of encryptionKeys) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', atRestKey(k, transferId), raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(transferId, 'utf8'));
      decipher.setAuthTag(raw.subarray(raw.length - GCM_TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(12, raw.length - GCM_TAG_BYTES)), decipher.final()]);
    } catch {
      // not this key
    }
  }
  return null;
}
