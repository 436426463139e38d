// Federation: trusted peer nodes (from their signed cards), the inbox that makes processing
// exactly-once by message id, the receipts peers signed for what we sent, and attachment chunks
// received ahead of the message that refers to them.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('federation_peers')
    .addColumn('node_id', 'text', (c) => c.primaryKey())
    .addColumn('authority_name', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('signing_key', 'text', (c) => c.notNull())
    .addColumn('encryption_key', 'text', (c) => c.notNull())
    .addColumn('signing_fingerprint', 'text', (c) => c.notNull())
    .addColumn('encryption_fingerprint', 'text', (c) => c.notNull())
    .addColumn('request_types', 'jsonb', (c) => c.notNull())
    .addColumn('languages', 'jsonb', (c) => c.notNull())
    .addColumn('valid_from', 'timestamptz', (c) => c.notNull())
    .addColumn('valid_until', 'timestamptz', (c) => c.notNull())
    .addColumn('card', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('status_reason', 'text')
    // Digest of our own card as last queued to this peer; a different one means announce again.
    .addColumn('announced_card_digest', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('federation_inbox')
    .addColumn('message_id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'serial', (c) => c.notNull().unique())
    .addColumn('sender_node_id', 'text', (c) => c.notNull())
    .addColumn('recipient_organisation_id', 'uuid')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('in_reply_to', 'text')
    .addColumn('marking', 'text', (c) => c.notNull())
    .addColumn('header', 'jsonb', (c) => c.notNull())
    // Kept for notes and status messages; large binary payloads (chunks) are stored elsewhere.
    .addColumn('payload', 'jsonb')
    .addColumn('payload_sha256', 'text', (c) => c.notNull())
    .addColumn('receipt', 'jsonb', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('federation_inbox_conversation_idx').on('federation_inbox').columns(['conversation_id', 'seq']).execute();

  await db.schema
    .createTable('federation_receipts')
    .addColumn('message_id', 'text', (c) => c.primaryKey())
    .addColumn('peer_node_id', 'text', (c) => c.notNull())
    .addColumn('receipt', 'jsonb', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('federation_chunks')
    .addColumn('attachment_sha256', 'text', (c) => c.notNull())
    .addColumn('chunk_index', 'integer', (c) => c.notNull())
    .addColumn('chunk_count', 'integer', (c) => c.notNull())
    .addColumn('chunk_sha256', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('sender_node_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('federation_chunks_pk', ['attachment_sha256', 'chunk_index'])
    .execute();

  // Header fields a use case may set on a message for a peer; when absent the worker derives them
  // (marking from the payload's own marking, else AMBER).
  await db.schema.alterTable('outbox').addColumn('in_reply_to', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('marking', 'text').execute();
  // A delivery in progress holds the message until then; a sender that died leaves it to expire.
  await db.schema.alterTable('outbox').addColumn('leased_until', 'timestamptz').execute();

  // The delivery worker looks for the oldest undelivered message per peer and conversation.
  await sql`create index outbox_peer_idx on outbox (recipient_node_id, conversation_id, seq) where recipient_node_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists outbox_peer_idx`.execute(db);
  await db.schema.alterTable('outbox').dropColumn('leased_until').execute();
  await db.schema.alterTable('outbox').dropColumn('marking').execute();
  await db.schema.alterTable('outbox').dropColumn('in_reply_to').execute();
  for (const t of ['federation_chunks', 'federation_receipts', 'federation_inbox', 'federation_peers']) {
    await db.schema.dropTable(t).execute();
  }
}
