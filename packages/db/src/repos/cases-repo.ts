// Cases, their teams and the requests linked to them. Plain functions over a Kysely handle; callers
// pass a transaction when the change must be atomic.
import { type Insertable, type Kysely, type Selectable, type Updateable, sql } from 'kysely';
import type { CaseMembersTable, CaseRequestsTable, CasesTable, Database } from '../schema.ts';

export type CaseRow = Selectable<CasesTable>;
export type CaseMemberRow = Selectable<CaseMembersTable>;
export type CaseRequestRow = Selectable<CaseRequestsTable>;
export type CaseUpdate = Updateable<CasesTable>;

export async function insertCase(trx: Kysely<Database>, row: Insertable<CasesTable>): Promise<CaseRow> {
  return trx.insertInto('cases').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findCase(db: Kysely<Database>, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the row for the rest of the transaction (PostgreSQL), so concurrent changes queue. */
export async function findCaseForUpdate(trx: Kysely<Database>, id: string): Promise<CaseRow | undefined> {
  return trx.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findCaseByReference(db: Kysely<Database>, organisationId: string, reference: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('organisation_id', '=', organisationId).where('reference', '=', reference).executeTakeFirst();
}

/** Updates a case and bumps its version; with `expectedVersion`, only when the stored one is that (optimistic locking). */
export async function updateCase(trx: Kysely<Database>, id: string, expectedVersion: number | null, set: CaseUpdate): Promise<CaseRow | undefined> {
  let q = trx
    .updateTable('cases')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('id', '=', id);
  if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
  return q.returningAll().executeTakeFirst();
}

export interface CaseFilter {
  /** Only this organisation's cases; undefined = every organisation (node administrators). */
  organisationId?: string | undefined;
  /** Only the cases whose team includes this user. */
  memberId?: string | undefined;
  /**
   * Scoping: the cases this user may see in its organisation — those of its team, or all of them
   * (supervisors). Set by the service, not by a filter the caller chooses.
   */
  visibleToMember?: string | undefined;
  status?: string | undefined;
  offence?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

function escapeLike(s: string): string {
  return s.replace(/[%_\\]/g, (c) => `\\${c}`);
}

export async function listCases(db: Kysely<Database>, f: CaseFilter): Promise<{ rows: CaseRow[]; total: number }> {
  let q = db.selectFrom('cases');
  if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
  for (const userId of [f.memberId, f.visibleToMember]) {
    if (!userId) continue;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('case_members').select('case_members.case_id').whereRef('case_members.case_id', '=', 'cases.id').where('case_members.user_id', '=', userId)),
    );
  }
  if (f.status) q = q.where('status', '=', f.status);
  if (f.offence) q = q.where(sql<boolean>`offences @> ${JSON.stringify([f.offence])}::jsonb`);
  if (f.q?.trim()) {
    const like = `%${escapeLike(f.q.trim().toLowerCase())}%`;
    q = q.where((eb) => eb.or([eb(sql`lower(reference)`, 'like', like), eb(sql`lower(title)`, 'like', like)]));
  }
  const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('updated_at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(total.n) };
}

// ── Team ─────────────────────────────────────────────────────────────────────────────────────

export interface CaseMemberWithUser extends CaseMemberRow {
  email: string;
  name: string;
  role: string;
  disabled: boolean;
}

export async function listCaseMembers(db: Kysely<Database>, caseId: string): Promise<CaseMemberWithUser[]> {
  return db
    .selectFrom('case_members')
    .innerJoin('users', 'users.id', 'case_members.user_id')
    .selectAll('case_members')
    .select(['users.email', 'users.name', 'users.role', 'users.disabled'])
    .where('case_members.case_id', '=', caseId)
    .orderBy('case_members.added_at')
    .orderBy('users.email')
    .execute();
}

export async function findCaseMember(db: Kysely<Database>, caseId: string, userId: string): Promise<CaseMemberRow | undefined> {
  return db.selectFrom('case_members').selectAll().where('case_id', '=', caseId).where('user_id', '=', userId).executeTakeFirst();
}

/** Adds a member or changes its team role; returns the row as stored. */
export async function upsertCaseMember(trx: Kysely<Database>, m: Insertable<CaseMembersTable>): Promise<CaseMemberRow> {
  return trx
    .insertInto('case_members')
    .values(m)
    .onConflict((oc) => oc.columns(['case_id', 'user_id']).doUpdateSet({ team_role: m.team_role }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteCaseMember(trx: Kysely<Database>, caseId: string, userId: string): Promise<boolean> {
  const r = await trx.deleteFrom('case_members').where('case_id', '=', caseId).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// ── Linked requests ──────────────────────────────────────────────────────────────────────────

export async function linkCaseRequest(trx: Kysely<Database>, link: Insertable<CaseRequestsTable>): Promise<CaseRequestRow> {
  return trx.insertInto('case_requests').values(link).returningAll().executeTakeFirstOrThrow();
}

export async function unlinkCaseRequest(trx: Kysely<Database>, caseId: string, requestId: string): Promise<boolean> {
  const r = await trx.deleteFrom('case_requests').where('case_id', '=', caseId).where('request_id', '=', requestId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function caseLinkOfRequest(db: Kysely<Database>, requestId: string): Promise<CaseRequestRow | undefined> {
  return db.selectFrom('case_requests').selectAll().where('request_id', '=', requestId).executeTakeFirst();
}

/** The case ids of several requests at once (the request list). */
export async function caseLinksOfRequests(db: Kysely<Database>, requestIds: readonly string[]): Promise<CaseRequestRow[]> {
  if (requestIds.length === 0) return [];
  return db.selectFrom('case_requests').selectAll().where('request_id', 'in', [...requestIds]).execute();
}

export async function requestIdsOfCase(db: Kysely<Database>, caseId: string): Promise<CaseRequestRow[]> {
  return db.selectFrom('case_requests').selectAll().where('case_id', '=', caseId).orderBy('linked_at').orderBy('request_id').execute();
}
