// Phone numbers and e-mail addresses as exact identifiers: a number or address known on its own is an
// FtM UserAccount on the case (its `number` or `email`); a person's or company's are its `phone` and
// `email` properties. Between two nodes the same number written two ways and the same address in
// another case are hits on both sides; an invalid value is refused when the entity is saved; neither
// the number nor the address crosses in clear.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { type FederatedTestNode, connect, startFederatedNode, waitFor } from '../federation/federation-testing.ts';
import { makeUser } from '../testing/test-node.ts';
import { entityIdentifiers } from './hits-service.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
type User = Awaited<ReturnType<typeof makeUser>>;

test('the identifiers of a UserAccount, a person and a company include their phone numbers and e-mail addresses, normalised', () => {
  assert.deepEqual(entityIdentifiers('UserAccount', { username: ['burner'], number: ['0044 20 7946 0958'], email: [' Tips@Example.ORG'] }), ['phone:+442079460958', 'email:tips@example.org']);
  assert.deepEqual(entityIdentifiers('Person', { name: ['A'], phone: ['+33 6 12 34 56 78'], email: ['a@example.fr', 'not an address'] }), ['phone:+33612345678', 'email:a@example.fr']);
  assert.deepEqual(entityIdentifiers('Company', { name: ['B'], email: ['contact@example.com'] }), ['email:contact@example.com']);
  assert.deepEqual(entityIdentifiers('UserAccount', { username: ['someone'], service: ['Telegram'] }), [], 'an account with neither number nor address gives nothing to check');
});

async function authorityOrg(n: FederatedTestNode): Promise<string> {
  const orgs = await n.adminClient.call<{ items: { id: string; kind: string }[] }>('GET', '/api/v1/organisations', undefined, 200);
  return orgs.body.items.find((o) => o.kind === 'central-authority')!.id;
}

for (const backend of testBackends()) {
  describe(`phone numbers and e-mail addresses in hit/no-hit on ${backend.name}`, () => {
    let it: FederatedTestNode;
    let es: FederatedTestNode;
    let itLead: User;
    let esLead: User;
    const ids: Record<string, string> = {};
    let itCase: Json;

    const add = async (u: User, caseId: string, body: Json) => (await u.client.call<Json>('POST', `/api/v1/cases/${caseId}/entities`, body, 201)).body.id as string;
    const hitsOf = async (u: User) => (await u.client.call<{ items: Json[] }>('GET', '/api/v1/hits', undefined, 200)).body.items;

    before(async () => {
      it = await startFederatedNode(backend, { name: 'Procura della Repubblica di Palermo (Italy)', country: 'ITA' });
      es = await startFederatedNode(backend, { name: 'Fiscalía Especial Antidroga (Spain)', country: 'ESP' });
      await connect([it, es]);
      itLead = await makeUser(it.adminClient, { role: 'supervisor', organisationId: await authorityOrg(it) });
      esLead = await makeUser(es.adminClient, { role: 'supervisor', organisationId: await authorityOrg(es) });

      itCase = (await itLead.client.call<Json>('POST', '/api/v1/cases', { title: 'Operazione Scirocco', marking: 'AMBER' }, 201)).body;
      // A handset's number seized on its own, owner unknown; a person with an e-mail address.
      ids.itPhone = await add(itLead, itCase.id, { schema: 'UserAccount', properties: { username: ['+39 333 123 4567'], number: ['+39 333 123 4567'] } });
      ids.itPerson = await add(itLead, itCase.id, { schema: 'Person', properties: { name: ['Salvatore Greco'], email: ['s.greco@example.it'] } });
      ids.itOther = await add(itLead, itCase.id, { schema: 'UserAccount', properties: { username: ['nobody@example.net'], email: ['nobody@example.net'] } });

      const esCase = (await esLead.client.call<Json>('POST', '/api/v1/cases', { title: 'Operación Estrecho', marking: 'GREEN' }, 201)).body;
      // The same number, written the international way with 00, on a person; the same address, in capitals, on its own.
      ids.esPerson = await add(esLead, esCase.id, { schema: 'Person', properties: { name: ['Juan Ortega'], phone: ['0039 333 1234567'] } });
      ids.esMail = await add(esLead, esCase.id, { schema: 'UserAccount', properties: { username: ['S.Greco@Example.IT'], email: ['S.Greco@Example.IT'] } });

      const offer = { schemas: ['Person', 'UserAccount'], maxTlp: 'AMBER' };
      await it.adminClient.call('PUT', `/api/v1/hits/offers/${es.nodeId}`, offer, 200);
      await es.adminClient.call('PUT', `/api/v1/hits/offers/${it.nodeId}`, offer, 200);
    });
    after(async () => {
      await it?.close();
      await es?.close();
    });

    test('an invalid phone number or e-mail address is refused (400, problem+json) with the property named', async () => {
      const bad = await itLead.client.call<Json>('POST', `/api/v1/cases/${itCase.id}/entities`, { schema: 'UserAccount', properties: { username: ['x'], number: ['call me'] } }, 400);
      assert.ok(JSON.stringify(bad.body).includes('number'), JSON.stringify(bad.body));
      const worse = await itLead.client.call<Json>('POST', `/api/v1/cases/${itCase.id}/entities`, { schema: 'UserAccount', properties: { username: ['x'], email: ['not-an-address'] } }, 400);
      assert.ok(JSON.stringify(worse.body).includes('email'), JSON.stringify(worse.body));
    });

    test('the shared number and address are hits on both nodes, and neither crosses in clear', async () => {
      await itLead.client.call<Json>('POST', '/api/v1/hits/queries', { caseId: itCase.id }, 202);
      const itHits = await waitFor('two hits on the asking node', async () => {
        const h = await hitsOf(itLead);
        return h.length >= 2 && h;
      });
      const esHits = await waitFor('two hits on the answering node', async () => {
        const h = await hitsOf(esLead);
        return h.length >= 2 && h;
      });
      assert.deepEqual(itHits.map((h) => h.entityId).sort(), [ids.itPhone, ids.itPerson].sort());
      assert.deepEqual(esHits.map((h) => h.entityId).sort(), [ids.esPerson, ids.esMail].sort());
      for (const n of [it, es]) {
        const rows = await n.node.deps.db.selectFrom('outbox').select(['type', 'payload']).where('type', 'like', 'hits.%').execute();
        assert.ok(rows.length >= 1);
        for (const r of rows) {
          // Opaque encodings (base64 of 32 bytes or more) masked: a thousand random ones per padded page could hold a short secret by chance.
          const text = JSON.stringify(r.payload, (_k, v: unknown) => (typeof v === 'string' && /^[A-Za-z0-9+/_-]{43,}={0,2}$/.test(v) ? '<opaque>' : v)).toLowerCase();
          for (const secret of ['3331234567', '333 123', 'greco', 'example.it', 'nobody']) assert.ok(!text.includes(secret), `${r.type} contains ${secret}`);
        }
      }
    });
  });
}
