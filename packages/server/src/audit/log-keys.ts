// The node's Ed25519 key as a C2SP note key: checkpoints are signed under the origin
// `comity.audit/<node id>` (stable through key rotation), the key name being the origin.
import { type KeyObject, createHash, sign, verify } from 'node:crypto';
import { type NoteKey, type Sha256, type SignBytes, type VerifyBytes, bytesToHex } from '@comity/core';

export const sha256Bytes: Sha256 = { sha256: (d) => new Uint8Array(createHash('sha256').update(d).digest()) };

export function auditOrigin(nodeId: string): string {
  return `comity.audit/${nodeId}`;
}

/** The raw 32-byte Ed25519 public key, hex. */
export function rawPublicKeyHex(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' }) as { x?: string };
  return bytesToHex(new Uint8Array(Buffer.from(jwk.x ?? '', 'base64url')));
}

export function noteKeyFor(nodeId: string, publicKey: KeyObject): NoteKey {
  return { name: auditOrigin(nodeId), publicKey: rawPublicKeyHex(publicKey) };
}

export function signBytesWith(privateKey: KeyObject): SignBytes {
  return (message) => new Uint8Array(sign(null, message, privateKey));
}

export function verifyBytesWith(publicKey: KeyObject): VerifyBytes {
  return (message, signature) => {
    try {
      return verify(null, message, publicKey, signature);
    } catch {
      return false;
    }
  };
}

/** What signs this node's checkpoints and what verifies them (current key and earlier ones). */
export interface LogKeys {
  origin: string;
  key: NoteKey;
  sign: SignBytes;
  /** The note keys the node signed with, current first, each with its verifier. */
  verifiers: { key: NoteKey; verify: VerifyBytes }[];
}

export function logKeysFor(keys: { nodeId: string; signingPrivate: KeyObject; signingPublic: KeyObject; previous?: { signingPublic: KeyObject }[] | undefined }): LogKeys {
  const key = noteKeyFor(keys.nodeId, keys.signingPublic);
  return {
    origin: auditOrigin(keys.nodeId),
    key,
    sign: signBytesWith(keys.signingPrivate),
    verifiers: [
      { key, verify: verifyBytesWith(keys.signingPublic) },
      ...(keys.previous ?? []).map((p) => ({ key: noteKeyFor(keys.nodeId, p.signingPublic), verify: verifyBytesWith(p.signingPublic) })),
    ],
  };
}
