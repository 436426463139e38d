// node:crypto behind evidence transfers: the per-transfer content key, AES-256-GCM of one chunk
// (nonce and associated data fixed by its index, core/evidence/transfer.ts), and the Ed25519
// signature a sender puts on each chunk or status request.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
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
export function encryptChunk(key: Buffer, place: ChunkPlace, plaintext: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, chunkNonce(place.index));
  cipher.setAAD(Buffer.from(chunkAad(place.transferId, place.index, place.chunkCount), 'utf8'));
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** The plaintext, or null when the body was not made with this key for this place (tampered, truncated, misplaced). */
export function decryptChunk(key: Buffer, place: ChunkPlace, body: Buffer): Buffer | null {
  if (body.length < GCM_TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, chunkNonce(place.index));
    decipher.setAAD(Buffer.from(chunkAad(place.transferId, place.index, place.chunkCount), 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - GCM_TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - GCM_TAG_BYTES)), decipher.final()]);
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
