// RFC 3161 time-stamps of evidence items: one row per item and time-stamp authority. A row is
// pending until the authority grants a token that verifies (granted) or answers with one that
// never will (failed); pending rows are retried with back-off by the time-stamp job.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evidence_timestamps')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('item_id', 'uuid', (c) => c.notNull().references('evidence_items.id').onDelete('cascade'))
    .addColumn('tsa_url', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'granted', 'failed')`))
    // The SHA-256 the token is asked for (the item's), kept so a row checks on its own.
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz')
    .addColumn('token', 'bytea')
    .addColumn('nonce', 'text')
    .addColumn('gen_time', 'timestamptz')
    .addColumn('serial', 'text')
    .addColumn('policy', 'text')
    .addColumn('tsa_name', 'text')
    .addColumn('signer', 'text')
    // Stable reason code (tsp.ts TimestampFailure, 'unavailable', 'rejected', 'bad_response') and text.
    .addColumn('error_reason', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_timestamps_item_tsa_idx').on('evidence_timestamps').columns(['item_id', 'tsa_url']).unique().execute();
  await db.schema.createIndex('evidence_timestamps_due_idx').on('evidence_timestamps').columns(['status', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('evidence_timestamps').execute();
}
