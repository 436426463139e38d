// The evidence vault: items (files held for a case or a request, stored once by SHA-256), the
// custody log of each item (append-only, hash-linked, each event signed by the node), and the
// resumable upload sessions that become items when their last byte has arrived.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evidence_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    // An item belongs to a case or to a request (exactly one of them).
    .addColumn('case_id', 'uuid', (c) => c.references('cases.id'))
    .addColumn('request_id', 'uuid', (c) => c.references('requests.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // uploaded | captured | received | working-copy; the details ({ url } of a capture, { nodeId } of a receipt) in `source`.
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source', 'jsonb', (c) => c.notNull())
    .addColumn('filename', 'text')
    .addColumn('captured_by', 'uuid')
    .addColumn('captured_by_email', 'text')
    .addColumn('sha256', 'text', (c) => c.notNull())
    // Added after ingest by a background job.
    .addColumn('sha512', 'text')
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    // Detected from the content, never from the name; the uploader's claim is kept beside it.
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('media_type_hint', 'text')
    .addColumn('marking', 'jsonb', (c) => c.notNull())
    // The evidentiary original (read-only) or a working copy made from one for analysis.
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('original'))
    .addColumn('derived_from', 'uuid', (c) => c.references('evidence_items.id'))
    .addColumn('sealed_at', 'timestamptz')
    .addColumn('sealed_by', 'uuid')
    // none | pending | stamped (the timestamp authorities' tokens are kept by the tsa tables).
    .addColumn('timestamp_state', 'text', (c) => c.notNull().defaultTo('none'))
    // The last custody event (seq and hash), so an append links to it under a row lock.
    .addColumn('custody_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('custody_head', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('evidence_items_owner', sql`(case_id is null) <> (request_id is null)`)
    .addCheckConstraint('evidence_items_role', sql`role in ('original', 'working-copy')`)
    .addCheckConstraint('evidence_items_sha256', sql`sha256 ~ '^[0-9a-f]{64}$'`)
    .execute();
  await db.schema.createIndex('evidence_items_case_idx').on('evidence_items').columns(['organisation_id', 'case_id', 'created_at']).execute();
  await db.schema.createIndex('evidence_items_request_idx').on('evidence_items').columns(['organisation_id', 'request_id', 'created_at']).execute();
  await db.schema.createIndex('evidence_items_sha256_idx').on('evidence_items').column('sha256').execute();

  await db.schema
    .createTable('evidence_custody')
    .addColumn('item_id', 'uuid', (c) => c.notNull().references('evidence_items.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'uuid')
    .addColumn('actor_email', 'text')
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('details', 'jsonb', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('evidence_custody_pk', ['item_id', 'seq'])
    .execute();

  await db.schema
    .createTable('evidence_uploads')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('user_id', 'uuid', (c) => c.notNull())
    .addColumn('case_id', 'uuid', (c) => c.references('cases.id'))
    .addColumn('request_id', 'uuid', (c) => c.references('requests.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('filename', 'text')
    .addColumn('media_type_hint', 'text')
    .addColumn('marking', 'jsonb')
    // The length announced at creation, and how many bytes have arrived.
    .addColumn('length', 'bigint', (c) => c.notNull())
    .addColumn('received', 'bigint', (c) => c.notNull().defaultTo(0))
    // open | complete | expired
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('item_id', 'uuid', (c) => c.references('evidence_items.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('evidence_uploads_owner', sql`(case_id is null) <> (request_id is null)`)
    .execute();
  await db.schema.createIndex('evidence_uploads_expiry_idx').on('evidence_uploads').columns(['state', 'expires_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('evidence_uploads').execute();
  await db.schema.dropTable('evidence_custody').execute();
  await db.schema.dropTable('evidence_items').execute();
}
