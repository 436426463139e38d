// The seizure and maritime-incident registries as a capability: the routes of /api/v1/seizures and /api/v1/incidents.
import type { AppDeps } from '../deps.ts';
import type { Capability } from '../routes/registry.ts';
import { seizureRoutes } from './seizure-routes.ts';

export async function loadSeizuresCapability(deps: AppDeps): Promise<Capability> {
  return { name: 'seizures', routes: seizureRoutes(deps) };
}
