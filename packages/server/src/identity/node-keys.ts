// The node's identity: an Ed25519 signing key and an X25519 encryption key, created on first start.
// They live in the data folder as PKCS#8 PEM files with mode 0600, or, when COMITY_MASTER_KEY is
// set, in the database encrypted with AES-256-GCM under a key derived from it (scrypt).
import {
  type KeyObject,
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  scryptSync,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Database, getSecret, putSecretIfAbsent } from '@comity/db';
import type { Kysely } from 'kysely';
import { sha256Hex } from './crypto-adapters.ts';

export interface NodeKeys {
  nodeId: string;
  signingPrivate: KeyObject;
  signingPublic: KeyObject;
  encryptionPrivate: KeyObject;
  encryptionPublic: KeyObject;
  signingFingerprint: string;
  encryptionFingerprint: string;
  storage: 'files' | 'database-encrypted';
}

export class MasterKeyError extends Error {
  readonly code = 'master_key_invalid';
}

function rawPublic(key: KeyObject): Buffer {
  // The raw 32-byte key is the tail of the SPKI DER encoding for both Ed25519 and X25519.
  return key.export({ format: 'der', type: 'spki' }).subarray(-32);
}

/** SHA-256 of the raw public key, in groups of four hex digits, easy to read out over the phone. */
export function fingerprint(key: KeyObject): string {
  return sha256Hex(rawPublic(key))
    .slice(0, 40)
    .match(/.{4}/g)!
    .join(' ');
}

export function nodeIdFor(signingPublic: KeyObject): string {
  return `node-${sha256Hex(rawPublic(signingPublic)).slice(0, 20)}`;
}

function build(signingPem: string, encryptionPem: string, storage: NodeKeys['storage']): NodeKeys {
  const signingPrivate = createPrivateKey(signingPem);
  const encryptionPrivate = createPrivateKey(encryptionPem);
  const signingPublic = createPublicKey(signingPrivate);
  const encryptionPublic = createPublicKey(encryptionPrivate);
  return {
    nodeId: nodeIdFor(signingPublic),
    signingPrivate,
    signingPublic,
    encryptionPrivate,
    encryptionPublic,
    signingFingerprint: fingerprint(signingPublic),
    encryptionFingerprint: fingerprint(encryptionPublic),
    storage,
  };
}

function freshPems(): { signing: string; encryption: string } {
  const s = generateKeyPairSync('ed25519');
  const e = generateKeyPairSync('x25519');
  return {
    signing: s.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    encryption: e.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

function writePrivate(path: string, pem: string): void {
  // 'wx' never overwrites a key that appeared meanwhile; mode 0600 from the first byte.
  writeFileSync(path, pem, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
}

export function loadOrCreateFileKeys(dataDir: string): NodeKeys {
  const dir = join(dataDir, 'keys');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const sPath = join(dir, 'node-signing-ed25519.pem');
  const ePath = join(dir, 'node-encryption-x25519.pem');
  if (!existsSync(sPath) || !existsSync(ePath)) {
    const pems = freshPems();
    if (!existsSync(sPath)) writePrivate(sPath, pems.signing);
    if (!existsSync(ePath)) writePrivate(ePath, pems.encryption);
  }
  for (const p of [sPath, ePath]) {
    const mode = statSync(p).mode & 0o777;
    if (mode & 0o077) chmodSync(p, 0o600);
  }
  return build(readFileSync(sPath, 'utf8'), readFileSync(ePath, 'utf8'), 'files');
}

interface SealedKeys {
  v: 1;
  salt: string;
  iv: string;
  tag: string;
  ciphertext: string;
}

function deriveKey(masterKey: string, salt: Buffer): Buffer {
  return scryptSync(masterKey, salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
}

function seal(masterKey: string, plaintext: string): SealedKeys {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(masterKey, salt), iv);
  cipher.setAAD(Buffer.from('comity-node-keys-v1'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { v: 1, salt: salt.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
}

function unseal(masterKey: string, s: SealedKeys): string {
  try {
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(masterKey, Buffer.from(s.salt, 'base64')), Buffer.from(s.iv, 'base64'));
    decipher.setAAD(Buffer.from('comity-node-keys-v1'));
    decipher.setAuthTag(Buffer.from(s.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(s.ciphertext, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new MasterKeyError('COMITY_MASTER_KEY does not open the node keys stored in the database (wrong key?).');
  }
}

export async function loadOrCreateDatabaseKeys(db: Kysely<Database>, masterKey: string): Promise<NodeKeys> {
  if (masterKey.length < 16) throw new MasterKeyError('COMITY_MASTER_KEY must have at least 16 characters.');
  let sealed = await getSecret<SealedKeys>(db, 'node-keys');
  if (!sealed) {
    const pems = freshPems();
    await putSecretIfAbsent(db, 'node-keys', seal(masterKey, JSON.stringify(pems)), new Date());
    sealed = await getSecret<SealedKeys>(db, 'node-keys');
  }
  const pems = JSON.parse(unseal(masterKey, sealed!)) as { signing: string; encryption: string };
  return build(pems.signing, pems.encryption, 'database-encrypted');
}
