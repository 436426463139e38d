// The requests capability: routes, the blob store for attachments, the local delivery of messages
// between organisations on this node, the PDF renderer, and the deadline job on pg-boss.
import type { AppDeps } from '../deps.ts';
import { federationOf } from '../federation/capability.ts';
import type { Capability } from '../routes/registry.ts';
import { blobStoreOf } from '../storage/node-blob-store.ts';
import { DEADLINE_QUEUE, runDeadlineScan } from './deadline-job.ts';
import { chromiumPdfRenderer } from './documents/render-pdf.ts';
import { type JobQueue, startJobQueue } from './job-queue.ts';
import { type RequestDeps, requestSettingsFromEnv } from './request-deps.ts';
import { createLocalDelivery } from './request-messages.ts';
import { requestRoutes } from './request-routes.ts';

/** The requests runtime of each started node, for tests and other capabilities (federation). */
const runtimes = new WeakMap<AppDeps, RequestDeps>();

export function requestsOf(deps: AppDeps): RequestDeps | undefined {
  return runtimes.get(deps);
}

/** The node's job queue once the requests capability has started it (capabilities listed after it
 * in the registry add their own queues and workers to it at their start). */
const jobQueues = new WeakMap<AppDeps, JobQueue>();

export function jobQueueOf(deps: AppDeps): JobQueue | undefined {
  return jobQueues.get(deps);
}

export async function loadRequestsCapability(deps: AppDeps): Promise<Capability> {
  const settings = requestSettingsFromEnv();
  const log = (msg: string, err?: unknown) => {
    if (deps.config.log !== false) process.stderr.write(`requests: ${msg}${err ? `: ${(err as Error).message ?? String(err)}` : ''}\n`);
  };
  const pdf = chromiumPdfRenderer(settings.chromiumPath);
  const blobs = blobStoreOf(deps);
  const wakers: (() => void)[] = [];
  const rdeps: RequestDeps = {
    db: deps.db,
    hasher: deps.hasher,
    signer: deps.signer,
    now: deps.now,
    get knowledge() {
      return deps.knowledge;
    },
    blobs,
    settings,
    pdf,
    async afterCommit() {
      await delivery.deliver().catch((err) => log('local delivery failed; it will be retried', err));
      for (const wake of wakers) wake();
    },
  };
  const delivery = createLocalDelivery(rdeps, (err) => log('a message could not be applied and was set aside', err));
  runtimes.set(deps, rdeps);
  // Messages for peer nodes leave at once rather than at the federation worker's next poll.
  wakers.push(() => federationOf(deps)?.wake());

  return {
    name: 'requests',
    routes: requestRoutes(rdeps),
    async start() {
      // Messages committed before a crash are delivered now.
      await delivery.deliver().catch((err) => log('local delivery failed', err));
      let queue: JobQueue | null = null;
      try {
        queue = await startJobQueue({
          db: deps.db,
          dbKind: deps.dbKind,
          databaseUrl: deps.config.databaseUrl,
          databaseSchema: deps.config.databaseSchema,
          onError: (err) => log('job queue error', err),
        });
        const boss = queue.boss;
        jobQueues.set(deps, queue);
        // 'short': at most one scan waits in the queue, however many nodes share the database.
        await boss.createQueue(DEADLINE_QUEUE, { name: DEADLINE_QUEUE, policy: 'short', retryLimit: 3, retryDelay: 30 });
        await boss.work(DEADLINE_QUEUE, { pollingIntervalSeconds: Math.max(0.5, Math.min(2, settings.deadlineScanSeconds)) }, async () => {
          try {
            await runDeadlineScan(rdeps);
            await delivery.deliver();
          } finally {
            await boss.send(DEADLINE_QUEUE, {}, { startAfter: settings.deadlineScanSeconds, singletonKey: 'scan' });
          }
        });
        await boss.send(DEADLINE_QUEUE, {}, { singletonKey: 'scan' });
      } catch (err) {
        log('the job queue did not start; deadlines are not checked until the node restarts', err);
      }
      return {
        async close() {
          await queue?.stop().catch((err) => log('job queue stop', err));
          await pdf.close();
        },
      };
    },
  };
}
