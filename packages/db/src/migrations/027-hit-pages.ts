// Hit/no-hit in pages (issue 13, PSI at scale): a query, its answer and its matches travel in pages
// of at most 20,000 elements. The answering node keeps its one-time scalar and the identifiers it
// offers (its own data, in the random order sent) until the last answer page is out; the querying
// node keeps the answer pages until all are in, then intersects and deletes them.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('hit_queries')
    // How many pages the query (received) or the answer (sent) has; null until known.
    .addColumn('pages', 'integer')
    // The pages received so far (query pages on the answering node, answer pages on the querying
    // node, then matches pages on the answering node), as a JSON array of page numbers.
    .addColumn('pages_seen', 'jsonb')
    // received: the offered identifiers in the order sent, until the last answer page is out.
    .addColumn('pending_identifiers', 'jsonb')
    .execute();
  await db.schema
    .createTable('hit_query_pages')
    .addColumn('query_id', 'uuid', (c) => c.notNull().references('hit_queries.id'))
    .addColumn('page', 'integer', (c) => c.notNull())
    .addColumn('doubled', 'jsonb', (c) => c.notNull())
    .addColumn('offered', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('hit_query_pages_pk', ['query_id', 'page'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('hit_query_pages').execute();
  await db.schema.alterTable('hit_queries').dropColumn('pending_identifiers').dropColumn('pages_seen').dropColumn('pages').execute();
}
