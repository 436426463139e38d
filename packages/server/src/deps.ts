// What routes need from the composition root. Each route takes only what it uses from here.
import type { AuditInput, Hasher, Role, Signer, Verifier } from '@comity/core';
import { type Database, type DatabaseKind, appendAudit } from '@comity/db';
import type { Kysely } from 'kysely';
import type { AuditAnchorStore } from './audit/audit-anchor.ts';
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
 * After the commit (never before: a rolled-back entry must not be anchored) the audit anchor
 * moves to the last entry written.
 */
export async function auditedTransaction<T>(
  deps: Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now'> & Partial<Pick<AppDeps, 'auditAnchor'>>,
  who: { actor: Actor | null; requestId: string | null; organisationId?: string | null },
  work: (trx: Kysely<Database>, audit: AuditFn) => Promise<T>,
): Promise<T> {
  let last: { seq: number; hash: string } | undefined;
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
    last = (await appendAudit(trx, { hasher: deps.hasher, signer: deps.signer, now: deps.now }, entries)).at(-1);
    return result;
  });
  if (last && deps.auditAnchor) {
    // The change is committed; a failure to write the anchor only lets it lag (the next audited
    // change or the next start catches up), so it must not turn a stored change into an error.
    await deps.auditAnchor.advance({ seq: last.seq, hash: last.hash }).catch((err: unknown) => {
      process.emitWarning(`audit anchor not updated at ${deps.auditAnchor?.location}: ${err instanceof Error ? err.message : String(err)}`);
    });
  }
  return result;
}
