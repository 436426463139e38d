// What a letter of request prints under its closing formula: the signatory's official title and a
// free signature block (authority, service, address lines). The display name is the existing `name`.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('title', 'text').execute();
  await db.schema.alterTable('users').addColumn('signature_block', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('signature_block').execute();
  await db.schema.alterTable('users').dropColumn('title').execute();
}
