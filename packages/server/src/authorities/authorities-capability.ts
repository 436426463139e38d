// The directory of requested authorities as a capability: its routes only (the request use cases
// resolve a chosen authority through directory.ts).
import type { AppDeps } from '../deps.ts';
import type { Capability } from '../routes/registry.ts';
import { authoritiesRoutes } from './authorities-routes.ts';

export async function loadAuthoritiesCapability(deps: AppDeps): Promise<Capability> {
  return { name: 'authorities', routes: authoritiesRoutes(deps) };
}
