// The audit trail as a verifiable log (issue 16). Entries are written unsequenced, atomically with
// their change; a sequencer later gives each a leaf index in an RFC 9162 Merkle tree whose leaf is
// SHA-256(0x00 || canonical entry) and signs a checkpoint per batch. Entries of the hash-chain era
// (before migration 016) keep their chain and are the first leaves of the tree, in seq order.
import {
  type AuditAnchor,
  type AuditEntry,
  type AuditHead,
  type AuditProblem,
  type AuditProblemKind,
  type AuditVerification,
  auditEntryFields,
  auditEntryHash,
  auditEntryText,
  changeDigest,
  linkAuditEntry,
  verifyAuditChain,
} from './audit-chain.ts';
import type { AuditInput } from './audit-chain.ts';
import { InMemoryTree, type Sha256, consistencyPath, leafHash, utf8, verifyConsistency } from './merkle.ts';
import type { Hasher, Verifier } from '../shared/ports.ts';

/** The Merkle leaf hash of an entry: SHA-256(0x00 || canonical entry as UTF-8). */
export function auditLeafHash(h: Sha256, e: Omit<AuditEntry, 'hash'>): string {
  return leafHash(h, utf8(auditEntryText(e)));
}

/**
 * An entry of the log era: numbered by the store (`seq`, unique, gaps allowed), not linked to the
 * one before (`prevHash` empty), its `hash` the SHA-256 of the canonical entry.
 */
export function prepareAuditEntry(hasher: Hasher, seq: number, input: AuditInput, at: Date): AuditEntry & { change: Record<string, unknown> } {
  // With a previous hash of '' the entry's prevHash is '' and its hash covers that.
  return linkAuditEntry(hasher, { seq: seq - 1, hash: '' }, input, at);
}

/**
 * An entry of the log era whose number the store gives in the statement that writes it (one round
 * trip instead of two): every field but `seq` and `hash`, and the canonical entry's UTF-8 bytes
 * before and after the number, so the store computes `hash = SHA-256(before || seq || after)`,
 * exactly what `auditEntryHash` gives for the numbered entry (the canonical entry writes `seq` as
 * its decimal digits between `"seq":` and `,"target":`; keys are sorted, strings escaped, so that
 * place is found without ambiguity).
 */
export function prepareUnnumberedAuditEntry(
  hasher: Hasher,
  input: AuditInput,
  at: Date,
): Omit<AuditEntry, 'seq' | 'hash'> & { change: Record<string, unknown>; textBefore: string; textAfter: string } {
  const { fields: numbered, change } = auditEntryFields(hasher, 0, '', input, at);
  const { seq: _placeholder, ...fields } = numbered;
  const text = auditEntryText(numbered);
  const marker = ',"seq":0,"target":';
  const i = text.indexOf(marker);
  if (i < 0 || text.indexOf(marker, i + 1) >= 0) throw new Error('the canonical audit entry has no single place for its number');
  return { ...fields, change, textBefore: text.slice(0, i + ',"seq":'.length), textAfter: text.slice(i + ',"seq":0'.length) };
}

export interface LoggedEntry extends AuditEntry {
  change?: unknown;
  /** Position in the tree, null while unsequenced. */
  leafIndex: number | null;
}

export interface StoredCheckpoint {
  size: number;
  root: string;
  /** Whether the note's signature verifies with one of the node's keys (checked by the caller). */
  signatureValid: boolean;
}

/** A checkpoint of this node co-signed by a peer and kept by it, as the peer gave it back. */
export interface WitnessedHead {
  peer: string;
  size: number;
  root: string;
}

export interface LogEvidence {
  anchor?: AuditAnchor | null;
  pastActivity?: boolean;
  /** Stored leaf-level nodes (leaf index → hash) written when the entries were sequenced. */
  storedLeaves?: ReadonlyMap<number, string>;
  witnessed?: readonly WitnessedHead[];
}

export interface LogVerification {
  result: AuditVerification;
  /** The tree rebuilt from the entries (leaf order), for proofs and export. */
  tree: InMemoryTree;
}

/**
 * Verifies the whole log and reports every problem: the hash chain of the old entries against the
 * old signed head, each entry against its hash and its change, the leaves against the leaf nodes
 * stored at sequencing (a recomputed hash still differs there), the tree against every stored
 * checkpoint (signature, root) and each checkpoint against the next (RFC 9162 consistency), the
 * anchor kept outside the database, and the heads peers witnessed (truncation, fork).
 */
export function verifyAuditLog(
  h: Sha256,
  hasher: Hasher,
  verifier: Verifier,
  entries: readonly LoggedEntry[],
  chainHead: AuditHead | null,
  checkpoints: readonly StoredCheckpoint[],
  evidence: LogEvidence = {},
): LogVerification {
  const problems: AuditProblem[] = [];
  const problem = (seq: number, kind: AuditProblemKind, reason: string) => problems.push({ seq, kind, reason });

  // 1. The chain era, exactly as before migration 016 (its head no longer moves).
  const chain = entries.filter((e) => e.prevHash !== '');
  if (chain.length > 0 || chainHead) {
    const r = verifyAuditChain(hasher, verifier, chain, chainHead);
    if (!r.ok) problems.push(...r.problems);
  }
  // 2. Log-era entries one by one.
  for (const e of entries) {
    if (e.prevHash !== '') continue;
    if (auditEntryHash(hasher, e) !== e.hash) problem(e.seq, 'altered', `entry ${e.seq} was altered after it was written`);
    if (e.change !== undefined && changeDigest(hasher, e.change as Record<string, unknown>) !== e.digest) {
      problem(e.seq, 'change_altered', `the recorded change of entry ${e.seq} was altered after it was written`);
    }
  }
  const reported = new Set(problems.filter((p) => p.kind === 'altered').map((p) => p.seq));

  // 3. Leaves in tree order: no gap, no duplicate, each as stored when it was sequenced.
  const sequenced = entries.filter((e) => e.leafIndex !== null).sort((a, b) => a.leafIndex! - b.leafIndex! || a.seq - b.seq);
  const storedAt = new Map<string, number>();
  for (const [i, hash] of evidence.storedLeaves ?? []) storedAt.set(hash, i);
  const tree = new InMemoryTree(h);
  const seqAtLeaf: number[] = [];
  let expected = 0;
  for (const e of sequenced) {
    const i = e.leafIndex!;
    if (i < expected) {
      problem(e.seq, 'out_of_order', `entry ${e.seq} claims tree position ${i}, which another entry holds`);
      continue;
    }
    if (i > expected) {
      problem(e.seq, 'missing', i - expected === 1 ? `the entry at tree position ${expected} is missing` : `the entries at tree positions ${expected} to ${i - 1} are missing`);
      // The gap is the problem reported; the leaves stored at sequencing stand in for the missing
      // entries so that the checkpoints still check everything else (without them, the tree is off).
      while (expected < i && evidence.storedLeaves?.has(expected)) {
        tree.append(evidence.storedLeaves.get(expected)!);
        seqAtLeaf.push(e.seq);
        expected++;
      }
      if (expected < i) expected = i;
    }
    const leaf = auditLeafHash(h, e);
    const stored = evidence.storedLeaves?.get(i);
    let treeLeaf = leaf;
    if (stored !== undefined && stored !== leaf) {
      if (!reported.has(e.seq)) {
        const elsewhere = storedAt.get(leaf);
        if (elsewhere !== undefined) problem(e.seq, 'out_of_order', `entry ${e.seq} was sequenced at tree position ${elsewhere}, not ${i}`);
        else problem(e.seq, 'altered', `entry ${e.seq} differs from the entry sequenced at tree position ${i}`);
      }
      // Reported once here; the stored leaf keeps this one change from failing every checkpoint.
      treeLeaf = stored;
    }
    tree.append(treeLeaf);
    seqAtLeaf.push(e.seq);
    expected = i + 1;
  }
  const size = tree.size;
  const seqAt = (leafSize: number) => seqAtLeaf[Math.max(0, Math.min(leafSize, size) - 1)] ?? 1;
  const nextSeq = () => (entries.length ? Math.max(...entries.map((e) => e.seq)) + 1 : 1);

  // 4. Checkpoints: each signed, each the root of the kept entries at its size, each extending the
  // one before (RFC 9162 consistency). A history rewritten from some point on fails every later
  // checkpoint: that is one problem, reported at the first, with the count of the others.
  let previous: StoredCheckpoint | null = null;
  const mismatched: StoredCheckpoint[] = [];
  for (const cp of checkpoints) {
    if (!cp.signatureValid) problem(seqAt(cp.size), 'checkpoint_invalid', `the checkpoint of tree size ${cp.size} is not signed with the node's key`);
    if (cp.size > size) {
      if (cp === checkpoints.at(-1)) {
        problem(
          size === 0 ? 1 : nextSeq(),
          'tail_removed',
          size === 0 ? `every entry up to the signed checkpoint of size ${cp.size} was removed` : `the log holds ${size} entries, but a signed checkpoint holds ${cp.size}`,
        );
      }
    } else if (tree.root(cp.size) !== cp.root) {
      mismatched.push(cp);
    } else if (previous && previous.size > 0 && previous.size <= cp.size && !mismatched.includes(previous)) {
      const proof = consistencyPath(tree.source(), previous.size, cp.size);
      if (!verifyConsistency(h, previous.size, cp.size, previous.root, cp.root, proof)) mismatched.push(cp);
    }
    previous = cp;
  }
  if (mismatched.length > 0) {
    const first = mismatched[0]!;
    const more = mismatched.length - 1;
    problem(
      seqAt(first.size),
      'root_mismatch',
      `the entries kept do not give the root of the signed checkpoint of tree size ${first.size}${more ? ` (nor of ${more} later ${more === 1 ? 'checkpoint' : 'checkpoints'})` : ''}`,
    );
  }
  const latest = checkpoints.at(-1);
  if (size > 0 && !latest) problem(seqAtLeaf[0] ?? 1, 'head_missing', 'entries were sequenced but no signed checkpoint is kept');
  else if (latest && size > latest.size) problem(seqAt(latest.size + 1), 'head_mismatch', `entries follow the last signed checkpoint (tree size ${latest.size})`);

  // 5. The anchor kept outside the database.
  const anchor = evidence.anchor;
  const tailReported = problems.some((p) => p.kind === 'tail_removed');
  if (anchor && anchor.seq > 0) {
    if (anchor.kind === 'checkpoint') {
      if (anchor.seq > size) {
        if (!tailReported) problem(size === 0 ? 1 : nextSeq(), 'truncated', `the log ends at tree size ${size}, but the node recorded a checkpoint of size ${anchor.seq} outside the database`);
      } else if (tree.root(anchor.seq) !== anchor.hash) {
        problem(seqAt(anchor.seq), 'anchor_mismatch', `the log at tree size ${anchor.seq} differs from the checkpoint the node recorded outside the database`);
      }
    } else {
      const at = entries.find((e) => e.seq === anchor.seq);
      const lastChain = chain.at(-1)?.seq ?? 0;
      if (!at && anchor.seq > lastChain) {
        if (!tailReported) problem(lastChain + 1, 'truncated', `the trail ends at entry ${lastChain}, but the node recorded entry ${anchor.seq} outside the database`);
      } else if (at && at.hash !== anchor.hash) {
        problem(anchor.seq, 'anchor_mismatch', `entry ${anchor.seq} differs from the one the node recorded outside the database`);
      }
    }
  }
  // 6. Heads peers witnessed and gave back.
  for (const w of evidence.witnessed ?? []) {
    if (w.size > size) problem(size === 0 ? 1 : nextSeq(), 'witness_truncated', `peer ${w.peer} co-signed a checkpoint of tree size ${w.size}, but the log holds ${size} entries`);
    else if (w.size > 0 && tree.root(w.size) !== w.root) problem(seqAt(w.size), 'witness_fork', `peer ${w.peer} co-signed another history at tree size ${w.size}: the log was rewritten`);
  }
  if (entries.length === 0 && !chainHead && checkpoints.length === 0 && evidence.pastActivity) {
    problem(1, 'emptied', "the trail is empty, but the node's data shows past activity");
  }
  if (problems.length === 0) return { result: { ok: true, entries: entries.length }, tree };
  problems.sort((a, b) => a.seq - b.seq);
  const first = problems[0]!;
  return { result: { ok: false, entries: entries.length, firstBroken: first.seq, reason: first.reason, problems }, tree };
}
