// Cases: an organisation's investigation file (reference unique per organisation, title, offence
// categories, marking, status with dates), its team (users of the organisation with a role in the
// team) and the requests made or received for it (a request belongs to at most one case).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // Offence categories of the taxonomy the requests use (knowledge/taxonomy.ts OFFENCE_IDS).
    .addColumn('offences', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    // TLP, for lists and filters; the rest of the marking (handling, confidentiality, use
    // limitations) in the same fields a request's content holds them in.
    .addColumn('marking', 'text', (c) => c.notNull())
    .addColumn('marking_fields', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('closing_note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid')
    .addColumn('last_edited_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_org_reference_idx').on('cases').columns(['organisation_id', 'reference']).unique().execute();
  await db.schema.createIndex('cases_org_updated_idx').on('cases').columns(['organisation_id', 'updated_at']).execute();

  await db.schema
    .createTable('case_members')
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('team_role', 'text', (c) => c.notNull())
    .addColumn('added_by', 'uuid')
    .addColumn('added_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_members_pk', ['case_id', 'user_id'])
    .execute();
  await db.schema.createIndex('case_members_user_idx').on('case_members').columns(['user_id']).execute();

  await db.schema
    .createTable('case_requests')
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    // One case per request: the request page shows "its" case.
    .addColumn('request_id', 'uuid', (c) => c.notNull().primaryKey().references('requests.id').onDelete('cascade'))
    .addColumn('linked_by', 'uuid')
    .addColumn('linked_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_requests_case_idx').on('case_requests').columns(['case_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_requests').execute();
  await db.schema.dropTable('case_members').execute();
  await db.schema.dropTable('cases').execute();
}
