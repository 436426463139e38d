// The registries at scale (issue 14 part 7).
//
// 1. An incremental statistics rollup: statement-level triggers note which (source, month) a change
//    to seizures or maritime incidents touched in `statistics_dirty`, and the refresh job
//    recomputes only those months (by the new occurred_at indexes) instead of the whole registry.
//
// 2. Free-text search of the seizure and maritime-incident registries at scale: a
// trigram GIN index on `search_text`, so that the lists' `search_text like '%word%'` is served by
// the index instead of a scan of the registry. The index needs the pg_trgm extension: PostgreSQL
// ships it in contrib (a trusted extension since 13), and the node loads PGlite's pg_trgm contrib
// (connection.ts). The extension is installed once per database in `public` (not in the node's
// schema: tests and benches drop their schemas, and a dropped schema would take the extension and
// every other schema's index with it), under an advisory lock so that nodes migrating at the same
// time do not race. A server without pg_trgm keeps the scan: the migration then adds nothing.
import { type Kysely, sql } from 'kysely';

async function trigramSchema(db: Kysely<unknown>): Promise<string | undefined> {
  const found = await sql<{ schema: string }>`select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db);
  return found.rows[0]?.schema;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('statistics_dirty')
    // seizure, incident
    .addColumn('source', 'text', (c) => c.notNull())
    // YYYY-MM (UTC) of the occurred_at of a row inserted, changed or deleted since the last refresh.
    .addColumn('month', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('statistics_dirty_pk', ['source', 'month'])
    .execute();
  await db.schema.createIndex('seizures_occurred_idx').on('seizures').columns(['occurred_at']).execute();
  await db.schema.createIndex('maritime_incidents_occurred_idx').on('maritime_incidents').columns(['occurred_at']).execute();
  // One function for both tables (TG_ARGV[0] is the source); statement-level with transition
  // tables, so a COPY or a multi-row INSERT notes each month once, not once per row.
  await sql`
    create function statistics_mark_dirty() returns trigger language plpgsql as $$
    begin
      if TG_OP in ('INSERT', 'UPDATE') then
        insert into statistics_dirty (source, month)
          select distinct TG_ARGV[0], to_char(occurred_at at time zone 'UTC', 'YYYY-MM') from new_rows
          on conflict do nothing;
      end if;
      if TG_OP in ('UPDATE', 'DELETE') then
        insert into statistics_dirty (source, month)
          select distinct TG_ARGV[0], to_char(occurred_at at time zone 'UTC', 'YYYY-MM') from old_rows
          on conflict do nothing;
      end if;
      return null;
    end $$`.execute(db);
  for (const [table, source] of [
    ['seizures', 'seizure'],
    ['maritime_incidents', 'incident'],
  ] as const) {
    const t = sql.raw(table);
    const s = sql.lit(source);
    await sql`create trigger ${sql.raw(`${table}_stats_insert`)} after insert on ${t} referencing new table as new_rows for each statement execute function statistics_mark_dirty(${s})`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_stats_update`)} after update on ${t} referencing old table as old_rows new table as new_rows for each statement execute function statistics_mark_dirty(${s})`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_stats_delete`)} after delete on ${t} referencing old table as old_rows for each statement execute function statistics_mark_dirty(${s})`.execute(db);
  }

  const available = await sql<{ n: number }>`select count(*)::int as n from pg_available_extensions where name = 'pg_trgm'`.execute(db);
  if (!available.rows[0]?.n) return;
  await sql`select pg_advisory_xact_lock(hashtext('comity:extension:pg_trgm'))`.execute(db);
  if (!(await trigramSchema(db))) await sql`create extension if not exists pg_trgm with schema public`.execute(db);
  const schema = await trigramSchema(db);
  if (!schema) return;
  const ops = sql.raw(`"${schema.replace(/"/g, '')}".gin_trgm_ops`);
  await sql`create index seizures_search_trgm_idx on seizures using gin (search_text ${ops})`.execute(db);
  await sql`create index maritime_incidents_search_trgm_idx on maritime_incidents using gin (search_text ${ops})`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['seizures', 'maritime_incidents']) for (const op of ['insert', 'update', 'delete']) await sql`drop trigger if exists ${sql.raw(`${table}_stats_${op}`)} on ${sql.raw(table)}`.execute(db);
  await sql`drop function if exists statistics_mark_dirty()`.execute(db);
  await sql`drop index if exists maritime_incidents_occurred_idx`.execute(db);
  await sql`drop index if exists seizures_occurred_idx`.execute(db);
  await db.schema.dropTable('statistics_dirty').execute();
  await sql`drop index if exists maritime_incidents_search_trgm_idx`.execute(db);
  await sql`drop index if exists seizures_search_trgm_idx`.execute(db);
}
