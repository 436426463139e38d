// What the requests use cases need from the node, and the capability's settings.
import type { Database } from '@comity/db';
import type { RequestAttachmentRow, RequestRow } from '@comity/db/repos/requests-repo';
import type { Kysely } from 'kysely';
import type { Actor, AppDeps, AuditFn } from '../deps.ts';
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
  /**
   * Set when the node keeps evidence and federates: the files returned with an answer to a peer
   * node then travel as evidence items of the request (answer-evidence.ts), not as attachment chunks.
   */
  answerEvidence?: AnswerEvidencePort | undefined;
};

/** A file returned with an answer, as it leaves for a peer node: an evidence item offered ahead of the answer. */
export interface AnswerEvidenceRef {
  attachmentId: string;
  itemId: string;
  transferId: string;
  sha256: string;
  title: string;
}

export interface AnswerEvidencePort {
  /**
   * Outside the answer's transaction: makes each file an evidence item of the request (once per
   * file, so a retried answer reuses it) and reads it for its offer. `queue` then writes the offers
   * in the answer's transaction, ahead of its `request.status`.
   */
  prepare(
    who: Who,
    row: RequestRow,
    files: readonly RequestAttachmentRow[],
    sentWith: 'execute' | 'partially-execute' | 'provide-more-info',
  ): Promise<{ refs: AnswerEvidenceRef[]; queue(trx: Kysely<Database>, audit: AuditFn): Promise<void> }>;
}

export interface Who {
  actor: Actor | null;
  requestId: string | null;
  /** Counts the policy decisions of one HTTP request (routes that declare a policy action). */
  trail?: PolicyTrail | undefined;
}
