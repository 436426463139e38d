// Local person search ("do we already hold this person?") through the HTTP API on a real node and database:
// the same person written in another script with day and month swapped is found with the explanation of its
// score, a different person is not, another organisation's entities and those of a case the caller is not on
// never appear, and the blocking keys follow every create, update, import and delete.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { up as migration034 } from '@comity/db/migrations/034-entity-person-keys';
import { testBackends } from '@comity/db/testing';
import { ApiClient, makeUser, startTestNode, type TestNode } from '../testing/test-node.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
type User = Awaited<ReturnType<typeof makeUser>>;

for (const backend of testBackends()) {
  describe(`person search on ${backend.name}`, () => {
    let t: TestNode;
    let admin: ApiClient;
    let lead: User;
    let colleague: User;
    let stranger: User;
    let caseId: string;

    const search = (u: User, body: Json, expect = 200) => u.client.call<Json>('POST', '/api/v1/entities/person-search', body, expect);
    const keysOf = async (id: string) => (await t.node.deps.db.selectFrom('entity_person_keys').select('key').where('entity_id', '=', id).execute()).map((k) => k.key);
    const person = async (u: User, c: string, properties: Json) => (await u.client.call<Json>('POST', `/api/v1/cases/${c}/entities`, { schema: 'Person', properties }, 201)).body;

    before(async () => {
      t = await startTestNode(backend);
      admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, t.admin.password);
      lead = await makeUser(admin, { role: 'practitioner', orgName: 'Parquet national financier', country: 'FRA' });
      colleague = await makeUser(admin, { role: 'practitioner', organisationId: lead.organisationId });
      stranger = await makeUser(admin, { role: 'supervisor', orgName: 'Staatsanwaltschaft Köln', country: 'DEU' });
      caseId = (await lead.client.call<Json>('POST', '/api/v1/cases', { title: 'Opération Lagune', marking: 'AMBER' }, 201)).body.id;
    });
    after(async () => {
      await t?.close();
    });

    test('the same person across scripts with day and month swapped is found and explained; a different person is not', async () => {
      const ivan = await person(lead, caseId, { name: ['Иван Сидоров'], birthDate: ['1970-03-04'], nationality: ['ru'] });
      const other = await person(lead, caseId, { name: ['Maria González'], birthDate: ['1985-11-20'] });
      assert.ok((await keysOf(ivan.id)).length > 0, 'a person gets its blocking keys when created');
      const r = (await search(lead, { name: 'Ivan Sidorov', birthDate: '1970-04-03' })).body;
      assert.deepEqual(
        r.items.map((i: Json) => i.id),
        [ivan.id],
      );
      const hit = r.items[0];
      assert.equal(hit.caseId, caseId);
      assert.equal(hit.caseTitle, 'Opération Lagune');
      assert.ok(hit.score >= 0.7 && hit.score < 1, `score ${hit.score}`);
      const date = hit.parts.find((p: Json) => p.part === 'birth-date');
      assert.match(date.detail, /day-month-swapped/);
      assert.ok(hit.parts.find((p: Json) => p.part === 'name').similarity > 0.8);
      assert.ok(!r.items.some((i: Json) => i.id === other.id));
      // The other person is found by her own name, not by Ivan's.
      assert.deepEqual(
        (await search(lead, { name: 'GONZALEZ Maria' })).body.items.map((i: Json) => i.id),
        [other.id],
      );
      assert.deepEqual((await search(lead, { name: 'Pedro Alvarez', birthDate: '1970-03-04' })).body.items, []);
    });

    test('another organisation’s entities and a case the caller is not on never appear', async () => {
      const own = (await colleague.client.call<Json>('POST', '/api/v1/cases', { title: 'Dossier voisin', marking: 'AMBER' }, 201)).body.id;
      const hidden = await person(colleague, own, { name: ['Ivan Sidorov'], birthDate: ['1970-03-04'] });
      const foreignCase = (await stranger.client.call<Json>('POST', '/api/v1/cases', { title: 'Verfahren Lagune', marking: 'AMBER' }, 201)).body.id;
      const foreign = await person(stranger, foreignCase, { name: ['Ivan Sidorov'], birthDate: ['1970-03-04'] });
      const seen = async (u: User) => (await search(u, { name: 'Ivan Sidorov', birthDate: '1970-03-04' })).body.items.map((i: Json) => i.id);
      const byLead = await seen(lead);
      assert.ok(!byLead.includes(hidden.id) && !byLead.includes(foreign.id), 'neither a colleague’s case nor another organisation');
      assert.deepEqual(await seen(colleague), [hidden.id]);
      assert.deepEqual(await seen(stranger), [foreign.id]);
    });

    test('keys follow update, import and delete', async () => {
      const c = (await lead.client.call<Json>('POST', '/api/v1/cases', { title: 'Keys', marking: 'GREEN' }, 201)).body.id;
      const p = await person(lead, c, { name: ['Chen Wei'], birthDate: ['1990-01-02'] });
      const before = await keysOf(p.id);
      await lead.client.call('PATCH', `/api/v1/entities/${p.id}`, { version: 1, properties: { name: ['Ahmed Karimi'], birthDate: ['1991-05-06'] } }, 200);
      const afterUpdate = await keysOf(p.id);
      assert.notDeepEqual(afterUpdate.sort(), before.sort());
      assert.deepEqual((await search(lead, { name: 'Chen Wei', birthDate: '1990-01-02' })).body.items, [], 'the old name no longer finds it');
      assert.deepEqual(
        (await search(lead, { name: 'أحمد كريمي', birthDate: '1991-05-06' })).body.items.map((i: Json) => i.id),
        [p.id],
        'the new name finds it, from Arabic script',
      );
      await lead.client.call(
        'POST',
        `/api/v1/cases/${c}/entities/import`,
        { format: 'ftm', content: JSON.stringify({ id: 'imp-1', schema: 'Person', properties: { name: ['Olga Kuznetsova'], birthDate: ['1982-07-08'] } }) },
        200,
      );
      const imported = (await search(lead, { name: 'Ольга Кузнецова', birthDate: '1982-07-08' })).body.items;
      assert.equal(imported.length, 1);
      assert.equal(imported[0].ftmId, 'imp-1');
      await lead.client.call('DELETE', `/api/v1/entities/${p.id}`, undefined, 200);
      assert.deepEqual(await keysOf(p.id), [], 'the keys go with the entity');
      assert.deepEqual((await search(lead, { name: 'Ahmed Karimi', birthDate: '1991-05-06' })).body.items, []);
    });

    test('the migration backfills the keys of entities that were stored before it', async () => {
      const db = t.node.deps.db;
      const held = await db.selectFrom('entity_person_keys').select(['key', 'entity_id']).orderBy('key').orderBy('entity_id').execute();
      assert.ok(held.length > 0);
      await db.schema.dropTable('entity_person_keys').execute();
      await migration034(db as never);
      assert.deepEqual(await db.selectFrom('entity_person_keys').select(['key', 'entity_id']).orderBy('key').orderBy('entity_id').execute(), held);
    });

    test('bad input is a problem document', async () => {
      const empty = await search(lead, { name: '   ' }, 400);
      assert.match(empty.headers.get('content-type') ?? '', /problem\+json/);
      assert.equal(empty.body.status, 400);
      await search(lead, { name: 'Ivan', unknown: 1 }, 400);
      await search(lead, { name: 'Ivan', limit: 0 }, 400);
      await search(lead, { name: 'Ivan', identifiers: [{ kind: 'ssn', value: '1' }] }, 400);
    });
  });
}
