// Sending evidence from the API between two real nodes, with RFC 3161 tokens from a local
// `openssl ts` authority: the requested node returns an item with POST /api/v1/evidence/{id}/transfers;
// it arrives with its hashes and its token checked against the receiver's trusted roots (custody and
// timestamps panel say so); a tampered token refuses the offer and nothing is stored at the receiver;
// a token valid but under a root the receiver does not trust is accepted and said to be "not checked
// against a trusted root".
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import { testBackends } from '@comity/db/testing';
import { sql } from 'kysely';
import type { Actor } from '../../deps.ts';
import { type FederatedTestNode, connect, startFederatedNode, waitFor } from '../../federation/federation-testing.ts';
import { type LocalTsa, makeTestPki, startLocalTsa, type TestPki } from '../../testing/local-tsa.ts';
import { makeUser } from '../../testing/test-node.ts';
import { evidenceOf } from '../evidence-capability.ts';
import { effectiveMarkingOf, enforceRecord } from '../../policy/policy-service.ts';
import { evidenceKey, ingestEvidence, listCustody, readEvidenceItem } from '../evidence-service.ts';
import { timestampSettingsOf } from '../timestamp/timestamp-capability.ts';
import { pemCertificates } from '../timestamp/tsp.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
type User = Awaited<ReturnType<typeof makeUser>>;
/** A machine shared with benchmarks: the background work waited for may take a while. */
const SLOW = 180_000;

async function withEnv<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

async function authorityOrg(n: FederatedTestNode): Promise<string> {
  const orgs = await n.adminClient.call<{ items: { id: string; kind: string }[] }>('GET', '/api/v1/organisations', undefined, 200);
  return orgs.body.items.find((o) => o.kind === 'central-authority')!.id;
}

describe('sending evidence over federation with its time-stamps', () => {
  let pki: TestPki;
  let tsa: LocalTsa;
  before(async () => {
    pki = await makeTestPki();
    tsa = await startLocalTsa(pki);
  });
  after(async () => {
    await tsa?.close();
    pki?.close();
  });

  for (const backend of testBackends()) {
    describe(`on ${backend.name}`, () => {
      let fr: FederatedTestNode;
      let de: FederatedTestNode;
      let drafter: User;
      let supervisor: User;
      let executor: User;
      let executorActor: Actor;
      let deSupervisor: User;
      /** The first item Germany returned: its id in each vault, the French request, its bytes. */
      const first = { frItem: '', deItem: '', frRequest: '', bytes: Buffer.alloc(0) };

      before(async () => {
        const env = { COMITY_TSA_ROOTS: pki.rootPem, COMITY_TSA_RETRY_SECONDS: '1', COMITY_TSA_SCAN_SECONDS: '1', COMITY_TSA_TIMEOUT_SECONDS: '5' };
        // France trusts the test root and asks no authority itself; Germany time-stamps what it holds.
        fr = await withEnv({ ...env, COMITY_TSA_URLS: '' }, () => startFederatedNode(backend, { name: 'Ministère de la Justice (France)', country: 'FRA' }));
        de = await withEnv({ ...env, COMITY_TSA_URLS: tsa.url }, () => startFederatedNode(backend, { name: 'Bundesamt für Justiz (Germany)', country: 'DEU' }));
        await connect([fr, de]);
        drafter = await makeUser(fr.adminClient, { role: 'practitioner', organisationId: await authorityOrg(fr) });
        supervisor = await makeUser(fr.adminClient, { role: 'supervisor', organisationId: drafter.organisationId });
        executor = await makeUser(de.adminClient, { role: 'practitioner', organisationId: await authorityOrg(de) });
        deSupervisor = await makeUser(de.adminClient, { role: 'supervisor', organisationId: executor.organisationId });
        executorActor = { userId: executor.userId, email: executor.email, role: 'practitioner', organisationId: executor.organisationId, mustChangePassword: false, via: 'token' };
      });
      after(async () => {
        await fr?.close();
        await de?.close();
      });

      /** A request from France to Germany, transmitted; its id at each node. */
      async function exchangedRequest(): Promise<{ frId: string; deId: string }> {
        const { type: _t, requestedOrganisationId: _o, ...content } = exampleRequest('mla', 'DEU', null);
        const created = await drafter.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', ...content, requestedNodeId: de.nodeId, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } }, 201);
        await drafter.client.call('POST', `/api/v1/requests/${created.body.id}/transitions`, { action: 'submit' }, 200);
        await supervisor.client.call('POST', `/api/v1/requests/${created.body.id}/transitions`, { action: 'approve', reason: 'Checked' }, 200);
        await drafter.client.call('POST', `/api/v1/requests/${created.body.id}/transitions`, { action: 'transmit' }, 200);
        const deId = await waitFor('the request at the German node', async () => {
          const row = await de.node.deps.db.selectFrom('requests').select('id').where('conversation_id', '=', created.body.conversationId).executeTakeFirst();
          return row?.id;
        }, SLOW);
        return { frId: created.body.id, deId };
      }

      /** An item the German executor adds to the request it received, once Germany's authority time-stamped it. */
      async function stampedInGermany(requestId: string, title: string) {
        const bytes = randomBytes(200_000);
        const item = await ingestEvidence(evidenceOf(de.node.deps)!, { actor: executorActor, requestId: null }, { owner: { requestId }, title, source: { kind: 'uploaded' }, mediaTypeHint: 'application/pdf', body: Readable.from([bytes]) });
        await waitFor('the German time-stamp', () => de.node.deps.db.selectFrom('evidence_timestamps').selectAll().where('item_id', '=', item.id).where('status', '=', 'granted').executeTakeFirst(), SLOW);
        return { item, bytes };
      }

      const transfers = async (_node: FederatedTestNode, user: User, itemId: string) => (await user.client.call<{ items: Json[] }>('GET', `/api/v1/evidence/${itemId}/transfers`, undefined, 200)).body.items;

      async function sentAndSettled(itemId: string): Promise<Json> {
        const sent = await executor.client.call<Json>('POST', `/api/v1/evidence/${itemId}/transfers`, {}, 202);
        assert.equal(sent.body.direction, 'sent');
        assert.equal(sent.body.sentWith, 'execute', 'the requested side returns evidence with its answer by default');
        assert.ok(['offered', 'sending', 'accepted'].includes(sent.body.state));
        return waitFor('the transfer settled', async () => {
          const t = (await transfers(de, executor, itemId)).find((x) => x.transferId === sent.body.transferId);
          return t && (t.state === 'accepted' || t.state === 'refused') ? t : undefined;
        }, SLOW);
      }

      test('evidence returned by the requested node arrives verified: hashes and its time-stamp checked against the trusted root', async () => {
        const { frId, deId } = await exchangedRequest();
        const { item, bytes } = await stampedInGermany(deId, 'Kontoauszüge 2024');
        const settled = await sentAndSettled(item.id);
        assert.equal(settled.state, 'accepted', JSON.stringify(settled));
        assert.equal(settled.progress, 100);
        assert.equal(settled.peer.nodeId, fr.nodeId);
        const row = await fr.node.deps.db.selectFrom('evidence_transfers').selectAll().where('transfer_id', '=', settled.transferId).executeTakeFirstOrThrow();
        assert.equal(row.state, 'accepted');
        const received = await fr.node.deps.db.selectFrom('evidence_items').selectAll().where('id', '=', row.item_id!).executeTakeFirstOrThrow();
        assert.equal(received.sha256, createHash('sha256').update(bytes).digest('hex'));
        Object.assign(first, { frItem: received.id, deItem: item.id, frRequest: frId, bytes });
        const custody = await listCustody(fr.node.deps.db, received.id);
        const got = custody.find((e) => e.kind === 'received')!.details as Json;
        assert.equal(got.timestampChecks.length, 1, 'the token travelled with the item');
        assert.equal(got.timestampChecks[0].outcome, 'verified');
        const panel = (await drafter.client.call<Json>('GET', `/api/v1/evidence/${received.id}/timestamps`, undefined, 200)).body;
        assert.equal(panel.summary, 'granted');
        assert.equal(panel.timestamps.length, 1);
        assert.match(panel.timestamps[0].tsaUrl, /^received from Bundesamt/);
        assert.deepEqual(panel.timestamps[0].verified, { ok: true });
        const inFrance = await transfers(fr, drafter, received.id);
        assert.equal(inFrance[0]?.direction, 'received');
        assert.equal(inFrance[0]?.state, 'accepted');
        const germanCustody = await waitFor('transmitted in Germany’s custody log', async () => {
          const events = await listCustody(de.node.deps.db, item.id);
          return events.some((e) => e.kind === 'transmitted') ? events : undefined;
        }, SLOW);
        assert.equal((germanCustody.find((e) => e.kind === 'transmitted')!.details as Json).to, fr.nodeId);
        const audit = await de.node.deps.db.selectFrom('audit_entries').select(['action', 'actor_id']).where('action', '=', 'evidence.transfer.send').where('target', '=', `evidence:${item.id}`).execute();
        assert.equal(audit.length, 1, 'the send is audited');
        assert.equal(audit[0]!.actor_id, executor.userId);
      });

      test('an offer whose time-stamp token was tampered with is refused, nothing of it is stored, and its conversation goes on', async () => {
        const { deId } = await exchangedRequest();
        const { item, bytes } = await stampedInGermany(deId, 'Vermerk (manipuliert)');
        const ts = await de.node.deps.db.selectFrom('evidence_timestamps').selectAll().where('item_id', '=', item.id).where('status', '=', 'granted').executeTakeFirstOrThrow();
        const token = Buffer.from(ts.token!);
        token[token.length - 10] = (token[token.length - 10] ?? 0) ^ 0xff; // inside the TSA's signature
        await de.node.deps.db.updateTable('evidence_timestamps').set({ token: new Uint8Array(token) }).where('id', '=', ts.id).execute();
        const settled = await sentAndSettled(item.id);
        assert.equal(settled.state, 'refused');
        assert.match(settled.refusal, /timestamp|Time-stamp 1/i);
        assert.match(settled.refusal, /signature/);
        assert.equal(await fr.node.deps.db.selectFrom('evidence_transfers').select('transfer_id').where('transfer_id', '=', settled.transferId).executeTakeFirst(), undefined, 'no transfer recorded');
        const sha = createHash('sha256').update(bytes).digest('hex');
        assert.equal((await fr.node.deps.db.selectFrom('evidence_items').select('id').where('sha256', '=', sha).execute()).length, 0, 'no item recorded');
        assert.equal(await evidenceOf(fr.node.deps)!.blobs.has(sha), false, 'no content stored');
        // The refusal is the peer's final word on that item only: the outbox row ends `refused`, not
        // `failed`, and the next item of the same request (same conversation) is delivered.
        const offerRow = await de.node.deps.db.selectFrom('outbox').selectAll().where('type', '=', 'evidence.offer').where(sql<boolean>`payload->>'transferId' = ${settled.transferId}`).executeTakeFirstOrThrow();
        assert.equal(offerRow.state, 'refused');
        const refusedAudit = await de.node.deps.db.selectFrom('audit_entries').select('action').where('action', '=', 'federation.message.refused').where('target', '=', `message:${offerRow.message_id}`).execute();
        assert.equal(refusedAudit.length, 1, 'the refusal is audited');
        const next = await stampedInGermany(deId, 'Vermerk (richtig)');
        const nextSettled = await sentAndSettled(next.item.id);
        assert.equal(nextSettled.state, 'accepted', JSON.stringify(nextSettled));
        const nextRow = await de.node.deps.db.selectFrom('outbox').select(['conversation_id', 'seq']).where('type', '=', 'evidence.offer').where(sql<boolean>`payload->>'transferId' = ${nextSettled.transferId}`).executeTakeFirstOrThrow();
        assert.equal(nextRow.conversation_id, offerRow.conversation_id, 'the same conversation');
        assert.ok(Number(nextRow.seq) > Number(offerRow.seq), 'queued behind the refused offer');
        const arrived = await fr.node.deps.db.selectFrom('evidence_items').select('sha256').where('sha256', '=', createHash('sha256').update(next.bytes).digest('hex')).execute();
        assert.equal(arrived.length, 1, 'the next item arrived');
      });

      test('a valid token under a root the receiver does not trust is accepted and said to be not checked against a trusted root', async () => {
        const settings = timestampSettingsOf(fr.node.deps)!;
        const trusted = settings.roots;
        // France now trusts only another root (as if restarted with another COMITY_TSA_ROOTS).
        settings.roots = pemCertificates(pki.otherRootPem);
        try {
          const { deId } = await exchangedRequest();
          const { item } = await stampedInGermany(deId, 'Vermerk');
          const settled = await sentAndSettled(item.id);
          assert.equal(settled.state, 'accepted', JSON.stringify(settled));
          const row = await fr.node.deps.db.selectFrom('evidence_transfers').selectAll().where('transfer_id', '=', settled.transferId).executeTakeFirstOrThrow();
          const custody = await listCustody(fr.node.deps.db, row.item_id!);
          const check = (custody.find((e) => e.kind === 'received')!.details as Json).timestampChecks[0];
          assert.equal(check.outcome, 'untrusted-root');
          assert.match(check.note, /not checked against a trusted root/);
          const panel = (await drafter.client.call<Json>('GET', `/api/v1/evidence/${row.item_id}/timestamps`, undefined, 200)).body;
          assert.equal(panel.timestamps[0].verified.ok, false);
          assert.equal(panel.timestamps[0].verified.reason, 'untrusted_chain');
        } finally {
          settings.roots = trusted;
        }
      });

      test('files returned with an execution arrive as verified evidence items of the request, under its limitations, and travel as no attachment chunk', async () => {
        const { frId, deId } = await exchangedRequest();
        const act = (action: string, extra: Json = {}) => executor.client.call<Json>('POST', `/api/v1/requests/${deId}/transitions`, { action, ...extra }, 200);
        await act('receive');
        await act('start-execution');
        const bytes = Buffer.from(`%PDF-1.4\n${Array.from({ length: 3000 }, (_, i) => `% Kontoauszug ${i}`).join('\n')}\n%%EOF\n`);
        const sha = createHash('sha256').update(bytes).digest('hex');
        const up = await executor.client.raw('POST', `/api/v1/requests/${deId}/attachments?filename=${encodeURIComponent('Kontoauszüge 2024.pdf')}`, { body: bytes, headers: { 'content-type': 'application/pdf' } } as never);
        assert.equal(up.status, 201, up.text);
        await act('execute', { reason: 'Bank records obtained.' });

        // Germany: the file became an item of its request, offered to France with the answer.
        const deItem = await de.node.deps.db.selectFrom('evidence_items').selectAll().where('request_id', '=', deId).where('sha256', '=', sha).executeTakeFirstOrThrow();
        assert.equal(deItem.source_kind, 'uploaded');
        assert.equal(deItem.captured_by, executor.userId, 'acquired by the executor who answered');
        const deTimeline = (await executor.client.call<Json>('GET', `/api/v1/requests/${deId}`, undefined, 200)).body.timeline;
        assert.equal(deTimeline.find((e: Json) => e.action === 'execute').details.files[0].evidenceItemId, deItem.id);

        const done = await waitFor('France to see the execution', async () => {
          const r = await drafter.client.call<Json>('GET', `/api/v1/requests/${frId}`, undefined, 200);
          return r.body.state === 'executed' ? r.body : undefined;
        }, SLOW);
        assert.ok(!done.attachments.some((a: Json) => a.sha256 === sha), 'not a plain attachment of the request');
        const answer = done.timeline.find((e: Json) => e.origin === 'counterpart' && e.action === 'execute');
        assert.equal(answer.details.evidence.length, 1);
        const linked = answer.details.evidence[0];
        assert.equal(linked.state, 'accepted');
        assert.equal(linked.sha256, sha);
        assert.equal(linked.title, 'Kontoauszüge 2024.pdf');

        // France: an item of its request, verified, received from Germany, under the request's limitations.
        const listed = (await drafter.client.call<{ items: Json[] }>('GET', `/api/v1/evidence?requestId=${frId}`, undefined, 200)).body.items;
        const item = listed.find((i) => i.id === linked.itemId);
        assert.ok(item, 'listed with the request’s evidence');
        assert.equal(item.sha256, sha);
        assert.equal(item.source.kind, 'received');
        assert.equal(item.source.nodeId, de.nodeId);
        assert.equal(item.mediaType, 'application/pdf');
        // The German copy of the request is bound by the speciality France asked for; the file comes back under it.
        const deRequest = await de.node.deps.db.selectFrom('requests').selectAll().where('id', '=', deId).executeTakeFirstOrThrow();
        const speciality = effectiveMarkingOf(deRequest).limitations.speciality;
        assert.ok(speciality && speciality.length > 0);
        assert.deepEqual(item.marking.limitations.speciality, speciality, 'the request’s speciality came with the file');
        const custody = (await drafter.client.call<Json>('GET', `/api/v1/evidence/${item.id}/custody`, undefined, 200)).body;
        assert.equal(custody.verification.ok, true);
        const received = custody.events.find((e: Json) => e.kind === 'received');
        assert.equal(received.details.from, de.nodeId);
        assert.equal(received.details.sentWith, 'execute');
        assert.equal(received.details.verified.sha256, sha);
        assert.deepEqual(received.details.limitations.speciality, speciality);
        assert.deepEqual(received.details.senderCustody.map((e: Json) => e.kind).slice(0, 2), ['acquired', 'hashed'], 'with Germany’s custody log');
        const content = await fetch(`${fr.url}/api/v1/evidence/${item.id}/content`, { headers: { cookie: drafter.client.cookie! } });
        assert.equal(content.status, 200);
        assert.ok(Buffer.from(await content.arrayBuffer()).equals(bytes), 'the same bytes');
        const evidence = evidenceOf(fr.node.deps)!;
        const drafterActor: Actor = { userId: drafter.userId, email: drafter.email, role: 'practitioner', organisationId: drafter.organisationId, mustChangePassword: false, via: 'token' };
        const who = { actor: drafterActor, requestId: null };
        const read = await readEvidenceItem(evidence, who, item.id);
        await assert.rejects(
          enforceRecord(fr.node.deps, who, { record: read.record, auditTarget: evidenceKey(item.id), details: {} }, { kind: 'export', format: 'zip' }),
          (err: { code?: string }) => err.code === 'policy_denied',
          'export is refused under the limitations it came with',
        );

        // The file travelled by the evidence transfer only, and the answer after its item.
        const conversation = done.conversationId as string;
        const inbound = await fr.node.deps.db.selectFrom('federation_inbox').select(['type', 'received_at']).where('conversation_id', '=', conversation).execute();
        assert.equal(inbound.filter((m) => m.type === 'attachment.chunk').length, 0, 'no attachment.chunk envelope');
        assert.equal(inbound.filter((m) => m.type === 'evidence.offer').length, 1);
        const outbound = await de.node.deps.db.selectFrom('outbox').select(['type', 'seq', 'state', 'payload']).where('conversation_id', '=', conversation).orderBy('seq').execute();
        const offerAt = outbound.findIndex((m) => m.type === 'evidence.offer');
        const statusAt = outbound.findIndex((m) => m.type === 'request.status' && (m.payload as Json).action === 'execute');
        assert.ok(offerAt >= 0 && offerAt < statusAt, 'the offer is queued ahead of the answer');
        assert.equal((outbound[statusAt]!.payload as Json).attachments, undefined, 'the answer carries no attachment descriptor');
        assert.equal((outbound[statusAt]!.payload as Json).evidence[0].itemId, deItem.id);
      });

      /** France asks Germany for one use of the item; both supervisors approve; Germany answers. */
      async function consentRound(body: Json, answer: 'granted' | 'refused'): Promise<Json> {
        const asked = await drafter.client.call<Json>('POST', '/api/v1/consents', { requestId: first.frRequest, itemId: first.frItem, purpose: 'Needed for the trial in Paris.', ...body }, 201);
        assert.equal(asked.body.itemId, first.frItem);
        assert.equal(asked.body.state, 'awaiting-approval');
        await supervisor.client.call('POST', `/api/v1/consents/${asked.body.id}/approve`, undefined, 200);
        const atGermany = await waitFor('the question at the German node', async () => {
          const list = (await executor.client.call<{ items: Json[] }>('GET', '/api/v1/consents?direction=received', undefined, 200)).body.items;
          return list.find((c) => c.exchangeId === asked.body.exchangeId);
        }, SLOW);
        assert.equal(atGermany.itemId, first.deItem, 'Germany sees the question about its own item');
        assert.equal(atGermany.action, body.action);
        await executor.client.call('POST', `/api/v1/consents/${atGermany.id}/answer`, { answer }, 200);
        await deSupervisor.client.call('POST', `/api/v1/consents/${atGermany.id}/approve`, undefined, 200);
        return waitFor('the answer back in France', async () => {
          const c = (await drafter.client.call<Json>('GET', `/api/v1/consents/${asked.body.id}`, undefined, 200)).body;
          return c.state === answer ? c : undefined;
        }, SLOW);
      }

      test('export of a received item is refused under its limitations until its sender consents over federation; a refusal keeps the other use refused', async () => {
        assert.ok(first.frItem, 'the first test received an item');
        const evidence = evidenceOf(fr.node.deps)!;
        const who = { actor: { userId: drafter.userId, email: drafter.email, role: 'practitioner' as const, organisationId: drafter.organisationId, mustChangePassword: false, via: 'token' as const }, requestId: null };
        /** The release policy's answer for the received item (the same call the package export and the attach paths make). */
        const attempt = async (action: Parameters<typeof enforceRecord>[3]) => {
          const { item, record } = await readEvidenceItem(evidence, who, first.frItem);
          try {
            await enforceRecord(fr.node.deps, who, { record, auditTarget: evidenceKey(item.id), details: { itemId: item.id } }, action);
            return 'allowed';
          } catch (err) {
            return (err as { code?: string }).code;
          }
        };
        const exportZip = { kind: 'export', format: 'zip' } as const;
        const attach = { kind: 'attach', to: { key: 'case:other', proceedings: 'Another case 99/1', use: null } } as const;
        assert.equal(await attempt(exportZip), 'policy_denied', 'export is refused under the limitations the item came with');

        await consentRound({ action: 'export' }, 'granted');
        assert.equal(await attempt(exportZip), 'allowed', 'the same export now succeeds');

        // The grant is for export only: use in other proceedings is asked, refused, and stays refused.
        assert.equal(await attempt(attach), 'policy_denied', 'the export consent does not lift speciality');
        const answer = await consentRound({ action: 'attach', proceedings: 'Another case 99/1' }, 'refused');
        assert.equal(answer.answer, 'refused');
        assert.equal(await attempt(attach), 'policy_denied', 'a refusal keeps it refused');

        const frCustody = (await listCustody(fr.node.deps.db, first.frItem)).map((e) => e.kind);
        assert.deepEqual(frCustody.filter((k) => k.startsWith('consent-')), ['consent-asked', 'consent-answered', 'consent-asked', 'consent-answered']);
        const deCustody = await listCustody(de.node.deps.db, first.deItem);
        assert.deepEqual(deCustody.map((e) => e.kind).filter((k) => k.startsWith('consent-')), ['consent-asked', 'consent-answered', 'consent-asked', 'consent-answered']);
        assert.equal((deCustody.filter((e) => e.kind === 'consent-answered').at(-1)!.details as Json).answer, 'refused');
        const frAudit = await fr.node.deps.db.selectFrom('audit_entries').select('action').where('action', 'in', ['consent.ask', 'consent.granted', 'consent.refused']).execute();
        assert.deepEqual(frAudit.map((a) => a.action).sort(), ['consent.ask', 'consent.ask', 'consent.granted', 'consent.refused']);
        const deAudit = await de.node.deps.db.selectFrom('audit_entries').select('action').where('action', 'in', ['consent.received', 'consent.grant', 'consent.refuse']).execute();
        assert.deepEqual(deAudit.map((a) => a.action).sort(), ['consent.grant', 'consent.received', 'consent.received', 'consent.refuse']);
      });

      test('an item of a case travels with a request linked to the case, and with no other', async () => {
        const linked = await exchangedRequest();
        const unlinked = await exchangedRequest();
        const theCase = (await drafter.client.call<Json>('POST', '/api/v1/cases', { title: 'Opération Lagune' }, 201)).body;
        await drafter.client.call('POST', `/api/v1/cases/${theCase.id}/requests`, { requestId: linked.frId }, 200);
        const drafterActor: Actor = { userId: drafter.userId, email: drafter.email, role: 'practitioner', organisationId: drafter.organisationId, mustChangePassword: false, via: 'token' };
        const bytes = randomBytes(150_000);
        const item = await ingestEvidence(evidenceOf(fr.node.deps)!, { actor: drafterActor, requestId: null }, { owner: { caseId: theCase.id }, title: 'Relevés bancaires', source: { kind: 'uploaded' }, body: Readable.from([bytes]) });
        const url = `/api/v1/evidence/${item.id}/transfers`;
        const none = await drafter.client.call<Json>('POST', url, {});
        assert.equal(none.status, 409);
        assert.equal(none.body.code, 'request_required', 'a case item needs the request it travels with');
        const other = await drafter.client.call<Json>('POST', url, { requestId: unlinked.frId });
        assert.equal(other.status, 409);
        assert.equal(other.body.code, 'item_not_on_request', 'only a request linked to the item’s case');
        const sent = await drafter.client.call<Json>('POST', url, { requestId: linked.frId }, 202);
        assert.equal(sent.body.sentWith, 'transmit', 'from the requesting side it travels with the request');
        const settled = await waitFor('the case item accepted', async () => {
          const t = (await transfers(fr, drafter, item.id)).find((x) => x.transferId === sent.body.transferId);
          return t && (t.state === 'accepted' || t.state === 'refused') ? t : undefined;
        }, SLOW);
        assert.equal(settled.state, 'accepted', JSON.stringify(settled));
        const arrived = await de.node.deps.db.selectFrom('evidence_items').selectAll().where('sha256', '=', createHash('sha256').update(bytes).digest('hex')).executeTakeFirstOrThrow();
        assert.equal(arrived.request_id, linked.deId, 'on Germany’s copy of the linked request');
        assert.equal(arrived.source_kind, 'received');
        const audit = await fr.node.deps.db.selectFrom('audit_entries').select('change').where('action', '=', 'evidence.transfer.send').where('target', '=', `evidence:${item.id}`).execute();
        assert.equal(audit.length, 1);
        assert.equal((audit[0]!.change as Json).requestId, linked.frId);
      });
    });
  }
});
