// The time-stamp job on the node's job queue (pg-boss): a run every few seconds, and one as soon
// as an item is ingested, asks the configured authorities for every item that has no token from
// them yet and for every pending row whose back-off has passed. Without COMITY_TSA_URLS nothing runs.
import { IdParams } from '@comity/contract';
import { EvidenceTimestampList } from '@comity/contract/evidence-timestamps';
import { ValidationError } from '@comity/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { policyTrailOf } from '../../policy/policy-routes-check.ts';
import { jobQueueOf } from '../../requests/requests-capability.ts';
import type { Capability } from '../../routes/registry.ts';
import { evidenceOf } from '../evidence-capability.ts';
import { readEvidenceItem } from '../evidence-service.ts';
import { tsaSettingsFromEnv } from './tsa-client.ts';
import { listItemTimestamps, runTimestampJob, summariseTimestamps, type TimestampJobSettings } from './timestamp-service.ts';

export const TIMESTAMP_QUEUE = 'evidence.timestamps';

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${v}"`);
  return n;
}

export function timestampSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): TimestampJobSettings & { scanSeconds: number } {
  return {
    ...tsaSettingsFromEnv(env),
    retryBaseSeconds: positive(env, 'COMITY_TSA_RETRY_SECONDS', 60),
    retryMaxSeconds: 6 * 3600,
    maxAttempts: Math.floor(positive(env, 'COMITY_TSA_MAX_ATTEMPTS', 12)),
    batch: 20,
    scanSeconds: positive(env, 'COMITY_TSA_SCAN_SECONDS', 5),
  };
}

/** Each started node's time-stamp settings (the item view checks tokens against the same roots). */
const settingsOf = new WeakMap<AppDeps, TimestampJobSettings>();

export function timestampSettingsOf(deps: AppDeps): TimestampJobSettings | undefined {
  return settingsOf.get(deps);
}

export async function loadTimestampCapability(deps: AppDeps): Promise<Capability> {
  const settings = timestampSettingsFromEnv();
  settingsOf.set(deps, settings);
  const log = (msg: string, err?: unknown) => {
    if (deps.config.log !== false) process.stderr.write(`timestamps: ${msg}${err ? `: ${(err as Error).message ?? String(err)}` : ''}\n`);
  };
  const who = (request: FastifyRequest) => ({ actor: request.actor, requestId: String(request.id), trail: policyTrailOf(request) });
  return {
    name: 'evidence-timestamps',
    routes: async (app: FastifyInstance) => {
      const r = app.withTypeProvider<ZodTypeProvider>();
      r.get(
        '/api/v1/evidence/:id/timestamps',
        {
          config: { permission: 'evidence:read', policy: ['read'] },
          schema: {
            tags: ['evidence'],
            summary: "An item's RFC 3161 time-stamps, each token checked again now",
            description:
              "One entry per configured time-stamp authority: pending (not answered yet, asked again with back-off), granted (the token, its time and serial, and whether it verifies now against the item's SHA-256 and the configured roots) or failed (the reason).",
            params: IdParams,
            response: { 200: EvidenceTimestampList },
          },
        },
        async (request) => {
          const edeps = evidenceOf(deps);
          if (!edeps) throw new ValidationError('evidence_unavailable', 'This node does not run the evidence vault.');
          const { item } = await readEvidenceItem(edeps, who(request), request.params.id);
          const timestamps = await listItemTimestamps(deps.db, item.id, { sha256: item.sha256, roots: settings.roots, verify: true });
          return { summary: summariseTimestamps(timestamps), timestamps };
        },
      );
    },
    async start() {
      const queue = jobQueueOf(deps);
      const edeps = evidenceOf(deps);
      if (settings.urls.length === 0 || !edeps) return { close: async () => {} };
      if (!queue) {
        log('the job queue is not running; items are not time-stamped until the node restarts');
        return { close: async () => {} };
      }
      const boss = queue.boss;
      await boss.createQueue(TIMESTAMP_QUEUE, { name: TIMESTAMP_QUEUE, policy: 'short', retryLimit: 3, retryDelay: 10 });
      // One worker, one job at a time: the periodic 'scan' job reschedules itself; a 'wake' job
      // (at most one queued) runs as soon as an item is committed, so ingest never waits on a TSA.
      await boss.work<{ wake?: boolean }>(TIMESTAMP_QUEUE, { pollingIntervalSeconds: Math.max(0.5, Math.min(2, settings.scanSeconds)) }, async ([job]) => {
        try {
          await runTimestampJob(edeps, settings);
        } finally {
          if (!job?.data?.wake) await boss.send(TIMESTAMP_QUEUE, {}, { startAfter: settings.scanSeconds, singletonKey: 'scan' });
        }
      });
      await boss.send(TIMESTAMP_QUEUE, {}, { singletonKey: 'scan' });
      edeps.ingested.push(async () => {
        await boss.send(TIMESTAMP_QUEUE, { wake: true }, { singletonKey: 'wake' });
      });
      return {
        async close() {
          await boss.offWork(TIMESTAMP_QUEUE).catch((err) => log('stop', err));
        },
      };
    },
  };
}
