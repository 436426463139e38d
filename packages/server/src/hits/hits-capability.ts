// Hit/no-hit between nodes as a capability: the hits.* message handlers on the federation runtime,
// the routes of /api/v1/hits, and the sweep that expires half-received queries on the node's job
// queue (pg-boss, started by the requests capability): every COMITY_HITS_PAGE_TIMEOUT_SECONDS / 10
// (at most every 5 minutes), a query with no new page for COMITY_HITS_PAGE_TIMEOUT_SECONDS (default
// 3600) is given up.
import type { AppDeps } from '../deps.ts';
import { federationOf } from '../federation/capability.ts';
import { jobQueueOf } from '../requests/requests-capability.ts';
import type { Capability } from '../routes/registry.ts';
import { DEFAULT_PAGE_TIMEOUT_SECONDS, expireStalledQueries, HITS_EXPIRY_QUEUE } from './hits-expiry.ts';
import { hitRoutes } from './hits-routes.ts';
import { registerHitHandlers } from './hits-service.ts';

function log(message: string, err?: unknown): void {
  console.error(`[hits] ${message}${err ? `: ${err instanceof Error ? err.message : String(err)}` : ''}`);
}

/** The page timeout in seconds from the environment (a positive number), or the default. */
export function pageTimeoutSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.COMITY_HITS_PAGE_TIMEOUT_SECONDS ?? DEFAULT_PAGE_TIMEOUT_SECONDS);
  return Number.isFinite(configured) && configured >= 1 ? configured : DEFAULT_PAGE_TIMEOUT_SECONDS;
}

export async function loadHitsCapability(deps: AppDeps): Promise<Capability> {
  const runtime = federationOf(deps);
  if (runtime) registerHitHandlers(runtime);
  const timeout = pageTimeoutSeconds();
  const every = Math.max(1, Math.min(300, Math.round(timeout / 10)));
  return {
    name: 'hits',
    routes: hitRoutes(deps),
    async start() {
      const queue = jobQueueOf(deps);
      if (!runtime || !queue) {
        if (runtime) log('no job queue; half-received hit queries are not expired until the node restarts with one');
        return { async close() {} };
      }
      const boss = queue.boss;
      await boss.createQueue(HITS_EXPIRY_QUEUE, { name: HITS_EXPIRY_QUEUE, policy: 'short', retryLimit: 3, retryDelay: 30 });
      await boss.work(HITS_EXPIRY_QUEUE, { pollingIntervalSeconds: Math.max(0.5, Math.min(2, every)) }, async () => {
        try {
          await expireStalledQueries(deps, timeout);
        } finally {
          await boss.send(HITS_EXPIRY_QUEUE, {}, { startAfter: every, singletonKey: 'sweep' });
        }
      });
      await boss.send(HITS_EXPIRY_QUEUE, {}, { singletonKey: 'sweep' });
      return {
        async close() {
          await boss.offWork(HITS_EXPIRY_QUEUE).catch((err) => log('stop', err));
        },
      };
    },
  };
}
