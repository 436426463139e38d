// Receipts with proofs (issue 16, part 4): the receiver of a transmitted message answers, beside its
// signed receipt, the inclusion proof of its own audit entry for that message (`federation.message.
// receive`, target `message:<id>`) against a checkpoint it signed. The sender checks it here, keeps
// it, and can show it later to prove that the receiver logged the message. Everything needed is in
// the proof and the receiver's signing key: the canonical entry, the change it digests (which names
// the sender and the payload's SHA-256), the RFC 9162 path, and the signed note.
import { type AuditEntry, changeDigest } from './audit-chain.ts';
import { type NoteKey, type VerifyBytes, parseCheckpointNote, verifyCheckpointSignature } from './checkpoint.ts';
import { type Sha256, leafHash, utf8, verifyInclusion } from './merkle.ts';
import { canonicalJson } from '../shared/canonical-json.ts';
import type { Hasher } from '../shared/ports.ts';

export const RECEIPT_PROOF_ACTION = 'federation.message.receive';

export interface ReceiptProof {
  /** The receiver's audit entry: its sequence number, canonical text (RFC 8785) and change. */
  seq: number;
  entryText: string;
  change: Record<string, unknown>;
  /** Its position in the receiver's tree and the RFC 9162 inclusion path to the checkpoint's root. */
  leafIndex: number;
  treeSize: number;
  path: string[];
  /** The receiver's signed checkpoint (C2SP signed note) of `treeSize` leaves. */
  checkpoint: string;
}

export interface ReceiptProofExpectation {
  messageId: string;
  /** The sending node (ours) and the payload digest the signed receipt states. */
  sender: string;
  payloadSha256: string;
  /** The receiver's log key: origin `comity.audit/<node id>` and its Ed25519 public key (hex). */
  logKey: NoteKey;
  verify: VerifyBytes;
}

/** Every reason the proof does not prove what it should; empty when it does. */
export function receiptProofProblems(h: Sha256, hasher: Hasher, proof: ReceiptProof, want: ReceiptProofExpectation): string[] {
  const problems: string[] = [];
  let entry: Partial<Omit<AuditEntry, 'hash'>>;
  try {
    entry = JSON.parse(proof.entryText) as Partial<AuditEntry>;
  } catch {
    return ['the entry text is not JSON'];
  }
  if (canonicalJson(entry) !== proof.entryText) problems.push('the entry text is not canonical JSON');
  if (entry.seq !== proof.seq) problems.push(`the entry is numbered ${String(entry.seq)}, not ${proof.seq}`);
  if (entry.action !== RECEIPT_PROOF_ACTION) problems.push(`the entry records "${String(entry.action)}", not the receipt of a message`);
  if (entry.target !== `message:${want.messageId}`) problems.push(`the entry is about ${String(entry.target)}, not message:${want.messageId}`);
  if (changeDigest(hasher, proof.change) !== entry.digest) problems.push("the change does not match the entry's digest");
  if (proof.change.sender !== want.sender) problems.push(`the entry names sender ${String(proof.change.sender)}`);
  if (proof.change.payloadSha256 !== want.payloadSha256) problems.push("the entry's payload digest is not the receipt's");
  let note: ReturnType<typeof parseCheckpointNote>;
  try {
    note = parseCheckpointNote(proof.checkpoint);
  } catch (err) {
    return [...problems, `the checkpoint is malformed: ${err instanceof Error ? err.message : String(err)}`];
  }
  if (note.origin !== want.logKey.name) problems.push(`the checkpoint is of log ${note.origin}, not ${want.logKey.name}`);
  else if (!verifyCheckpointSignature(h, want.logKey, want.verify, note)) problems.push("the checkpoint is not signed with the receiver's key");
  if (note.size !== proof.treeSize) problems.push(`the checkpoint is of tree size ${note.size}, the proof says ${proof.treeSize}`);
  if (!verifyInclusion(h, proof.leafIndex, note.size, leafHash(h, utf8(proof.entryText)), proof.path, note.root)) {
    problems.push(`the inclusion path does not lead from leaf ${proof.leafIndex} to the checkpoint's root`);
  }
  return problems;
}
