// Someone with write access to the database edits, deletes, reorders or rewrites audit rows:
// GET /api/v1/audit/verify and `comity audit verify --json` (a real process) both name the first
// broken entry, and the restored trail verifies again.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { auditEntryHash } from '@comity/core';
import { type Database, type OpenedDatabase, openDatabase } from '@comity/db';
import { testBackends } from '@comity/db/testing';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { AuditEntriesTable, AuditHeadTable } from '@comity/db/schema';
import { REPO_ROOT } from '../config.ts';
import { sha256Hasher } from '../identity/crypto-adapters.ts';
import { ADMIN_PASSWORD, ApiClient, type TestNode, makeUser, startTestNode } from '../testing/test-node.ts';

type Verification = { ok: boolean; entries: number; firstBroken?: number; reason?: string };

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
  head: Selectable<AuditHeadTable>;
}

async function restore(db: Kysely<Database>, snap: Snapshot): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('audit_entries').execute();
    for (const e of snap.entries) await trx.insertInto('audit_entries').values({ ...e, change: JSON.stringify(e.change) }).execute();
    await trx.updateTable('audit_head').set(snap.head).where('id', '=', 1).execute();
  });
}

/** Recomputes every hash from `fromSeq` on, as a careful forger would, so that each link holds. */
async function relinkFrom(db: Kysely<Database>, fromSeq: number): Promise<string> {
  const rows = await db.selectFrom('audit_entries').selectAll().orderBy('seq').execute();
  let prevHash = rows.find((r) => r.seq === fromSeq - 1)?.hash ?? '0'.repeat(64);
  for (const r of rows.filter((x) => x.seq >= fromSeq)) {
    const hash = auditEntryHash(sha256Hasher, {
      seq: r.seq,
      at: r.at,
      actorId: r.actor_id,
      actorEmail: r.actor_email,
      organisationId: r.organisation_id,
      action: r.action,
      target: r.target,
      requestId: r.request_id,
      digest: r.digest,
      prevHash,
    });
    await db.updateTable('audit_entries').set({ prev_hash: prevHash, hash }).where('seq', '=', r.seq).execute();
    prevHash = hash;
  }
  return prevHash;
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
      snap = await directly(async (db) => ({
        entries: await db.selectFrom('audit_entries').selectAll().orderBy('seq').execute(),
        head: await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow(),
      }));
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

    const cases: { name: string; tamper: (db: Kysely<Database>) => Promise<void>; entries: (n: number) => number; firstBroken: (n: number) => number }[] = [
      {
        name: 'an edited action',
        tamper: async (db) => {
          await db.updateTable('audit_entries').set({ action: 'organisation.read' }).where('seq', '=', orgCreateSeq).execute();
        },
        entries: (n) => n,
        firstBroken: () => orgCreateSeq,
      },
      {
        name: 'a deleted middle row',
        tamper: async (db) => {
          await db.deleteFrom('audit_entries').where('seq', '=', 4).execute();
        },
        entries: (n) => n - 1,
        firstBroken: () => 4,
      },
      {
        name: 'two rows swapped (their seq exchanged)',
        tamper: async (db) => {
          await db.updateTable('audit_entries').set({ seq: -1 }).where('seq', '=', 6).execute();
          await db.updateTable('audit_entries').set({ seq: 6 }).where('seq', '=', 3).execute();
          await db.updateTable('audit_entries').set({ seq: 3 }).where('seq', '=', -1).execute();
        },
        entries: (n) => n,
        firstBroken: () => 3,
      },
      {
        name: 'the last row deleted',
        tamper: async (db) => {
          await db.deleteFrom('audit_entries').where('seq', '=', total).execute();
        },
        entries: (n) => n - 1,
        firstBroken: (n) => n,
      },
      {
        name: 'the recorded change (jsonb) edited',
        tamper: async (db) => {
          await sql`update audit_entries set change = jsonb_set(change, '{name}', '"Someone else"') where seq = ${orgCreateSeq}`.execute(db);
        },
        entries: (n) => n,
        firstBroken: () => orgCreateSeq,
      },
      {
        name: 'an edited row with every later hash recomputed (only the signed head can tell)',
        tamper: async (db) => {
          await db.updateTable('audit_entries').set({ actor_email: 'someone-else@example.org' }).where('seq', '=', orgCreateSeq).execute();
          await relinkFrom(db, orgCreateSeq);
        },
        entries: (n) => n,
        firstBroken: (n) => n,
      },
      {
        name: 'a recomputed chain and a head moved to match it (the signature no longer fits)',
        tamper: async (db) => {
          await db.deleteFrom('audit_entries').where('seq', '=', orgCreateSeq).execute();
          await db.updateTable('audit_entries').set({ seq: sql`seq - 1` }).where('seq', '>', orgCreateSeq).execute();
          const lastHash = await relinkFrom(db, orgCreateSeq);
          await db.updateTable('audit_head').set({ seq: total - 1, hash: lastHash }).where('id', '=', 1).execute();
        },
        entries: (n) => n - 1,
        firstBroken: (n) => n - 1,
      },
    ];

    for (const c of cases) {
      test(`${c.name} is detected by the API and by the CLI`, async () => {
        await directly(async (db) => {
          await restore(db, snap);
          await c.tamper(db);
        });
        const { cli, api, code } = await verifyBoth();
        assert.equal(code, 1, 'comity audit verify exits 1');
        const expected = { ok: false, entries: c.entries(total), firstBroken: c.firstBroken(total) };
        assert.deepEqual({ ok: cli.ok, entries: cli.entries, firstBroken: cli.firstBroken }, expected, `CLI: ${cli.reason}`);
        assert.deepEqual({ ok: api.ok, entries: api.entries, firstBroken: api.firstBroken }, expected, `API: ${api.reason}`);
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
