// Notifications carry a stable message code and its parameters next to the English text, so the
// web shows each person the notification in their own language (the text stays for the CLI, for
// rows written before this migration and for codes a client does not know).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notifications').addColumn('code', 'text').execute();
  await db.schema.alterTable('notifications').addColumn('params', 'jsonb').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('params').execute();
  await db.schema.alterTable('notifications').dropColumn('code').execute();
}
