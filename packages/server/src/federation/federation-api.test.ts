// Real nodes on every backend, each with its own database, talking over loopback HTTP: peering by
// card and fingerprint, notes delivered with signed receipts, the receive pipeline's rejections
// (tampering, replay, wrong recipient, untrusted, suspended, revoked, stale, undecryptable), the
// directory, and a message that cannot be delivered becoming visibly failed.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type Envelope, type EnvelopeHeader, envelopeAad, envelopeSigningText, receiptSigningText, uuidv7 } from '@comity/core/federation/index';
import { type TestBackend, testBackends } from '@comity/db/testing';
import { ApiClient, makeUser } from '../testing/test-node.ts';
import { ed25519SignerFor, rawPublicKey, verifyWithRawKey, x25519Sealer } from './envelope-crypto.ts';
import { type FederatedTestNode, connect, craftEnvelope, startFederatedNode, trust, waitFor } from './federation-testing.ts';

type Json = Record<string, unknown>;

const craft = (from: FederatedTestNode, to: FederatedTestNode, over: Partial<EnvelopeHeader> = {}, payload: Json = { text: 'hello' }): Envelope =>
  craftEnvelope(from, to, over, payload);

async function post(to: FederatedTestNode, body: unknown): Promise<{ status: number; body: Json; contentType: string }> {
  const res = await fetch(`${to.url}/federation/v1/inbox`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Json) : {}, contentType: res.headers.get('content-type') ?? '' };
}

function flipBit(b64url: string, bit: number): string {
  const bytes = Buffer.from(b64url, 'base64url');
  bytes[bit >> 3]! ^= 1 << (bit & 7);
  return bytes.toString('base64url');
}

async function auditOf(n: FederatedTestNode, action: string): Promise<{ target: string; change: Json }[]> {
  const res = await n.adminClient.call<{ items: { target: string; change: Json }[] }>('GET', `/api/v1/audit?action=${encodeURIComponent(action)}&limit=500`, undefined, 200);
  return res.body.items;
}

async function inboxIds(n: FederatedTestNode): Promise<string[]> {
  const res = await n.adminClient.call<{ items: { messageId: string }[] }>('GET', '/api/v1/federation/messages?direction=inbound&limit=500', undefined, 200);
  return res.body.items.map((m) => m.messageId);
}

async function authorityOrgId(n: FederatedTestNode): Promise<string> {
  const orgs = await n.adminClient.call<{ items: { id: string; kind: string }[] }>('GET', '/api/v1/organisations', undefined, 200);
  return orgs.body.items.find((o) => o.kind === 'central-authority')!.id;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

for (const backend of testBackends()) {
  describe(`federation between nodes on ${backend.name}`, () => {
    let fr: FederatedTestNode;
    let de: FederatedTestNode;
    let it: FederatedTestNode;
    before(async () => {
      fr = await startFederatedNode(backend, { name: 'Ministère de la Justice (France)', country: 'FRA' });
      de = await startFederatedNode(backend, { name: 'Bundesamt für Justiz (Germany)', country: 'DEU', federation: { languages: ['de', 'en'] } });
      it = await startFederatedNode(backend, { name: 'Ministero della Giustizia (Italy)', country: 'ITA' });
      await connect([fr, de]);
      // Italy trusts Germany, but Germany has not (yet) trusted Italy.
      await trust(it, de);
    });
    after(async () => {
      await fr?.close();
      await de?.close();
      await it?.close();
    });

    test('a note goes from one authority to the other with a signed receipt; both sides see it', async () => {
      const alice = await makeUser(fr.adminClient, { role: 'practitioner', organisationId: await authorityOrgId(fr) });
      const sent = await alice.client.call<{ messageId: string; conversationId: string }>(
        'POST',
        '/api/v1/federation/notes',
        { peerNodeId: de.nodeId, text: 'Bonjour — the bank records are on their way.', requestId: 'REQ-1' },
        201,
      );
      const inbound = await waitFor('the note at the German node', async () => {
        const list = await de.adminClient.call<{ items: { messageId: string; note: string | null; peerName: string; conversationId: string }[] }>(
          'GET',
          '/api/v1/federation/messages?direction=inbound',
          undefined,
          200,
        );
        return list.body.items.find((m) => m.messageId === sent.body.messageId);
      });
      assert.equal(inbound.note, 'Bonjour — the bank records are on their way.');
      assert.equal(inbound.peerName, 'Ministère de la Justice (France)');
      assert.equal(inbound.conversationId, sent.body.conversationId);
      const outbound = await waitFor('the receipt at the French node', async () => {
        const list = await alice.client.call<{ items: { messageId: string; state: string; receipt: { signedBy: string } | null }[] }>(
          'GET',
          `/api/v1/federation/messages?conversationId=${encodeURIComponent(sent.body.conversationId)}`,
          undefined,
          200,
        );
        const m = list.body.items.find((x) => x.messageId === sent.body.messageId);
        return m?.state === 'delivered' ? m : undefined;
      });
      assert.equal(outbound.receipt?.signedBy, de.nodeId);
      // Both sides recorded it in their audit trail.
      assert.ok((await auditOf(fr, 'federation.message.deliver')).some((e) => e.target === `message:${sent.body.messageId}`));
      assert.ok((await auditOf(de, 'federation.message.receive')).some((e) => e.target === `message:${sent.body.messageId}`));
      // A practitioner of another organisation on the French node does not see it.
      const other = await makeUser(fr.adminClient, { role: 'practitioner', country: 'FRA' });
      const theirs = await other.client.call<{ items: unknown[] }>('GET', '/api/v1/federation/messages', undefined, 200);
      assert.equal(theirs.body.items.length, 0);
    });

    test('an accepted envelope gets 202 and a receipt signed by the receiver over what it received', async () => {
      const env = craft(fr, de);
      const res = await post(de, env);
      assert.equal(res.status, 202, JSON.stringify(res.body));
      const { receipt, duplicate } = res.body as { receipt: { receipt: Json & { messageId: string; recipient: string; sender: string }; signature: { value: string } }; duplicate: boolean };
      assert.equal(duplicate, false);
      assert.equal(receipt.receipt.messageId, env.header.messageId);
      assert.equal(receipt.receipt.recipient, de.nodeId);
      assert.equal(receipt.receipt.sender, fr.nodeId);
      assert.ok(verifyWithRawKey(rawPublicKey(de.node.deps.keys.signingPublic), receiptSigningText(receipt.receipt as never), receipt.signature.value));
    });

    test('a flipped bit anywhere in the envelope is rejected and nothing is stored', async () => {
      const env = craft(fr, de, { conversationId: 'conv-tamper' });
      const body = JSON.stringify(env);
      const cases: [string, unknown][] = [
        ['header', JSON.parse(body.replace('"conv-tamper"', '"bonv-tamper"'))],
        ['ciphertext', { ...env, encrypted: { ...env.encrypted, ciphertext: flipBit(env.encrypted.ciphertext, 9) } }],
        ['ephemeral key', { ...env, encrypted: { ...env.encrypted, epk: flipBit(env.encrypted.epk, 77) } }],
        ['nonce', { ...env, encrypted: { ...env.encrypted, nonce: flipBit(env.encrypted.nonce, 3) } }],
        ['signature', { ...env, signature: { ...env.signature, value: flipBit(env.signature.value, 200) } }],
      ];
      for (const [what, tampered] of cases) {
        const res = await post(de, tampered);
        assert.equal(res.status, 401, `${what}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.code, 'bad_signature', what);
        assert.match(res.contentType, /application\/problem\+json/);
      }
      // Every single-bit change of the serialised body, sampled across its whole length.
      const bytes = Buffer.from(body, 'utf8');
      for (let i = 0; i < 48; i++) {
        const bit = Math.floor(((i + 0.5) / 48) * bytes.length * 8);
        const copy = Buffer.from(bytes);
        copy[bit >> 3]! ^= 1 << (bit & 7);
        const res = await post(de, copy.toString('utf8'));
        assert.ok(res.status >= 400 && res.status < 500, `bit ${bit} (byte ${bit >> 3} '${body[bit >> 3]}'): ${res.status} ${JSON.stringify(res.body)}`);
      }
      assert.ok(!(await inboxIds(de)).includes(env.header.messageId), 'nothing of the tampered message was stored');
      // Nobody proved who sent these: they are counted in metrics, not audited one by one.
      const rejections = await auditOf(de, 'federation.inbox.reject');
      assert.equal(rejections.filter((e) => e.target === `message:${env.header.messageId}`).length, 0);
      assert.match(de.node.deps.metrics.render(), /comity_federation_inbox_rejected_total\{reason="bad_signature",authenticated="false"\} ([5-9]|\d\d+)/);
      // The untouched envelope is still good.
      assert.equal((await post(de, env)).status, 202);
    });

    test('a correctly signed envelope whose payload does not open is rejected as undecryptable', async () => {
      const signer = ed25519SignerFor(fr.node.deps.keys.signingPrivate);
      const header: EnvelopeHeader = { ...craft(fr, de).header, messageId: uuidv7(Date.now(), randomBytes(10)) };
      // Sealed with another header as associated data, then signed as if all were well.
      const sealed = x25519Sealer().seal('{"text":"x"}', envelopeAad({ ...header, conversationId: 'other' }), rawPublicKey(de.node.deps.keys.encryptionPublic));
      const env = { header, encrypted: sealed, signature: { alg: 'Ed25519', keyId: signer.keyId, value: signer.sign(envelopeSigningText(header, sealed)) } };
      const res = await post(de, env);
      assert.equal(res.status, 422);
      assert.equal(res.body.code, 'decryption_failed');
      // Sealed to a key the receiver does not hold.
      const toWrongKey = x25519Sealer().seal('{"text":"x"}', envelopeAad(header), rawPublicKey(fr.node.deps.keys.encryptionPublic));
      const env2 = { header, encrypted: toWrongKey, signature: { alg: 'Ed25519', keyId: signer.keyId, value: signer.sign(envelopeSigningText(header, toWrongKey)) } };
      assert.equal((await post(de, env2)).body.code, 'decryption_failed');
      assert.ok(!(await inboxIds(de)).includes(header.messageId));
    });

    test('a replay is answered with the original receipt and not processed again', async () => {
      const env = craft(fr, de, { conversationId: 'conv-replay' });
      const first = await post(de, env);
      assert.equal(first.status, 202);
      const again = await post(de, env);
      assert.equal(again.status, 202);
      assert.equal(again.body.duplicate, true);
      assert.deepEqual(again.body.receipt, first.body.receipt);
      // A retry by the sender (same message id, sealed and signed afresh) is the same message.
      const retry = craft(fr, de, { messageId: env.header.messageId, conversationId: 'conv-replay' });
      const third = await post(de, retry);
      assert.equal(third.body.duplicate, true);
      assert.deepEqual(third.body.receipt, first.body.receipt);
      const processed = (await auditOf(de, 'federation.message.receive')).filter((e) => e.target === `message:${env.header.messageId}`);
      assert.equal(processed.length, 1);
      assert.equal((await inboxIds(de)).filter((id) => id === env.header.messageId).length, 1);
    });

    test('wrong recipient, unknown sender, stale or future createdAt, bad payloads: each has its reason code', async () => {
      const cases: [string, unknown, number, string][] = [
        ['for another node', craft(fr, de, { recipient: it.nodeId }), 421, 'wrong_recipient'],
        ['from a node not trusted here', craft(it, de), 403, 'unknown_sender'],
        ['sealed 10 minutes ago', craft(fr, de, { createdAt: new Date(Date.now() - 10 * 60_000).toISOString() }), 400, 'message_stale'],
        ['sealed 10 minutes ahead', craft(fr, de, { createdAt: new Date(Date.now() + 10 * 60_000).toISOString() }), 400, 'message_stale'],
        ['an unknown message type', craft(fr, de, { type: 'x.custom' as never }), 422, 'unsupported_type'],
        ['a note without text', craft(fr, de, {}, { words: 'hi' }), 422, 'payload_invalid'],
        ['not JSON', '{"header":', 400, 'envelope_malformed'],
        ['not an envelope', { hello: 'world' }, 400, 'envelope_malformed'],
        ['an unknown version', JSON.parse(JSON.stringify(craft(fr, de)).replace('"v":1', '"v":2')), 400, 'envelope_malformed'],
      ];
      for (const [what, body, status, code] of cases) {
        const res = await post(de, body);
        assert.equal(res.status, status, `${what}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.code, code, what);
        assert.equal(typeof res.body.retryable, 'boolean', what);
        assert.match(res.contentType, /application\/problem\+json/, what);
      }
      // The trusted peer's own refused envelopes are audited; the anonymous ones only counted.
      const reasons = new Set((await auditOf(de, 'federation.inbox.reject')).map((e) => e.change.reason));
      for (const code of ['wrong_recipient', 'message_stale', 'unsupported_type', 'payload_invalid']) assert.ok(reasons.has(code), code);
      for (const code of ['unknown_sender', 'envelope_malformed']) assert.ok(!reasons.has(code), code);
    });

    test('the directory lists the authorities of trusted peers and searches them', async () => {
      const user = await makeUser(de.adminClient, { role: 'viewer', country: 'DEU' });
      const all = await user.client.call<{ items: { nodeId: string; name: string; state: string; kind: string; languages: string[] }[] }>('GET', '/api/v1/directory', undefined, 200);
      assert.deepEqual(
        all.body.items.map((e) => [e.nodeId, e.state, e.kind]),
        [[fr.nodeId, 'FRA', 'central-authority']],
      );
      assert.equal((await user.client.call<{ items: unknown[] }>('GET', '/api/v1/directory?q=justice', undefined, 200)).body.items.length, 1);
      assert.equal((await user.client.call<{ items: unknown[] }>('GET', '/api/v1/directory?q=italy', undefined, 200)).body.items.length, 0);
      assert.equal((await user.client.call<{ items: unknown[] }>('GET', '/api/v1/directory?state=fra&requestType=mla&language=en', undefined, 200)).body.items.length, 1);
      assert.equal((await user.client.call<{ items: unknown[] }>('GET', '/api/v1/directory?language=de', undefined, 200)).body.items.length, 0);
      const fromFrance = await fr.adminClient.call<{ items: { name: string; languages: string[] }[] }>('GET', '/api/v1/directory?q=DEU', undefined, 200);
      assert.deepEqual(fromFrance.body.items[0]?.languages, ['de', 'en']);
      assert.equal((await new ApiClient(de.url).call('GET', '/api/v1/directory')).status, 401);
      const doc = await new ApiClient(de.url).call<{ paths: Record<string, unknown> }>('GET', '/api/openapi.json', undefined, 200);
      for (const p of ['/federation/v1/inbox', '/federation/v1/card', '/api/v1/directory', '/api/v1/peers', '/api/v1/peers/{nodeId}/revoke', '/api/v1/federation/notes', '/api/v1/federation/messages']) {
        assert.ok(doc.body.paths[p], `${p} is in the OpenAPI document`);
      }
    });

    test('importing a card: the fingerprint must match, the card must be intact, and only administrators may', async () => {
      const card = (await it.adminClient.call<{ card: { authority: { name: string } } }>('GET', '/federation/v1/card', undefined, 200)).body;
      const wrong = await de.adminClient.call<{ code: string }>('POST', '/api/v1/peers', { card, confirmFingerprint: '0000 1111 2222 3333 4444 5555 6666 7777 8888 9999' });
      assert.equal(wrong.status, 400);
      assert.equal(wrong.body.code, 'fingerprint_mismatch');
      const forged = { ...card, card: { ...card.card, authority: { ...card.card.authority, name: 'Ministry of Justice (France)' } } };
      const preview = await de.adminClient.call<{ code: string }>('POST', '/api/v1/peers/preview', { card: forged });
      assert.equal(preview.status, 400);
      assert.equal(preview.body.code, 'card_signature_invalid');
      const own = (await de.adminClient.call('GET', '/federation/v1/card', undefined, 200)).body;
      assert.equal((await de.adminClient.call<{ code: string }>('POST', '/api/v1/peers/preview', { card: own })).body.code, 'card_is_self');
      const practitioner = await makeUser(de.adminClient, { role: 'supervisor', country: 'DEU' });
      assert.equal((await practitioner.client.call('POST', '/api/v1/peers/preview', { card })).status, 403);
      assert.equal((await practitioner.client.call('GET', '/api/v1/peers')).status, 403);
      // A known peer's card again is a refresh (200), not a new trust.
      const frCard = (await fr.adminClient.call('GET', '/federation/v1/card', undefined, 200)).body;
      const refreshed = await de.adminClient.call<{ status: string }>('POST', '/api/v1/peers', { card: frCard, confirmFingerprint: 'irrelevant-for-a-refresh' });
      assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
      assert.equal(refreshed.body.status, 'active');
    });

    test('a suspended peer is refused until resumed; a revoked peer for good', async () => {
      const reason = { reason: 'incident under review' };
      const suspended = await de.adminClient.call<{ status: string }>('POST', `/api/v1/peers/${fr.nodeId}/suspend`, reason, 200);
      assert.equal(suspended.body.status, 'suspended');
      const during = await post(de, craft(fr, de));
      assert.equal(during.status, 403);
      assert.equal(during.body.code, 'peer_suspended');
      assert.equal(during.body.retryable, true);
      assert.equal((await de.adminClient.call<{ items: unknown[] }>('GET', '/api/v1/directory', undefined, 200)).body.items.length, 0, 'a suspended peer leaves the directory');
      await de.adminClient.call('POST', `/api/v1/peers/${fr.nodeId}/resume`, { reason: 'cleared' }, 200);
      assert.equal((await post(de, craft(fr, de))).status, 202);
      await de.adminClient.call('POST', `/api/v1/peers/${fr.nodeId}/revoke`, { reason: 'keys compromised' }, 200);
      const revoked = await post(de, craft(fr, de));
      assert.equal(revoked.status, 403);
      assert.equal(revoked.body.code, 'peer_revoked');
      assert.equal(revoked.body.retryable, false);
      const again = await de.adminClient.call<{ code: string; allowed: string[] }>('POST', `/api/v1/peers/${fr.nodeId}/resume`, reason);
      assert.equal(again.status, 409);
      assert.deepEqual(again.body.allowed, []);
      const frCard = (await fr.adminClient.call('GET', '/federation/v1/card', undefined, 200)).body;
      assert.equal((await de.adminClient.call<{ code: string }>('POST', '/api/v1/peers', { card: frCard, confirmFingerprint: 'x'.repeat(20) })).body.code, 'peer_revoked');
      // Germany now sends nothing to France: a note to a revoked peer is refused outright.
      const bob = await makeUser(de.adminClient, { role: 'practitioner', organisationId: await authorityOrgId(de) });
      assert.equal((await bob.client.call<{ code: string }>('POST', '/api/v1/federation/notes', { peerNodeId: fr.nodeId, text: 'hello?' })).body.code, 'peer_not_active');
      const audit = await auditOf(de, 'federation.peer.');
      assert.deepEqual(
        audit.filter((e) => e.target === `peer:${fr.nodeId}`).map((e) => [e.change.from, e.change.to]).filter(([f]) => f !== undefined).reverse(),
        [
          ['active', 'suspended'],
          ['suspended', 'active'],
          ['active', 'revoked'],
        ],
      );
    });
  });

  describe(`undeliverable messages on ${backend.name}`, () => {
    let a: FederatedTestNode;
    let b: FederatedTestNode;
    let bDir: string;
    let bSchema: string | undefined;
    let bPort: number;
    const startB = (schema: string | undefined) =>
      startFederatedNode(backend as TestBackend, { name: 'Ministry of Justice (Kenya)', country: 'KEN', config: { dataDir: bDir, databaseSchema: schema, port: bPort } });
    before(async () => {
      bDir = mkdtempSync(join(tmpdir(), 'comity-fed-b-'));
      bSchema = await backend.newSchema();
      bPort = await freePort();
      a = await startFederatedNode(backend, { name: 'Ministerio de Justicia (Argentina)', country: 'ARG', federation: { retry: { baseDelayMs: 100, maxDelayMs: 300, horizonMs: 2500 } } });
      b = await startB(bSchema);
      await connect([a, b]);
    });
    after(async () => {
      await a?.close();
      await b?.close();
      rmSync(bDir, { recursive: true, force: true });
      await backend.dropSchema(bSchema);
    });

    test('a peer that stays down: the message is retried, then failed, audited and shown; an administrator can send it again', async () => {
      await b.close();
      const alice = await makeUser(a.adminClient, { role: 'practitioner', organisationId: await authorityOrgId(a) });
      const sent = await alice.client.call<{ messageId: string }>('POST', '/api/v1/federation/notes', { peerNodeId: b.nodeId, text: '¿Recibieron la solicitud?' }, 201);
      const pending = await waitFor('a retry to be scheduled', async () => {
        const list = await alice.client.call<{ items: { messageId: string; state: string; attempts: number; lastError: string | null }[] }>('GET', '/api/v1/federation/messages?state=pending', undefined, 200);
        const m = list.body.items.find((x) => x.messageId === sent.body.messageId);
        return m && m.attempts >= 2 ? m : undefined;
      });
      assert.match(pending.lastError ?? '', /could not be reached/);
      const failed = await waitFor(
        'the message to fail after the horizon',
        async () => {
          const list = await alice.client.call<{ items: { messageId: string; lastError: string }[] }>('GET', '/api/v1/federation/messages?state=failed', undefined, 200);
          return list.body.items.find((x) => x.messageId === sent.body.messageId);
        },
        15_000,
      );
      // Given up by the attempt that ran past the horizon, or by the sweep that found it past it (on a busy machine).
      assert.match(failed.lastError, /Given up: not delivered within 2\.5 s|within 2500 ms|could not be reached.*Not delivered within the retry horizon/);
      const audit = await auditOf(a, 'federation.message.failed');
      assert.ok(audit.some((e) => e.target === `message:${sent.body.messageId}`));
      const peers = await a.adminClient.call<{ items: { nodeId: string; outbox: { failed: number } }[] }>('GET', '/api/v1/peers', undefined, 200);
      assert.equal(peers.body.items.find((p) => p.nodeId === b.nodeId)?.outbox.failed, 1);

      // The peer is back (same folder and port); the administrator sends the message again.
      b = await startB(bSchema);
      assert.equal((await alice.client.call('POST', `/api/v1/federation/messages/${sent.body.messageId}/retry`)).status, 403);
      const retried = await a.adminClient.call<{ requeued: number }>('POST', `/api/v1/federation/messages/${sent.body.messageId}/retry`, undefined, 200);
      assert.equal(retried.body.requeued, 1);
      await waitFor('the note at the Kenyan node', async () => (await inboxIds(b)).includes(sent.body.messageId));
    });
  });
}
