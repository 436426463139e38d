import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import { test } from 'node:test';
import type { Hasher, Signer, Verifier } from '../shared/ports.ts';
import { type AuditEntry, type AuditHead, GENESIS_HASH, linkAuditEntry, signAuditHead, verifyAuditChain } from './audit-chain.ts';

const hasher: Hasher = { sha256Hex: (t) => createHash('sha256').update(t, 'utf8').digest('hex') };
const keys = generateKeyPairSync('ed25519');
const signer: Signer = { keyId: 'k1', sign: (t) => sign(null, Buffer.from(t), keys.privateKey).toString('base64url') };
const verifier: Verifier = { verify: (t, s) => verify(null, Buffer.from(t), keys.publicKey, Buffer.from(s, 'base64url')) };

function trail(n: number): { entries: (AuditEntry & { change: unknown })[]; head: AuditHead } {
  const entries: (AuditEntry & { change: unknown })[] = [];
  let prev: AuditEntry | null = null;
  for (let i = 0; i < n; i++) {
    const change = { i, note: `change ${i}` };
    const e = linkAuditEntry(
      hasher,
      prev,
      { actorId: 'u1', actorEmail: 'a@b.c', organisationId: 'o1', action: 'thing.do', target: `thing:${i}`, requestId: `r${i}`, change },
      new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
    );
    entries.push({ ...e, change });
    prev = e;
  }
  return { entries, head: signAuditHead(signer, prev!) };
}

test('a fresh trail verifies and links from the genesis hash', () => {
  const { entries, head } = trail(5);
  assert.equal(entries[0]!.prevHash, GENESIS_HASH);
  assert.equal(entries[3]!.prevHash, entries[2]!.hash);
  assert.deepEqual(verifyAuditChain(hasher, verifier, entries, head), { ok: true, entries: 5 });
});

test('golden vector: the entry hash is stable across implementations', () => {
  const e = linkAuditEntry(
    hasher,
    null,
    { actorId: null, actorEmail: null, organisationId: null, action: 'node.bootstrap', target: 'node', requestId: null, change: { b: 2, a: 1 } },
    new Date('2026-01-01T00:00:00.000Z'),
  );
  // digest = sha256('{"a":1,"b":2}'); hash = sha256 of the canonical entry (see interop/audit-chain).
  assert.equal(e.digest, createHash('sha256').update('{"a":1,"b":2}').digest('hex'));
  const canonical =
    '{"action":"node.bootstrap","actorEmail":null,"actorId":null,"at":"2026-01-01T00:00:00.000Z",' +
    `"digest":"${e.digest}","organisationId":null,"prevHash":"${GENESIS_HASH}","requestId":null,"seq":1,"target":"node"}`;
  assert.equal(e.hash, createHash('sha256').update(canonical).digest('hex'));
});

test('an edited field is detected at that entry', () => {
  const { entries, head } = trail(5);
  entries[2] = { ...entries[2]!, action: 'thing.undo' };
  const r = verifyAuditChain(hasher, verifier, entries, head);
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.firstBroken, 3);
});

test('an edited change record is detected through its digest', () => {
  const { entries, head } = trail(4);
  entries[1] = { ...entries[1]!, change: { i: 1, note: 'rewritten' } };
  const r = verifyAuditChain(hasher, verifier, entries, head);
  assert.equal(!r.ok && r.firstBroken, 2);
});

test('a deleted middle entry is detected at the gap', () => {
  const { entries, head } = trail(5);
  entries.splice(1, 1);
  const r = verifyAuditChain(hasher, verifier, entries, head);
  assert.equal(!r.ok && r.firstBroken, 2);
});

test('reordered entries are detected', () => {
  const { entries, head } = trail(5);
  const a = entries[1]!;
  const b = entries[2]!;
  entries[1] = { ...b, seq: 2 };
  entries[2] = { ...a, seq: 3 };
  const r = verifyAuditChain(hasher, verifier, entries, head);
  assert.equal(!r.ok && r.firstBroken, 2);
});

test('a removed tail is detected by the signed head', () => {
  const { entries, head } = trail(5);
  entries.pop();
  const r = verifyAuditChain(hasher, verifier, entries, head);
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.firstBroken, 5);
});

test('a forged head signature is detected', () => {
  const { entries, head } = trail(3);
  const other = generateKeyPairSync('ed25519');
  const forged = { ...head, signature: sign(null, Buffer.from('x'), other.privateKey).toString('base64url') };
  assert.equal(verifyAuditChain(hasher, verifier, entries, forged).ok, false);
});

test('a rewritten trail with recomputed hashes still fails without the node key', () => {
  const { entries, head } = trail(3);
  // The attacker rebuilds the whole chain consistently but cannot sign the new head.
  const rebuilt: AuditEntry[] = [];
  let prev: AuditEntry | null = null;
  for (const e of entries) {
    const n = linkAuditEntry(hasher, prev, { ...e, action: 'forged', change: {} }, new Date(e.at));
    rebuilt.push(n);
    prev = n;
  }
  assert.equal(verifyAuditChain(hasher, verifier, rebuilt, head).ok, false);
});

test('an empty trail with no head is fine; entries without a head are not', () => {
  assert.deepEqual(verifyAuditChain(hasher, verifier, [], null), { ok: true, entries: 0 });
  const { entries } = trail(2);
  assert.equal(verifyAuditChain(hasher, verifier, entries, null).ok, false);
});
