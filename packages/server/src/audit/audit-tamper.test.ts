// Someone with write access to the database edits, deletes, reorders or rewrites audit rows, or
// empties the audit tables: GET /api/v1/audit/verify and `comity audit verify --json` (a real
// process) both report every problem, each once, and the restored log verifies again. (A log
// rewritten and re-signed with the node's own key is caught by a peer: audit-witness.test.ts.)
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { InMemoryTree, auditEntryHash, auditLeafHash } from '@comity/core';
import { type Database, type OpenedDatabase, openDatabase } from '@comity/db';
import { testBackends } from '@comity/db/testing';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { AuditCheckpointsTable, AuditEntriesTable, AuditLogStateTable, AuditTreeNodesTable } from '@comity/db/schema';
import { REPO_ROOT } from '../config.ts';
import { sha256Hasher } from '../identity/crypto-adapters.ts';
import { sha256Bytes } from './log-keys.ts';
import { ADMIN_PASSWORD, ApiClient, type TestNode, makeUser, startTestNode } from '../testing/test-node.ts';

type Verification = { ok: boolean; entries: number; firstBroken?: number; reason?: string; problems?: { seq: number; kind: string; reason: string }[] };

const COMITY_BIN = join(REPO_ROOT, 'packages/cli/bin/comity.js');

/** `comity audit verify --json` as a separate process, as an operator or a cron job runs it. */
function cliVerify(env: Record<string, string | undefined>): Promise<{ code: number | null; json: Verification; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(COMITY_|DATABASE_URL$)/.test(k)) childEnv[k] = v;
  for (const [k, v] of Object.entries(env)) if (v !== undefined) childEnv[k] = v;
  const child = spawn(process.execPath, [COMITY_BIN, 'audit', 'verify', '--json'], { cwd: REPO_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve({ code, json: JSON.parse(stdout) as Verification, stderr });
      } catch {
        reject(new Error(`comity audit verify --json printed no JSON (exit ${code}):\n${stdout}\n${stderr}`));
      }
    });
  });
}

interface Snapshot {
  entries: Selectable<AuditEntriesTable>[];
  checkpoints: Selectable<AuditCheckpointsTable>[];
  nodes: Selectable<AuditTreeNodesTable>[];
  state: Selectable<AuditLogStateTable>[];
}

const TABLES = ['audit_entries', 'audit_checkpoints', 'audit_tree_nodes', 'audit_log_state'] as const;

async function restore(db: Kysely<Database>, snap: Snapshot): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const t of TABLES) await trx.deleteFrom(t).execute();
    for (const e of snap.entries) await trx.insertInto('audit_entries').values({ ...e, change: JSON.stringify(e.change) }).execute();
    for (const c of snap.checkpoints) await trx.insertInto('audit_checkpoints').values(c).execute();
    for (let i = 0; i < snap.nodes.length; i += 500) await trx.insertInto('audit_tree_nodes').values(snap.nodes.slice(i, i + 500)).execute();
    for (const r of snap.state) await trx.insertInto('audit_log_state').values(r).execute();
  });
}

/**
 * As a careful forger without the node key would: recomputes the edited entry's hash, then every
 * leaf and every stored subtree and the state, so that every stored hash agrees with the entries.
 * Only the signed checkpoints (and the anchor) still tell.
 */
async function recomputeHashesAndTree(db: Kysely<Database>): Promise<void> {
  const rows = await db.selectFrom('audit_entries').selectAll().orderBy('leaf_index').execute();
  const tree = new InMemoryTree(sha256Bytes);
  const nodes: { level: number; idx: number; hash: string }[] = [];
  for (const r of rows) {
    const fields = {
      seq: r.seq,
      at: r.at,
      actorId: r.actor_id,
      actorEmail: r.actor_email,
      organisationId: r.organisation_id,
      action: r.action,
      target: r.target,
      requestId: r.request_id,
      digest: r.digest,
      prevHash: r.prev_hash,
    };
    await db.updateTable('audit_entries').set({ hash: auditEntryHash(sha256Hasher, fields) }).where('seq', '=', r.seq).execute();
    for (const n of tree.append(auditLeafHash(sha256Bytes, fields))) nodes.push({ level: n.level, idx: n.index, hash: n.hash });
  }
  await db.deleteFrom('audit_tree_nodes').execute();
  for (let i = 0; i < nodes.length; i += 500) await db.insertInto('audit_tree_nodes').values(nodes.slice(i, i + 500)).execute();
  await db.updateTable('audit_log_state').set({ size: tree.size, root: tree.root() }).execute();
}

for (const backend of testBackends()) {
  describe(`audit trail tampering on ${backend.name}`, () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'comity-tamper-'));
    let schema: string | undefined;
    let t: TestNode | undefined;
    let cookie: string | undefined;
    let snap: Snapshot;
    let total: number;
    let orgCreateSeq: number;

    const cliEnv = () => ({ COMITY_DATA_DIR: dataDir, DATABASE_URL: backend.databaseUrl, COMITY_DATABASE_SCHEMA: schema, COMITY_LOG: '0' });

    async function running(): Promise<TestNode> {
      t ??= await startTestNode(backend, { dataDir, databaseSchema: schema });
      return t;
    }

    /**
     * Direct database access, as someone with the database password has it. PGlite's files belong
     * to one process at a time, so there the node stops first; PostgreSQL is edited under a
     * running node.
     */
    async function directly<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
      if (!backend.databaseUrl && t) {
        await t.close();
        t = undefined;
      }
      const database: OpenedDatabase = await openDatabase({ databaseUrl: backend.databaseUrl, schema, pgliteDir: backend.databaseUrl ? undefined : join(dataDir, 'pgdata') });
      try {
        return await work(database.db);
      } finally {
        await database.close();
      }
    }

    async function apiVerify(): Promise<Verification> {
      const node = await running();
      const c = new ApiClient(node.url);
      c.cookie = cookie;
      return (await c.call<Verification>('GET', '/api/v1/audit/verify', undefined, 200)).body;
    }

    /** Both ways of verifying, on the same tampered trail. */
    async function verifyBoth(): Promise<{ cli: Verification; api: Verification; code: number | null }> {
      if (!backend.databaseUrl && t) {
        await t.close();
        t = undefined;
      }
      const cli = await cliVerify(cliEnv());
      const api = await apiVerify();
      return { cli: cli.json, api, code: cli.code };
    }

    before(async () => {
      schema = await backend.newSchema();
      const node = await running();
      const admin = new ApiClient(node.url);
      await admin.signIn(node.admin.email, ADMIN_PASSWORD);
      cookie = admin.cookie;
      // Ordinary audited work: organisations, users in them, a setting, a token.
      await makeUser(admin, { role: 'supervisor', orgName: 'Parquet national financier', country: 'FRA' });
      await makeUser(admin, { role: 'practitioner', orgName: 'Bundesamt für Justiz', country: 'DEU' });
      await admin.call('PUT', '/api/v1/settings/public', { requireSignInForKnowledge: true }, 200);
      await admin.call('POST', '/api/v1/account/tokens', { name: 'reporting script' }, 201);
      const verified = await apiVerify();
      assert.equal(verified.ok, true);
      total = verified.entries;
      assert.ok(total >= 10, `${total} audit entries to tamper with`);
      await t?.node.deps.auditSequencer?.flush();
      snap = await directly(async (db) => ({
        entries: await db.selectFrom('audit_entries').selectAll().orderBy('seq').execute(),
        checkpoints: await db.selectFrom('audit_checkpoints').selectAll().orderBy('id').execute(),
        nodes: await db.selectFrom('audit_tree_nodes').selectAll().execute(),
        state: await db.selectFrom('audit_log_state').selectAll().execute(),
      }));
      assert.ok(
        snap.entries.every((e) => e.leaf_index === e.seq - 1),
        'every entry sequenced, in order',
      );
      orgCreateSeq = snap.entries.filter((e) => e.action === 'organisation.create').at(-1)!.seq;
      assert.ok(orgCreateSeq > 2 && orgCreateSeq < total - 1, 'an organisation.create entry in the middle of the trail');
    });

    after(async () => {
      await t?.close();
      rmSync(dataDir, { recursive: true, force: true });
      await backend.dropSchema(schema);
    });

    test('an untouched trail verifies: exit 0 and exactly {"ok":true,"entries":N}', async () => {
      const { cli, api, code } = await verifyBoth();
      assert.equal(code, 0);
      assert.deepEqual(cli, { ok: true, entries: total });
      assert.deepEqual(api, { ok: true, entries: total });
    });

    const kinds = (v: Verification) => (v.problems ?? []).map((p) => `${p.seq}:${p.kind}`);
    const cases: { name: string; tamper: (db: Kysely<Database>) => Promise<void>; entries: (n: number) => number; problems: (n: number) => string[] }[] = [
      {
        name: 'an edited action',
        tamper: async (db) => {
          await db.updateTable('audit_entries').set({ action: 'organisation.read' }).where('seq', '=', orgCreateSeq).execute();
        },
        entries: (n) => n,
        problems: () => [`${orgCreateSeq}:altered`],
      },
      {
        name: 'a deleted middle row',
        tamper: async (db) => {
          await db.deleteFrom('audit_entries').where('seq', '=', 4).execute();
        },
        entries: (n) => n - 1,
        problems: () => ['5:missing'],
      },
      {
        name: 'two rows reordered in the tree (their positions exchanged)',
        tamper: async (db) => {
          await db.updateTable('audit_entries').set({ leaf_index: -1 }).where('seq', '=', 6).execute();
          await db.updateTable('audit_entries').set({ leaf_index: 5 }).where('seq', '=', 3).execute();
          await db.updateTable('audit_entries').set({ leaf_index: 2 }).where('seq', '=', 6).execute();
        },
        entries: (n) => n,
        problems: () => ['3:out_of_order', '6:out_of_order'],
      },
      {
        name: 'two rows swapped (their numbers exchanged)',
        tamper: async (db) => {
          await db.updateTable('audit_entries').set({ seq: -1 }).where('seq', '=', 6).execute();
          await db.updateTable('audit_entries').set({ seq: 6 }).where('seq', '=', 3).execute();
          await db.updateTable('audit_entries').set({ seq: 3 }).where('seq', '=', -1).execute();
        },
        entries: (n) => n,
        problems: () => ['3:altered', '6:altered'],
      },
      {
        name: 'the last row deleted',
        tamper: async (db) => {
          await db.deleteFrom('audit_entries').where('seq', '=', total).execute();
        },
        entries: (n) => n - 1,
        problems: (n) => [`${n}:tail_removed`],
      },
      {
        name: 'the recorded change (jsonb) edited',
        tamper: async (db) => {
          await sql`update audit_entries set change = jsonb_set(change, '{name}', '"Someone else"') where seq = ${orgCreateSeq}`.execute(db);
        },
        entries: (n) => n,
        problems: () => [`${orgCreateSeq}:change_altered`],
      },
      {
        name: 'an edited row with its hash, every leaf and every stored subtree recomputed (only the signed checkpoints can tell)',
        tamper: async (db) => {
          await db.updateTable('audit_entries').set({ actor_email: 'someone-else@example.org' }).where('seq', '=', orgCreateSeq).execute();
          await recomputeHashesAndTree(db);
        },
        entries: (n) => n,
        // The anchor outside the database (the latest checkpoint) does not match either.
        problems: (n) => [`${firstCheckpointSeqFrom(orgCreateSeq)}:root_mismatch`, `${n}:anchor_mismatch`],
      },
      {
        name: 'the audit tables emptied (only the anchor outside the database and the data can tell)',
        tamper: async (db) => {
          for (const t of TABLES) await db.deleteFrom(t).execute();
        },
        entries: () => 0,
        problems: () => ['1:truncated', '1:emptied'],
      },
    ];

    /** The last entry of the first checkpoint that covers entry `seq` (root_mismatch names it; seq = position + 1 here). */
    function firstCheckpointSeqFrom(seq: number): number {
      return snap.checkpoints.map((c) => c.size).find((s) => s >= seq)!;
    }

    for (const c of cases) {
      test(`${c.name} is detected by the API and by the CLI`, async () => {
        await directly(async (db) => {
          await restore(db, snap);
          await c.tamper(db);
        });
        const { cli, api, code } = await verifyBoth();
        assert.equal(code, 1, 'comity audit verify exits 1');
        assert.equal(cli.ok, false);
        assert.equal(cli.entries, c.entries(total));
        assert.deepEqual(kinds(cli), c.problems(total), `CLI: ${JSON.stringify(cli.problems)}`);
        assert.deepEqual(kinds(api), kinds(cli), `API: ${JSON.stringify(api.problems)}`);
        assert.equal(cli.reason, api.reason);
        assert.ok(api.reason && api.reason.length > 10, 'a reason a person can read');
      });
    }

    test('the restored trail verifies again, and new entries chain onto it', async () => {
      await directly((db) => restore(db, snap));
      const node = await running();
      const admin = new ApiClient(node.url);
      admin.cookie = cookie;
      const session = await admin.call<{ csrfToken: string }>('GET', '/api/v1/session', undefined, 200);
      admin.csrf = session.body.csrfToken;
      await admin.call('POST', '/api/v1/organisations', { name: 'Written after the restore', country: 'ESP', kind: 'court' }, 201);
      const { cli, api, code } = await verifyBoth();
      assert.equal(code, 0);
      assert.deepEqual(cli, { ok: true, entries: total + 1 });
      assert.deepEqual(api, { ok: true, entries: total + 1 });
    });
  });
}
