// What the court package needs, for a running node (from the evidence and federation runtimes) and
// for the CLI (built from the node's store and the environment, as `serve` would).
import type { SignedNodeCard } from '@comity/core/federation/node-card';
import { type NodeConfig, configFromEnv } from '../../config.ts';
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
async function cardFor(deps: StoreDeps, config: NodeConfig, env: NodeJS.ProcessEnv): Promise<SignedNodeCard> {
  const runtime = federationOf(deps as AppDeps);
  const settings = runtime?.settings ?? federationSettings(config.federation, env);
  try {
    return await ownSignedCard({ ...deps, config }, settings, runtime?.listenUrl);
  } catch (err) {
    if ((err as { code?: string }).code !== 'no_endpoint') throw err;
    const profile = await resolveProfile(deps.db, config, { ...settings, publicUrl: `urn:comity:node:${deps.keys.nodeId}` });
    return signCard(deps.keys, buildCard(deps.keys, profile, deps.now(), settings.cardValidityDays));
  }
}

async function peerCardOf(deps: StoreDeps, nodeId: string): Promise<SignedNodeCard | null> {
  const row = await deps.db.selectFrom('federation_peers').select('card').where('node_id', '=', nodeId).executeTakeFirst();
  return (row?.card as SignedNodeCard | undefined) ?? null;
}

/** What a running node and the CLI's opened store both have. */
type StoreDeps = Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'verifier' | 'now' | 'keys'> & Partial<Pick<AppDeps, 'auditAnchor' | 'config'>>;

export async function packageDepsOf(deps: StoreDeps, env: NodeJS.ProcessEnv = process.env): Promise<PackageDeps> {
  const config = deps.config ?? configFromEnv(env);
  const evidence: EvidenceDeps = evidenceOf(deps as AppDeps) ?? {
    db: deps.db,
    hasher: deps.hasher,
    signer: deps.signer,
    now: deps.now,
    auditAnchor: deps.auditAnchor,
    nodeId: deps.keys.nodeId,
    blobs: blobStoreFromEnv(config.dataDir, env),
    settings: evidenceSettingsFromEnv(env),
    ingested: [],
    log: (msg) => process.stderr.write(`evidence: ${msg}\n`),
    verifierFor: (keyId) => (keyId === deps.signer.keyId ? (text, signature) => deps.verifier.verify(text, signature) : null),
  };
  return {
    ...evidence,
    keys: deps.keys,
    ownCard: () => cardFor(deps, config, env),
    peerCard: (nodeId) => peerCardOf(deps, nodeId),
    pdf: chromiumPdfRenderer(requestSettingsFromEnv(env).chromiumPath),
    timestampRoots: tsaSettingsFromEnv(env).roots,
  };
}
