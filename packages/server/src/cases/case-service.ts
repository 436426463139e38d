// Case use cases shared by the HTTP routes, the CLI and the capabilities that hang on a case
// (evidence, later entities and deconfliction): read a case (404 unless the caller is on its team,
// a supervisor of its organisation, or a node administrator whose reading the marking allows),
// check that the caller may work on it, create, edit (optimistic locking), close and reopen it,
// manage its team and link requests to it. Every change is one audited transaction (`case.*`).
import { randomUUID } from 'node:crypto';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, assertCan } from '@comity/core';
import {
  type CaseAccess,
  type CaseMarkingFields,
  type CaseStatus,
  type CaseTeamRole,
  type CaseWork,
  caseAccess,
  caseKey,
  markingOfCase,
  mayWorkOnCase,
} from '@comity/core/cases/case';
import type { Decision, MarkedRecord, PolicyAction } from '@comity/core/policy/decide';
import type { Marking, Originator } from '@comity/core/policy/marking';
import type { TlpMarking } from '@comity/core/requests/request';
import type { CaseListQuery, CreateCaseBody, PatchCaseBody } from '@comity/contract/cases';
import { type Database, findOrganisation, findUser } from '@comity/db';
import {
  type CaseRow,
  caseLinkOfRequest,
  deleteCaseMember,
  findCase,
  findCaseByReference,
  findCaseForUpdate,
  findCaseMember,
  insertCase,
  linkCaseRequest,
  listCaseMembers,
  listCases as listCaseRows,
  unlinkCaseRequest,
  updateCase as updateCaseRow,
  upsertCaseMember,
} from '@comity/db/repos/cases-repo';
import { findRequest, findRequestForUpdate, nextReferenceNumber, type RequestRow } from '@comity/db/repos/requests-repo';
import type { Kysely } from 'kysely';
import { type Actor, type AppDeps, auditedTransaction } from '../deps.ts';
import { queueLiveEvent } from '../events/live-events.ts';
import { type PolicyWho, decideRecord, enforce, enforceRecord, policyActorOf, todayOf } from '../policy/policy-service.ts';
import { decide } from '@comity/core/policy/decide';

export type CaseDeps = Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now'> & Partial<Pick<AppDeps, 'auditAnchor'>>;
export type CaseWho = PolicyWho;

/** A case as read by someone who may read it, with how they reach it. */
export interface ReadableCase {
  row: CaseRow;
  access: CaseAccess;
}

const NOT_FOUND = () => new NotFoundError('not_found', 'No such case.');

function requireActor(who: CaseWho): Actor {
  if (!who.actor) throw new ForbiddenError('actor_required', 'This action needs a signed-in user.');
  return who.actor;
}

// ── Marking ───────────────────────────────────────────────────────────────────────────────────

export function caseMarkingFieldsOf(row: CaseRow): CaseMarkingFields {
  return { ...(row.marking_fields as Omit<CaseMarkingFields, 'marking'>), marking: row.marking as TlpMarking };
}

/** The case's own marking; its holder (an organisation on this node) is the originator. */
export function markingOfCaseRow(row: CaseRow, holder: { name: string; country: string }): Marking {
  const originator: Originator = { nodeId: null, organisationId: row.organisation_id, name: holder.name, state: holder.country };
  return markingOfCase({ reference: row.reference, title: row.title, marking: caseMarkingFieldsOf(row) }, originator);
}

async function holderOf(db: Kysely<Database>, organisationId: string): Promise<{ name: string; country: string }> {
  const org = await findOrganisation(db, organisationId);
  return { name: org?.name ?? '', country: org?.country ?? 'XXX' };
}

/** The case as a marked record for `decide` (key `case:<id>`). */
export async function caseMarkedRecord(db: Kysely<Database>, row: CaseRow): Promise<MarkedRecord> {
  const key = caseKey(row.id);
  return { key, organisationId: row.organisation_id, sources: [{ key, marking: markingOfCaseRow(row, await holderOf(db, row.organisation_id)) }] };
}

/** Asks the release policy about a case; a denial is audited and answers 403 `policy_denied`. */
export async function enforceCase(deps: CaseDeps, who: CaseWho, row: CaseRow, action: PolicyAction): Promise<Extract<Decision, { allow: true }>> {
  return enforceRecord(deps, who, { record: await caseMarkedRecord(deps.db, row), auditTarget: `case:${row.id}`, details: { caseId: row.id, reference: row.reference } }, action);
}

/** The decision without side effects (what the case page shows). */
export async function decideCase(deps: Pick<CaseDeps, 'db' | 'now'>, actor: Actor | null, row: CaseRow, action: PolicyAction): Promise<Decision> {
  return decideRecord(deps.db, deps.now(), actor, await caseMarkedRecord(deps.db, row), action);
}

// ── Reading and membership checks ─────────────────────────────────────────────────────────────

/** How the caller reaches a case row (no policy question asked yet). */
export async function accessTo(db: Kysely<Database>, actor: Actor | null, row: CaseRow): Promise<CaseAccess> {
  const member = actor && actor.organisationId === row.organisation_id ? await findCaseMember(db, row.id, actor.userId) : undefined;
  return caseAccess(actor, row.organisation_id, (member?.team_role as CaseTeamRole | undefined) ?? null);
}

/**
 * The case, with how the caller reaches it, if the caller may read it: a member of its team, a
 * supervisor of its organisation, or a node administrator (and the CLI's operator) when the
 * case's marking lets someone outside the organisation read it. Anyone else gets 404; an
 * administrator whom the marking keeps out gets the policy's 403 (audited).
 */
export async function readCaseWithAccess(deps: CaseDeps, who: CaseWho, caseId: string): Promise<ReadableCase> {
  if (who.actor) assertCan(who.actor.role, 'case:read');
  const row = await findCase(deps.db, caseId);
  if (!row) throw NOT_FOUND();
  const access = await accessTo(deps.db, who.actor, row);
  if (access.kind === 'none') throw NOT_FOUND();
  await enforceCase(deps, who, row, { kind: 'read' });
  return { row, access };
}

/** The case, if the caller may read it (404 otherwise; 403 `policy_denied` when only the marking stands in the way). */
export async function readCase(deps: CaseDeps, who: CaseWho, caseId: string): Promise<CaseRow> {
  return (await readCaseWithAccess(deps, who, caseId)).row;
}

/**
 * The case, if the caller may do this work on it: `link` (link requests, add material) is for
 * every member of its team and the organisation's supervisors, `edit` and `team` for its lead and
 * the supervisors; and the caller's role must hold `case:edit`. 404 when the caller may not even
 * read the case, 403 otherwise.
 */
export async function assertCaseMember(deps: CaseDeps, who: CaseWho, caseId: string, work: CaseWork = 'link'): Promise<ReadableCase> {
  const actor = requireActor(who);
  const readable = await readCaseWithAccess(deps, who, caseId);
  assertCan(actor.role, 'case:edit');
  if (!mayWorkOnCase(readable.access, work)) {
    throw new ForbiddenError(
      'not_case_team',
      work === 'link' ? 'Only the case team and the supervisors of its organisation can do this.' : 'Only the lead of the case and the supervisors of its organisation can do this.',
      { caseId, work },
    );
  }
  return readable;
}

/** Whether the caller may read a case, without side effects (the request page's "Case" field, lists). */
export async function mayReadCase(deps: Pick<CaseDeps, 'db' | 'now'>, actor: Actor | null, row: CaseRow): Promise<boolean> {
  const access = await accessTo(deps.db, actor, row);
  if (access.kind === 'none') return false;
  if (access.kind !== 'outsider') return true;
  return (await decideCase(deps, actor, row, { kind: 'read' })).allow;
}

// ── Create and edit ───────────────────────────────────────────────────────────────────────────

function versionConflict(current: number | undefined): ConflictError {
  return new ConflictError('version_conflict', 'The case was changed by someone else meanwhile; reload it, reapply your change and save again.', {
    currentVersion: current ?? null,
  });
}

function referenceTaken(reference: string): ConflictError {
  return new ConflictError('case_reference_taken', `Your organisation already has a case with the reference ${reference}.`, { field: 'reference', reference });
}

function markingFieldsOf(body: Partial<CreateCaseBody>, base: CaseMarkingFields): CaseMarkingFields {
  const fields: CaseMarkingFields = {
    marking: body.marking ?? base.marking,
    handling: body.handling ?? base.handling ?? 'H0',
    confidentiality: body.confidentiality ?? base.confidentiality,
    useLimitations: body.useLimitations ?? base.useLimitations,
  };
  const note = body.handlingNote !== undefined ? body.handlingNote : base.handlingNote;
  if (note?.trim()) fields.handlingNote = note.trim();
  return fields;
}

const DEFAULT_MARKING: CaseMarkingFields = { marking: 'AMBER', handling: 'H0', confidentiality: { confidential: false }, useLimitations: {} };

function storedMarking(fields: CaseMarkingFields): { marking: string; marking_fields: string } {
  const { marking, ...rest } = fields;
  return { marking, marking_fields: JSON.stringify(rest) };
}

export async function createCase(deps: CaseDeps, who: CaseWho, body: CreateCaseBody): Promise<CaseRow> {
  const actor = requireActor(who);
  assertCan(actor.role, 'case:create');
  const org = await findOrganisation(deps.db, actor.organisationId);
  if (!org) throw new NotFoundError('not_found', 'Your organisation no longer exists.');
  const now = deps.now();
  const today = todayOf(now);
  const fields = markingFieldsOf(body, DEFAULT_MARKING);
  const given = body.reference?.trim();
  if (given && (await findCaseByReference(deps.db, org.id, given))) throw referenceTaken(given);
  return auditedTransaction(deps, who, async (trx, audit) => {
    let reference = given;
    while (!reference) {
      const year = now.getUTCFullYear();
      const n = await nextReferenceNumber(trx, org.id, `CASE-${year}`);
      const candidate = `CASE-${year}-${String(n).padStart(4, '0')}`;
      if (!(await findCaseByReference(trx, org.id, candidate))) reference = candidate;
    }
    const id = randomUUID();
    const row = await insertCase(trx, {
      id,
      organisation_id: org.id,
      reference,
      title: body.title.trim(),
      description: body.description?.trim() ?? '',
      offences: JSON.stringify([...new Set(body.offences ?? [])]),
      ...storedMarking(fields),
      status: 'open',
      opened_on: body.openedOn ?? today,
      closed_on: null,
      closing_note: null,
      created_by: actor.userId,
      last_edited_by: actor.userId,
      created_at: now,
      updated_at: now,
    }).catch((err: unknown) => {
      // Two creators racing for one reference: the unique index decides.
      if (/cases_org_reference_idx|duplicate key/i.test(String(err))) throw referenceTaken(reference as string);
      throw err;
    });
    // The creator leads the case's team.
    await upsertCaseMember(trx, { case_id: id, user_id: actor.userId, team_role: 'lead', added_by: actor.userId, added_at: now });
    audit('case.create', `case:${id}`, { reference, title: row.title, offences: body.offences ?? [], marking: fields.marking, lead: actor.userId });
    await queueCaseEvent(trx, row);
    return row;
  });
}

const CONTENT_FIELDS = ['reference', 'title', 'description', 'offences', 'openedOn'] as const;
const MARKING_FIELDS = ['marking', 'handling', 'handlingNote', 'confidentiality', 'useLimitations'] as const;

export async function updateCase(deps: CaseDeps, who: CaseWho, caseId: string, body: PatchCaseBody): Promise<CaseRow> {
  const actor = requireActor(who);
  const { row } = await assertCaseMember(deps, who, caseId, 'edit');
  if (body.version !== row.version) throw versionConflict(row.version);
  const fields = [...CONTENT_FIELDS, ...MARKING_FIELDS, 'status', 'closedOn', 'closingNote'].filter((k) => (body as Record<string, unknown>)[k] !== undefined);
  if (fields.length === 0) throw new ValidationError('nothing_to_change', 'Say what to change.');
  const marking = markingFieldsOf(body, caseMarkingFieldsOf(row));
  const remarked = fields.some((f) => (MARKING_FIELDS as readonly string[]).includes(f)) || (body.reference !== undefined && body.reference !== row.reference);
  if (remarked) {
    const holder = await holderOf(deps.db, row.organisation_id);
    const to = markingOfCaseRow({ ...row, reference: body.reference ?? row.reference, ...storedMarking(marking) } as CaseRow, holder);
    await enforceCase(deps, who, row, { kind: 'remark', to });
  }
  const reference = body.reference?.trim();
  if (reference && reference !== row.reference && (await findCaseByReference(deps.db, row.organisation_id, reference))) throw referenceTaken(reference);
  const now = deps.now();
  const status: CaseStatus = body.status ?? (row.status as CaseStatus);
  const closing = status === 'closed' && row.status !== 'closed';
  const reopening = status === 'open' && row.status === 'closed';
  if (status === 'open' && (body.closedOn !== undefined || body.closingNote !== undefined) && !closing) {
    throw new ValidationError('case_not_closed', 'A closing date or note goes with closing the case (status "closed").', { field: body.closedOn !== undefined ? 'closedOn' : 'closingNote' });
  }
  const openedOn = body.openedOn ?? row.opened_on;
  const closedOn = closing ? (body.closedOn ?? todayOf(now)) : reopening ? null : status === 'closed' ? (body.closedOn ?? row.closed_on) : null;
  if (closedOn && closedOn < openedOn) {
    throw new ValidationError('closed_before_opened', `A case cannot be closed (${closedOn}) before it was opened (${openedOn}).`, { field: 'closedOn' });
  }
  return auditedTransaction(deps, who, async (trx, audit) => {
    const locked = await findCaseForUpdate(trx, caseId);
    if (!locked || locked.version !== body.version) throw versionConflict(locked?.version);
    const updated = await updateCaseRow(trx, caseId, body.version, {
      reference: reference ?? locked.reference,
      title: body.title?.trim() ?? locked.title,
      description: body.description !== undefined ? body.description.trim() : locked.description,
      offences: body.offences !== undefined ? JSON.stringify([...new Set(body.offences)]) : JSON.stringify(locked.offences),
      ...storedMarking(marking),
      status,
      opened_on: openedOn,
      closed_on: closedOn,
      closing_note: status === 'closed' ? (body.closingNote?.trim() ?? locked.closing_note) : null,
      last_edited_by: actor.userId,
      updated_at: now,
    }).catch((err: unknown) => {
      if (/cases_org_reference_idx|duplicate key/i.test(String(err))) throw referenceTaken(reference ?? locked.reference);
      throw err;
    });
    if (!updated) throw versionConflict(locked.version);
    const contentFields = fields.filter((f) => f !== 'status' && f !== 'closedOn' && f !== 'closingNote');
    if (contentFields.length > 0) audit('case.update', `case:${caseId}`, { fields: contentFields, version: updated.version, reference: updated.reference });
    if (closing) audit('case.close', `case:${caseId}`, { closedOn, note: updated.closing_note, version: updated.version });
    if (reopening) audit('case.reopen', `case:${caseId}`, { version: updated.version });
    if (!closing && !reopening && contentFields.length === 0) audit('case.update', `case:${caseId}`, { fields, version: updated.version });
    await queueCaseEvent(trx, updated);
    return updated;
  });
}

function requireOpen(row: CaseRow): void {
  if (row.status === 'closed') throw new ConflictError('case_closed', 'The case is closed; reopen it first.', { caseId: row.id });
}

// ── Listing ───────────────────────────────────────────────────────────────────────────────────

export interface ListedCase {
  row: CaseRow;
  /** Set when the marking keeps the caller (a node administrator) from reading it: only reference and marking are shown. */
  withheld: { rule: string; citation: string; reason: string } | null;
}

/**
 * The cases the caller may see: a supervisor sees its organisation's, anyone else in an
 * organisation those of its teams; a node administrator sees every organisation's, withheld where
 * the marking keeps it out.
 */
export async function listCases(deps: Pick<CaseDeps, 'db' | 'now'>, who: CaseWho, q: CaseListQuery): Promise<{ items: ListedCase[]; total: number }> {
  const actor = who.actor;
  if (actor) assertCan(actor.role, 'case:read');
  const outsider = actor === null || actor.role === 'admin';
  const { rows, total } = await listCaseRows(deps.db, {
    organisationId: outsider ? undefined : actor.organisationId,
    visibleToMember: outsider || actor.role === 'supervisor' ? undefined : actor.userId,
    memberId: q.mine === 'true' && actor ? actor.userId : undefined,
    status: q.status,
    offence: q.offence,
    q: q.q,
    limit: q.limit,
    offset: q.offset,
  });
  const today = todayOf(deps.now());
  const holders = new Map<string, { name: string; country: string }>();
  const items: ListedCase[] = [];
  for (const row of rows) {
    if (!outsider) {
      items.push({ row, withheld: null });
      continue;
    }
    let holder = holders.get(row.organisation_id);
    if (!holder) {
      holder = await holderOf(deps.db, row.organisation_id);
      holders.set(row.organisation_id, holder);
    }
    const key = caseKey(row.id);
    const record: MarkedRecord = { key, organisationId: row.organisation_id, sources: [{ key, marking: markingOfCaseRow(row, holder) }] };
    const d = decide(policyActorOf(actor), { kind: 'read' }, record, { today, consents: [] });
    items.push({ row, withheld: d.allow ? null : { rule: d.rule, citation: d.citation, reason: d.reason } });
  }
  return { items, total };
}

// ── Team ──────────────────────────────────────────────────────────────────────────────────────

export async function caseTeam(deps: Pick<CaseDeps, 'db'>, caseId: string) {
  return listCaseMembers(deps.db, caseId);
}

/** Adds a user of the case's organisation to its team, or changes its team role. */
export async function setCaseMember(deps: CaseDeps, who: CaseWho, caseId: string, userId: string, teamRole: CaseTeamRole): Promise<CaseRow> {
  const { row } = await assertCaseMember(deps, who, caseId, 'team');
  requireOpen(row);
  const user = await findUser(deps.db, userId);
  // Someone of another organisation is not on offer: the caller must not learn they exist.
  if (!user || user.organisation_id !== row.organisation_id) throw new NotFoundError('user_not_found', 'No such user in the organisation of this case.', { field: 'userId' });
  if (user.disabled) throw new ConflictError('user_disabled', `${user.email} is disabled and cannot join a case team.`, { field: 'userId' });
  const now = deps.now();
  return auditedTransaction(deps, who, async (trx, audit) => {
    const locked = await findCaseForUpdate(trx, caseId);
    if (!locked) throw NOT_FOUND();
    const before = await findCaseMember(trx, caseId, userId);
    if (before?.team_role === teamRole) return locked;
    if (before?.team_role === 'lead' && teamRole !== 'lead') await requireAnotherLead(trx, caseId, userId);
    await upsertCaseMember(trx, { case_id: caseId, user_id: userId, team_role: teamRole, added_by: who.actor?.userId ?? null, added_at: now });
    const updated = (await updateCaseRow(trx, caseId, null, { updated_at: now })) as CaseRow;
    audit(before ? 'case.member.update' : 'case.member.add', `case:${caseId}`, { userId, email: user.email, teamRole, ...(before ? { was: before.team_role } : {}) });
    await queueCaseEvent(trx, updated);
    return updated;
  });
}

async function requireAnotherLead(trx: Kysely<Database>, caseId: string, userId: string): Promise<void> {
  const leads = await trx.selectFrom('case_members').select('user_id').where('case_id', '=', caseId).where('team_role', '=', 'lead').where('user_id', '!=', userId).execute();
  if (leads.length === 0) throw new ConflictError('case_needs_lead', 'A case keeps at least one lead; make someone else lead first.', { caseId });
}

export async function removeCaseMember(deps: CaseDeps, who: CaseWho, caseId: string, userId: string): Promise<CaseRow> {
  const { row } = await assertCaseMember(deps, who, caseId, 'team');
  requireOpen(row);
  const now = deps.now();
  return auditedTransaction(deps, who, async (trx, audit) => {
    const locked = await findCaseForUpdate(trx, caseId);
    if (!locked) throw NOT_FOUND();
    const before = await findCaseMember(trx, caseId, userId);
    if (!before) throw new NotFoundError('not_a_member', 'That user is not on the team of this case.', { field: 'userId' });
    if (before.team_role === 'lead') await requireAnotherLead(trx, caseId, userId);
    await deleteCaseMember(trx, caseId, userId);
    const updated = (await updateCaseRow(trx, caseId, null, { updated_at: now })) as CaseRow;
    audit('case.member.remove', `case:${caseId}`, { userId, teamRole: before.team_role });
    await queueCaseEvent(trx, updated, [userId]);
    return updated;
  });
}

// ── Linked requests ───────────────────────────────────────────────────────────────────────────

/** The request, if it belongs to the case's organisation and the caller may read it (404 otherwise). */
async function linkableRequest(deps: CaseDeps, who: CaseWho, c: CaseRow, requestId: string): Promise<RequestRow> {
  const request = await findRequest(deps.db, requestId);
  if (!request || request.organisation_id !== c.organisation_id) throw new NotFoundError('request_not_found', 'No such request in the organisation of this case.', { field: 'requestId' });
  await enforce(deps, who, request, { kind: 'read' });
  return request;
}

/** Links a request (outgoing or incoming) of the case's organisation to the case. A request belongs to one case at most. */
export async function linkRequestToCase(deps: CaseDeps, who: CaseWho, caseId: string, requestId: string): Promise<{ case: CaseRow; request: RequestRow; changed: boolean }> {
  const { row } = await assertCaseMember(deps, who, caseId, 'link');
  requireOpen(row);
  const request = await linkableRequest(deps, who, row, requestId);
  const now = deps.now();
  return auditedTransaction(deps, who, async (trx, audit) => {
    const locked = await findCaseForUpdate(trx, caseId);
    if (!locked) throw NOT_FOUND();
    await findRequestForUpdate(trx, requestId);
    const existing = await caseLinkOfRequest(trx, requestId);
    if (existing?.case_id === caseId) return { case: locked, request, changed: false };
    if (existing) {
      const other = await findCase(trx, existing.case_id);
      const visible = other && (await mayReadCase({ db: trx, now: deps.now }, who.actor, other));
      throw new ConflictError(
        'request_already_linked',
        visible ? `The request is already linked to case ${other.reference}; unlink it there first.` : 'The request is already linked to another case; unlink it there first.',
        { requestId, ...(visible ? { caseId: other.id, caseReference: other.reference } : {}) },
      );
    }
    await linkCaseRequest(trx, { case_id: caseId, request_id: requestId, linked_by: who.actor?.userId ?? null, linked_at: now });
    const updated = (await updateCaseRow(trx, caseId, null, { updated_at: now })) as CaseRow;
    audit('case.request.link', `case:${caseId}`, { requestId, requestReference: request.reference, side: request.side });
    await queueCaseEvent(trx, updated);
    queueLiveEvent(trx, { kind: 'request', requestId, organisationId: request.organisation_id });
    return { case: updated, request, changed: true };
  });
}

export async function unlinkRequestFromCase(deps: CaseDeps, who: CaseWho, caseId: string, requestId: string): Promise<{ case: CaseRow; request: RequestRow }> {
  const { row } = await assertCaseMember(deps, who, caseId, 'link');
  const request = await linkableRequest(deps, who, row, requestId);
  const now = deps.now();
  return auditedTransaction(deps, who, async (trx, audit) => {
    const locked = await findCaseForUpdate(trx, caseId);
    if (!locked) throw NOT_FOUND();
    if (!(await unlinkCaseRequest(trx, caseId, requestId))) throw new NotFoundError('not_linked', 'The request is not linked to this case.', { field: 'requestId' });
    const updated = (await updateCaseRow(trx, caseId, null, { updated_at: now })) as CaseRow;
    audit('case.request.unlink', `case:${caseId}`, { requestId, requestReference: request.reference });
    await queueCaseEvent(trx, updated);
    queueLiveEvent(trx, { kind: 'request', requestId, organisationId: request.organisation_id });
    return { case: updated, request };
  });
}

/** The case a request is linked to, if there is one and the caller may read it (else null: nothing is said). */
export async function caseOfRequest(deps: Pick<CaseDeps, 'db' | 'now'>, actor: Actor | null, requestId: string): Promise<CaseRow | null> {
  const link = await caseLinkOfRequest(deps.db, requestId);
  if (!link) return null;
  const row = await findCase(deps.db, link.case_id);
  if (!row) return null;
  return (await mayReadCase(deps, actor, row)) ? row : null;
}

// ── Live events ───────────────────────────────────────────────────────────────────────────────

/** Tells the case's readers (see LiveEvent 'case') after the commit; `alsoTell`: members just removed. */
async function queueCaseEvent(trx: Kysely<Database>, row: CaseRow, alsoTell: readonly string[] = []): Promise<void> {
  const team = await trx.selectFrom('case_members').select('user_id').where('case_id', '=', row.id).execute();
  const holder = await holderOf(trx, row.organisation_id);
  const key = caseKey(row.id);
  const record: MarkedRecord = { key, organisationId: row.organisation_id, sources: [{ key, marking: markingOfCaseRow(row, holder) }] };
  // Any reader outside the organisation is asked as the node's operator is: the TLP audience decides.
  const openToAdmins = decide(policyActorOf(null), { kind: 'read' }, record, { today: todayOf(new Date(row.updated_at)), consents: [] }).allow;
  queueLiveEvent(trx, { kind: 'case', caseId: row.id, organisationId: row.organisation_id, teamUserIds: [...team.map((t) => t.user_id), ...alsoTell], openToAdmins });
}
