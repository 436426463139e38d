// HTTP routes of the registries' map (issue 14 part 5): GeoJSON points (and seizure routes as
// lines) of the records the caller's lists hold, read under the release policy like the lists.
import { IncidentMap, IncidentMapQuery, SeizureMap, SeizureMapQuery } from '@comity/contract/seizure-map';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../auth/authenticate.ts';
import { policyTrailOf } from '../policy/policy-routes-check.ts';
import { incidentMap, seizureMap } from './map-service.ts';
import type { RegistryDeps } from './seizure-service.ts';

export function registryMapRoutes(deps: RegistryDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const who = (request: FastifyRequest) => ({ actor: request.actor, requestId: String(request.id), trail: policyTrailOf(request) });

    r.get(
      '/api/v1/seizures/map',
      {
        config: { policy: ['read'], permission: 'registry:read' },
        schema: {
          tags: ['seizures'],
          summary: 'Seizures you may see as GeoJSON points, newest first up to `limit`, with their routes as lines (domain, time, species or substance, country, bounding box)',
          description: 'A record without coordinates (or whose place the release policy withholds) is drawn at its country’s point (`precision: country`). A bounding box outside the valid range answers 400 `bbox_out_of_range`; south north of north 400 `bbox_inverted`.',
          querystring: SeizureMapQuery,
          response: { 200: SeizureMap },
        },
      },
      async (request) => {
        requirePermission(request, 'registry:read');
        policyTrailOf(request).decisions++;
        return seizureMap(deps, who(request), request.query);
      },
    );

    r.get(
      '/api/v1/incidents/map',
      {
        config: { policy: ['read'], permission: 'registry:read' },
        schema: { tags: ['incidents'], summary: 'Maritime incidents you may see as GeoJSON points, newest first up to `limit` (kind, time, country, bounding box)', querystring: IncidentMapQuery, response: { 200: IncidentMap } },
      },
      async (request) => {
        requirePermission(request, 'registry:read');
        policyTrailOf(request).decisions++;
        return incidentMap(deps, who(request), request.query);
      },
    );
  };
}
