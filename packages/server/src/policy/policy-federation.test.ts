// Two nodes: a request received under speciality cannot go into a new request of the receiver
// until its originator consents over federation (consent.request → consent.answer, four eyes on
// both sides); then it can, for the proceedings consented to, and the new request carries the
// source's marking. The denial is a problem naming the rule, and is in the audit trail and the report.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import { testBackends } from '@comity/db/testing';
import { type FederatedTestNode, connect, startFederatedNode, waitFor } from '../federation/federation-testing.ts';
import { makeUser } from '../testing/test-node.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
type User = Awaited<ReturnType<typeof makeUser>>;

async function authorityOrg(n: FederatedTestNode): Promise<string> {
  const orgs = await n.adminClient.call<{ items: { id: string; kind: string }[] }>('GET', '/api/v1/organisations', undefined, 200);
  return orgs.body.items.find((o) => o.kind === 'central-authority')!.id;
}

for (const backend of testBackends()) {
  describe(`consent over federation on ${backend.name}`, () => {
    let fr: FederatedTestNode;
    let de: FederatedTestNode;
    let frDrafter: User;
    let frSupervisor: User;
    let deExecutor: User;
    let deSupervisor: User;
    before(async () => {
      fr = await startFederatedNode(backend, { name: 'Parquet national financier (France)', country: 'FRA' });
      de = await startFederatedNode(backend, { name: 'Bundesamt für Justiz (Germany)', country: 'DEU' });
      await connect([fr, de]);
      frDrafter = await makeUser(fr.adminClient, { role: 'practitioner', organisationId: await authorityOrg(fr) });
      frSupervisor = await makeUser(fr.adminClient, { role: 'supervisor', organisationId: frDrafter.organisationId });
      deExecutor = await makeUser(de.adminClient, { role: 'practitioner', organisationId: await authorityOrg(de) });
      deSupervisor = await makeUser(de.adminClient, { role: 'supervisor', organisationId: deExecutor.organisationId });
    });
    after(async () => {
      await fr?.close();
      await de?.close();
    });

    test('speciality holds until the originator consents, then the file can be used in the consented proceedings', async () => {
      // France sends a request under speciality, with a file.
      const { type: _t, requestedOrganisationId: _o, ...content } = exampleRequest('mla', 'DEU', null);
      const created = await frDrafter.client.call<Json>(
        'POST',
        '/api/v1/requests',
        { type: 'mla', ...content, caseReference: 'PNF 21/001', marking: 'GREEN', useLimitations: { speciality: true }, requestedNodeId: de.nodeId, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } },
        201,
      );
      const file = Buffer.from('Relevé de compte: FR76 3000 6000 0112 3456 7890 189\n');
      const sha = createHash('sha256').update(file).digest('hex');
      const up = await frDrafter.client.raw('POST', `/api/v1/requests/${created.body.id}/attachments?filename=releve.txt`, { body: file, headers: { 'content-type': 'text/plain' } } as never);
      assert.equal(up.status, 201, up.text);
      await frDrafter.client.call('POST', `/api/v1/requests/${created.body.id}/transitions`, { action: 'submit' }, 200);
      await frSupervisor.client.call('POST', `/api/v1/requests/${created.body.id}/transitions`, { action: 'approve' }, 200);
      await frDrafter.client.call('POST', `/api/v1/requests/${created.body.id}/transitions`, { action: 'transmit' }, 200);

      const incoming = await waitFor('the request in Germany', async () => {
        const list = await deExecutor.client.call<{ items: Json[] }>('GET', '/api/v1/requests?side=requested', undefined, 200);
        const item = list.body.items.find((i) => i.requesting.state === 'FRA');
        return item ? (await deExecutor.client.call<Json>('GET', `/api/v1/requests/${item.id}`, undefined, 200)).body : undefined;
      });
      assert.deepEqual(incoming.policy.effective.limitations.speciality, ['PNF 21/001'], 'the marking arrived with the request');
      assert.equal(incoming.policy.effective.originators[0].nodeId, fr.nodeId);
      const att = incoming.attachments.find((a: Json) => a.sha256 === sha);
      assert.ok(att);

      // Germany opens its own case and tries to use the French file in it.
      const { type: _t2, requestedOrganisationId: _o2, ...other } = exampleRequest('mla', 'ITA', null);
      const draft = await deExecutor.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', ...other, caseReference: 'BKA 22/777' }, 201);
      const copy = () => deExecutor.client.call<Json>('POST', `/api/v1/requests/${draft.body.id}/attachments/copy`, { requestId: incoming.id, attachmentId: att.id });
      const denied = await copy();
      assert.equal(denied.status, 403, denied.text);
      assert.equal(denied.body.code, 'policy_denied');
      assert.equal(denied.body.rule, 'speciality');
      assert.match(denied.body.citation, /UNTOC art\. 18\(19\)/);
      assert.equal(denied.body.consentable, true);
      assert.equal(denied.body.sourceRequestId, incoming.id);
      assert.match(String(denied.headers.get('content-type')), /problem\+json/);

      // The denial is in the report of denied attempts, under the person who tried.
      const report = await deSupervisor.client.call<Json>('GET', '/api/v1/policy/denials', undefined, 200);
      const mine = report.body.users.find((u: Json) => u.email === deExecutor.email);
      assert.ok(mine && mine.byRule.speciality >= 1, JSON.stringify(report.body));

      // Ask; the asker cannot approve the question; a supervisor does.
      const asked = await deExecutor.client.call<Json>('POST', '/api/v1/consents', { requestId: incoming.id, action: 'attach', proceedings: 'BKA 22/777', purpose: 'The account belongs to a suspect in our own fraud case.' }, 201);
      assert.equal(asked.body.state, 'awaiting-approval');
      await deExecutor.client.call('POST', `/api/v1/consents/${asked.body.id}/approve`, undefined, 403);
      const sent = await deSupervisor.client.call<Json>('POST', `/api/v1/consents/${asked.body.id}/approve`, undefined, 200);
      assert.equal(sent.body.state, 'asked');
      assert.equal((await copy()).status, 403, 'asking is not consent');

      // France receives the question; one person answers, a supervisor other than them approves.
      const received = await waitFor('the question in France', async () => {
        const list = await frDrafter.client.call<{ items: Json[] }>('GET', '/api/v1/consents?direction=received', undefined, 200);
        return list.body.items.find((c) => c.exchangeId === asked.body.exchangeId);
      });
      assert.equal(received.requestId, created.body.id, 'matched to the French record of the request');
      const frNotes = await frDrafter.client.call<{ items: Json[] }>('GET', '/api/v1/notifications', undefined, 200);
      assert.ok(frNotes.body.items.some((n) => n.requestId === created.body.id && /asks your consent/.test(n.message)), 'the originator is told');
      assert.equal(received.proceedings, 'BKA 22/777');
      await frDrafter.client.call('POST', `/api/v1/consents/${received.id}/answer`, { answer: 'granted-with-conditions' }, 400);
      await frDrafter.client.call('POST', `/api/v1/consents/${received.id}/answer`, { answer: 'granted-with-conditions', conditions: 'Not to be disclosed to the bank.' }, 200);
      assert.equal((await copy()).status, 403, 'an answer not yet approved is not sent');
      const approved = await frSupervisor.client.call<Json>('POST', `/api/v1/consents/${received.id}/approve`, undefined, 200);
      assert.equal(approved.body.state, 'granted-with-conditions');

      // Germany records the answer; now the file can go into the consented proceedings.
      const granted = await waitFor('the answer in Germany', async () => {
        const r = await deExecutor.client.call<Json>('GET', `/api/v1/consents/${asked.body.id}`, undefined, 200);
        return r.body.state === 'granted-with-conditions' ? r.body : undefined;
      });
      assert.equal(granted.conditions, 'Not to be disclosed to the bank.');
      const deNotes = await deExecutor.client.call<{ items: Json[] }>('GET', '/api/v1/notifications', undefined, 200);
      assert.ok(deNotes.body.items.some((n) => n.requestId === incoming.id && /answered your consent question/.test(n.message)), 'the asker is told');
      const done = await copy();
      assert.equal(done.status, 201, done.text);
      assert.equal(done.body.sha256, sha);
      const after = await deExecutor.client.call<Json>('GET', `/api/v1/requests/${draft.body.id}`, undefined, 200);
      assert.deepEqual(after.body.policy.effective.limitations.speciality, [], 'speciality of the source and none of its own: no other proceedings');
      assert.ok(after.body.policy.sources.some((s: Json) => s.key === `request:${incoming.conversationId}`), 'the draft carries the source marking');

      // Consent to use it in these proceedings is not consent to pass it on: sending the new request
      // to another authority is still refused under speciality.
      const send = await deExecutor.client.call<Json>('POST', `/api/v1/requests/${draft.body.id}/transitions`, { action: 'transmit' });
      assert.equal(send.status, 403, send.text);
      assert.equal(send.body.rule, 'speciality');
      assert.equal(send.body.sourceRequestId, incoming.id, 'the consent to ask for is about the French request');

      // The letter of the new request carries the source's limitations in its header and footer.
      const docx = await fetch(`${de.url}/api/v1/requests/${draft.body.id}/document?format=docx&lang=en`, { headers: { cookie: deExecutor.client.cookie! } });
      assert.equal(docx.status, 200);
      const dir = mkdtempSync(join(tmpdir(), 'policy-docx-'));
      writeFileSync(join(dir, 'letter.docx'), Buffer.from(await docx.arrayBuffer()));
      const header = spawnSync('unzip', ['-p', join(dir, 'letter.docx'), 'word/header*.xml'], { encoding: 'utf8' }).stdout;
      assert.match(header, /TLP:(AMBER|GREEN)[^<]*Confidentiality and limits on use/, 'the header names the limitations');

      // The same consent does not cover other proceedings: a second draft is still refused.
      const { type: _t3, requestedOrganisationId: _o3, ...third } = exampleRequest('mla', 'ESP', null);
      const draft2 = await deExecutor.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', ...third, caseReference: 'BKA 23/001' }, 201);
      const again = await deExecutor.client.call<Json>('POST', `/api/v1/requests/${draft2.body.id}/attachments/copy`, { requestId: incoming.id, attachmentId: att.id });
      assert.equal(again.status, 403);

      // Audit: the denial and the consent on both sides; both trails verify.
      const deAudit = await de.adminClient.call<{ items: Json[] }>('GET', '/api/v1/audit?limit=500', undefined, 200);
      const actions = new Set(deAudit.body.items.map((e) => e.action));
      for (const a of ['policy.deny', 'consent.ask', 'consent.approve', 'consent.granted', 'request.attachment-copy']) assert.ok(actions.has(a), `Germany audited ${a}`);
      const frAudit = await fr.adminClient.call<{ items: Json[] }>('GET', '/api/v1/audit?limit=500', undefined, 200);
      const frActions = new Set(frAudit.body.items.map((e) => e.action));
      for (const a of ['consent.received', 'consent.answer-propose', 'consent.grant']) assert.ok(frActions.has(a), `France audited ${a}`);
      for (const n of [fr, de]) assert.equal((await n.adminClient.call<Json>('GET', '/api/v1/audit/verify', undefined, 200)).body.ok, true);
    });
  });
}
