// HTTP routes of backtracking (GET /api/v1/seizures/{id}/related, /api/v1/incidents/{id}/related)
// and of the registry statistics (GET /api/v1/statistics, JSON, CSV or SDMX-CSV).
import { IdParams } from '@comity/contract';
import { RelatedList, RelatedQuery, StatisticsQuery, StatisticsView } from '@comity/contract/registry-analysis';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../auth/authenticate.ts';
import { policyTrailOf } from '../policy/policy-routes-check.ts';
import { type BacktrackDeps, checkRecordWithPeers, peerHitsOfRecord, relatedRecords } from '../seizures/backtracking-service.ts';
import { HitList } from '@comity/contract/hits';
import type { AppDeps } from '../deps.ts';
import { type StatisticsDeps, readStatistics } from './statistics-service.ts';

const RELATED_DESCRIPTION =
  'The other seizures and maritime incidents, of every crime domain, within `windowDays` of this record that share a vessel (IMO), company, person, phone or account, route segment or port with it; each names the shared elements. Only records the caller may read are listed. Other nodes are asked through hit/no-hit (`peer-check`).';
const PEER_CHECK_DESCRIPTION =
  'Sends the record’s shared elements that are entities of its case (its parties with their phones, accounts and names with dates of birth, and the case’s vessels with its IMO number) to every active peer as blinded or keyed encodings, never in clear; hits appear in the hit inbox and under `peer-hits`. 400 `no_case` or `no_shared_entities` when there is nothing to check.';

export function registryAnalysisRoutes(deps: BacktrackDeps & StatisticsDeps & Partial<Pick<AppDeps, 'keys'>>) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const who = (request: FastifyRequest) => ({ actor: request.actor, requestId: String(request.id), trail: policyTrailOf(request) });

    r.get(
      '/api/v1/seizures/:id/related',
      { config: { policy: ['read'], permission: 'registry:read' }, schema: { tags: ['seizures'], summary: 'Backtracking: records related to this seizure', description: RELATED_DESCRIPTION, params: IdParams, querystring: RelatedQuery, response: { 200: RelatedList } } },
      async (request) => {
        requirePermission(request, 'registry:read');
        return relatedRecords(deps, who(request), 'seizure', request.params.id, request.query);
      },
    );

    r.get(
      '/api/v1/incidents/:id/related',
      { config: { policy: ['read'], permission: 'registry:read' }, schema: { tags: ['incidents'], summary: 'Backtracking: records related to this maritime incident', description: RELATED_DESCRIPTION, params: IdParams, querystring: RelatedQuery, response: { 200: RelatedList } } },
      async (request) => {
        requirePermission(request, 'registry:read');
        return relatedRecords(deps, who(request), 'incident', request.params.id, request.query);
      },
    );

    r.post(
      '/api/v1/seizures/:id/peer-check',
      {
        config: { policy: ['read'], permission: 'hits:query' },
        schema: {
          tags: ['seizures', 'hits'],
          summary: 'Backtracking across nodes: check this seizure’s shared elements with peers (hit/no-hit)',
          description: PEER_CHECK_DESCRIPTION,
          params: IdParams,
          response: { 202: z.strictObject({ queries: z.array(z.uuid()) }) },
        },
      },
      async (request, reply) => {
        requirePermission(request, 'hits:query');
        const queries = await checkRecordWithPeers(deps as BacktrackDeps & Pick<AppDeps, 'keys'>, who(request), 'seizure', request.params.id);
        return reply.code(202).send({ queries });
      },
    );

    r.get(
      '/api/v1/seizures/:id/peer-hits',
      {
        config: { policy: ['read'], permission: 'hits:read' },
        schema: { tags: ['seizures', 'hits'], summary: 'The hits from peers on this seizure’s shared elements (as in your hit inbox)', params: IdParams, response: { 200: HitList } },
      },
      async (request) => {
        requirePermission(request, 'hits:read');
        return { items: await peerHitsOfRecord(deps, who(request), 'seizure', request.params.id) };
      },
    );

    r.post(
      '/api/v1/incidents/:id/peer-check',
      {
        config: { policy: ['read'], permission: 'hits:query' },
        schema: {
          tags: ['incidents', 'hits'],
          summary: 'Backtracking across nodes: check this maritime incident’s shared elements with peers (hit/no-hit)',
          description: PEER_CHECK_DESCRIPTION,
          params: IdParams,
          response: { 202: z.strictObject({ queries: z.array(z.uuid()) }) },
        },
      },
      async (request, reply) => {
        requirePermission(request, 'hits:query');
        const queries = await checkRecordWithPeers(deps as BacktrackDeps & Pick<AppDeps, 'keys'>, who(request), 'incident', request.params.id);
        return reply.code(202).send({ queries });
      },
    );

    r.get(
      '/api/v1/incidents/:id/peer-hits',
      {
        config: { policy: ['read'], permission: 'hits:read' },
        schema: { tags: ['incidents', 'hits'], summary: 'The hits from peers on this maritime incident’s shared elements (as in your hit inbox)', params: IdParams, response: { 200: HitList } },
      },
      async (request) => {
        requirePermission(request, 'hits:read');
        return { items: await peerHitsOfRecord(deps, who(request), 'incident', request.params.id) };
      },
    );

    r.get(
      '/api/v1/statistics',
      {
        config: { policy: 'none', permission: 'statistics:read' },
        schema: {
          tags: ['statistics'],
          summary: 'ICCS-coded counts of seizures, maritime incidents and cooperation requests',
          description:
            'Counts by period (month, quarter, year), country and ICCS code, from a rollup the job queue recomputes (`refreshedAt`). Your organisation\u2019s records; a node administrator\u2019s, the node\u2019s. Aggregates only, never records. `format=csv`: plain CSV; `format=sdmx-csv`: SDMX-CSV 2.0 of dataflow COMITY:DF_ICCS_REGISTRY(1.0) (FREQ, REF_AREA, SOURCE, ICCS, TIME_PERIOD, OBS_VALUE).',
          querystring: StatisticsQuery,
          response: { 200: z.union([StatisticsView, z.string()]) },
        },
      },
      async (request, reply) => {
        requirePermission(request, 'statistics:read');
        const answer = await readStatistics(deps, who(request), request.query);
        if (answer.kind === 'json') return answer.body;
        return reply.header('content-type', answer.mediaType).header('content-disposition', `attachment; filename="${answer.filename}"`).send(answer.body);
      },
    );
  };
}
