// The release-policy capability: /api/v1/consents (ask an originator, answer as one, approve with
// a second pair of eyes), the report of denied attempts per user, and the two federation message
// types that carry consent questions and answers between nodes.
import { NODE_WIDE_ROLES, ValidationError } from '@comity/core';
import { IdParams } from '@comity/contract';
import {
  AnswerConsentBody,
  ConsentAnswerPayload,
  type ConsentAnswerResult,
  ConsentList,
  ConsentListQuery,
  ConsentRequestPayload,
  type ConsentRequestResult,
  ConsentView,
  CreateConsentBody,
  DeniedAttemptsQuery,
  DeniedAttemptsReport,
} from '@comity/contract/consents';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../auth/authenticate.ts';
import type { AppDeps } from '../deps.ts';
import { federationOf } from '../federation/capability.ts';
import type { InboundHandler } from '../federation/runtime.ts';
import { requestsOf } from '../requests/requests-capability.ts';
import type { Capability } from '../routes/registry.ts';
import { answerConsent, applyAnswer, applyConsentRequest, approveConsent, askConsent, getConsent, listConsents, presentConsent } from './consent-service.ts';
import { policyTrailOf } from './policy-routes-check.ts';

const TAGS = ['consents'];

function requestDeps(deps: AppDeps) {
  const r = requestsOf(deps);
  if (!r) throw new ValidationError('requests_unavailable', 'This node does not run the requests capability.');
  return r;
}

/** Denied attempts per user, read from the audit trail (`policy.deny` entries). */
async function deniedAttempts(deps: AppDeps, organisationId: string | undefined, from?: string, to?: string) {
  let q = deps.db.selectFrom('audit_entries').select(['actor_id', 'actor_email', 'at', 'change', 'target']).where('action', '=', 'policy.deny');
  if (organisationId) q = q.where('organisation_id', '=', organisationId);
  if (from) q = q.where('at', '>=', `${from}T00:00:00.000Z`);
  if (to) q = q.where('at', '<', new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000).toISOString());
  const rows = await q.orderBy('seq', 'desc').limit(5000).execute();
  const users = new Map<string, { userId: string | null; email: string | null; count: number; byRule: Record<string, number>; last: string }>();
  for (const r of rows) {
    const change = r.change as { rule?: string };
    const key = r.actor_id ?? `operator:${r.actor_email ?? ''}`;
    const u = users.get(key) ?? { userId: r.actor_id, email: r.actor_email, count: 0, byRule: {}, last: new Date(r.at).toISOString() };
    u.count++;
    const rule = change.rule ?? 'unknown';
    u.byRule[rule] = (u.byRule[rule] ?? 0) + 1;
    users.set(key, u);
  }
  return {
    users: [...users.values()].sort((a, b) => b.count - a.count),
    recent: rows.slice(0, 50).map((r) => {
      const c = r.change as { action?: string; rule?: string; reason?: string; reference?: string };
      return { at: new Date(r.at).toISOString(), email: r.actor_email, action: c.action ?? '', rule: c.rule ?? '', reason: c.reason ?? '', target: r.target, reference: c.reference ?? null };
    }),
  };
}

export async function loadPolicyCapability(deps: AppDeps): Promise<Capability> {
  // Consents about evidence items are written into the item's custody log too.
  const custody = { hasher: deps.hasher, signer: deps.signer, now: deps.now, nodeId: deps.keys.nodeId };
  const federation = federationOf(deps);
  if (federation) {
    const request: InboundHandler<ConsentRequestPayload> = {
      parse: (p) => ConsentRequestPayload.parse(p),
      async handle({ trx, header, payload, peer, audit }) {
        if (payload.conversationId !== header.conversationId) throw new ValidationError('conversation_mismatch', 'The question belongs to another conversation than its envelope.');
        const row = await applyConsentRequest(trx, audit, deps.now(), { nodeId: header.sender, organisationId: null, name: peer.authority_name }, payload, custody);
        return { result: { state: 'received' } satisfies ConsentRequestResult, keepPayload: true, recipientOrganisationId: row.organisation_id };
      },
    };
    const answer: InboundHandler<ConsentAnswerPayload> = {
      parse: (p) => ConsentAnswerPayload.parse(p),
      async handle({ trx, header, payload, audit }) {
        if (payload.conversationId !== header.conversationId) throw new ValidationError('conversation_mismatch', 'The answer belongs to another conversation than its envelope.');
        const row = await applyAnswer(trx, audit, deps.now(), { counterpartNodeId: header.sender, counterpartOrganisationId: null }, payload, custody);
        return { result: { state: payload.answer } satisfies ConsentAnswerResult, keepPayload: true, recipientOrganisationId: row.organisation_id };
      },
    };
    federation.registerHandler('consent.request', request);
    federation.registerHandler('consent.answer', answer);
  }

  return {
    name: 'policy',
    routes: async (app: FastifyInstance) => {
      const r = app.withTypeProvider<ZodTypeProvider>();
      const who = (request: import('fastify').FastifyRequest) => ({ actor: request.actor, requestId: String(request.id), trail: policyTrailOf(request) });

      r.post(
        '/api/v1/consents',
        {
          config: { permission: 'consent:ask', policy: ['read'] },
          schema: {
            tags: TAGS,
            summary: 'Ask the originator of a record for a use outside its limitations',
            description: 'Recorded as awaiting-approval: a supervisor other than you approves (POST /api/v1/consents/{id}/approve) before it is sent to the originator.',
            body: CreateConsentBody,
            response: { 201: ConsentView },
          },
        },
        async (request, reply) => {
          const actor = requirePermission(request, 'consent:ask');
          const row = await askConsent(requestDeps(deps), who(request), request.body, custody);
          return reply.code(201).send(await presentConsent(deps.db, row, actor));
        },
      );

      r.get(
        '/api/v1/consents',
        { config: { permission: ['consent:ask', 'consent:answer', 'consent:approve'], policy: 'none' }, schema: { tags: TAGS, summary: 'Consents my organisation asked for or was asked', querystring: ConsentListQuery, response: { 200: ConsentList } } },
        async (request) => {
          const actor = requirePermission(request, 'request:read');
          return { items: await listConsents(deps.db, actor, request.query) };
        },
      );

      r.get(
        '/api/v1/consents/:id',
        { config: { permission: ['consent:ask', 'consent:answer', 'consent:approve'], policy: 'none' }, schema: { tags: TAGS, summary: 'One consent', params: IdParams, response: { 200: ConsentView } } },
        async (request) => {
          const actor = requirePermission(request, 'request:read');
          return getConsent(deps.db, actor, request.params.id);
        },
      );

      r.post(
        '/api/v1/consents/:id/answer',
        {
          config: { permission: 'consent:answer', policy: 'none' },
          schema: {
            tags: TAGS,
            summary: 'As originator, propose the answer (granted, refused, granted with conditions)',
            description: 'A supervisor other than you approves it before it is sent back.',
            params: IdParams,
            body: AnswerConsentBody,
            response: { 200: ConsentView },
          },
        },
        async (request) => {
          const actor = requirePermission(request, 'consent:answer');
          return presentConsent(deps.db, await answerConsent(requestDeps(deps), who(request), request.params.id, request.body), actor);
        },
      );

      r.post(
        '/api/v1/consents/:id/approve',
        {
          config: { permission: 'consent:approve', policy: 'none' },
          schema: { tags: TAGS, summary: 'Approve a question before it is sent, or an answer before it goes back (four eyes)', params: IdParams, response: { 200: ConsentView } } },
        async (request) => {
          const actor = requirePermission(request, 'consent:approve');
          return presentConsent(deps.db, await approveConsent(requestDeps(deps), who(request), request.params.id, custody), actor);
        },
      );

      r.get(
        '/api/v1/policy/denials',
        {
          config: { permission: 'policy:report', policy: 'none' },
          schema: { tags: ['policy'], summary: 'Denied attempts per user (from the audit trail)', querystring: DeniedAttemptsQuery, response: { 200: DeniedAttemptsReport } },
        },
        async (request) => {
          const actor = requirePermission(request, 'policy:report');
          return deniedAttempts(deps, NODE_WIDE_ROLES.includes(actor.role) ? undefined : actor.organisationId, request.query.from, request.query.to);
        },
      );
    },
  };
}
