// Opens what a node process owns: the data folder lock (PGlite only), the database with its
// migrations applied, and the node keys. Used by `startNode` and by CLI commands that work offline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DataDirLock, type OpenedDatabase, acquireDataDirLock, migrateToLatest, openDatabase } from '@comity/db';
import { type AuditAnchorStore, catchUpAuditAnchor, databaseAuditAnchor, fileAuditAnchor } from './audit/audit-anchor.ts';
import { REPO_ROOT } from './config.ts';
import { logKeysFor } from './audit/log-keys.ts';
import { sequencePending } from './audit/sequencer.ts';
import { ed25519Signer, ed25519Verifier, sha256Hasher } from './identity/crypto-adapters.ts';
import { type NodeKeys, loadOrCreateDatabaseKeys, loadOrCreateFileKeys } from './identity/node-keys.ts';
import type { AppDeps } from './deps.ts';

export interface NodeStore {
  database: OpenedDatabase;
  keys: NodeKeys;
  deps: Pick<AppDeps, 'db' | 'dbKind' | 'keys' | 'hasher' | 'signer' | 'verifier' | 'now' | 'auditAnchor' | 'logKeys'>;
  lock: DataDirLock | null;
  appliedMigrations: string[];
  close(): Promise<void>;
}

export const VERSION: string = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export async function openNodeStore(opts: {
  dataDir: string;
  databaseUrl?: string | undefined;
  databaseSchema?: string | undefined;
  masterKey?: string | undefined;
  purpose: string;
  migrate?: boolean;
}): Promise<NodeStore> {
  // The lock comes first: a second process must fail before it touches PGlite's files.
  const lock = opts.databaseUrl ? null : acquireDataDirLock(opts.dataDir, opts.purpose);
  let database: OpenedDatabase | undefined;
  try {
    database = await openDatabase({ databaseUrl: opts.databaseUrl, schema: opts.databaseSchema, pgliteDir: opts.databaseUrl ? undefined : join(opts.dataDir, 'pgdata') });
    const applied = opts.migrate === false ? [] : (await migrateToLatest(database.db)).applied;
    const keys = opts.masterKey ? await loadOrCreateDatabaseKeys(database.db, opts.masterKey) : loadOrCreateFileKeys(opts.dataDir);
    const db = database.db;
    const opened = database;
    const now = () => new Date();
    const verifier = ed25519Verifier(keys.signingPublic);
    // The anchor lives where the keys live: the keys folder, or the sealed secrets' table.
    const auditAnchor: AuditAnchorStore = opts.masterKey ? databaseAuditAnchor(db, now) : fileAuditAnchor(opts.dataDir);
    const logKeys = logKeysFor(keys);
    // Crash recovery and the carry of the hash-chain era (migration 016): entries committed but not
    // yet sequenced go into the tree now, before anything else runs.
    if (opts.migrate !== false) await sequencePending({ db, logKeys, now, auditAnchor });
    await catchUpAuditAnchor(auditAnchor, db, logKeys);
    return {
      database,
      keys,
      lock,
      appliedMigrations: applied,
      deps: {
        db,
        dbKind: database.kind,
        keys,
        hasher: sha256Hasher,
        signer: ed25519Signer(keys.signingPrivate, keys.nodeId),
        verifier,
        now,
        auditAnchor,
        logKeys,
      },
      async close() {
        await opened.close();
        lock?.release();
      },
    };
  } catch (err) {
    await database?.close().catch(() => {});
    lock?.release();
    throw err;
  }
}
