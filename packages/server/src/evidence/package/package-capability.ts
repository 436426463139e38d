// The court package as a capability: its routes, on the evidence runtime (loaded after the vault),
// and its Chromium (for the report) closed when the node stops.
import type { AppDeps } from '../../deps.ts';
import type { Capability } from '../../routes/registry.ts';
import { packageDepsOf } from './package-deps.ts';
import { packageRoutes } from './package-routes.ts';

export async function loadPackageCapability(deps: AppDeps): Promise<Capability> {
  const pdeps = await packageDepsOf(deps);
  return {
    name: 'evidence-package',
    routes: packageRoutes(() => pdeps),
    async start() {
      return { close: () => pdeps.pdf.close() };
    },
  };
}
