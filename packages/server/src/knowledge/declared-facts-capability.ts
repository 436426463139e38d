// Declared facts as a node capability: the routes, the `knowledge.facts` handler and sending the
// published facts to a peer when it is trusted. Loaded after knowledge and federation.
import type { AppDeps } from '../deps.ts';
import { federationOf } from '../federation/capability.ts';
import type { Capability } from '../routes/registry.ts';
import { declaredFactsRoutes } from './declared-facts-routes.ts';
import { registerFactsFederation } from './declared-facts-service.ts';

export async function loadDeclaredFactsCapability(deps: AppDeps): Promise<Capability> {
  const runtime = federationOf(deps);
  if (runtime) registerFactsFederation(runtime);
  return { name: 'declared-facts', routes: declaredFactsRoutes };
}
