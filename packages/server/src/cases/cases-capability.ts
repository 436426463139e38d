// Cases as a capability: the routes of /api/v1/cases and the request side of a link. Other
// capabilities use the service (case-service.ts) directly.
import type { AppDeps } from '../deps.ts';
import type { Capability } from '../routes/registry.ts';
import { caseRoutes } from './case-routes.ts';

export async function loadCasesCapability(deps: AppDeps): Promise<Capability> {
  return { name: 'cases', routes: caseRoutes(deps) };
}
