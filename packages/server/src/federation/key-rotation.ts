// Key rotation, run with the node stopped (`comity node rotate-keys`): new Ed25519 and X25519
// keys, the node id kept, the old keys kept to endorse the new card and to open messages peers
// sealed to the old key meanwhile; the rotation is audited (the chain-era head is re-signed and a
// checkpoint signed with the new key) and the new card, endorsed by the old key, is queued to every peer.
import { signAuditHead } from '@comity/core';
import { type Database, appendAudit, readAuditHead, resignChainHead } from '@comity/db';
import type { Kysely } from 'kysely';
import { logKeysFor } from '../audit/log-keys.ts';
import { sequencePending } from '../audit/sequencer.ts';
import type { NodeConfig } from '../config.ts';
import { ed25519Signer, ed25519Verifier } from '../identity/crypto-adapters.ts';
import { type NodeKeys, rotateDatabaseKeys, rotateFileKeys } from '../identity/node-keys.ts';
import type { NodeStore } from '../node-store.ts';
import { federationSettings } from './federation-config.ts';
import { announceOwnCard } from './peers-service.ts';
import { createRuntime } from './runtime.ts';

export interface RotationReport {
  nodeId: string;
  before: { signing: string; encryption: string };
  after: { signing: string; encryption: string };
  /** Peers the new card was queued for (it is sent when the node runs). */
  announcedTo: number;
}

function fingerprints(k: NodeKeys) {
  return { signing: k.signingFingerprint, encryption: k.encryptionFingerprint };
}

export async function rotateNodeKeys(store: NodeStore, config: NodeConfig, env: NodeJS.ProcessEnv = process.env): Promise<RotationReport> {
  const db = store.deps.db;
  let before: NodeKeys;
  let after: NodeKeys;
  const record = (keys: { before: NodeKeys; after: NodeKeys }) => ({
    actorId: null,
    actorEmail: null,
    organisationId: null,
    action: 'node.keys.rotate',
    target: `node:${keys.after.nodeId}`,
    requestId: 'cli',
    change: { before: fingerprints(keys.before), after: fingerprints(keys.after), storage: keys.after.storage },
  });
  if (store.keys.storage === 'database-encrypted') {
    if (!config.masterKey) throw new Error('The keys are stored in the database; COMITY_MASTER_KEY is needed to rotate them.');
    const masterKey = config.masterKey;
    ({ before, after } = await db.transaction().execute(async (trx) => {
      const keys = await rotateDatabaseKeys(trx, masterKey);
      await appendAudit(trx, { hasher: store.deps.hasher, now: store.deps.now }, record(keys));
      await resignChainEra(trx, keys.after);
      return keys;
    }));
  } else {
    // Files first (by rename, atomic per file); the audit entry follows. Should the process die in
    // between, the next start announces the new card anyway, because its digest changed.
    ({ before, after } = rotateFileKeys(config.dataDir, store.deps.now()));
    await db.transaction().execute(async (trx) => {
      await appendAudit(trx, { hasher: store.deps.hasher, now: store.deps.now }, record({ before, after }));
      await resignChainEra(trx, after);
    });
  }
  // The rotation's entry (and anything pending) goes into the tree under a checkpoint signed with
  // the new key, so the latest checkpoint always verifies with the current key.
  const logKeys = logKeysFor(after);
  await sequencePending({ db, logKeys, now: store.deps.now, auditAnchor: store.deps.auditAnchor });
  const deps = {
    ...store.deps,
    keys: after,
    signer: ed25519Signer(after.signingPrivate, after.nodeId),
    verifier: ed25519Verifier(after.signingPublic),
    logKeys,
    config,
  };
  const runtime = createRuntime(deps, federationSettings(config.federation, env));
  const announcedTo = await announceOwnCard(runtime, { actor: null, requestId: 'cli' });
  return { nodeId: after.nodeId, before: fingerprints(before), after: fingerprints(after), announcedTo };
}

/** The hash-chain era's signed head (before migration 016), re-signed with the new key. */
async function resignChainEra(trx: Kysely<Database>, after: NodeKeys): Promise<void> {
  const head = await readAuditHead(trx);
  if (head) await resignChainHead(trx, signAuditHead(ed25519Signer(after.signingPrivate, after.nodeId), head));
}
