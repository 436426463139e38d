import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import { test } from 'node:test';
import type { Hasher, Signer } from '../shared/ports.ts';
import { type CustodyEvent, type CustodyKind, linkCustodyEvent, verifyCustodyChain } from './custody.ts';

const hasher: Hasher = { sha256Hex: (t) => createHash('sha256').update(t, 'utf8').digest('hex') };
const nodeKey = generateKeyPairSync('ed25519');
const otherKey = generateKeyPairSync('ed25519');
const signer: Signer = { keyId: 'node-1', sign: (t) => sign(null, Buffer.from(t), nodeKey.privateKey).toString('base64url') };
const verifyWith = (keyId: string) =>
  keyId === 'node-1' ? (t: string, s: string) => verify(null, Buffer.from(t), nodeKey.publicKey, Buffer.from(s, 'base64url')) : null;

function chain(kinds: CustodyKind[]): CustodyEvent[] {
  const out: CustodyEvent[] = [];
  for (const [i, kind] of kinds.entries()) {
    const prev = out.at(-1) ?? null;
    out.push(
      linkCustodyEvent(hasher, signer, prev, {
        itemId: 'item-1',
        at: new Date(Date.UTC(2026, 10, 30, 1, 0, i)),
        nodeId: 'node-A',
        kind,
        actorUserId: 'u1',
        actorEmail: 'inv@example.org',
        details: { step: i, sha256: 'a'.repeat(64) },
      }),
    );
  }
  return out;
}

test('a custody log as written verifies, numbered from 1 and linked from the genesis hash', () => {
  const events = chain(['acquired', 'hashed', 'viewed', 'sealed']);
  assert.deepEqual(
    events.map((e) => e.seq),
    [1, 2, 3, 4],
  );
  assert.equal(events[0]?.prevHash, '0'.repeat(64));
  assert.equal(events[1]?.prevHash, events[0]?.hash);
  const r = verifyCustodyChain(hasher, verifyWith, 'item-1', events, { seq: 4, hash: events[3]?.hash as string });
  assert.deepEqual(r, { ok: true, events: 4, problems: [] });
});

test('changing any field of an event, dropping one, reordering or cutting the tail is reported', () => {
  const events = chain(['acquired', 'hashed', 'downloaded', 'exported']);
  const head = { seq: 4, hash: events[3]?.hash as string };
  const altered = events.map((e, i) => (i === 2 ? { ...e, actorEmail: 'someone-else@example.org' } : e));
  assert.deepEqual(
    verifyCustodyChain(hasher, verifyWith, 'item-1', altered, head).problems.map((p) => [p.seq, p.kind]),
    [[3, 'altered']],
  );
  const details = events.map((e, i) => (i === 1 ? { ...e, details: { ...e.details, sha256: 'b'.repeat(64) } } : e));
  assert.deepEqual(
    verifyCustodyChain(hasher, verifyWith, 'item-1', details, head).problems.map((p) => p.kind),
    ['altered'],
  );
  const dropped = [events[0], events[2], events[3]] as CustodyEvent[];
  const kinds = verifyCustodyChain(hasher, verifyWith, 'item-1', dropped, head).problems.map((p) => p.kind);
  assert.ok(kinds.includes('out_of_order') && kinds.includes('unlinked'), kinds.join());
  const cut = events.slice(0, 3);
  assert.deepEqual(
    verifyCustodyChain(hasher, verifyWith, 'item-1', cut, head).problems.map((p) => p.kind),
    ['head_mismatch'],
  );
  assert.equal(verifyCustodyChain(hasher, verifyWith, 'item-2', events).ok, false);
});

test('an event re-signed by another key, or rehashed without the node key, does not verify', () => {
  const events = chain(['acquired', 'hashed']);
  const forged = { ...(events[1] as CustodyEvent), signature: sign(null, Buffer.from('x'), otherKey.privateKey).toString('base64url') };
  assert.deepEqual(
    verifyCustodyChain(hasher, verifyWith, 'item-1', [events[0] as CustodyEvent, forged]).problems.map((p) => p.kind),
    ['bad_signature'],
  );
  const unknown = { ...(events[1] as CustodyEvent), keyId: 'stranger' };
  assert.deepEqual(
    verifyCustodyChain(hasher, verifyWith, 'item-1', [events[0] as CustodyEvent, unknown]).problems.map((p) => p.kind),
    ['unknown_key'],
  );
});

test('text that PostgreSQL cannot keep is hashed as it will be stored', () => {
  const e = linkCustodyEvent(hasher, signer, null, {
    itemId: 'item-1',
    at: new Date(0),
    nodeId: 'n',
    kind: 'acquired',
    actorUserId: null,
    actorEmail: null,
    details: { note: 'a\u0000b\ud800' },
  });
  assert.equal(e.details.note, 'a\ufffdb\ufffd');
  assert.equal(verifyCustodyChain(hasher, verifyWith, 'item-1', [e]).ok, true);
});
