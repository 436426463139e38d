// The registries' tables on PGlite and PostgreSQL: a seizure with items, route and parties is
// stored and found again by the filters backtracking and statistics use; a party must belong to
// exactly one record.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { openDatabase } from '../connection.ts';
import { migrateToLatest } from '../migrate.ts';
import type { Database } from '../schema.ts';
import { testBackends } from '../testing.ts';
import { insertIncident, insertSeizure, listIncidents, listSeizures, seizureChildren } from './seizures-repo.ts';

for (const backend of testBackends()) {
  describe(`seizures repository on ${backend.name}`, () => {
    let db: Kysely<Database>;
    let close: () => Promise<void>;
    let schema: string | undefined;
    const org = randomUUID();
    before(async () => {
      schema = await backend.newSchema();
      const opened = await openDatabase({ databaseUrl: backend.databaseUrl, schema });
      db = opened.db;
      close = opened.close;
      await migrateToLatest(db);
      await db.insertInto('organisations').values({ id: org, name: 'Customs', country: 'KEN', kind: 'customs', created_at: new Date() } as never).execute();
    });
    after(async () => {
      await close();
      await backend.dropSchema(schema);
    });

    test('a seizure is stored with its children and found by item, port and vessel', async () => {
      const id = randomUUID();
      const now = new Date('2026-03-02T00:00:00Z');
      await insertSeizure(
        db,
        { id, organisation_id: org, reference: 'SZ-1', occurred_at: now, time_known: false, country: 'KEN', location_kind: 'seaport', location_point: 'Mombasa', authority: 'KRA', detection_method: 'x-ray', conveyance_type: 'container', conveyance: JSON.stringify({ vesselImo: '9074729' }), vessel_imo: '9074729', iccs_code: '1003', marking: 'AMBER', handling: 'H0', sources: '[]', search_text: 'sz 1 mombasa', created_at: now, updated_at: now },
        {
          items: [{ id: randomUUID(), seizure_id: id, position: 0, domain: 'wildlife', name: 'Manis javanica', name_key: 'manis javanica', quantity: 120, unit: 'kg', details: '{}' }],
          stops: [
            { seizure_id: id, position: 0, stage: 'origin', country: 'NGA', port: 'Lagos', port_key: 'lagos' },
            { seizure_id: id, position: 1, stage: 'destination', country: 'VNM', port: 'Hai Phong', port_key: 'hai phong' },
          ],
          parties: [{ id: randomUUID(), seizure_id: id, position: 0, role: 'consignor', party_kind: 'company', name: 'Blue Ocean Trading', name_key: 'blue ocean trading' }],
        },
      );
      const found = await listSeizures(db, { organisationId: org, nameKey: 'manis javanica', domain: 'wildlife', limit: 10, offset: 0 });
      assert.equal(found.total, 1);
      assert.equal((await listSeizures(db, { organisationId: org, domain: 'drugs', limit: 10, offset: 0 })).total, 0);
      assert.equal((await listSeizures(db, { organisationId: org, vesselImo: '9074729', from: new Date('2026-03-01'), to: new Date('2026-03-03'), limit: 10, offset: 0 })).total, 1);
      const children = await seizureChildren(db, [id]);
      assert.deepEqual(children.stops.map((s) => s.port), ['Lagos', 'Hai Phong']);
      assert.equal(children.items[0]?.quantity, 120);
      assert.equal(children.parties[0]?.name, 'Blue Ocean Trading');
    });

    test('an incident is stored and a party of no record is refused', async () => {
      const id = randomUUID();
      const now = new Date();
      await insertIncident(
        db,
        { id, organisation_id: org, reference: 'MI-1', occurred_at: now, time_known: true, latitude: 1.2, longitude: 103.8, vessel_name: 'OCEAN STAR', vessel_type: 'bulk carrier', vessel_status: 'underway', kind: 'armed-robbery', narrative: 'Robbers boarded', crew: '{}', reporting_source: 'ReCAAP', iccs_code: '0401', marking: 'AMBER', handling: 'H0', sources: '[]', search_text: 'ocean star', created_at: now, updated_at: now },
        [{ id: randomUUID(), incident_id: id, position: 0, role: 'owner', party_kind: 'company', name: 'Star Shipping', name_key: 'star shipping' }],
      );
      assert.equal((await listIncidents(db, { organisationId: org, kind: 'armed-robbery', limit: 10, offset: 0 })).total, 1);
      await assert.rejects(db.insertInto('registry_parties').values({ id: randomUUID(), position: 0, role: 'owner', party_kind: 'company', name: 'x', name_key: 'x' }).execute());
    });
  });
}
