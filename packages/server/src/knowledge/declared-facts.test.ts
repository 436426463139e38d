// Facts declared by a State's own node, end to end over two (then three) real nodes: France's
// administrator drafts a France–Brazil treaty, a central authority and a declaration; a second
// person approves (four eyes); the signed facts travel as `knowledge.facts`; Brazil's node answers
// France → Brazil with the treaty first, carrying the provenance. A node declaring another State's
// facts is refused, on its own node and at the receiver; a peer trusted later gets the facts.
import assert from 'node:assert/strict';
import { sign } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { type DeclaredFacts, declaredFactsSigningText } from '@comity/core/knowledge/declared-facts';
import { testBackends } from '@comity/db/testing';
import { craftEnvelope, type FederatedTestNode, connect, startFederatedNode, waitFor } from '../federation/federation-testing.ts';
import { makeUser } from '../testing/test-node.ts';
import { listDeclaredCentralAuthorities } from './declared-facts-service.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;

const TREATY = {
  id: 'FRA-BRA-MLA-1996',
  title: 'Agreement on mutual legal assistance in criminal matters between France and Brazil (test data)',
  kind: 'bilateral',
  parties: ['FRA', 'BRA'],
  signed: '1996-05-28',
  entryIntoForce: '2000-09-01',
  offences: ['*any-offence'],
  cooperation: { mla: { articles: ['1', '3'] } },
  articles: [
    { number: '1', heading: 'Obligation to grant assistance' },
    { number: '3', heading: 'Central authorities' },
  ],
};

function content(over: Json = {}): Json {
  return {
    treaties: [TREATY],
    centralAuthorities: [
      {
        instrument: 'FRA-BRA-MLA-1996',
        name: 'Bureau de l’entraide pénale internationale',
        address: '13 place Vendôme, 75001 Paris',
        channels: ['central-authority', 'email'],
        languages: ['fr', 'pt'],
      },
    ],
    languages: ['fr', 'en'],
    channels: ['central-authority', 'diplomatic'],
    declarations: [{ instrument: 'UNTOC', article: '16(5)', effect: 'treaty-basis-for-extradition', text: 'France takes this Convention as the legal basis for extradition with other States Parties.' }],
    // A date the depositary files do not have: listed as a disagreement, never answered from.
    participations: [{ instrument: 'UNTOC', consentKind: 'ratification', consent: '2001-01-01', entryIntoForce: null }],
    ...over,
  };
}

for (const backend of testBackends()) {
  describe(`declared facts between nodes on ${backend.name}`, () => {
    let fr: FederatedTestNode;
    let br: FederatedTestNode;
    let supervisor: Awaited<ReturnType<typeof makeUser>>;
    before(async () => {
      fr = await startFederatedNode(backend, { name: 'Ministère de la Justice (France)', country: 'FRA' });
      br = await startFederatedNode(backend, { name: 'Ministério da Justiça (Brasil)', country: 'BRA' });
      await connect([fr, br]);
      const orgs = await fr.adminClient.call<{ items: { id: string; kind: string }[] }>('GET', '/api/v1/organisations', undefined, 200);
      supervisor = await makeUser(fr.adminClient, { role: 'supervisor', organisationId: orgs.body.items.find((o) => o.kind === 'central-authority')!.id });
    });
    after(async () => {
      await fr?.close();
      await br?.close();
    });

    test('bad drafts are refused with problem+json and nothing is stored', async () => {
      const foreign = await fr.adminClient.raw('PUT', '/api/v1/knowledge/facts/draft', {
        body: JSON.stringify(content({ treaties: [{ ...TREATY, id: 'DEU-ARG-EXT-2001', parties: ['DEU', 'ARG'] }], centralAuthorities: [] })),
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(foreign.status, 400, foreign.text);
      assert.match(foreign.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.equal(JSON.parse(foreign.text).code, 'facts_for_other_state');
      const badDate = await fr.adminClient.raw('PUT', '/api/v1/knowledge/facts/draft', {
        body: JSON.stringify(content({ treaties: [{ ...TREATY, entryIntoForce: '2000-02-30' }] })),
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(badDate.status, 400, badDate.text);
      assert.match(badDate.headers.get('content-type') ?? '', /application\/problem\+json/);
      const article = await fr.adminClient.raw('PUT', '/api/v1/knowledge/facts/draft', {
        body: JSON.stringify(content({ treaties: [{ ...TREATY, cooperation: { mla: { articles: ['9'] } } }] })),
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(article.status, 400, article.text);
      assert.equal(JSON.parse(article.text).code, 'unknown_article');
      const practitioner = await makeUser(fr.adminClient, { role: 'practitioner', organisationId: supervisor.organisationId });
      await practitioner.client.call('PUT', '/api/v1/knowledge/facts/draft', content(), 403);
      const own = await fr.adminClient.call<Json>('GET', '/api/v1/knowledge/facts/own', undefined, 200);
      assert.equal(own.body.draft, null);
      assert.equal(own.body.published, null);
      assert.equal(own.body.state, 'FRA');
    });

    test('drafted, approved by a second person, published and used by the peer with its provenance', async () => {
      const saved = await fr.adminClient.call<Json>('PUT', '/api/v1/knowledge/facts/draft', content(), 200);
      assert.equal(saved.body.draft.status, 'draft');
      // Nothing is published before approval, and an unsubmitted draft cannot be approved.
      await supervisor.client.call('POST', '/api/v1/knowledge/facts/draft/approve', {}, 409);
      await fr.adminClient.call('POST', '/api/v1/knowledge/facts/draft/submit', {}, 200);
      // Four eyes: the administrator who prepared it cannot approve it.
      const self = await fr.adminClient.call<Json>('POST', '/api/v1/knowledge/facts/draft/approve', {}, 403);
      assert.equal(self.body.code, 'four_eyes');
      const approved = await supervisor.client.call<Json>('POST', '/api/v1/knowledge/facts/draft/approve', { note: 'Checked against the Journal officiel' }, 200);
      assert.equal(approved.body.draft, null);
      assert.equal(approved.body.published.facts.facts.version, 1);
      assert.equal(approved.body.published.submittedBy, fr.admin.email);
      assert.equal(approved.body.published.approvedBy, supervisor.email);
      const provenance = approved.body.published.provenance as string;
      assert.match(provenance, new RegExp(`^declared by Ministère de la Justice \\(France\\) \\(FRA\\), node ${fr.nodeId}, signed on \\d{4}-\\d{2}-\\d{2}$`));

      // The audit trail holds each step and still verifies.
      const audit = await fr.adminClient.call<{ items: { action: string }[] }>('GET', '/api/v1/audit?limit=200', undefined, 200);
      const actions = audit.body.items.map((e) => e.action);
      for (const a of ['knowledge.facts.draft', 'knowledge.facts.submit', 'knowledge.facts.publish']) assert.ok(actions.includes(a), a);
      assert.equal((await fr.adminClient.call<Json>('GET', '/api/v1/audit/verify', undefined, 200)).body.ok, true);

      // Brazil's node: France → Brazil, MLA, corruption, answered with the declared treaty first.
      const answer = await waitFor('the declared treaty in Brazil’s answer', async () => {
        const r = await br.adminClient.call<Json>('GET', '/api/v1/legal-basis?requesting=FRA&requested=BRA&type=mla&offence=corruption', undefined, 200);
        return r.body.bases.some((b: Json) => b.instrument === TREATY.id) ? r.body : undefined;
      });
      const first = answer.bases[0];
      assert.equal(first.instrument, TREATY.id);
      assert.equal(first.outcome, 'applicable');
      assert.equal(first.kind, 'bilateral');
      assert.equal(first.status.requesting.source, provenance);
      assert.equal(first.status.requested.source, provenance);
      assert.equal(first.status.requested.since, '2000-09-01');
      assert.equal(answer.headline.params.instrument, TREATY.id);
      assert.ok(first.reservations.some((r: Json) => r.effect === 'central-authority' && r.source === provenance && /Bureau de l’entraide/.test(r.description)));
      // Before the treaty entered into force it is not a basis.
      const before2000 = await br.adminClient.call<Json>('GET', '/api/v1/legal-basis?requesting=FRA&requested=BRA&type=mla&offence=corruption&date=1999-01-01', undefined, 200);
      assert.ok(!before2000.body.bases.some((b: Json) => b.instrument === TREATY.id));

      // The facts in use, the country profile and the disagreement with the depositary data.
      const list = await br.adminClient.call<{ items: Json[] }>('GET', '/api/v1/knowledge/facts?state=FRA', undefined, 200);
      assert.equal(list.body.items.length, 1);
      assert.equal(list.body.items[0]!.nodeId, fr.nodeId);
      assert.equal(list.body.items[0]!.own, false);
      const profile = await br.adminClient.call<Json>('GET', '/api/v1/countries/FRA', undefined, 200);
      assert.equal(profile.body.declared[0].provenance, provenance);
      assert.ok(profile.body.party.some((p: Json) => p.instrument === 'UNTOC' && p.source !== provenance), 'the depositary data is what the profile answers from');
      const disagreements = await br.adminClient.call<{ items: Json[] }>('GET', '/api/v1/knowledge/facts/disagreements', undefined, 200);
      const d = disagreements.body.items.find((x) => x.instrument === 'UNTOC' && x.state === 'FRA');
      assert.ok(d, JSON.stringify(disagreements.body.items));
      assert.equal(d.kind, 'different-dates');
      assert.equal(d.provenance, provenance);
      assert.ok(profile.body.disagreements.some((x: Json) => x.instrument === 'UNTOC'));

      // The function the authority directory uses.
      const authorities = await listDeclaredCentralAuthorities(br.node.deps.db, { state: 'FRA' });
      assert.equal(authorities.length, 1);
      assert.equal(authorities[0]!.instrument, TREATY.id);
      assert.equal(authorities[0]!.nodeId, fr.nodeId);
      assert.equal(authorities[0]!.provenance, provenance);
      assert.deepEqual(await listDeclaredCentralAuthorities(br.node.deps.db, { state: 'BRA' }), []);
      // ...and the directory a drafter picks the requested authority from.
      const directory = await br.adminClient.call<{ items: Json[] }>('GET', '/api/v1/authorities?state=FRA&source=node-declaration', undefined, 200);
      assert.equal(directory.body.items.length, 1, JSON.stringify(directory.body.items));
      assert.equal(directory.body.items[0]!.name, 'Bureau de l’entraide pénale internationale');
      assert.equal(directory.body.items[0]!.provenance, provenance);
      assert.equal(directory.body.items[0]!.selectable, true);
      const received = await br.adminClient.call<{ items: { action: string }[] }>('GET', '/api/v1/audit?limit=200', undefined, 200);
      assert.ok(received.body.items.some((e) => e.action === 'knowledge.facts.receive'));
      assert.equal((await br.adminClient.call<Json>('GET', '/api/v1/audit/verify', undefined, 200)).body.ok, true);
    });

    test('a peer trusted after publication receives the current facts', async () => {
      const ar = await startFederatedNode(backend, { name: 'Ministerio de Justicia (Argentina)', country: 'ARG' });
      try {
        await connect([fr, ar]);
        const got = await waitFor('France’s facts at the new peer', async () => {
          const r = await ar.adminClient.call<{ items: Json[] }>('GET', '/api/v1/knowledge/facts?state=FRA', undefined, 200);
          return r.body.items[0];
        });
        assert.equal(got.version, 1);
        assert.equal(got.facts.treaties[0].id, TREATY.id);
      } finally {
        await ar.close();
      }
    });

    test('facts a node declares for another State are refused by the receiver', async () => {
      const facts: DeclaredFacts = {
        v: 1,
        nodeId: fr.nodeId,
        state: 'DEU',
        authority: 'Ministère de la Justice (France)',
        version: 7,
        signedAt: new Date().toISOString(),
        treaties: [{ ...(TREATY as unknown as DeclaredFacts['treaties'][number]), id: 'DEU-BRA-MLA-2001', parties: ['DEU', 'BRA'] }],
        centralAuthorities: [],
        languages: [],
        channels: [],
        declarations: [],
        participations: [],
      };
      const signature = sign(null, Buffer.from(declaredFactsSigningText(facts)), fr.node.deps.keys.signingPrivate).toString('base64url');
      const send = async (f: DeclaredFacts, sig: string) => {
        const env = craftEnvelope(fr, br, { type: 'knowledge.facts' as never, conversationId: `facts:${fr.nodeId}`, marking: 'CLEAR' }, { facts: { facts: f, signature: sig } });
        const res = await fetch(`${br.url}/federation/v1/inbox`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(env) });
        return { status: res.status, body: (await res.json()) as Json };
      };
      const other = await send(facts, signature);
      assert.equal(other.status, 422, JSON.stringify(other.body));
      assert.equal(other.body.code, 'payload_rejected');
      assert.match(other.body.detail, /only declare facts for its own State/);
      // France's own State, a treaty Germany and Brazil made: refused too.
      const own = { ...facts, state: 'FRA' };
      const res = await send(own, sign(null, Buffer.from(declaredFactsSigningText(own)), fr.node.deps.keys.signingPrivate).toString('base64url'));
      assert.equal(res.status, 422);
      assert.match(res.body.detail, /FRA is not a party/);
      // A signature that is not the node's over these facts.
      const forged = await send({ ...own, treaties: [] }, signature);
      assert.equal(forged.status, 422);
      assert.match(forged.body.detail, /not signed by the sending node/);
      // Nothing changed: Brazil still holds France's version 1.
      const list = await br.adminClient.call<{ items: Json[] }>('GET', '/api/v1/knowledge/facts?state=FRA', undefined, 200);
      assert.equal(list.body.items[0]!.version, 1);
    });
  });
}
