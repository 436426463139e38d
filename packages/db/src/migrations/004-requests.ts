// Requests: each side's record of a request (the requesting authority's and the requested
// authority's, linked by conversation_id), its timeline, attachments (files stored by SHA-256 in
// the blob store), per-organisation reference counters, service levels and the notification inbox.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('conversation_id', 'uuid', (c) => c.notNull())
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('requesting_organisation_id', 'uuid')
    .addColumn('requesting_organisation_name', 'text', (c) => c.notNull())
    .addColumn('requesting_state', 'text', (c) => c.notNull())
    .addColumn('requested_organisation_id', 'uuid')
    .addColumn('requested_organisation_name', 'text')
    .addColumn('requested_state', 'text', (c) => c.notNull())
    // The other side's node, when it is not this one (set by federation).
    .addColumn('counterpart_node_id', 'text')
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('marking', 'text', (c) => c.notNull())
    .addColumn('urgent', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('deadline', 'text')
    .addColumn('created_by', 'uuid')
    .addColumn('last_edited_by', 'uuid')
    .addColumn('submitted_by', 'uuid')
    .addColumn('approved_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('approved_at', 'timestamptz')
    .addColumn('transmitted_at', 'timestamptz')
    .addColumn('received_at', 'timestamptz')
    .addColumn('execution_started_at', 'timestamptz')
    .addColumn('executed_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('refusal', 'jsonb')
    .addColumn('postponement', 'jsonb')
    .addColumn('overdue', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('reminded', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  await db.schema.createIndex('requests_org_reference_idx').on('requests').columns(['organisation_id', 'reference']).unique().execute();
  await db.schema.createIndex('requests_org_updated_idx').on('requests').columns(['organisation_id', 'updated_at']).execute();
  await db.schema.createIndex('requests_conversation_idx').on('requests').columns(['conversation_id']).execute();
  // One record per side of a conversation and organisation: a redelivered message finds it.
  await db.schema.createIndex('requests_conversation_side_idx').on('requests').columns(['conversation_id', 'organisation_id', 'side']).unique().execute();
  await sql`create index requests_open_idx on requests (state) where closed_at is null and transmitted_at is not null`.execute(db);

  await db.schema
    .createTable('request_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('seq', 'serial', (c) => c.notNull().unique())
    .addColumn('request_id', 'uuid', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_email', 'text')
    .addColumn('actor_organisation', 'text')
    .addColumn('reason', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('message_id', 'text')
    .execute();
  await db.schema.createIndex('request_events_request_idx').on('request_events').columns(['request_id', 'seq']).execute();

  await db.schema
    .createTable('request_attachments')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('request_id', 'uuid', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('request_attachments_request_idx').on('request_attachments').columns(['request_id']).execute();

  await db.schema
    .createTable('request_counters')
    .addColumn('organisation_id', 'uuid', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('next', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_counters_pk', ['organisation_id', 'prefix'])
    .execute();

  await db.schema
    .createTable('service_levels')
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    // '*' (default), 'org:<uuid>' or 'state:<alpha-3>'
    .addColumn('counterpart', 'text', (c) => c.notNull())
    .addColumn('acknowledge_days', 'integer')
    .addColumn('execute_days', 'integer')
    .addColumn('reminder_days', 'integer')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_levels_pk', ['organisation_id', 'counterpart'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull())
    .addColumn('request_id', 'uuid')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['notifications', 'service_levels', 'request_counters', 'request_attachments', 'request_events', 'requests']) {
    await db.schema.dropTable(t).execute();
  }
}
