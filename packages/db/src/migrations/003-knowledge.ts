// The knowledge base in the database: numbered import versions (who, when, source, digest), the
// records each version brought (instrument definitions, party lists, reservations; a version
// stores only what it changed, so version N is the newest record of each key at or below N), and
// the facts curated by administrators, which are laid over every version.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('knowledge_versions')
    .addColumn('number', 'integer', (c) => c.primaryKey())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_email', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('data_as_of', 'text', (c) => c.notNull())
    .addColumn('forced', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('knowledge_records')
    .addColumn('version', 'integer', (c) => c.notNull().references('knowledge_versions.number'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('knowledge_records_pk', ['version', 'kind', 'key'])
    .execute();
  await sql`create index knowledge_records_key_idx on knowledge_records (kind, key, version desc)`.execute(db);
  await db.schema
    .createTable('knowledge_curations')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('seq', 'serial', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('instrument', 'text', (c) => c.notNull())
    .addColumn('state', 'text')
    .addColumn('fact', 'jsonb', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('based_on_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by_id', 'uuid')
    .addColumn('created_by_email', 'text')
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('withdrawn_by_email', 'text')
    .addColumn('withdrawal_note', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('knowledge_curations').execute();
  await db.schema.dropTable('knowledge_records').execute();
  await db.schema.dropTable('knowledge_versions').execute();
}
