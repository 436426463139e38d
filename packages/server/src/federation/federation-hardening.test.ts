// What an outside probe of the inbox found, each pinned by a test on every backend: junk envelopes
// are counted, not audited, and rate limited; a replayed message gets its receipt however old; a
// forged signature learns nothing about a node's standing; sequence numbers show gaps and a failed
// message can be skipped; a peer sends requests only as the authority and State its card names; an
// expired card is renewed; base64url must be canonical and X25519 keys not of low order.
import assert from 'node:assert/strict';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { type EnvelopeHeader, type NodeCard, cardSigningText, envelopeSigningText, } from '@comity/core/federation/index';
import { type TestBackend, testBackends } from '@comity/db/testing';
import { sql } from 'kysely';
import { verifyTrail } from '../audit/audit-service.ts';
import { makeUser } from '../testing/test-node.ts';
import { federationOf } from './capability.ts';
import { ed25519SignerFor, } from './envelope-crypto.ts';
import { type FederatedTestNode, connect, craftEnvelope, startFederatedNode, waitFor } from './federation-testing.ts';
import { enqueuePeerMessage } from './outbox-service.ts';
import { announceOwnCard } from './peers-service.ts';

type Json = Record<string, unknown>;

const craft = (from: FederatedTestNode, to: FederatedTestNode, over: Partial<EnvelopeHeader> = {}, payload: unknown = { text: 'hello' }, signingKey = from.node.deps.keys.signingPrivate) =>
  craftEnvelope(from, to, { conversationId: 'conv-hardening', ...over }, payload, signingKey);

/** Signs an envelope again after a test changed it, as a (misbehaving) peer would. */
function resign(from: FederatedTestNode, env: ReturnType<typeof craft>): ReturnType<typeof craft> {
  const signer = ed25519SignerFor(from.node.deps.keys.signingPrivate);
  return { ...env, signature: { ...env.signature, value: signer.sign(envelopeSigningText(env.header, env.encrypted)) } };
}

async function post(to: FederatedTestNode, body: unknown): Promise<{ status: number; body: Json; headers: Headers }> {
  const res = await fetch(`${to.url}/federation/v1/inbox`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Json) : {}, headers: res.headers };
}

async function auditCount(n: FederatedTestNode): Promise<number> {
  const r = await sql<{ n: string }>`select count(*) as n from audit_entries`.execute(n.node.deps.db);
  return Number(r.rows[0]!.n);
}

async function inbound(n: FederatedTestNode, conversationId: string): Promise<{ messageId: string; sequence: number | null; sequenceFlag: string | null }[]> {
  const res = await n.adminClient.call<{ items: { messageId: string; sequence: number | null; sequenceFlag: string | null }[] }>(
    'GET',
    `/api/v1/federation/messages?direction=inbound&conversationId=${encodeURIComponent(conversationId)}`,
    undefined,
    200,
  );
  return res.body.items;
}

async function authorityOrg(n: FederatedTestNode): Promise<{ id: string; name: string }> {
  const orgs = await n.adminClient.call<{ items: { id: string; kind: string; name: string }[] }>('GET', '/api/v1/organisations', undefined, 200);
  return orgs.body.items.find((o) => o.kind === 'central-authority')!;
}

/** A low-order X25519 point (order 8): every private key agrees on the all-zero secret with it. */
const LOW_ORDER_X25519 = Buffer.from('e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800', 'hex').toString('base64url');

/** The same bytes, spelled with non-zero unused bits in the last character. */
function nonCanonical(b64url: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const last = alphabet.indexOf(b64url.at(-1)!);
  return b64url.slice(0, -1) + alphabet[last | 1];
}

for (const backend of testBackends()) {
  describe(`federation inbox hardening on ${backend.name}`, () => {
    let fr: FederatedTestNode;
    let de: FederatedTestNode;
    before(async () => {
      fr = await startFederatedNode(backend, { name: 'Ministère de la Justice (France)', country: 'FRA', federation: { inboxRatePerAddress: 0, inboxRatePerSender: 0 } });
      de = await startFederatedNode(backend, { name: 'Bundesamt für Justiz (Germany)', country: 'DEU', federation: { inboxRatePerAddress: 0, inboxRatePerSender: 0 } });
      await connect([fr, de]);
    });
    after(async () => {
      await fr?.close();
      await de?.close();
    });

    test('a flood of 500 junk envelopes adds no audit entry, is counted by reason, and the chain still verifies', async () => {
      const before = await auditCount(de);
      const good = craft(fr, de);
      const forger = generateKeyPairSync('ed25519').privateKey;
      const junk: unknown[] = [
        '{"header":',
        { hello: 'world' },
        // A lone surrogate in the message id once broke the chain through the audit entry's target.
        `{"header":{"v":1,"messageId":"\\ud800x","sender":"${fr.nodeId}"},"encrypted":{},"signature":{}}`,
        craft(de, de, { sender: 'node-nobody-knows' }),
        craft(fr, de, {}, { text: 'forged' }, forger),
        { ...good, signature: { ...good.signature, value: `${good.signature.value.slice(0, 85)}${good.signature.value.endsWith('A') ? 'Q' : 'A'}` } },
      ];
      const reasons = new Map<string, number>();
      for (let i = 0; i < 500; i++) {
        const res = await post(de, junk[i % junk.length]);
        assert.ok(res.status >= 400 && res.status < 500, `${i}: ${res.status}`);
        reasons.set(String(res.body.code), (reasons.get(String(res.body.code)) ?? 0) + 1);
      }
      assert.deepEqual([...reasons.keys()].sort(), ['bad_signature', 'envelope_malformed', 'unknown_sender']);
      assert.equal(await auditCount(de), before, 'no audit entry for anonymous junk');
      const verified = await verifyTrail(de.node.deps);
      assert.equal(verified.ok, true, JSON.stringify(verified));
      const metrics = de.node.deps.metrics.render();
      assert.match(metrics, /comity_federation_inbox_rejected_total\{reason="bad_signature",authenticated="false"\} \d+/);
      const malformed = /comity_federation_inbox_rejected_total\{reason="envelope_malformed",authenticated="false"\} (\d+)/.exec(metrics);
      assert.ok(malformed && Number(malformed[1]) >= 250, metrics);
      // A trusted peer's own refused envelope is still audited, with nothing unverified in it.
      const stale = craft(fr, de, { createdAt: new Date(Date.now() - 3_600_000).toISOString() });
      assert.equal((await post(de, stale)).body.code, 'message_stale');
      assert.equal(await auditCount(de), before + 1);
      assert.equal((await verifyTrail(de.node.deps)).ok, true);
    });

    test('a message processed before gets its original receipt after the time window, once the signature verifies', async () => {
      const env = craft(fr, de, { conversationId: 'conv-late-replay' });
      const first = await post(de, env);
      assert.equal(first.status, 202);
      const realNow = de.node.deps.now;
      de.node.deps.now = () => new Date(Date.now() + 30 * 60_000);
      try {
        const again = await post(de, env);
        assert.equal(again.status, 202, JSON.stringify(again.body));
        assert.equal(again.body.duplicate, true);
        assert.deepEqual(again.body.receipt, first.body.receipt);
        // A forger replaying the id gets nothing.
        const forged = craft(fr, de, { messageId: env.header.messageId, conversationId: 'conv-late-replay' }, { text: 'x' }, generateKeyPairSync('ed25519').privateKey);
        assert.equal((await post(de, forged)).body.code, 'bad_signature');
        // A new message with an old createdAt is still stale.
        const fresh = craft(fr, de, { conversationId: 'conv-late-replay' });
        assert.equal((await post(de, fresh)).body.code, 'message_stale');
      } finally {
        de.node.deps.now = realNow;
      }
    });

    test('a forged signature learns nothing of the sender’s standing; the real sender does', async () => {
      await de.adminClient.call('POST', `/api/v1/peers/${fr.nodeId}/suspend`, { reason: 'checking' }, 200);
      try {
        const forged = craft(fr, de, {}, { text: 'x' }, generateKeyPairSync('ed25519').privateKey);
        const res = await post(de, forged);
        assert.equal(res.status, 401);
        assert.equal(res.body.code, 'bad_signature');
        assert.doesNotMatch(JSON.stringify(res.body), /suspend/i);
        // Misaddressed and forged: still only "bad signature".
        assert.equal((await post(de, craft(fr, de, { recipient: 'node-elsewhere' }, { text: 'x' }, generateKeyPairSync('ed25519').privateKey))).body.code, 'bad_signature');
        assert.equal((await post(de, craft(fr, de))).body.code, 'peer_suspended');
      } finally {
        await de.adminClient.call('POST', `/api/v1/peers/${fr.nodeId}/resume`, { reason: 'done' }, 200);
      }
    });

    test('messages carry a sequence per conversation; a gap is flagged; a failed message can be skipped so its conversation goes on', async () => {
      const alice = await makeUser(fr.adminClient, { role: 'practitioner', organisationId: (await authorityOrg(fr)).id });
      const conversationId = `note:${randomUUID()}`;
      const first = await alice.client.call<{ messageId: string }>('POST', '/api/v1/federation/notes', { peerNodeId: de.nodeId, text: 'one', conversationId }, 201);
      await waitFor('the first note', async () => (await inbound(de, conversationId)).some((m) => m.messageId === first.body.messageId));
      // A message the peer refuses for good (its payload is not a note), then one queued behind it.
      const broken = await fr.node.deps.db.transaction().execute((trx) =>
        // Due in a second, so that the next note is queued behind it before it is tried.
        enqueuePeerMessage(trx, new Date(fr.node.deps.now().getTime() + 1000), {
          peerNodeId: de.nodeId,
          type: 'message.note',
          conversationId,
          payload: { words: 'not a note' },
          senderOrganisationId: null,
        }),
      );
      const third = await alice.client.call<{ messageId: string }>('POST', '/api/v1/federation/notes', { peerNodeId: de.nodeId, text: 'three', conversationId }, 201);
      const failed = await waitFor('the refused message to fail', async () => {
        const list = await fr.adminClient.call<{ items: { messageId: string; state: string; lastError: string; sequence: number }[] }>(
          'GET',
          `/api/v1/federation/messages?direction=outbound&conversationId=${encodeURIComponent(conversationId)}`,
          undefined,
          200,
        );
        return list.body.items.find((m) => m.messageId === broken.message_id && m.state === 'failed');
      });
      assert.match(failed.lastError, /payload_invalid/);
      assert.equal(failed.sequence, 2);
      await new Promise((r) => setTimeout(r, 300));
      assert.ok(!(await inbound(de, conversationId)).some((m) => m.messageId === third.body.messageId), 'the next message waits behind the failed one');
      const waiting = await alice.client.call<{ items: { messageId: string; state: string; lastError: string | null }[] }>(
        'GET',
        `/api/v1/federation/messages?direction=outbound&conversationId=${encodeURIComponent(conversationId)}`,
        undefined,
        200,
      );
      const behind = waiting.body.items.find((m) => m.messageId === third.body.messageId);
      assert.equal(behind?.state, 'pending');
      assert.match(behind?.lastError ?? '', new RegExp(`Waiting behind message ${broken.message_id}`));
      // Only administrators skip, with a reason; the skip is audited.
      assert.equal((await alice.client.call('POST', `/api/v1/federation/messages/${broken.message_id}/skip`, { reason: 'wrong payload' })).status, 403);
      const skipped = await fr.adminClient.call<{ requeued: number }>('POST', `/api/v1/federation/messages/${broken.message_id}/skip`, { reason: 'wrong payload' }, 200);
      assert.equal(skipped.body.requeued, 0);
      const arrived = await waitFor('the third note after the skip', async () => (await inbound(de, conversationId)).find((m) => m.messageId === third.body.messageId));
      assert.equal(arrived.sequence, 3);
      assert.equal(arrived.sequenceFlag, 'gap', 'the receiver sees that number 2 never came');
      assert.equal((await inbound(de, conversationId)).find((m) => m.messageId === first.body.messageId)?.sequenceFlag, null);
      const audit = await fr.adminClient.call<{ items: { target: string; change: Json }[] }>('GET', '/api/v1/audit?action=federation.message.skip', undefined, 200);
      assert.equal(audit.body.items.find((e) => e.target === `message:${broken.message_id}`)?.change.reason, 'wrong payload');
      assert.equal((await fr.adminClient.call<{ code: string }>('POST', `/api/v1/federation/messages/${broken.message_id}/skip`, { reason: 'again' })).body.code, 'not_failed');
      // A number at or below one already received is flagged late (reordered, or sent twice under new ids).
      const late = await post(de, craft(fr, de, { conversationId, sequence: 3 }));
      assert.equal(late.status, 202);
      const lateRow = (await inbound(de, conversationId)).find((m) => m.messageId === (late.body.receipt as { receipt: { messageId: string } }).receipt.messageId);
      assert.equal(lateRow?.sequenceFlag, 'late');
      assert.equal((await post(de, craft(fr, de, { conversationId, sequence: 0 }))).body.code, 'envelope_malformed');
    });

    test('a request names the sending node’s authority and State as requesting, and this node’s State as requested', async () => {
      const frOrg = await authorityOrg(fr);
      const deOrg = await authorityOrg(de);
      const transmit = (over: { requesting?: Json; requestedState?: string; requested?: Json }) => {
        const conversationId = randomUUID();
        return craft(
          fr,
          de,
          { type: 'request.transmit', conversationId },
          {
            v: 1,
            conversationId,
            reference: 'OUT-2026-00042',
            type: 'mla',
            requesting: { organisationId: frOrg.id, name: frOrg.name, state: 'FRA', ...(over.requesting ?? {}) },
            requested: { organisationId: null, name: deOrg.name, state: 'DEU', ...(over.requested ?? {}) },
            content: {
              title: 'Bank records',
              requestedState: over.requestedState ?? 'DEU',
              offences: [],
              proceedings: {},
              persons: [],
              measures: [],
              urgency: { urgent: false },
              confidentiality: { confidential: false },
              useLimitations: {},
              language: 'en',
              marking: 'AMBER',
            },
            submittedAt: null,
            approvedAt: null,
            transmittedAt: new Date().toISOString(),
            attachments: [],
          },
        );
      };
      const cases: [string, ReturnType<typeof transmit>][] = [
        ['another authority and the USA as requesting', transmit({ requesting: { name: 'Department of Justice', state: 'USA' } })],
        ['the USA as requesting State', transmit({ requesting: { state: 'USA' } })],
        ['another authority of the same State', transmit({ requesting: { name: 'Parquet de Paris' } })],
        ['France as the requested State', transmit({ requested: { state: 'FRA' }, requestedState: 'FRA' })],
        ['France in the content only', transmit({ requestedState: 'FRA' })],
      ];
      for (const [what, env] of cases) {
        const res = await post(de, env);
        assert.equal(res.status, 422, `${what}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.code, 'payload_rejected', what);
      }
      const ok = await post(de, transmit({}));
      assert.equal(ok.status, 202, JSON.stringify(ok.body));
    });

    test('an expired card: the peer list says so, messages are refused, and the peer’s renewed card gets both out of it', async () => {
      await de.node.deps.db
        .updateTable('federation_peers')
        .set({ valid_until: new Date(Date.now() - 86_400_000) })
        .where('node_id', '=', fr.nodeId)
        .execute();
      const listed = await de.adminClient.call<{ items: { nodeId: string; status: string; expired: boolean }[] }>('GET', '/api/v1/peers', undefined, 200);
      assert.deepEqual(
        listed.body.items.filter((p) => p.nodeId === fr.nodeId).map((p) => [p.status, p.expired]),
        [['active', true]],
      );
      assert.equal((await post(de, craft(fr, de))).body.code, 'peer_card_expired');
      // France renews its card to every peer whose copy runs out within the margin.
      await fr.node.deps.db
        .updateTable('federation_peers')
        .set({ announced_card_valid_until: new Date(Date.now() + 86_400_000) })
        .where('node_id', '=', de.nodeId)
        .execute();
      const runtime = federationOf(fr.node.deps)!;
      assert.equal(await announceOwnCard(runtime), 1);
      assert.equal(await announceOwnCard(runtime), 0, 'renewed once, not again');
      await waitFor('the renewed card at the German node', async () => {
        const p = await de.adminClient.call<{ expired: boolean; validUntil: string }>('GET', `/api/v1/peers/${fr.nodeId}`, undefined, 200);
        return !p.body.expired && Date.parse(p.body.validUntil) > Date.now() + 300 * 86_400_000;
      });
      assert.equal((await post(de, craft(fr, de))).status, 202);
    });

    test('base64url must be canonical and unpadded; a low-order X25519 key is refused', async () => {
      const env = craft(fr, de);
      const cases: [string, ReturnType<typeof craft>][] = [
        ['ephemeral key, unused bits set', resign(fr, { ...env, encrypted: { ...env.encrypted, epk: nonCanonical(env.encrypted.epk) } })],
        ['nonce, padded', resign(fr, { ...env, encrypted: { ...env.encrypted, nonce: `${env.encrypted.nonce.slice(0, 14)}==` } })],
        ['ciphertext, padded', resign(fr, { ...env, encrypted: { ...env.encrypted, ciphertext: `${env.encrypted.ciphertext}=` } })],
        ['signature, padded', { ...env, signature: { ...env.signature, value: `${env.signature.value}==` } }],
      ];
      if (env.encrypted.ciphertext.length % 4 !== 0) {
        cases.push(['ciphertext, unused bits set', resign(fr, { ...env, encrypted: { ...env.encrypted, ciphertext: nonCanonical(env.encrypted.ciphertext) } })]);
      }
      for (const [what, bad] of cases) {
        const res = await post(de, bad);
        assert.equal(res.status, 400, `${what}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.code, 'envelope_malformed', what);
        assert.match(String(res.body.detail), /base64url/, what);
      }
      // The signature's own non-canonical spelling is a bad signature (the vectors say so).
      assert.equal((await post(de, { ...env, signature: { ...env.signature, value: nonCanonical(env.signature.value) } })).body.code, 'bad_signature');
      const lowOrder = await post(de, resign(fr, { ...env, encrypted: { ...env.encrypted, epk: LOW_ORDER_X25519 } }));
      assert.equal(lowOrder.body.code, 'decryption_failed');
      assert.match(String(lowOrder.body.detail), /low-order/);
      // A card whose encryption key is of low order is refused at import, with its own code.
      const card = (await fr.adminClient.call<{ card: NodeCard }>('GET', '/federation/v1/card', undefined, 200)).body.card;
      const bent: NodeCard = { ...card, keys: { ...card.keys, encryption: { alg: 'X25519', publicKey: LOW_ORDER_X25519 } } };
      const signed = { card: bent, signature: ed25519SignerFor(fr.node.deps.keys.signingPrivate).sign(cardSigningText(bent)) };
      const preview = await de.adminClient.call<{ code: string }>('POST', '/api/v1/peers/preview', { card: signed });
      assert.equal(preview.status, 400, JSON.stringify(preview.body));
      assert.equal(preview.body.code, 'card_key_invalid');
    });
  });

  describe(`federation inbox rate limits on ${backend.name}`, () => {
    let fr: FederatedTestNode;
    let ke: FederatedTestNode;
    before(async () => {
      fr = await startFederatedNode(backend as TestBackend, { name: 'Ministère de la Justice (France)', country: 'FRA' });
      ke = await startFederatedNode(backend as TestBackend, { name: 'Ministry of Justice (Kenya)', country: 'KEN', federation: { inboxRatePerAddress: 12, inboxRatePerSender: 4 } });
      await connect([fr, ke]);
    });
    after(async () => {
      await fr?.close();
      await ke?.close();
    });

    test('too many envelopes per claimed sender, then per address: 429 problem+json with Retry-After', async () => {
      const statuses: number[] = [];
      let limited: Awaited<ReturnType<typeof post>> | undefined;
      for (let i = 0; i < 6; i++) {
        const res = await post(ke, craft(fr, ke, { sender: 'node-claimed-by-junk' }));
        statuses.push(res.status);
        if (res.status === 429) limited ??= res;
      }
      assert.deepEqual(statuses, [403, 403, 403, 403, 429, 429]);
      assert.match(limited!.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.equal(limited!.body.code, 'rate_limited');
      const retryAfter = Number(limited!.headers.get('retry-after'));
      assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, String(retryAfter));
      // The real France is not held back by junk claiming another id...
      assert.equal((await post(ke, craft(fr, ke))).status, 202);
      // ...but one address gets only so many envelopes a minute, whatever they claim.
      let byAddress: Awaited<ReturnType<typeof post>> | undefined;
      for (let i = 0; i < 10 && !byAddress; i++) {
        const res = await post(ke, { hello: i });
        if (res.status === 429) byAddress = res;
      }
      assert.ok(byAddress, 'the address limit answered');
      assert.equal(byAddress.body.code, 'rate_limited');
      assert.ok(Number(byAddress.headers.get('retry-after')) >= 1);
      assert.match(ke.node.deps.metrics.render(), /comity_federation_inbox_rate_limited_total\{scope="address"\} \d+/);
    });
  });
}
