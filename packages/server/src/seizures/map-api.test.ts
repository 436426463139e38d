// The registries' map through the HTTP API on a real node and database: GeoJSON points of the
// records the caller's lists hold (organisation and case team; a node administrator sees another
// organisation's strictly marked record only as a withheld point at its country), filters by
// domain, species/substance, time and bounding box, routes drawn through country points, a limit,
// and problem+json for a bad box or period.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { ApiClient, makeUser, startTestNode, type TestNode } from '../testing/test-node.ts';
import { countryPoints } from './map-service.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
type User = Awaited<ReturnType<typeof makeUser>>;

const BASE = {
  locationKind: 'seaport',
  authority: 'Kenya Revenue Authority — Customs',
  detectionMethod: 'x-ray',
  conveyanceType: 'container',
  iccsCode: '1003',
};
const PANGOLIN = {
  ...BASE,
  reference: 'MAP-PANGOLIN',
  occurredAt: '2026-03-02',
  country: 'KEN',
  place: 'Kilindini Harbour',
  latitude: -4.05,
  longitude: 39.67,
  route: [
    { stage: 'origin', country: 'NGA', port: 'Lagos (Apapa)' },
    { stage: 'transit', country: 'KEN', port: 'Mombasa' },
    { stage: 'destination', country: 'VNM', port: 'Hai Phong' },
  ],
  items: [{ domain: 'wildlife', species: 'manis javanica', specimenType: 'scales', quantity: 3200, unit: 'kg' }],
};
const COCAINE = {
  ...BASE,
  reference: 'MAP-COCAINE',
  occurredAt: '2026-04-10',
  country: 'NLD',
  place: 'Rotterdam, Maasvlakte',
  latitude: 51.95,
  longitude: 4.05,
  items: [{ domain: 'drugs', substance: 'cocaine', quantity: 120, unit: 'kg' }],
};
// No coordinates: drawn at Viet Nam's point.
const IVORY = { ...BASE, reference: 'MAP-IVORY', occurredAt: '2026-05-20', country: 'VNM', items: [{ domain: 'wildlife', species: 'Loxodonta africana', specimenType: 'ivory', quantity: 450, unit: 'kg' }] };

for (const backend of testBackends()) {
  describe(`registry map on ${backend.name}`, () => {
    let t: TestNode;
    let admin: ApiClient;
    let lead: User;
    let colleague: User;
    let stranger: User;
    const map = async (who: { call: ApiClient['call'] }, query = '') => (await who.call<Json>('GET', `/api/v1/seizures/map${query}`, undefined, 200)).body;
    const refs = (m: Json) => m.features.map((f: Json) => f.properties.reference).sort();

    before(async () => {
      t = await startTestNode(backend);
      admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, t.admin.password);
      lead = await makeUser(admin, { role: 'practitioner', orgName: 'Kenya Revenue Authority', country: 'KEN' });
      colleague = await makeUser(admin, { role: 'practitioner', organisationId: lead.organisationId });
      stranger = await makeUser(admin, { role: 'supervisor', orgName: 'Dutch Customs', country: 'NLD' });
      for (const s of [PANGOLIN, COCAINE, IVORY]) await lead.client.call('POST', '/api/v1/seizures', s, 201);
    });
    after(async () => {
      await t?.close();
    });

    test('points of the records one may see, filtered by domain, species, substance, time and box; routes as lines', async () => {
      const all = await map(lead.client);
      assert.equal(all.type, 'FeatureCollection');
      assert.deepEqual(refs(all), ['MAP-COCAINE', 'MAP-IVORY', 'MAP-PANGOLIN']);
      assert.equal(all.total, 3);
      assert.equal(all.truncated, false);
      const pangolin = all.features.find((f: Json) => f.properties.reference === 'MAP-PANGOLIN');
      assert.deepEqual(pangolin.geometry, { type: 'Point', coordinates: [39.67, -4.05] });
      assert.equal(pangolin.properties.precision, 'exact');
      assert.deepEqual(pangolin.properties.names, ['Manis javanica']);
      const ivory = all.features.find((f: Json) => f.properties.reference === 'MAP-IVORY');
      assert.equal(ivory.properties.precision, 'country');
      assert.deepEqual(ivory.geometry.coordinates, countryPoints().VNM);
      // The route: Nigeria → Kenya → Viet Nam through the basemap's country points.
      assert.equal(all.routes.features.length, 1);
      const route = all.routes.features[0];
      assert.deepEqual(route.properties.countries, ['NGA', 'KEN', 'VNM']);
      assert.deepEqual(route.geometry.coordinates, [countryPoints().NGA, countryPoints().KEN, countryPoints().VNM]);

      assert.deepEqual(refs(await map(lead.client, '?species=manis%20javanica')), ['MAP-PANGOLIN']);
      assert.deepEqual(refs(await map(lead.client, '?domain=wildlife')), ['MAP-IVORY', 'MAP-PANGOLIN']);
      assert.deepEqual(refs(await map(lead.client, '?substance=COCAINE')), ['MAP-COCAINE']);
      assert.deepEqual(refs(await map(lead.client, '?from=2026-04-01&to=2026-04-30')), ['MAP-COCAINE']);
      // Europe: Rotterdam only; a box over South-East Asia holds the ivory seizure placed at Viet Nam's point.
      assert.deepEqual(refs(await map(lead.client, '?bbox=-10,35,30,60')), ['MAP-COCAINE']);
      assert.deepEqual(refs(await map(lead.client, '?bbox=95,0,115,25')), ['MAP-IVORY']);
      // Across the antimeridian (west 170, east -170) nothing of ours.
      assert.equal((await map(lead.client, '?bbox=170,-60,-170,60')).total, 0);
      // The limit keeps the newest and says the map is not all.
      const one = await map(lead.client, '?limit=1');
      assert.deepEqual(refs(one), ['MAP-IVORY']);
      assert.equal(one.total, 3);
      assert.equal(one.truncated, true);
    });

    test('scoped like the lists: another organisation sees nothing, the case team only its case, the administrator a withheld point', async () => {
      assert.equal((await map(stranger.client)).total, 0);
      const c = (await lead.client.call<Json>('POST', '/api/v1/cases', { title: 'Operation Tusk', marking: 'AMBER' }, 201)).body;
      await lead.client.call('POST', '/api/v1/seizures', { ...IVORY, reference: 'MAP-CASE', caseId: c.id, marking: 'AMBER+STRICT', place: 'Hai Phong port', latitude: 20.85, longitude: 106.68 }, 201);
      assert.ok(refs(await map(lead.client)).includes('MAP-CASE'));
      assert.ok(!refs(await map(colleague.client)).includes('MAP-CASE'), 'not on the case team');
      const seen = (await map(admin)).features.find((f: Json) => f.properties.reference === 'MAP-CASE');
      assert.equal(seen.properties.withheld, true);
      assert.equal(seen.properties.domain, 'withheld');
      assert.deepEqual(seen.properties.names, []);
      assert.equal(seen.properties.place, null);
      assert.equal(seen.properties.precision, 'country', 'the exact position is not given away');
      assert.deepEqual(seen.geometry.coordinates, countryPoints().VNM);
    });

    test('a bad box, period or filter is a problem+json 400 and nothing else', async () => {
      for (const [query, code] of [
        ['?bbox=-200,0,10,10', 'bbox_out_of_range'],
        ['?bbox=0,-95,10,10', 'bbox_out_of_range'],
        ['?bbox=0,40,10,10', 'bbox_inverted'],
        ['?from=2026-05-01&to=2026-04-01', 'period_inverted'],
      ] as const) {
        const r = await lead.client.call<Json>('GET', `/api/v1/seizures/map${query}`);
        assert.equal(r.status, 400, query);
        assert.match(r.headers.get('content-type') ?? '', /problem\+json/);
        assert.equal(r.body.code, code, query);
      }
      for (const query of ['?bbox=west', '?bbox=1,2,3', '?limit=0', '?limit=99999', '?domain=weapons', '?from=2026-02-31', '?colour=red']) {
        const r = await lead.client.call<Json>('GET', `/api/v1/seizures/map${query}`);
        assert.equal(r.status, 400, query);
        assert.match(r.headers.get('content-type') ?? '', /problem\+json/);
      }
    });

    test('maritime incidents on the map, by kind and box', async () => {
      const body = {
        occurredAt: '2026-05-01T02:10:00+08:00',
        latitude: 1.21,
        longitude: 103.95,
        area: 'Singapore Strait',
        vessel: { name: 'OCEAN PEARL', imo: '9074729', flag: 'PAN', type: 'bulk carrier' },
        vesselStatus: 'underway',
        kind: 'armed-robbery',
        narrative: 'Robbers boarded and stole engine spares.',
        reportingSource: 'ReCAAP ISC',
      };
      await lead.client.call('POST', '/api/v1/incidents', body, 201);
      await lead.client.call('POST', '/api/v1/incidents', { ...body, latitude: 3.2, longitude: 6.1, area: 'Gulf of Guinea', kind: 'piracy' }, 201);
      const all = (await lead.client.call<Json>('GET', '/api/v1/incidents/map', undefined, 200)).body;
      assert.equal(all.features.length, 2);
      assert.deepEqual(all.features.map((f: Json) => f.properties.incidentKind).sort(), ['armed-robbery', 'piracy']);
      const piracy = (await lead.client.call<Json>('GET', '/api/v1/incidents/map?kind=piracy', undefined, 200)).body;
      assert.deepEqual(piracy.features[0].geometry.coordinates, [6.1, 3.2]);
      assert.equal(piracy.features[0].properties.area, 'Gulf of Guinea');
      assert.equal((await lead.client.call<Json>('GET', '/api/v1/incidents/map?bbox=100,-5,110,5', undefined, 200)).body.features.length, 1);
      assert.equal((await stranger.client.call<Json>('GET', '/api/v1/incidents/map', undefined, 200)).body.total, 0);
      assert.equal((await lead.client.call<Json>('GET', '/api/v1/incidents/map?bbox=0,0,181,1')).status, 400);
    });
  });
}
