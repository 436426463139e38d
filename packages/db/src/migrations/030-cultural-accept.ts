// Stolen cultural property federation, the receiving side (issue 15 part 5): per peer, whether this
// node accepts the public records that peer publishes to it (default: yes, as before). A peer's
// setting row may now exist for `accept` alone, so `publish` defaults to false.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cultural_federation_peers').addColumn('accept', 'boolean', (c) => c.notNull().defaultTo(true)).execute();
  await db.schema.alterTable('cultural_federation_peers').alterColumn('publish', (c) => c.setDefault(sql`false`)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cultural_federation_peers').alterColumn('publish', (c) => c.dropDefault()).execute();
  await db.schema.alterTable('cultural_federation_peers').dropColumn('accept').execute();
}
