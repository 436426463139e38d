// What routes need from the composition root. Each route takes only what it uses from here.
import type { AuditInput, Hasher, Role, Signer, Verifier } from '@comity/core';
import { type Database, type DatabaseKind, appendAudit, writeWithAudit } from '@comity/db';
import type { Compilable, Kysely, OperationNodeSource } from 'kysely';
import type { AuditAnchorStore } from './audit/audit-anchor.ts';
import type { LogKeys } from './audit/log-keys.ts';
import type { AuditSequencer } from './audit/sequencer.ts';
import { type LiveEvent, liveEventsOf, queueLiveEvent, runWithLiveEvents } from './events/live-events.ts';
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

type Who = { actor: Actor | null; requestId: string | null; organisationId?: string | null };

function auditInput(who: Who, action: string, target: string, change: Record<string, unknown>): AuditInput {
  return {
    actorId: who.actor?.userId ?? null,
    actorEmail: who.actor?.email ?? null,
    organisationId: who.organisationId ?? who.actor?.organisationId ?? null,
    action,
    target,
    requestId: who.requestId,
    change,
  };
}

/**
 * Runs `work` in one transaction and appends the audit entries it records in that same
 * transaction, so a change is never stored without its entry, nor an entry without its change.
 * The entries are stored unsequenced, without any lock; after the commit the sequencer is nudged
 * and places them in the Merkle tree under a signed checkpoint within the configured delay (the
 * audit anchor then moves to that checkpoint).
 */
export async function auditedTransaction<T>(
  deps: Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now'> & Partial<Pick<AppDeps, 'auditAnchor' | 'auditSequencer'>>,
  who: Who,
  work: (trx: Kysely<Database>, audit: AuditFn) => Promise<T>,
): Promise<T> {
  let last: { seq: number } | undefined;
  // Live events queued by the work (and one per account touched) reach browsers after the commit.
  const result = await runWithLiveEvents(deps.db, async (trx) => {
    const entries: AuditInput[] = [];
    const audit: AuditFn = (action, target, change) => {
      if (target.startsWith('user:')) queueLiveEvent(trx, { kind: 'account', userId: target.slice(5) });
      entries.push(auditInput(who, action, target, change));
    };
    const result = await work(trx, audit);
    last = (await appendAudit(trx, { hasher: deps.hasher, now: deps.now }, entries)).at(-1);
    return result;
  });
  if (last) deps.auditSequencer?.nudge();
  return result;
}

/**
 * The short form of `auditedTransaction` for a change that is a single statement whose audit entries
 * are known before it runs (a new record with an id chosen here, say): the change (an INSERT, UPDATE
 * or DELETE with RETURNING) and its entries are written by one SQL statement (`writeWithAudit`), so
 * they commit together or not at all, in two round trips instead of a transaction's five or more.
 * The entries are written only if the change returned a row; the rows are returned (none: nothing
 * changed, nothing audited, and the caller says why). Live events and the sequencer as above.
 */
export async function auditedStatement<R>(
  deps: Pick<AppDeps, 'db' | 'hasher' | 'now'> & Partial<Pick<AppDeps, 'auditSequencer'>>,
  who: Who,
  change: Compilable<R> & OperationNodeSource,
  audit: readonly { action: string; target: string; change: Record<string, unknown> }[],
): Promise<R[]> {
  const { rows } = await writeWithAudit(deps.db, { hasher: deps.hasher, now: deps.now }, change, audit.map((a) => auditInput(who, a.action, a.target, a.change)));
  if (rows.length === 0) return rows;
  const events: LiveEvent[] = audit.filter((a) => a.target.startsWith('user:')).map((a) => ({ kind: 'account', userId: a.target.slice(5) }));
  liveEventsOf(deps.db).publish(events);
  deps.auditSequencer?.nudge();
  return rows;
}
