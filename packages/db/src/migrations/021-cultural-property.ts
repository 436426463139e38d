// Stolen cultural property (issue 15): object records after the Object ID standard with the theft,
// the reporting authority, the case and the legal status; their images (bytes, thumbnail) and the
// perceptual hashes of every rotation and crop variant; and the log of public checks with the
// signed receipt each one was given.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cultural_objects')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text', (c) => c.notNull())
    // The other Object ID fields (materials, techniques, measurements, inscriptions, ...).
    .addColumn('object_id_fields', 'jsonb', (c) => c.notNull())
    .addColumn('theft', 'jsonb', (c) => c.notNull())
    .addColumn('theft_country', 'text')
    .addColumn('reporting_authority', 'text', (c) => c.notNull())
    .addColumn('case_id', 'uuid', (c) => c.references('cases.id'))
    .addColumn('legal_status', 'text', (c) => c.notNull())
    // The release policy's TLP and handling code: TLP:CLEAR records are shown to the public check.
    .addColumn('marking', 'text', (c) => c.notNull())
    .addColumn('handling', 'text', (c) => c.notNull())
    // Lower-case text of every descriptive field, for search.
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cultural_objects_org_reference_idx').on('cultural_objects').columns(['organisation_id', 'reference']).unique().execute();
  await db.schema.createIndex('cultural_objects_marking_idx').on('cultural_objects').columns(['marking']).execute();
  await db.schema
    .createTable('cultural_object_images')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('object_id', 'uuid', (c) => c.notNull().references('cultural_objects.id').onDelete('cascade'))
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('thumbnail', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cultural_object_images_object_idx').on('cultural_object_images').columns(['object_id']).execute();
  await db.schema
    .createTable('cultural_image_hashes')
    .addColumn('image_id', 'uuid', (c) => c.notNull().references('cultural_object_images.id').onDelete('cascade'))
    .addColumn('object_id', 'uuid', (c) => c.notNull())
    // e.g. full/r0, crop-tl/r90: which crop of the image, turned how far.
    .addColumn('variant', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cultural_image_hashes_pk', ['image_id', 'variant'])
    .execute();
  await db.schema.createIndex('cultural_image_hashes_object_idx').on('cultural_image_hashes').columns(['object_id']).execute();
  await db.schema
    .createTable('cultural_checks')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('checked_at', 'timestamptz', (c) => c.notNull())
    .addColumn('text_sha256', 'text')
    .addColumn('image_sha256', 'text')
    // Who asked, only as far as the person said (name, organisation, contact); never the address.
    .addColumn('requester', 'jsonb')
    .addColumn('registry_count', 'integer', (c) => c.notNull())
    .addColumn('registry_digest', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('matches', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('receipt', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cultural_checks_at_idx').on('cultural_checks').columns(['checked_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('cultural_checks').execute();
  await db.schema.dropTable('cultural_image_hashes').execute();
  await db.schema.dropTable('cultural_object_images').execute();
  await db.schema.dropTable('cultural_objects').execute();
}
