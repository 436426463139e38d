// The seizure and maritime-incident registries as a capability: the routes of /api/v1/seizures and /api/v1/incidents.
import type { AppDeps } from '../deps.ts';
import type { Capability } from '../routes/registry.ts';
import { registryMapRoutes } from './map-routes.ts';
import { seizureRoutes } from './seizure-routes.ts';

export async function loadSeizuresCapability(deps: AppDeps): Promise<Capability> {
  const registry = seizureRoutes(deps);
  const map = registryMapRoutes(deps);
  return {
    name: 'seizures',
    routes: async (app) => {
      await registry(app);
      await map(app);
    },
  };
}
