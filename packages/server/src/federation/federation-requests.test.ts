// A request between authorities on two nodes: drafted on one, addressed to the counterpart found
// in the directory, approved, transmitted through federation with its files (in chunks, checked by
// SHA-256), received on the other node with the requesting authority verified by signature, and
// both timelines following every transition of either side (the files of an answer travel as
// evidence items of the request); a transmission that cannot be delivered tells the people concerned.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import { testBackends } from '@comity/db/testing';
import { type ApiClient, makeUser } from '../testing/test-node.ts';
import { type FederatedTestNode, connect, startFederatedNode, waitFor } from './federation-testing.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
type User = Awaited<ReturnType<typeof makeUser>>;

async function authorityOrg(n: FederatedTestNode): Promise<string> {
  const orgs = await n.adminClient.call<{ items: { id: string; kind: string }[] }>('GET', '/api/v1/organisations', undefined, 200);
  return orgs.body.items.find((o) => o.kind === 'central-authority')!.id;
}

async function recordOf(client: ApiClient, conversationId: string, side: 'requesting' | 'requested'): Promise<Json | undefined> {
  const list = await client.call<{ items: Json[] }>('GET', `/api/v1/requests?side=${side}&limit=200`, undefined, 200);
  for (const item of list.body.items) {
    const full = await client.call<Json>('GET', `/api/v1/requests/${item.id}`, undefined, 200);
    if (full.body.conversationId === conversationId) return full.body;
  }
  return undefined;
}

/** Opens GET /api/v1/events as the client; `found` resolves when a line containing `needle` arrives after `ready`. */
function heardOnStream(client: ApiClient, needle: string): { ready: Promise<void>; found: Promise<void> } {
  let markReady: () => void = () => {};
  const ready = new Promise<void>((r) => {
    markReady = r;
  });
  const found = (async () => {
    const abort = new AbortController();
    const res = await fetch(`${client.baseUrl}/api/v1/events`, { headers: { cookie: client.cookie ?? '' }, signal: abort.signal });
    assert.equal(res.status, 200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let isReady = false;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the event stream ended');
      text += decoder.decode(value, { stream: true });
      if (!isReady && text.includes('event: ready')) {
        isReady = true;
        text = '';
        markReady();
      }
      if (isReady && text.includes(needle)) break;
    }
    abort.abort();
  })();
  return { ready, found };
}

for (const backend of testBackends()) {
  describe(`requests between nodes on ${backend.name}`, () => {
    let fr: FederatedTestNode;
    let de: FederatedTestNode;
    let drafter: User;
    let supervisor: User;
    let executor: User;
    before(async () => {
      // Small chunks, so that a modest file travels in several.
      fr = await startFederatedNode(backend, { name: 'Ministère de la Justice (France)', country: 'FRA', federation: { chunkBytes: 16 * 1024 } });
      de = await startFederatedNode(backend, { name: 'Bundesamt für Justiz (Germany)', country: 'DEU' });
      await connect([fr, de]);
      drafter = await makeUser(fr.adminClient, { role: 'practitioner', organisationId: await authorityOrg(fr) });
      supervisor = await makeUser(fr.adminClient, { role: 'supervisor', organisationId: drafter.organisationId });
      executor = await makeUser(de.adminClient, { role: 'practitioner', organisationId: await authorityOrg(de) });
    });
    after(async () => {
      await fr?.close();
      await de?.close();
    });

    test('a request travels to the peer with its files; both sides follow one timeline', async () => {
      const directory = await drafter.client.call<{ items: { nodeId: string; name: string; state: string }[] }>('GET', '/api/v1/directory?state=DEU&requestType=mla', undefined, 200);
      const germany = directory.body.items[0]!;
      assert.equal(germany.nodeId, de.nodeId);
      const { type: _t, requestedOrganisationId: _o, ...content } = exampleRequest('mla', 'DEU', null);
      const created = await drafter.client.call<Json>(
        'POST',
        '/api/v1/requests',
        { type: 'mla', ...content, requestedNodeId: germany.nodeId, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } },
        201,
      );
      const id = created.body.id as string;
      assert.equal(created.body.requestedNodeId, de.nodeId);
      assert.equal(created.body.requested.name, 'Bundesamt für Justiz (Germany)');
      const completeness = await drafter.client.call<Json>('GET', `/api/v1/requests/${id}/completeness`, undefined, 200);
      assert.ok(!completeness.body.essentialMissing.some((m: Json) => m.field === 'requestedOrganisationId'), 'a peer authority is a requested authority');

      const file = Buffer.from(Array.from({ length: 3000 }, (_, i) => `Kontoauszug Zeile ${i}: DE89 3704 0044 0532 0130 00\n`).join(''));
      const sha = createHash('sha256').update(file).digest('hex');
      const up = await drafter.client.raw('POST', `/api/v1/requests/${id}/attachments?filename=${encodeURIComponent('relevé.txt')}`, {
        body: file,
        headers: { 'content-type': 'application/octet-stream' },
      } as never);
      assert.equal(up.status, 201, up.text);

      await drafter.client.call('POST', `/api/v1/requests/${id}/transitions`, { action: 'submit' }, 200);
      await supervisor.client.call('POST', `/api/v1/requests/${id}/transitions`, { action: 'approve', reason: 'Checked' }, 200);
      const sent = await drafter.client.call<Json>('POST', `/api/v1/requests/${id}/transitions`, { action: 'transmit' }, 200);
      assert.equal(sent.body.state, 'transmitted');

      const incoming = await waitFor('the request at the German node', () => recordOf(executor.client, created.body.conversationId, 'requested'));
      assert.equal(incoming.counterpartNodeId, fr.nodeId, 'the requesting node, verified by its signature');
      assert.equal(incoming.requesting.name, 'Ministère de la Justice (France)');
      assert.equal(incoming.requesting.state, 'FRA');
      assert.equal(incoming.state, 'transmitted');
      assert.equal(incoming.facts, content.facts);
      const att = incoming.attachments.find((a: Json) => a.sha256 === sha);
      assert.ok(att, 'the file is listed');
      const res = await fetch(`${de.url}/api/v1/requests/${incoming.id}/attachments/${att.id}`, { headers: { cookie: executor.client.cookie! } });
      assert.equal(res.status, 200);
      assert.equal(createHash('sha256').update(Buffer.from(await res.arrayBuffer())).digest('hex'), sha, 'the same bytes arrived');
      const chunks = await de.adminClient.call<{ items: { type: string }[] }>('GET', '/api/v1/federation/messages?direction=inbound&limit=500', undefined, 200);
      assert.ok(chunks.body.items.filter((m) => m.type === 'attachment.chunk').length >= Math.ceil(file.length / (16 * 1024)), 'the file came in chunks');
      const notes = await executor.client.call<{ items: Json[] }>('GET', '/api/v1/notifications', undefined, 200);
      assert.ok(notes.body.items.some((n) => n.kind === 'incoming-request' && n.requestId === incoming.id));

      // The requested side works on it; the requesting side's timeline follows.
      const act = (action: string, reason?: string) =>
        executor.client.call<Json>('POST', `/api/v1/requests/${incoming.id}/transitions`, { action, ...(reason ? { reason } : {}) }, 200);
      const stateAtFrance = (state: string) =>
        waitFor(`France to see ${state}`, async () => {
          const r = await drafter.client.call<Json>('GET', `/api/v1/requests/${id}`, undefined, 200);
          return r.body.state === state ? r.body : undefined;
        });
      await act('receive');
      await stateAtFrance('received');
      await act('start-execution');
      await stateAtFrance('under-execution');
      // The peer's message, applied by the inbox, reaches the requesting side's open event stream.
      const heard = heardOnStream(drafter.client, `"requestId":"${id}"`);
      await heard.ready;
      await act('request-more-info', 'Please give the account holder’s date of birth.');
      await heard.found;
      const asked = await stateAtFrance('more-information-requested');
      assert.ok(asked.counterpartReference, 'the German reference is known in France');
      // The answer carries a file of its own (attached while more information is asked for).
      const birth = Buffer.from('Extrait d’acte de naissance n° 1971-0312\n');
      const birthUp = await drafter.client.raw('POST', `/api/v1/requests/${id}/attachments?filename=naissance.txt`, { body: birth, headers: { 'content-type': 'text/plain' } } as never);
      assert.equal(birthUp.status, 201, birthUp.text);
      await drafter.client.call('POST', `/api/v1/requests/${id}/transitions`, { action: 'provide-more-info', reason: 'Born 12 March 1971.' }, 200);
      const answered = await waitFor('Germany to see the answer', async () => {
        const r = await executor.client.call<Json>('GET', `/api/v1/requests/${incoming.id}`, undefined, 200);
        return r.body.state === 'under-execution' ? r.body : undefined;
      });
      // Files of an answer travel as evidence items of the request (evidence.offer + binary chunks).
      const evidenceOfAnswer = async (client: ApiClient, requestId: string, action: string) => {
        const r = await client.call<Json>('GET', `/api/v1/requests/${requestId}`, undefined, 200);
        const event = r.body.timeline.find((e: Json) => e.origin === 'counterpart' && e.action === action);
        return (event?.details.evidence ?? []) as Json[];
      };
      const birthThere = (await evidenceOfAnswer(executor.client, incoming.id, 'provide-more-info'))[0];
      assert.equal(birthThere?.state, 'accepted');
      assert.equal(birthThere?.title, 'naissance.txt');
      assert.ok(!answered.attachments.some((a: Json) => a.filename === 'naissance.txt'), 'an evidence item, not a plain attachment');

      // The requested side returns documents: part of them with a partial execution, the rest with the execution.
      const upload = async (name: string, bytes: Buffer, type: string) => {
        const r = await executor.client.raw('POST', `/api/v1/requests/${incoming.id}/attachments?filename=${encodeURIComponent(name)}`, { body: bytes, headers: { 'content-type': type } } as never);
        assert.equal(r.status, 201, r.text);
        return JSON.parse(r.text) as Json;
      };
      const statements = Buffer.from(`%PDF-1.4\n${Array.from({ length: 2000 }, (_, i) => `% Kontoauszug ${i}`).join('\n')}\n%%EOF\n`);
      const first = await upload('Kontoauszüge 2023.pdf', statements, 'application/pdf');
      assert.equal(first.suppliedBy, 'requested');
      assert.equal(first.sentWith, null, 'waits for the answer');
      const held = await upload('Vermerk.txt', Buffer.from('Vermerk über die Durchsuchung\n'), 'text/plain');
      await executor.client.call('POST', `/api/v1/requests/${incoming.id}/transitions`, { action: 'partially-execute', reason: 'Statements for 2023; 2024 follows.', attachmentIds: [first.id] }, 200);
      await stateAtFrance('partially-executed');
      const returned = await evidenceOfAnswer(drafter.client, id, 'partially-execute');
      assert.deepEqual(
        returned.map((e) => [e.title, e.state, e.sha256]),
        [['Kontoauszüge 2023.pdf', 'accepted', createHash('sha256').update(statements).digest('hex')]],
        'only the chosen file, as an accepted evidence item',
      );
      const got = await fetch(`${fr.url}/api/v1/evidence/${returned[0]!.itemId}/content`, { headers: { cookie: drafter.client.cookie! } });
      assert.equal(got.status, 200);
      assert.equal(got.headers.get('content-type'), 'application/pdf');
      assert.ok(Buffer.from(await got.arrayBuffer()).equals(statements), 'the same bytes arrived');
      // A file already sent cannot be sent again.
      const again = await executor.client.call<Json>('POST', `/api/v1/requests/${incoming.id}/transitions`, { action: 'execute', attachmentIds: [first.id] }, 400);
      assert.equal(again.body.code, 'attachment_not_waiting');
      await act('execute', 'Bank records obtained; the search report follows.');
      const done = await stateAtFrance('executed');
      assert.deepEqual((await evidenceOfAnswer(drafter.client, id, 'execute')).map((e) => e.title), ['Vermerk.txt'], 'the execution took what was still waiting');
      void held;
      const counterpartEvents = done.timeline.filter((e: Json) => e.origin === 'counterpart').map((e: Json) => e.action);
      assert.deepEqual(counterpartEvents, ['receive', 'start-execution', 'request-more-info', 'partially-execute', 'execute']);
      // The more-information exchange travelled as its own message types.
      const types = (await drafter.client.call<{ items: { type: string; direction: string }[] }>('GET', `/api/v1/federation/messages?conversationId=${created.body.conversationId}&limit=200`, undefined, 200)).body.items;
      assert.ok(types.some((m) => m.direction === 'inbound' && m.type === 'request.more-info'));
      assert.ok(types.some((m) => m.direction === 'outbound' && m.type === 'request.status'));
      const germanSide = await executor.client.call<Json>('GET', `/api/v1/requests/${incoming.id}`, undefined, 200);
      assert.deepEqual(
        germanSide.body.timeline.filter((e: Json) => e.origin === 'counterpart').map((e: Json) => e.action),
        ['transmit', 'provide-more-info'],
      );
    });

    test('a transmission to a peer that stays down fails visibly and the drafter is told', async () => {
      const kenya = await startFederatedNode(backend, { name: 'Office of the Attorney General (Kenya)', country: 'KEN' });
      await connect([fr, kenya]);
      const kenyaId = kenya.nodeId;
      await kenya.close();
      // Shorten France's horizon for this test only.
      const runtime = (await import('./capability.ts')).federationOf(fr.node.deps)!;
      const saved = runtime.settings.retry;
      runtime.settings.retry = { baseDelayMs: 100, maxDelayMs: 200, horizonMs: 1500 };
      try {
        const { type: _t, requestedOrganisationId: _o, ...content } = exampleRequest('mla', 'KEN', null);
        const created = await drafter.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', ...content, requestedNodeId: kenyaId, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } }, 201);
        await drafter.client.call('POST', `/api/v1/requests/${created.body.id}/transitions`, { action: 'submit' }, 200);
        await supervisor.client.call('POST', `/api/v1/requests/${created.body.id}/transitions`, { action: 'approve' }, 200);
        await drafter.client.call('POST', `/api/v1/requests/${created.body.id}/transitions`, { action: 'transmit' }, 200);
        const note = await waitFor('a notification about the failed transmission', async () => {
          const list = await drafter.client.call<{ items: Json[] }>('GET', '/api/v1/notifications?limit=200', undefined, 200);
          return list.body.items.find((n) => n.requestId === created.body.id && /could not be delivered/.test(n.message));
        }, 20_000);
        assert.match(note.message, /Office of the Attorney General \(Kenya\)/);
      } finally {
        runtime.settings.retry = saved;
      }
    });
  });
}
