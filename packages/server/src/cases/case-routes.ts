// HTTP routes of cases: /api/v1/cases (create, list with filters and search, read, edit, close and
// reopen), its team (/members) and linked requests (/requests), and the request side of a link
// (PUT /api/v1/requests/:id/case). Reading a case goes through readCase (team, supervisors, node
// administrators as the marking allows; 404 for anyone else), so each route asks `decide`.
import { IdParams } from '@comity/contract';
import { CaseLinkBody, CaseList, CaseListQuery, CaseMemberBody, CaseView, CreateCaseBody, PatchCaseBody } from '@comity/contract/cases';
import { CaseRef } from '@comity/contract/requests';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../auth/authenticate.ts';
import type { AppDeps } from '../deps.ts';
import { policyTrailOf } from '../policy/policy-routes-check.ts';
import { presentCase, presentCaseSummaries } from './case-presenter.ts';
import {
  assertCaseMember,
  caseOfRequest,
  createCase,
  linkRequestToCase,
  listCases,
  mayReadCase,
  readCaseWithAccess,
  removeCaseMember,
  setCaseMember,
  setRequestCase,
  unlinkRequestFromCase,
  updateCase,
} from './case-service.ts';

const TAGS = ['cases'];
const MemberParams = z.strictObject({ id: z.uuid(), userId: z.uuid() });
const LinkParams = z.strictObject({ id: z.uuid(), requestId: z.uuid() });
const RequestCaseBody = z
  .strictObject({ caseId: z.uuid().nullable().describe('The case to link the request to; null unlinks it from its case') })
  .meta({ id: 'RequestCaseBody' });
const RequestCaseAnswer = z.object({ case: CaseRef.nullable() }).meta({ id: 'RequestCaseAnswer' });
const MemberCandidates = z
  .object({ items: z.array(z.object({ userId: z.uuid(), email: z.string(), name: z.string(), role: z.string() })) })
  .meta({ id: 'CaseMemberCandidates' });

export function caseRoutes(deps: AppDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const who = (request: FastifyRequest) => ({ actor: request.actor, requestId: String(request.id), trail: policyTrailOf(request) });
    const view = async (request: FastifyRequest, id: string) => presentCase(deps.db, deps.now(), request.actor, await readCaseWithAccess(deps, who(request), id));

    r.post(
      '/api/v1/cases',
      { config: { policy: 'none', permission: 'case:create' }, schema: { tags: TAGS, summary: 'Open a case (you lead its team)', body: CreateCaseBody, response: { 201: CaseView } } },
      async (request, reply) => {
        requirePermission(request, 'case:create');
        const row = await createCase(deps, who(request), request.body);
        return reply.code(201).send(await view(request, row.id));
      },
    );

    r.get(
      '/api/v1/cases',
      {
        config: { policy: ['read'], permission: 'case:read' },
        schema: {
          tags: TAGS,
          summary: 'List the cases you may see (filters: status, offence, my cases; search in reference and title)',
          description: 'Supervisors see every case of their organisation, other users the cases of their teams; node administrators see every organisation\u2019s, withheld where the marking keeps them out.',
          querystring: CaseListQuery,
          response: { 200: CaseList },
        },
      },
      async (request) => {
        requirePermission(request, 'case:read');
        const { items, total } = await listCases(deps, who(request), request.query);
        policyTrailOf(request).decisions++;
        return { items: await presentCaseSummaries(deps.db, items), total };
      },
    );

    r.get(
      '/api/v1/cases/:id',
      { config: { policy: ['read'], permission: 'case:read' }, schema: { tags: TAGS, summary: 'A case with its team, linked requests and what you may do', params: IdParams, response: { 200: CaseView } } },
      async (request) => {
        requirePermission(request, 'case:read');
        return view(request, request.params.id);
      },
    );

    r.patch(
      '/api/v1/cases/:id',
      {
        config: { policy: ['read', 'remark'], permission: 'case:edit' },
        schema: {
          tags: TAGS,
          summary: 'Edit, close or reopen a case (its lead or a supervisor; optimistic locking: send the version you edited)',
          params: IdParams,
          body: PatchCaseBody,
          response: { 200: CaseView },
        },
      },
      async (request) => {
        requirePermission(request, 'case:edit');
        await updateCase(deps, who(request), request.params.id, request.body);
        return view(request, request.params.id);
      },
    );

    r.get(
      '/api/v1/cases/:id/member-candidates',
      {
        config: { policy: ['read'], permission: 'case:edit' },
        schema: { tags: TAGS, summary: 'Users of the case\u2019s organisation who can join its team (for its lead and the supervisors)', params: IdParams, response: { 200: MemberCandidates } },
      },
      async (request) => {
        requirePermission(request, 'case:edit');
        const { row } = await assertCaseMember(deps, who(request), request.params.id, 'team');
        const users = await deps.db
          .selectFrom('users')
          .select(['id', 'email', 'name', 'role'])
          .where('organisation_id', '=', row.organisation_id)
          .where('disabled', '=', false)
          .orderBy('email')
          .execute();
        return { items: users.map((u) => ({ userId: u.id, email: u.email, name: u.name, role: u.role })) };
      },
    );

    r.post(
      '/api/v1/cases/:id/members',
      {
        config: { policy: ['read'], permission: 'case:edit' },
        schema: { tags: TAGS, summary: 'Add a user of the organisation to the team, or change its team role', params: IdParams, body: CaseMemberBody, response: { 200: CaseView } },
      },
      async (request) => {
        requirePermission(request, 'case:edit');
        await setCaseMember(deps, who(request), request.params.id, request.body.userId, request.body.teamRole);
        return view(request, request.params.id);
      },
    );

    r.delete(
      '/api/v1/cases/:id/members/:userId',
      {
        config: { policy: ['read'], permission: 'case:edit' },
        schema: {
          tags: TAGS,
          summary: 'Remove a member from the team (a case keeps at least one lead)',
          description: 'Answers the case, or 204 when you removed yourself and no longer read it.',
          params: MemberParams,
          response: { 200: CaseView, 204: z.null() },
        },
      },
      async (request, reply) => {
        const actor = requirePermission(request, 'case:edit');
        const row = await removeCaseMember(deps, who(request), request.params.id, request.params.userId);
        if (!(await mayReadCase(deps, actor, row))) return reply.code(204).send(null);
        return view(request, request.params.id);
      },
    );

    r.post(
      '/api/v1/cases/:id/requests',
      {
        config: { policy: ['read'], permission: 'case:edit' },
        schema: { tags: TAGS, summary: 'Link a request (outgoing or incoming) of the organisation to the case', params: IdParams, body: CaseLinkBody, response: { 200: CaseView } },
      },
      async (request) => {
        requirePermission(request, 'case:edit');
        await linkRequestToCase(deps, who(request), request.params.id, request.body.requestId);
        return view(request, request.params.id);
      },
    );

    r.delete(
      '/api/v1/cases/:id/requests/:requestId',
      { config: { policy: ['read'], permission: 'case:edit' }, schema: { tags: TAGS, summary: 'Unlink a request from the case', params: LinkParams, response: { 200: CaseView } } },
      async (request) => {
        requirePermission(request, 'case:edit');
        await unlinkRequestFromCase(deps, who(request), request.params.id, request.params.requestId);
        return view(request, request.params.id);
      },
    );

    r.put(
      '/api/v1/requests/:id/case',
      {
        config: { policy: ['read'], permission: 'case:edit' },
        schema: {
          tags: TAGS,
          summary: 'Link a request to a case, move it to another, or unlink it (from the request\u2019s side)',
          description: 'Moving a request needs the right to link on both cases. The answer names the case only when you may read it.',
          params: IdParams,
          body: RequestCaseBody,
          response: { 200: RequestCaseAnswer },
        },
      },
      async (request) => {
        const actor = requirePermission(request, 'case:edit');
        const requestId = request.params.id;
        await setRequestCase(deps, who(request), requestId, request.body.caseId);
        const linked = await caseOfRequest(deps, actor, requestId);
        return { case: linked ? { id: linked.id, reference: linked.reference, title: linked.title, status: linked.status as 'open' | 'closed' } : null };
      },
    );
  };
}
