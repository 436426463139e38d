// Free-text search of the seizure and maritime-incident registries at scale (issue 14 part 7): a
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
  await sql`drop index if exists maritime_incidents_search_trgm_idx`.execute(db);
  await sql`drop index if exists seizures_search_trgm_idx`.execute(db);
}
