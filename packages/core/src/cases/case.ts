// Cases: an organisation's investigation file. Pure rules: who may read a case and who may change
// it, the team roles, the case's marking (the same fields and model as a request's), the key its
// marking and consents are recorded against.
import type { OffenceId } from '../knowledge/taxonomy.ts';
import { type Marking, type Originator, type RequestMarkingFields, markingOfRequest } from '../policy/marking.ts';
import type { Role } from '../policy/policy.ts';

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** A member's role in the case team: the lead runs the file (edits it and its team), members work on it. */
export const CASE_TEAM_ROLES = ['lead', 'member'] as const;
export type CaseTeamRole = (typeof CASE_TEAM_ROLES)[number];

/** The marking of a case, in the fields a request's content holds it in (without the case reference: it is the case's own). */
export type CaseMarkingFields = Omit<RequestMarkingFields, 'caseReference'>;

export interface CaseSummary {
  id: string;
  organisationId: string;
  reference: string;
  title: string;
  offences: OffenceId[];
  status: CaseStatus;
}

/** The key a case's marking and consents are recorded against. */
export function caseKey(caseId: string): string {
  return `case:${caseId}`;
}

/** A case's own marking. Speciality names the case's own proceedings: its reference. */
export function markingOfCase(c: { reference: string; title: string; marking: CaseMarkingFields }, originator: Originator): Marking {
  return markingOfRequest({ ...c.marking, caseReference: c.reference, title: c.title }, originator);
}

export interface CaseActor {
  userId: string;
  role: Role;
  organisationId: string;
}

/**
 * How an actor reaches a case, before the marking is asked:
 * - `team`: a member of its team (with the team role);
 * - `supervisor`: a supervisor of the holding organisation (sees every case of it);
 * - `outsider`: a node administrator (or the node's operator), who sees what the marking allows (`decide`);
 * - `none`: anyone else — another organisation, or a colleague outside the team. Such a case answers 404.
 */
export type CaseAccess = { kind: 'team'; teamRole: CaseTeamRole } | { kind: 'supervisor'; teamRole: null } | { kind: 'outsider'; teamRole: null } | { kind: 'none'; teamRole: null };

export function caseAccess(actor: CaseActor | null, holder: string, teamRole: CaseTeamRole | null): CaseAccess {
  if (actor === null) return { kind: 'outsider', teamRole: null };
  if (actor.organisationId === holder) {
    if (teamRole) return { kind: 'team', teamRole };
    if (actor.role === 'supervisor') return { kind: 'supervisor', teamRole: null };
  }
  if (actor.role === 'admin') return { kind: 'outsider', teamRole: null };
  return { kind: 'none', teamRole: null };
}

/** What an actor may do with a readable case (the role's permission is checked as well). */
export type CaseWork = 'edit' | 'team' | 'link';

/**
 * Editing the case and its team is for its lead and the organisation's supervisors; linking and
 * unlinking requests (and adding material) for every member and the supervisors.
 */
export function mayWorkOnCase(access: CaseAccess, work: CaseWork): boolean {
  if (access.kind === 'supervisor') return true;
  if (access.kind !== 'team') return false;
  return work === 'link' || access.teamRole === 'lead';
}
