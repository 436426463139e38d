// The public check's photo, kept only when the person agreed (issue 15 part 3: "uploaded images
// are not kept beyond the check unless the person agrees"). A side table, so a check without
// agreement has no row at all and the check log's own row is unchanged.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cultural_check_photos')
    .addColumn('check_id', 'uuid', (c) => c.primaryKey().references('cultural_checks.id').onDelete('cascade'))
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('thumbnail', 'bytea', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('cultural_check_photos').execute();
}
