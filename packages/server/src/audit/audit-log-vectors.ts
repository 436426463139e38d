// Test vectors for the audit log formats (interop/audit-log/): RFC 9162 tree hashes and proofs, a
// C2SP checkpoint signed by a fixed-seed Ed25519 key (Ed25519 is deterministic) and a
// tlog-cosignature at a fixed time. `--write` regenerates the file; the test checks it is current.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InMemoryTree, auditEntryText, consistencyPath, cosignCheckpoint, inclusionPath, leafHash, prepareAuditEntry, signCheckpoint, utf8 } from '@comity/core';
import { sha256Hasher } from '../identity/crypto-adapters.ts';
import { REPO_ROOT } from '../config.ts';
import { privateKeyFromSeed } from '../federation/envelope-crypto.ts';
import { rawPublicKeyHex, sha256Bytes, signBytesWith } from './log-keys.ts';

export const VECTORS_PATH = join(REPO_ROOT, 'interop/audit-log/audit-log-v1.json');
export const RECEIPT_PROOF_PATH = join(REPO_ROOT, 'interop/audit-log/receipt-proof-v1.json');

export function auditLogVectors() {
  const h = sha256Bytes;
  const leaves = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
  const tree = new InMemoryTree(h);
  for (const l of leaves) tree.append(leafHash(h, Buffer.from(l, 'hex')));
  const logKey = privateKeyFromSeed('Ed25519', Buffer.alloc(32, 1));
  const witness = privateKeyFromSeed('Ed25519', Buffer.alloc(32, 2));
  const origin = 'comity.audit/node-0123456789abcdef0123';
  const key = { name: origin, publicKey: rawPublicKeyHex(logKey) };
  const witnessKey = { name: 'comity.witness/node-fedcba9876543210fedc', publicKey: rawPublicKeyHex(witness) };
  const note = signCheckpoint(h, key, signBytesWith(logKey), { origin, size: 8, root: tree.root(8), time: '2026-11-30T00:00:00.000Z' });
  const body = note.slice(0, note.indexOf('\n\n') + 1);
  return {
    description: 'Comity audit log v1: RFC 9162 Merkle tree (leaf hex data), C2SP tlog-checkpoint signed note, C2SP tlog-cosignature/v1. Keys: Ed25519 seeds 32×0x01 (log) and 32×0x02 (witness).',
    tree: {
      leaves,
      roots: Array.from({ length: 8 }, (_, i) => ({ size: i + 1, root: tree.root(i + 1) })),
      inclusion: [
        { index: 0, size: 8, path: inclusionPath(tree.source(), 0, 8) },
        { index: 5, size: 8, path: inclusionPath(tree.source(), 5, 8) },
        { index: 2, size: 3, path: inclusionPath(tree.source(), 2, 3) },
      ],
      consistency: [
        { from: 1, to: 8, path: consistencyPath(tree.source(), 1, 8) },
        { from: 3, to: 7, path: consistencyPath(tree.source(), 3, 7) },
        { from: 4, to: 8, path: consistencyPath(tree.source(), 4, 8) },
      ],
    },
    checkpoint: { logKey: key, note },
    cosignature: { witnessKey, time: 1764460800, line: cosignCheckpoint(h, witnessKey, signBytesWith(witness), body, new Date(1764460800 * 1000)) },
  };
}

/**
 * A receipt's audit proof (interop/federation/README.md §6): a receiver's log of five entries, the
 * third recording the received message, under a checkpoint signed with the seed-0x01 key; then the
 * same proof with its path edited and with its change edited, each with the check it fails.
 */
export function receiptProofVectors() {
  const h = sha256Bytes;
  const logKey = privateKeyFromSeed('Ed25519', Buffer.alloc(32, 1));
  const receiver = 'node-0123456789abcdef0123';
  const sender = 'node-fedcba9876543210fedc';
  const messageId = '019ad2f0-7c00-7000-8000-000000000001';
  const origin = `comity.audit/${receiver}`;
  const key = { name: origin, publicKey: rawPublicKeyHex(logKey) };
  const payloadSha256 = 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9';
  const change = { type: 'message.note', sender, conversationId: 'conv-1', inReplyTo: null, marking: 'restricted', payloadSha256 };
  const inputs = [
    { action: 'user.sign-in', target: 'user:1', change: {} },
    { action: 'peer.add', target: `peer:${sender}`, change: { fingerprint: 'x' } },
    { action: 'federation.message.receive', target: `message:${messageId}`, change },
    { action: 'request.create', target: 'request:7', change: { reference: 'MLA-1' } },
    { action: 'request.submit', target: 'request:7', change: {} },
  ];
  const entries = inputs.map((input, i) =>
    prepareAuditEntry(sha256Hasher, i + 1, { actorId: null, actorEmail: null, organisationId: null, requestId: `r-${i + 1}`, ...input }, new Date(Date.UTC(2026, 10, 30, 0, 0, i))),
  );
  const tree = new InMemoryTree(h);
  for (const e of entries) tree.append(leafHash(h, utf8(auditEntryText(e))));
  const checkpoint = signCheckpoint(h, key, signBytesWith(logKey), { origin, size: 5, root: tree.root(5), time: '2026-11-30T00:00:05.000Z' });
  const entry = entries[2]!;
  const valid = { seq: entry.seq, entryText: auditEntryText(entry), change: entry.change, leafIndex: 2, treeSize: 5, path: inclusionPath(tree.source(), 2, 5), checkpoint };
  const flipped = (hex: string) => (hex[0] === '0' ? '1' : '0') + hex.slice(1);
  return {
    description:
      'A receipt audit proof (interop/federation/README.md §6, "Receipts with audit proofs"): the receiver logged the message as entry 3 of 5. Receiver log key: Ed25519 seed 32×0x01. Checks: entry canonical, action and target; digest of change; change.sender and change.payloadSha256; checkpoint origin and signature; inclusion.',
    expect: { messageId, sender, receiver, payloadSha256, logKey: key },
    valid,
    tampered: [
      { what: 'the first hash of the inclusion path changed', fails: 'inclusion', proof: { ...valid, path: [flipped(valid.path[0]!), ...valid.path.slice(1)] } },
      { what: "the change's conversation id changed", fails: 'digest', proof: { ...valid, change: { ...change, conversationId: 'conv-2' } } },
    ],
  };
}

if (process.argv.includes('--write')) {
  writeFileSync(VECTORS_PATH, `${JSON.stringify(auditLogVectors(), null, 2)}\n`);
  writeFileSync(RECEIPT_PROOF_PATH, `${JSON.stringify(receiptProofVectors(), null, 2)}\n`);
  console.log(`written ${VECTORS_PATH} and ${RECEIPT_PROOF_PATH}`);
}
