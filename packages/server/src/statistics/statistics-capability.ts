// Backtracking and registry statistics as a capability: the routes, and the rollup job on the
// node's job queue (pg-boss, started by the requests capability): once at start, then every
// COMITY_STATISTICS_REFRESH_SECONDS (default 300).
import type { AppDeps } from '../deps.ts';
import { jobQueueOf } from '../requests/requests-capability.ts';
import type { Capability } from '../routes/registry.ts';
import { federationOf } from '../federation/capability.ts';
import { registryAnalysisRoutes } from './registry-analysis-routes.ts';
import { registerStatisticsShare } from './statistics-share.ts';
import { statisticsShareRoutes } from './statistics-share-routes.ts';
import { STATISTICS_QUEUE, refreshStatistics } from './statistics-service.ts';

function log(message: string, err?: unknown): void {
  console.error(`[statistics] ${message}${err ? `: ${err instanceof Error ? err.message : String(err)}` : ''}`);
}

export async function loadStatisticsCapability(deps: AppDeps): Promise<Capability> {
  const configured = Number(process.env.COMITY_STATISTICS_REFRESH_SECONDS ?? '300');
  const every = Number.isFinite(configured) && configured >= 1 ? configured : 300;
  // Statistics shared by peers arrive as `statistics.share` messages when the node federates.
  const runtime = federationOf(deps);
  if (runtime) registerStatisticsShare(runtime);
  const analysis = registryAnalysisRoutes(deps);
  const shares = statisticsShareRoutes(deps);
  return {
    name: 'registry-statistics',
    routes: async (app) => {
      await analysis(app);
      await shares(app);
    },
    async start() {
      const queue = jobQueueOf(deps);
      if (!queue) {
        log('no job queue; statistics are not refreshed until the node restarts with one');
        return { async close() {} };
      }
      const boss = queue.boss;
      await boss.createQueue(STATISTICS_QUEUE, { name: STATISTICS_QUEUE, policy: 'short', retryLimit: 3, retryDelay: 30 });
      await boss.work(STATISTICS_QUEUE, { pollingIntervalSeconds: Math.max(0.5, Math.min(2, every)) }, async () => {
        try {
          await refreshStatistics(deps);
        } finally {
          await boss.send(STATISTICS_QUEUE, {}, { startAfter: every, singletonKey: 'refresh' });
        }
      });
      await boss.send(STATISTICS_QUEUE, {}, { singletonKey: 'refresh' });
      return {
        async close() {
          await boss.offWork(STATISTICS_QUEUE).catch((err) => log('stop', err));
        },
      };
    },
  };
}
