// Federation as a node capability: the inbox and API routes, this node's card announced to its
// peers when it changed (after a key rotation, say), and the outbox delivery worker.
import type { AppDeps } from '../deps.ts';
import { registerEvidenceTransfer } from '../evidence/transfer/transfer-capability.ts';
import type { Capability } from '../routes/registry.ts';
import { type DeliveryWorker, startDeliveryWorker } from './delivery-worker.ts';
import { federationSettings } from './federation-config.ts';
import { federationRoutes } from './federation-routes.ts';
import { registerBuiltInHandlers } from './handlers.ts';
import { announceOwnCard } from './peers-service.ts';
import { registerRequestHandlers } from './request-handlers.ts';
import { type FederationRuntime, createRuntime } from './runtime.ts';

const CARD_RENEWAL_CHECK_MS = 6 * 3_600_000;

/** The federation runtime of each started node, for the capabilities and tests that need it. */
const runtimes = new WeakMap<AppDeps, FederationRuntime>();

export function federationOf(deps: AppDeps): FederationRuntime | undefined {
  return runtimes.get(deps);
}

export async function loadFederation(deps: AppDeps): Promise<Capability> {
  const runtime = createRuntime(deps, federationSettings(deps.config.federation));
  registerBuiltInHandlers(runtime);
  registerRequestHandlers(runtime, deps);
  const transferRoutes = registerEvidenceTransfer(runtime, deps);
  runtimes.set(deps, runtime);
  const log = (msg: string, err?: unknown) => {
    if (deps.config.log !== false) process.stderr.write(`federation: ${msg}${err ? `: ${(err as Error).message ?? String(err)}` : ''}\n`);
  };
  return {
    name: 'federation',
    routes: async (app) => {
      await federationRoutes(app, runtime, deps.metrics);
      await transferRoutes(app);
    },
    async start(_deps, url) {
      runtime.listenUrl = url;
      await announceOwnCard(runtime).catch((err) => log('could not announce this node’s card', err));
      let worker: DeliveryWorker | null = null;
      if (runtime.settings.worker) {
        worker = await startDeliveryWorker(runtime, log);
        runtime.wake = () => worker?.wake();
      }
      // Every few hours: renew the card to each peer whose copy runs out within the margin
      // (announceOwnCard queues it only where that is due), so no pair of nodes gets stuck.
      const renewal = setInterval(() => {
        announceOwnCard(runtime).catch((err) => log('could not renew this node’s card to its peers', err));
      }, CARD_RENEWAL_CHECK_MS);
      renewal.unref();
      return {
        async close() {
          clearInterval(renewal);
          runtime.wake = () => {};
          await worker?.close();
        },
      };
    },
  };
}
