// Sharing aggregated statistics with peers (issue 14 part 6): what a supervisor sent to which peer
// (the counts themselves stay in the outbox message; here the period, sources, marking and how
// many rows), and the shares received from peers, kept apart from this node's own rollup.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('statistics_shares')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('peer_node_id', 'text', (c) => c.notNull())
    // month, quarter, year
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('from_month', 'text', (c) => c.notNull())
    .addColumn('to_month', 'text', (c) => c.notNull())
    // ["seizure", "incident", "request"]
    .addColumn('sources', 'jsonb', (c) => c.notNull())
    .addColumn('tlp', 'text', (c) => c.notNull())
    .addColumn('handling', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('shared_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('shared_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('statistics_shares_org_idx').on('statistics_shares').columns(['organisation_id', 'shared_at']).execute();

  await db.schema
    .createTable('statistics_received')
    .addColumn('origin_node_id', 'text', (c) => c.notNull())
    .addColumn('share_id', 'uuid', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('from_month', 'text', (c) => c.notNull())
    .addColumn('to_month', 'text', (c) => c.notNull())
    .addColumn('sources', 'jsonb', (c) => c.notNull())
    .addColumn('tlp', 'text', (c) => c.notNull())
    .addColumn('handling', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    // {organisation, state} as the sender gave it
    .addColumn('shared_by', 'jsonb', (c) => c.notNull())
    .addColumn('shared_at', 'timestamptz', (c) => c.notNull())
    // [{period, country, source, iccsCode, count}]
    .addColumn('rows', 'jsonb', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('statistics_received_pk', ['origin_node_id', 'share_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('statistics_received').execute();
  await db.schema.dropTable('statistics_shares').execute();
}
