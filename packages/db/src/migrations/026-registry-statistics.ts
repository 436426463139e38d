// Backtracking and statistics over the registries (issue 14 parts 4 and 6): an index so that a
// seizure's location point (a port or border post) is found by name, and the statistics rollup —
// counts of seizures, maritime incidents and cooperation requests per organisation, month, country
// and ICCS code, recomputed by a job on the job queue so that statistics never scan the registry.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index seizures_location_point_idx on seizures (lower(location_point))`.execute(db);

  await db.schema
    .createTable('statistics_rollup')
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    // seizure, incident, request
    .addColumn('source', 'text', (c) => c.notNull())
    // YYYY-MM (UTC) of the event (seizures, incidents) or of the request's submission or receipt.
    .addColumn('month', 'text', (c) => c.notNull())
    // ISO 3166-1 alpha-3; '_X' when not known (an incident on the high seas).
    .addColumn('country', 'text', (c) => c.notNull())
    // ICCS code; '_X' when the offence has no ICCS code.
    .addColumn('iccs_code', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('statistics_rollup_pk', ['organisation_id', 'source', 'month', 'country', 'iccs_code'])
    .execute();
  await db.schema.createIndex('statistics_rollup_month_idx').on('statistics_rollup').columns(['month']).execute();

  await db.schema
    .createTable('statistics_refresh')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('refreshed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('statistics_refresh').execute();
  await db.schema.dropTable('statistics_rollup').execute();
  await sql`drop index seizures_location_point_idx`.execute(db);
}
