// Abuse controls of hit/no-hit (issue 13 part 3): a peer whose queries match far more of this node's
// records than usual is suspended for review, its next queries are refused with `peer_suspended` (and
// the refusal audited) until an administrator resumes the offer; the hourly identifier limit; the
// minimum fields of a query (a person needs a full date of birth besides the name the entity requires).
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { type FederatedTestNode, connect, craftEnvelope, startFederatedNode, waitFor } from '../federation/federation-testing.ts';
import { makeUser } from '../testing/test-node.ts';
import { ENUMERATION_FACTOR, ENUMERATION_FLOOR, looksLikeEnumeration } from './hits-service.ts';
import { PSI_SUITES } from '@comity/contract/hits';
import { blindIdentifiers, randomScalar } from './psi.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
type User = Awaited<ReturnType<typeof makeUser>>;

describe('enumeration: the decision', () => {
  test('a new peer is suspended only past the floor of hits in a day', () => {
    assert.equal(ENUMERATION_FLOOR, 200);
    assert.equal(looksLikeEnumeration(0, 0), false);
    assert.equal(looksLikeEnumeration(ENUMERATION_FLOOR, 0), false, 'exactly the floor is still allowed');
    assert.equal(looksLikeEnumeration(ENUMERATION_FLOOR + 1, 0), true);
  });
  test('a peer with a large usual volume is suspended only far above it', () => {
    const usual = 50; // a day, over the previous 30 days
    assert.equal(looksLikeEnumeration(ENUMERATION_FACTOR * usual, usual), false, `${ENUMERATION_FACTOR}× its usual volume is still allowed`);
    assert.equal(looksLikeEnumeration(ENUMERATION_FACTOR * usual + 1, usual), true);
    // Below the floor, a peer that usually matches little is not suspended for matching a little more.
    assert.equal(looksLikeEnumeration(150, 1), false);
  });
});

async function authorityOrg(n: FederatedTestNode): Promise<string> {
  const orgs = await n.adminClient.call<{ items: { id: string; kind: string }[] }>('GET', '/api/v1/organisations', undefined, 200);
  return orgs.body.items.find((o) => o.kind === 'central-authority')!.id;
}

/** A blinded `hits.query` from one node to the other, posted straight to the inbox. */
async function postQuery(from: FederatedTestNode, to: FederatedTestNode, identifiers: string[]) {
  const items = blindIdentifiers(identifiers, randomScalar());
  const payload = { queryId: randomUUID(), kind: 'identifiers', suite: PSI_SUITES[0], page: 0, pages: 1, total: items.length, items };
  const env = craftEnvelope(from, to, { type: 'hits.query', conversationId: `hits:${payload.queryId}` }, payload);
  const res = await fetch(`${to.url}/federation/v1/inbox`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(env) });
  return { res, body: (await res.json()) as Json, messageId: env.header.messageId, queryId: payload.queryId };
}

for (const backend of testBackends()) {
  describe(`hit/no-hit abuse controls on ${backend.name}`, () => {
    let fr: FederatedTestNode;
    let de: FederatedTestNode;
    let frLead: User;
    let deLead: User;
    let frCase: Json;
    let deAccount: string;
    let deOrg: string;

    const add = async (u: User, caseId: string, body: Json) => (await u.client.call<Json>('POST', `/api/v1/cases/${caseId}/entities`, body, 201)).body.id as string;
    const offerOf = async (n: FederatedTestNode, peer: string) => (await n.adminClient.call<{ items: Json[] }>('GET', '/api/v1/hits/offers', undefined, 200)).body.items.find((o) => o.peerNodeId === peer)!;
    const audited = async (n: FederatedTestNode, action: string) => n.node.deps.db.selectFrom('audit_entries').select(['action', 'target', 'change']).where('action', '=', action).execute();

    before(async () => {
      fr = await startFederatedNode(backend, { name: 'Parquet national financier (France)', country: 'FRA' });
      de = await startFederatedNode(backend, { name: 'Bundeskriminalamt (Germany)', country: 'DEU' });
      await connect([fr, de]);
      frLead = await makeUser(fr.adminClient, { role: 'supervisor', organisationId: await authorityOrg(fr) });
      deOrg = await authorityOrg(de);
      deLead = await makeUser(de.adminClient, { role: 'supervisor', organisationId: deOrg });
      frCase = (await frLead.client.call<Json>('POST', '/api/v1/cases', { title: 'Opération Lagune', marking: 'AMBER' }, 201)).body;
      await add(frLead, frCase.id, { schema: 'BankAccount', properties: { iban: ['DE89 3704 0044 0532 0130 00'] } });
      const deCase = (await deLead.client.call<Json>('POST', '/api/v1/cases', { title: 'Verfahren Nordwind', marking: 'AMBER' }, 201)).body;
      deAccount = await add(deLead, deCase.id, { schema: 'BankAccount', properties: { iban: ['DE89370400440532013000'] } });
      const offer = { schemas: ['BankAccount', 'Person'], maxTlp: 'AMBER' };
      await fr.adminClient.call('PUT', `/api/v1/hits/offers/${de.nodeId}`, offer, 200);
      await de.adminClient.call('PUT', `/api/v1/hits/offers/${fr.nodeId}`, offer, 200);
    });
    after(async () => {
      await fr?.close();
      await de?.close();
    });

    test('a peer matching far more than usual is suspended; its queries are refused until an administrator resumes it', async () => {
      // France's queries matched ENUMERATION_FLOOR of Germany's records two hours ago (seeded: 200 real
      // queries would hit the hourly limits); France has no history before that day.
      const seeded = randomUUID();
      const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
      await de.node.deps.db
        .insertInto('hit_queries')
        .values({
          id: seeded,
          direction: 'received',
          peer_node_id: fr.nodeId,
          organisation_id: null,
          case_id: null,
          kind: 'identifiers',
          state: 'matched',
          item_count: ENUMERATION_FLOOR,
          offered_count: 1,
          hit_count: ENUMERATION_FLOOR,
          secret: null,
          entity_ids: JSON.stringify([deAccount]),
          created_by: null,
          created_at: twoHoursAgo,
          updated_at: twoHoursAgo,
        })
        .execute();
      await de.node.deps.db
        .insertInto('hits')
        .values(
          Array.from({ length: ENUMERATION_FLOOR }, () => ({
            id: randomUUID(),
            query_id: seeded,
            peer_node_id: fr.nodeId,
            organisation_id: deOrg,
            entity_id: deAccount,
            contact_reference: randomBytes(16).toString('base64url'),
            state: 'pending',
            own_disclosure: null,
            decided_by: null,
            decided_at: null,
            peer_disclosure: null,
            created_at: twoHoursAgo,
            updated_at: twoHoursAgo,
          })),
        )
        .execute();
      assert.equal((await offerOf(de, fr.nodeId)).suspendedAt, null, 'at the floor France is not suspended');

      // One more real hit (France's "check with peers" finds Germany's account) crosses the floor.
      await frLead.client.call<Json>('POST', '/api/v1/hits/queries', { caseId: frCase.id }, 202);
      const offer = await waitFor('France suspended on the German node', async () => {
        const o = await offerOf(de, fr.nodeId);
        return o.suspendedAt && o;
      });
      assert.match(offer.suspendedReason, new RegExp(`^${ENUMERATION_FLOOR + 1} hits in 24 hours against a usual 0\\.0 a day$`));
      const suspensions = await audited(de, 'hits.peer.suspend');
      assert.equal(suspensions.length, 1);
      assert.equal(suspensions[0]!.target, `peer:${fr.nodeId}`);
      // The hit that crossed the floor is still recorded on both nodes: the suspension applies to what follows.
      await waitFor('the hit on the French node', async () => (await frLead.client.call<{ items: Json[] }>('GET', '/api/v1/hits', undefined, 200)).body.items.length === 1);

      // France's next query is refused, as problem+json, and the refusal is audited on the German node.
      const refused = await postQuery(fr, de, ['iban:DE89370400440532013000']);
      assert.equal(refused.res.status, 422);
      assert.match(refused.res.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.equal(refused.body.code, 'payload_rejected');
      assert.equal(refused.body.cause, 'peer_suspended');
      assert.match(refused.body.detail ?? '', /suspended for review/);
      const rejects = (await audited(de, 'federation.inbox.reject')).filter((e) => e.target.includes(refused.messageId));
      assert.equal(rejects.length, 1);
      assert.equal(await de.node.deps.db.selectFrom('hit_queries').select('id').where('id', '=', refused.queryId).executeTakeFirst(), undefined, 'nothing of the refused query is stored');
      // Still refused later: the suspension waits for a person.
      assert.equal((await postQuery(fr, de, ['iban:DE89370400440532013000'])).res.status, 422);

      // A supervisor cannot lift it; the administrator resumes the offer (audited), and queries are taken again.
      await deLead.client.call('PUT', `/api/v1/hits/offers/${fr.nodeId}`, { schemas: ['BankAccount'], maxTlp: 'AMBER', resume: true }, 403);
      const resumed = await de.adminClient.call<Json>('PUT', `/api/v1/hits/offers/${fr.nodeId}`, { schemas: ['BankAccount', 'Person'], maxTlp: 'AMBER', resume: true }, 200);
      assert.equal(resumed.body.suspendedAt, null);
      assert.equal(resumed.body.suspendedReason, null);
      const sets = await audited(de, 'hits.offer.set');
      assert.ok(sets.some((e) => (e.change as Json).resumed === true), 'the resume is audited as such');
      const taken = await postQuery(fr, de, ['iban:DE89370400440532013000']);
      assert.equal(taken.res.status, 202, JSON.stringify(taken.body));
      assert.ok(await de.node.deps.db.selectFrom('hit_queries').select('id').where('id', '=', taken.queryId).executeTakeFirst());
    });

    test('a query over the peer’s hourly identifier limit is refused; one within it is taken', async () => {
      const used = Number(
        (
          await de.node.deps.db
            .selectFrom('hit_queries')
            .select((eb) => eb.fn.sum<string>('item_count').as('n'))
            .where('peer_node_id', '=', fr.nodeId)
            .where('direction', '=', 'received')
            .where('created_at', '>=', new Date(Date.now() - 3_600_000))
            .executeTakeFirstOrThrow()
        ).n,
      );
      // Queries sent by "check with peers" travel padded to a bucket of 1,000 and count so: the answerer cannot tell dummies.
      assert.ok(used >= 1000 && used % 1000 <= 2, `France used ${used} identifiers this hour`);
      const cap = used + 10;
      await de.adminClient.call('PUT', `/api/v1/hits/offers/${fr.nodeId}`, { schemas: ['BankAccount'], maxTlp: 'AMBER', maxItemsPerHour: cap }, 200);
      const left = cap - used;
      const ids = Array.from({ length: left + 1 }, (_, i) => `phone:+4915${String(i).padStart(9, '0')}`);
      const over = await postQuery(fr, de, ids);
      assert.equal(over.res.status, 422);
      assert.equal(over.body.cause, 'hits_rate_limited');
      assert.match(over.body.detail ?? '', new RegExp(`${cap} identifiers an hour`));
      assert.equal(await de.node.deps.db.selectFrom('hit_queries').select('id').where('id', '=', over.queryId).executeTakeFirst(), undefined);
      const within = await postQuery(fr, de, ids.slice(0, left));
      assert.equal(within.res.status, 202, JSON.stringify(within.body));
    });

    test('a person needs a full date of birth to be sent: a case of people without one is refused', async () => {
      const c = (await frLead.client.call<Json>('POST', '/api/v1/cases', { title: 'Personnes', marking: 'AMBER' }, 201)).body;
      await add(frLead, c.id, { schema: 'Person', properties: { name: ['Ivan Petrov'] } });
      await add(frLead, c.id, { schema: 'Person', properties: { name: ['Olga Smirnova'], birthDate: ['1985'] } });
      const before = await fr.node.deps.db.selectFrom('hit_queries').select('id').execute();
      const refused = await frLead.client.call<Json>('POST', '/api/v1/hits/queries', { caseId: c.id }, 400);
      assert.equal(refused.body.code, 'too_few_fields');
      assert.match(refused.body.detail, /0 person\(s\) with a name and a date of birth/);
      assert.equal((await fr.node.deps.db.selectFrom('hit_queries').select('id').execute()).length, before.length, 'no query is stored');
      // With the date completed, the one complete person is sent (as a names query only).
      await add(frLead, c.id, { schema: 'Person', properties: { name: ['Olga Smirnova'], birthDate: ['1985-07-12'] } });
      const sent = await frLead.client.call<Json>('POST', '/api/v1/hits/queries', { caseId: c.id }, 202);
      assert.equal(sent.body.queries.length, 1);
      const q = (await frLead.client.call<{ items: Json[] }>('GET', `/api/v1/hits/queries?caseId=${c.id}`, undefined, 200)).body.items;
      assert.deepEqual(
        q.map((x) => [x.kind, x.items]),
        [['names', 1]],
      );
    });

    // The 24-hour window starts at the resume: the hits that caused the suspension were reviewed then,
    // so the peer's next hit does not suspend it again at once.
    test('after a resume, the peer’s next hit does not suspend it again at once', async () => {
      await de.adminClient.call('PUT', `/api/v1/hits/offers/${fr.nodeId}`, { schemas: ['BankAccount', 'Person'], maxTlp: 'AMBER', resume: true }, 200);
      const before = (await frLead.client.call<{ items: Json[] }>('GET', '/api/v1/hits', undefined, 200)).body.items.length;
      await frLead.client.call<Json>('POST', '/api/v1/hits/queries', { caseId: frCase.id, kinds: ['identifiers'] }, 202);
      await waitFor('the new hit on the French node', async () => (await frLead.client.call<{ items: Json[] }>('GET', '/api/v1/hits', undefined, 200)).body.items.length > before);
      await waitFor('Germany recorded its side of the hit', async () => (await de.node.deps.db.selectFrom('hits').select('id').where('peer_node_id', '=', fr.nodeId).execute()).length >= ENUMERATION_FLOOR + 2);
      assert.equal((await offerOf(de, fr.nodeId)).suspendedAt, null);
    });
  });
}
