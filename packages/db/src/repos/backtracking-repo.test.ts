// Backtracking and the statistics rollup on PGlite and PostgreSQL, on a small synthetic registry:
// a vessel shared by a wildlife and a tobacco seizure is found (and an incident of the same ship),
// with the element named; an unrelated seizure, one outside the window and one of another
// organisation are not; the rollup's counts are the ones computed by hand.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { openDatabase } from '../connection.ts';
import { migrateToLatest } from '../migrate.ts';
import type { Database } from '../schema.ts';
import { testBackends } from '../testing.ts';
import { backtrackOrigin, findRelated } from './backtracking-repo.ts';
import { insertIncident, insertSeizure } from './seizures-repo.ts';
import { readRollup, refreshRollup } from './statistics-repo.ts';

const IMO = '9074729';

for (const backend of testBackends()) {
  describe(`backtracking and statistics on ${backend.name}`, () => {
    let db: Kysely<Database>;
    let close: () => Promise<void>;
    let schema: string | undefined;
    const org = randomUUID();
    const other = randomUUID();
    const ids = { wildlife: randomUUID(), tobacco: randomUUID(), drugs: randomUUID(), late: randomUUID(), foreign: randomUUID(), unrelated: randomUUID(), incident: randomUUID() };

    async function seizure(id: string, o: { org?: string; at: string; imo?: string | null; domain: string; name: string; iccs: string; country?: string; point?: string; stops?: [string, string | null][]; parties?: { kind: string; name: string; identifier?: string }[] }) {
      const at = new Date(o.at);
      await insertSeizure(
        db,
        { id, organisation_id: o.org ?? org, reference: `SZ-${id.slice(0, 8)}`, occurred_at: at, time_known: false, country: o.country ?? 'KEN', location_kind: 'seaport', location_point: o.point ?? null, authority: 'Customs', detection_method: 'x-ray', conveyance_type: 'container', conveyance: '{}', vessel_imo: o.imo ?? null, iccs_code: o.iccs, marking: 'AMBER', handling: 'H0', sources: '[]', search_text: '', created_at: at, updated_at: at },
        {
          items: [{ id: randomUUID(), seizure_id: id, position: 0, domain: o.domain, name: o.name, name_key: o.name.toLowerCase(), quantity: 1, unit: 'kg', details: '{}' }],
          stops: (o.stops ?? []).map(([country, port], position) => ({ seizure_id: id, position, stage: position === 0 ? 'origin' : 'destination', country, port, port_key: port ? port.toLowerCase() : null })),
          parties: (o.parties ?? []).map((p, position) => ({ id: randomUUID(), seizure_id: id, position, role: 'consignor', party_kind: p.kind, name: p.name, name_key: p.name.toLowerCase(), identifier: p.identifier ?? null, identifier_key: p.identifier ? p.identifier.replace(/\D/g, '') : null })),
        },
      );
    }

    before(async () => {
      schema = await backend.newSchema();
      const opened = await openDatabase({ databaseUrl: backend.databaseUrl, schema });
      db = opened.db;
      close = opened.close;
      await migrateToLatest(db);
      for (const [id, country] of [[org, 'KEN'], [other, 'TZA']] as const) await db.insertInto('organisations').values({ id, name: `Customs ${country}`, country, kind: 'customs', created_at: new Date() } as never).execute();
      await seizure(ids.wildlife, { at: '2026-03-02T00:00:00Z', imo: IMO, domain: 'wildlife', name: 'Manis javanica', iccs: '1003', point: 'Mombasa', stops: [['NGA', 'Lagos'], ['VNM', 'Hai Phong']], parties: [{ kind: 'company', name: 'Blue Ocean Trading', identifier: '+254 700 111 222' }] });
      await seizure(ids.tobacco, { at: '2026-05-10T00:00:00Z', imo: IMO, domain: 'tobacco', name: 'Marlboro', iccs: '0903', stops: [['ARE', 'Jebel Ali'], ['KEN', 'Mombasa']] });
      await seizure(ids.drugs, { at: '2026-01-20T00:00:00Z', domain: 'drugs', name: 'Cocaine', iccs: '06011', country: 'TZA', stops: [['NGA', 'Lagos'], ['VNM', 'Hai Phong']], parties: [{ kind: 'person', name: 'J. Doe', identifier: '254700111222' }] });
      await seizure(ids.late, { at: '2028-03-02T00:00:00Z', imo: IMO, domain: 'drugs', name: 'Heroin', iccs: '06011' });
      await seizure(ids.foreign, { org: other, at: '2026-03-05T00:00:00Z', imo: IMO, domain: 'wildlife', name: 'Loxodonta africana', iccs: '1003', country: 'TZA' });
      await seizure(ids.unrelated, { at: '2026-03-03T00:00:00Z', imo: '9321483', domain: 'medical', name: 'Paracetamol', iccs: '1003', point: 'Nairobi', parties: [{ kind: 'person', name: 'Blue Ocean Trading' }] });
      const at = new Date('2026-04-01T03:00:00Z');
      await insertIncident(
        db,
        { id: ids.incident, organisation_id: org, reference: 'MI-1', occurred_at: at, time_known: true, latitude: -4.05, longitude: 39.7, vessel_name: 'OCEAN STAR', vessel_imo: IMO, vessel_type: 'container ship', vessel_status: 'anchored', kind: 'armed-robbery', narrative: 'Robbers boarded', crew: '{}', reporting_source: 'ReCAAP', iccs_code: '0401', marking: 'AMBER', handling: 'H0', sources: '[]', search_text: '', created_at: at, updated_at: at },
        [{ id: randomUUID(), incident_id: ids.incident, position: 0, role: 'owner', party_kind: 'company', name: 'Blue Ocean Trading', name_key: 'blue ocean trading' }],
      );
    });
    after(async () => {
      await close();
      await backend.dropSchema(schema);
    });

    test('a wildlife seizure leads to the tobacco and drugs seizures and the incident, each with what they share', async () => {
      const origin = await backtrackOrigin(db, 'seizure', ids.wildlife);
      assert.ok(origin);
      const related = await findRelated(db, origin, { windowDays: 365, scope: { organisationId: org }, limit: 50 });
      const byId = new Map(related.map((r) => [r.id, r]));
      assert.ok(byId.get(ids.tobacco)?.shared.some((e) => e.kind === 'vessel' && e.value === IMO));
      assert.ok(byId.get(ids.tobacco)?.shared.some((e) => e.kind === 'port' && e.value === 'Mombasa'));
      const drugs = byId.get(ids.drugs)?.shared ?? [];
      assert.ok(drugs.some((e) => e.kind === 'route-segment' && e.value === 'NGA Lagos → VNM Hai Phong'));
      assert.ok(drugs.some((e) => e.kind === 'identifier' && e.value === '+254 700 111 222'));
      const incident = byId.get(ids.incident);
      assert.equal(incident?.kind, 'incident');
      assert.ok(incident?.shared.some((e) => e.kind === 'company' && e.value === 'Blue Ocean Trading'));
      assert.ok(incident?.shared.some((e) => e.kind === 'vessel'));
      // Not: itself, a seizure two years later, another organisation's, a person named like the company.
      for (const id of [ids.wildlife, ids.late, ids.foreign, ids.unrelated]) assert.equal(byId.has(id), false, id);
      // Most shared elements first (the drugs seizure: the segment, its two ports, the phone), then the nearest in time:
      // the incident (30 days later) before the tobacco seizure (69 days later).
      assert.deepEqual(related.map((r) => r.id), [ids.drugs, ids.incident, ids.tobacco]);
      assert.deepEqual(drugs.filter((e) => e.kind === 'port').map((e) => e.value).sort(), ['Hai Phong', 'Lagos']);
    });

    test('from the incident back to the seizures; a narrow window leaves the far ones out', async () => {
      const origin = await backtrackOrigin(db, 'incident', ids.incident);
      assert.ok(origin);
      const wide = await findRelated(db, origin, { windowDays: 365, scope: { organisationId: org }, limit: 50 });
      assert.deepEqual(new Set(wide.map((r) => r.id)), new Set([ids.wildlife, ids.tobacco]));
      const narrow = await findRelated(db, origin, { windowDays: 10, scope: { organisationId: org }, limit: 50 });
      assert.deepEqual(narrow.map((r) => r.id), []);
      // With the node-wide scope, the other organisation's seizure of the same ship appears (the service decides each).
      const all = await findRelated(db, origin, { windowDays: 365, scope: {}, limit: 50 });
      assert.ok(all.some((r) => r.id === ids.foreign));
    });

    test('the rollup counts seizures, incidents and requests as computed by hand', async () => {
      const reqAt = new Date('2026-02-15T12:00:00Z');
      const request = (offences: unknown[], side: string, submitted: Date | null) => ({
        id: randomUUID(), conversation_id: randomUUID(), organisation_id: org, side, reference: `R-${randomUUID().slice(0, 6)}`, type: 'mla', state: submitted ? 'transmitted' : 'draft', title: 't',
        requesting_organisation_name: 'Customs KEN', requesting_state: side === 'requesting' ? 'KEN' : 'FRA', requested_state: side === 'requesting' ? 'FRA' : 'KEN',
        content: JSON.stringify({ offences }), marking: 'AMBER', urgent: false, created_at: reqAt, updated_at: reqAt, submitted_at: side === 'requesting' ? submitted : null, received_at: side === 'requested' ? submitted : null,
      });
      await db.insertInto('requests').values([
        request([{ category: 'drug-trafficking' }, { category: 'money-laundering' }], 'requesting', reqAt),
        request([{ category: 'drug-trafficking', iccs: '0601' }], 'requested', reqAt),
        request([{ category: 'terrorism' }], 'requesting', reqAt),
        request([{ category: 'drug-trafficking' }], 'requesting', null),
      ] as never).execute();
      const n = await refreshRollup(db, [{ id: 'drug-trafficking', iccs: '0601' }, { id: 'money-laundering', iccs: '07041' }, { id: 'terrorism', iccs: null }], new Date('2026-06-01T00:00:00Z'));
      assert.ok(n > 0);
      const mine = await readRollup(db, { organisationId: org });
      assert.equal(mine.refreshedAt?.toISOString(), '2026-06-01T00:00:00.000Z');
      const count = (source: string, month: string, country: string, iccs: string) => mine.rows.find((r) => r.source === source && r.month === month && r.country === country && r.iccsCode === iccs)?.count ?? 0;
      assert.equal(count('seizure', '2026-03', 'KEN', '1003'), 2);
      assert.equal(count('seizure', '2026-05', 'KEN', '0903'), 1);
      assert.equal(count('seizure', '2026-01', 'TZA', '06011'), 1);
      assert.equal(count('incident', '2026-04', '_X', '0401'), 1);
      assert.equal(count('request', '2026-02', 'FRA', '0601'), 2);
      assert.equal(count('request', '2026-02', 'FRA', '07041'), 1);
      assert.equal(count('request', '2026-02', 'FRA', '_X'), 1);
      // The draft is not counted; the other organisation's seizure is not in ours.
      assert.equal(mine.rows.filter((r) => r.source === 'request').reduce((s, r) => s + r.count, 0), 4);
      assert.equal(mine.rows.filter((r) => r.source === 'seizure').reduce((s, r) => s + r.count, 0), 5);
      const node = await readRollup(db, { sources: ['seizure'], iccs: '1003' });
      assert.equal(node.rows.reduce((s, r) => s + r.count, 0), 3);
    });
  });
}
