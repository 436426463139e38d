// Files both sides exchange after transmission: the documents and evidence the requested side
// returns when it executes (fully or in part), and the files the requesting side adds to an
// answer for more information. Each file says which side supplied it and what it travelled with
// ('transmit' for a request's own files; an answer's action; null while it waits to be sent).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('request_attachments')
    .addColumn('supplied_by', 'text', (c) => c.notNull().defaultTo('requesting').check(sql`supplied_by in ('requesting', 'requested')`))
    .addColumn('sent_with', 'text')
    .addColumn('sent_at', 'timestamptz')
    .execute();
  // Until now files were only attached to drafts, and travelled with the transmission.
  await sql`update request_attachments set sent_with = 'transmit'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('request_attachments').dropColumn('sent_at').dropColumn('sent_with').dropColumn('supplied_by').execute();
}
