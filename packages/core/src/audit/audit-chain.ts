// The audit trail is an append-only, hash-linked list; the node signs the chain head so that a
// truncated or rewritten trail is detected even when every remaining link still looks consistent.
import { canonicalJson } from '../shared/canonical-json.ts';
import type { Hasher, Signer, Verifier } from '../shared/ports.ts';
import { toWellFormedText } from '../shared/text.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** What a use case asks to record; the chain fields are added by `linkAuditEntry`. */
export interface AuditInput {
  actorId: string | null;
  actorEmail: string | null;
  organisationId: string | null;
  action: string;
  target: string;
  requestId: string | null;
  /** The change itself (new values, reasons); only its digest enters the chain. */
  change: Record<string, unknown>;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  organisationId: string | null;
  action: string;
  target: string;
  requestId: string | null;
  digest: string;
  prevHash: string;
  hash: string;
}

export interface AuditHead {
  seq: number;
  hash: string;
  signature: string;
  keyId: string;
}

type HashedFields = Omit<AuditEntry, 'hash'>;

export function auditEntryHash(hasher: Hasher, e: HashedFields): string {
  return hasher.sha256Hex(auditEntryText(e));
}

/**
 * The canonical entry (RFC 8785 JSON of the hashed fields): the chain hash is its SHA-256 and the
 * Merkle leaf (audit-log.ts) is SHA-256(0x00 || its UTF-8 bytes). Entries written since migration
 * 016 have an empty `prevHash`: they are linked by the tree, not by a chain.
 */
export function auditEntryText(e: HashedFields): string {
  return (
    canonicalJson({
      seq: e.seq,
      at: e.at,
      actorId: e.actorId,
      actorEmail: e.actorEmail,
      organisationId: e.organisationId,
      action: e.action,
      target: e.target,
      requestId: e.requestId,
      digest: e.digest,
      prevHash: e.prevHash,
    })
  );
}

export function changeDigest(hasher: Hasher, change: Record<string, unknown>): string {
  return hasher.sha256Hex(canonicalJson(JSON.parse(JSON.stringify(change))));
}

/**
 * The text rule of the chain: an entry holds only well-formed Unicode without NUL, because that is
 * all a PostgreSQL text or jsonb column can give back (a lone surrogate comes back as U+FFFD, NUL
 * is refused). Lone surrogates and NUL both become U+FFFD, the replacement character, so the entry
 * hashed is byte for byte the entry stored. Replacing NUL with a visible escape such as `\u0000`
 * was rejected: it would be indistinguishable from someone typing those six characters.
 */
export function auditText(text: string): string {
  return toWellFormedText(text);
}

function auditNullableText(text: string | null): string | null {
  return text === null ? null : auditText(text);
}

/** A change as the trail keeps it: plain JSON, every string and every key under `auditText`. */
export function auditChange(change: Record<string, unknown>): Record<string, unknown> {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return auditText(v);
    if (Array.isArray(v)) return v.map(walk);
    // Object.fromEntries defines keys as own data properties, so even "__proto__" stays a key;
    // two keys that become equal keep the later value, deterministically.
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [auditText(k), walk(x)]));
    return v;
  };
  return walk(JSON.parse(JSON.stringify(change))) as Record<string, unknown>;
}

/**
 * Builds the next entry after `prev` (null for the first entry of the trail). Every text field and
 * the change pass through `auditText` first; the returned `change` is the one to store.
 */
export function linkAuditEntry(
  hasher: Hasher,
  prev: { seq: number; hash: string } | null,
  input: AuditInput,
  at: Date,
): AuditEntry & { change: Record<string, unknown> } {
  const { change, fields } = auditEntryFields(hasher, (prev?.seq ?? 0) + 1, prev?.hash ?? GENESIS_HASH, input, at);
  return { ...fields, hash: auditEntryHash(hasher, fields), change };
}

/** The hashed fields of an entry (every text under `auditText`, the change's digest) and the change to store. */
export function auditEntryFields(
  hasher: Hasher,
  seq: number,
  prevHash: string,
  input: AuditInput,
  at: Date,
): { fields: Omit<AuditEntry, 'hash'>; change: Record<string, unknown> } {
  const change = auditChange(input.change);
  const fields: HashedFields = {
    seq,
    at: at.toISOString(),
    actorId: auditNullableText(input.actorId),
    actorEmail: auditNullableText(input.actorEmail),
    organisationId: auditNullableText(input.organisationId),
    action: auditText(input.action),
    target: auditText(input.target),
    requestId: auditNullableText(input.requestId),
    digest: changeDigest(hasher, change),
    prevHash,
  };
  return { fields, change };
}

export function headSigningText(seq: number, hash: string): string {
  return canonicalJson({ purpose: 'comity-audit-head', seq, hash });
}

export function signAuditHead(signer: Signer, last: { seq: number; hash: string }): AuditHead {
  return { seq: last.seq, hash: last.hash, signature: signer.sign(headSigningText(last.seq, last.hash)), keyId: signer.keyId };
}

/** What can be wrong with a trail; each problem names the entry (sequence number) it concerns. */
export type AuditProblemKind =
  /** One or more sequence numbers are absent (`seq` is the first missing one). */
  | 'missing'
  /** An entry appears where a lower sequence number was expected. */
  | 'out_of_order'
  /** The entry's previous-hash is not the hash of the entry before it. */
  | 'unlinked'
  /** The entry's fields no longer give its hash. */
  | 'altered'
  /** The recorded change no longer gives the entry's digest. */
  | 'change_altered'
  /** Entries exist but no signed head. */
  | 'head_missing'
  /** The head's signature does not verify with the node's key. */
  | 'head_invalid'
  /** The signed head names an entry beyond the last one kept: the tail was removed. */
  | 'tail_removed'
  /** The signed head's entry exists with another hash, or entries follow the signed head. */
  | 'head_mismatch'
  /** The anchor kept outside the database names an entry the trail no longer reaches. */
  | 'truncated'
  /** The anchor's entry exists with another hash. */
  | 'anchor_mismatch'
  /** No entries at all on a node whose data shows past activity. */
  | 'emptied'
  /** A signed checkpoint's signature does not verify with the node's key. */
  | 'checkpoint_invalid'
  /** A signed checkpoint's root hash is not the root of the entries kept (edited, removed or reordered). */
  | 'root_mismatch'
  /** A peer witnessed a checkpoint of this node beyond the entries kept: the log was cut short. */
  | 'witness_truncated'
  /** A peer witnessed a checkpoint of this node that the entries kept do not reproduce: a fork. */
  | 'witness_fork';

export interface AuditProblem {
  seq: number;
  kind: AuditProblemKind;
  reason: string;
}

/**
 * The last signed head as the node wrote it down outside the audit tables, after commit. It may lag
 * the trail (a crash between commit and writing) but never leads a trail that was committed.
 */
export interface AuditAnchor {
  seq: number;
  hash: string;
  /**
   * Since migration 016 the anchor is the latest signed checkpoint: `seq` is the tree size and
   * `hash` its root. Without `kind` it is an anchor of the hash chain (entry seq and entry hash).
   */
  kind?: 'checkpoint';
}

/** What the node knows besides the audit tables, to detect an emptied or truncated trail. */
export interface AuditEvidence {
  anchor?: AuditAnchor | null;
  /** The node's data shows past activity (users, requests, peers, knowledge versions, outbox rows). */
  pastActivity?: boolean;
}

export type AuditVerification =
  | { ok: true; entries: number }
  | { ok: false; entries: number; firstBroken: number; reason: string; problems: AuditProblem[] };

/**
 * Checks the entries (in the order the store returns them, ascending by seq) against each other,
 * against the signed head and against the evidence kept outside the trail, and reports every
 * problem, not only the first. `firstBroken` is the lowest sequence number concerned (for a removed
 * tail: the first missing number) and `reason` the reason given for it. Each entry is checked
 * against the hashes as stored, so one edited row is reported once and does not hide later ones.
 */
export function verifyAuditChain(
  hasher: Hasher,
  verifier: Verifier,
  entries: readonly (AuditEntry & { change?: unknown })[],
  head: AuditHead | null,
  evidence: AuditEvidence = {},
): AuditVerification {
  const problems: AuditProblem[] = [];
  const problem = (seq: number, kind: AuditProblemKind, reason: string) => problems.push({ seq, kind, reason });
  const bySeq = new Map<number, string>();
  let prev: { seq: number; hash: string } | null = null;
  let expected = 1;
  for (const e of entries) {
    if (e.seq < expected) {
      problem(e.seq, 'out_of_order', `entry ${e.seq} appears after entry ${expected - 1}`);
      continue;
    }
    if (e.seq > expected) {
      problem(expected, 'missing', e.seq - expected === 1 ? `entry ${expected} is missing` : `entries ${expected} to ${e.seq - 1} are missing`);
    }
    // Right after a gap the entry before is unknown; the gap itself is the problem reported.
    const before = e.seq === 1 ? GENESIS_HASH : prev?.seq === e.seq - 1 ? prev.hash : null;
    if (before !== null && e.prevHash !== before) problem(e.seq, 'unlinked', `entry ${e.seq} does not link to the entry before it`);
    if (auditEntryHash(hasher, e) !== e.hash) problem(e.seq, 'altered', `entry ${e.seq} was altered after it was written`);
    if (e.change !== undefined && changeDigest(hasher, e.change as Record<string, unknown>) !== e.digest) {
      problem(e.seq, 'change_altered', `the recorded change of entry ${e.seq} was altered after it was written`);
    }
    bySeq.set(e.seq, e.hash);
    prev = { seq: e.seq, hash: e.hash };
    expected = e.seq + 1;
  }
  const last = prev?.seq ?? 0;
  let tailReported = false;
  if (head === null) {
    if (entries.length > 0) problem(1, 'head_missing', 'the chain head signature is missing');
  } else if (!verifier.verify(headSigningText(head.seq, head.hash), head.signature)) {
    problem(Math.min(head.seq, entries.length + 1), 'head_invalid', 'the chain head signature is invalid');
  } else if (head.seq > last) {
    problem(last + 1, 'tail_removed', last === 0 ? `every entry up to the signed head ${head.seq} was removed` : `entries after ${last} were removed`);
    tailReported = true;
  } else if (bySeq.get(head.seq) !== head.hash || head.seq < last) {
    problem(head.seq, 'head_mismatch', 'the trail does not end at the signed head');
  }
  const anchor = evidence.anchor;
  if (anchor && anchor.seq > 0) {
    if (anchor.seq > last) {
      if (!tailReported) {
        problem(last + 1, 'truncated', `the trail ends at entry ${last}, but the node recorded entry ${anchor.seq} outside the database`);
      }
    } else if (bySeq.has(anchor.seq) && bySeq.get(anchor.seq) !== anchor.hash) {
      problem(anchor.seq, 'anchor_mismatch', `entry ${anchor.seq} differs from the one the node recorded outside the database`);
    }
  }
  if (entries.length === 0 && head === null && evidence.pastActivity) {
    problem(1, 'emptied', "the trail is empty, but the node's data shows past activity");
  }
  if (problems.length === 0) return { ok: true, entries: entries.length };
  problems.sort((a, b) => a.seq - b.seq);
  const first = problems[0]!;
  return { ok: false, entries: entries.length, firstBroken: first.seq, reason: first.reason, problems };
}
