// The maritime-incident import through the HTTP API on a real node and database (issue 14 parts 2
// and 3), the same machinery as the seizure import: a file with bad rows stores nothing and names
// each row, column and reason (a value outside a list with the accepted values); the shipped sample
// CSV and XLSX (headers as a reporting centre writes them) go in whole, audited; imported incidents
// are on the map and in backtracking like incidents created one by one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseCsv } from '@comity/core/shared/csv';
import { testBackends } from '@comity/db/testing';
import { ApiClient, makeUser, startTestNode, type TestNode } from '../testing/test-node.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
type User = Awaited<ReturnType<typeof makeUser>>;

const SAMPLES = join(import.meta.dirname, '..', '..', '..', '..', 'data', 'registries', 'samples');
const sampleCsv = readFileSync(join(SAMPLES, 'incidents-sample.csv'), 'utf8');
const sampleXlsx = readFileSync(join(SAMPLES, 'incidents-sample.xlsx')).toString('base64');

for (const backend of testBackends()) {
  describe(`maritime incident import on ${backend.name}`, () => {
    let t: TestNode;
    let lead: User;
    let viewer: User;
    let other: User;

    before(async () => {
      t = await startTestNode(backend);
      const admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, t.admin.password);
      lead = await makeUser(admin, { role: 'practitioner', orgName: 'Kenya Coast Guard', country: 'KEN' });
      viewer = await makeUser(admin, { role: 'viewer', organisationId: lead.organisationId });
      other = await makeUser(admin, { role: 'practitioner', orgName: 'Singapore Police Coast Guard', country: 'SGP' });
    });
    after(async () => {
      await t?.close();
    });

    const count = async (organisationId: string) => Number((await t.node.deps.db.selectFrom('maritime_incidents').where('organisation_id', '=', organisationId).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    test('a file with bad rows changes nothing and says which row, which column and why', async () => {
      const csv = [
        'Reference,Date,Lat,Lon,Ship name,IMO,Ship type,Ship status,Incident type,What happened,Reported by,Kidnapped',
        'BAD-1,2026-02-30,1.2,104.0,OCEAN PEARL,9074729,bulk carrier,anchored,armed-robbery,Robbers boarded.,ReCAAP ISC,',
        'BAD-2,2026-03-01,95,104.0,OCEAN PEARL,9074720,bulk carrier,anchored,armed-robbery,Robbers boarded.,ReCAAP ISC,',
        'BAD-3,2026-03-02,1.2,104.0,OCEAN PEARL,9074729,bulk carrier,drifting,robbery,Robbers boarded.,ReCAAP ISC,two',
        'BAD-4,2026-03-03,1.2,104.0,,9074729,bulk carrier,underway,piracy,Robbers boarded.,ReCAAP ISC,',
        'BAD-1,2026-03-04,1.2,104.0,OCEAN PEARL,9074729,bulk carrier,underway,piracy,Robbers boarded.,ReCAAP ISC,',
      ].join('\n');
      const rejected = await lead.client.call<Json>('POST', '/api/v1/incidents/import', { format: 'csv', content: csv });
      assert.equal(rejected.status, 400);
      assert.match(rejected.headers.get('content-type') ?? '', /problem\+json/);
      assert.equal(rejected.body.code, 'import_rejected');
      assert.deepEqual(
        rejected.body.problems.map((p: Json) => `${p.row}:${p.column}:${p.code}`),
        ['2:Date:date_impossible', '3:Lat:latitude_out_of_range', '3:IMO:imo_invalid', '4:Ship status:value_not_allowed', '4:Incident type:value_not_allowed', '4:Kidnapped:number_invalid', '5:Ship name:value_missing', '6:Reference:import_reference_repeated'],
      );
      const status = rejected.body.problems.find((p: Json) => p.column === 'Ship status');
      assert.deepEqual(status.params, { value: 'drifting', allowed: ['underway', 'anchored', 'berthed'] }, 'the accepted values are in the report');
      assert.equal(rejected.body.problems.find((p: Json) => p.code === 'import_reference_repeated').params.row, 2);
      assert.equal(rejected.body.mapping['Incident type'], 'incidentKind', 'the mapping is guessed from the headers');
      assert.equal(await count(lead.organisationId), 0, 'nothing was stored');
      // The mapping step: a dry run reports the same and stores nothing; an unmapped required field is named.
      const dry = (await lead.client.call<Json>('POST', '/api/v1/incidents/import', { format: 'csv', content: csv, dryRun: true }, 200)).body;
      assert.equal(dry.problems.length, 8);
      assert.ok(dry.fields.includes('crewKidnapped') && !dry.fields.includes('domain'), 'the incident fields are offered, not the seizure ones');
      const unmapped = (await lead.client.call<Json>('POST', '/api/v1/incidents/import', { format: 'csv', content: csv, dryRun: true, mapping: { 'Ship type': '' } }, 200)).body;
      assert.ok(unmapped.problems.some((p: Json) => p.code === 'import_field_unmapped' && p.params.field === 'vesselType'));
      // A seizure field is not an incident field.
      assert.equal((await lead.client.call<Json>('POST', '/api/v1/incidents/import', { format: 'csv', content: csv, mapping: { 'Ship type': 'domain' } })).status, 400);
      // A viewer may not import.
      assert.equal((await viewer.client.call<Json>('POST', '/api/v1/incidents/import', { format: 'csv', content: sampleCsv })).status, 403);
      assert.equal(await count(lead.organisationId), 0);
    });

    test('the sample CSV goes in whole, audited, scoped to the organisation; the same file again is refused whole', async () => {
      const ok = (await lead.client.call<Json>('POST', '/api/v1/incidents/import', { format: 'csv', content: sampleCsv, marking: 'GREEN' }, 200)).body;
      assert.equal(ok.imported, 12);
      assert.deepEqual(
        ok.created.map((c: Json) => c.reference),
        Array.from({ length: 12 }, (_, n) => `DEMO-MI-${String(n + 1).padStart(5, '0')}`),
      );
      assert.equal(await count(lead.organisationId), 12);
      const first = (await lead.client.call<Json>('GET', `/api/v1/incidents/${ok.created[0].id}`, undefined, 200)).body;
      const line = sampleCsv.split('\n')[1] as string;
      assert.ok(line.startsWith(`DEMO-MI-00001,${first.occurredAt.slice(0, 16)}`), 'the time is the file’s');
      assert.equal(first.vessel.imo, line.split(',')[7]);
      assert.equal(first.marking.tlp, 'GREEN');
      assert.equal(first.parties[0].role, 'owner');
      // DEMO-MI-00002 is a kidnapping: its crew consequences come from the crewKidnapped column.
      const [header, , second] = parseCsv(sampleCsv);
      const kidnapped = Number(second?.cells[header?.cells.indexOf('crewKidnapped') ?? -1]);
      assert.ok(kidnapped > 0);
      const k = (await lead.client.call<Json>('GET', `/api/v1/incidents/${ok.created[1].id}`, undefined, 200)).body;
      assert.deepEqual(k.crew, { kidnapped });
      const actions = await t.node.deps.db.selectFrom('audit_entries').select('action').where('action', 'in', ['incident.import', 'incident.create']).execute();
      assert.equal(actions.filter((a) => a.action === 'incident.import').length, 1);
      assert.equal(actions.filter((a) => a.action === 'incident.create').length, 12);
      assert.equal((await other.client.call<Json>('GET', `/api/v1/incidents/${ok.created[0].id}`)).status, 404);
      const again = await lead.client.call<Json>('POST', '/api/v1/incidents/import', { format: 'csv', content: sampleCsv });
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'reference_taken');
      assert.equal(await count(lead.organisationId), 12);
    });

    test('the sample XLSX (typed cells, a reporting centre’s headers) goes in; imported incidents are on the map and in backtracking', async () => {
      const dry = (await other.client.call<Json>('POST', '/api/v1/incidents/import', { format: 'xlsx', content: sampleXlsx, dryRun: true }, 200)).body;
      assert.deepEqual(dry.problems, []);
      assert.equal(dry.mapping['Date and time (UTC)'], 'occurredAt');
      assert.equal(dry.mapping['Ship status'], 'vesselStatus');
      const ok = (await other.client.call<Json>('POST', '/api/v1/incidents/import', { format: 'xlsx', content: sampleXlsx }, 200)).body;
      assert.equal(ok.imported, 12);
      const csvFirst = (sampleCsv.split('\n')[1] as string).split(',');
      const first = (await other.client.call<Json>('GET', `/api/v1/incidents/${ok.created[0].id}`, undefined, 200)).body;
      assert.equal(first.occurredAt, new Date(csvFirst[1] as string).toISOString(), 'an Excel date keeps its time');
      assert.equal(first.latitude, Number(csvFirst[2]));

      const map = (await other.client.call<Json>('GET', '/api/v1/incidents/map', undefined, 200)).body;
      assert.equal(map.features.length, 12);
      assert.ok(map.features.some((f: Json) => f.properties.reference === 'DEMO-MI-00001'));

      // A seizure from the same ship a week later: backtracking links it with the imported incident, both ways.
      const when = new Date(Date.parse(first.occurredAt) + 7 * 86_400_000).toISOString().slice(0, 10);
      const seizure = (
        await other.client.call<Json>(
          'POST',
          '/api/v1/seizures',
          {
            occurredAt: when,
            country: 'SGP',
            authority: 'Singapore Customs',
            locationKind: 'seaport',
            detectionMethod: 'x-ray',
            conveyanceType: 'container',
            conveyance: { vesselName: first.vessel.name, vesselImo: first.vessel.imo },
            items: [{ domain: 'tobacco', productType: 'cigarettes', brand: 'Oris', quantity: 500_000, unit: 'sticks' }],
            iccsCode: '08083',
          },
          201,
        )
      ).body;
      const fromSeizure = (await other.client.call<Json>('GET', `/api/v1/seizures/${seizure.id}/related?windowDays=30`, undefined, 200)).body;
      const linked = fromSeizure.items.find((r: Json) => r.id === first.id);
      assert.ok(linked, 'the imported incident is found from the seizure');
      assert.equal(linked.kind, 'incident');
      assert.deepEqual(linked.shared, [{ kind: 'vessel', value: first.vessel.imo }]);
      const fromIncident = (await other.client.call<Json>('GET', `/api/v1/incidents/${first.id}/related?windowDays=30`, undefined, 200)).body;
      assert.ok(fromIncident.items.some((r: Json) => r.id === seizure.id && r.domains.includes('tobacco')));
      // The first organisation's copy of the same file stays its own.
      assert.equal(fromIncident.items.some((r: Json) => r.kind === 'incident' && !ok.created.some((c: Json) => c.id === r.id)), false);
    });
  });
}
