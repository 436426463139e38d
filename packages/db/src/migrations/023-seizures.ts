// Seizure and maritime-incident registries (issue 14): seizure events with their seized items (one
// row per item, by domain), the stops of their route, maritime incidents, and the parties of both
// (an entity of the case, or a name as the source gave it). Columns that backtracking and
// statistics filter or join on (vessel IMO, item name, port, party name, ICCS code) are plain
// indexed columns; the rest of each record is jsonb.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('seizures')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('case_id', 'uuid', (c) => c.references('cases.id'))
    .addColumn('reference', 'text', (c) => c.notNull())
    // Date-only reports are stored at 00:00 UTC with time_known false.
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('time_known', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    // seaport, airport, land-border, mail-centre, inland, at-sea, other; and its name / UN/LOCODE.
    .addColumn('location_kind', 'text', (c) => c.notNull())
    .addColumn('location_point', 'text')
    .addColumn('authority', 'text', (c) => c.notNull())
    .addColumn('detection_method', 'text', (c) => c.notNull())
    .addColumn('conveyance_type', 'text', (c) => c.notNull())
    // { vesselName, vesselImo, vesselFlag, containerNumber, flightNumber, airWaybill, trackingNumber, vehicleRegistration }
    .addColumn('conveyance', 'jsonb', (c) => c.notNull())
    .addColumn('vessel_imo', 'text')
    .addColumn('iccs_code', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('marking', 'text', (c) => c.notNull())
    .addColumn('handling', 'text', (c) => c.notNull())
    // [{ title, reference? }]: where the record comes from (a customs report, a press release ...).
    .addColumn('sources', 'jsonb', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('seizures_org_reference_idx').on('seizures').columns(['organisation_id', 'reference']).unique().execute();
  await db.schema.createIndex('seizures_org_occurred_idx').on('seizures').columns(['organisation_id', 'occurred_at']).execute();
  await db.schema.createIndex('seizures_case_idx').on('seizures').columns(['case_id']).execute();
  await db.schema.createIndex('seizures_country_idx').on('seizures').columns(['country', 'occurred_at']).execute();
  await db.schema.createIndex('seizures_vessel_imo_idx').on('seizures').columns(['vessel_imo']).execute();
  await db.schema.createIndex('seizures_iccs_idx').on('seizures').columns(['iccs_code']).execute();

  await db.schema
    .createTable('seizure_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('seizure_id', 'uuid', (c) => c.notNull().references('seizures.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    // wildlife, drugs, medical, tobacco, other
    .addColumn('domain', 'text', (c) => c.notNull())
    // The species' scientific name, the substance, the medical product, the tobacco brand or the goods, as the reference list spells it.
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('quantity', 'double precision')
    .addColumn('unit', 'text')
    // The whole item as sent (specimen type, CITES appendix, purity, batch, tax stamps ...).
    .addColumn('details', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('seizure_items_seizure_idx').on('seizure_items').columns(['seizure_id', 'position']).unique().execute();
  await db.schema.createIndex('seizure_items_name_idx').on('seizure_items').columns(['domain', 'name_key']).execute();

  await db.schema
    .createTable('seizure_route_stops')
    .addColumn('seizure_id', 'uuid', (c) => c.notNull().references('seizures.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    // origin, transit, destination
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('port', 'text')
    .addColumn('port_key', 'text')
    .addPrimaryKeyConstraint('seizure_route_stops_pk', ['seizure_id', 'position'])
    .execute();
  await db.schema.createIndex('seizure_route_stops_port_idx').on('seizure_route_stops').columns(['port_key']).execute();
  await db.schema.createIndex('seizure_route_stops_country_idx').on('seizure_route_stops').columns(['country', 'stage']).execute();

  await db.schema
    .createTable('maritime_incidents')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('case_id', 'uuid', (c) => c.references('cases.id'))
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('time_known', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    // Where, in words (e.g. "Singapore Strait, 5 nm NE of Pulau Nipa"), and the coastal State if in its waters.
    .addColumn('area', 'text')
    .addColumn('country', 'text')
    .addColumn('vessel_name', 'text', (c) => c.notNull())
    .addColumn('vessel_imo', 'text')
    .addColumn('vessel_flag', 'text')
    .addColumn('vessel_type', 'text', (c) => c.notNull())
    // underway, anchored, berthed
    .addColumn('vessel_status', 'text', (c) => c.notNull())
    // piracy, armed-robbery, boarding, hijacking, kidnapping, attempted, other
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('narrative', 'text', (c) => c.notNull())
    // { hostage, kidnapped, injured, killed, missing, assaulted, threatened }: numbers of crew.
    .addColumn('crew', 'jsonb', (c) => c.notNull())
    .addColumn('reporting_source', 'text', (c) => c.notNull())
    .addColumn('iccs_code', 'text', (c) => c.notNull())
    .addColumn('marking', 'text', (c) => c.notNull())
    .addColumn('handling', 'text', (c) => c.notNull())
    .addColumn('sources', 'jsonb', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('maritime_incidents_org_reference_idx').on('maritime_incidents').columns(['organisation_id', 'reference']).unique().execute();
  await db.schema.createIndex('maritime_incidents_org_occurred_idx').on('maritime_incidents').columns(['organisation_id', 'occurred_at']).execute();
  await db.schema.createIndex('maritime_incidents_case_idx').on('maritime_incidents').columns(['case_id']).execute();
  await db.schema.createIndex('maritime_incidents_vessel_imo_idx').on('maritime_incidents').columns(['vessel_imo']).execute();

  await db.schema
    .createTable('registry_parties')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    // Exactly one of seizure_id and incident_id is set.
    .addColumn('seizure_id', 'uuid', (c) => c.references('seizures.id').onDelete('cascade'))
    .addColumn('incident_id', 'uuid', (c) => c.references('maritime_incidents.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    // consignor, consignee, carrier, owner, payer (seizures); owner, operator, master, charterer (incidents)
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'uuid', (c) => c.references('entities.id').onDelete('set null'))
    // person, company, vessel, other
    .addColumn('party_kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    // A phone, account, registration or tax number as the source gave it, and its normalised form.
    .addColumn('identifier', 'text')
    .addColumn('identifier_key', 'text')
    .addCheckConstraint('registry_parties_one_record', sql`(seizure_id is null) <> (incident_id is null)`)
    .execute();
  await db.schema.createIndex('registry_parties_seizure_idx').on('registry_parties').columns(['seizure_id']).execute();
  await db.schema.createIndex('registry_parties_incident_idx').on('registry_parties').columns(['incident_id']).execute();
  await db.schema.createIndex('registry_parties_name_idx').on('registry_parties').columns(['name_key']).execute();
  await db.schema.createIndex('registry_parties_identifier_idx').on('registry_parties').columns(['identifier_key']).execute();
  await db.schema.createIndex('registry_parties_entity_idx').on('registry_parties').columns(['entity_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('registry_parties').execute();
  await db.schema.dropTable('maritime_incidents').execute();
  await db.schema.dropTable('seizure_route_stops').execute();
  await db.schema.dropTable('seizure_items').execute();
  await db.schema.dropTable('seizures').execute();
}
