// Builds an offline-verifiable export of the audit log (see core/src/audit/audit-export.ts): the
// entries of a seq range with their inclusion paths against the latest checkpoint, and the latest
// checkpoint peers co-signed with the consistency proof to it. A log that does not verify is not
// exported: a court would receive a file that proves nothing.
import { createPublicKey } from 'node:crypto';
import {
  AUDIT_EXPORT_FORMAT,
  type AuditExport,
  ConflictError,
  type ExportedWitness,
  NotFoundError,
  type VerifyBytes,
  bytesToHex,
  consistencyPath,
  inclusionPath,
} from '@comity/core';
import { type Database, hasPastActivity, readWholeLog } from '@comity/db';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../deps.ts';
import { verifyLog } from './audit-service.ts';
import { verifyBytesWith } from './log-keys.ts';
import { cosignaturesOf } from './witness-store.ts';

export function witnessKeyName(peerNodeId: string): string {
  return `comity.witness/${peerNodeId}`;
}

export function verifierForRawHex(publicKeyHex: string): VerifyBytes {
  const x = Buffer.from(publicKeyHex, 'hex').toString('base64url');
  return verifyBytesWith(createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' }));
}

export async function buildAuditExport(
  deps: Pick<AppDeps, 'hasher' | 'verifier' | 'logKeys' | 'auditAnchor' | 'now'> & { db: Kysely<Database> },
  range: { fromSeq?: number | undefined; toSeq?: number | undefined },
): Promise<AuditExport> {
  const anchor = await deps.auditAnchor.read();
  const log = await readWholeLog(deps.db);
  const pastActivity = log.entries.length === 0 ? await hasPastActivity(deps.db) : true;
  const { result, tree } = verifyLog(deps, log, { anchor, pastActivity });
  if (!result.ok) throw new ConflictError('audit_log_broken', `The audit log does not verify (${result.reason}); run \`comity audit verify\` first`);
  const latest = log.checkpoints.at(-1);
  if (!latest) throw new NotFoundError('audit_checkpoint_not_found', 'No checkpoint has been signed yet');
  const from = range.fromSeq ?? 1;
  const to = range.toSeq ?? Number.MAX_SAFE_INTEGER;
  const source = tree.source();
  const entries = log.entries
    .filter((e) => e.seq >= from && e.seq <= to && e.leafIndex !== null && e.leafIndex < latest.size)
    .map(({ leafIndex, change, ...e }) => ({ ...e, change: change as Record<string, unknown>, leafIndex: leafIndex!, path: inclusionPath(source, leafIndex!, latest.size) }));
  if (entries.length === 0) throw new NotFoundError('audit_range_empty', 'No sequenced audit entry in that range');

  // The latest checkpoint with co-signatures whose peers we know.
  const cosigned = await cosignaturesOf(
    deps.db,
    log.checkpoints.map((c) => c.id),
  );
  const peers = new Map((await deps.db.selectFrom('federation_peers').select(['node_id', 'signing_key']).execute()).map((p) => [p.node_id, p.signing_key]));
  let witnessed: AuditExport['witnessed'] = null;
  for (const cp of [...log.checkpoints].reverse()) {
    const lines: ExportedWitness[] = (cosigned.get(cp.id) ?? []).flatMap((c) => {
      const key = peers.get(c.peerNodeId);
      return key ? [{ peerNodeId: c.peerNodeId, key: { name: witnessKeyName(c.peerNodeId), publicKey: bytesToHex(new Uint8Array(Buffer.from(key, 'base64url'))) }, line: c.line }] : [];
    });
    if (lines.length > 0 && cp.size > 0) {
      witnessed = { checkpoint: cp.note, consistency: consistencyPath(source, cp.size, latest.size), cosignatures: lines };
      break;
    }
  }
  return {
    format: AUDIT_EXPORT_FORMAT,
    exportedAt: deps.now().toISOString(),
    origin: deps.logKeys.origin,
    logKey: deps.logKeys.key,
    checkpoint: latest.note,
    witnessed,
    entries,
  };
}
