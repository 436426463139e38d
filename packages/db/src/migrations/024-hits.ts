// Hit/no-hit between nodes (issue 13 part 3): what each node offers each peer (entity types and the
// strictest case marking), the queries sent and received (a sent one keeps its one-time PSI scalar
// until the answer comes, then forgets it), and the hits — "your record may match a record of
// authority X; contact reference R" — with the owner's decision to reveal or decline and what the
// peer revealed.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('hit_offers')
    .addColumn('peer_node_id', 'text', (c) => c.primaryKey())
    // FtM schemas whose identifiers are offered (BankAccount, Vessel, Person, …).
    .addColumn('schemas', 'jsonb', (c) => c.notNull())
    // Entities of cases marked at most this TLP are offered.
    .addColumn('max_tlp', 'text', (c) => c.notNull())
    // Queries and identifiers a peer may send per hour.
    .addColumn('max_queries_per_hour', 'integer', (c) => c.notNull())
    .addColumn('max_items_per_hour', 'integer', (c) => c.notNull())
    // Set when the peer matched far more than usual: its queries are refused until an administrator lifts it.
    .addColumn('suspended_at', 'timestamptz')
    .addColumn('suspended_reason', 'text')
    // Set when an administrator lifts a suspension: the enumeration window starts there, so the hits
    // that caused the suspension do not suspend the peer again at its next hit.
    .addColumn('resumed_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('hit_queries')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    // 'sent' (this node asked) or 'received' (a peer asked).
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('peer_node_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'uuid')
    .addColumn('case_id', 'uuid')
    .addColumn('kind', 'text', (c) => c.notNull())
    // sent: waiting → answered; received: answered → matched.
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('offered_count', 'integer')
    .addColumn('hit_count', 'integer')
    // sent: the one-time scalar (hex), erased once the answer is processed.
    .addColumn('secret', 'text')
    // The local entity id behind each position of the list sent (sent) or offered (received).
    .addColumn('entity_ids', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hit_queries_peer_idx').on('hit_queries').columns(['peer_node_id', 'direction', 'created_at']).execute();
  await db.schema.createIndex('hit_queries_case_idx').on('hit_queries').columns(['case_id']).execute();

  await db.schema
    .createTable('hits')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('query_id', 'uuid', (c) => c.notNull().references('hit_queries.id'))
    .addColumn('peer_node_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'uuid', (c) => c.notNull())
    .addColumn('entity_id', 'uuid', (c) => c.notNull())
    // The same opaque reference on both nodes: what the two authorities quote to each other.
    .addColumn('contact_reference', 'text', (c) => c.notNull())
    // pending → revealed | declined (this node's owner's decision).
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('own_disclosure', 'jsonb')
    .addColumn('decided_by', 'uuid')
    .addColumn('decided_at', 'timestamptz')
    // What the peer's owner decided: { decision, caseReference?, contact? }.
    .addColumn('peer_disclosure', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hits_org_idx').on('hits').columns(['organisation_id', 'created_at']).execute();
  await db.schema.createIndex('hits_ref_idx').on('hits').columns(['peer_node_id', 'contact_reference']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('hits').execute();
  await db.schema.dropTable('hit_queries').execute();
  await db.schema.dropTable('hit_offers').execute();
}
