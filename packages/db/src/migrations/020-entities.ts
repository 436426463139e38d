// Entities on cases (issue 13 part 1): FollowTheMoney entities held for a case, each with its own
// marking and sources. Properties are kept as FtM JSON ({ property: [values] }); links are FtM
// interval entities (Ownership, Payment, …) in the same table, and every entity-typed property value
// (an Ownership's owner, a Passport's holder) is also a row of `entity_refs`, so the graph is walked
// by index. `entity_mentions` says in which requests and evidence items an entity is mentioned.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('entities')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    // The FtM id (kept from an import, so an export gives back the same ids); unique per case.
    .addColumn('ftm_id', 'text', (c) => c.notNull())
    .addColumn('schema', 'text', (c) => c.notNull())
    // Whether the schema is an FtM edge (a link between two entities).
    .addColumn('is_link', 'boolean', (c) => c.notNull())
    // Display name from the schema's caption properties; every name it goes by, case-folded, for lookup.
    .addColumn('caption', 'text', (c) => c.notNull())
    .addColumn('caption_key', 'text', (c) => c.notNull())
    .addColumn('properties', 'jsonb', (c) => c.notNull())
    .addColumn('marking', 'jsonb', (c) => c.notNull())
    .addColumn('sources', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('entities_case_ftm_id', ['case_id', 'ftm_id'])
    .execute();
  await db.schema.createIndex('entities_case_schema_idx').on('entities').columns(['case_id', 'schema', 'caption_key']).execute();
  await db.schema.createIndex('entities_case_caption_idx').on('entities').columns(['case_id', 'caption_key']).execute();
  await db.schema.createIndex('entities_org_caption_idx').on('entities').columns(['organisation_id', 'caption_key']).execute();

  await db.schema
    .createTable('entity_refs')
    .addColumn('entity_id', 'uuid', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addColumn('property', 'text', (c) => c.notNull())
    .addColumn('target_id', 'uuid', (c) => c.notNull().references('entities.id'))
    .addPrimaryKeyConstraint('entity_refs_pk', ['entity_id', 'property', 'target_id'])
    .execute();
  await db.schema.createIndex('entity_refs_target_idx').on('entity_refs').column('target_id').execute();

  await db.schema
    .createTable('entity_mentions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('entity_id', 'uuid', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addColumn('request_id', 'uuid', (c) => c.references('requests.id'))
    .addColumn('evidence_id', 'uuid', (c) => c.references('evidence_items.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('entity_mentions_one', sql`(request_id is null) <> (evidence_id is null)`)
    .execute();
  await db.schema.createIndex('entity_mentions_entity_idx').on('entity_mentions').column('entity_id').execute();
  await db.schema.createIndex('entity_mentions_request_idx').on('entity_mentions').column('request_id').execute();
  await db.schema.createIndex('entity_mentions_evidence_idx').on('entity_mentions').column('evidence_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('entity_mentions').execute();
  await db.schema.dropTable('entity_refs').execute();
  await db.schema.dropTable('entities').execute();
}
