import assert from 'node:assert/strict';
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { test } from 'node:test';
import { ConflictError, ValidationError } from '../shared/errors.ts';
import { formatDuration, planRetry } from './backoff.ts';
import { type EnvelopeHeader, type SealedPayload, envelopeSigningText } from './envelope.ts';
import { isUuidV7, uuidv7, uuidv7Time } from './ids.ts';
import { type KeyVerify, type NodeCard, assessCard, cardSigningText, endorsementSigningText, formatFingerprint, sameFingerprint } from './node-card.ts';
import { allowedPeerActions, transitionPeer } from './peer.ts';
import { EnvelopeRejectedError, type PeerTrust, checkIncomingEnvelope } from './receive.ts';

test('uuidv7 puts the time first and sets version and variant', () => {
  const id = uuidv7(0x0190a6e01234, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
  assert.equal(id, '0190a6e0-1234-7fff-bfff-ffffffffffff');
  assert.ok(isUuidV7(id));
  assert.equal(uuidv7Time(id), 0x0190a6e01234);
  assert.ok(!isUuidV7('0190a6e0-1234-4fff-bfff-ffffffffffff'), 'a v4 is not a v7');
  const a = uuidv7(1000, new Uint8Array(10));
  const b = uuidv7(1001, new Uint8Array(10).fill(0));
  assert.ok(a < b, 'later ids sort later');
  assert.throws(() => uuidv7(1, new Uint8Array(4)), RangeError);
});

test('back-off grows exponentially, jitter comes from the injected random, and it stops at the horizon', () => {
  const policy = { baseDelayMs: 1000, maxDelayMs: 60_000, horizonMs: 3_600_000 };
  const createdAt = new Date('2026-01-01T00:00:00Z');
  const at = (attempts: number, r: number, nowMs = createdAt.getTime()) => planRetry(policy, { attempts, createdAt, now: new Date(nowMs) }, () => r);
  const low = [1, 2, 3, 4, 5].map((n) => (at(n, 0) as { delayMs: number }).delayMs);
  const high = [1, 2, 3, 4, 5].map((n) => (at(n, 0.999999) as { delayMs: number }).delayMs);
  assert.deepEqual(low, [500, 1000, 2000, 4000, 8000], 'half the step is fixed');
  assert.deepEqual(high, [1000, 2000, 4000, 8000, 16_000], 'the other half is jitter');
  assert.equal((at(30, 0.5) as { delayMs: number }).delayMs, 45_000, 'capped at maxDelay');
  // Near the horizon the last wait ends exactly at it; at or after it, give up.
  const near = at(12, 0.9, createdAt.getTime() + 3_600_000 - 10_000) as { kind: string; at: Date };
  assert.equal(near.kind, 'retry');
  assert.equal(near.at.getTime(), createdAt.getTime() + 3_600_000);
  const past = at(13, 0.5, createdAt.getTime() + 3_600_000);
  assert.equal(past.kind, 'give-up');
  assert.match((past as { reason: string }).reason, /1 h/);
  assert.equal(formatDuration(72 * 3_600_000), '3 d');
  assert.equal(formatDuration(90_000), '90 s');
});

test('peer trust: suspend and resume, revoke is final', () => {
  assert.equal(transitionPeer('active', 'suspend'), 'suspended');
  assert.equal(transitionPeer('suspended', 'resume'), 'active');
  assert.equal(transitionPeer('suspended', 'revoke'), 'revoked');
  assert.deepEqual(allowedPeerActions('revoked'), []);
  assert.throws(
    () => transitionPeer('revoked', 'resume'),
    (e: unknown) => e instanceof ConflictError && e.code === 'illegal_peer_transition' && Array.isArray(e.details?.allowed),
  );
  assert.throws(() => transitionPeer('active', 'resume'), ConflictError);
});

const ed = generateKeyPairSync('ed25519');
const raw = (k: typeof ed.publicKey) => k.export({ format: 'jwk' }).x as string;
const verifyRaw: KeyVerify = (publicKey, text, signature) => {
  try {
    return verify(null, Buffer.from(text), { key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' }, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
};
const signWith = (key: typeof ed.privateKey, text: string) => sign(null, Buffer.from(text), key).toString('base64url');

const header: EnvelopeHeader = {
  v: 1,
  messageId: uuidv7(Date.parse('2026-03-01T10:00:00Z'), new Uint8Array(10)),
  sender: 'node-sender',
  recipient: 'node-me',
  type: 'message.note',
  createdAt: '2026-03-01T10:00:00.000Z',
  inReplyTo: null,
  conversationId: 'c1',
  marking: 'AMBER',
};
const encrypted: SealedPayload = { alg: 'X25519-HKDF-SHA256-A256GCM', recipientKey: '00'.repeat(16), epk: 'A'.repeat(43), nonce: 'B'.repeat(16), ciphertext: 'C'.repeat(30) };

test('the signing text is the canonical JSON of header and sealed payload, keys sorted', () => {
  const text = envelopeSigningText(header, encrypted);
  assert.ok(text.startsWith('{"encrypted":{"alg":"X25519-HKDF-SHA256-A256GCM","ciphertext":'));
  assert.ok(text.includes('"header":{"conversationId":"c1","createdAt":"2026-03-01T10:00:00.000Z","inReplyTo":null,"marking":"AMBER","messageId":'));
});

test('receive checks run in the protocol order and report the first failure', () => {
  const peer: PeerTrust = { nodeId: 'node-sender', status: 'active', signingKey: raw(ed.publicKey), signingKeyId: 'kid', validUntil: '2027-01-01T00:00:00Z' };
  const good = { header, encrypted, signature: { alg: 'Ed25519' as const, keyId: 'kid', value: signWith(ed.privateKey, envelopeSigningText(header, encrypted)) } };
  const now = new Date('2026-03-01T10:01:00Z');
  const run = (over: Partial<Parameters<typeof checkIncomingEnvelope>[0]>) =>
    checkIncomingEnvelope({ envelope: good, selfNodeId: 'node-me', peer, verify: verifyRaw, now, windowMs: 300_000, ...over });
  const reason = (over: Partial<Parameters<typeof checkIncomingEnvelope>[0]>) => {
    try {
      run(over);
      return 'accepted';
    } catch (e) {
      assert.ok(e instanceof EnvelopeRejectedError);
      return e.reason;
    }
  };
  assert.equal(reason({}), 'accepted');
  const forged = { ...good, signature: { ...good.signature, value: signWith(generateKeyPairSync('ed25519').privateKey, 'x') } };
  // Everything wrong at once: whether the sender is known is said first, and nothing else.
  assert.equal(reason({ selfNodeId: 'node-other', peer: undefined, envelope: forged, now: new Date('2030-01-01') }), 'unknown_sender');
  assert.equal(reason({ peer: undefined, envelope: forged }), 'unknown_sender');
  // A forged signature learns nothing of the node's standing or of the addressing.
  for (const standing of ['revoked', 'suspended'] as const) {
    assert.equal(reason({ peer: { ...peer, status: standing }, envelope: forged }), 'bad_signature', standing);
  }
  assert.equal(reason({ peer: { ...peer, validUntil: '2026-02-01T00:00:00Z' }, envelope: forged }), 'bad_signature', 'expired');
  assert.equal(reason({ selfNodeId: 'node-other', envelope: forged }), 'bad_signature', 'misaddressed');
  // Once the signature holds, the standing is told.
  assert.equal(reason({ selfNodeId: 'node-other' }), 'wrong_recipient');
  assert.equal(reason({ peer: { ...peer, status: 'revoked' } }), 'peer_revoked');
  assert.equal(reason({ peer: { ...peer, status: 'suspended' } }), 'peer_suspended');
  assert.equal(reason({ peer: { ...peer, validUntil: '2026-02-01T00:00:00Z' } }), 'peer_card_expired');
  // A card renewal passes an expired card: signed by the key on record, it is how the peer gets out.
  const cardHeader = { ...header, type: 'node.card' as const };
  const cardEnvelope = { header: cardHeader, encrypted, signature: { ...good.signature, value: signWith(ed.privateKey, envelopeSigningText(cardHeader, encrypted)) } };
  assert.equal(reason({ envelope: cardEnvelope, peer: { ...peer, validUntil: '2026-02-01T00:00:00Z' } }), 'accepted');
  assert.equal(reason({ envelope: forged, now: new Date('2026-09-01') }), 'bad_signature', 'the signature before freshness');
  assert.equal(reason({ peer: { ...peer, signingKeyId: 'another' } }), 'bad_signature', 'the key id must name the peer’s key');
  assert.equal(reason({ now: new Date('2026-03-01T10:06:00Z') }), 'message_stale');
  assert.equal(reason({ now: new Date('2026-03-01T09:54:00Z') }), 'message_stale');
  const unknownType = { ...header, type: 'x.custom' as never };
  assert.equal(
    reason({ envelope: { header: unknownType, encrypted, signature: { ...good.signature, value: signWith(ed.privateKey, envelopeSigningText(unknownType, encrypted)) } } }),
    'unsupported_type',
  );
  const e = new EnvelopeRejectedError('peer_revoked');
  assert.equal(e.code, 'peer_revoked');
  assert.equal(e.retryable, false);
});

function card(signingKey: string, over: Partial<NodeCard> = {}): NodeCard {
  return {
    v: 1,
    nodeId: 'node-abc',
    authority: { name: 'Central Authority', state: 'FRA', kind: 'central-authority' },
    endpoint: 'https://comity.justice.example',
    keys: { signing: { alg: 'Ed25519', publicKey: signingKey }, encryption: { alg: 'X25519', publicKey: 'E'.repeat(43) } },
    accepts: { requestTypes: ['mla'], languages: ['fr', 'en'] },
    issuedAt: '2026-01-01T00:00:00.000Z',
    validFrom: '2026-01-01T00:00:00.000Z',
    validUntil: '2027-01-01T00:00:00.000Z',
    ...over,
  };
}

test('node cards: new, refresh, rotation endorsed by the trusted key; impostors and damage refused', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const c1 = card(raw(ed.publicKey));
  const s1 = { card: c1, signature: signWith(ed.privateKey, cardSigningText(c1)) };
  assert.equal(assessCard(s1, { verify: verifyRaw, now }).kind, 'new');
  assert.equal(assessCard(s1, { verify: verifyRaw, now, known: { nodeId: 'node-abc', signingKey: raw(ed.publicKey) } }).kind, 'refresh');
  const code = (f: () => unknown) => {
    try {
      f();
      return 'ok';
    } catch (e) {
      assert.ok(e instanceof ValidationError);
      return e.code;
    }
  };
  assert.equal(code(() => assessCard({ ...s1, card: { ...c1, endpoint: 'https://evil.example' } }, { verify: verifyRaw, now })), 'card_signature_invalid');
  assert.equal(code(() => assessCard(s1, { verify: verifyRaw, now: new Date('2027-02-01') })), 'card_expired');
  assert.equal(code(() => assessCard(s1, { verify: verifyRaw, now, selfNodeId: 'node-abc' })), 'card_is_self');

  const next = generateKeyPairSync('ed25519');
  const c2 = card(raw(next.publicKey));
  const unendorsed = { card: c2, signature: signWith(next.privateKey, cardSigningText(c2)) };
  const known = { nodeId: 'node-abc', signingKey: raw(ed.publicKey) };
  assert.equal(code(() => assessCard(unendorsed, { verify: verifyRaw, now, known })), 'card_key_changed');
  const endorsed = { ...unendorsed, endorsement: { signingKey: raw(ed.publicKey), signature: signWith(ed.privateKey, endorsementSigningText(c2, raw(ed.publicKey))) } };
  assert.equal(assessCard(endorsed, { verify: verifyRaw, now, known }).kind, 'rotation');
  // An endorsement by some other key does not count.
  const other = generateKeyPairSync('ed25519');
  const badEndorsement = { ...unendorsed, endorsement: { signingKey: raw(other.publicKey), signature: signWith(other.privateKey, endorsementSigningText(c2, raw(other.publicKey))) } };
  assert.equal(code(() => assessCard(badEndorsement, { verify: verifyRaw, now, known })), 'card_key_changed');
  assert.equal(code(() => assessCard(s1, { verify: verifyRaw, now, known: { nodeId: 'node-xyz', signingKey: 'k' } })), 'card_node_mismatch');

  assert.equal(formatFingerprint('0123456789abcdef0123456789abcdef01234567ffff'), '0123 4567 89ab cdef 0123 4567 89ab cdef 0123 4567');
  assert.ok(sameFingerprint('0123 4567 89AB CDEF 0123 4567 89ab cdef 0123 4567', '0123456789abcdef0123456789abcdef01234567'));
  assert.ok(!sameFingerprint('0123', '0123'), 'too short to mean anything');
});
