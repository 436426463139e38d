// The evidence vault capability: the node's blob store, the settings, the listeners other
// capabilities add (timestamps, SHA-512), the routes and the background work (SHA-512 job,
// expiry of abandoned uploads).
import type { AppDeps } from '../deps.ts';
import type { Capability } from '../routes/registry.ts';
import { blobStoreOf } from '../storage/node-blob-store.ts';
import { type EvidenceDeps, evidenceSettingsFromEnv } from './evidence-service.ts';

const runtimes = new WeakMap<AppDeps, EvidenceDeps>();

/** The evidence runtime of a started node: what capture, timestamps, transfer and packages call with. */
export function evidenceOf(deps: AppDeps): EvidenceDeps | undefined {
  return runtimes.get(deps);
}

export async function loadEvidenceCapability(deps: AppDeps): Promise<Capability> {
  const log = (msg: string, err?: unknown) => {
    if (deps.config.log !== false) process.stderr.write(`evidence: ${msg}${err ? `: ${(err as Error).message ?? String(err)}` : ''}\n`);
  };
  const edeps: EvidenceDeps = {
    db: deps.db,
    hasher: deps.hasher,
    signer: deps.signer,
    now: deps.now,
    auditAnchor: deps.auditAnchor,
    nodeId: deps.keys.nodeId,
    blobs: blobStoreOf(deps),
    settings: evidenceSettingsFromEnv(),
    ingested: [],
    log,
  };
  runtimes.set(deps, edeps);
  return { name: 'evidence' };
}
