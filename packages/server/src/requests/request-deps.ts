// What the requests use cases need from the node, and the capability's settings.
import type { Actor, AppDeps } from '../deps.ts';
import type { PolicyTrail } from '../policy/policy-service.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { PdfRenderer } from './documents/render-pdf.ts';

export interface RequestSettings {
  /** Largest attachment accepted, in bytes (COMITY_ATTACHMENT_MAX_BYTES, default 25 MiB). */
  attachmentMaxBytes: number;
  /** How often the deadline job runs (COMITY_DEADLINE_SCAN_SECONDS, default 300). */
  deadlineScanSeconds: number;
  /** The Chromium used for PDF documents (COMITY_CHROMIUM_PATH, default /usr/bin/chromium). */
  chromiumPath: string;
}

export function requestSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): RequestSettings {
  const int = (name: string, fallback: number, min: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min}, got "${raw}"`);
    return n;
  };
  return {
    attachmentMaxBytes: int('COMITY_ATTACHMENT_MAX_BYTES', 25 * 1024 * 1024, 1),
    deadlineScanSeconds: int('COMITY_DEADLINE_SCAN_SECONDS', 300, 1),
    chromiumPath: env.COMITY_CHROMIUM_PATH || '/usr/bin/chromium',
  };
}

export type RequestDeps = Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now' | 'knowledge'> & {
  blobs: BlobStore;
  settings: RequestSettings;
  pdf: PdfRenderer;
  /** Called after a transaction that wrote messages has committed: delivers them on this node
   * and wakes the federation worker for peers. */
  afterCommit(): Promise<void>;
};

export interface Who {
  actor: Actor | null;
  requestId: string | null;
  /** Counts the policy decisions of one HTTP request (routes that declare a policy action). */
  trail?: PolicyTrail | undefined;
}
