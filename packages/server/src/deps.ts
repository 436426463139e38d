// What routes need from the composition root. Each route takes only what it uses from here.
import type { AuditInput, Hasher, Role, Signer, Verifier } from '@comity/core';
import { type Database, type DatabaseKind, appendAudit } from '@comity/db';
import type { Kysely } from 'kysely';
import type { AuditAnchorStore } from './audit/audit-anchor.ts';
import type { LogKeys } from './audit/log-keys.ts';
import type { AuditSequencer } from './audit/sequencer.ts';
import { queueLiveEvent, runWithLiveEvents } from './events/live-events.ts';
import type { NodeConfig } from './config.ts';
import type { NodeKeys } from './identity/node-keys.ts';
import type { Metrics } from './http/metrics.ts';
import type { KnowledgeService } from './knowledge/knowledge-service.ts';

export interface AppDeps {
  db: Kysely<Database>;
  dbKind: DatabaseKind;
  keys: NodeKeys;
  hasher: Hasher;
  signer: Signer;
  verifier: Verifier;
  now: () => Date;
  /** Where the last committed audit entry is written down outside the database. */
  auditAnchor: AuditAnchorStore;
  /** Signs the audit log's checkpoints (the node key as a C2SP note key) and verifies earlier ones. */
  logKeys: LogKeys;
  /** The running node's sequencer (absent in offline CLI work: the next open sequences). */
  auditSequencer?: AuditSequencer;
  config: NodeConfig;
  metrics: Metrics;
  version: string;
  /** Treaty knowledge (set by the knowledge capability): legal bases, instruments, countries. */
  knowledge?: KnowledgeService;
}

export interface Actor {
  userId: string;
  email: string;
  role: Role;
  organisationId: string;
  mustChangePassword: boolean;
  via: 'session' | 'token';
  sessionIdHash?: string;
  csrfToken?: string;
}

export type AuditFn = (action: string, target: string, change: Record<string, unknown>) => void;

/**
 * Runs `work` in one transaction and appends the audit entries it records in that same
 * transaction, so a change is never stored without its entry, nor an entry without its change.
 * The entries are stored unsequenced, without any lock; after the commit the sequencer is nudged
 * and places them in the Merkle tree under a signed checkpoint within the configured delay (the
 * audit anchor then moves to that checkpoint).
 */
export async function auditedTransaction<T>(
  deps: Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now'> & Partial<Pick<AppDeps, 'auditAnchor' | 'auditSequencer'>>,
  who: { actor: Actor | null; requestId: string | null; organisationId?: string | null },
  work: (trx: Kysely<Database>, audit: AuditFn) => Promise<T>,
): Promise<T> {
  let last: { seq: number } | undefined;
  // Live events queued by the work (and one per account touched) reach browsers after the commit.
  const result = await runWithLiveEvents(deps.db, async (trx) => {
    const entries: AuditInput[] = [];
    const audit: AuditFn = (action, target, change) => {
      if (target.startsWith('user:')) queueLiveEvent(trx, { kind: 'account', userId: target.slice(5) });
      entries.push({
        actorId: who.actor?.userId ?? null,
        actorEmail: who.actor?.email ?? null,
        organisationId: who.organisationId ?? who.actor?.organisationId ?? null,
        action,
        target,
        requestId: who.requestId,
        change,
      });
    };
    const result = await work(trx, audit);
    last = (await appendAudit(trx, { hasher: deps.hasher, now: deps.now }, entries)).at(-1);
    return result;
  });
  if (last) deps.auditSequencer?.nudge();
  return result;
}
