// Requested authorities an administrator added to the directory (migration 009).
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { AuthoritiesTable, Database } from '../schema.ts';

export type AuthorityRow = Selectable<AuthoritiesTable>;

export async function listAuthorities(db: Kysely<Database>, f: { state?: string | undefined } = {}): Promise<AuthorityRow[]> {
  let q = db.selectFrom('authorities').selectAll();
  if (f.state) q = q.where('state', '=', f.state);
  return q.orderBy('state').orderBy('name').orderBy('id').execute();
}

export async function findAuthority(db: Kysely<Database>, id: string): Promise<AuthorityRow | undefined> {
  return db.selectFrom('authorities').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAuthority(db: Kysely<Database>, row: Insertable<AuthoritiesTable>): Promise<AuthorityRow> {
  return db.insertInto('authorities').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates when `version` is still the stored one; undefined when someone changed it meanwhile. */
export async function updateAuthority(db: Kysely<Database>, id: string, version: number, set: Updateable<AuthoritiesTable>): Promise<AuthorityRow | undefined> {
  return db
    .updateTable('authorities')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteAuthority(db: Kysely<Database>, id: string): Promise<AuthorityRow | undefined> {
  return db.deleteFrom('authorities').where('id', '=', id).returningAll().executeTakeFirst();
}
