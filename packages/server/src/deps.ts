// What routes need from the composition root. Each route takes only what it uses from here.
import type { AuditInput, Hasher, Role, Signer, Verifier } from '@comity/core';
import { type Database, type DatabaseKind, appendAudit } from '@comity/db';
import type { Kysely } from 'kysely';
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
 */
export async function auditedTransaction<T>(
  deps: Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now'>,
  who: { actor: Actor | null; requestId: string | null; organisationId?: string | null },
  work: (trx: Kysely<Database>, audit: AuditFn) => Promise<T>,
): Promise<T> {
  return deps.db.transaction().execute(async (trx) => {
    const entries: AuditInput[] = [];
    const audit: AuditFn = (action, target, change) => {
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
    await appendAudit(trx, { hasher: deps.hasher, signer: deps.signer, now: deps.now }, entries);
    return result;
  });
}
