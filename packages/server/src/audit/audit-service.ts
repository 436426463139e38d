// Verifies the audit log, and gives inclusion and consistency proofs from the stored tree.
import {
  type AuditAnchor,
  type AuditVerification,
  type LogVerification,
  type StoredCheckpoint,
  type SubtreeId,
  type SubtreeSource,
  type WitnessedHead,
  auditEntryText,
  auditLeafHash,
  completeSubtrees,
  consistencyPath,
  inclusionPath,
  parseCheckpointNote,
  rangeHashFrom,
  verifyAuditLog,
  verifyCheckpointSignature,
  NotFoundError,
  ConflictError,
  ValidationError,
} from '@comity/core';
import {
  type Database,
  type StoredCheckpointRow,
  type WholeLog,
  checkpointOfSize,
  findAuditEntry,
  hasPastActivity,
  latestCheckpoint,
  readSubtrees,
  readWholeLog,
} from '@comity/db';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../deps.ts';
import { type LogKeys, sha256Bytes } from './log-keys.ts';

/** Whether a stored checkpoint's note is well formed, matches its row and is signed by one of the node's keys. */
export function checkpointSignedBy(logKeys: LogKeys, cp: Pick<StoredCheckpointRow, 'size' | 'root' | 'note'>): boolean {
  try {
    const note = parseCheckpointNote(cp.note);
    if (note.size !== cp.size || note.root !== cp.root || note.origin !== logKeys.origin) return false;
    return logKeys.verifiers.some((v) => verifyCheckpointSignature(sha256Bytes, v.key, v.verify, note));
  } catch {
    return false;
  }
}

/** The whole verification over a log read in one snapshot (also used by the export). */
export function verifyLog(
  deps: Pick<AppDeps, 'hasher' | 'verifier' | 'logKeys'>,
  log: WholeLog,
  evidence: { anchor?: AuditAnchor | null; pastActivity: boolean; witnessed?: WitnessedHead[] },
): LogVerification {
  const checkpoints: StoredCheckpoint[] = log.checkpoints.map((cp) => ({ size: cp.size, root: cp.root, signatureValid: checkpointSignedBy(deps.logKeys, cp) }));
  return verifyAuditLog(sha256Bytes, deps.hasher, deps.verifier, log.entries, log.head, checkpoints, {
    anchor: evidence.anchor ?? null,
    pastActivity: evidence.pastActivity,
    storedLeaves: log.leaves,
    witnessed: evidence.witnessed ?? [],
  });
}

/**
 * Verifies the log as stored, with what the node keeps outside it: the anchor (the last checkpoint
 * it saw committed), whether its other tables show past activity, and the heads its peers gave
 * back (`witnessed`, when the caller asked them).
 */
export async function verifyTrail(
  deps: Pick<AppDeps, 'hasher' | 'verifier' | 'auditAnchor' | 'logKeys'> & { db: Kysely<Database> },
  witnessed: WitnessedHead[] = [],
): Promise<AuditVerification> {
  // The anchor is read first: a checkpoint signed meanwhile then only makes the log longer.
  const anchor = await deps.auditAnchor.read();
  const log = await readWholeLog(deps.db);
  const pastActivity = log.entries.length === 0 ? await hasPastActivity(deps.db) : true;
  return verifyLog(deps, log, { anchor, pastActivity, witnessed }).result;
}

/** A subtree source over the stored complete subtrees: the needed nodes are read first, then combined. */
async function storedSource(db: Kysely<Database>, wanted: (source: SubtreeSource) => void): Promise<SubtreeSource> {
  const ids: SubtreeId[] = [];
  wanted((start, n) => {
    ids.push(...completeSubtrees(start, n));
    return '0'.repeat(64);
  });
  const nodes = await readSubtrees(db, ids);
  return rangeHashFrom(sha256Bytes, (id) => {
    const hash = nodes.get(`${id.level}/${id.index}`);
    if (hash === undefined) throw new Error(`the audit tree node ${id.level}/${id.index} is missing; run comity audit verify`);
    return hash;
  });
}

async function checkpointFor(db: Kysely<Database>, size: number | undefined): Promise<StoredCheckpointRow> {
  const cp = size === undefined ? await latestCheckpoint(db) : await checkpointOfSize(db, size);
  if (!cp) throw new NotFoundError('audit_checkpoint_not_found', size === undefined ? 'No checkpoint has been signed yet' : `No signed checkpoint of tree size ${size}`);
  return cp;
}

export async function inclusionProof(db: Kysely<Database>, q: { seq: number; size?: number | undefined }) {
  const entry = await findAuditEntry(db, q.seq);
  if (!entry) throw new NotFoundError('audit_entry_not_found', `No audit entry ${q.seq}`);
  if (entry.leafIndex === null) throw new ConflictError('audit_not_sequenced', `Audit entry ${q.seq} is not sequenced yet; ask again in a moment`);
  const cp = await checkpointFor(db, q.size);
  if (entry.leafIndex >= cp.size) throw new ValidationError('audit_after_checkpoint', `Audit entry ${q.seq} came after the checkpoint of tree size ${cp.size}`);
  const index = entry.leafIndex;
  const source = await storedSource(db, (s) => inclusionPath(s, index, cp.size));
  return {
    seq: entry.seq,
    leafIndex: index,
    leafHash: auditLeafHash(sha256Bytes, entry),
    entryText: auditEntryText(entry),
    treeSize: cp.size,
    rootHash: cp.root,
    path: inclusionPath(source, index, cp.size),
    checkpoint: cp.note,
  };
}

export async function consistencyProof(db: Kysely<Database>, q: { from: number; to?: number | undefined }) {
  const first = await checkpointFor(db, q.from);
  const second = await checkpointFor(db, q.to);
  if (first.size > second.size) throw new ValidationError('audit_checkpoints_order', `The checkpoint of size ${first.size} is not earlier than the one of size ${second.size}`);
  const source = await storedSource(db, (s) => consistencyPath(s, first.size, second.size));
  return {
    from: first.size,
    to: second.size,
    fromRoot: first.root,
    toRoot: second.root,
    path: consistencyPath(source, first.size, second.size),
    fromCheckpoint: first.note,
    toCheckpoint: second.note,
  };
}

/**
 * For witnesses: the proof that the signed checkpoint of size `to` extends the tree of `from`
 * leaves, for any `from` up to `to` (the witness holds the root it saw at `from`).
 */
export async function consistencyProofFromSize(db: Kysely<Database>, q: { from: number; to: number }) {
  const second = await checkpointFor(db, q.to);
  if (q.from > second.size) throw new ValidationError('audit_checkpoints_order', `Tree size ${q.from} is beyond the checkpoint of size ${second.size}`);
  const source = await storedSource(db, (s) => consistencyPath(s, q.from, second.size));
  return { from: q.from, to: second.size, path: consistencyPath(source, q.from, second.size), toCheckpoint: second.note };
}
