// Verifies the whole audit trail against the node's signing key.
import { type AuditVerification, verifyAuditChain } from '@comity/core';
import { type Database, readWholeTrail } from '@comity/db';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../deps.ts';

export async function verifyTrail(deps: Pick<AppDeps, 'hasher' | 'verifier'> & { db: Kysely<Database> }): Promise<AuditVerification> {
  const { entries, head } = await readWholeTrail(deps.db);
  return verifyAuditChain(deps.hasher, deps.verifier, entries, head);
}
