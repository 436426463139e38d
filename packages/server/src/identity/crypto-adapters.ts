// node:crypto behind the core's ports (Hasher, Signer, Verifier).
import { type KeyObject, createHash, sign, verify } from 'node:crypto';
import type { Hasher, Signer, Verifier } from '@comity/core';

export const sha256Hasher: Hasher = {
  sha256Hex: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
};

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function ed25519Signer(privateKey: KeyObject, keyId: string): Signer {
  return {
    keyId,
    sign: (text) => sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64url'),
  };
}

export function ed25519Verifier(publicKey: KeyObject): Verifier {
  return {
    verify: (text, signature) => {
      try {
        return verify(null, Buffer.from(text, 'utf8'), publicKey, Buffer.from(signature, 'base64url'));
      } catch {
        return false;
      }
    },
  };
}
