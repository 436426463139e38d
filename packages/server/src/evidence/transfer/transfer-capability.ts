// Evidence transfers as part of federation: the `evidence.offer` handler, the chunk sender the
// delivery worker runs after an offer is accepted, and the binary routes. Content is read from the
// node's blob store (the vault's) and an accepted item is ingested into the vault.
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import type { FederationRuntime } from '../../federation/runtime.ts';
import { blobStoreOf } from '../../storage/node-blob-store.ts';
import { evidenceOf } from '../evidence-capability.ts';
import { timestampSettingsOf } from '../timestamp/timestamp-capability.ts';
import { type TransferReceiver, offerHandler } from './transfer-receiver.ts';
import { transferApiRoutes } from './transfer-api.ts';
import { transferRoutes } from './transfer-routes.ts';
import { blobContentSource, chunkSender, offerToSend, recordTransmitted } from './transfer-sender.ts';
import { TransferStaging } from './transfer-staging.ts';

export function registerEvidenceTransfer(runtime: FederationRuntime, appDeps: AppDeps): (app: FastifyInstance) => Promise<void> {
  // The TSA roots the vault trusts (COMITY_TSA_ROOTS) are the ones tokens arriving with an item are checked against.
  const timestampRoots = () => timestampSettingsOf(appDeps)?.roots ?? [];
  const receiver: TransferReceiver = { staging: new TransferStaging(join(appDeps.config.dataDir, 'transfers')), evidence: () => evidenceOf(appDeps), timestampRoots };
  runtime.registerHandler('evidence.offer', offerHandler(runtime, timestampRoots));
  runtime.outgoingPayload.set('evidence.offer', (stored) => offerToSend(runtime, stored));
  // A refused offer is the peer's final word on that item only: the answer and the other items of
  // the request's conversation go on without it.
  runtime.refusableTypes.add('evidence.offer');
  runtime.followUps.set(
    'evidence.offer',
    chunkSender(
      runtime,
      (sha256) => blobContentSource(blobStoreOf(appDeps), sha256),
      (peer, offer) => recordTransmitted(runtime, evidenceOf(appDeps), peer, offer),
    ),
  );
  return async (app) => {
    await transferRoutes(app, runtime, receiver);
    await transferApiRoutes(app, appDeps);
  };
}
