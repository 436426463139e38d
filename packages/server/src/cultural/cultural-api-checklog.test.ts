// The log of public checks for the registry's investigators (issue 15 part 4), on a real node and
// database: node administrators see every check; another organisation only the checks that matched
// its own records (the same rule as the kept photo); filters by outcome and day; bad parameters are
// problem+json 400; each reading is audited.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { testBackends } from '@comity/db/testing';
import sharp from 'sharp';
import { ApiClient, makeUser, startTestNode, type TestNode } from '../testing/test-node.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;

const SAMPLES = fileURLToPath(new URL('../../../../data/cultural-property/samples/', import.meta.url));
const RECORD = {
  objectType: 'vessel',
  objectId: { materials: 'terracotta', description: 'Painted body' },
  theft: { kind: 'theft', country: 'GRC', place: 'Museum', date: '2025-11-03' },
  reportingAuthority: 'Police',
  legalStatus: 'stolen',
  marking: 'CLEAR',
};
const LOG = '/api/v1/cultural-property/checks';

for (const backend of testBackends()) {
  describe(`cultural check log API on ${backend.name}`, () => {
    let t: TestNode;
    let admin: ApiClient;
    let ours: ApiClient;
    let theirs: ApiClient;

    before(async () => {
      t = await startTestNode(backend);
      admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, t.admin.password);
      ours = (await makeUser(admin, { role: 'practitioner', orgName: 'Carabinieri TPC', country: 'ITA' })).client;
      theirs = (await makeUser(admin, { role: 'practitioner', orgName: 'OCBC', country: 'FRA' })).client;
    });
    after(async () => {
      await t?.close();
    });

    test('scope, filters, bad parameters, audit', async () => {
      const a = (await ours.call<Json>('POST', '/api/v1/cultural-property', { ...RECORD, title: 'Attic amphora with painted bands', reference: 'TPC-1' }, 201)).body;
      const b = (await theirs.call<Json>('POST', '/api/v1/cultural-property', { ...RECORD, title: 'Gilded icon of Saint Nicholas', reference: 'OCBC-9' }, 201)).body;
      const anon = new ApiClient(t.url);
      const check = async (body: Json) => (await anon.call<Json>('POST', '/api/v1/cultural-property/check', body, 200)).body;
      const photo = await sharp(readFileSync(`${SAMPLES}amphora-01.jpg`)).resize(300).jpeg({ quality: 60 }).toBuffer();
      const c1 = await check({ text: { title: 'attic amphora painted bands' }, image: photo.toString('base64'), keepPhoto: true, requester: { name: 'Ana Example' } });
      const c2 = await check({ text: { title: 'gilded icon saint nicholas' } });
      const c3 = await check({ text: { title: 'xyzzy plugh nothing' } });
      assert.equal(c3.receipt.result.outcome, 'no-match');

      // Node administrator: every check, newest first, the matched records named.
      const all = (await admin.call<Json>('GET', LOG, undefined, 200)).body;
      assert.equal(all.total, 3);
      assert.deepEqual(all.items.map((i: Json) => i.id), [c3.receipt.checkId, c2.receipt.checkId, c1.receipt.checkId].sort((x, y) => {
        const at = (id: string) => all.items.find((i: Json) => i.id === id).checkedAt;
        return at(y).localeCompare(at(x)) || (y < x ? -1 : 1);
      }));
      const e1 = all.items.find((i: Json) => i.id === c1.receipt.checkId);
      assert.deepEqual(e1.matches, [{ recordId: a.id, reference: 'TPC-1' }]);
      assert.deepEqual(e1.requester, { name: 'Ana Example' });
      assert.deepEqual(e1.query, { fields: ['title'], textSha256: c1.receipt.query.textSha256, imageSha256: c1.receipt.query.imageSha256, photoKept: true });
      assert.equal(e1.receiptSha256, createHash('sha256').update(c1.receiptText).digest('hex'));
      const e3 = all.items.find((i: Json) => i.id === c3.receipt.checkId);
      assert.equal(e3.outcome, 'no-match');
      assert.equal(e3.requester, null);
      assert.equal(e3.query.photoKept, false);
      assert.deepEqual(e3.matches, []);

      // Each organisation: only the checks that matched its own records (as for the kept photo).
      const mine = (await ours.call<Json>('GET', LOG, undefined, 200)).body;
      assert.deepEqual(mine.items.map((i: Json) => i.id), [c1.receipt.checkId]);
      assert.equal(mine.total, 1);
      assert.deepEqual(mine.items[0].matches, [{ recordId: a.id, reference: 'TPC-1' }]);
      const yours = (await theirs.call<Json>('GET', LOG, undefined, 200)).body;
      assert.deepEqual(yours.items.map((i: Json) => i.id), [c2.receipt.checkId]);
      assert.deepEqual(yours.items[0].matches, [{ recordId: b.id, reference: 'OCBC-9' }]);
      // The other organisation's photo stays out of reach, and this one's is readable.
      assert.equal((await theirs.call('GET', `${LOG}/${c1.receipt.checkId}/photo`)).status, 404);
      assert.equal((await ours.call('GET', `${LOG}/${c1.receipt.checkId}/photo?size=thumbnail`)).status, 200);

      // Filters.
      const ids = async (q: string) => (await admin.call<Json>('GET', `${LOG}?${q}`, undefined, 200)).body.items.map((i: Json) => i.id).sort();
      assert.deepEqual(await ids('matched=true'), [c1.receipt.checkId, c2.receipt.checkId].sort());
      assert.deepEqual(await ids('matched=false'), [c3.receipt.checkId]);
      const day = e1.checkedAt.slice(0, 10);
      const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const prev = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      assert.equal((await ids(`from=${day}&to=${day}`)).length, 3);
      assert.deepEqual(await ids(`from=${next}`), []);
      assert.deepEqual(await ids(`to=${prev}`), []);
      const page = (await admin.call<Json>('GET', `${LOG}?limit=2&offset=2`, undefined, 200)).body;
      assert.equal(page.items.length, 1);
      assert.equal(page.total, 3);
      assert.equal(page.items[0].id, all.items[2].id);

      // Bad parameters: problem+json 400; no sign-in: 401.
      for (const q of ['limit=0', 'limit=abc', 'offset=-1', 'from=2026-13-40', 'matched=yes', 'colour=red', `from=${next}&to=${day}`]) {
        const res = await fetch(`${t.url}${LOG}?${q}`, { headers: { cookie: admin.cookie ?? '' } });
        assert.equal(res.status, 400, q);
        assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/, q);
      }
      assert.equal((await anon.call('GET', LOG)).status, 401);

      // Each reading is audited with what it returned.
      const reads = await t.node.deps.db.selectFrom('audit_entries').select(['action', 'actor_id']).where('action', '=', 'cultural.check.list').execute();
      assert.ok(reads.length >= 8);
    });
  });
}
