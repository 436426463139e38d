// Web capture as a capability: the Chromium capturer (started on first use, closed when idle and
// at stop), the routes, and the capture job on the node's job queue (pg-boss). URLs left queued or
// running by a node that stopped are queued again at start.
import type { AppDeps } from '../../deps.ts';
import { type JobQueue, startJobQueue } from '../../requests/job-queue.ts';
import type { Capability } from '../../routes/registry.ts';
import { evidenceOf } from '../evidence-capability.ts';
import { ingestEvidence } from '../evidence-service.ts';
import { chromiumCapturer } from './capture-page.ts';
import { captureRoutes } from './capture-routes.ts';
import { CAPTURE_QUEUE, type CaptureDeps, runCaptureUrl, unfinishedUrlIds } from './capture-service.ts';

export interface CaptureSettings {
  chromiumPath: string;
  /** One page's load, ms (COMITY_CAPTURE_TIMEOUT_SECONDS, default 30). */
  timeoutMs: number;
  /** Pages captured at the same time (COMITY_CAPTURE_CONCURRENCY, default 2). */
  concurrency: number;
}

export function captureSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): CaptureSettings {
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
    return n;
  };
  return {
    chromiumPath: env.COMITY_CHROMIUM_PATH || '/usr/bin/chromium',
    timeoutMs: int('COMITY_CAPTURE_TIMEOUT_SECONDS', 30, 1, 600) * 1000,
    concurrency: int('COMITY_CAPTURE_CONCURRENCY', 2, 1, 8),
  };
}

const runtimes = new WeakMap<AppDeps, CaptureDeps>();

/** The capture runtime of a started node (tests, the bench). */
export function captureOf(deps: AppDeps): CaptureDeps | undefined {
  return runtimes.get(deps);
}

export async function loadCaptureCapability(deps: AppDeps): Promise<Capability> {
  const settings = captureSettingsFromEnv();
  const log = (msg: string, err?: unknown) => {
    if (deps.config.log !== false) process.stderr.write(`capture: ${msg}${err ? `: ${(err as Error).message ?? String(err)}` : ''}\n`);
  };
  const capturer = chromiumCapturer(settings.chromiumPath, deps.version);
  let queue: JobQueue | null = null;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const cdeps: CaptureDeps = {
    db: deps.db,
    hasher: deps.hasher,
    signer: deps.signer,
    now: deps.now,
    version: deps.version,
    auditAnchor: deps.auditAnchor,
    nodeId: deps.keys.nodeId,
    capturer,
    settings: { timeoutMs: settings.timeoutMs },
    log,
    async ingest(who, input) {
      const edeps = evidenceOf(deps);
      if (!edeps) throw new Error('the evidence vault is not loaded');
      return ingestEvidence(edeps, who, input);
    },
    async enqueue(urlId) {
      await ready;
      if (!queue) return; // no queue: the URL stays queued and is picked up at the next start
      await queue.boss.send(CAPTURE_QUEUE, { urlId });
    },
  };
  runtimes.set(deps, cdeps);

  return {
    name: 'capture',
    routes: captureRoutes(cdeps),
    async start() {
      try {
        queue = await startJobQueue({
          db: deps.db,
          dbKind: deps.dbKind,
          databaseUrl: deps.config.databaseUrl,
          databaseSchema: deps.config.databaseSchema,
          onError: (err) => log('job queue error', err),
        });
        const boss = queue.boss;
        // A failed capture is reported to the user, who retries it: the queue does not retry.
        await boss.createQueue(CAPTURE_QUEUE, { name: CAPTURE_QUEUE, retryLimit: 0, expireInSeconds: Math.ceil(settings.timeoutMs / 1000) * 4 + 120 });
        for (let i = 0; i < settings.concurrency; i++) {
          await boss.work<{ urlId: string }>(CAPTURE_QUEUE, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async (jobs) => {
            for (const job of jobs) await runCaptureUrl(cdeps, job.data.urlId);
          });
        }
      } catch (err) {
        queue = null;
        log('the job queue did not start; captures stay queued until the node restarts', err);
      }
      markReady();
      for (const urlId of await unfinishedUrlIds(cdeps)) await cdeps.enqueue(urlId).catch((err) => log('re-queue', err));
      return {
        async close() {
          await queue?.stop().catch((err) => log('job queue stop', err));
          await capturer.close();
        },
      };
    },
  };
}
