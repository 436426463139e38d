// Stolen cultural property as a capability: the routes of /api/v1/cultural-property.
import type { AppDeps } from '../deps.ts';
import type { Capability } from '../routes/registry.ts';
import { culturalRoutes } from './cultural-routes.ts';
import { imageLimitsFromEnv } from './images.ts';

export async function loadCulturalCapability(deps: AppDeps): Promise<Capability> {
  const rate = Number(process.env.COMITY_CULTURAL_CHECK_RATE ?? '30');
  return { name: 'cultural-property', routes: culturalRoutes({ ...deps, images: imageLimitsFromEnv() }, { checkRatePerMinute: Number.isInteger(rate) && rate > 0 ? rate : 30 }) };
}
