// HTTP routes of hit/no-hit (issue 13 part 3): /api/v1/hits (the organisation's hit inbox, reveal,
// decline), /api/v1/hits/queries ("check with peers" for a case, and its progress) and
// /api/v1/hits/offers (what this node offers each peer; administrators).
import { IdParams } from '@comity/contract';
import { CheckWithPeersBody, HitList, HitListQuery, HitOffer, HitOfferList, HitQueryList, HitQueryListQuery, HitView, PeerParams, PutHitOfferBody, RevealHitBody } from '@comity/contract/hits';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../auth/authenticate.ts';
import type { AppDeps } from '../deps.ts';
import { policyTrailOf } from '../policy/policy-routes-check.ts';
import { checkWithPeers, decideHit, getHit, listHits, listOffers, listQueries, putOffer } from './hits-service.ts';

const TAGS = ['hits'];

export function hitRoutes(deps: AppDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const who = (request: FastifyRequest) => ({ actor: request.actor, requestId: String(request.id), trail: policyTrailOf(request) });

    r.get(
      '/api/v1/hits',
      {
        config: { policy: 'none', permission: 'hits:read' },
        schema: { tags: TAGS, summary: 'The hit inbox: your records that may match a record of a peer authority', querystring: HitListQuery, response: { 200: HitList } },
      },
      async (request) => {
        requirePermission(request, 'hits:read');
        return { items: await listHits(deps, who(request), request.query) };
      },
    );

    r.get(
      '/api/v1/hits/:id',
      {
        config: { policy: 'none', permission: 'hits:read' },
        schema: { tags: TAGS, summary: 'One hit of your cases (404 unless you see it in your inbox)', params: IdParams, response: { 200: HitView } },
      },
      async (request) => {
        requirePermission(request, 'hits:read');
        return getHit(deps, who(request), request.params.id);
      },
    );

    r.post(
      '/api/v1/hits/:id/reveal',
      {
        config: { policy: ['transmit'], permission: 'hits:decide' },
        schema: { tags: TAGS, summary: 'Reveal your case reference and a contact to the peer of a hit (the owner’s consent)', params: IdParams, body: RevealHitBody, response: { 200: HitView } },
      },
      async (request) => {
        requirePermission(request, 'hits:decide');
        return decideHit(deps, who(request), request.params.id, { decision: 'revealed', ...request.body });
      },
    );

    r.post(
      '/api/v1/hits/:id/decline',
      {
        config: { policy: ['transmit'], permission: 'hits:decide' },
        schema: { tags: TAGS, summary: 'Decline to reveal anything about a hit (the peer is told it was declined)', params: IdParams, body: z.strictObject({}).optional(), response: { 200: HitView } },
      },
      async (request) => {
        requirePermission(request, 'hits:decide');
        return decideHit(deps, who(request), request.params.id, { decision: 'declined' });
      },
    );

    r.post(
      '/api/v1/hits/queries',
      {
        config: { policy: ['read'], permission: 'hits:query' },
        schema: {
          tags: TAGS,
          summary: 'Check a case’s identifiers with peers (private set intersection; nothing in clear leaves the node)',
          body: CheckWithPeersBody,
          response: { 202: z.strictObject({ queries: z.array(z.uuid()) }) },
        },
      },
      async (request, reply) => {
        requirePermission(request, 'hits:query');
        const queries = await checkWithPeers(deps, who(request), request.body.caseId, request.body.peers, request.body.kinds);
        return reply.code(202).send({ queries });
      },
    );

    r.get(
      '/api/v1/hits/queries',
      {
        config: { policy: 'none', permission: 'hits:read' },
        schema: { tags: TAGS, summary: 'Queries sent (and, for administrators, received) with their progress', querystring: HitQueryListQuery, response: { 200: HitQueryList } },
      },
      async (request) => {
        requirePermission(request, 'hits:read');
        return { items: await listQueries(deps, who(request), request.query) };
      },
    );

    r.get(
      '/api/v1/hits/offers',
      {
        config: { policy: 'none', permission: 'hits:offers' },
        schema: { tags: TAGS, summary: 'What this node offers each peer for hit/no-hit, with limits and suspensions', response: { 200: HitOfferList } },
      },
      async (request) => {
        requirePermission(request, 'hits:offers');
        return { items: await listOffers(deps) };
      },
    );

    r.put(
      '/api/v1/hits/offers/:nodeId',
      {
        config: { policy: 'none', permission: 'hits:offers' },
        schema: { tags: TAGS, summary: 'Set what this node offers a peer (entity types, strictest case TLP, hourly limits); `resume` lifts a suspension', params: PeerParams, body: PutHitOfferBody, response: { 200: HitOffer } },
      },
      async (request) => {
        requirePermission(request, 'hits:offers');
        return putOffer(deps, who(request), request.params.nodeId, request.body);
      },
    );
  };
}
