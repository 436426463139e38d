// The committed vectors (interop/audit-log/audit-log-v1.json) are what the code produces, and they
// verify with the RFC 9162 and C2SP verification code (a second implementation reads the same file).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { leafHash, parseCheckpointNote, receiptProofProblems, verifyCheckpointSignature, verifyConsistency, verifyCosignature, verifyInclusion } from '@comity/core';
import { sha256Hasher } from '../identity/crypto-adapters.ts';
import { verifierForRawHex } from './audit-export.ts';
import { RECEIPT_PROOF_PATH, VECTORS_PATH, auditLogVectors, receiptProofVectors } from './audit-log-vectors.ts';
import { sha256Bytes } from './log-keys.ts';

test('the committed audit log vectors are current (regenerate: node --import tsx packages/server/src/audit/audit-log-vectors.ts --write)', () => {
  assert.deepEqual(JSON.parse(readFileSync(VECTORS_PATH, 'utf8')), auditLogVectors());
});

test('the committed receipt proof vector is current, the valid proof holds and each tampered copy fails its check', () => {
  assert.deepEqual(JSON.parse(readFileSync(RECEIPT_PROOF_PATH, 'utf8')), receiptProofVectors());
  const v = receiptProofVectors();
  const want = { messageId: v.expect.messageId, sender: v.expect.sender, payloadSha256: v.expect.payloadSha256, logKey: v.expect.logKey, verify: verifierForRawHex(v.expect.logKey.publicKey) };
  assert.deepEqual(receiptProofProblems(sha256Bytes, sha256Hasher, v.valid, want), []);
  for (const t of v.tampered) {
    const problems = receiptProofProblems(sha256Bytes, sha256Hasher, t.proof, want);
    assert.equal(problems.length, 1, `${t.what}: ${problems.join('; ')}`);
    assert.match(problems[0]!, t.fails === 'inclusion' ? /inclusion path/ : /digest/, t.what);
  }
  // Another sender, or another message, and the same valid proof proves nothing for it.
  assert.match(receiptProofProblems(sha256Bytes, sha256Hasher, v.valid, { ...want, sender: 'node-other' }).join('; '), /names sender/);
  assert.match(receiptProofProblems(sha256Bytes, sha256Hasher, v.valid, { ...want, messageId: 'another' }).join('; '), /not message:another/);
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
