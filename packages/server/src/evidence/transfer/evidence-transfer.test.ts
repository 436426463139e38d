// Evidence between two real nodes: the requested node returns an item for a request; it arrives in
// binary chunks, is checked against the hashes the sender signed, and is stored and audited as
// received from that node. A chunk tampered with on the way is refused and not stored; an offer
// whose chunk digest or whole-item hash is wrong is refused with nothing left behind; a transfer
// cut in the middle resumes with the chunks the receiver still lacks.
import assert from 'node:assert/strict';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { transferRequestClaims } from '@comity/core/evidence/transfer';
import { exampleRequest } from '@comity/core/requests/examples';
import type { EvidenceOfferPayload } from '@comity/contract/evidence-transfer';
import { testBackends } from '@comity/db/testing';
import type { Actor } from '../../deps.ts';
import { ed25519SignerFor } from '../../federation/envelope-crypto.ts';
import { type FederatedTestNode, connect, craftEnvelope, startFederatedNode, waitFor } from '../../federation/federation-testing.ts';
import { makeUser } from '../../testing/test-node.ts';
import { encryptChunk, signTransferRequest } from './transfer-crypto.ts';
import { Readable } from 'node:stream';
import { blobStoreOf } from '../../storage/node-blob-store.ts';
import { enforceRecord } from '../../policy/policy-service.ts';
import { evidenceOf } from '../evidence-capability.ts';
import { evidenceKey, ingestEvidence, listCustody, readEvidenceItem } from '../evidence-service.ts';
import { buildOffer, fileContentSource } from './transfer-sender.ts';
import { sendEvidence } from './transfer-service.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
const CHUNK = 64 * 1024;

/** A loopback proxy in front of a node that cuts the connection of chosen chunk uploads once. */
function cuttingProxy(target: string): Promise<{ url: string; server: Server; puts: Map<number, number>; cut: Set<number> }> {
  const puts = new Map<number, number>();
  const cutOnce = new Set<number>();
  const to = new URL(target);
  const server = createServer((req, res) => {
    const m = /\/chunks\/(\d+)$/.exec(req.url ?? '');
    if (m && req.method === 'PUT') {
      const index = Number(m[1]);
      if (cutOnce.delete(index)) {
        req.socket.destroy();
        return;
      }
      puts.set(index, (puts.get(index) ?? 0) + 1);
    }
    const upstream = httpRequest({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: { ...req.headers, host: to.host } }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, puts, cut: cutOnce })));
}

async function authorityOrg(n: FederatedTestNode): Promise<string> {
  const orgs = await n.adminClient.call<{ items: { id: string; kind: string }[] }>('GET', '/api/v1/organisations', undefined, 200);
  return orgs.body.items.find((o) => o.kind === 'central-authority')!.id;
}

for (const backend of testBackends()) {
  describe(`evidence transfer between nodes on ${backend.name}`, () => {
    let fr: FederatedTestNode;
    let de: FederatedTestNode;
    let proxy: Awaited<ReturnType<typeof cuttingProxy>>;
    let executorActor: Actor;
    let drafterActor: Actor;
    let firstReceived: string;
    let requestedId: string;
    let conversationId: string;
    const tmp = mkdtempSync(join(tmpdir(), 'comity-transfer-test-'));

    before(async () => {
      fr = await startFederatedNode(backend, { name: 'Ministère de la Justice (France)', country: 'FRA' });
      // A generous timeout: on a loaded machine a chunk answered late must not count as a cut connection.
      de = await startFederatedNode(backend, { name: 'Bundesamt für Justiz (Germany)', country: 'DEU', federation: { requestTimeoutMs: 120_000 } });
      // Germany reaches France through a proxy that can cut a connection in the middle of a transfer.
      proxy = await cuttingProxy(fr.url);
      await fr.adminClient.call('PUT', '/api/v1/federation/profile', { endpoint: proxy.url }, 200);
      await connect([fr, de]);
      const drafter = await makeUser(fr.adminClient, { role: 'practitioner', organisationId: await authorityOrg(fr) });
      const supervisor = await makeUser(fr.adminClient, { role: 'supervisor', organisationId: drafter.organisationId });
      const executor = await makeUser(de.adminClient, { role: 'practitioner', organisationId: await authorityOrg(de) });
      drafterActor = { userId: drafter.userId, email: drafter.email, role: 'practitioner', organisationId: drafter.organisationId, mustChangePassword: false, via: 'token' };
      executorActor = { userId: executor.userId, email: executor.email, role: 'practitioner', organisationId: executor.organisationId, mustChangePassword: false, via: 'token' };
      const { type: _t, requestedOrganisationId: _o, ...content } = exampleRequest('mla', 'DEU', null);
      const created = await drafter.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', ...content, requestedNodeId: de.nodeId, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } }, 201);
      conversationId = created.body.conversationId;
      await drafter.client.call('POST', `/api/v1/requests/${created.body.id}/transitions`, { action: 'submit' }, 200);
      await supervisor.client.call('POST', `/api/v1/requests/${created.body.id}/transitions`, { action: 'approve', reason: 'Checked' }, 200);
      await drafter.client.call('POST', `/api/v1/requests/${created.body.id}/transitions`, { action: 'transmit' }, 200);
      requestedId = await waitFor('the request at the German node', async () => {
        const row = await de.node.deps.db.selectFrom('requests').select('id').where('conversation_id', '=', conversationId).executeTakeFirst();
        return row?.id;
      });
    });
    after(async () => {
      await fr?.close();
      await de?.close();
      proxy?.server.close();
      rmSync(tmp, { recursive: true, force: true });
    });

    /** An item the German executor adds to the request it received, in Germany's vault. */
    async function addedInGermany(bytes: Buffer, title: string) {
      return ingestEvidence(evidenceOf(de.node.deps)!, { actor: executorActor, requestId: null }, {
        owner: { requestId: requestedId },
        title,
        source: { kind: 'uploaded' },
        mediaTypeHint: 'application/pdf',
        body: Readable.from([bytes]),
      });
    }

    function item(bytes: Buffer, title: string): Omit<EvidenceOfferPayload['item'], 'size'> {
      return {
        id: randomUUID(),
        title,
        description: 'Returned with the execution of the request.',
        mediaType: 'application/pdf',
        source: 'uploaded',
        sha256: createHash('sha256').update(bytes).digest('hex'),
        sha512: createHash('sha512').update(bytes).digest('hex'),
        timestamps: [],
        custody: [{ kind: 'acquired', at: '2026-03-01T10:00:00.000Z' }],
      };
    }

    const transferAt = (node: FederatedTestNode, transferId: string) =>
      node.node.deps.db.selectFrom('evidence_transfers').selectAll().where('transfer_id', '=', transferId).executeTakeFirst();

    test('an item returned by the requested node arrives verified, resuming after a cut connection', async () => {
      const bytes = randomBytes(5 * CHUNK + 1234);
      const original = await addedInGermany(bytes, 'Kontoauszüge 2023');
      // The fourth chunk's connection is cut the first time: the sender must send again only what France lacks.
      proxy.puts.clear();
      proxy.cut.add(3);
      const { transferId } = await sendEvidence(de.node.deps, { actor: executorActor, requestId: null }, {
        requestId: requestedId,
        itemId: original.id,
        sentWith: 'execute',
        chunkSize: CHUNK,
      });
      const accepted = await waitFor('the item accepted in France', async () => {
        const row = await transferAt(fr, transferId);
        return row?.state === 'accepted' ? row : undefined;
      }).catch(async (err) => {
        const rows = await de.node.deps.db.selectFrom('outbox').select(['type', 'state', 'attempts', 'last_error']).execute();
        throw new Error(`${(err as Error).message}; German outbox: ${JSON.stringify(rows)}`);
      });
      assert.equal(Number(accepted.size), bytes.length);
      assert.equal(accepted.content_key, null, 'the content key is forgotten once the item is in');
      const sha = createHash('sha256').update(bytes).digest('hex');
      const received = await fr.node.deps.db.selectFrom('evidence_items').selectAll().where('id', '=', accepted.item_id!).executeTakeFirstOrThrow();
      firstReceived = received.id;
      assert.equal(received.sha256, sha);
      assert.equal(received.source_kind, 'received');
      assert.equal(received.title, 'Kontoauszüge 2023');
      const marking = (typeof received.marking === 'string' ? JSON.parse(received.marking) : received.marking) as Json;
      assert.equal(marking.originators[0].nodeId, de.nodeId, 'the sending node is the originator of what it returned');
      assert.deepEqual(await blobStoreOf(fr.node.deps).get(sha), bytes, 'the stored item is byte for byte what Germany sent');
      const custody = await listCustody(fr.node.deps.db, received.id);
      assert.deepEqual(
        custody.map((e) => e.kind),
        ['acquired', 'hashed', 'hashed', 'received'],
      );
      assert.equal((custody[2]!.details as Json).sha512, createHash('sha512').update(bytes).digest('hex'), 'the SHA-512 computed as the chunks arrived');
      assert.equal(received.sha512, createHash('sha512').update(bytes).digest('hex'));
      const receivedEvent = custody.at(-1)!;
      assert.equal((receivedEvent.details as Json).from, de.nodeId, 'custody: received from the German node');
      assert.equal((receivedEvent.details as Json).verified.sha256, sha);
      assert.deepEqual(
        ((receivedEvent.details as Json).senderCustody as Json[]).map((e) => e.kind),
        ['acquired', 'hashed'],
        'Germany’s own custody log travelled with it',
      );
      const germanCustody = await waitFor('transmitted in Germany’s custody log', async () => {
        const events = await listCustody(de.node.deps.db, original.id);
        return events.some((e) => e.kind === 'transmitted') ? events : undefined;
      });
      assert.equal((germanCustody.at(-1)!.details as Json).to, fr.nodeId);
      const audit = await fr.node.deps.db
        .selectFrom('audit_entries')
        .selectAll()
        .where('action', '=', 'evidence.transfer.accept')
        .where('target', '=', `transfer:${transferId}`)
        .executeTakeFirstOrThrow();
      const change = (typeof audit.change === 'string' ? JSON.parse(audit.change) : audit.change) as Json;
      assert.equal(change.itemId, received.id);
      const sent = await waitFor('the offer delivered at the German node', () =>
        de.node.deps.db.selectFrom('outbox').selectAll().where('type', '=', 'evidence.offer').where('state', '=', 'delivered').executeTakeFirst(),
      );
      assert.ok(sent.attempts >= 2, 'the cut connection made the sender try again');
      assert.equal(proxy.cut.size, 0, 'the connection was cut');
      assert.deepEqual(
        [...proxy.puts.entries()].sort((a, b) => a[0] - b[0]),
        [0, 1, 2, 3, 4, 5].map((i) => [i, 1]),
        'each chunk reached France once: the retry sent only the one that was cut',
      );
      assert.equal(existsSync(join(fr.node.deps.config.dataDir, 'transfers', `${transferId}.part`)), false, 'nothing left in staging');
    });

    test('the item received is held to the limitations it came under: not to a third node, not into other proceedings', async () => {
      const evidence = evidenceOf(fr.node.deps)!;
      const who = { actor: drafterActor, requestId: null };
      const { item, record } = await readEvidenceItem(evidence, who, firstReceived);
      const target = { record, auditTarget: evidenceKey(item.id), details: { itemId: item.id } };
      const attempt = async (action: Parameters<typeof enforceRecord>[3]) => {
        try {
          await enforceRecord(fr.node.deps, who, target, action);
          return { code: 'allowed', rule: null };
        } catch (err) {
          const e = err as { code?: string; details?: { rule?: string; originator?: { nodeId?: string } | null } };
          return { code: e.code, rule: e.details?.rule ?? null };
        }
      };
      assert.equal(record.sources[0]!.marking.originators[0]!.nodeId, de.nodeId);
      assert.deepEqual(record.sources[0]!.marking.limitations.speciality, ['PNF-2025-0042'], 'the speciality of the request travelled with the item');
      const exported = await attempt({ kind: 'export', format: 'zip' });
      assert.equal(exported.code, 'policy_denied', 'a confidential item received from Germany is not exported without its consent');
      const third = await attempt({ kind: 'transmit', to: { nodeId: 'node-third0000000000000', organisationId: null } });
      assert.equal(third.code, 'policy_denied', 'nor passed on to a third node');
      const other = await attempt({ kind: 'attach', to: { key: 'case:other', proceedings: 'Another case 99/1', use: null } });
      assert.equal(other.code, 'policy_denied', 'nor used in other proceedings (speciality)');
      assert.match(String(other.rule), /speciality/);
      const denials = await fr.node.deps.db.selectFrom('audit_entries').select('action').where('target', '=', evidenceKey(item.id)).where('action', '=', 'policy.deny').execute();
      assert.equal(denials.length, 3, 'each refused attempt is in the audit trail');
    });

    /** An offer sealed and signed by Germany's key and posted to France's inbox, as Germany's node would. */
    async function offerByHand(bytes: Buffer, tweak: (o: EvidenceOfferPayload) => void = () => {}): Promise<EvidenceOfferPayload> {
      const path = join(tmp, randomBytes(6).toString('hex'));
      writeFileSync(path, bytes);
      const source = await fileContentSource(path);
      const offer = await buildOffer({
        peerNodeId: fr.nodeId,
        conversationId,
        senderOrganisationId: null,
        sentWith: 'execute',
        item: item(bytes, 'Vermerk'),
        limitations: { tlp: 'AMBER', handling: 'H0', handlingNotes: [], speciality: ['Case 2026/17'], confidential: true, permittedUses: null, reviewOn: null, notes: [] },
        source,
        chunkSize: CHUNK,
      });
      await source.close();
      tweak(offer);
      const envelope = craftEnvelope(de, fr, { type: 'evidence.offer', conversationId }, offer);
      const res = await fetch(`${fr.url}/federation/v1/inbox`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(envelope) });
      assert.equal(res.status, 202, await res.clone().text());
      return offer;
    }

    async function call(method: 'GET' | 'PUT', offer: EvidenceOfferPayload, index: number | null, body?: Buffer, signer = de): Promise<{ status: number; json: Json }> {
      const createdAt = new Date().toISOString();
      const claims = transferRequestClaims({ method, sender: de.nodeId, recipient: fr.nodeId, transferId: offer.transferId, index, createdAt });
      const path = index === null ? `/federation/v1/transfers/${offer.transferId}` : `/federation/v1/transfers/${offer.transferId}/chunks/${index}`;
      const res = await fetch(`${fr.url}${path}`, {
        method,
        headers: {
          'comity-sender': de.nodeId,
          'comity-created-at': createdAt,
          'comity-signature': signTransferRequest(ed25519SignerFor(signer.node.deps.keys.signingPrivate), claims),
          ...(body ? { 'content-type': 'application/octet-stream' } : {}),
        },
        ...(body ? { body } : {}),
      });
      return { status: res.status, json: (await res.json()) as Json };
    }

    function sealed(offer: EvidenceOfferPayload, bytes: Buffer, index: number): Buffer {
      const key = Buffer.from(offer.content.key, 'base64url');
      return encryptChunk(key, { transferId: offer.transferId, index, chunkCount: offer.content.chunkCount }, bytes.subarray(index * CHUNK, (index + 1) * CHUNK));
    }

    const inStore = (node: FederatedTestNode, sha: string) => blobStoreOf(node.node.deps).has(sha);

    test('a chunk tampered with on the way, or put in another place, is refused and not stored; the right one is then taken', async () => {
      const bytes = randomBytes(3 * CHUNK + 10);
      const offer = await offerByHand(bytes);
      const atRest = (await transferAt(fr, offer.transferId))?.content_key ?? '';
      assert.match(atRest, /^k1\./, 'the content key is kept encrypted at rest');
      assert.ok(!atRest.includes(offer.content.key) && !JSON.stringify((await transferAt(fr, offer.transferId))?.offer).includes(offer.content.key), 'not in the clear anywhere in the row');
      const tampered = sealed(offer, bytes, 1);
      tampered[100] = (tampered[100] ?? 0) ^ 0x01;
      const refused = await call('PUT', offer, 1, tampered);
      assert.equal(refused.status, 422);
      assert.equal(refused.json.code, 'chunk_rejected');
      assert.equal(refused.json.retryable, true);
      const misplaced = await call('PUT', offer, 1, sealed(offer, bytes, 2));
      assert.equal(misplaced.json.code, 'chunk_rejected', 'a chunk sent to another index does not decrypt there');
      const status = await call('GET', offer, null);
      assert.equal(status.status, 200);
      assert.deepEqual(status.json.missing, [0, 1, 2, 3], 'nothing of the refused chunks was kept');
      for (const i of [0, 1, 2]) assert.equal((await call('PUT', offer, i, sealed(offer, bytes, i))).json.state, 'receiving');
      const last = await call('PUT', offer, 3, sealed(offer, bytes, 3));
      assert.equal(last.json.state, 'accepted');
      assert.ok(await inStore(fr, offer.item.sha256));
      assert.equal((await call('GET', offer, null)).json.state, 'accepted');
    });

    test('a chunk that does not match the digest the sender signed refuses the whole item, and nothing of it remains', async () => {
      const bytes = randomBytes(4 * CHUNK);
      const offer = await offerByHand(bytes, (o) => {
        o.content.chunkSha256[2] = createHash('sha256').update('something else').digest('hex');
      });
      for (const i of [0, 1]) assert.equal((await call('PUT', offer, i, sealed(offer, bytes, i))).status, 200);
      assert.ok(existsSync(join(fr.node.deps.config.dataDir, 'transfers', `${offer.transferId}.part`)), 'chunks 0 and 1 wait in staging');
      const wrong = await call('PUT', offer, 2, sealed(offer, bytes, 2));
      assert.equal(wrong.status, 422);
      assert.equal(wrong.json.code, 'chunk_digest_mismatch');
      assert.equal(wrong.json.retryable, false);
      const status = await call('GET', offer, null);
      assert.equal(status.json.state, 'refused');
      assert.match(status.json.refusal, /chunk 2 does not match/);
      assert.equal((await call('PUT', offer, 3, sealed(offer, bytes, 3))).status, 409, 'a refused transfer takes nothing more');
      assert.equal(existsSync(join(fr.node.deps.config.dataDir, 'transfers', `${offer.transferId}.part`)), false, 'the chunks already received are gone');
      assert.equal(await inStore(fr, offer.item.sha256), false);
      const row = await transferAt(fr, offer.transferId);
      assert.equal(row?.content_key, null);
      const chunks = await fr.node.deps.db.selectFrom('evidence_transfer_chunks').selectAll().where('transfer_id', '=', offer.transferId).execute();
      assert.equal(chunks.length, 0);
    });

    test('an item whose whole SHA-256 is not the one offered is refused after its last chunk and not stored', async () => {
      const bytes = randomBytes(2 * CHUNK + 5);
      const claimed = createHash('sha256').update('another item').digest('hex');
      const offer = await offerByHand(bytes, (o) => {
        o.item.sha256 = claimed;
      });
      for (const i of [0, 1]) assert.equal((await call('PUT', offer, i, sealed(offer, bytes, i))).json.state, 'receiving');
      const last = await call('PUT', offer, 2, sealed(offer, bytes, 2));
      assert.equal(last.status, 200);
      assert.equal(last.json.state, 'refused');
      const status = await call('GET', offer, null);
      assert.match(status.json.refusal, /SHA-256 [0-9a-f]{64} instead of/);
      assert.equal(await inStore(fr, claimed), false);
      assert.equal(await inStore(fr, createHash('sha256').update(bytes).digest('hex')), false);
      assert.equal(existsSync(join(fr.node.deps.config.dataDir, 'transfers', `${offer.transferId}.part`)), false);
      const audit = await fr.node.deps.db.selectFrom('audit_entries').select('action').where('target', '=', `transfer:${offer.transferId}`).execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), ['evidence.transfer.offer', 'evidence.transfer.refuse']);
      const items = await fr.node.deps.db.selectFrom('evidence_items').select('id').where('sha256', 'in', [claimed, createHash('sha256').update(bytes).digest('hex')]).execute();
      assert.equal(items.length, 0, 'no item was recorded');
    });

    test('only the sending node, by its signature, may ask about or add to its transfer', async () => {
      const bytes = randomBytes(CHUNK);
      const offer = await offerByHand(bytes);
      const forged = await call('PUT', offer, 0, sealed(offer, bytes, 0), fr);
      assert.equal(forged.status, 401);
      assert.equal(forged.json.code, 'bad_signature');
      const unsigned = await fetch(`${fr.url}/federation/v1/transfers/${offer.transferId}`);
      assert.equal(unsigned.status, 400);
      assert.equal(((await unsigned.json()) as Json).code, 'envelope_malformed');
      const unknown = await call('GET', { ...offer, transferId: randomUUID() }, null);
      assert.equal(unknown.status, 404);
      assert.equal(unknown.json.code, 'transfer_not_found');
      assert.deepEqual((await call('GET', offer, null)).json.missing, [0], 'the forged chunk was not taken');
    });

    test('an offer for a conversation the two nodes do not share is refused', async () => {
      const bytes = randomBytes(CHUNK);
      const path = join(tmp, randomBytes(6).toString('hex'));
      writeFileSync(path, bytes);
      const source = await fileContentSource(path);
      const other = randomUUID();
      const offer = await buildOffer({
        peerNodeId: fr.nodeId,
        conversationId: other,
        senderOrganisationId: null,
        sentWith: 'execute',
        item: item(bytes, 'Fremd'),
        limitations: { tlp: 'AMBER', handling: 'H0', handlingNotes: [], speciality: null, confidential: false, permittedUses: null, reviewOn: null, notes: [] },
        source,
        chunkSize: CHUNK,
      });
      await source.close();
      const res = await fetch(`${fr.url}/federation/v1/inbox`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(craftEnvelope(de, fr, { type: 'evidence.offer', conversationId: other }, offer)),
      });
      assert.equal(res.status, 422);
      assert.equal(((await res.json()) as Json).code, 'payload_rejected');
      assert.equal(await transferAt(fr, offer.transferId), undefined);
    });
  });
}
