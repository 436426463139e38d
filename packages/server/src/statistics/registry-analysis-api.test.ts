// Backtracking and registry statistics through the HTTP API on a real node and database: from a
// wildlife seizure, the tobacco seizure of the same ship is listed with the vessel named, an
// unrelated seizure is not, and another organisation's seizure of the same ship is not revealed
// (nor may that organisation backtrack from ours: 404); the statistics are the hand-computed
// counts, as JSON, plain CSV and SDMX-CSV 2.0, for the caller's organisation only, with bad
// parameters refused as problem+json and the rollup refreshed by the job queue at start.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { insertIncident, insertSeizure } from '@comity/db/repos/seizures-repo';
import { testBackends } from '@comity/db/testing';
import { ApiClient, makeUser, startTestNode, type TestNode } from '../testing/test-node.ts';
import { refreshStatistics } from './statistics-service.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
type User = Awaited<ReturnType<typeof makeUser>>;
const IMO = '9074729';

async function raw(client: ApiClient, path: string) {
  const headers: Record<string, string> = {};
  if (client.cookie) headers.cookie = client.cookie;
  const res = await fetch(client.baseUrl + path, { headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

for (const backend of testBackends()) {
  describe(`backtracking and statistics API on ${backend.name}`, () => {
    let t: TestNode;
    let admin: ApiClient;
    let supervisor: User;
    let practitioner: User;
    let viewer: User;
    let foreign: User;
    const ids = { wildlife: randomUUID(), tobacco: randomUUID(), unrelated: randomUUID(), foreign: randomUUID(), incident: randomUUID() };

    async function seizure(id: string, org: string, at: string, o: { imo: string | null; domain: string; name: string; iccs: string; country: string; marking?: string }) {
      const when = new Date(at);
      await insertSeizure(
        t.node.deps.db,
        { id, organisation_id: org, reference: `SZ-${id.slice(0, 6)}`, occurred_at: when, time_known: false, country: o.country, location_kind: 'seaport', location_point: null, authority: 'Customs', detection_method: 'x-ray', conveyance_type: 'container', conveyance: '{}', vessel_imo: o.imo, iccs_code: o.iccs, marking: o.marking ?? 'AMBER', handling: 'H0', sources: '[]', search_text: '', created_at: when, updated_at: when },
        { items: [{ id: randomUUID(), seizure_id: id, position: 0, domain: o.domain, name: o.name, name_key: o.name.toLowerCase(), quantity: 10, unit: 'kg', details: '{}' }], stops: [], parties: [] },
      );
    }

    before(async () => {
      t = await startTestNode(backend);
      admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, t.admin.password);
      supervisor = await makeUser(admin, { role: 'supervisor', orgName: 'Kenya Revenue Authority', country: 'KEN' });
      practitioner = await makeUser(admin, { role: 'practitioner', organisationId: supervisor.organisationId });
      viewer = await makeUser(admin, { role: 'viewer', organisationId: supervisor.organisationId });
      foreign = await makeUser(admin, { role: 'analyst', orgName: 'Tanzania Revenue Authority', country: 'TZA' });
      const mine = supervisor.organisationId;
      await seizure(ids.wildlife, mine, '2026-03-02T00:00:00Z', { imo: IMO, domain: 'wildlife', name: 'Manis javanica', iccs: '1003', country: 'KEN' });
      await seizure(ids.tobacco, mine, '2026-05-10T00:00:00Z', { imo: IMO, domain: 'tobacco', name: 'Marlboro', iccs: '0903', country: 'KEN' });
      await seizure(ids.unrelated, mine, '2026-03-03T00:00:00Z', { imo: '9321483', domain: 'drugs', name: 'Cocaine', iccs: '06011', country: 'KEN' });
      await seizure(ids.foreign, foreign.organisationId, '2026-03-04T00:00:00Z', { imo: IMO, domain: 'wildlife', name: 'Loxodonta africana', iccs: '1003', country: 'TZA', marking: 'RED' });
      const at = new Date('2026-04-01T03:00:00Z');
      await insertIncident(
        t.node.deps.db,
        { id: ids.incident, organisation_id: mine, reference: 'MI-1', occurred_at: at, time_known: true, latitude: -4.05, longitude: 39.7, vessel_name: 'OCEAN STAR', vessel_imo: IMO, vessel_type: 'container ship', vessel_status: 'anchored', kind: 'armed-robbery', narrative: 'Robbers boarded', crew: '{}', reporting_source: 'ReCAAP', iccs_code: '0401', marking: 'AMBER', handling: 'H0', sources: '[]', search_text: '', created_at: at, updated_at: at },
        [],
      );
    });
    after(async () => {
      await t?.close();
    });

    test('backtracking from a wildlife seizure finds the tobacco seizure and the incident of the same ship, and nothing the caller may not read', async () => {
      const related = (await practitioner.client.call<Json>('GET', `/api/v1/seizures/${ids.wildlife}/related`, undefined, 200)).body;
      assert.equal(related.windowDays, 365);
      assert.equal(related.origin.reference, `SZ-${ids.wildlife.slice(0, 6)}`);
      const byId = new Map<string, Json>(related.items.map((r: Json) => [r.id, r]));
      assert.deepEqual(byId.get(ids.tobacco)?.shared, [{ kind: 'vessel', value: IMO }]);
      assert.deepEqual(byId.get(ids.tobacco)?.domains, ['tobacco']);
      assert.equal(byId.get(ids.incident)?.kind, 'incident');
      assert.equal(byId.get(ids.incident)?.vesselName, 'OCEAN STAR');
      assert.equal(byId.has(ids.unrelated), false);
      assert.equal(byId.has(ids.foreign), false);
      // From the incident back to the seizures: a window of 35 days keeps the wildlife seizure (30 days before) and leaves the tobacco one (39 days after) out.
      const back = (await practitioner.client.call<Json>('GET', `/api/v1/incidents/${ids.incident}/related?windowDays=35`, undefined, 200)).body;
      assert.deepEqual(back.items.map((r: Json) => r.id), [ids.wildlife]);
      // The other organisation neither reads our seizure nor learns of it by backtracking from its own.
      assert.equal((await foreign.client.call('GET', `/api/v1/seizures/${ids.wildlife}/related`)).status, 404);
      const theirs = (await foreign.client.call<Json>('GET', `/api/v1/seizures/${ids.foreign}/related`, undefined, 200)).body;
      assert.deepEqual(theirs.items, []);
      // The node administrator does not see a RED record of another organisation.
      const adminView = (await admin.call<Json>('GET', `/api/v1/seizures/${ids.wildlife}/related`, undefined, 200)).body;
      assert.equal(adminView.items.some((r: Json) => r.id === ids.foreign), false);
      const bad = await practitioner.client.call<Json>('GET', `/api/v1/seizures/${ids.wildlife}/related?windowDays=0`);
      assert.equal(bad.status, 400);
      assert.equal((await practitioner.client.call('GET', `/api/v1/seizures/${randomUUID()}/related`)).status, 404);
    });

    test('statistics are the hand-computed counts, for the organisation only, as JSON, CSV and SDMX-CSV', async () => {
      // The job queue refreshes the rollup once the node starts.
      for (let i = 0; ; i++) {
        const r = await t.node.deps.db.selectFrom('statistics_refresh').select('refreshed_at').executeTakeFirst();
        if (r) break;
        assert.ok(i < 600, 'the statistics job never ran');
        await new Promise((res) => setTimeout(res, 100));
      }
      await refreshStatistics(t.node.deps);
      const stats = (await supervisor.client.call<Json>('GET', '/api/v1/statistics?period=quarter', undefined, 200)).body;
      assert.ok(stats.refreshedAt);
      assert.deepEqual(stats.totals, [
        { period: '2026-Q1', seizure: 2, incident: 0, request: 0 },
        { period: '2026-Q2', seizure: 1, incident: 1, request: 0 },
      ]);
      const wildlife = stats.rows.find((r: Json) => r.iccsCode === '1003');
      assert.deepEqual({ period: wildlife.period, country: wildlife.country, count: wildlife.count }, { period: '2026-Q1', country: 'KEN', count: 1 });
      const theirs = (await foreign.client.call<Json>('GET', '/api/v1/statistics', undefined, 200)).body;
      assert.deepEqual(theirs.totals, [{ period: '2026', seizure: 1, incident: 0, request: 0 }]);
      const sdmx = await raw(supervisor.client, '/api/v1/statistics?period=month&source=seizure&format=sdmx-csv');
      assert.equal(sdmx.status, 200);
      assert.match(sdmx.type, /^application\/vnd\.sdmx\.data\+csv/);
      const lines = sdmx.text.trimEnd().split('\r\n');
      assert.equal(lines[0], 'STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,SOURCE,ICCS,TIME_PERIOD,OBS_VALUE');
      assert.ok(lines.includes('dataflow,COMITY:DF_ICCS_REGISTRY(1.0),I,M,KEN,SEIZURE,1003,2026-03,1'));
      assert.equal(lines.length, 4);
      const csv = await raw(supervisor.client, '/api/v1/statistics?format=csv&source=incident');
      assert.match(csv.type, /^text\/csv/);
      assert.equal(csv.text, 'period,country,source,iccs_code,iccs_title,count\r\n2026,_X,incident,0401,Robbery,1\r\n');
      assert.equal((await viewer.client.call('GET', '/api/v1/statistics')).status, 403);
      const bad = await raw(supervisor.client, '/api/v1/statistics?period=week');
      assert.equal(bad.status, 400);
      assert.match(bad.type, /application\/problem\+json/);
    });
  });
}
