// The outbox: messages that must leave a use case's transaction (to another organisation on this
// node or to a peer node). A row is written in the same transaction as the business change; a
// worker delivers it afterwards, so nothing is sent before it is committed and nothing committed
// is lost.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('seq', 'serial', (c) => c.notNull().unique())
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('sender_organisation_id', 'uuid')
    .addColumn('recipient_organisation_id', 'uuid')
    .addColumn('recipient_node_id', 'text')
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .execute();
  await sql`create index outbox_pending_idx on outbox (state, next_attempt_at) where state = 'pending'`.execute(db);
  await db.schema.createIndex('outbox_conversation_idx').on('outbox').columns(['conversation_id', 'seq']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outbox').execute();
}
