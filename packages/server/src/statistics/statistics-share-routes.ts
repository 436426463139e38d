// HTTP routes of statistics sharing: a supervisor sends the organisation's aggregated statistics to
// a peer under a marking (POST /api/v1/statistics/shares, the release policy decides the
// transmission); what was sent, and what peers shared with this node (GET …/shares, …/received).
import { ReceivedStatisticsShares, SentStatisticsShare, SentStatisticsShares, ShareStatisticsBody } from '@comity/contract/statistics-share';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../auth/authenticate.ts';
import { policyTrailOf } from '../policy/policy-routes-check.ts';
import { type ShareDeps, listReceivedShares, listSentShares, shareStatistics } from './statistics-share.ts';

export function statisticsShareRoutes(deps: ShareDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const who = (request: FastifyRequest) => ({ actor: request.actor, requestId: String(request.id), trail: policyTrailOf(request) });
    r.post(
      '/api/v1/statistics/shares',
      {
        config: { policy: ['transmit'], permission: 'statistics:share' },
        schema: {
          tags: ['statistics'],
          summary: 'Share aggregated statistics with a peer node under a marking',
          description:
            'Sends the organisation\u2019s ICCS-coded counts (from the rollup, never records) for the months `from`..`to`, folded by `period`, to an active peer as a `statistics.share` message marked with `marking`. The release policy decides the transmission to that node: the share carries the markings of the cooperation requests it counts, so a request received from another authority under TLP:AMBER or with confidentiality asked keeps the share from a third node (403 `policy_denied`, consentable) unless `sources` leaves requests out. Supervisors only; audited on both nodes.',
          body: ShareStatisticsBody,
          response: { 201: SentStatisticsShare },
        },
      },
      async (request, reply) => {
        requirePermission(request, 'statistics:share');
        return reply.code(201).send(await shareStatistics(deps, who(request), request.body));
      },
    );
    r.get(
      '/api/v1/statistics/shares',
      { config: { policy: 'none', permission: 'statistics:read' }, schema: { tags: ['statistics'], summary: 'Statistics the organisation shared with peers', response: { 200: SentStatisticsShares } } },
      async (request) => {
        requirePermission(request, 'statistics:read');
        return listSentShares(deps, who(request));
      },
    );
    r.get(
      '/api/v1/statistics/received',
      {
        config: { policy: 'none', permission: 'statistics:read' },
        schema: {
          tags: ['statistics'],
          summary: 'Statistics peers shared with this node',
          description: 'Each share with its origin node (authority and State from its card), the organisation that shared it, the period, the months covered, its marking and its counts. Active peers only.',
          response: { 200: ReceivedStatisticsShares },
        },
      },
      async (request) => {
        requirePermission(request, 'statistics:read');
        return listReceivedShares(deps, who(request));
      },
    );
  };
}
