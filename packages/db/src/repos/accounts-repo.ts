// Organisations, users, sessions and personal API tokens.
import type { Kysely, SelectQueryBuilder, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database, OrganisationsTable, UsersTable } from '../schema.ts';

export type OrganisationRow = Selectable<OrganisationsTable>;
export type UserRow = Selectable<UsersTable>;

export async function insertOrganisation(
  db: Kysely<Database>,
  o: { id: string; name: string; country: string; kind: string; createdAt: Date },
): Promise<OrganisationRow> {
  return db
    .insertInto('organisations')
    .values({ id: o.id, name: o.name, country: o.country, kind: o.kind, created_at: o.createdAt })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The INSERT … RETURNING of a new organisation that does nothing (returns no row) when its name
 * is taken (the unique index on lower(name)); to run with its audit entry (`auditedStatement`). */
export function insertOrganisationIfNameFree(db: Kysely<Database>, o: { id: string; name: string; country: string; kind: string; createdAt: Date }) {
  return db
    .insertInto('organisations')
    .values({ id: o.id, name: o.name, country: o.country, kind: o.kind, created_at: o.createdAt })
    .onConflict((oc) => oc.doNothing())
    .returningAll();
}

export async function findOrganisationByName(db: Kysely<Database>, name: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where(sql`lower(name)`, '=', name.toLowerCase()).executeTakeFirst();
}

export async function findOrganisation(db: Kysely<Database>, id: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listOrganisations(db: Kysely<Database>, onlyId?: string): Promise<OrganisationRow[]> {
  let q = db.selectFrom('organisations').selectAll();
  if (onlyId) q = q.where('id', '=', onlyId);
  return q.orderBy('name').execute();
}

export async function insertUser(
  db: Kysely<Database>,
  u: {
    id: string;
    organisationId: string;
    email: string;
    name: string;
    role: string;
    passwordHash: string;
    mustChangePassword: boolean;
    now: Date;
  },
): Promise<UserRow> {
  return db
    .insertInto('users')
    .values({
      id: u.id,
      organisation_id: u.organisationId,
      email: u.email,
      name: u.name,
      role: u.role,
      password_hash: u.passwordHash,
      must_change_password: u.mustChangePassword,
      disabled: false,
      failed_count: 0,
      created_at: u.now,
      updated_at: u.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
}

export async function findUser(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface UserFilter {
  organisationId?: string | undefined;
  role?: string | undefined;
  q?: string | undefined;
}

/** What a list of users shows (no password hash, no lockout counters: less to read and send). */
export const USER_SUMMARY_COLUMNS = ['id', 'email', 'name', 'role', 'organisation_id', 'disabled', 'must_change_password', 'created_at'] as const;
export type UserSummaryRow = Pick<UserRow, (typeof USER_SUMMARY_COLUMNS)[number]>;

/** `listUsers` with the summary columns only (the users list of the API). */
export async function listUserSummaries(db: Kysely<Database>, f: UserFilter): Promise<UserSummaryRow[]> {
  return filterUsers(db.selectFrom('users').select(USER_SUMMARY_COLUMNS), f).orderBy('email').execute();
}

export async function listUsers(db: Kysely<Database>, f: UserFilter): Promise<UserRow[]> {
  return filterUsers(db.selectFrom('users').selectAll(), f).orderBy('email').execute();
}

function filterUsers<Q extends SelectQueryBuilder<Database, 'users', object>>(query: Q, f: UserFilter): Q {
  let q = query;
  if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId) as Q;
  if (f.role) q = q.where('role', '=', f.role) as Q;
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb(sql`lower(email)`, 'like', like), eb(sql`lower(name)`, 'like', like)])) as Q;
  }
  return q;
}

export async function updateUser(db: Kysely<Database>, id: string, patch: Partial<Omit<UserRow, 'id'>>): Promise<UserRow> {
  return db.updateTable('users').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertSession(
  db: Kysely<Database>,
  s: { idHash: string; userId: string; csrfToken: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ id_hash: s.idHash, user_id: s.userId, csrf_token: s.csrfToken, created_at: s.now, expires_at: s.expiresAt, last_seen_at: s.now })
    .execute();
}

export async function findSession(db: Kysely<Database>, idHash: string) {
  return db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
}

export async function touchSession(db: Kysely<Database>, idHash: string, now: Date, expiresAt: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id_hash', '=', idHash).execute();
}

/** True when there was such a session. */
export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<boolean> {
  const r = await db.deleteFrom('sessions').where('id_hash', '=', idHash).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string, exceptIdHash?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptIdHash) q = q.where('id_hash', '<>', exceptIdHash);
  await q.execute();
}

export async function insertApiToken(
  db: Kysely<Database>,
  t: { id: string; userId: string; name: string; tokenHash: string; now: Date },
) {
  return db
    .insertInto('api_tokens')
    .values({ id: t.id, user_id: t.userId, name: t.name, token_hash: t.tokenHash, created_at: t.now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findApiTokenByHash(db: Kysely<Database>, tokenHash: string) {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
}

export async function listApiTokens(db: Kysely<Database>, userId: string) {
  return db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).where('revoked_at', 'is', null).orderBy('created_at').execute();
}

export async function revokeApiToken(db: Kysely<Database>, userId: string, id: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Revokes every live token of the user; returns the ids revoked. */
export async function revokeAllApiTokens(db: Kysely<Database>, userId: string, now: Date): Promise<string[]> {
  const rows = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id).sort();
}

/** Records a use, at most once a minute per token (the WHERE makes concurrent callers write once). */
export async function markApiTokenUsed(db: Kysely<Database>, id: string, now: Date): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', new Date(now.getTime() - 60_000))]))
    .execute();
}
