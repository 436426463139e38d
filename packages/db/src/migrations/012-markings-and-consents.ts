// Markings and release policy: what a request was made from (the markings of its sources, so a
// derived record keeps the strictest of them), where a copied file came from, and the consents
// asked of and given by originators for a use outside their limitations.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('requests').addColumn('marking_sources', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`)).execute();
  await db.schema.alterTable('request_attachments').addColumn('source', 'jsonb').execute();
  // Requests written before handling codes existed had none: H0 (no restriction within law
  // enforcement) is what they were handled as, written down so the marking is explicit.
  await sql`update requests set content = jsonb_set(content, '{handling}', '"H0"') where not (content ? 'handling')`.execute(db);
  await db.schema
    .createTable('consents')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    // The organisation on this node whose consent record this is (the asker's or the originator's).
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('direction', 'text', (c) => c.notNull()) // asked | received
    // The asker's id for the exchange; both sides' records share it.
    .addColumn('exchange_id', 'uuid', (c) => c.notNull())
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('request_id', 'uuid', (c) => c.references('requests.id'))
    .addColumn('conversation_id', 'uuid', (c) => c.notNull())
    .addColumn('counterpart_node_id', 'text')
    .addColumn('counterpart_organisation_id', 'uuid')
    .addColumn('counterpart_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('recipient_node_id', 'text')
    .addColumn('proceedings', 'text')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('conditions', 'text')
    .addColumn('asked_by', 'uuid')
    .addColumn('asked_by_email', 'text')
    .addColumn('approved_by', 'uuid')
    .addColumn('answered_by', 'uuid')
    .addColumn('answered_by_email', 'text')
    .addColumn('answer_approved_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('answered_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('consents_source_idx').on('consents').columns(['organisation_id', 'source_key']).execute();
  await db.schema.createIndex('consents_exchange_idx').on('consents').columns(['exchange_id', 'direction']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('consents').execute();
  await db.schema.alterTable('request_attachments').dropColumn('source').execute();
  await db.schema.alterTable('requests').dropColumn('marking_sources').execute();
}
