// The registry index kept current from the database's change lines (migration 031), on PGlite and
// PostgreSQL: two indexes over one database stand for two processes; every change is made in plain
// SQL, as another process (or a hand-made fix) would, and each index sees it on its next query:
// a record added, its photo hashes added and removed, re-marked not public and back, deleted; and
// when the lines an index needed were pruned it builds itself again from scratch.
// On PostgreSQL a second node on the same database changes a record through its API and the first
// node's next public check no longer shows it.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { ApiClient, makeUser, startTestNode, type TestNode } from '../testing/test-node.ts';
import { RegistrySync } from './registry-sync.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
const HASH = 'f0f0f0f0f0f0f0f0';
const NEAR = 'f0f0f0f0f0f0f0f3';

for (const backend of testBackends()) {
  describe(`cultural registry index sync on ${backend.name}`, () => {
    let t: TestNode;
    let orgId: string;
    const saved = process.env.COMITY_CULTURAL_CHECK_RATE;

    before(async () => {
      process.env.COMITY_CULTURAL_CHECK_RATE = '1000';
      t = await startTestNode(backend);
      orgId = randomUUID();
      await t.node.deps.db.insertInto('organisations').values({ id: orgId, name: `Sync ${orgId}`, country: 'ITA', kind: 'authority', created_at: new Date() } as never).execute();
    });
    after(async () => {
      await t?.close();
      if (saved === undefined) delete process.env.COMITY_CULTURAL_CHECK_RATE;
      else process.env.COMITY_CULTURAL_CHECK_RATE = saved;
    });

    test('two indexes over one database see every change made in SQL on their next query', async () => {
      const db = t.node.deps.db;
      const a = new RegistrySync(db);
      const b = new RegistrySync(db);
      assert.equal((await a.current()).records, 0);
      const id = randomUUID();
      const now = new Date();
      await db
        .insertInto('cultural_objects')
        .values({ id, organisation_id: orgId, reference: 'SQL-1', title: 'Marble head', object_type: 'sculpture', object_id_fields: '{}', theft: 'null', theft_country: null, reporting_authority: 'TPC', case_id: null, legal_status: 'stolen', marking: 'CLEAR', handling: 'H0', search_text: 'marble head sculpture', created_by: null, created_at: now, updated_at: now })
        .execute();
      const imageId = randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('cultural_object_images').values({ id: imageId, object_id: id, media_type: 'image/jpeg', width: 1, height: 1, size_bytes: 1, sha256: 'x', content: Buffer.from([1]), thumbnail: Buffer.from([1]), created_at: now }).execute();
        await trx.insertInto('cultural_image_hashes').values([{ image_id: imageId, object_id: id, variant: 'full/r0', hash: HASH }]).execute();
      });
      for (const s of [a, b]) {
        const index = await s.current();
        assert.equal(index.get(id)?.public, true);
        assert.deepEqual([...index.nearPhoto(NEAR, 10, 20, (e) => e.public)], [[id, 2]]);
        assert.deepEqual([...index.publicTextMatches(['marble', 'head'], 0.5).keys()], [id]);
        assert.equal(index.publicSet().count, 1);
      }

      // Re-marked not public: out of the public answers of both at once.
      await db.updateTable('cultural_objects').set({ marking: 'AMBER', version: 2 }).where('id', '=', id).execute();
      for (const s of [a, b]) {
        const index = await s.current();
        assert.equal(index.nearPhoto(NEAR, 10, 20, (e) => e.public).size, 0);
        assert.equal(index.publicTextMatches(['marble', 'head'], 0.5).size, 0);
        assert.equal(index.publicSet().count, 0);
        assert.equal(index.nearPhoto(NEAR, 10, 20, (e) => e.organisationId === orgId).size, 1);
      }
      await db.updateTable('cultural_objects').set({ marking: 'CLEAR', version: 3 }).where('id', '=', id).execute();
      assert.equal((await a.current()).publicSet().count, 1);

      // The photo removed (its hashes go with it), then the record deleted.
      await db.deleteFrom('cultural_object_images').where('id', '=', imageId).execute();
      assert.equal((await a.current()).nearPhoto(NEAR, 10, 20, () => true).size, 0);
      assert.equal((await a.current()).hashCount, 0);
      await db.deleteFrom('cultural_objects').where('id', '=', id).execute();
      for (const s of [a, b]) assert.equal((await s.current()).records, 0);

      // Lines pruned before b read them: b builds again and is right.
      const rebuilds = b.rebuilds;
      const id2 = randomUUID();
      await db
        .insertInto('cultural_objects')
        .values({ id: id2, organisation_id: orgId, reference: 'SQL-2', title: 'Coin hoard', object_type: 'coins', object_id_fields: '{}', theft: 'null', theft_country: null, reporting_authority: 'TPC', case_id: null, legal_status: 'stolen', marking: 'CLEAR', handling: 'H0', search_text: 'coin hoard coins', created_by: null, created_at: now, updated_at: now })
        .execute();
      assert.equal((await a.current()).get(id2)?.public, true);
      await db.deleteFrom('cultural_index_changes').execute();
      await db.updateTable('cultural_objects').set({ marking: 'RED', version: 2 }).where('id', '=', id2).execute();
      const rebuilt = await b.current();
      assert.equal(b.rebuilds, rebuilds + 1);
      assert.equal(rebuilt.get(id2)?.public, false);
      assert.equal(rebuilt.publicSet().count, 0);
    });

    test('changes of a transaction that rolled back are never seen', async () => {
      const db = t.node.deps.db;
      const s = new RegistrySync(db);
      const before = (await s.current()).records;
      const id = randomUUID();
      const now = new Date();
      await assert.rejects(
        db.transaction().execute(async (trx) => {
          await trx
            .insertInto('cultural_objects')
            .values({ id, organisation_id: orgId, reference: 'SQL-RB', title: 'Rolled back', object_type: 'x', object_id_fields: '{}', theft: 'null', theft_country: null, reporting_authority: 'TPC', case_id: null, legal_status: 'stolen', marking: 'CLEAR', handling: 'H0', search_text: 'rolled back', created_by: null, created_at: now, updated_at: now })
            .execute();
          throw new Error('roll back');
        }),
        /roll back/,
      );
      assert.equal((await s.current()).records, before);
      assert.equal((await s.current()).get(id), undefined);
    });

    if (backend.name === 'postgres') {
      test('a second node on the same PostgreSQL database re-marks a record: the first node\u2019s next check no longer shows it', async () => {
        const admin = new ApiClient(t.url);
        await admin.signIn(t.admin.email, t.admin.password);
        const lead = await makeUser(admin, { role: 'practitioner', orgName: 'Carabinieri TPC sync', country: 'ITA' });
        const record = (
          await lead.client.call<Json>(
            'POST',
            '/api/v1/cultural-property',
            { title: 'Gilded reliquary of Saint Agatha', objectType: 'reliquary', reportingAuthority: 'Carabinieri TPC', legalStatus: 'stolen', marking: 'CLEAR' },
            201,
          )
        ).body;
        const check = async () => (await new ApiClient(t.url).call<Json>('POST', '/api/v1/cultural-property/check', { text: { title: 'gilded reliquary agatha' } }, 200)).body;
        assert.equal((await check()).matches.length, 1);
        const other = await startTestNode(backend, { databaseSchema: t.schema });
        try {
          const c = new ApiClient(other.url);
          await c.signIn(lead.email, lead.password);
          await c.call('PATCH', `/api/v1/cultural-property/${record.id}`, { version: record.version, marking: 'AMBER' }, 200);
        } finally {
          await other.close();
        }
        const after = await check();
        assert.equal(after.matches.length, 0);
        assert.equal(after.receipt.result.outcome, 'no-match');
      });
    }
  });
}
