// What the court package needs, for a running node (from the evidence and federation runtimes) and
// for the CLI (built from the node's store and the environment, as `serve` would).
import type { SignedNodeCard } from '@comity/core';
import type { AppDeps } from '../../deps.ts';
import { federationOf } from '../../federation/capability.ts';
import { federationSettings } from '../../federation/federation-config.ts';
import { buildCard, ownSignedCard, resolveProfile, signCard } from '../../federation/node-card-service.ts';
import { chromiumPdfRenderer } from '../../requests/documents/render-pdf.ts';
import { requestSettingsFromEnv } from '../../requests/request-deps.ts';
import { blobStoreFromEnv } from '../../storage/node-blob-store.ts';
import { evidenceOf } from '../evidence-capability.ts';
import { type EvidenceDeps, evidenceSettingsFromEnv } from '../evidence-service.ts';
import { tsaSettingsFromEnv } from '../timestamp/tsa-client.ts';
import type { PackageDeps } from './package-service.ts';

/**
 * The node's own signed card. A node that does not know the URL peers reach it at (no public URL,
 * not listening: the CLI) still signs a card naming itself; its endpoint then says so.
 */
async function cardFor(deps: AppDeps, env: NodeJS.ProcessEnv): Promise<SignedNodeCard> {
  const runtime = federationOf(deps);
  const settings = runtime?.settings ?? federationSettings(deps.config.federation, env);
  try {
    return await ownSignedCard(deps, settings, runtime?.listenUrl);
  } catch (err) {
    if ((err as { code?: string }).code !== 'no_endpoint') throw err;
    const profile = await resolveProfile(deps.db, deps.config, { ...settings, publicUrl: `urn:comity:node:${deps.keys.nodeId}` });
    return signCard(deps.keys, buildCard(deps.keys, profile, deps.now(), settings.cardValidityDays));
  }
}

async function peerCardOf(deps: AppDeps, nodeId: string): Promise<SignedNodeCard | null> {
  const row = await deps.db.selectFrom('federation_peers').select('card').where('node_id', '=', nodeId).executeTakeFirst();
  return (row?.card as SignedNodeCard | undefined) ?? null;
}

export async function packageDepsOf(deps: AppDeps, env: NodeJS.ProcessEnv = process.env): Promise<PackageDeps> {
  const evidence: EvidenceDeps = evidenceOf(deps) ?? {
    db: deps.db,
    hasher: deps.hasher,
    signer: deps.signer,
    now: deps.now,
    auditAnchor: deps.auditAnchor,
    nodeId: deps.keys.nodeId,
    blobs: blobStoreFromEnv(deps.config.dataDir, env),
    settings: evidenceSettingsFromEnv(env),
    ingested: [],
    log: (msg) => process.stderr.write(`evidence: ${msg}\n`),
  };
  return {
    ...evidence,
    keys: deps.keys,
    ownCard: () => cardFor(deps, env),
    peerCard: (nodeId) => peerCardOf(deps, nodeId),
    pdf: chromiumPdfRenderer(requestSettingsFromEnv(env).chromiumPath),
    timestampRoots: tsaSettingsFromEnv(env).roots,
  };
}
