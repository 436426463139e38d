// The trail hashes exactly what the database gives back (text with lone surrogates or NUL
// included), and a trail emptied or cut short in the database is caught by the anchor the node
// keeps outside it, through restarts and key rotation. Real stores: PGlite and PostgreSQL.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { latestCheckpoint, readWholeTrail } from '@comity/db';
import { testBackends } from '@comity/db/testing';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createOrganisation } from '../accounts/accounts-service.ts';
import { configFromEnv } from '../config.ts';
import { auditedTransaction } from '../deps.ts';
import { rotateNodeKeys } from '../federation/key-rotation.ts';
import { type NodeStore, openNodeStore } from '../node-store.ts';
import { verifyTrail } from './audit-service.ts';

const MASTER_KEY = 'a-long-master-key-for-audit-tests';

function problemsOf(r: Awaited<ReturnType<typeof verifyTrail>>): string[] {
  return r.ok ? [] : r.problems.map((p) => `${p.seq}:${p.kind}`);
}

for (const backend of testBackends()) {
  describe(`audit trail text and anchor on ${backend.name}`, () => {
    async function withNode(masterKey: string | undefined, work: (open: () => Promise<NodeStore>, dataDir: string, schema: string | undefined) => Promise<void>) {
      const dataDir = mkdtempSync(join(tmpdir(), 'comity-anchor-'));
      const schema = await backend.newSchema();
      try {
        await work(() => openNodeStore({ dataDir, databaseUrl: backend.databaseUrl, databaseSchema: schema, masterKey, purpose: 'test' }), dataDir, schema);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
        await backend.dropSchema(schema);
      }
    }

    test('text the database would change (lone surrogates, NUL) is stored canonical and verifies, also after a restart', async () => {
      await withNode(undefined, async (open) => {
        let store = await open();
        await auditedTransaction(store.deps, { actor: null, requestId: '\udfffreq' }, async (_trx, audit) => {
          audit('federation.inbox.reject', '\ud800x', { messageId: '\ud800x', note: 'a\u0000b', ['k\udc00']: ['\u0000', { '\u0000': '𝄞\ud834' }] });
        });
        const { entries } = await readWholeTrail(store.deps.db);
        assert.equal(entries[0]?.target, '\ufffdx');
        assert.equal(entries[0]?.requestId, '\ufffdreq');
        assert.deepEqual(entries[0]?.change, { messageId: '\ufffdx', note: 'a\ufffdb', 'k\ufffd': ['\ufffd', { '\ufffd': '𝄞\ufffd' }] });
        assert.deepEqual(await verifyTrail(store.deps), { ok: true, entries: 1 });
        await store.close();
        store = await open();
        assert.deepEqual(await verifyTrail(store.deps), { ok: true, entries: 1 }, 'a normal restart still verifies');
        await store.close();
      });
    });

    test('property: entries of random text (surrogates, NUL, astral characters) keep the trail verifiable', async () => {
      await withNode(undefined, async (open) => {
        const store = await open();
        try {
          const unit = fc.oneof(
            fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', '\u0000', '\ud834\udd1e', '\u202e', '"', '\\'),
            fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
            fc.string({ unit: 'binary', maxLength: 2 }),
          );
          const text = fc.string({ unit, maxLength: 12 });
          const change = fc.dictionary(text, fc.oneof(text, fc.integer(), fc.boolean(), fc.array(text, { maxLength: 3 })), { maxKeys: 4 });
          let n = 0;
          await fc.assert(
            fc.asyncProperty(text, text, change, async (action, target, c) => {
              await auditedTransaction(store.deps, { actor: null, requestId: null }, async (_trx, audit) => audit(action, target, c));
              n++;
              const r = await verifyTrail(store.deps);
              assert.deepEqual(r, { ok: true, entries: n }, JSON.stringify({ action, target, c }));
            }),
            { seed: 20261129, numRuns: 25 },
          );
        } finally {
          await store.close();
        }
      });
    });

    for (const masterKey of [undefined, MASTER_KEY]) {
      const where = masterKey ? 'node_secrets (COMITY_MASTER_KEY)' : 'the keys folder';
      test(`anchor in ${where}: a cut tail with its head, then an emptied trail, never verify`, async () => {
        await withNode(masterKey, async (open) => {
          let store = await open();
          const who = { actor: null, requestId: 'test' };
          for (const name of ['Parquet national financier', 'Bundesamt für Justiz', 'Fiscalía General', 'Crown Prosecution Service']) {
            await createOrganisation(store.deps, who, { name, country: 'FRA', kind: 'prosecution-service' });
          }
          assert.deepEqual(await verifyTrail(store.deps), { ok: true, entries: 4 });
          assert.equal(await store.deps.auditAnchor.read(), null, 'nothing sequenced yet: no checkpoint to anchor');
          await store.close();

          // Opening the store sequences what is pending and anchors the checkpoint it signs.
          store = await open();
          const cp = await latestCheckpoint(store.deps.db);
          assert.equal(cp?.size, 4);
          assert.deepEqual(await store.deps.auditAnchor.read(), { seq: 4, hash: cp?.root, kind: 'checkpoint' });
          // Someone with the database password removes the last two entries and the signed checkpoints.
          await sql`delete from audit_entries where seq > 2`.execute(store.deps.db);
          await sql`delete from audit_checkpoints`.execute(store.deps.db);
          let r = await verifyTrail(store.deps);
          assert.equal(r.ok, false);
          assert.deepEqual(problemsOf(r), ['1:head_missing', '3:truncated']);
          assert.match(r.ok ? '' : r.problems[1]!.reason, /ends at tree size 2, but the node recorded a checkpoint of size 4 outside the database/);
          await store.close();

          // A restart does not make the anchor forget: it only ever moves forward.
          store = await open();
          await sql`delete from audit_entries`.execute(store.deps.db);
          r = await verifyTrail(store.deps);
          assert.deepEqual(problemsOf(r), ['1:truncated', '1:emptied']);
          assert.equal(r.ok ? 0 : r.firstBroken, 1);
          assert.equal(r.entries, 0);

          // Even with the anchor gone too, the node's own data shows it was used.
          if (masterKey) await sql`delete from node_secrets where name = 'audit-anchor'`.execute(store.deps.db);
          else rmSync(store.deps.auditAnchor.location);
          r = await verifyTrail(store.deps);
          assert.deepEqual(problemsOf(r), ['1:emptied']);
          assert.equal(r.ok ? '' : r.reason, "the trail is empty, but the node's data shows past activity");
          await store.close();
        });
      });
    }

    test('comity node rotate-keys: the trail verifies afterwards, and the anchor still catches a cut tail', async () => {
      await withNode(undefined, async (open, dataDir, schema) => {
        const config = { ...configFromEnv({}), dataDir, databaseUrl: backend.databaseUrl, databaseSchema: schema, nodeName: 'Ministry of Justice (Chile)', port: 0 };
        let store = await open();
        await createOrganisation(store.deps, { actor: null, requestId: 'test' }, { name: 'Ministry of Justice (Chile)', country: 'CHL', kind: 'central-authority' });
        await rotateNodeKeys(store, config, {});
        await store.close();
        store = await open();
        assert.deepEqual(await verifyTrail(store.deps), { ok: true, entries: 2 });
        assert.equal((await store.deps.auditAnchor.read())?.seq, 2, 'the rotation signs a checkpoint over its entry and anchors it');
        await sql`delete from audit_entries where seq = 2`.execute(store.deps.db);
        await sql`delete from audit_checkpoints`.execute(store.deps.db);
        assert.deepEqual(problemsOf(await verifyTrail(store.deps)), ['1:head_missing', '2:truncated']);
        await store.close();
      });
    });
  });
}
