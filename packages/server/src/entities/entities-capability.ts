// Entities as a capability: the routes of /api/v1/entities and /api/v1/cases/:id/entities.
import type { AppDeps } from '../deps.ts';
import type { Capability } from '../routes/registry.ts';
import { entityRoutes } from './entity-routes.ts';

export async function loadEntitiesCapability(deps: AppDeps): Promise<Capability> {
  return { name: 'entities', routes: entityRoutes(deps) };
}
