// Files returned with an answer, between two authorities on one node (local delivery): the
// requested side attaches documents and evidence while it executes, they leave with the
// execution (all waiting files, or those named), and arrive as files of the requesting side's
// record, marked as supplied by the requested side; files cannot be added or sent out of turn.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import { testBackends } from '@comity/db/testing';
import { ADMIN_PASSWORD, ApiClient, type TestNode, makeUser, startTestNode } from '../testing/test-node.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
type User = Awaited<ReturnType<typeof makeUser>>;

async function attach(u: User, id: string, name: string, bytes: Buffer, expect = 201): Promise<Json> {
  const r = await u.client.raw('POST', `/api/v1/requests/${id}/attachments?filename=${encodeURIComponent(name)}`, { body: bytes, headers: { 'content-type': 'application/pdf' } } as never);
  assert.equal(r.status, expect, r.text);
  return JSON.parse(r.text) as Json;
}

for (const backend of testBackends()) {
  describe(`files returned with an answer on ${backend.name}`, () => {
    let t: TestNode;
    let drafter: User;
    let supervisor: User;
    let exec: User;
    let viewer: User;

    before(async () => {
      t = await startTestNode(backend, { loginRateLimit: 1000 });
      const admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, ADMIN_PASSWORD);
      drafter = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Parquet national financier' });
      supervisor = await makeUser(admin, { role: 'supervisor', organisationId: drafter.organisationId });
      exec = await makeUser(admin, { role: 'practitioner', country: 'DEU', orgName: 'Bundesamt für Justiz' });
      viewer = await makeUser(admin, { role: 'viewer', organisationId: exec.organisationId });
    });
    after(() => t.close());

    test('documents attached while executing go back with the execution and can be downloaded by the requesting side', async () => {
      const { type: _t, ...content } = exampleRequest('mla', 'DEU', exec.organisationId);
      const created = await drafter.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', ...content, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } }, 201);
      const id = created.body.id as string;
      const draftFile = await attach(drafter, id, 'annexe.pdf', Buffer.from('%PDF-1.4 annexe'));
      assert.equal(draftFile.sentWith, 'transmit');
      await drafter.client.call('POST', `/api/v1/requests/${id}/transitions`, { action: 'submit' }, 200);
      await supervisor.client.call('POST', `/api/v1/requests/${id}/transitions`, { action: 'approve' }, 200);
      await drafter.client.call('POST', `/api/v1/requests/${id}/transitions`, { action: 'transmit' }, 200);
      // The requesting side cannot add files to a transmitted request (only to an answer for more information).
      const late = await attach(drafter, id, 'late.pdf', Buffer.from('x'), 409);
      assert.equal(late.code, 'request_not_editable');

      const list = await exec.client.call<{ items: Json[] }>('GET', '/api/v1/requests?side=requested', undefined, 200);
      const inId = list.body.items.find((i) => i.title === content.title)!.id as string;
      // Not before the request is acknowledged.
      assert.equal((await attach(exec, inId, 'early.pdf', Buffer.from('x'), 409)).code, 'request_not_editable');
      await exec.client.call('POST', `/api/v1/requests/${inId}/transitions`, { action: 'receive' }, 200);
      await exec.client.call('POST', `/api/v1/requests/${inId}/transitions`, { action: 'start-execution' }, 200);
      // A viewer may not add files; files cannot ride on an action that carries none.
      assert.equal((await attach(viewer, inId, 'v.pdf', Buffer.from('x'), 403)).code, 'forbidden');
      const evidence = Buffer.from(`%PDF-1.4\nProcès-verbal d’audition ${'x'.repeat(5000)}\n%%EOF`);
      const a = await attach(exec, inId, 'Vernehmungsprotokoll.pdf', evidence);
      assert.deepEqual([a.suppliedBy, a.sentWith, a.sentAt], ['requested', null, null]);
      const wrong = await exec.client.call<Json>('POST', `/api/v1/requests/${inId}/transitions`, { action: 'request-more-info', reason: 'Which?', attachmentIds: [a.id] }, 400);
      assert.equal(wrong.body.code, 'attachments_not_allowed');
      const foreign = await exec.client.call<Json>('POST', `/api/v1/requests/${inId}/transitions`, { action: 'execute', attachmentIds: [draftFile.id] }, 400);
      assert.equal(foreign.body.code, 'attachment_not_waiting');
      const mine = await exec.client.call<Json>('GET', `/api/v1/requests/${inId}`, undefined, 200);
      assert.equal(mine.body.state, 'under-execution', 'a refused answer changed nothing');
      assert.ok(mine.body.timeline.some((e: Json) => e.action === 'attach' && e.details.filename === 'Vernehmungsprotokoll.pdf' && e.details.pending === true));

      const done = await exec.client.call<Json>('POST', `/api/v1/requests/${inId}/transitions`, { action: 'execute', reason: 'Witness heard on 3 March.' }, 200);
      assert.equal(done.body.attachments.find((f: Json) => f.id === a.id).sentWith, 'execute');
      assert.deepEqual(
        done.body.timeline.at(-1).details.files.map((f: Json) => f.filename),
        ['Vernehmungsprotokoll.pdf'],
      );

      const back = await drafter.client.call<Json>('GET', `/api/v1/requests/${id}`, undefined, 200);
      assert.equal(back.body.state, 'executed');
      const got = back.body.attachments.find((f: Json) => f.filename === 'Vernehmungsprotokoll.pdf');
      assert.ok(got, 'the requesting side has the file');
      assert.deepEqual([got.suppliedBy, got.sentWith], ['requested', 'execute']);
      const event = back.body.timeline.find((e: Json) => e.origin === 'counterpart' && e.action === 'execute');
      assert.equal(event.details.files[0].attachmentId, got.id);
      assert.equal(event.details.missingFiles, 0);
      const res = await fetch(`${t.url}/api/v1/requests/${id}/attachments/${got.id}`, { headers: { cookie: drafter.client.cookie! } });
      assert.equal(res.status, 200);
      assert.equal(createHash('sha256').update(Buffer.from(await res.arrayBuffer())).digest('hex'), createHash('sha256').update(evidence).digest('hex'));
      // After the end nobody adds files.
      assert.equal((await attach(exec, inId, 'after.pdf', Buffer.from('x'), 409)).code, 'request_not_editable');
    });
  });
}
