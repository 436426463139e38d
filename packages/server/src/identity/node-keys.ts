// The node's identity: an Ed25519 signing key and an X25519 encryption key, created on first start.
// They live in the data folder as PKCS#8 PEM files with mode 0600, or, when COMITY_MASTER_KEY is
// set, in the database encrypted with AES-256-GCM under a key derived from it (scrypt).
// Keys can be rotated; the node id stays what it was, and the replaced keys are kept (to endorse
// the new node card and to open messages peers sealed to the old encryption key meanwhile).
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
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
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
  /** Keys this node used before its last rotations, newest first. */
  previous?: PreviousNodeKeys[];
}

export interface PreviousNodeKeys {
  signingPrivate: KeyObject;
  signingPublic: KeyObject;
  encryptionPrivate: KeyObject;
  encryptionPublic: KeyObject;
}

interface KeyPems {
  signing: string;
  encryption: string;
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

function buildPrevious(p: KeyPems): PreviousNodeKeys {
  const signingPrivate = createPrivateKey(p.signing);
  const encryptionPrivate = createPrivateKey(p.encryption);
  return { signingPrivate, signingPublic: createPublicKey(signingPrivate), encryptionPrivate, encryptionPublic: createPublicKey(encryptionPrivate) };
}

function build(
  signingPem: string,
  encryptionPem: string,
  storage: NodeKeys['storage'],
  extra: { nodeId?: string | undefined; previous?: KeyPems[] | undefined } = {},
): NodeKeys {
  const signingPrivate = createPrivateKey(signingPem);
  const encryptionPrivate = createPrivateKey(encryptionPem);
  const signingPublic = createPublicKey(signingPrivate);
  const encryptionPublic = createPublicKey(encryptionPrivate);
  return {
    // After a rotation the id no longer follows from the current key; it was recorded then.
    nodeId: extra.nodeId ?? nodeIdFor(signingPublic),
    signingPrivate,
    signingPublic,
    encryptionPrivate,
    encryptionPublic,
    signingFingerprint: fingerprint(signingPublic),
    encryptionFingerprint: fingerprint(encryptionPublic),
    storage,
    previous: (extra.previous ?? []).map(buildPrevious),
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
  const idPath = join(dir, 'node-id');
  const nodeId = existsSync(idPath) ? readFileSync(idPath, 'utf8').trim() : undefined;
  return build(readFileSync(sPath, 'utf8'), readFileSync(ePath, 'utf8'), 'files', { nodeId, previous: readPreviousFileKeys(dir) });
}

function readPreviousFileKeys(dir: string): KeyPems[] {
  const prevDir = join(dir, 'previous');
  if (!existsSync(prevDir)) return [];
  const stamps = readdirSync(prevDir)
    .filter((n) => n.endsWith('-signing-ed25519.pem'))
    .map((n) => n.slice(0, -'-signing-ed25519.pem'.length))
    .sort()
    .reverse();
  return stamps
    .filter((s) => existsSync(join(prevDir, `${s}-encryption-x25519.pem`)))
    .map((s) => ({
      signing: readFileSync(join(prevDir, `${s}-signing-ed25519.pem`), 'utf8'),
      encryption: readFileSync(join(prevDir, `${s}-encryption-x25519.pem`), 'utf8'),
    }));
}

/**
 * Replaces the node's keys in the data folder. The current keys move to keys/previous/ first, and
 * the node id is written down, so the node keeps its identity; the new files replace the old ones
 * by rename, so a crash leaves either the old or the new pair in place, never half of each.
 */
export function rotateFileKeys(dataDir: string, now: Date = new Date()): { before: NodeKeys; after: NodeKeys } {
  const before = loadOrCreateFileKeys(dataDir);
  const dir = join(dataDir, 'keys');
  const idPath = join(dir, 'node-id');
  if (!existsSync(idPath)) writeFileSync(idPath, `${before.nodeId}\n`, { mode: 0o600, flag: 'wx' });
  const prevDir = join(dir, 'previous');
  mkdirSync(prevDir, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const sPath = join(dir, 'node-signing-ed25519.pem');
  const ePath = join(dir, 'node-encryption-x25519.pem');
  writePrivate(join(prevDir, `${stamp}-signing-ed25519.pem`), readFileSync(sPath, 'utf8'));
  writePrivate(join(prevDir, `${stamp}-encryption-x25519.pem`), readFileSync(ePath, 'utf8'));
  const pems = freshPems();
  writePrivate(`${sPath}.new`, pems.signing);
  writePrivate(`${ePath}.new`, pems.encryption);
  renameSync(`${sPath}.new`, sPath);
  renameSync(`${ePath}.new`, ePath);
  return { before, after: loadOrCreateFileKeys(dataDir) };
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
  const pems = JSON.parse(unseal(masterKey, sealed!)) as StoredPems;
  return build(pems.signing, pems.encryption, 'database-encrypted', { nodeId: pems.nodeId, previous: pems.previous });
}

interface StoredPems extends KeyPems {
  nodeId?: string;
  previous?: KeyPems[];
}

/**
 * Replaces the node's keys stored in the database (run it in the transaction that records the
 * rotation). The node id and the replaced keys are kept in the same sealed record.
 */
export async function rotateDatabaseKeys(db: Kysely<Database>, masterKey: string): Promise<{ before: NodeKeys; after: NodeKeys }> {
  const before = await loadOrCreateDatabaseKeys(db, masterKey);
  const sealed = await db.selectFrom('node_secrets').select('value').where('name', '=', 'node-keys').forUpdate().executeTakeFirstOrThrow();
  const stored = JSON.parse(unseal(masterKey, sealed.value as SealedKeys)) as StoredPems;
  const pems = freshPems();
  const next: StoredPems = {
    ...pems,
    nodeId: before.nodeId,
    previous: [{ signing: stored.signing, encryption: stored.encryption }, ...(stored.previous ?? [])],
  };
  await db.updateTable('node_secrets').set({ value: JSON.stringify(seal(masterKey, JSON.stringify(next))) }).where('name', '=', 'node-keys').execute();
  return { before, after: build(next.signing, next.encryption, 'database-encrypted', { nodeId: next.nodeId, previous: next.previous }) };
}
