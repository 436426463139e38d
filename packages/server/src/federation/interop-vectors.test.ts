// The interop vectors in interop/federation are what this implementation produces, byte for byte,
// and they check out independently: RFC 8785 bytes as the `canonicalize` reference library makes
// them, the envelope opens and verifies, the card and receipt verify, every tampered case fails.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  type Envelope,
  type NodeCard,
  type Receipt,
  assessCard,
  checkIncomingEnvelope,
  EnvelopeRejectedError,
  envelopeAad,
  receiptSigningText,
} from '@comity/core/federation/index';
import { ConsentAnswerPayload, ConsentRequestPayload } from '@comity/contract/consents';
import { CulturalRecordPayload, CulturalRecordResult } from '@comity/contract/cultural-property';
import { Envelope as ContractEnvelope } from '@comity/contract/federation';
import canonicalize from 'canonicalize';
import { INTEROP_DIR, buildInteropVectors, serialise } from './interop-vectors.ts';
import { keyId, openSealedPayload, privateKeyFromSeed, verifyWithRawKey } from './envelope-crypto.ts';

// biome-ignore lint/suspicious/noExplicitAny: the vector files are read as untyped JSON on purpose.
type Any = any;
const read = (name: string): Any => JSON.parse(readFileSync(join(INTEROP_DIR, name), 'utf8'));

test('the vector files are exactly what this implementation produces', () => {
  for (const [name, value] of Object.entries(buildInteropVectors())) {
    assert.equal(readFileSync(join(INTEROP_DIR, name), 'utf8'), serialise(value), `${name} is current (regenerate with interop-vectors.ts --write)`);
  }
});

test('envelope-v1: RFC 8785 bytes agree with the reference library; the envelope verifies and opens', () => {
  const v = read('envelope-v1.json');
  const env: Envelope = v.envelope;
  assert.equal(v.steps.aad, canonicalize(v.inputs.header));
  assert.equal(v.steps.plaintext, canonicalize(v.inputs.payload));
  assert.equal(v.steps.signingText, canonicalize({ header: env.header, encrypted: env.encrypted }));
  assert.ok(verifyWithRawKey(v.inputs.senderSigningPublicKey, v.steps.signingText, env.signature.value));
  assert.equal(env.signature.keyId, keyId(v.inputs.senderSigningPublicKey));
  const recipient = privateKeyFromSeed('X25519', Buffer.from(v.inputs.recipientEncryptionSeed, 'hex'));
  assert.equal(openSealedPayload(env.encrypted, v.steps.aad, [recipient]).toString('utf8'), v.steps.plaintext);
  assert.equal(Buffer.from(env.encrypted.ciphertext, 'base64url').toString('hex'), v.steps.ciphertextHex + v.steps.tagHex);
});

test('receipt-v1 and node-card-v1 verify', () => {
  const r = read('receipt-v1.json');
  assert.equal(r.signingText, receiptSigningText(r.inputs.receipt as Receipt));
  assert.ok(verifyWithRawKey(r.inputs.recipientSigningPublicKey, r.signingText, r.signedReceipt.signature.value));
  const c = read('node-card-v1.json');
  const card: NodeCard = c.signedCard.card;
  assert.ok(verifyWithRawKey(card.keys.signing.publicKey, c.cardSigningText, c.signedCard.signature));
  const known = { nodeId: card.nodeId, signingKey: c.signedCard.endorsement.signingKey };
  assert.equal(assessCard(c.signedCard, { verify: verifyWithRawKey, now: new Date('2026-06-01T00:00:00Z'), known }).kind, 'rotation');
});

test('tampered-v1: every case is rejected with the stated reason', () => {
  const t = read('tampered-v1.json');
  const v = read('envelope-v1.json');
  for (const c of t.cases) {
    const run = () =>
      checkIncomingEnvelope({
        envelope: c.envelope,
        selfNodeId: v.inputs.header.recipient,
        peer: { nodeId: v.inputs.header.sender, status: 'active', signingKey: t.senderSigningPublicKey, signingKeyId: keyId(t.senderSigningPublicKey), validUntil: '2027-01-01T00:00:00Z' },
        verify: verifyWithRawKey,
        now: new Date(v.inputs.header.createdAt),
        windowMs: 300_000,
      });
    assert.throws(run, (e: unknown) => e instanceof EnvelopeRejectedError && e.reason === c.expect, c.what);
  }
  // The untampered envelope passes the same checks.
  checkIncomingEnvelope({
    envelope: v.envelope,
    selfNodeId: v.inputs.header.recipient,
    peer: { nodeId: v.inputs.header.sender, status: 'active', signingKey: t.senderSigningPublicKey, signingKeyId: keyId(t.senderSigningPublicKey), validUntil: '2027-01-01T00:00:00Z' },
    verify: verifyWithRawKey,
    now: new Date(v.inputs.header.createdAt),
    windowMs: 300_000,
  });
});

test('receive-v1: each validly signed case stops at its stated check, or is accepted and decrypts to its plaintext', () => {
  const r = read('receive-v1.json');
  const v = read('envelope-v1.json');
  const recipient = privateKeyFromSeed('X25519', Buffer.from(v.inputs.recipientEncryptionSeed, 'hex'));
  const peer = { nodeId: v.inputs.header.sender, status: 'active' as const, signingKey: r.senderSigningPublicKey, signingKeyId: keyId(r.senderSigningPublicKey), validUntil: '2027-01-01T00:00:00Z' };
  const outcomes = new Set<string>();
  for (const c of r.cases) {
    let outcome = 'accepted';
    try {
      const parsed = ContractEnvelope.safeParse(c.envelope);
      if (!parsed.success) throw new EnvelopeRejectedError('envelope_malformed');
      const env = parsed.data as Envelope;
      checkIncomingEnvelope({ envelope: env, selfNodeId: r.recipientNodeId, peer, verify: verifyWithRawKey, now: new Date(c.receiverNow), windowMs: r.windowMs });
      const plaintext = openSealedPayload(env.encrypted, envelopeAad(env.header), [recipient]).toString('utf8');
      assert.equal(plaintext, c.plaintext, c.what);
      assert.equal(plaintext, canonicalize(JSON.parse(plaintext)), `${c.what}: the plaintext is canonical`);
    } catch (err) {
      if (!(err instanceof EnvelopeRejectedError)) throw err;
      outcome = err.reason;
    }
    assert.equal(outcome, c.expect, c.what);
    outcomes.add(outcome);
  }
  for (const needed of ['accepted', 'decryption_failed', 'wrong_recipient', 'message_stale', 'unsupported_type', 'envelope_malformed']) assert.ok(outcomes.has(needed), needed);
});

test('declared-facts-v1: the signing text is RFC 8785 and the signature verifies with the node key', () => {
  const v = read('declared-facts-v1.json');
  assert.equal(v.signingText, canonicalize({ purpose: 'comity-declared-facts-v1', facts: v.inputs.facts }));
  assert.ok(verifyWithRawKey(v.inputs.signingPublicKey, v.signingText, v.payload.facts.signature));
  const changed = JSON.stringify({ purpose: 'comity-declared-facts-v1', facts: { ...v.inputs.facts, state: 'BRA' } });
  assert.ok(!verifyWithRawKey(v.inputs.signingPublicKey, canonicalize(JSON.parse(changed))!, v.payload.facts.signature));
});

test('consent-v1: both envelopes verify with the sender key of envelope-v1, open to their payloads, and the payloads fit the schemas', () => {
  const v = read('consent-v1.json');
  const base = read('envelope-v1.json');
  const recipient = privateKeyFromSeed('X25519', Buffer.from(base.inputs.recipientEncryptionSeed, 'hex'));
  for (const [part, schema] of [
    ['request', ConsentRequestPayload],
    ['answer', ConsentAnswerPayload],
  ] as const) {
    const env: Envelope = v[part].envelope;
    assert.equal(env.header.type, `consent.${part}`);
    assert.equal(env.header.conversationId, v[part].payload.conversationId, 'the payload’s conversation is the envelope’s');
    assert.ok(verifyWithRawKey(base.inputs.senderSigningPublicKey, canonicalize({ header: env.header, encrypted: env.encrypted }) as string, env.signature.value));
    const opened = JSON.parse(openSealedPayload(env.encrypted, envelopeAad(env.header), [recipient]).toString('utf8'));
    assert.deepEqual(opened, v[part].payload);
    assert.ok(schema.safeParse(opened).success);
  }
  assert.equal(v.request.payload.exchangeId, v.answer.payload.exchangeId);
});

test('cultural-v1: both cultural.record envelopes verify, open to their payloads (a JPEG thumbnail, hashes of 16 hex digits) and fit the schemas', () => {
  const v = read('cultural-v1.json');
  const base = read('envelope-v1.json');
  const recipient = privateKeyFromSeed('X25519', Buffer.from(base.inputs.recipientEncryptionSeed, 'hex'));
  for (const part of ['published', 'withdrawn'] as const) {
    const env: Envelope = v[part].envelope;
    assert.equal(env.header.type, 'cultural.record');
    assert.equal(env.header.conversationId, `cultural:${env.header.recipient}`);
    assert.equal(env.header.marking, 'CLEAR');
    assert.ok(verifyWithRawKey(base.inputs.senderSigningPublicKey, canonicalize({ header: env.header, encrypted: env.encrypted }) as string, env.signature.value));
    const opened = JSON.parse(openSealedPayload(env.encrypted, envelopeAad(env.header), [recipient]).toString('utf8'));
    assert.deepEqual(opened, v[part].payload);
    assert.equal(opened.state, part);
    assert.ok(CulturalRecordPayload.safeParse(opened).success);
    assert.ok(CulturalRecordResult.safeParse(v[part].result).success);
    assert.equal(v[part].result.version, opened.version);
  }
  const thumb = Buffer.from(v.published.payload.record.images[0].thumbnail, 'base64');
  assert.deepEqual([...thumb.subarray(0, 3)], [0xff, 0xd8, 0xff]);
  assert.equal(v.withdrawn.payload.record, null);
  assert.ok(v.withdrawn.payload.version > v.published.payload.version);
  assert.equal(v.stale.stored, false);
  // A changed byte of the sealed record fails the signature.
  const env: Envelope = v.published.envelope;
  const tampered = { ...env.encrypted, ciphertext: Buffer.from(Buffer.from(env.encrypted.ciphertext, 'base64url').map((b, i) => (i === 10 ? b ^ 1 : b))).toString('base64url') };
  assert.ok(!verifyWithRawKey(base.inputs.senderSigningPublicKey, canonicalize({ header: env.header, encrypted: tampered }) as string, env.signature.value));
});
