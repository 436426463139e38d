// Evidence arriving over federation in binary chunks (issue 12 part 5): one row per incoming
// transfer (the signed offer's metadata, the per-transfer content key until the transfer ends, the
// SHA-256 of every chunk) and one row per chunk received, so an interrupted transfer resumes from
// what is here. The chunks themselves wait in <data>/transfers/<id>/ until the item is accepted.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evidence_transfers')
    .addColumn('transfer_id', 'uuid', (c) => c.primaryKey())
    .addColumn('sender_node_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'uuid', (c) => c.notNull())
    .addColumn('recipient_organisation_id', 'uuid')
    // The offer as signed by the sender, without its content key.
    .addColumn('offer', 'jsonb', (c) => c.notNull())
    // base64url; set to null once the transfer is accepted or refused.
    .addColumn('content_key', 'text')
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('chunk_size', 'integer', (c) => c.notNull())
    .addColumn('chunk_count', 'integer', (c) => c.notNull())
    .addColumn('chunk_sha256', 'jsonb', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // receiving | accepted | refused
    .addColumn('refusal', 'text')
    .addColumn('item_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('completed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('evidence_transfers_conversation').on('evidence_transfers').columns(['sender_node_id', 'conversation_id']).execute();
  await db.schema
    .createTable('evidence_transfer_chunks')
    .addColumn('transfer_id', 'uuid', (c) => c.notNull().references('evidence_transfers.transfer_id').onDelete('cascade'))
    .addColumn('index', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('evidence_transfer_chunks_pk', ['transfer_id', 'index'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('evidence_transfer_chunks').execute();
  await db.schema.dropTable('evidence_transfers').execute();
}
