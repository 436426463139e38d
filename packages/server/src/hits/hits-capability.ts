// Hit/no-hit between nodes as a capability: the hits.* message handlers on the federation runtime
// and the routes of /api/v1/hits.
import type { AppDeps } from '../deps.ts';
import { federationOf } from '../federation/capability.ts';
import type { Capability } from '../routes/registry.ts';
import { hitRoutes } from './hits-routes.ts';
import { registerHitHandlers } from './hits-service.ts';

export async function loadHitsCapability(deps: AppDeps): Promise<Capability> {
  const runtime = federationOf(deps);
  if (runtime) registerHitHandlers(runtime);
  return { name: 'hits', routes: hitRoutes(deps) };
}
