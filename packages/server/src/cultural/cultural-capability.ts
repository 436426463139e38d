// Stolen cultural property as a capability: the routes of /api/v1/cultural-property and, when the
// node federates, the `cultural.record` handler (peers' public records). Loaded after federation.
import type { AppDeps } from '../deps.ts';
import { federationOf } from '../federation/capability.ts';
import type { Capability } from '../routes/registry.ts';
import { registerCulturalFederation } from './cultural-federation.ts';
import { culturalRoutes } from './cultural-routes.ts';
import { imageLimitsFromEnv } from './images.ts';

export async function loadCulturalCapability(deps: AppDeps): Promise<Capability> {
  const runtime = federationOf(deps);
  if (runtime) registerCulturalFederation(runtime);
  const rate = Number(process.env.COMITY_CULTURAL_CHECK_RATE ?? '30');
  return { name: 'cultural-property', routes: culturalRoutes({ ...deps, images: imageLimitsFromEnv() }, { checkRatePerMinute: Number.isInteger(rate) && rate > 0 ? rate : 30 }) };
}
