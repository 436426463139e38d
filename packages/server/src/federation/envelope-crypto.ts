// node:crypto behind the federation envelope: X25519 key agreement with a fresh ephemeral key,
// HKDF-SHA256, AES-256-GCM with the header as associated data, Ed25519 signatures, raw keys.
import {
  type KeyObject,
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import type { Signer } from '@comity/core';
import {
  EnvelopeRejectedError,
  HKDF_INFO,
  type KeyVerify,
  PAYLOAD_ALGORITHM,
  type PayloadSealer,
  type SealedPayload,
} from '@comity/core/federation/index';

/** The raw 32-byte public key (Ed25519 or X25519), base64url. */
export function rawPublicKey(key: KeyObject): string {
  const jwk = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('not an OKP key');
  return jwk.x;
}

export function publicKeyFromRaw(curve: 'Ed25519' | 'X25519', raw: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: curve, x: raw }, format: 'jwk' });
}

let probeKey: KeyObject | undefined;

/**
 * A low-order (small-subgroup) X25519 public key: every private key agrees on the same all-zero
 * secret with it, so a payload "sealed" to it, or with it, is readable by anyone. OpenSSL refuses
 * the derivation; the answer is the same either way.
 */
export function isLowOrderX25519(raw: string): boolean {
  probeKey ??= generateKeyPairSync('x25519').privateKey;
  try {
    const shared = diffieHellman({ privateKey: probeKey, publicKey: publicKeyFromRaw('X25519', raw) });
    return shared.every((b) => b === 0);
  } catch {
    return true;
  }
}

const PKCS8_PREFIX = { Ed25519: '302e020100300506032b657004220420', X25519: '302e020100300506032b656e04220420' } as const;

/** A private key from its raw 32-byte seed (interop vectors use fixed seeds). */
export function privateKeyFromSeed(curve: 'Ed25519' | 'X25519', seed: Buffer): KeyObject {
  if (seed.length !== 32) throw new RangeError('a key seed has 32 bytes');
  return createPrivateKey({ key: Buffer.concat([Buffer.from(PKCS8_PREFIX[curve], 'hex'), seed]), format: 'der', type: 'pkcs8' });
}

/** Key id: the first 128 bits of SHA-256 over the raw public key, hex. */
export function keyId(rawPublicKeyB64: string): string {
  return createHash('sha256').update(Buffer.from(rawPublicKeyB64, 'base64url')).digest('hex').slice(0, 32);
}

/** SHA-256 of the raw public key as people read it out: ten groups of four hex digits. */
export function rawKeyFingerprint(rawPublicKeyB64: string): string {
  return createHash('sha256')
    .update(Buffer.from(rawPublicKeyB64, 'base64url'))
    .digest('hex')
    .slice(0, 40)
    .match(/.{4}/g)!
    .join(' ');
}

export function ed25519SignerFor(privateKey: KeyObject): Signer {
  const raw = rawPublicKey(privateKey);
  return { keyId: keyId(raw), sign: (text) => sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64url') };
}

/** Verifies with a raw Ed25519 public key; any malformed input is simply "not valid". */
export const verifyWithRawKey: KeyVerify = (publicKey, text, signature) => {
  try {
    const sig = Buffer.from(signature, 'base64url');
    // Only the canonical encoding: otherwise unused low bits of the last character could be
    // changed without changing the signature, and a tampered envelope would still verify.
    if (sig.length !== 64 || sig.toString('base64url') !== signature) return false;
    return verify(null, Buffer.from(text, 'utf8'), publicKeyFromRaw('Ed25519', publicKey), sig);
  } catch {
    return false;
  }
};

function payloadKey(shared: Buffer, ephemeralRaw: Buffer, recipientRaw: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeralRaw, recipientRaw]), Buffer.from(HKDF_INFO, 'utf8'), 32));
}

/**
 * The sealer. `fixed` pins the ephemeral private key and nonce, which only the interop vectors
 * do: reusing either with real traffic would break the encryption.
 */
export function x25519Sealer(fixed?: { ephemeralPrivate: KeyObject; nonce: Buffer }): PayloadSealer {
  return {
    seal(plaintext, aad, recipientEncryptionKey) {
      const recipientRaw = Buffer.from(recipientEncryptionKey, 'base64url');
      const recipient = publicKeyFromRaw('X25519', recipientEncryptionKey);
      const ephemeralPrivate = fixed?.ephemeralPrivate ?? generateKeyPairSync('x25519').privateKey;
      const ephemeralRaw = Buffer.from(rawPublicKey(ephemeralPrivate), 'base64url');
      const shared = diffieHellman({ privateKey: ephemeralPrivate, publicKey: recipient });
      const nonce = fixed?.nonce ?? randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', payloadKey(shared, ephemeralRaw, recipientRaw), nonce);
      cipher.setAAD(Buffer.from(aad, 'utf8'));
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return {
        alg: PAYLOAD_ALGORITHM,
        recipientKey: keyId(recipientEncryptionKey),
        epk: ephemeralRaw.toString('base64url'),
        nonce: nonce.toString('base64url'),
        ciphertext: ct.toString('base64url'),
      } satisfies SealedPayload;
    },
  };
}

/**
 * Opens a sealed payload with whichever of our X25519 keys it names (the current one, or one
 * replaced by a rotation that the peer had not heard of yet). Any failure is `decryption_failed`.
 */
export function openSealedPayload(sealed: SealedPayload, aad: string, encryptionKeys: KeyObject[]): Buffer {
  const key = encryptionKeys.find((k) => keyId(rawPublicKey(k)) === sealed.recipientKey);
  if (!key) throw new EnvelopeRejectedError('decryption_failed', 'The payload is sealed to an encryption key this node does not hold.');
  if (isLowOrderX25519(sealed.epk)) {
    throw new EnvelopeRejectedError('decryption_failed', 'The ephemeral key (encrypted.epk) is a low-order X25519 point; seal again with a fresh key pair.');
  }
  try {
    const recipientRaw = Buffer.from(rawPublicKey(key), 'base64url');
    const ephemeralRaw = Buffer.from(sealed.epk, 'base64url');
    const shared = diffieHellman({ privateKey: key, publicKey: publicKeyFromRaw('X25519', sealed.epk) });
    const ct = Buffer.from(sealed.ciphertext, 'base64url');
    if (ct.length < 16) throw new Error('short');
    const decipher = createDecipheriv('aes-256-gcm', payloadKey(shared, ephemeralRaw, recipientRaw), Buffer.from(sealed.nonce, 'base64url'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(ct.subarray(ct.length - 16));
    return Buffer.concat([decipher.update(ct.subarray(0, ct.length - 16)), decipher.final()]);
  } catch {
    throw new EnvelopeRejectedError('decryption_failed');
  }
}

export function sha256HexOf(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}
