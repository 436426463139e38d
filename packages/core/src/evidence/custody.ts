// The chain of custody of one evidence item: an append-only list of events, each linked to the one
// before by its hash and signed by the node that recorded it. Pure, so the offline verifier of a
// court package checks a chain with exactly the code the node used to write it.
import { auditChange, auditText } from '../audit/audit-chain.ts';
import { type JsonValue, canonicalJson } from '../shared/canonical-json.ts';
import type { Hasher, Signer } from '../shared/ports.ts';

export const CUSTODY_KINDS = [
  'acquired',
  'hashed',
  'timestamped',
  'timestamp-pending',
  'timestamp-failed',
  'viewed',
  'downloaded',
  'exported',
  'transmitted',
  'received',
  'sealed',
  'released',
  'working-copy',
  'download-requested',
  'download-approved',
  'consent-asked',
  'consent-answered',
] as const;
export type CustodyKind = (typeof CUSTODY_KINDS)[number];

/** The first event of an item links to this. */
export const CUSTODY_GENESIS = '0'.repeat(64);

export interface CustodyInput {
  kind: CustodyKind;
  actorUserId: string | null;
  actorEmail: string | null;
  /** Free-form facts of the event (hashes, destination, approver ...); stored and hashed as given. */
  details: Record<string, unknown>;
}

export interface CustodyEvent {
  itemId: string;
  seq: number;
  /** ISO 8601 with milliseconds, UTC. */
  at: string;
  kind: CustodyKind;
  actorUserId: string | null;
  actorEmail: string | null;
  nodeId: string;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
  /** The node's Ed25519 signature over `custodySigningText(hash)`, base64url. */
  signature: string;
  keyId: string;
}

type Hashed = Omit<CustodyEvent, 'hash' | 'signature' | 'keyId'>;

export function custodyEventHash(hasher: Hasher, e: Hashed): string {
  return hasher.sha256Hex(
    canonicalJson({
      purpose: 'comity-custody-v1',
      itemId: e.itemId,
      seq: e.seq,
      at: e.at,
      kind: e.kind,
      actorUserId: e.actorUserId,
      actorEmail: e.actorEmail,
      nodeId: e.nodeId,
      details: e.details as JsonValue,
      prevHash: e.prevHash,
    }),
  );
}

/** What the node signs for an event: its hash, under a purpose so the signature means nothing elsewhere. */
export function custodySigningText(hash: string): string {
  return `comity-custody-v1:${hash}`;
}

/**
 * The next event of an item after `prev` (null for its first). Text passes through the audit
 * trail's text rule (what PostgreSQL gives back is what was hashed); `details` as returned is what
 * must be stored.
 */
export function linkCustodyEvent(
  hasher: Hasher,
  signer: Signer,
  prev: { seq: number; hash: string } | null,
  e: { itemId: string; at: Date; nodeId: string } & CustodyInput,
): CustodyEvent {
  const hashed: Hashed = {
    itemId: e.itemId,
    seq: (prev?.seq ?? 0) + 1,
    at: e.at.toISOString(),
    kind: e.kind,
    actorUserId: e.actorUserId,
    actorEmail: e.actorEmail === null ? null : auditText(e.actorEmail),
    nodeId: e.nodeId,
    details: auditChange(e.details),
    prevHash: prev?.hash ?? CUSTODY_GENESIS,
  };
  const hash = custodyEventHash(hasher, hashed);
  return { ...hashed, hash, signature: signer.sign(custodySigningText(hash)), keyId: signer.keyId };
}

export interface CustodyProblem {
  seq: number;
  kind: 'unknown_kind' | 'out_of_order' | 'unlinked' | 'altered' | 'bad_signature' | 'unknown_key' | 'wrong_item' | 'head_mismatch';
  reason: string;
}

export interface CustodyVerification {
  ok: boolean;
  events: number;
  problems: CustodyProblem[];
}

/**
 * Checks a whole chain: numbering from 1 without gaps, each link to the previous hash, each hash
 * recomputed, each signature with the key its `keyId` names (`verifyWith` answers null for a key it
 * does not know). `head`, when given, is the last event the holder says there is (a removed tail
 * is otherwise invisible). Every problem is reported, not only the first.
 */
export function verifyCustodyChain(
  hasher: Hasher,
  verifyWith: (keyId: string) => ((text: string, signature: string) => boolean) | null,
  itemId: string,
  events: readonly CustodyEvent[],
  head?: { seq: number; hash: string },
): CustodyVerification {
  const problems: CustodyProblem[] = [];
  const known = new Set<string>(CUSTODY_KINDS);
  let prevHash = CUSTODY_GENESIS;
  events.forEach((e, i) => {
    const expectedSeq = i + 1;
    if (e.itemId !== itemId) problems.push({ seq: e.seq, kind: 'wrong_item', reason: `event ${e.seq} belongs to item ${e.itemId}, not ${itemId}` });
    if (e.seq !== expectedSeq) problems.push({ seq: e.seq, kind: 'out_of_order', reason: `event number ${e.seq} where ${expectedSeq} was expected` });
    if (!known.has(e.kind)) problems.push({ seq: e.seq, kind: 'unknown_kind', reason: `"${e.kind}" is not a custody event kind` });
    if (e.prevHash !== prevHash) problems.push({ seq: e.seq, kind: 'unlinked', reason: `event ${e.seq} does not link to the event before it` });
    const recomputed = custodyEventHash(hasher, e);
    if (recomputed !== e.hash) problems.push({ seq: e.seq, kind: 'altered', reason: `event ${e.seq} was changed after it was recorded` });
    const verify = verifyWith(e.keyId);
    if (!verify) problems.push({ seq: e.seq, kind: 'unknown_key', reason: `event ${e.seq} is signed with key ${e.keyId}, which is not known` });
    else if (!verify(custodySigningText(e.hash), e.signature)) problems.push({ seq: e.seq, kind: 'bad_signature', reason: `the signature of event ${e.seq} does not verify` });
    prevHash = e.hash;
  });
  if (head) {
    const last = events.at(-1);
    if (!last || last.seq !== head.seq || last.hash !== head.hash) {
      problems.push({ seq: head.seq, kind: 'head_mismatch', reason: `the item's last event is ${head.seq}, the log ends at ${last?.seq ?? 0}` });
    }
  }
  return { ok: problems.length === 0, events: events.length, problems };
}
