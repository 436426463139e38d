// Facts a State's own node declares (issue 9 part 6): this node's draft and published versions
// (four eyes: who edited, who submitted, who approved), and the latest signed version each peer
// published, kept as a knowledge source with its provenance.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('declared_facts_own')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    // draft → submitted → published → superseded (by the next published version)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    // The signed document, once published.
    .addColumn('signed', 'jsonb')
    .addColumn('edited_by_id', 'uuid')
    .addColumn('edited_by_email', 'text')
    .addColumn('edited_at', 'timestamptz', (c) => c.notNull())
    .addColumn('submitted_by_id', 'uuid')
    .addColumn('submitted_by_email', 'text')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('approved_by_id', 'uuid')
    .addColumn('approved_by_email', 'text')
    .addColumn('published_at', 'timestamptz')
    .execute();
  // At most one version is being prepared at a time.
  await sql`create unique index declared_facts_own_one_draft on declared_facts_own ((true)) where status in ('draft', 'submitted')`.execute(db);

  await db.schema
    .createTable('declared_facts_received')
    .addColumn('node_id', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('authority', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('signed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('signed', 'jsonb', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('declared_facts_received_state_idx').on('declared_facts_received').column('state').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('declared_facts_received').ifExists().execute();
  await db.schema.dropTable('declared_facts_own').ifExists().execute();
}
