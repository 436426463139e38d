// Hit/no-hit names in pages and the expiry of half-received queries (issue 13): a names query now
// travels in pages like an identifiers query, so the answering node keeps the query's epoch (every
// page must carry the same); the sweep that expires queries whose pages stopped coming finds them
// by state and last change.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // received names queries: the month (YYYY-MM) whose pair secret keyed the first page.
  await db.schema.alterTable('hit_queries').addColumn('epoch', 'text').execute();
  await db.schema.createIndex('hit_queries_state_idx').on('hit_queries').columns(['state', 'updated_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('hit_queries_state_idx').execute();
  await db.schema.alterTable('hit_queries').dropColumn('epoch').execute();
}
