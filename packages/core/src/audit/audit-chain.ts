// The audit trail is an append-only, hash-linked list; the node signs the chain head so that a
// truncated or rewritten trail is detected even when every remaining link still looks consistent.
import { canonicalJson } from '../shared/canonical-json.ts';
import type { Hasher, Signer, Verifier } from '../shared/ports.ts';

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
  return hasher.sha256Hex(
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
    }),
  );
}

export function changeDigest(hasher: Hasher, change: Record<string, unknown>): string {
  return hasher.sha256Hex(canonicalJson(JSON.parse(JSON.stringify(change))));
}

/** Builds the next entry after `prev` (null for the first entry of the trail). */
export function linkAuditEntry(
  hasher: Hasher,
  prev: { seq: number; hash: string } | null,
  input: AuditInput,
  at: Date,
): AuditEntry {
  const fields: HashedFields = {
    seq: (prev?.seq ?? 0) + 1,
    at: at.toISOString(),
    actorId: input.actorId,
    actorEmail: input.actorEmail,
    organisationId: input.organisationId,
    action: input.action,
    target: input.target,
    requestId: input.requestId,
    digest: changeDigest(hasher, input.change),
    prevHash: prev?.hash ?? GENESIS_HASH,
  };
  return { ...fields, hash: auditEntryHash(hasher, fields) };
}

export function headSigningText(seq: number, hash: string): string {
  return canonicalJson({ purpose: 'comity-audit-head', seq, hash });
}

export function signAuditHead(signer: Signer, last: { seq: number; hash: string }): AuditHead {
  return { seq: last.seq, hash: last.hash, signature: signer.sign(headSigningText(last.seq, last.hash)), keyId: signer.keyId };
}

export type AuditVerification =
  | { ok: true; entries: number }
  | { ok: false; entries: number; firstBroken: number; reason: string };

/**
 * Checks the entries (in the order the store returns them, ascending by seq) against each other
 * and against the signed head. `firstBroken` is the sequence number of the first entry that does
 * not hold up (for a removed tail: the first missing number).
 */
export function verifyAuditChain(
  hasher: Hasher,
  verifier: Verifier,
  entries: readonly (AuditEntry & { change?: unknown })[],
  head: AuditHead | null,
): AuditVerification {
  let prev: { seq: number; hash: string } | null = null;
  for (const [i, e] of entries.entries()) {
    const expectedSeq = i + 1;
    const broken = (reason: string): AuditVerification => ({
      ok: false,
      entries: entries.length,
      firstBroken: Math.min(e.seq, expectedSeq),
      reason,
    });
    if (e.seq !== expectedSeq) return broken(`entry ${expectedSeq} is missing or out of order`);
    if (e.prevHash !== (prev?.hash ?? GENESIS_HASH)) return broken(`entry ${e.seq} does not link to the entry before it`);
    if (auditEntryHash(hasher, e) !== e.hash) return broken(`entry ${e.seq} was altered after it was written`);
    if (e.change !== undefined && changeDigest(hasher, e.change as Record<string, unknown>) !== e.digest) {
      return broken(`the recorded change of entry ${e.seq} was altered after it was written`);
    }
    prev = { seq: e.seq, hash: e.hash };
  }
  if (head === null) {
    if (entries.length === 0) return { ok: true, entries: 0 };
    return { ok: false, entries: entries.length, firstBroken: 1, reason: 'the chain head signature is missing' };
  }
  if (!verifier.verify(headSigningText(head.seq, head.hash), head.signature)) {
    return { ok: false, entries: entries.length, firstBroken: Math.min(head.seq, entries.length + 1), reason: 'the chain head signature is invalid' };
  }
  if (prev === null || head.seq !== prev.seq || head.hash !== prev.hash) {
    if (head.seq > entries.length) {
      return { ok: false, entries: entries.length, firstBroken: entries.length + 1, reason: `entries after ${entries.length} were removed` };
    }
    return { ok: false, entries: entries.length, firstBroken: head.seq, reason: 'the trail does not end at the signed head' };
  }
  return { ok: true, entries: entries.length };
}
