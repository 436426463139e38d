// The committed vectors (interop/audit-log/audit-log-v1.json) are what the code produces, and they
// verify with the RFC 9162 and C2SP verification code (a second implementation reads the same file).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { leafHash, parseCheckpointNote, verifyCheckpointSignature, verifyConsistency, verifyCosignature, verifyInclusion } from '@comity/core';
import { verifierForRawHex } from './audit-export.ts';
import { VECTORS_PATH, auditLogVectors } from './audit-log-vectors.ts';
import { sha256Bytes } from './log-keys.ts';

test('the committed audit log vectors are current (regenerate: node --import tsx packages/server/src/audit/audit-log-vectors.ts --write)', () => {
  assert.deepEqual(JSON.parse(readFileSync(VECTORS_PATH, 'utf8')), auditLogVectors());
});

test('the vectors verify: inclusion, consistency, checkpoint signature, co-signature', () => {
  const v = auditLogVectors();
  const h = sha256Bytes;
  const rootOf = (n: number) => v.tree.roots[n - 1]!.root;
  for (const p of v.tree.inclusion) assert.ok(verifyInclusion(h, p.index, p.size, leafHash(h, Buffer.from(v.tree.leaves[p.index]!, 'hex')), p.path, rootOf(p.size)));
  for (const p of v.tree.consistency) assert.ok(verifyConsistency(h, p.from, p.to, rootOf(p.from), rootOf(p.to), p.path));
  const note = parseCheckpointNote(v.checkpoint.note);
  assert.equal(note.root, rootOf(8));
  assert.ok(verifyCheckpointSignature(h, v.checkpoint.logKey, verifierForRawHex(v.checkpoint.logKey.publicKey), note));
  assert.equal(verifyCosignature(h, v.cosignature.witnessKey, verifierForRawHex(v.cosignature.witnessKey.publicKey), note.body, v.cosignature.line)?.getTime(), v.cosignature.time * 1000);
  // One changed byte in the body and neither verifies.
  const forged = { ...note, body: note.body.replace('\n8\n', '\n9\n') };
  assert.equal(verifyCheckpointSignature(h, v.checkpoint.logKey, verifierForRawHex(v.checkpoint.logKey.publicKey), forged), false);
  assert.equal(verifyCosignature(h, v.cosignature.witnessKey, verifierForRawHex(v.cosignature.witnessKey.publicKey), forged.body, v.cosignature.line), null);
});
