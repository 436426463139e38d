// Verifies the whole audit trail against the node's signing key and the anchor kept outside it.
import { type AuditVerification, verifyAuditChain } from '@comity/core';
import { type Database, hasPastActivity, readWholeTrail } from '@comity/db';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../deps.ts';

/**
 * Verifies the trail as stored, with what the node keeps outside it: the anchor (the last entry it
 * saw committed) and whether its other tables show past activity.
 */
export async function verifyTrail(
  deps: Pick<AppDeps, 'hasher' | 'verifier' | 'auditAnchor'> & { db: Kysely<Database> },
): Promise<AuditVerification> {
  // The anchor is read first: an entry committed meanwhile then only makes the trail longer.
  const anchor = await deps.auditAnchor.read();
  const { entries, head } = await readWholeTrail(deps.db);
  const pastActivity = entries.length === 0 ? await hasPastActivity(deps.db) : true;
  return verifyAuditChain(deps.hasher, deps.verifier, entries, head, { anchor, pastActivity });
}
