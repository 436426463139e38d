// Receipts with proofs (issue 16, part 4), both sides. The receiver answers an accepted message
// with the inclusion proof of its audit entry for it, in the same 202 answer as the signed receipt.
// Sequencing is batched, so the receiver runs the sequencer itself before answering (the same pass
// that a nudge would run some milliseconds later, shared by concurrent deliveries); this was chosen
// over a follow-up message because the sender then holds the proof the moment it records the
// delivery, with no second message type, queue or retry to get wrong. The proof is not inside the
// signed receipt: it is checked against the receiver's signed checkpoint, which is signature enough,
// and a replay of the message gets a fresh proof against the latest checkpoint. The sender checks
// the proof (core receipt-proof.ts), keeps it with the receipt, and shows it again on request.
import { type ReceiptProof, bytesToHex, receiptProofProblems } from '@comity/core';
import { receiptOf, receiveEntrySeq } from '@comity/db/repos/federation-repo';
import { findAuditEntry } from '@comity/db';
import type { PeerRow } from '@comity/db/repos/federation-repo';
import { createPublicKey } from 'node:crypto';
import type { FederationDeps } from '../federation/runtime.ts';
import { inclusionProof } from './audit-service.ts';
import { auditOrigin, sha256Bytes, verifyBytesWith } from './log-keys.ts';
import { sequencePending } from './sequencer.ts';
import { NotFoundError } from '@comity/core';

/**
 * The receiver's side: the proof for a message it received, against its latest checkpoint, after
 * sequencing what is pending. Undefined when it cannot be given (no entry, sequencing failed):
 * a proof is never worth turning an accepted message into a failure.
 */
export async function receiptProofFor(deps: FederationDeps, messageId: string): Promise<ReceiptProof | undefined> {
  try {
    const seq = await receiveEntrySeq(deps.db, messageId);
    if (seq === null) return undefined;
    let entry = await findAuditEntry(deps.db, seq);
    if (!entry) return undefined;
    if (entry.leafIndex === null) {
      if (deps.auditSequencer) await deps.auditSequencer.flush();
      else await sequencePending({ db: deps.db, logKeys: deps.logKeys, now: deps.now });
      entry = await findAuditEntry(deps.db, seq);
      if (!entry || entry.leafIndex === null) return undefined;
    }
    const p = await inclusionProof(deps.db, { seq });
    return {
      seq: p.seq,
      entryText: p.entryText,
      change: (entry.change ?? {}) as Record<string, unknown>,
      leafIndex: p.leafIndex,
      treeSize: p.treeSize,
      path: p.path,
      checkpoint: p.checkpoint,
    };
  } catch (err) {
    process.emitWarning(`receipt proof for message ${messageId} not given: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

/** The problems of a receiver's proof as the sender sees them ('verified' when there are none). */
export function checkReceiptProof(
  deps: Pick<FederationDeps, 'hasher' | 'keys'>,
  peer: Pick<PeerRow, 'node_id' | 'signing_key'>,
  proof: ReceiptProof,
  receipt: { messageId: string; payloadSha256: string },
): string[] {
  const logKey = { name: auditOrigin(peer.node_id), publicKey: bytesToHex(new Uint8Array(Buffer.from(peer.signing_key, 'base64url'))) };
  const verify = verifyBytesWith(createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: peer.signing_key }, format: 'jwk' }));
  return receiptProofProblems(sha256Bytes, deps.hasher, proof, { messageId: receipt.messageId, sender: deps.keys.nodeId, payloadSha256: receipt.payloadSha256, logKey, verify });
}

export interface StoredReceiptProof {
  messageId: string;
  peer: string;
  receivedAt: string;
  /** What the check found when the receipt came. */
  checkedOnReceipt: string | null;
  /** The check run again now, with the peer's key on record; empty when the proof holds. */
  problems: string[];
  verified: boolean;
  proof: ReceiptProof | null;
  receipt: unknown;
}

/**
 * The sender's side, later: the stored proof for a message this node sent, checked again (the
 * stored copy could have been edited since). The peer's current key is used; after the peer
 * rotated its key the check names the key, it does not pass silently.
 */
export async function storedReceiptProof(deps: Pick<FederationDeps, 'db' | 'hasher' | 'keys'>, messageId: string): Promise<StoredReceiptProof> {
  const stored = await receiptOf(deps.db, messageId);
  if (!stored) throw new NotFoundError('receipt_not_found', `No receipt for message ${messageId}: it was not sent by this node, or not delivered yet`);
  const peer = await deps.db.selectFrom('federation_peers').select(['node_id', 'signing_key']).where('node_id', '=', stored.peerNodeId).executeTakeFirst();
  const proof = (stored.auditProof ?? null) as ReceiptProof | null;
  const receipt = (stored.receipt as { receipt?: { messageId?: string; payloadSha256?: string } }).receipt ?? {};
  let problems: string[];
  if (!proof) problems = ['the receiver sent no audit proof with this receipt'];
  else if (!peer) problems = [`peer ${stored.peerNodeId} is no longer on record, so its key is unknown`];
  else {
    try {
      problems = checkReceiptProof(deps, peer, proof, { messageId, payloadSha256: String(receipt.payloadSha256 ?? '') });
    } catch (err) {
      problems = [`the stored proof is malformed: ${err instanceof Error ? err.message : String(err)}`];
    }
  }
  return {
    messageId,
    peer: stored.peerNodeId,
    receivedAt: stored.receivedAt.toISOString(),
    checkedOnReceipt: stored.auditProofCheck,
    problems,
    verified: problems.length === 0,
    proof,
    receipt: stored.receipt,
  };
}
