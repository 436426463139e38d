// The audit trail as a verifiable log, on real PGlite and PostgreSQL: entries committed but not
// sequenced survive a crash and are sequenced at the next open; a hash-chain trail written before
// migration 016 is carried into the tree and still verifies (and still catches an edit); the API
// gives inclusion and consistency proofs that verify with the RFC 9162 algorithms against the
// signed checkpoint; an exported range verifies offline in another process, and a tampered export
// fails with every problem named.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  type AuditEntry,
  GENESIS_HASH,
  linkAuditEntry,
  parseCheckpointNote,
  signAuditHead,
  verifyCheckpointSignature,
  verifyConsistency,
  verifyInclusion,
} from '@comity/core';
import { countPendingAudit, latestCheckpoint, migrateToLatest, openDatabase, readWholeLog } from '@comity/db';
import { testBackends } from '@comity/db/testing';
import { sql } from 'kysely';
import { createOrganisation } from '../accounts/accounts-service.ts';
import { REPO_ROOT } from '../config.ts';
import { auditedTransaction } from '../deps.ts';
import { ed25519Signer, sha256Hasher } from '../identity/crypto-adapters.ts';
import { loadOrCreateFileKeys } from '../identity/node-keys.ts';
import { type NodeStore, openNodeStore } from '../node-store.ts';
import { ADMIN_PASSWORD, ApiClient, makeUser, startTestNode } from '../testing/test-node.ts';
import { verifyTrail } from './audit-service.ts';
import { logKeysFor, sha256Bytes } from './log-keys.ts';
import { sequenceBatch } from './sequencer.ts';

const COMITY_BIN = join(REPO_ROOT, 'packages/cli/bin/comity.js');

function cli(args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(COMITY_|DATABASE_URL$)/.test(k)) childEnv[k] = v;
  for (const [k, v] of Object.entries(env)) if (v !== undefined) childEnv[k] = v;
  const child = spawn(process.execPath, [COMITY_BIN, ...args], { cwd: REPO_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const problemsOf = (r: Awaited<ReturnType<typeof verifyTrail>>) => (r.ok ? [] : r.problems.map((p) => `${p.seq}:${p.kind}`));

for (const backend of testBackends()) {
  describe(`audit log on ${backend.name}`, () => {
    async function withDir(work: (dataDir: string, schema: string | undefined) => Promise<void>) {
      const dataDir = mkdtempSync(join(tmpdir(), 'comity-log-'));
      const schema = await backend.newSchema();
      try {
        await work(dataDir, schema);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
        await backend.dropSchema(schema);
      }
    }
    const open = (dataDir: string, schema: string | undefined): Promise<NodeStore> =>
      openNodeStore({ dataDir, databaseUrl: backend.databaseUrl, databaseSchema: schema, purpose: 'test' });

    test('a crash between commit and sequencing, and one inside a sequencing pass, lose nothing', async () => {
      await withDir(async (dataDir, schema) => {
        let store = await open(dataDir, schema);
        const who = { actor: null, requestId: 'test' };
        for (const name of ['Eurojust', 'Parquet national financier', 'Bundesamt für Justiz']) {
          await createOrganisation(store.deps, who, { name, country: 'FRA', kind: 'prosecution-service' });
        }
        // Committed, not sequenced (no sequencer runs in an offline store).
        assert.equal(await countPendingAudit(store.deps.db), 3);
        // A sequencing pass that dies before its commit (here: the signature fails) leaves them as they were.
        const broken = { ...store.deps.logKeys, sign: () => { throw new Error('power cut while signing'); } };
        await assert.rejects(sequenceBatch({ db: store.deps.db, logKeys: broken, now: store.deps.now }), /power cut/);
        assert.equal(await countPendingAudit(store.deps.db), 3);
        assert.equal(await latestCheckpoint(store.deps.db), null);
        await store.close(); // the process ends here without sequencing

        store = await open(dataDir, schema);
        assert.equal(await countPendingAudit(store.deps.db), 0, 'the next open sequenced what was committed');
        const cp = await latestCheckpoint(store.deps.db);
        assert.equal(cp?.size, 3);
        const log = await readWholeLog(store.deps.db);
        assert.deepEqual(
          log.entries.map((e) => [e.action, e.leafIndex]),
          [
            ['organisation.create', 0],
            ['organisation.create', 1],
            ['organisation.create', 2],
          ],
        );
        assert.deepEqual(await verifyTrail(store.deps), { ok: true, entries: 3 });
        await store.close();
      });
    });

    test('entries committed concurrently by many writers all reach the tree, once each', async () => {
      await withDir(async (dataDir, schema) => {
        const store = await open(dataDir, schema);
        try {
          await Promise.all(
            Array.from({ length: 40 }, (_, i) =>
              auditedTransaction(store.deps, { actor: null, requestId: `w${i}` }, async (_trx, audit) => {
                audit('thing.write', `thing:${i}`, { i });
                if (i % 7 === 0) audit('thing.write.extra', `thing:${i}`, { i, extra: true });
              }),
            ),
          );
          // Two sequencers at once (the node's and a CLI's) take turns on the state row.
          await Promise.all([sequenceBatch({ db: store.deps.db, logKeys: store.deps.logKeys, now: store.deps.now }), sequenceBatch({ db: store.deps.db, logKeys: store.deps.logKeys, now: store.deps.now })]);
          const log = await readWholeLog(store.deps.db);
          assert.equal(log.entries.length, 46);
          assert.deepEqual(
            log.entries.map((e) => e.leafIndex).sort((a, b) => a! - b!),
            Array.from({ length: 46 }, (_, i) => i),
          );
          assert.deepEqual(await verifyTrail(store.deps), { ok: true, entries: 46 });
        } finally {
          await store.close();
        }
      });
    });

    test('a hash-chain trail written before migration 016 is carried into the tree, verifies, and an edit in it is still caught', async () => {
      await withDir(async (dataDir, schema) => {
        // The node as it was: migrations up to 013, a chain of entries with a signed head and the anchor file.
        const keys = loadOrCreateFileKeys(dataDir);
        const old = await openDatabase({ databaseUrl: backend.databaseUrl, schema, pgliteDir: backend.databaseUrl ? undefined : join(dataDir, 'pgdata') });
        await migrateToLatest(old.db, { before: '016-audit-log' });
        let prev: AuditEntry | null = null;
        for (let i = 0; i < 6; i++) {
          const e = linkAuditEntry(sha256Hasher, prev, { actorId: null, actorEmail: 'clerk@example.org', organisationId: null, action: 'legacy.write', target: `legacy:${i}`, requestId: null, change: { i } }, new Date(Date.UTC(2026, 0, 1, 0, 0, i)));
          await old.db
            .insertInto('audit_entries')
            .values({ seq: e.seq, at: e.at, actor_id: null, actor_email: e.actorEmail, organisation_id: null, action: e.action, target: e.target, request_id: null, digest: e.digest, prev_hash: e.prevHash, hash: e.hash, change: JSON.stringify(e.change) })
            .execute();
          prev = e;
        }
        assert.equal((await old.db.selectFrom('audit_entries').select('prev_hash').where('seq', '=', 1).executeTakeFirstOrThrow()).prev_hash, GENESIS_HASH);
        const head = signAuditHead(ed25519Signer(keys.signingPrivate, keys.nodeId), prev!);
        await old.db.insertInto('audit_head').values({ id: 1, seq: head.seq, hash: head.hash, signature: head.signature, key_id: head.keyId }).execute();
        writeFileSync(join(dataDir, 'keys', 'audit-anchor.json'), `${JSON.stringify({ seq: 6, hash: prev!.hash })}\n`);
        await old.close();

        // The new code opens it: migration 016, then the carry into the tree.
        let store = await open(dataDir, schema);
        assert.ok(store.appliedMigrations.includes('016-audit-log'));
        let log = await readWholeLog(store.deps.db);
        assert.deepEqual(
          log.entries.map((e) => [e.seq, e.leafIndex]),
          [0, 1, 2, 3, 4, 5].map((i) => [i + 1, i]),
        );
        assert.equal(log.checkpoints.at(-1)?.size, 6);
        assert.deepEqual(await store.deps.auditAnchor.read(), { seq: 6, hash: log.checkpoints.at(-1)?.root, kind: 'checkpoint' }, 'the chain anchor became the checkpoint');
        assert.deepEqual(await verifyTrail(store.deps), { ok: true, entries: 6 });
        // New entries follow: numbered after the old ones, no chain link, in the same tree.
        await createOrganisation(store.deps, { actor: null, requestId: 'test' }, { name: 'After the migration', country: 'ESP', kind: 'court' });
        await store.close();
        store = await open(dataDir, schema);
        log = await readWholeLog(store.deps.db);
        assert.deepEqual([log.entries[6]?.seq, log.entries[6]?.prevHash, log.entries[6]?.leafIndex], [7, '', 6]);
        assert.deepEqual(await verifyTrail(store.deps), { ok: true, entries: 7 });

        // An old entry edited, or unlinked, is caught by the chain and by the tree.
        await sql`update audit_entries set target = 'legacy:elsewhere' where seq = 3`.execute(store.deps.db);
        assert.deepEqual(problemsOf(await verifyTrail(store.deps)), ['3:altered']);
        await sql`update audit_entries set target = 'legacy:2' where seq = 3`.execute(store.deps.db);
        await sql`delete from audit_entries where seq = 2`.execute(store.deps.db);
        // The chain sees the gap at 2, the tree at the next entry it holds.
        assert.deepEqual(problemsOf(await verifyTrail(store.deps)), ['2:missing', '3:missing']);
        await store.close();
      });
    });

    test('API: checkpoints, inclusion and consistency proofs verify with RFC 9162; errors are problem+json; admins only', async () => {
      const t = await startTestNode(backend, { auditSequenceDelayMs: 200 });
      try {
        const admin = new ApiClient(t.url);
        await admin.signIn(t.admin.email, ADMIN_PASSWORD);
        await makeUser(admin, { role: 'supervisor', orgName: 'Parquet national financier', country: 'FRA' });
        await t.node.deps.auditSequencer?.flush();
        const first = (await admin.call<{ items: { size: number; note: string; root: string }[] }>('GET', '/api/v1/audit/checkpoints?limit=500', undefined, 200)).body.items.at(-1)!;
        await makeUser(admin, { role: 'practitioner', orgName: 'Bundesamt für Justiz', country: 'DEU' });
        await t.node.deps.auditSequencer?.flush();
        const latest = (await admin.call<{ size: number; note: string; root: string; cosignatures: unknown[] }>('GET', '/api/v1/audit/checkpoints/latest', undefined, 200)).body;
        assert.ok(latest.size > first.size);
        const note = parseCheckpointNote(latest.note);
        assert.equal(note.origin, `comity.audit/${t.node.deps.keys.nodeId}`);
        assert.equal(note.root, latest.root);
        assert.ok(verifyCheckpointSignature(sha256Bytes, logKeysFor(t.node.deps.keys).key, logKeysFor(t.node.deps.keys).verifiers[0]!.verify, note));

        // Every entry's proof verifies against the latest checkpoint.
        const entries = (await admin.call<{ items: { seq: number }[] }>('GET', '/api/v1/audit?limit=500', undefined, 200)).body.items;
        for (const e of entries) {
          const p = (
            await admin.call<{ leafIndex: number; leafHash: string; path: string[]; treeSize: number; rootHash: string }>('GET', `/api/v1/audit/proofs/inclusion?seq=${e.seq}`, undefined, 200)
          ).body;
          assert.equal(p.treeSize, latest.size);
          assert.ok(verifyInclusion(sha256Bytes, p.leafIndex, p.treeSize, p.leafHash, p.path, latest.root), `entry ${e.seq}`);
        }
        // Against an earlier checkpoint too, and the later one extends it.
        const early = (await admin.call<{ path: string[]; leafIndex: number; leafHash: string }>('GET', `/api/v1/audit/proofs/inclusion?seq=1&size=${first.size}`, undefined, 200)).body;
        assert.ok(verifyInclusion(sha256Bytes, early.leafIndex, first.size, early.leafHash, early.path, first.root));
        const c = (await admin.call<{ path: string[]; fromRoot: string; toRoot: string }>('GET', `/api/v1/audit/proofs/consistency?from=${first.size}`, undefined, 200)).body;
        assert.ok(verifyConsistency(sha256Bytes, first.size, latest.size, first.root, latest.root, c.path));
        assert.equal(verifyConsistency(sha256Bytes, first.size, latest.size, latest.root, latest.root, c.path), false);

        // Bad input and unknown records.
        const missing = await admin.call<{ status: number; code: string }>('GET', '/api/v1/audit/proofs/inclusion?seq=999999', undefined, 404);
        assert.match(missing.headers.get('content-type') ?? '', /application\/problem\+json/);
        await admin.call('GET', '/api/v1/audit/proofs/inclusion?seq=abc', undefined, 400);
        await admin.call('GET', '/api/v1/audit/proofs/consistency?from=999999', undefined, 404);
        await admin.call('GET', `/api/v1/audit/proofs/inclusion?seq=${entries[0]!.seq}&size=1&extra=1`, undefined, 400);
        // A supervisor may verify but not read the log.
        const sup = await makeUser(admin, { role: 'supervisor', orgName: 'Procura della Repubblica', country: 'ITA' });
        await sup.client.call('GET', '/api/v1/audit/checkpoints', undefined, 403);
        await sup.client.call('GET', '/api/v1/audit/proofs/inclusion?seq=1', undefined, 403);
      } finally {
        await t.close();
      }
    });

    test('an exported range verifies offline in another process; a tampered export fails with every problem named', async () => {
      await withDir(async (dataDir, schema) => {
        const store = await open(dataDir, schema);
        for (const name of ['Eurojust', 'Ministerio Fiscal', 'Bundesamt für Justiz', 'Crown Prosecution Service', 'Parquet national financier']) {
          await createOrganisation(store.deps, { actor: null, requestId: 'test' }, { name, country: 'FRA', kind: 'prosecution-service' });
        }
        const fingerprint = store.keys.signingFingerprint;
        await store.close();
        const env = { COMITY_DATA_DIR: dataDir, DATABASE_URL: backend.databaseUrl, COMITY_DATABASE_SCHEMA: schema, COMITY_LOG: '0' };
        const out = join(dataDir, 'court-export.json');
        const exported = await cli(['audit', 'export', '--out', out, '--from-seq', '2', '--to-seq', '4'], env);
        assert.equal(exported.code, 0, exported.stderr);
        assert.match(exported.stdout, /Exported 3 audit entries/);

        // "Another machine": no data folder, no database, only the file.
        const bare = { HOME: tmpdir() };
        const ok = await cli(['audit', 'verify', '--export', out, '--key', fingerprint], bare);
        assert.equal(ok.code, 0, ok.stderr);
        assert.match(ok.stdout, /OK: 3 audit entries of comity\.audit\/node-/);
        const json = JSON.parse((await cli(['audit', 'verify', '--export', out, '--json'], bare)).stdout) as { ok: boolean; entries: number; treeSize: number };
        assert.deepEqual([json.ok, json.entries, json.treeSize], [true, 3, 5]);

        // The wrong expected key.
        const wrongKey = await cli(['audit', 'verify', '--export', out, '--key', '0000 0000 0000 0000 0000 0000 0000 0000 0000 0000'], bare);
        assert.equal(wrongKey.code, 1);
        assert.match(wrongKey.stderr, /fingerprint is .*not the expected/);

        // Tampered: a change edited, an entry's action edited, a proof shortened.
        const exp = JSON.parse(readFileSync(out, 'utf8')) as { entries: { seq: number; action: string; change: Record<string, unknown>; path: string[] }[] };
        exp.entries[0]!.change = { ...exp.entries[0]!.change, name: 'Someone else' };
        exp.entries[1]!.action = 'organisation.read';
        exp.entries[2]!.path = exp.entries[2]!.path.slice(1);
        const bad = join(dataDir, 'tampered.json');
        writeFileSync(bad, JSON.stringify(exp));
        const broken = await cli(['audit', 'verify', '--export', bad, '--json'], bare);
        assert.equal(broken.code, 1);
        const r = JSON.parse(broken.stdout) as { ok: boolean; problems: { seq: number; kind: string }[] };
        assert.deepEqual(
          r.problems.map((p) => `${p.seq}:${p.kind}`),
          ['2:change_altered', '3:altered', '3:not_included', '4:not_included'],
        );
        const text = await cli(['audit', 'verify', '--export', bad], bare);
        assert.match(text.stderr, /BROKEN: 4 problems/);
        // Not an export at all.
        writeFileSync(bad, '{"hello":1}');
        const notExport = await cli(['audit', 'verify', '--export', bad], bare);
        assert.equal(notExport.code, 1);
        assert.match(notExport.stderr, /not a comity-audit-export\/1 file/);
      });
    });
  });
}
