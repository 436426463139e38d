// How a case looks through the API: its details and marking, its team, the requests linked to it
// (each asked of the release policy: one the caller may not read shows its reference and marking
// only) and what the caller may do now.
import { can } from '@comity/core';
import { type CaseAccess, type CaseStatus, type CaseTeamRole, mayWorkOnCase } from '@comity/core/cases/case';
import type { OffenceId } from '@comity/core/knowledge/taxonomy';
import type { HandlingCode } from '@comity/core/policy/marking';
import type { TlpMarking } from '@comity/core/requests/request';
import type { CaseView } from '@comity/contract/cases';
import type { CaseSummary } from '@comity/contract/cases';
import { type Database, findOrganisation } from '@comity/db';
import { type CaseRow, listCaseMembers, requestIdsOfCase } from '@comity/db/repos/cases-repo';
import type { RequestRow } from '@comity/db/repos/requests-repo';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../deps.ts';
import { readDecision, todayOf } from '../policy/policy-service.ts';
import { caseMarkingFieldsOf, markingOfCaseRow } from './case-service.ts';
import type { ListedCase } from './case-service.ts';

export async function presentCase(db: Kysely<Database>, now: Date, actor: Actor | null, c: { row: CaseRow; access: CaseAccess }): Promise<CaseView> {
  const { row, access } = c;
  const org = await findOrganisation(db, row.organisation_id);
  const holder = { name: org?.name ?? '', country: org?.country ?? 'XXX' };
  const [team, links] = await Promise.all([listCaseMembers(db, row.id), requestIdsOfCase(db, row.id)]);
  const requests: RequestRow[] = links.length ? await db.selectFrom('requests').selectAll().where('id', 'in', links.map((l) => l.request_id)).execute() : [];
  const byId = new Map(requests.map((r) => [r.id, r]));
  const today = todayOf(now);
  const fields = caseMarkingFieldsOf(row);
  const may = (work: 'edit' | 'team' | 'link') => actor !== null && can(actor.role, 'case:edit') && mayWorkOnCase(access, work) && (work === 'edit' || row.status === 'open');
  return {
    id: row.id,
    organisation: { id: row.organisation_id, name: holder.name },
    reference: row.reference,
    title: row.title,
    description: row.description,
    offences: row.offences as OffenceId[],
    status: row.status as CaseStatus,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    closingNote: row.closing_note,
    version: row.version,
    marking: fields.marking,
    handling: (fields.handling ?? 'H0') as HandlingCode,
    ...(fields.handlingNote ? { handlingNote: fields.handlingNote } : {}),
    confidentiality: fields.confidentiality,
    useLimitations: fields.useLimitations,
    effectiveMarking: markingOfCaseRow(row, holder),
    team: team.map((m) => ({
      userId: m.user_id,
      email: m.email,
      name: m.name,
      role: m.role,
      teamRole: m.team_role as CaseTeamRole,
      disabled: m.disabled,
      addedAt: new Date(m.added_at).toISOString(),
    })),
    requests: links.flatMap((l) => {
      const r = byId.get(l.request_id);
      if (!r) return [];
      const read = readDecision(actor, r, today);
      return [
        {
          id: r.id,
          reference: r.reference,
          side: r.side as 'requesting' | 'requested',
          state: r.state,
          title: read.allow ? r.title : '',
          marking: r.marking as TlpMarking,
          counterpartState: r.side === 'requesting' ? r.requested_state : r.requesting_state,
          withheld: !read.allow,
          linkedAt: new Date(l.linked_at).toISOString(),
        },
      ];
    }),
    myTeamRole: access.kind === 'team' ? access.teamRole : null,
    may: { edit: may('edit'), team: may('team'), link: may('link') },
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The list's rows: counts of team and requests per case, organisation names, and what is withheld. */
export async function presentCaseSummaries(db: Kysely<Database>, items: readonly ListedCase[]): Promise<z.infer<typeof CaseSummary>[]> {
  if (items.length === 0) return [];
  const ids = items.map((i) => i.row.id);
  const [teams, links, orgs] = await Promise.all([
    db.selectFrom('case_members').select(['case_id', (eb) => eb.fn.countAll<string>().as('n')]).where('case_id', 'in', ids).groupBy('case_id').execute(),
    db.selectFrom('case_requests').select(['case_id', (eb) => eb.fn.countAll<string>().as('n')]).where('case_id', 'in', ids).groupBy('case_id').execute(),
    db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', [...new Set(items.map((i) => i.row.organisation_id))]).execute(),
  ]);
  const count = (rows: { case_id: string; n: string }[], id: string) => Number(rows.find((r) => r.case_id === id)?.n ?? 0);
  return items.map(({ row, withheld }) => {
    const fields = caseMarkingFieldsOf(row);
    return {
      id: row.id,
      reference: row.reference,
      title: withheld ? '' : row.title,
      organisation: { id: row.organisation_id, name: orgs.find((o) => o.id === row.organisation_id)?.name ?? '' },
      offences: withheld ? [] : (row.offences as OffenceId[]),
      status: row.status as CaseStatus,
      openedOn: row.opened_on,
      closedOn: row.closed_on,
      marking: fields.marking,
      handling: (fields.handling ?? 'H0') as HandlingCode,
      teamSize: count(teams, row.id),
      requestCount: count(links, row.id),
      withheld,
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  });
}
