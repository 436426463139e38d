// Web captures (issue 12, part 2): a list of URLs given by a user for a case or a request is one
// capture; each URL is captured by a background job and has its own state (queued, running,
// captured, failed with a reason code and message), its attempts, what the page answered (final
// URL, HTTP status) and the evidence items made of it (screenshot, PDF, HTML, WACZ, metadata).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evidence_captures')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('case_id', 'uuid')
    .addColumn('request_id', 'uuid')
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_captures_org_idx').on('evidence_captures').columns(['organisation_id', 'created_at']).execute();
  await db.schema
    .createTable('evidence_capture_urls')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('capture_id', 'uuid', (c) => c.notNull().references('evidence_captures.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('message', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('final_url', 'text')
    .addColumn('http_status', 'integer')
    // [{ kind: 'screenshot' | 'pdf' | 'html' | 'wacz' | 'metadata', itemId }]
    .addColumn('items', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_capture_urls_capture_idx').on('evidence_capture_urls').columns(['capture_id', 'position']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('evidence_capture_urls').execute();
  await db.schema.dropTable('evidence_captures').execute();
}
