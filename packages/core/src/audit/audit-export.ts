// An exported range of the audit log, verifiable offline (for a court or an inspector): the
// entries with their recorded changes, each with its RFC 9162 inclusion path against the latest
// signed checkpoint, and the latest checkpoint that peers co-signed with the consistency proof from
// it to the latest. `verifyAuditExport` needs nothing but the file and Ed25519/SHA-256.
import { type AuditEntry, auditEntryHash, auditEntryText, changeDigest } from './audit-chain.ts';
import { type NoteKey, type VerifyBytes, parseCheckpointNote, verifyCheckpointSignature, verifyCosignature } from './checkpoint.ts';
import { type Sha256, leafHash, utf8, verifyConsistency, verifyInclusion } from './merkle.ts';
import type { Hasher } from '../shared/ports.ts';

export const AUDIT_EXPORT_FORMAT = 'comity-audit-export/1';

export interface ExportedEntry extends AuditEntry {
  change: Record<string, unknown>;
  leafIndex: number;
  /** Inclusion path against `checkpoint`, leaf first. */
  path: string[];
}

export interface ExportedWitness {
  peerNodeId: string;
  key: NoteKey;
  /** The tlog-cosignature line the peer returned. */
  line: string;
}

export interface AuditExport {
  format: typeof AUDIT_EXPORT_FORMAT;
  exportedAt: string;
  origin: string;
  /** The log's note key (name and raw Ed25519 public key, hex): compare its fingerprint with the node's. */
  logKey: NoteKey;
  /** The latest signed checkpoint (C2SP signed note). */
  checkpoint: string;
  /** The latest checkpoint peers co-signed, and the proof that `checkpoint` extends it. */
  witnessed: { checkpoint: string; consistency: string[]; cosignatures: ExportedWitness[] } | null;
  entries: ExportedEntry[];
}

export type ExportProblemKind = 'format' | 'checkpoint_invalid' | 'altered' | 'change_altered' | 'not_included' | 'inconsistent' | 'cosignature_invalid';

export interface ExportProblem {
  seq: number;
  kind: ExportProblemKind;
  reason: string;
}

export interface ExportVerification {
  ok: boolean;
  entries: number;
  treeSize: number;
  origin: string;
  /** Peers whose co-signature verified (node ids). */
  cosignedBy: string[];
  problems: ExportProblem[];
}

/**
 * Verifies an export and reports every problem. `verifierFor` turns a raw Ed25519 public key (hex)
 * into a verifier. The log key is taken from the file: the reader must compare its fingerprint with
 * the one the node publishes (the CLI prints it and can require it).
 */
export function verifyAuditExport(h: Sha256, hasher: Hasher, exp: AuditExport, verifierFor: (publicKeyHex: string) => VerifyBytes): ExportVerification {
  const problems: ExportProblem[] = [];
  const problem = (seq: number, kind: ExportProblemKind, reason: string) => problems.push({ seq, kind, reason });
  const out = (treeSize: number, cosignedBy: string[]): ExportVerification => ({
    ok: problems.length === 0,
    entries: Array.isArray(exp.entries) ? exp.entries.length : 0,
    treeSize,
    origin: typeof exp.origin === 'string' ? exp.origin : '',
    cosignedBy,
    problems: problems.sort((a, b) => a.seq - b.seq),
  });
  if (exp.format !== AUDIT_EXPORT_FORMAT || !Array.isArray(exp.entries) || typeof exp.checkpoint !== 'string' || !exp.logKey) {
    problem(0, 'format', `not a ${AUDIT_EXPORT_FORMAT} file`);
    return out(0, []);
  }
  let cp: ReturnType<typeof parseCheckpointNote>;
  try {
    cp = parseCheckpointNote(exp.checkpoint);
  } catch (err) {
    problem(0, 'format', `the checkpoint is malformed: ${err instanceof Error ? err.message : String(err)}`);
    return out(0, []);
  }
  const logVerify = verifierFor(exp.logKey.publicKey);
  if (cp.origin !== exp.origin || !verifyCheckpointSignature(h, exp.logKey, logVerify, cp)) {
    problem(0, 'checkpoint_invalid', `the checkpoint of tree size ${cp.size} is not signed by the log key of ${exp.origin}`);
  }
  for (const e of exp.entries) {
    const seq = typeof e.seq === 'number' ? e.seq : 0;
    try {
      if (auditEntryHash(hasher, e) !== e.hash) problem(seq, 'altered', `entry ${seq} was altered after it was written`);
      if (changeDigest(hasher, e.change) !== e.digest) problem(seq, 'change_altered', `the recorded change of entry ${seq} was altered after it was written`);
      const leaf = leafHash(h, utf8(auditEntryText(e)));
      if (!Array.isArray(e.path) || !verifyInclusion(h, e.leafIndex, cp.size, leaf, e.path, cp.root)) {
        problem(seq, 'not_included', `entry ${seq} is not at tree position ${e.leafIndex} of the signed checkpoint of size ${cp.size}`);
      }
    } catch {
      problem(seq, 'format', `entry ${seq} is malformed`);
    }
  }
  const cosignedBy: string[] = [];
  if (exp.witnessed) {
    try {
      const w = parseCheckpointNote(exp.witnessed.checkpoint);
      if (w.origin !== exp.origin || !verifyCheckpointSignature(h, exp.logKey, logVerify, w)) {
        problem(0, 'checkpoint_invalid', `the co-signed checkpoint of tree size ${w.size} is not signed by the log key`);
      }
      if (!verifyConsistency(h, w.size, cp.size, w.root, cp.root, exp.witnessed.consistency)) {
        problem(0, 'inconsistent', `the checkpoint of size ${cp.size} does not extend the co-signed checkpoint of size ${w.size}`);
      }
      for (const c of exp.witnessed.cosignatures) {
        if (verifyCosignature(h, c.key, verifierFor(c.key.publicKey), w.body, c.line)) cosignedBy.push(c.peerNodeId);
        else problem(0, 'cosignature_invalid', `the co-signature of ${c.peerNodeId} does not verify`);
      }
    } catch {
      problem(0, 'format', 'the co-signed checkpoint is malformed');
    }
  }
  return out(cp.size, cosignedBy);
}
