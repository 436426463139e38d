// Local person search (issue 13 part 2, "do we already hold this person?"): the matcher's blocking keys
// of every person-like entity (Person, LegalEntity, Company, Organization), so that the candidates of a
// query are found by index on a million entities and only those are scored. Kept in the same transaction
// as every entity write; gone with the entity (cascade). Existing entities are backfilled here.
import { personKeysOfEntity, PERSON_LIKE_SCHEMATA } from '@comity/core/matching/ftm-person';
import { type Kysely, sql } from 'kysely';

const BATCH = 1000;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('entity_person_keys')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'uuid', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('entity_person_keys_pkey', ['key', 'entity_id'])
    .execute();
  await db.schema.createIndex('entity_person_keys_entity_idx').on('entity_person_keys').column('entity_id').execute();
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await sql<{ id: string; schema: string; properties: Record<string, unknown> }>`
      select id, schema, properties from entities
      where id > ${after} and schema in (${sql.join(PERSON_LIKE_SCHEMATA)})
      order by id limit ${BATCH}`.execute(db);
    if (!rows.length) break;
    const values = rows.flatMap((r) => personKeysOfEntity(r.schema, typeof r.properties === 'string' ? JSON.parse(r.properties) : r.properties).map((key) => ({ key, entity_id: r.id })));
    for (let i = 0; i < values.length; i += BATCH) {
      const part = values.slice(i, i + BATCH);
      await sql`insert into entity_person_keys (key, entity_id) values ${sql.join(part.map((v) => sql`(${v.key}, ${v.entity_id})`))}`.execute(db);
    }
    after = rows[rows.length - 1]!.id;
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('entity_person_keys').execute();
}
