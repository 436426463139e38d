// The evidence vault capability: the node's blob store, the settings, the listeners other
// capabilities add (timestamps), the routes and the background work: SHA-512 of each new item on
// the job queue, and the sweep of abandoned uploads.
import { createHash } from 'node:crypto';
import type { AppDeps } from '../deps.ts';
import { auditedTransaction } from '../deps.ts';
import { federationOf } from '../federation/capability.ts';
import { type JobQueue, startJobQueue } from '../requests/job-queue.ts';
import { requestsOf } from '../requests/requests-capability.ts';
import type { Capability } from '../routes/registry.ts';
import { TEMPORARY_MAX_AGE_MS } from '../storage/blob-store.ts';
import { blobStoreOf } from '../storage/node-blob-store.ts';
import { evidenceRoutes } from './evidence-routes.ts';
import { type EvidenceDeps, appendCustody, evidenceSettingsFromEnv } from './evidence-service.ts';
import { type UploadRuntime, sweepExpiredUploads, uploadRuntime } from './evidence-uploads.ts';
import { answerEvidencePort } from './transfer/answer-evidence.ts';

const runtimes = new WeakMap<AppDeps, EvidenceDeps & { uploads: UploadRuntime }>();

/** The evidence runtime of a started node: what capture, timestamps, transfer and packages call with. */
export function evidenceOf(deps: AppDeps): (EvidenceDeps & { uploads: UploadRuntime }) | undefined {
  return runtimes.get(deps);
}

export const SHA512_QUEUE = 'evidence-sha512';

/** Adds the SHA-512 of an item (streamed from the store) with a custody event; nothing when done already. */
export async function addSha512(deps: EvidenceDeps, itemId: string): Promise<boolean> {
  const item = await deps.db.selectFrom('evidence_items').select(['id', 'sha256', 'sha512', 'organisation_id']).where('id', '=', itemId).executeTakeFirst();
  if (!item || item.sha512) return false;
  const stream = await deps.blobs.openRead(item.sha256);
  if (!stream) throw new Error(`content of ${item.id} is not in the store`);
  const h = createHash('sha512');
  for await (const chunk of stream) h.update(chunk as Buffer);
  const sha512 = h.digest('hex');
  await auditedTransaction(deps, { actor: null, requestId: null, organisationId: item.organisation_id }, async (trx, audit) => {
    const locked = await trx.selectFrom('evidence_items').select('sha512').where('id', '=', item.id).forUpdate().executeTakeFirst();
    if (locked?.sha512) return;
    await trx.updateTable('evidence_items').set({ sha512 }).where('id', '=', item.id).execute();
    await appendCustody(trx, deps, item.id, { kind: 'hashed', details: { algorithm: 'sha-512', sha512 } }, audit);
  });
  return true;
}

export async function loadEvidenceCapability(deps: AppDeps): Promise<Capability> {
  const log = (msg: string, err?: unknown) => {
    if (deps.config.log !== false) process.stderr.write(`evidence: ${msg}${err ? `: ${(err as Error).message ?? String(err)}` : ''}\n`);
  };
  let queue: JobQueue | null = null;
  const edeps: EvidenceDeps & { uploads: UploadRuntime } = {
    db: deps.db,
    hasher: deps.hasher,
    signer: deps.signer,
    now: deps.now,
    auditAnchor: deps.auditAnchor,
    nodeId: deps.keys.nodeId,
    blobs: blobStoreOf(deps),
    settings: evidenceSettingsFromEnv(),
    ingested: [
      async (item) => {
        if (queue) await queue.boss.send(SHA512_QUEUE, { itemId: item.id }, { singletonKey: item.id });
      },
    ],
    log,
    verifierFor: (keyId) => (keyId === deps.signer.keyId ? (text, signature) => deps.verifier.verify(text, signature) : null),
    uploads: uploadRuntime(deps.config.dataDir),
  };
  runtimes.set(deps, edeps);
  // The requests capability (loaded before this one) sends the files of an answer to a peer node
  // as vault items through the evidence transfer.
  const requests = requestsOf(deps);
  if (requests && federationOf(deps)) requests.answerEvidence = answerEvidencePort(deps);
  return {
    name: 'evidence',
    routes: evidenceRoutes(edeps, edeps.uploads, deps),
    async start() {
      const sweep = setInterval(
        () => {
          sweepExpiredUploads(edeps, edeps.uploads).catch((err) => log('sweep of expired uploads failed', err));
          edeps.blobs.sweepTemporaries(TEMPORARY_MAX_AGE_MS).catch((err) => log('sweep of blob temporaries failed', err));
        },
        Math.min(3600, Math.max(5, Math.floor(edeps.settings.uploadExpirySeconds / 4))) * 1000,
      );
      sweep.unref();
      try {
        queue = await startJobQueue({ db: deps.db, dbKind: deps.dbKind, databaseUrl: deps.config.databaseUrl, databaseSchema: deps.config.databaseSchema, onError: (err) => log('job queue error', err) });
        const boss = queue.boss;
        await boss.createQueue(SHA512_QUEUE, { name: SHA512_QUEUE, retryLimit: 5, retryDelay: 30 });
        await boss.work<{ itemId: string }>(SHA512_QUEUE, { pollingIntervalSeconds: 0.5 }, async (jobs) => {
          for (const job of jobs) await addSha512(edeps, job.data.itemId);
        });
        // Items committed while the queue was not running.
        const missing = await deps.db.selectFrom('evidence_items').select('id').where('sha512', 'is', null).execute();
        for (const m of missing) await boss.send(SHA512_QUEUE, { itemId: m.id }, { singletonKey: m.id });
      } catch (err) {
        log('the job queue did not start; SHA-512 is added at the next start', err);
      }
      return {
        async close() {
          clearInterval(sweep);
          const q = queue;
          queue = null;
          await q?.stop();
        },
      };
    },
  };
}
