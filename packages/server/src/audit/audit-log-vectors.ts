// Test vectors for the audit log formats (interop/audit-log/): RFC 9162 tree hashes and proofs, a
// C2SP checkpoint signed by a fixed-seed Ed25519 key (Ed25519 is deterministic) and a
// tlog-cosignature at a fixed time. `--write` regenerates the file; the test checks it is current.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InMemoryTree, consistencyPath, cosignCheckpoint, inclusionPath, leafHash, signCheckpoint } from '@comity/core';
import { REPO_ROOT } from '../config.ts';
import { privateKeyFromSeed } from '../federation/envelope-crypto.ts';
import { rawPublicKeyHex, sha256Bytes, signBytesWith } from './log-keys.ts';

export const VECTORS_PATH = join(REPO_ROOT, 'interop/audit-log/audit-log-v1.json');

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

if (process.argv.includes('--write')) {
  writeFileSync(VECTORS_PATH, `${JSON.stringify(auditLogVectors(), null, 2)}\n`);
  console.log(`written ${VECTORS_PATH}`);
}
