// The seizure and maritime-incident registries through the HTTP API on a real node and database:
// records checked (species and substances with close matches, impossible and future dates,
// coordinates, IMO check digit) with every problem listed; kept to their organisation and, for a
// record of a case, to those who may read the case; a node administrator kept out by a strict
// marking (audited 403); changes audited and version-checked; filters; the import from CSV and
// XLSX all-or-nothing with the per-row report; maritime incidents.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generateDemoData, seizuresAsCsv } from '@comity/core/seizures/demo-data';
import { testBackends } from '@comity/db/testing';
import ExcelJS from 'exceljs';
import { ApiClient, makeUser, startTestNode, type TestNode } from '../testing/test-node.ts';
import { referenceLists } from './reference-lists.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
type User = Awaited<ReturnType<typeof makeUser>>;

const PANGOLIN = {
  reference: 'KRA-MSA-2026-014',
  occurredAt: '2026-03-02',
  country: 'KEN',
  place: 'Kilindini Harbour',
  latitude: -4.05,
  longitude: 39.67,
  locationKind: 'seaport',
  locationPoint: 'Mombasa (KEMBA)',
  authority: 'Kenya Revenue Authority — Customs',
  detectionMethod: 'x-ray',
  conveyanceType: 'container',
  conveyance: { vesselName: 'KOTA HARUM', vesselImo: 'IMO 9074729', containerNumber: 'TGHU1234567' },
  route: [
    { stage: 'origin', country: 'NGA', port: 'Lagos (Apapa)' },
    { stage: 'transit', country: 'KEN', port: 'Mombasa' },
    { stage: 'destination', country: 'VNM', port: 'Hai Phong' },
  ],
  parties: [
    { role: 'consignor', kind: 'company', name: 'Blue Ocean Trading Ltd' },
    { role: 'payer', kind: 'person', name: 'Joseph Mwangi', identifier: '+254 722 000 111' },
  ],
  items: [
    { domain: 'wildlife', species: 'manis javanica', specimenType: 'scales', quantity: 3200, unit: 'kg' },
    { domain: 'tobacco', productType: 'cigarettes', brand: 'Manchester', quantity: 2_000_000, unit: 'sticks', taxStamps: 'none' },
  ],
  iccsCode: '1003',
};

async function xlsxBase64(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Seizures');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

for (const backend of testBackends()) {
  describe(`seizure and incident registries on ${backend.name}`, () => {
    let t: TestNode;
    let admin: ApiClient;
    let lead: User;
    let colleague: User;
    let viewer: User;
    let stranger: User;

    before(async () => {
      t = await startTestNode(backend);
      admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, t.admin.password);
      lead = await makeUser(admin, { role: 'practitioner', orgName: 'Kenya Revenue Authority', country: 'KEN' });
      colleague = await makeUser(admin, { role: 'practitioner', organisationId: lead.organisationId });
      viewer = await makeUser(admin, { role: 'viewer', organisationId: lead.organisationId });
      stranger = await makeUser(admin, { role: 'supervisor', orgName: 'Dutch Customs', country: 'NLD' });
    });
    after(async () => {
      await t?.close();
    });

    test('a seizure across two domains is stored with canonical names, scoped, audited and version-checked', async () => {
      const s = (await lead.client.call<Json>('POST', '/api/v1/seizures', PANGOLIN, 201)).body;
      assert.deepEqual(s.items[0], { domain: 'wildlife', species: 'Manis javanica', specimenType: 'scales', quantity: 3200, unit: 'kg', citesAppendix: 'I' });
      assert.deepEqual(s.domains, ['wildlife', 'tobacco']);
      assert.equal(s.conveyance.vesselImo, '9074729');
      assert.deepEqual(s.route.map((r: Json) => r.port), ['Lagos (Apapa)', 'Mombasa', 'Hai Phong']);
      assert.equal(s.marking.tlp, 'AMBER');
      // The organisation reads it; another organisation does not learn it exists.
      assert.equal((await viewer.client.call('GET', `/api/v1/seizures/${s.id}`)).status, 200);
      const other = await stranger.client.call<Json>('GET', `/api/v1/seizures/${s.id}`);
      assert.equal(other.status, 404);
      assert.match(other.headers.get('content-type') ?? '', /problem\+json/);
      assert.equal((await stranger.client.call<Json>('GET', '/api/v1/seizures', undefined, 200)).body.total, 0);
      // A viewer cannot change it; a stale version is refused; the change is audited.
      assert.equal((await viewer.client.call('PATCH', `/api/v1/seizures/${s.id}`, { version: 1, summary: 'x' })).status, 403);
      const changed = (await lead.client.call<Json>('PATCH', `/api/v1/seizures/${s.id}`, { version: 1, summary: 'Declared as cashew nuts' }, 200)).body;
      assert.equal(changed.version, 2);
      assert.equal(changed.items.length, 2, 'items are kept when not sent');
      const stale = await lead.client.call<Json>('PATCH', `/api/v1/seizures/${s.id}`, { version: 1, summary: 'again' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, 'version_conflict');
      const actions = (await t.node.deps.db.selectFrom('audit_entries').select('action').where('target', '=', `seizure:${s.id}`).orderBy('seq').execute()).map((e) => e.action);
      assert.deepEqual(actions, ['seizure.create', 'seizure.update']);
      // Filters: by species (any spelling case), substance, domain, country and dates.
      const q = async (query: string) => (await lead.client.call<Json>('GET', `/api/v1/seizures${query}`, undefined, 200)).body;
      assert.equal((await q('?species=MANIS%20JAVANICA')).total, 1);
      assert.equal((await q('?domain=tobacco&country=KEN&from=2026-03-01&to=2026-03-02')).total, 1);
      assert.equal((await q('?domain=drugs')).total, 0);
      assert.equal((await q('?to=2026-03-01')).total, 0);
      assert.equal((await q('?vesselImo=9074729')).total, 1);
    });

    test('bad records are refused with every problem and the close names offered; nothing is stored', async () => {
      const before = (await lead.client.call<Json>('GET', '/api/v1/seizures', undefined, 200)).body.total;
      const bad = await lead.client.call<Json>('POST', '/api/v1/seizures', {
        ...PANGOLIN,
        reference: 'BAD-1',
        occurredAt: '2026-02-31',
        latitude: 95,
        conveyance: { vesselImo: '9074728' },
        items: [
          { domain: 'wildlife', species: 'Manis javanicus', specimenType: 'scales', quantity: 5, unit: 'kg' },
          { domain: 'drugs', substance: 'cocaina', quantity: 2, unit: 'kg' },
        ],
      });
      assert.equal(bad.status, 400);
      assert.match(bad.headers.get('content-type') ?? '', /problem\+json/);
      assert.equal(bad.body.code, 'record_invalid');
      const byCode = Object.fromEntries(bad.body.problems.map((p: Json) => [p.code, p]));
      assert.deepEqual(Object.keys(byCode).sort(), ['date_impossible', 'imo_invalid', 'latitude_out_of_range', 'species_unknown', 'substance_unknown']);
      assert.deepEqual(byCode.species_unknown.params.suggestions, ['Manis javanica']);
      assert.ok(byCode.substance_unknown.params.suggestions.includes('cocaine'));
      const future = await lead.client.call<Json>('POST', '/api/v1/seizures', { ...PANGOLIN, reference: 'BAD-2', occurredAt: '2999-01-01' });
      assert.equal(future.body.problems[0].code, 'date_in_future');
      assert.equal((await lead.client.call<Json>('GET', '/api/v1/seizures', undefined, 200)).body.total, before);
    });

    test('a seizure of a case is read by the case team only; a strict marking keeps the node administrator out', async () => {
      const c = (await lead.client.call<Json>('POST', '/api/v1/cases', { title: 'Operation Pangolin Route', marking: 'AMBER' }, 201)).body;
      const s = (await lead.client.call<Json>('POST', '/api/v1/seizures', { ...PANGOLIN, reference: 'CASE-1', caseId: c.id, marking: 'AMBER+STRICT' }, 201)).body;
      assert.equal(s.case.id, c.id);
      assert.equal(s.marking.effectiveTlp, 'AMBER+STRICT');
      // A colleague outside the team: 404 and not listed; cannot attach a seizure to the case.
      assert.equal((await colleague.client.call('GET', `/api/v1/seizures/${s.id}`)).status, 404);
      const listed = (await colleague.client.call<Json>('GET', '/api/v1/seizures?q=CASE-1', undefined, 200)).body;
      assert.equal(listed.total, 0);
      assert.equal((await colleague.client.call('POST', '/api/v1/seizures', { ...PANGOLIN, reference: 'CASE-2', caseId: c.id })).status, 404);
      // The node administrator: listed as withheld, reading refused by the release policy and audited.
      const adminList = (await admin.call<Json>('GET', '/api/v1/seizures?q=CASE-1', undefined, 200)).body;
      assert.equal(adminList.items[0].withheld, true);
      assert.deepEqual(adminList.items[0].items, []);
      const denied = await admin.call<Json>('GET', `/api/v1/seizures/${s.id}`);
      assert.equal(denied.status, 403);
      assert.equal(denied.body.code, 'policy_denied');
      const deny = await t.node.deps.db.selectFrom('audit_entries').select('action').where('target', '=', `seizure:${s.id}`).where('action', '=', 'policy.deny').execute();
      assert.equal(deny.length, 1);
    });

    test('CSV import: a file with bad rows changes nothing and says which rows and why; a good file is stored whole', async () => {
      const count = async () => Number((await t.node.deps.db.selectFrom('seizures').where('organisation_id', '=', lead.organisationId).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await count();
      const csv = [
        'Ref,Date,Country,Lat,Lon,Agency,Category,Species,Qty,Unit,Vessel,IMO',
        'IMP-1,2026-01-10,KEN,-4.05,39.67,KRA,wildlife,Loxodonta africana,120,kg,OCEAN PEARL,9074729',
        'IMP-2,2026-02-31,KEN,-4.05,39.67,KRA,wildlife,Manis javanica,10,kg,,',
        'IMP-3,2026-01-11,KEN,123,39.67,KRA,drugs,cocain,5,kg,,',
        'IMP-4,2026-01-12,KEN,-4.05,39.67,KRA,tobacco,Oris,500000,sticks,OCEAN PEARL,9074728',
      ].join('\n');
      const rejected = await lead.client.call<Json>('POST', '/api/v1/seizures/import', { format: 'csv', content: csv });
      assert.equal(rejected.status, 400);
      assert.equal(rejected.body.code, 'import_rejected');
      const rows = rejected.body.problems.map((p: Json) => `${p.row}:${p.column}:${p.code}`);
      assert.deepEqual(rows, ['3:Date:date_impossible', '4:Lat:latitude_out_of_range', '4:Species:substance_unknown', '5:IMO:imo_invalid']);
      assert.deepEqual(rejected.body.problems.find((p: Json) => p.code === 'substance_unknown').params.suggestions, ['cocaine']);
      assert.equal(rejected.body.mapping.Species, 'itemName', 'the mapping is guessed from the headers');
      assert.equal(await count(), before, 'nothing was stored');
      // The mapping step: a dry run reports the same problems and stores nothing either.
      const dry = (await lead.client.call<Json>('POST', '/api/v1/seizures/import', { format: 'csv', content: csv, dryRun: true }, 200)).body;
      assert.equal(dry.problems.length, 4);
      assert.equal(dry.imported, 0);
      // A file of the generator (rows sharing a reference are one seizure) goes in whole.
      const demo = generateDemoData(referenceLists(), { seed: 7, seizures: 12, incidents: 0, until: '2026-06-30' });
      const ok = (await lead.client.call<Json>('POST', '/api/v1/seizures/import', { format: 'csv', content: seizuresAsCsv(demo.seizures) }, 200)).body;
      assert.equal(ok.imported, 12);
      assert.equal(await count(), before + 12);
      // The batch write stores every seizure with its own items, route stops and parties, in the file's order.
      assert.deepEqual(
        ok.created.map((c: Json) => c.reference),
        demo.seizures.map((s) => s.reference),
      );
      const ids = ok.created.map((c: Json) => c.id as string);
      const stored = async (table: 'seizure_items' | 'seizure_route_stops' | 'registry_parties') => Number((await t.node.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).where('seizure_id', 'in', ids).executeTakeFirstOrThrow()).n);
      assert.equal(await stored('seizure_items'), demo.seizures.reduce((a, s) => a + s.items.length, 0));
      // The CSV columns carry a route's origin and destination (not its transit stops).
      assert.equal(await stored('seizure_route_stops'), demo.seizures.length * 2);
      assert.equal(await stored('registry_parties'), demo.seizures.reduce((a, s) => a + (s.parties?.length ?? 0), 0));
      const audit = await t.node.deps.db.selectFrom('audit_entries').select(['action']).where('action', '=', 'seizure.import').execute();
      assert.equal(audit.length, 1);
      // The same reference twice: refused whole.
      const again = await lead.client.call<Json>('POST', '/api/v1/seizures/import', { format: 'csv', content: seizuresAsCsv(demo.seizures.slice(0, 2)) });
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'reference_taken');
      assert.equal(await count(), before + 12);
    });

    test('XLSX import with a mapping chosen by the user', async () => {
      const content = await xlsxBase64([
        ['Numéro', 'Date de saisie', 'Pays', 'Service', 'Domaine', 'Produit', 'Quantité', 'Unité'],
        ['XL-1', '2026-04-01', 'ken', 'KRA Airport', 'drugs', 'heroin', 12.5, 'kg'],
        ['XL-2', '2026-04-02', 'KEN', 'KRA Airport', 'medical', 'Coartem 20/120', 3000, 'tablets'],
      ]);
      const mapping = { Numéro: 'reference', 'Date de saisie': 'occurredAt', Pays: 'country', Service: 'authority', Domaine: 'domain', Produit: 'itemName', Quantité: 'quantity', Unité: 'unit' };
      const unmapped = (await lead.client.call<Json>('POST', '/api/v1/seizures/import', { format: 'xlsx', content, dryRun: true }, 200)).body;
      assert.deepEqual(unmapped.columns, Object.keys(mapping));
      assert.ok(unmapped.problems.some((p: Json) => p.code === 'import_field_unmapped' && p.params.field === 'occurredAt'));
      const done = (await lead.client.call<Json>('POST', '/api/v1/seizures/import', { format: 'xlsx', content, mapping }, 200)).body;
      assert.equal(done.imported, 2);
      const heroin = (await lead.client.call<Json>('GET', '/api/v1/seizures?substance=diacetylmorphine', undefined, 200)).body;
      assert.ok(heroin.items.some((i: Json) => i.reference === 'XL-1'), 'an alias finds the substance');
      assert.ok(heroin.items.every((i: Json) => i.items.some((x: Json) => x.name === 'heroin')));
      const broken = await lead.client.call<Json>('POST', '/api/v1/seizures/import', { format: 'xlsx', content: Buffer.from('not a workbook').toString('base64') });
      assert.equal(broken.status, 400);
      assert.equal(broken.body.code, 'xlsx_unreadable');
    });

    test('maritime incidents: recorded with a valid IMO and position, scoped and filtered', async () => {
      const body = {
        occurredAt: '2026-05-01T02:10:00+08:00',
        latitude: 1.21,
        longitude: 103.95,
        area: 'Singapore Strait, eastbound lane',
        vessel: { name: 'OCEAN PEARL', imo: '9074729', flag: 'PAN', type: 'bulk carrier' },
        vesselStatus: 'underway',
        kind: 'armed-robbery',
        narrative: 'Five robbers armed with knives boarded from a small boat and stole engine spares.',
        crew: { threatened: 2 },
        reportingSource: 'ReCAAP ISC',
        parties: [{ role: 'owner', kind: 'company', name: 'Blue Ocean Trading Ltd' }],
      };
      const i = (await lead.client.call<Json>('POST', '/api/v1/incidents', body, 201)).body;
      assert.match(i.reference, /^MI-\d{4}-00001$/);
      assert.equal(i.occurredAt, '2026-04-30T18:10:00.000Z');
      assert.equal(i.iccsCode, '0401');
      assert.equal((await stranger.client.call('GET', `/api/v1/incidents/${i.id}`)).status, 404);
      const badImo = await lead.client.call<Json>('POST', '/api/v1/incidents', { ...body, vessel: { ...body.vessel, imo: '9074720' }, longitude: 200 });
      assert.equal(badImo.status, 400);
      assert.deepEqual(badImo.body.problems.map((p: Json) => p.code).sort(), ['imo_invalid', 'longitude_out_of_range']);
      assert.equal((await lead.client.call<Json>('GET', '/api/v1/incidents?kind=armed-robbery&vesselImo=9074729', undefined, 200)).body.total, 1);
      assert.equal((await lead.client.call<Json>('GET', '/api/v1/incidents?kind=piracy', undefined, 200)).body.total, 0);
      const updated = (await lead.client.call<Json>('PATCH', `/api/v1/incidents/${i.id}`, { version: 1, kind: 'boarding' }, 200)).body;
      assert.equal(updated.kind, 'boarding');
      assert.equal(updated.version, 2);
    });
  });
}
