// Sharing aggregated statistics with peers, with three real nodes (each its own database): Kenya's
// supervisor shares its seizure and incident counts with Mozambique under TLP:GREEN; Mozambique
// shows them with Kenya's node, the period, the months and the marking, and both nodes audit it.
// Tanzania sent Kenya a request under TLP:AMBER: counting it in what goes to Mozambique is refused
// by the release policy (audited, nothing sent), while the same counts may go back to Tanzania.
// Only a supervisor shares; the narrower TLP audiences are refused by the contract.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import { insertIncident, insertSeizure } from '@comity/db/repos/seizures-repo';
import { testBackends } from '@comity/db/testing';
import { type FederatedTestNode, connect, startFederatedNode, waitFor } from '../federation/federation-testing.ts';
import { makeUser } from '../testing/test-node.ts';
import { refreshStatistics } from './statistics-service.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
type User = Awaited<ReturnType<typeof makeUser>>;

async function authorityOrg(n: FederatedTestNode): Promise<string> {
  const orgs = await n.adminClient.call<{ items: { id: string; kind: string }[] }>('GET', '/api/v1/organisations', undefined, 200);
  return orgs.body.items.find((o) => o.kind === 'central-authority')!.id;
}

const audited = async (n: FederatedTestNode, action: string) =>
  n.node.deps.db.selectFrom('audit_entries').select(['action', 'target', 'change']).where('action', '=', action).execute();

for (const backend of testBackends()) {
  describe(`statistics shared between nodes on ${backend.name}`, () => {
    let ken: FederatedTestNode;
    let tza: FederatedTestNode;
    let moz: FederatedTestNode;
    let supervisor: User;
    let practitioner: User;
    let mozAnalyst: User;
    let mozViewer: User;
    let tzaSupervisor: User;

    async function seizure(org: string, at: string, iccs: string, domain: string, name: string) {
      const id = randomUUID();
      const when = new Date(at);
      await insertSeizure(
        ken.node.deps.db,
        { id, organisation_id: org, reference: `SZ-${id.slice(0, 6)}`, occurred_at: when, time_known: false, country: 'KEN', location_kind: 'seaport', location_point: null, authority: 'Customs', detection_method: 'x-ray', conveyance_type: 'container', conveyance: '{}', vessel_imo: null, iccs_code: iccs, marking: 'RED', handling: 'H2', sources: '[]', search_text: '', created_at: when, updated_at: when },
        { items: [{ id: randomUUID(), seizure_id: id, position: 0, domain, name, name_key: name.toLowerCase(), quantity: 1, unit: 'kg', details: '{}' }], stops: [], parties: [] },
      );
    }

    before(async () => {
      ken = await startFederatedNode(backend, { name: 'Kenya Revenue Authority (Kenya)', country: 'KEN' });
      tza = await startFederatedNode(backend, { name: 'Tanzania Revenue Authority (Tanzania)', country: 'TZA' });
      moz = await startFederatedNode(backend, { name: 'Autoridade Tributária (Mozambique)', country: 'MOZ' });
      await connect([ken, tza, moz]);
      const kenOrg = await authorityOrg(ken);
      supervisor = await makeUser(ken.adminClient, { role: 'supervisor', organisationId: kenOrg });
      practitioner = await makeUser(ken.adminClient, { role: 'practitioner', organisationId: kenOrg });
      mozAnalyst = await makeUser(moz.adminClient, { role: 'analyst', organisationId: await authorityOrg(moz) });
      mozViewer = await makeUser(moz.adminClient, { role: 'viewer', organisationId: mozAnalyst.organisationId });
      const tzaOrg = await authorityOrg(tza);
      tzaSupervisor = await makeUser(tza.adminClient, { role: 'supervisor', organisationId: tzaOrg });
      const tzaDrafter = await makeUser(tza.adminClient, { role: 'practitioner', organisationId: tzaOrg });

      // Kenya's records (RED, H2: the records themselves never leave; their counts may).
      await seizure(kenOrg, '2026-02-10T00:00:00Z', '1003', 'wildlife', 'Manis javanica');
      await seizure(kenOrg, '2026-03-20T00:00:00Z', '1003', 'wildlife', 'Loxodonta africana');
      await seizure(kenOrg, '2026-05-02T00:00:00Z', '0903', 'tobacco', 'Marlboro');
      await seizure(kenOrg, '2026-09-02T00:00:00Z', '0903', 'tobacco', 'Outside the months shared');
      const at = new Date('2026-04-01T03:00:00Z');
      await insertIncident(
        ken.node.deps.db,
        { id: randomUUID(), organisation_id: kenOrg, reference: 'MI-1', occurred_at: at, time_known: true, latitude: -4.05, longitude: 39.7, vessel_name: 'OCEAN STAR', vessel_imo: null, vessel_type: 'container ship', vessel_status: 'anchored', kind: 'armed-robbery', narrative: 'Robbers boarded', crew: '{}', reporting_source: 'ReCAAP', iccs_code: '0401', marking: 'AMBER', handling: 'H0', sources: '[]', search_text: '', created_at: at, updated_at: at },
        [],
      );

      // Tanzania sends Kenya a request under TLP:AMBER.
      const { type: _t, requestedOrganisationId: _o, ...content } = exampleRequest('mla', 'KEN', null);
      const created = await tzaDrafter.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', ...content, marking: 'AMBER', requestedNodeId: ken.nodeId, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } }, 201);
      await tzaDrafter.client.call('POST', `/api/v1/requests/${created.body.id}/transitions`, { action: 'submit' }, 200);
      await tzaSupervisor.client.call('POST', `/api/v1/requests/${created.body.id}/transitions`, { action: 'approve' }, 200);
      await tzaDrafter.client.call('POST', `/api/v1/requests/${created.body.id}/transitions`, { action: 'transmit' }, 200);
      await waitFor('the Tanzanian request in Kenya', async () => {
        const list = await supervisor.client.call<{ items: Json[] }>('GET', '/api/v1/requests?side=requested', undefined, 200);
        return list.body.items.some((i) => i.requesting.state === 'TZA');
      });
      await refreshStatistics(ken.node.deps);
    });
    after(async () => {
      await ken?.close();
      await tza?.close();
      await moz?.close();
    });

    test('a supervisor shares counts under a marking; the peer shows them with their origin, period and marking', async () => {
      const body = { peerNodeId: moz.nodeId, period: 'quarter', from: '2026-01', to: '2026-06', sources: ['seizure', 'incident'], marking: { tlp: 'GREEN', handling: 'H0' }, note: 'First half of 2026' };
      // Only a supervisor shares; the narrower TLP audiences are refused before anything is decided.
      assert.equal((await practitioner.client.call('POST', '/api/v1/statistics/shares', body)).status, 403);
      const strict = await supervisor.client.call<Json>('POST', '/api/v1/statistics/shares', { ...body, marking: { tlp: 'RED', handling: 'H0' } });
      assert.equal(strict.status, 400);
      assert.equal((await supervisor.client.call('POST', '/api/v1/statistics/shares', { ...body, peerNodeId: 'node-unknown' })).status, 404);
      const backwards = await supervisor.client.call<Json>('POST', '/api/v1/statistics/shares', { ...body, from: '2026-07', to: '2026-06' });
      assert.equal(backwards.status, 400);

      const sent = (await supervisor.client.call<Json>('POST', '/api/v1/statistics/shares', body, 201)).body;
      assert.equal(sent.rows, 3);
      assert.deepEqual(sent.peer, { nodeId: moz.nodeId, name: 'Autoridade Tributária (Mozambique)', country: 'MOZ' });

      const received = await waitFor('the share on the Mozambican node', async () => {
        const list = (await mozAnalyst.client.call<Json>('GET', '/api/v1/statistics/received', undefined, 200)).body;
        return list.items.length ? list.items : null;
      });
      assert.equal(received.length, 1);
      const share = received[0];
      assert.equal(share.id, sent.id);
      assert.deepEqual(share.origin, { nodeId: ken.nodeId, name: 'Kenya Revenue Authority (Kenya)', country: 'KEN' });
      assert.deepEqual(share.sharedBy, { organisation: 'Kenya Revenue Authority (Kenya)', state: 'KEN' });
      assert.deepEqual({ period: share.period, from: share.from, to: share.to, marking: share.marking, note: share.note }, { period: 'quarter', from: '2026-01', to: '2026-06', marking: { tlp: 'GREEN', handling: 'H0' }, note: 'First half of 2026' });
      // The hand-computed counts: two wildlife seizures in Q1, a tobacco seizure and an incident in Q2; September is outside.
      const counts = share.rows.map((r: Json) => `${r.period} ${r.source} ${r.country} ${r.iccsCode} ${r.count}`).sort();
      assert.deepEqual(counts, ['2026-Q1 seizure KEN 1003 2', '2026-Q2 incident _X 0401 1', '2026-Q2 seizure KEN 0903 1']);
      assert.ok(share.rows.every((r: Json) => Object.keys(r).sort().join() === 'count,country,iccsCode,iccsTitle,period,source'), 'counts only, never records');

      // Both sides audited; a viewer does not read statistics.
      const sendAudit = await audited(ken, 'statistics.share.send');
      assert.equal(sendAudit.length, 1);
      assert.equal(sendAudit[0]?.target, `peer:${moz.nodeId}`);
      const receiveAudit = await audited(moz, 'statistics.share.receive');
      assert.equal(receiveAudit.length, 1);
      assert.equal(receiveAudit[0]?.target, `peer:${ken.nodeId}`);
      assert.equal((await mozViewer.client.call('GET', '/api/v1/statistics/received')).status, 403);
      // The sender lists what it shared.
      const mine = (await supervisor.client.call<Json>('GET', '/api/v1/statistics/shares', undefined, 200)).body;
      assert.deepEqual(mine.items.map((i: Json) => i.id), [sent.id]);
    });

    test('the release policy keeps the counts of a request received under TLP:AMBER from a third node, not from its originator', async () => {
      const all = { period: 'year', from: '2026-01', to: '2026-12', marking: { tlp: 'GREEN', handling: 'H0' } };
      const denied = await supervisor.client.call<Json>('POST', '/api/v1/statistics/shares', { ...all, peerNodeId: moz.nodeId });
      assert.equal(denied.status, 403, denied.text);
      assert.equal(denied.body.code, 'policy_denied');
      assert.equal(denied.body.rule, 'tlp-amber-onward');
      assert.equal(denied.body.consentable, true);
      const denials = await audited(ken, 'policy.deny');
      assert.ok(denials.some((d) => d.target.startsWith('statistics-share:') && (d.change as Json).peerNodeId === moz.nodeId));
      assert.equal((await audited(ken, 'statistics.share.send')).length, 1, 'nothing more was sent');

      // Back to Tanzania, the originator of that request, the same counts may go.
      const sent = (await supervisor.client.call<Json>('POST', '/api/v1/statistics/shares', { ...all, peerNodeId: tza.nodeId }, 201)).body;
      const received = await waitFor('the share on the Tanzanian node', async () => {
        const list = (await tzaSupervisor.client.call<Json>('GET', '/api/v1/statistics/received', undefined, 200)).body;
        return list.items.find((i: Json) => i.id === sent.id);
      });
      const requests = received.rows.filter((r: Json) => r.source === 'request');
      assert.deepEqual(
        requests.map((r: Json) => [r.period, r.country, r.count]),
        [['2026', 'TZA', 1]],
      );
      assert.equal(received.rows.filter((r: Json) => r.source === 'seizure').reduce((n: number, r: Json) => n + r.count, 0), 4);
      // Mozambique still holds only the first share.
      const moz1 = (await mozAnalyst.client.call<Json>('GET', '/api/v1/statistics/received', undefined, 200)).body;
      assert.equal(moz1.items.length, 1);
    });
  });
}
