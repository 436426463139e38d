// Requested authorities without a node: the ones an administrator adds to the directory, and the
// documents the requesting side attaches to an answer it records (executed with documents).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('authorities')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('channel', 'text')
    .addColumn('languages', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('email', 'text')
    .addColumn('notes', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('authorities_state_idx').on('authorities').columns(['state', 'name']).execute();
  // The timeline event of the recorded answer a file came with (null: attached to the draft).
  await db.schema.alterTable('request_attachments').addColumn('answer_event_id', 'uuid').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('request_attachments').dropColumn('answer_event_id').execute();
  await db.schema.dropTable('authorities').execute();
}
