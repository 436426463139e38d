// Federation of the stolen cultural property registry (issue 15 part 5): which peers this node
// publishes its public records to (a setting per peer), what it has sent each of them (so a record
// that stops being public is withdrawn where it went), and the public records peers published to
// this node, with their perceptual hashes and thumbnails, for the public check.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cultural_federation_peers')
    .addColumn('peer_node_id', 'text', (c) => c.primaryKey())
    .addColumn('publish', 'boolean', (c) => c.notNull())
    .addColumn('changed_by', 'uuid')
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('cultural_publications')
    .addColumn('record_id', 'uuid', (c) => c.notNull().references('cultural_objects.id').onDelete('cascade'))
    .addColumn('peer_node_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('withdrawn', 'boolean', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('cultural_publications_pk', ['record_id', 'peer_node_id'])
    .execute();
  await db.schema
    .createTable('cultural_federated_records')
    .addColumn('origin_node_id', 'text', (c) => c.notNull())
    .addColumn('record_id', 'uuid', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    // The record as published (reference, title, type, Object ID fields, theft, authority, status).
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('cultural_federated_records_pk', ['origin_node_id', 'record_id'])
    .execute();
  await db.schema
    .createTable('cultural_federated_images')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('origin_node_id', 'text', (c) => c.notNull())
    .addColumn('record_id', 'uuid', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('hashes', 'jsonb', (c) => c.notNull())
    .addColumn('thumbnail', 'bytea', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cultural_federated_images_record_idx').on('cultural_federated_images').columns(['origin_node_id', 'record_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('cultural_federated_images').execute();
  await db.schema.dropTable('cultural_federated_records').execute();
  await db.schema.dropTable('cultural_publications').execute();
  await db.schema.dropTable('cultural_federation_peers').execute();
}
