// The directory of requested authorities and requests to authorities without a node, over the
// HTTP API on every backend: the three sources with their provenance, an administrator's entries
// (CRUD, permissions, audit), a request drafted, approved and transmitted by recording the channel
// after the letter was produced, answers recorded with documents, statistics, and linking the
// request to the authority once it joins with its own node (later steps then travel by federation).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import { testBackends } from '@comity/db/testing';
import { type FederatedTestNode, connect, startFederatedNode, waitFor } from '../federation/federation-testing.ts';
import { ApiClient, type ApiResponse, makeUser } from '../testing/test-node.ts';

// The deadline job looks every second, so a service level shows its effect quickly.
process.env.COMITY_DEADLINE_SCAN_SECONDS = '1';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
type User = Awaited<ReturnType<typeof makeUser>>;

function assertProblem(res: ApiResponse, status: number, code: string, what: string): void {
  assert.equal(res.status, status, `${what}: ${res.text}`);
  assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/, what);
  assert.equal((res.body as Json).code, code, `${what}: ${res.text}`);
}

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

for (const backend of testBackends()) {
  describe(`authorities without a node on ${backend.name}`, () => {
    let fr: FederatedTestNode;
    let admin: ApiClient;
    let drafter: User;
    let sup: User;
    let otherOrg: User;
    let brazilAuthority: Json;

    before(async () => {
      fr = await startFederatedNode(backend, { name: 'Ministère de la Justice (France)', country: 'FRA' });
      admin = fr.adminClient;
      const orgs = await admin.call<{ items: Json[] }>('GET', '/api/v1/organisations', undefined, 200);
      const own = orgs.body.items.find((o) => o.country === 'FRA');
      drafter = await makeUser(admin, { role: 'practitioner', organisationId: own?.id });
      sup = await makeUser(admin, { role: 'supervisor', organisationId: own?.id });
      otherOrg = await makeUser(admin, { role: 'supervisor', country: 'FRA', orgName: 'Parquet de Lyon' });
    });
    after(() => fr.close());

    const transition = (u: User, id: string, action: string, extra: Json = {}) => u.client.raw('POST', `/api/v1/requests/${id}/transitions`, {
      body: JSON.stringify({ action, ...extra }),
      headers: { 'content-type': 'application/json' },
    });
    const answer = (u: User, id: string, body: Json) => u.client.call<Json>('POST', `/api/v1/requests/${id}/answers`, body);

    test('the directory gives treaty designations with instrument, article and source, never a guessed name', async () => {
      const swe = await drafter.client.call<{ items: Json[]; sources: Json[] }>('GET', '/api/v1/authorities?state=SWE', undefined, 200);
      const designation = swe.body.items.find((a) => a.source === 'treaty-designation');
      assert.ok(designation, 'Sweden designated its central authority under the Smuggling of Migrants Protocol');
      assert.equal(designation.name, 'Ministry of Justice');
      assert.equal(designation.instrument, 'UNTOC-SOM');
      assert.equal(designation.article, 'art. 8(6)');
      assert.match(designation.provenance, /XVIII-12-b/);
      assert.equal(designation.asOf, '2018-01-15');
      assert.equal(designation.selectable, true);
      assert.deepEqual(swe.body.sources, [{ source: 'treaty-designation', count: swe.body.items.length }]);
      // Guatemala designated two authorities in one phrase: shown with the text, not picked.
      const gtm = await drafter.client.call<{ items: Json[] }>('GET', '/api/v1/authorities?state=GTM', undefined, 200);
      const two = gtm.body.items.find((a) => a.source === 'treaty-designation');
      assert.equal(two?.name, null);
      assert.equal(two?.selectable, false);
      assert.match(two?.declarationText, /judiciary and the Public Prosecutor/);
      // The shipped data holds no designation for Brazil: the directory says nothing rather than guess.
      const bra = await drafter.client.call<{ items: Json[] }>('GET', '/api/v1/authorities?state=BRA', undefined, 200);
      assert.deepEqual(bra.body.items, []);
      assertProblem(await new ApiClient(fr.url).raw('GET', '/api/v1/authorities?state=BRA'), 401, 'unauthenticated', 'anonymous');
      assertProblem(await drafter.client.raw('GET', '/api/v1/authorities?state=B1'), 400, 'validation_failed', 'bad State');
    });

    test('administrators add, change and remove authorities; others read them; every change is audited', async () => {
      const entry = {
        name: 'Ministério da Justiça e Segurança Pública — DRCI',
        state: 'bra',
        address: 'Esplanada dos Ministérios, Brasília',
        channel: 'central-authority-post',
        languages: ['pt', 'en'],
        email: 'cooperacao@example.gov.br',
      };
      assertProblem(await drafter.client.call('POST', '/api/v1/authorities', entry), 403, 'forbidden', 'practitioner cannot add');
      assertProblem(await admin.call('POST', '/api/v1/authorities', { ...entry, state: 'ZZZ' }), 400, 'unknown_country', 'unknown State');
      assertProblem(await admin.call('POST', '/api/v1/authorities', { ...entry, email: 'not-an-address' }), 400, 'validation_failed', 'bad e-mail');
      assertProblem(await admin.call('POST', '/api/v1/authorities', { ...entry, channel: 'pigeon' }), 400, 'validation_failed', 'bad channel');
      const created = await admin.call<Json>('POST', '/api/v1/authorities', entry, 201);
      assert.match(created.body.id, /^admin:[0-9a-f-]{36}$/);
      assert.equal(created.body.state, 'BRA');
      assert.equal(created.body.source, 'administrator');
      const listed = await drafter.client.call<{ items: Json[] }>('GET', '/api/v1/authorities?state=BRA', undefined, 200);
      assert.deepEqual(listed.body.items.map((a) => [a.id, a.name, a.channel, a.languages]), [[created.body.id, entry.name, 'central-authority-post', ['pt', 'en']]]);
      assertProblem(await admin.call('PATCH', `/api/v1/authorities/${created.body.id}`, { version: 9, notes: 'x' }), 409, 'version_conflict', 'stale version');
      const changed = await admin.call<Json>('PATCH', `/api/v1/authorities/${created.body.id}`, { version: 1, notes: 'Send requests in Portuguese' }, 200);
      assert.equal(changed.body.version, 2);
      assert.equal(changed.body.notes, 'Send requests in Portuguese');
      assertProblem(await drafter.client.call('DELETE', `/api/v1/authorities/${created.body.id}`), 403, 'forbidden', 'practitioner cannot remove');
      assertProblem(await admin.call('PATCH', '/api/v1/authorities/admin:00000000-0000-4000-8000-000000000000', { version: 1, notes: 'x' }), 404, 'not_found', 'unknown id');
      const spare = await admin.call<Json>('POST', '/api/v1/authorities', { ...entry, name: 'Polícia Federal' }, 201);
      await admin.call('DELETE', `/api/v1/authorities/${spare.body.id}`, undefined, 204);
      assertProblem(await admin.call('DELETE', `/api/v1/authorities/${spare.body.id}`), 404, 'not_found', 'removed twice');
      for (const action of ['authority.create', 'authority.update', 'authority.delete']) {
        const audit = await admin.call<{ items: Json[] }>('GET', `/api/v1/audit?action=${action}&limit=20`, undefined, 200);
        assert.ok(audit.body.items.length >= 1, `${action} audited`);
      }
      brazilAuthority = changed.body;
    });

    test('a request to an authority without a node: drafted, approved, transmitted by recording the channel, answers recorded', async () => {
      const { type: _t, requestedOrganisationId: _o, ...content } = exampleRequest('mla', 'BRA', null);
      const created = await drafter.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', ...content, requestedAuthorityId: brazilAuthority.id, legalBasis: { kind: 'treaty', instrument: 'UNCAC' } }, 201);
      const id = created.body.id as string;
      assert.equal(created.body.requested.name, brazilAuthority.name);
      assert.equal(created.body.requestedAuthority.id, brazilAuthority.id);
      assert.equal(created.body.delivery, 'recorded');
      const completeness = await drafter.client.call<Json>('GET', `/api/v1/requests/${id}/completeness`, undefined, 200);
      assert.equal(completeness.body.essentialMissing.find((i: Json) => i.rule === 'requested-authority'), undefined, 'the directory authority satisfies UNCAC art. 46(13)');
      assertProblem(await drafter.client.call('PATCH', `/api/v1/requests/${id}`, { version: created.body.version, requestedAuthorityId: 'admin:nope' }), 400, 'unknown_authority', 'unknown authority');
      const gtm = (await drafter.client.call<{ items: Json[] }>('GET', '/api/v1/authorities?state=GTM', undefined, 200)).body.items[0];
      assertProblem(await drafter.client.call('PATCH', `/api/v1/requests/${id}`, { version: created.body.version, requestedAuthorityId: gtm?.id }), 400, 'authority_not_selectable', 'unnamed designation');

      assert.equal((await transition(drafter, id, 'submit')).status, 200);
      assert.equal((await transition(sup, id, 'approve')).status, 200);
      assertProblem(await transition(drafter, id, 'transmit'), 400, 'transmission_required', 'no channel');
      assertProblem(await transition(drafter, id, 'transmit', { transmission: { channel: 'diplomatic', sentOn: today() } }), 409, 'letter_not_produced', 'letter first');
      const letter = await drafter.client.raw('GET', `/api/v1/requests/${id}/document?format=docx&lang=fr`);
      assert.equal(letter.status, 200);
      assertProblem(await transition(drafter, id, 'transmit', { transmission: { channel: 'diplomatic', sentOn: '2999-01-01' } }), 400, 'date_in_future', 'sent in the future');
      const sent = await transition(drafter, id, 'transmit', { transmission: { channel: 'diplomatic', sentOn: daysAgo(3) } });
      assert.equal(sent.status, 200, sent.text);
      const out = sent.body as Json;
      assert.equal(out.state, 'transmitted');
      assert.equal(out.transmittedAt.slice(0, 10), daysAgo(3), 'the day the letter left');
      const tx = out.timeline.at(-1);
      assert.deepEqual([tx.action, tx.details.recorded.channel, tx.details.recordedBy], ['transmit', 'diplomatic', 'requesting-side']);
      assert.deepEqual(out.recordableAnswers, ['acknowledged', 'more-information-requested', 'partially-executed', 'executed', 'refused']);


      assertProblem(await answer(drafter, id, { answer: 'acknowledged', receivedOn: daysAgo(5) }), 400, 'received_before_sent', 'before sending');
      assertProblem(await answer(otherOrg, id, { answer: 'acknowledged', receivedOn: today() }), 404, 'not_found', 'another organisation');
      assertProblem(await answer(drafter, id, { answer: 'refused', receivedOn: today(), reason: 'No' }), 400, 'refusal_grounds_required', 'refusal without grounds');
      assertProblem(await answer(drafter, id, { answer: 'executed', receivedOn: today(), documents: [{ filename: 'a.pdf', contentBase64: '%%%' }] }), 400, 'invalid_base64', 'bad file');
      const ack = await answer(drafter, id, { answer: 'acknowledged', receivedOn: daysAgo(2) });
      assert.equal(ack.status, 200, ack.text);
      assert.equal(ack.body.state, 'received');
      assert.equal(ack.body.receivedAt.slice(0, 10), daysAgo(2));
      const evidence = Buffer.from('Extrato bancário — conta 123');
      const done = await answer(drafter, id, {
        answer: 'executed',
        receivedOn: today(),
        reason: 'Bank records returned',
        documents: [{ filename: 'extrato.txt', mediaType: 'text/plain', contentBase64: evidence.toString('base64') }],
      });
      assert.equal(done.status, 200, done.text);
      assert.equal(done.body.state, 'executed');
      const last = done.body.timeline.at(-1);
      assert.deepEqual([last.origin, last.side, last.details.recordedBy, last.details.answer], ['recorded', 'requested', 'requesting-side', 'executed']);
      assert.equal(last.actor.email, drafter.email, 'who recorded it');
      const file = done.body.attachments.find((a: Json) => a.filename === 'extrato.txt');
      assert.ok(file?.answerEventId, 'the document belongs to the recorded answer');
      const bytes = await drafter.client.raw('GET', `/api/v1/requests/${id}/attachments/${file.id}`);
      assert.equal(bytes.text, evidence.toString('utf8'));
      assertProblem(await answer(drafter, id, { answer: 'executed', receivedOn: today() }), 409, 'illegal_transition', 'closed');
      const audit = await admin.call<{ items: Json[] }>('GET', '/api/v1/audit?action=request.record-answer&limit=20', undefined, 200);
      assert.ok(audit.body.items.some((e) => e.target === `request:${id}` && e.change.answer === 'executed' && e.change.documents.length === 1));

      const stats = await sup.client.call<Json>('GET', '/api/v1/requests/statistics', undefined, 200);
      const bra = stats.body.groups.find((g: Json) => g.counterpartState === 'BRA' && g.type === 'mla');
      assert.equal(bra.byState.executed, 1);
      assert.equal(bra.acknowledge.count, 1);
      assert.equal(bra.acknowledge.medianDays, 1, 'sent three days ago, acknowledged two days ago');
      assert.equal(bra.execute.count, 1);
    });

    test('deadlines and reminders run on the recorded dates, as between nodes', async () => {
      await sup.client.call('PUT', '/api/v1/service-levels', { counterpartState: 'BRA', acknowledgeDays: 1, executeDays: 90, reminderDays: 3 }, 200);
      const { type: _t, requestedOrganisationId: _o, ...content } = exampleRequest('mla', 'BRA', null);
      const created = await drafter.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', ...content, requestedAuthorityId: brazilAuthority.id, legalBasis: { kind: 'treaty', instrument: 'UNCAC' } }, 201);
      const id = created.body.id as string;
      await transition(drafter, id, 'submit');
      await transition(sup, id, 'approve');
      await drafter.client.raw('GET', `/api/v1/requests/${id}/document?format=docx`);
      // Sent three days ago and not acknowledged: one day was agreed.
      assert.equal((await transition(drafter, id, 'transmit', { transmission: { channel: 'interpol', sentOn: daysAgo(3) } })).status, 200);
      await waitFor('the request marked overdue', async () => (await drafter.client.call<Json>('GET', `/api/v1/requests/${id}`, undefined, 200)).body.overdue.includes('acknowledgement'));
      await waitFor('the reminder', async () => {
        const inbox = await drafter.client.call<{ items: Json[] }>('GET', '/api/v1/notifications?limit=200', undefined, 200);
        return inbox.body.items.some((n) => n.kind === 'acknowledgement-overdue' && n.requestId === id);
      });
      // The acknowledgement, recorded, ends it.
      assert.equal((await answer(drafter, id, { answer: 'acknowledged', receivedOn: today() })).status, 200);
      await waitFor('no longer overdue', async () => !(await drafter.client.call<Json>('GET', `/api/v1/requests/${id}`, undefined, 200)).body.overdue.includes('acknowledgement'));
      await sup.client.call('DELETE', '/api/v1/service-levels?counterpartState=BRA', undefined, 204);
    });

    test('once the authority joins with a node, its open requests are linked and later steps travel by federation', async () => {
      const { type: _t, requestedOrganisationId: _o, ...content } = exampleRequest('mla', 'BRA', null);
      const created = await drafter.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', ...content, requestedAuthorityId: brazilAuthority.id, legalBasis: { kind: 'treaty', instrument: 'UNCAC' } }, 201);
      const id = created.body.id as string;
      await transition(drafter, id, 'submit');
      await transition(sup, id, 'approve');
      await drafter.client.raw('GET', `/api/v1/requests/${id}/document?format=docx`);
      assert.equal((await transition(drafter, id, 'transmit', { transmission: { channel: 'central-authority-email', sentOn: today() } })).status, 200);

      const br = await startFederatedNode(backend, { name: 'Ministério da Justiça (Brasil)', country: 'BRA' });
      try {
        await connect([fr, br]);
        const view = await sup.client.call<Json>('GET', `/api/v1/requests/${id}`, undefined, 200);
        assert.deepEqual(view.body.linkCandidates, [{ nodeId: br.nodeId, name: 'Ministério da Justiça (Brasil)' }]);
        assertProblem(await drafter.client.call('POST', `/api/v1/requests/${id}/link`, { nodeId: br.nodeId }), 403, 'forbidden', 'practitioners do not link');
        assertProblem(await sup.client.call('POST', `/api/v1/requests/${id}/link`, { nodeId: 'node-unknown-0000' }), 404, 'unknown_peer', 'unknown peer');
        assertProblem(await otherOrg.client.call('POST', `/api/v1/requests/${id}/link`, { nodeId: br.nodeId }), 404, 'not_found', 'another organisation');
        const linked = await sup.client.call<Json>('POST', `/api/v1/requests/${id}/link`, { nodeId: br.nodeId }, 200);
        assert.equal(linked.body.counterpartNodeId, br.nodeId);
        assert.equal(linked.body.delivery, 'peer-node');
        assert.equal(linked.body.timeline.at(-1).action, 'link');
        assertProblem(await sup.client.call('POST', `/api/v1/requests/${id}/link`, { nodeId: br.nodeId }), 409, 'not_linkable', 'linked twice');
        assertProblem(await answer(drafter, id, { answer: 'acknowledged', receivedOn: today() }), 409, 'counterpart_has_node', 'answers now come by federation');
        const audit = await admin.call<{ items: Json[] }>('GET', '/api/v1/audit?action=request.link&limit=5', undefined, 200);
        assert.ok(audit.body.items.some((e) => e.target === `request:${id}` && e.change.nodeId === br.nodeId));

        // The Brazilian node receives the request and acknowledges it; France's record follows.
        const incoming = await waitFor('the request on the Brazilian node', async () => {
          const list = await br.adminClient.call<{ items: Json[] }>('GET', '/api/v1/requests?side=requested', undefined, 200);
          return list.body.items.find((r) => r.requesting.state === 'FRA');
        });
        const brOrg = (await br.adminClient.call<{ items: Json[] }>('GET', '/api/v1/organisations', undefined, 200)).body.items.find((o) => o.country === 'BRA');
        const brExec = await makeUser(br.adminClient, { role: 'practitioner', organisationId: brOrg?.id });
        await brExec.client.call('POST', `/api/v1/requests/${incoming.id}/transitions`, { action: 'receive' }, 200);
        await waitFor('the acknowledgement on the French record', async () => {
          const r = await drafter.client.call<Json>('GET', `/api/v1/requests/${id}`, undefined, 200);
          return r.body.state === 'received' && r.body.timeline.some((e: Json) => e.origin === 'counterpart' && e.action === 'receive');
        });
      } finally {
        await br.close();
      }
    });

    test('the audit trail still verifies', async () => {
      assert.equal((await admin.call<{ ok: boolean }>('GET', '/api/v1/audit/verify', undefined, 200)).body.ok, true);
    });
  });
}
