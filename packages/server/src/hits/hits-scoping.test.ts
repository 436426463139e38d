// The hit inbox is the case's: a hit on a record is seen (and decided) by the team of the record's
// case and the supervisors of its organisation; a colleague of the same organisation outside the
// team gets 404 for it, as for the case. A hit raises a notification for exactly those people.
// Reveal and decline are transmissions the release policy decides: a record taken from another
// authority's AMBER material may not be revealed, and the refusal is audited.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
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
  describe(`hit inbox scoping and release policy on ${backend.name}`, () => {
    let fr: FederatedTestNode;
    let de: FederatedTestNode;
    let frLead: User;
    let frColleague: User;
    let frSupervisor: User;
    let deLead: User;
    let frCase: Json;
    const ids: Record<string, string> = {};
    const add = async (u: User, caseId: string, body: Json) => (await u.client.call<Json>('POST', `/api/v1/cases/${caseId}/entities`, body, 201)).body.id as string;
    const hitsOf = async (u: User) => (await u.client.call<{ items: Json[] }>('GET', '/api/v1/hits', undefined, 200)).body.items;
    const notificationsOf = async (u: User) => (await u.client.call<{ items: Json[] }>('GET', '/api/v1/notifications', undefined, 200)).body.items.filter((n) => n.kind === 'hit-recorded');

    before(async () => {
      fr = await startFederatedNode(backend, { name: 'Parquet national financier (France)', country: 'FRA' });
      de = await startFederatedNode(backend, { name: 'Bundeskriminalamt (Germany)', country: 'DEU' });
      await connect([fr, de]);
      const frOrg = await authorityOrg(fr);
      frLead = await makeUser(fr.adminClient, { role: 'practitioner', organisationId: frOrg });
      frColleague = await makeUser(fr.adminClient, { role: 'practitioner', organisationId: frOrg });
      frSupervisor = await makeUser(fr.adminClient, { role: 'supervisor', organisationId: frOrg });
      deLead = await makeUser(de.adminClient, { role: 'supervisor', organisationId: await authorityOrg(de) });

      frCase = (await frLead.client.call<Json>('POST', '/api/v1/cases', { title: 'Opération Lagune', reference: 'PNF-2026-0077', marking: 'AMBER' }, 201)).body;
      ids.account = await add(frLead, frCase.id, { schema: 'BankAccount', properties: { iban: ['DE89 3704 0044 0532 0130 00'] } });
      ids.vessel = await add(frLead, frCase.id, { schema: 'Vessel', properties: { name: ['Lagune Star'], imoNumber: ['9074729'] } });
      const deCase = (await deLead.client.call<Json>('POST', '/api/v1/cases', { title: 'Verfahren', marking: 'AMBER' }, 201)).body;
      await add(deLead, deCase.id, { schema: 'BankAccount', properties: { iban: ['DE89370400440532013000'] } });
      await add(deLead, deCase.id, { schema: 'Vessel', properties: { name: ['Nordwind'], imoNumber: ['IMO 9074729'] } });
      const offer = { schemas: ['BankAccount', 'Vessel'], maxTlp: 'AMBER' };
      await fr.adminClient.call('PUT', `/api/v1/hits/offers/${de.nodeId}`, offer, 200);
      await de.adminClient.call('PUT', `/api/v1/hits/offers/${fr.nodeId}`, offer, 200);
      await frLead.client.call('POST', '/api/v1/hits/queries', { caseId: frCase.id }, 202);
      await waitFor('two hits for the case team', async () => (await hitsOf(frLead)).length >= 2);
    });
    after(async () => {
      await fr?.close();
      await de?.close();
    });

    test('the case team and the supervisors see the hits; a colleague outside the team gets nothing and 404', async () => {
      const mine = await hitsOf(frLead);
      assert.deepEqual(mine.map((h) => h.entityId).sort(), [ids.account, ids.vessel].sort());
      assert.equal((await hitsOf(frSupervisor)).length, 2);
      assert.deepEqual(await hitsOf(frColleague), [], 'no hit (nor its record name) for someone outside the case team');
      const hit = mine[0]!;
      assert.equal((await frLead.client.call<Json>('GET', `/api/v1/hits/${hit.id}`, undefined, 200)).body.contactReference, hit.contactReference);
      const missing = await frColleague.client.call<Json>('GET', `/api/v1/hits/${hit.id}`, undefined, 404);
      assert.match(missing.headers.get('content-type') ?? '', /application\/problem\+json/);
      await frColleague.client.call('POST', `/api/v1/hits/${hit.id}/decline`, {}, 404);
      await frColleague.client.call('POST', `/api/v1/hits/${hit.id}/reveal`, { caseReference: 'x', contact: 'y' }, 404);
      // The progress of the case's queries is the team's too.
      assert.equal((await frLead.client.call<{ items: Json[] }>('GET', `/api/v1/hits/queries?caseId=${frCase.id}`, undefined, 200)).body.items.length, 1);
      assert.deepEqual((await frColleague.client.call<{ items: Json[] }>('GET', `/api/v1/hits/queries?caseId=${frCase.id}`, undefined, 200)).body.items, []);
    });

    test('each hit notifies the case team and the supervisors, naming only the authority and the contact reference', async () => {
      const lead = await notificationsOf(frLead);
      assert.equal(lead.length, 2);
      assert.equal((await notificationsOf(frSupervisor)).length, 2);
      assert.equal((await notificationsOf(frColleague)).length, 0);
      const refs = (await hitsOf(frLead)).map((h) => h.contactReference).sort();
      assert.deepEqual(lead.map((n) => n.params.contactReference).sort(), refs);
      for (const n of lead) {
        assert.equal(n.params.authority, 'Bundeskriminalamt (Germany)');
        assert.ok(!JSON.stringify(n).includes('Lagune'), 'the notification does not name the record');
      }
      // The answering node's owners are told too.
      assert.equal((await notificationsOf(deLead)).length, 2);
    });

    test('backtracking across nodes: a seizure’s vessel is checked with peers and its hits show on the seizure', async () => {
      const seizure = {
        occurredAt: '2026-03-02',
        country: 'FRA',
        place: 'Port de Marseille',
        locationKind: 'seaport',
        authority: 'Douane — Marseille',
        detectionMethod: 'x-ray',
        conveyanceType: 'vessel',
        conveyance: { vesselName: 'Lagune Star', vesselImo: 'IMO 9074729' },
        items: [{ domain: 'tobacco', productType: 'cigarettes', brand: 'Manchester', quantity: 100000, unit: 'sticks' }],
        iccsCode: '1003',
      };
      const linked = (await frLead.client.call<Json>('POST', '/api/v1/seizures', { ...seizure, caseId: frCase.id }, 201)).body;
      const loose = (await frLead.client.call<Json>('POST', '/api/v1/seizures', seizure, 201)).body;
      assert.equal((await frLead.client.call<Json>('POST', `/api/v1/seizures/${loose.id}/peer-check`, {}, 400)).body.code, 'no_case');
      const before = (await frLead.client.call<{ items: Json[] }>('GET', `/api/v1/hits/queries?caseId=${frCase.id}`, undefined, 200)).body.items.length;
      const started = await frLead.client.call<Json>('POST', `/api/v1/seizures/${linked.id}/peer-check`, {}, 202);
      assert.equal(started.body.queries.length, 1);
      const q = await waitFor('the seizure’s query answered', async () => {
        const items = (await frLead.client.call<{ items: Json[] }>('GET', `/api/v1/hits/queries?caseId=${frCase.id}`, undefined, 200)).body.items;
        const mine = items.find((x) => x.id === started.body.queries[0]);
        return items.length > before && mine?.state === 'answered' && mine;
      });
      assert.equal(q.items, 1, 'only the vessel of the seizure was sent, not the case’s account');
      assert.equal(q.hits, 1);
      const onSeizure = (await frLead.client.call<{ items: Json[] }>('GET', `/api/v1/seizures/${linked.id}/peer-hits`, undefined, 200)).body.items;
      assert.ok(onSeizure.length >= 1);
      for (const h of onSeizure) assert.equal(h.entityId, ids.vessel, 'only hits on the seizure’s shared elements');
      assert.ok((await hitsOf(frLead)).some((h) => h.id === onSeizure[0]!.id), 'the same hit is in the inbox');
      // A colleague outside the case team cannot reach the seizure's hits, nor check it.
      await frColleague.client.call('GET', `/api/v1/seizures/${linked.id}/peer-hits`, undefined, 404);
      await frColleague.client.call('POST', `/api/v1/seizures/${linked.id}/peer-check`, {}, 404);
    });

    test('a reveal the release policy refuses is a 403, audited, and nothing is sent or decided', async () => {
      const hit = (await hitsOf(frLead)).find((h) => h.entityId === ids.account)!;
      // The account came from material another authority marked TLP:AMBER (its originator is a peer):
      // passing anything about it on needs that authority's agreement.
      const foreign = {
        tlp: 'AMBER',
        handling: 'H0',
        handlingNotes: [],
        originators: [{ nodeId: 'urn:comity:node:it-roma', organisationId: null, name: 'Procura di Roma', state: 'ITA' }],
        limitations: { speciality: null, confidential: false, permittedUses: null, reviewOn: null, notes: [] },
      };
      await fr.node.deps.db.updateTable('entities').set({ marking: JSON.stringify(foreign) }).where('id', '=', ids.account!).execute();
      const sentBefore = await fr.node.deps.db.selectFrom('outbox').select('id').where('type', '=', 'hits.disclosure').execute();
      const refused = await frLead.client.call<Json>('POST', `/api/v1/hits/${hit.id}/reveal`, { caseReference: 'PNF-2026-0077', contact: 'Bureau 3' }, 403);
      assert.equal(refused.body.code, 'policy_denied');
      assert.equal(refused.body.rule, 'tlp-amber-onward');
      await frLead.client.call('POST', `/api/v1/hits/${hit.id}/decline`, {}, 403);
      const denials = await fr.node.deps.db.selectFrom('audit_entries').select(['action', 'target']).where('action', '=', 'policy.deny').where('target', '=', `hit:${hit.id}`).execute();
      assert.equal(denials.length, 2, 'both refusals are audited against the hit');
      assert.equal((await frLead.client.call<Json>('GET', `/api/v1/hits/${hit.id}`, undefined, 200)).body.state, 'pending');
      const sentAfter = await fr.node.deps.db.selectFrom('outbox').select('id').where('type', '=', 'hits.disclosure').execute();
      assert.equal(sentAfter.length, sentBefore.length, 'nothing went to the peer');

      // The vessel is the authority's own: the team's reveal goes through and is audited.
      const vessel = (await hitsOf(frLead)).find((h) => h.entityId === ids.vessel)!;
      assert.equal((await frLead.client.call<Json>('POST', `/api/v1/hits/${vessel.id}/reveal`, { caseReference: 'PNF-2026-0077', contact: 'Bureau 3' }, 200)).body.state, 'revealed');
      const reveals = await fr.node.deps.db.selectFrom('audit_entries').select('action').where('action', '=', 'hits.hit.reveal').where('target', '=', `hit:${vessel.id}`).execute();
      assert.equal(reveals.length, 1);
    });
  });
}
