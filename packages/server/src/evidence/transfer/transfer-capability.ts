// Evidence transfers as part of federation: the `evidence.offer` handler, the chunk sender the
// delivery worker runs after an offer is accepted, and the binary routes. Content is read from and
// stored into the node's content-addressed store (<data>/blobs, <2 hex>/<sha256>).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import type { FederationRuntime } from '../../federation/runtime.ts';
import { requestsOf } from '../../requests/requests-capability.ts';
import { type TransferReceiver, offerHandler } from './transfer-receiver.ts';
import { transferRoutes } from './transfer-routes.ts';
import { chunkSender, fileContentSource } from './transfer-sender.ts';
import { TransferStaging } from './transfer-staging.ts';

export function contentRoot(appDeps: AppDeps): string {
  return requestsOf(appDeps)?.blobs.root ?? join(appDeps.config.dataDir, 'blobs');
}

export function registerEvidenceTransfer(runtime: FederationRuntime, appDeps: AppDeps): (app: FastifyInstance) => Promise<void> {
  const receiver: TransferReceiver = { staging: new TransferStaging(join(appDeps.config.dataDir, 'transfers')), store: { root: contentRoot(appDeps) } };
  runtime.registerHandler('evidence.offer', offerHandler(runtime));
  runtime.followUps.set(
    'evidence.offer',
    chunkSender(runtime, async (sha256) => {
      if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
      const path = join(contentRoot(appDeps), sha256.slice(0, 2), sha256);
      return existsSync(path) ? fileContentSource(path) : null;
    }),
  );
  return (app) => transferRoutes(app, runtime, receiver);
}
