// Cases as the SPA sees them: shapes from the generated API types (zod stays out of the bundle),
// vocabularies from core, and every call the case pages and the request page's "Case" field make.
import { CASE_STATUSES, CASE_TEAM_ROLES } from '@comity/core/cases/case';
import { OFFENCE_IDS } from '@comity/core/knowledge/taxonomy';
import type { components } from '@comity/contract/generated/openapi';
import { type QueryOf, client, unwrap } from './api.ts';

type Schemas = components['schemas'];
export type CaseView = Schemas['Case'];
export type CaseSummary = Schemas['CaseSummary'];
export type CaseList = Schemas['CaseList'];
export type CaseMember = Schemas['CaseMember'];
export type CaseRequest = Schemas['CaseRequest'];
export type CaseRef = Schemas['CaseRef'];
export type CreateCaseBody = Schemas['CreateCaseBodyInput'];
export type PatchCaseBody = Schemas['PatchCaseBodyInput'];
export type CaseStatus = CaseView['status'];
export type CaseOffence = CaseView['offences'][number];
export type CaseTeamRole = CaseMember['teamRole'];

type CaseQuery = QueryOf<'/api/v1/cases', 'get'>;
/** Filters as they come from the address bar: any string; the server answers an unknown one with 400. */
export type CaseFilter = { [K in keyof CaseQuery]?: NonNullable<CaseQuery[K]> extends string ? string : CaseQuery[K] };

export { CASE_STATUSES, CASE_TEAM_ROLES, OFFENCE_IDS };

const id = (value: string) => ({ path: { id: value } });

export const casesApi = {
  list: (filter: CaseFilter) => unwrap(client.GET('/api/v1/cases', { params: { query: filter as CaseQuery } })),
  get: (caseId: string) => unwrap(client.GET('/api/v1/cases/{id}', { params: id(caseId) })),
  create: (body: CreateCaseBody) => unwrap(client.POST('/api/v1/cases', { body })),
  update: (caseId: string, body: PatchCaseBody) => unwrap(client.PATCH('/api/v1/cases/{id}', { params: id(caseId), body })),
  candidates: (caseId: string) => unwrap(client.GET('/api/v1/cases/{id}/member-candidates', { params: id(caseId) })),
  setMember: (caseId: string, userId: string, teamRole: CaseTeamRole) =>
    unwrap(client.POST('/api/v1/cases/{id}/members', { params: id(caseId), body: { userId, teamRole } })),
  /** The case, or null when you removed yourself and no longer read it. */
  removeMember: async (caseId: string, userId: string): Promise<CaseView | null> =>
    (await unwrap(client.DELETE('/api/v1/cases/{id}/members/{userId}', { params: { path: { id: caseId, userId } } }))) ?? null,
  link: (caseId: string, requestId: string) => unwrap(client.POST('/api/v1/cases/{id}/requests', { params: id(caseId), body: { requestId } })),
  unlink: (caseId: string, requestId: string) => unwrap(client.DELETE('/api/v1/cases/{id}/requests/{requestId}', { params: { path: { id: caseId, requestId } } })),
  /** From the request's side: link to a case, move, or (null) unlink. */
  setRequestCase: (requestId: string, caseId: string | null) => unwrap(client.PUT('/api/v1/requests/{id}/case', { params: id(requestId), body: { caseId } })),
};
