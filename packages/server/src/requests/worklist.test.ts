// The worklist per role: a practitioner's drafts, a supervisor's approvals (never their own), the
// requested side's incoming requests to acknowledge and execute, the requesting side's questions
// and answers received, and an administrator's failed deliveries; another organisation's records
// never appear.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import { testBackends } from '@comity/db/testing';
import { ADMIN_PASSWORD, ApiClient, type TestNode, makeUser, startTestNode } from '../testing/test-node.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
type User = Awaited<ReturnType<typeof makeUser>>;

async function worklist(u: { client: ApiClient } | ApiClient): Promise<Map<string, { count: number; ids: string[] }>> {
  const client = u instanceof ApiClient ? u : u.client;
  const res = await client.call<{ groups: Json[] }>('GET', '/api/v1/worklist', undefined, 200);
  return new Map(res.body.groups.map((g) => [g.key as string, { count: g.count as number, ids: (g.items as Json[]).map((i) => i.id as string) }]));
}

for (const backend of testBackends()) {
  describe(`worklist on ${backend.name}`, () => {
    let t: TestNode;
    let admin: ApiClient;
    let drafter: User;
    let supervisor: User;
    let exec: User;
    let viewer: User;
    let outsider: User;

    before(async () => {
      t = await startTestNode(backend, { loginRateLimit: 1000 });
      admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, ADMIN_PASSWORD);
      drafter = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Parquet national financier' });
      supervisor = await makeUser(admin, { role: 'supervisor', organisationId: drafter.organisationId });
      viewer = await makeUser(admin, { role: 'viewer', organisationId: drafter.organisationId });
      exec = await makeUser(admin, { role: 'practitioner', country: 'DEU', orgName: 'Bundesamt für Justiz' });
      outsider = await makeUser(admin, { role: 'supervisor', country: 'ITA', orgName: 'Ministero della Giustizia' });
    });
    after(() => t.close());

    test('anonymous callers get 401', async () => {
      assert.equal((await new ApiClient(t.url).call('GET', '/api/v1/worklist')).status, 401);
    });

    test('each role sees what waits for it, as the request moves on', async () => {
      const { type: _t, ...content } = exampleRequest('mla', 'DEU', exec.organisationId);
      const body = { type: 'mla', ...content, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } };
      const created = await drafter.client.call<Json>('POST', '/api/v1/requests', body, 201);
      const id = created.body.id as string;
      const other = await outsider.client.call<Json>('POST', '/api/v1/requests', { ...body, requestedState: 'FRA', requestedOrganisationId: drafter.organisationId }, 201);

      let d = await worklist(drafter);
      assert.deepEqual([...d.keys()], ['drafts', 'to-acknowledge', 'to-execute', 'more-information-asked', 'answers-received', 'overdue']);
      assert.deepEqual(d.get('drafts'), { count: 1, ids: [id] });
      assert.deepEqual((await worklist(supervisor)).get('drafts'), { count: 0, ids: [] }, 'a colleague’s draft is not mine');
      assert.deepEqual([...(await worklist(viewer)).keys()], ['answers-received', 'overdue']);
      assert.deepEqual([...(await worklist(admin)).keys()], ['answers-received', 'overdue', 'failed-deliveries']);
      assert.ok(!(await worklist(outsider)).get('drafts')!.ids.includes(id));
      assert.deepEqual((await worklist(outsider)).get('drafts')!.ids, [other.body.id]);

      await drafter.client.call('POST', `/api/v1/requests/${id}/transitions`, { action: 'submit' }, 200);
      assert.deepEqual((await worklist(supervisor)).get('awaiting-my-approval'), { count: 1, ids: [id] });
      assert.equal((await worklist(outsider)).get('awaiting-my-approval')!.count, 0, 'another organisation’s approvals are not shown');
      assert.equal((await worklist(drafter)).get('drafts')!.count, 0);
      await supervisor.client.call('POST', `/api/v1/requests/${id}/transitions`, { action: 'approve' }, 200);
      await drafter.client.call('POST', `/api/v1/requests/${id}/transitions`, { action: 'transmit' }, 200);

      const e = await worklist(exec);
      assert.equal(e.get('to-acknowledge')!.count, 1);
      const inId = e.get('to-acknowledge')!.ids[0]!;
      assert.equal((await worklist(drafter)).get('to-acknowledge')!.count, 0, 'the requesting side acknowledges nothing');
      await exec.client.call('POST', `/api/v1/requests/${inId}/transitions`, { action: 'receive' }, 200);
      const e2 = await worklist(exec);
      assert.equal(e2.get('to-acknowledge')!.count, 0);
      assert.deepEqual(e2.get('to-execute'), { count: 1, ids: [inId] });

      await exec.client.call('POST', `/api/v1/requests/${inId}/transitions`, { action: 'request-more-info', reason: 'Which accounts?' }, 200);
      d = await worklist(drafter);
      assert.deepEqual(d.get('more-information-asked'), { count: 1, ids: [id] });
      assert.deepEqual(d.get('answers-received'), { count: 1, ids: [id] }, 'an unread answer');
      // Reading the notifications clears "answers received"; the question itself still waits.
      const notes = await drafter.client.call<{ items: Json[] }>('GET', '/api/v1/notifications?unread=true', undefined, 200);
      for (const n of notes.body.items) await drafter.client.call('POST', `/api/v1/notifications/${n.id}/read`, undefined, 200);
      d = await worklist(drafter);
      assert.equal(d.get('answers-received')!.count, 0);
      assert.equal(d.get('more-information-asked')!.count, 1);
    });
  });
}
