// Language-neutral test vectors for the federation protocol (interop/federation/*.json): fixed
// keys and nonces in, exact bytes out, so that another implementation can be checked against this
// one. Regenerate with: node --import tsx packages/server/src/federation/interop-vectors.ts --write
import { diffieHellman, hkdfSync, sign } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { JsonValue } from '@comity/core';
import {
  type EnvelopeHeader,
  HKDF_INFO,
  type NodeCard,
  type Receipt,
  buildEnvelope,
  cardSigningText,
  endorsementSigningText,
  envelopeAad,
  envelopeSigningText,
  payloadPlaintext,
  receiptSigningText,
  signReceipt,
} from '@comity/core/federation/index';
import { type DeclaredFacts, declaredFactsSigningText } from '@comity/core/knowledge/declared-facts';
import { ConsentAnswerPayload, ConsentRequestPayload } from '@comity/contract/consents';
import { CulturalRecordPayload, CulturalRecordResult } from '@comity/contract/cultural-property';
import { StatisticsSharePayload } from '@comity/contract/statistics-share';
import { EvidenceOfferPayload } from '@comity/contract/evidence-transfer';
import { RequestStatusPayload } from '@comity/contract/requests';
import { TRANSFER_CONTENT_ALG, chunkAad, chunkNonce, transferRequestClaims } from '@comity/core/evidence/transfer';
import { createHash } from 'node:crypto';
import { encryptChunk, signTransferRequest, transferRequestSigningText } from '../evidence/transfer/transfer-crypto.ts';
import { REPO_ROOT } from '../config.ts';
import { blindIdentifiers, encodeElement, hashToGroup, PSI_DST, PSI_SUITE, reblind, scalarFromBytes, scalarToHex } from '../hits/psi.ts';
import { HitsQueryPayload, MAX_HIT_ITEMS } from '@comity/contract/hits';
import { encodePerson } from '../hits/clk-pair.ts';
import { ed25519SignerFor, keyId, privateKeyFromSeed, publicKeyFromRaw, rawPublicKey, sha256HexOf, x25519Sealer } from './envelope-crypto.ts';

export const INTEROP_DIR = join(REPO_ROOT, 'interop', 'federation');

const seed = (byte: number) => Buffer.alloc(32, byte);
const SEEDS = {
  senderSigning: seed(0x11),
  senderPreviousSigning: seed(0x10),
  recipientSigning: seed(0x21),
  recipientEncryption: seed(0x22),
  ephemeral: seed(0x33),
};
const NONCE = Buffer.from('000102030405060708090a0b', 'hex');

function flip(b64url: string, bit: number): string {
  const b = Buffer.from(b64url, 'base64url');
  b[bit >> 3]! ^= 1 << (bit & 7);
  return b.toString('base64url');
}

export function buildInteropVectors(): Record<string, unknown> {
  const senderSigning = privateKeyFromSeed('Ed25519', SEEDS.senderSigning);
  const recipientSigning = privateKeyFromSeed('Ed25519', SEEDS.recipientSigning);
  const recipientEncryption = privateKeyFromSeed('X25519', SEEDS.recipientEncryption);
  const ephemeral = privateKeyFromSeed('X25519', SEEDS.ephemeral);
  const recipientEncryptionRaw = rawPublicKey(recipientEncryption);
  const ephemeralRaw = rawPublicKey(ephemeral);

  const header: EnvelopeHeader = {
    v: 1,
    messageId: '0195f2c8-3a00-7c4e-9a1b-2c3d4e5f6a7b',
    sender: 'node-6b0a1fd7a3e1c2f4b5d6',
    recipient: 'node-90c2e4a6b8d0f1e3a5c7',
    type: 'message.note',
    createdAt: '2026-03-01T10:00:00.000Z',
    inReplyTo: null,
    conversationId: 'REQ-2026-0042',
    marking: 'AMBER',
    sequence: 1,
  };
  // Non-ASCII text in three scripts and numbers whose JSON form RFC 8785 fixes.
  const payload: JsonValue = {
    text: 'Demande d’entraide — 司法协助请求 — طلب المساعدة القانونية',
    requestId: 'REQ-2026-0042',
    amounts: [1e21, 0.1, -0, 100, 1.5e-7],
    zeta: true,
    alpha: null,
  };
  const signer = ed25519SignerFor(senderSigning);
  const envelope = buildEnvelope({ sealer: x25519Sealer({ ephemeralPrivate: ephemeral, nonce: NONCE }), signer }, { header, payload, recipientEncryptionKey: recipientEncryptionRaw });
  const shared = diffieHellman({ privateKey: ephemeral, publicKey: publicKeyFromRaw('X25519', recipientEncryptionRaw) });
  const salt = Buffer.concat([Buffer.from(ephemeralRaw, 'base64url'), Buffer.from(recipientEncryptionRaw, 'base64url')]);
  const key = Buffer.from(hkdfSync('sha256', shared, salt, Buffer.from(HKDF_INFO), 32));
  const ct = Buffer.from(envelope.encrypted.ciphertext, 'base64url');

  const receipt: Receipt = {
    v: 1,
    type: 'receipt',
    messageId: header.messageId,
    conversationId: header.conversationId,
    sender: header.sender,
    recipient: header.recipient,
    receivedAt: '2026-03-01T10:00:01.250Z',
    payloadSha256: sha256HexOf(payloadPlaintext(payload)),
    outcome: 'accepted',
    result: {},
  };
  const signedReceipt = signReceipt(ed25519SignerFor(recipientSigning), receipt);

  const previousSigning = privateKeyFromSeed('Ed25519', SEEDS.senderPreviousSigning);
  const card: NodeCard = {
    v: 1,
    nodeId: header.sender,
    authority: { name: 'Ministère de la Justice — Bureau de l’entraide pénale internationale', state: 'FRA', kind: 'central-authority' },
    endpoint: 'https://comity.justice.example.fr',
    keys: {
      signing: { alg: 'Ed25519', publicKey: rawPublicKey(senderSigning) },
      encryption: { alg: 'X25519', publicKey: rawPublicKey(privateKeyFromSeed('X25519', seed(0x12))) },
    },
    accepts: { requestTypes: ['mla', 'extradition'], languages: ['fr', 'en'] },
    issuedAt: '2026-01-15T09:30:00.000Z',
    validFrom: '2026-01-15T09:30:00.000Z',
    validUntil: '2027-01-15T09:30:00.000Z',
  };
  const prevRaw = rawPublicKey(previousSigning);
  const cardSig = ed25519SignerFor(senderSigning).sign(cardSigningText(card));
  const endorsement = { signingKey: prevRaw, signature: ed25519SignerFor(previousSigning).sign(endorsementSigningText(card, prevRaw)) };

  const tampered = [
    { what: 'one bit of header.conversationId changed ("REQ" → "SEQ")', expect: 'bad_signature', envelope: { ...envelope, header: { ...header, conversationId: 'SEQ-2026-0042' } } },
    { what: 'bit 0 of the first ciphertext byte flipped', expect: 'bad_signature', envelope: { ...envelope, encrypted: { ...envelope.encrypted, ciphertext: flip(envelope.encrypted.ciphertext, 0) } } },
    { what: 'bit 0 of the last (tag) byte flipped', expect: 'bad_signature', envelope: { ...envelope, encrypted: { ...envelope.encrypted, ciphertext: flip(envelope.encrypted.ciphertext, ct.length * 8 - 8) } } },
    { what: 'bit 5 of the first signature byte flipped', expect: 'bad_signature', envelope: { ...envelope, signature: { ...envelope.signature, value: flip(envelope.signature.value, 5) } } },
    {
      what: 'signature value with a non-canonical last base64url character (same bytes)',
      expect: 'bad_signature',
      envelope: { ...envelope, signature: { ...envelope.signature, value: envelope.signature.value.slice(0, -1) + nonCanonicalLast(envelope.signature.value) } },
    },
  ];

  return {
    'receive-v1.json': buildReceiveVectors({ header, payload, signer, recipientEncryptionRaw, ephemeral, envelope }),
    'envelope-v1.json': {
      description:
        'One message.note envelope, protocol version 1. Fixed seeds and nonce; real senders draw a fresh ephemeral key and nonce for every envelope. ' +
        'Keys are raw 32-byte values in base64url (no padding); private keys are given as their 32-byte seeds in hex (RFC 8032 / RFC 7748).',
      inputs: {
        senderSigningSeed: SEEDS.senderSigning.toString('hex'),
        senderSigningPublicKey: rawPublicKey(senderSigning),
        recipientEncryptionSeed: SEEDS.recipientEncryption.toString('hex'),
        recipientEncryptionPublicKey: recipientEncryptionRaw,
        ephemeralSeed: SEEDS.ephemeral.toString('hex'),
        ephemeralPublicKey: ephemeralRaw,
        nonce: NONCE.toString('hex'),
        header,
        payload,
      },
      steps: {
        aad: envelopeAad(header),
        plaintext: payloadPlaintext(payload),
        sharedSecret: shared.toString('hex'),
        hkdfSalt: salt.toString('hex'),
        hkdfInfo: HKDF_INFO,
        payloadKey: key.toString('hex'),
        ciphertextHex: ct.subarray(0, ct.length - 16).toString('hex'),
        tagHex: ct.subarray(ct.length - 16).toString('hex'),
        recipientKeyId: keyId(recipientEncryptionRaw),
        senderKeyId: keyId(rawPublicKey(senderSigning)),
        signingText: envelopeSigningText(header, envelope.encrypted),
      },
      envelope,
    },
    'receipt-v1.json': {
      description: 'The receipt the recipient returns for envelope-v1, signed with the recipient’s Ed25519 key over receiptSigningText.',
      inputs: { recipientSigningSeed: SEEDS.recipientSigning.toString('hex'), recipientSigningPublicKey: rawPublicKey(recipientSigning), receipt },
      signingText: receiptSigningText(receipt),
      signedReceipt,
    },
    'node-card-v1.json': {
      description:
        'A node card signed by its own signing key, with the endorsement a key rotation adds: the previous signing key signs the rotation text. ' +
        'The fingerprint people read out is SHA-256 of the raw signing key, first 40 hex digits in groups of four.',
      inputs: { signingSeed: SEEDS.senderSigning.toString('hex'), previousSigningSeed: SEEDS.senderPreviousSigning.toString('hex'), card },
      cardSigningText: cardSigningText(card),
      endorsementSigningText: endorsementSigningText(card, prevRaw),
      signingFingerprint: sha256HexOf(Buffer.from(card.keys.signing.publicKey, 'base64url')).slice(0, 40).match(/.{4}/g)!.join(' '),
      signedCard: { card, signature: cardSig, endorsement },
    },
    'declared-facts-v1.json': declaredFactsVector(senderSigning, header.sender),
    'consent-v1.json': consentVectors({ header, signer, ephemeral, recipientEncryptionRaw }),
    'cultural-v1.json': culturalVectors({ header, signer, ephemeral, recipientEncryptionRaw }),
    'transfer-v1.json': transferVectors({ header, signer, ephemeral, recipientEncryptionRaw }),
    'hits-v1.json': hitsVectors({ header, signer, ephemeral, recipientEncryptionRaw }),
    'statistics-share-v1.json': statisticsShareVector({ header, signer, ephemeral, recipientEncryptionRaw }),
    'tampered-v1.json': {
      description: 'Variants of envelope-v1 that a receiver trusting the sender key of envelope-v1 must reject, with the reason code.',
      senderSigningPublicKey: rawPublicKey(senderSigning),
      cases: tampered,
    },
  };
}

/**
 * A consent exchange (release policy): the holder's `consent.request` for one use of a record it
 * received, and the originator's `consent.answer`, each sealed and signed like envelope-v1 (own
 * nonces), with their decrypted payloads checked against the contract schemas.
 */
/**
 * hits.* (section 8.3), suite curve25519-ell2-x25519-v1: fixed identifiers and scalars in, every
 * element of the exchange out, and the first query page sealed and signed as envelope-v1 is.
 */
function hitsVectors(base: { header: EnvelopeHeader; signer: ReturnType<typeof ed25519SignerFor>; ephemeral: ReturnType<typeof privateKeyFromSeed>; recipientEncryptionRaw: string }) {
  const a = scalarFromBytes(Buffer.alloc(32, 0x41));
  const b = scalarFromBytes(Buffer.alloc(32, 0x42));
  const mine = ['iban:DE89370400440532013000', 'imo:9074729', 'phone:+33612345678'];
  const theirs = ['imo:9074729', 'wallet:0x52908400098527886e0f7030069857d2e4169ee7'];
  const items = blindIdentifiers(mine, a);
  const doubled = reblind(items, b, 'items');
  const offered = blindIdentifiers(theirs, b);
  const queryId = '0195f2c8-4000-7000-8000-000000000013';
  const conversationId = `hits:${queryId}`;
  const payload = HitsQueryPayload.parse({ queryId, kind: 'identifiers', suite: PSI_SUITE, page: 0, pages: 1, total: mine.length, items }) as JsonValue;
  const header: EnvelopeHeader = { ...base.header, type: 'hits.query', messageId: '0195f2c8-3a00-7c4e-9a1b-000000000131', conversationId };
  const nonce = '2425262728292a2b2c2d2e2f';
  return {
    description:
      'hits.* (section 8.3), suite curve25519-ell2-x25519-v1. hash: RFC 9380 curve25519_XMD:SHA-512_ELL2_RO_ with the DST below, the u-coordinate 32 bytes little-endian; ' +
      'exponentiation: X25519 (RFC 7748) with the 32-byte scalar as the private key (clamped by X25519). A querier with scalar a and an answerer with b; ' +
      'offered[j]^a equals doubled[i] exactly for the shared identifier (imo:9074729: i = 1, j = 0). The query is sealed and signed with the keys of envelope-v1.',
    suite: PSI_SUITE,
    dst: PSI_DST,
    scalarA: scalarToHex(a),
    scalarB: scalarToHex(b),
    mine,
    theirs,
    hashes: mine.map((x) => encodeElement(hashToGroup(x))),
    items,
    doubled,
    offered,
    offeredRaisedToA: reblind(offered, a, 'offered'),
    match: { item: 1, offered: 0 },
    query: {
      nonce,
      header,
      payload,
      envelope: buildEnvelope(
        { sealer: x25519Sealer({ ephemeralPrivate: base.ephemeral, nonce: Buffer.from(nonce, 'hex') }), signer: base.signer },
        { header, payload, recipientEncryptionKey: base.recipientEncryptionRaw },
      ),
    },
    namesQuery: namesPageVector(base),
  };
}

/**
 * A names query in pages (section 8.3): the last page (1 of 2) of a query declaring MAX_HIT_ITEMS + 1
 * people, so it carries exactly one encoding; under a fixed pair secret (32 bytes of 0x53, standing
 * for the HKDF output), sealed and signed like envelope-v1 (own nonce and message id).
 */
function namesPageVector(base: { header: EnvelopeHeader; signer: ReturnType<typeof ed25519SignerFor>; ephemeral: ReturnType<typeof privateKeyFromSeed>; recipientEncryptionRaw: string }) {
  const secret = new Uint8Array(32).fill(0x53);
  const person = { name: 'Olga Smirnova', birthDate: '1985-07-12' };
  const queryId = '0195f2c8-4000-7000-8000-000000000014';
  const payload = HitsQueryPayload.parse({ queryId, kind: 'names', epoch: '2026-03', page: 1, pages: 2, total: MAX_HIT_ITEMS + 1, encodings: [encodePerson(person, secret)] }) as JsonValue;
  const header: EnvelopeHeader = { ...base.header, type: 'hits.query', messageId: '0195f2c8-3a00-7c4e-9a1b-000000000132', conversationId: `hits:${queryId}` };
  const nonce = '303132333435363738393a3b';
  return {
    description:
      `Page 1 of 2 of a names query declaring ${MAX_HIT_ITEMS + 1} people: pages are full (${MAX_HIT_ITEMS}) but the last, so this one carries total − ${MAX_HIT_ITEMS} = 1 encoding. ` +
      'The encoding is the CLK of the person below under the pair secret below (bits set between 40 and 800). Every page repeats epoch, pages and total.',
    pairSecret: Buffer.from(secret).toString('hex'),
    person,
    nonce,
    header,
    payload,
    envelope: buildEnvelope(
      { sealer: x25519Sealer({ ephemeralPrivate: base.ephemeral, nonce: Buffer.from(nonce, 'hex') }), signer: base.signer },
      { header, payload, recipientEncryptionKey: base.recipientEncryptionRaw },
    ),
  };
}

function consentVectors(base: { header: EnvelopeHeader; signer: ReturnType<typeof ed25519SignerFor>; ephemeral: ReturnType<typeof privateKeyFromSeed>; recipientEncryptionRaw: string }) {
  const conversationId = '0195f2c8-1000-7000-8000-000000000042';
  const exchangeId = '0195f2c8-2000-7000-8000-0000000000c1';
  const request = ConsentRequestPayload.parse({
    v: 1,
    exchangeId,
    conversationId,
    action: 'attach',
    proceedings: 'BKA 22/777',
    recipientNodeId: null,
    purpose: 'The account belongs to a suspect in our own fraud case.',
    askedBy: { organisation: 'Bundesamt für Justiz', state: 'DEU' },
    askedAt: '2026-03-02T09:00:00.000Z',
  });
  const answer = ConsentAnswerPayload.parse({
    v: 1,
    exchangeId,
    conversationId,
    answer: 'granted-with-conditions',
    conditions: 'Not to be disclosed to the bank.',
    answeredBy: { organisation: 'Parquet national financier' },
    answeredAt: '2026-03-03T15:30:00.000Z',
  });
  const seal = (type: EnvelopeHeader['type'], payload: JsonValue, nonce: string, messageId: string, sequence: number) => {
    const header: EnvelopeHeader = { ...base.header, type, messageId, conversationId, sequence };
    return {
      nonce,
      header,
      payload,
      envelope: buildEnvelope(
        { sealer: x25519Sealer({ ephemeralPrivate: base.ephemeral, nonce: Buffer.from(nonce, 'hex') }), signer: base.signer },
        { header, payload, recipientEncryptionKey: base.recipientEncryptionRaw },
      ),
    };
  };
  return {
    description:
      'consent.request and consent.answer (section 8): the same keys as envelope-v1, their own nonces and message ids. The request is the holder’s question about conversation ' +
      `${conversationId}; the answer carries the same exchangeId back. Payloads are valid against schemas/payload.consent.*.json.`,
    request: seal('consent.request', request as JsonValue, '0c0d0e0f1011121314151617', '0195f2c8-3a00-7c4e-9a1b-000000000101', 7),
    answer: seal('consent.answer', answer as JsonValue, '18191a1b1c1d1e1f20212223', '0195f2c8-3a00-7c4e-9a1b-000000000102', 8),
  };
}

/** The smallest baseline JPEG (1 × 1 pixel): a fixed thumbnail, so the vector does not depend on an image library. */
const TINY_JPEG =
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=';

/**
 * A public record of the stolen cultural property registry (section 8.4): the sender publishes
 * version 4 of a record, then withdraws it at version 5, each a `cultural.record` sealed and signed
 * like envelope-v1 (own nonces and message ids) in the conversation `cultural:<recipient>`, with
 * the results the receiver answers.
 */
function culturalVectors(base: { header: EnvelopeHeader; signer: ReturnType<typeof ed25519SignerFor>; ephemeral: ReturnType<typeof privateKeyFromSeed>; recipientEncryptionRaw: string }) {
  const conversationId = `cultural:${base.header.recipient}`;
  const recordId = '0195f2c8-4000-7000-8000-00000000c0a1';
  const published = CulturalRecordPayload.parse({
    v: 1,
    recordId,
    version: 4,
    state: 'published',
    record: {
      reference: 'HP-2026-7',
      title: 'Funerary mask of painted wood',
      objectType: 'mask',
      objectId: { materials: 'painted wood', distinguishingFeatures: 'crack across the left cheek' },
      theft: { kind: 'theft', country: 'GRC', place: 'Museum of Olympia', date: '2025-10-02' },
      reportingAuthority: 'Hellenic Police, Cultural Heritage Department',
      legalStatus: 'stolen',
      images: [{ id: '0195f2c8-4000-7000-8000-00000000c0b1', hashes: ['8f3c61d2a4b09e57', '0e71c3a95d24f68b', 'c4d2a96f1b3e8057'], thumbnail: TINY_JPEG }],
    },
  });
  const withdrawn = CulturalRecordPayload.parse({ v: 1, recordId, version: 5, state: 'withdrawn', record: null });
  const seal = (payload: JsonValue, nonce: string, messageId: string, sequence: number) => {
    const header: EnvelopeHeader = { ...base.header, type: 'cultural.record', messageId, conversationId, marking: 'CLEAR', sequence };
    return {
      nonce,
      header,
      payload,
      envelope: buildEnvelope(
        { sealer: x25519Sealer({ ephemeralPrivate: base.ephemeral, nonce: Buffer.from(nonce, 'hex') }), signer: base.signer },
        { header, payload, recipientEncryptionKey: base.recipientEncryptionRaw },
      ),
    };
  };
  return {
    description:
      'cultural.record (section 8.4): the same keys as envelope-v1, their own nonces and message ids, in the conversation cultural:<recipient> with marking CLEAR. ' +
      'The sender publishes version 4 of a public record (one photo: its perceptual hashes and a JPEG thumbnail), then withdraws it at version 5; `result` is what the ' +
      'receiver answers to each (stored: true), and `stale` what it answers when version 4 is published again after it stored it. Payloads are valid against schemas/payload.cultural.record.json.',
    published: { ...seal(published as JsonValue, '2425262728292a2b2c2d2e2f', '0195f2c8-3a00-7c4e-9a1b-000000000201', 1), result: CulturalRecordResult.parse({ recordId, version: 4, stored: true }) },
    withdrawn: { ...seal(withdrawn as JsonValue, '303132333435363738393a3b', '0195f2c8-3a00-7c4e-9a1b-000000000202', 2), result: CulturalRecordResult.parse({ recordId, version: 5, stored: true }) },
    stale: CulturalRecordResult.parse({ recordId, version: 4, stored: false }),
  };
}

/**
 * Aggregated statistics shared with a peer (section 8.5): one `statistics.share` sealed and signed
 * like envelope-v1 with its own nonce, its header marked as the share is, and the payload it opens to.
 */
function statisticsShareVector(base: { header: EnvelopeHeader; signer: ReturnType<typeof ed25519SignerFor>; ephemeral: ReturnType<typeof privateKeyFromSeed>; recipientEncryptionRaw: string }) {
  const payload = StatisticsSharePayload.parse({
    v: 1,
    shareId: '0195f2c8-4000-7000-8000-0000000000d1',
    dataflow: 'COMITY:DF_ICCS_REGISTRY(1.0)',
    period: 'quarter',
    from: '2026-01',
    to: '2026-06',
    sources: ['seizure', 'incident'],
    marking: { tlp: 'GREEN', handling: 'H0' },
    sharedBy: { organisation: 'Kenya Revenue Authority', state: 'KEN' },
    sharedAt: '2026-07-01T08:00:00.000Z',
    note: 'Second quarter revised after the Mombasa audit.',
    rows: [
      { period: '2026-Q1', country: 'KEN', source: 'seizure', iccsCode: '1003', count: 4 },
      { period: '2026-Q2', country: 'KEN', source: 'seizure', iccsCode: '0903', count: 2 },
      { period: '2026-Q2', country: '_X', source: 'incident', iccsCode: '0401', count: 1 },
    ],
  });
  const nonce = '2425262728292a2b2c2d2e2f';
  const header: EnvelopeHeader = {
    ...base.header,
    type: 'statistics.share',
    messageId: '0195f2c8-3a00-7c4e-9a1b-000000000201',
    conversationId: `statistics:${base.header.recipient}`,
    sequence: 9,
    marking: 'GREEN',
  };
  return {
    description:
      'statistics.share (section 8.5): aggregated counts — never records — shared under a marking; the same keys as envelope-v1, its own nonce and message id. ' +
      'The header carries the marking of the share (marking.tlp) and the conversation statistics:<recipient node id>. The payload is valid against schemas/payload.statistics.share.json.',
    nonce,
    header,
    payload,
    envelope: buildEnvelope(
      { sealer: x25519Sealer({ ephemeralPrivate: base.ephemeral, nonce: Buffer.from(nonce, 'hex') }), signer: base.signer },
      { header, payload: payload as JsonValue, recipientEncryptionKey: base.recipientEncryptionRaw },
    ),
  };
}

/**
 * An evidence transfer (section 8.2): the `evidence.offer` envelope, sealed and signed like
 * envelope-v1 with its own nonce, and its two chunks — item bytes made by a rule (byte i is
 * i mod 251), a fixed content key — with each chunk's nonce, AAD, ciphertext digest and tag, and
 * the signed PUT request that carries it.
 */
function transferVectors(base: { header: EnvelopeHeader; signer: ReturnType<typeof ed25519SignerFor>; ephemeral: ReturnType<typeof privateKeyFromSeed>; recipientEncryptionRaw: string }) {
  const conversationId = '0195f2c8-1000-7000-8000-000000000042';
  const transferId = '0195f2c8-4000-7000-8000-0000000000e1';
  const chunkSize = 65_536;
  const size = chunkSize + 10;
  const item = Buffer.alloc(size);
  for (let i = 0; i < size; i++) item[i] = i % 251;
  const key = Buffer.alloc(32, 0x44);
  const chunks = [item.subarray(0, chunkSize), item.subarray(chunkSize)];
  const offer = EvidenceOfferPayload.parse({
    v: 1,
    transferId,
    conversationId,
    sentWith: 'execute',
    item: {
      id: '0195f2c8-5000-7000-8000-0000000000f1',
      title: 'Kontoauszüge 2023 — Auszug',
      description: null,
      mediaType: 'application/octet-stream',
      source: 'uploaded',
      size,
      sha256: createHash('sha256').update(item).digest('hex'),
      sha512: createHash('sha512').update(item).digest('hex'),
      timestamps: [],
      custody: [{ kind: 'acquired', at: '2026-03-01T10:00:00.000Z' }],
    },
    limitations: { tlp: 'AMBER', handling: 'H1', handlingNotes: [], speciality: ['Parquet de Paris 26/0042'], confidential: true, permittedUses: ['investigation', 'prosecution', 'trial'], reviewOn: null, notes: [] },
    content: { alg: TRANSFER_CONTENT_ALG, key: key.toString('base64url'), chunkSize, chunkCount: 2, chunkSha256: chunks.map((c) => createHash('sha256').update(c).digest('hex')) },
  });
  const nonce = '2425262728292a2b2c2d2e2f';
  const header: EnvelopeHeader = { ...base.header, type: 'evidence.offer', messageId: '0195f2c8-3a00-7c4e-9a1b-000000000201', conversationId, sequence: 9 };
  const envelope = buildEnvelope(
    { sealer: x25519Sealer({ ephemeralPrivate: base.ephemeral, nonce: Buffer.from(nonce, 'hex') }), signer: base.signer },
    { header, payload: offer as JsonValue, recipientEncryptionKey: base.recipientEncryptionRaw },
  );
  const createdAt = '2026-03-01T10:00:05.000Z';
  // The answer the item was returned with: queued after the offer in the same conversation, it
  // names the item (no attachment descriptor, no attachment.chunk).
  const answerPayload = RequestStatusPayload.parse({
    v: 1,
    conversationId,
    action: 'execute',
    side: 'requested',
    reference: 'IN-2026-00042',
    fromState: 'under-execution',
    toState: 'executed',
    at: '2026-03-01T10:05:00.000Z',
    actorOrganisation: 'Bundesamt für Justiz',
    reason: 'Bank records obtained.',
    evidence: [{ transferId, itemId: offer.item.id, sha256: offer.item.sha256, title: offer.item.title }],
  });
  const answerNonce = '3435363738393a3b3c3d3e3f';
  const answerHeader: EnvelopeHeader = { ...base.header, type: 'request.status', messageId: '0195f2c8-3a00-7c4e-9a1b-000000000202', conversationId, sequence: 10 };
  const answerEnvelope = buildEnvelope(
    { sealer: x25519Sealer({ ephemeralPrivate: base.ephemeral, nonce: Buffer.from(answerNonce, 'hex') }), signer: base.signer },
    { header: answerHeader, payload: answerPayload as JsonValue, recipientEncryptionKey: base.recipientEncryptionRaw },
  );
  return {
    description:
      'An evidence.offer (section 8.2) sealed and signed like envelope-v1 (own nonce), then its chunks: the item is `size` bytes where byte i is i mod 251, the content key is 32 bytes of 0x44. ' +
      'Each chunk: AES-256-GCM(key, nonce, plaintext chunk, aad) = ciphertext || tag; the body of the PUT is that, its SHA-256 and the tag are given. ' +
      'The PUT request is signed (Ed25519, the sender key of envelope-v1) over JCS of the claims. ' +
      '`answer`: the request.status the item was returned with (section 8), next in the conversation (sequence 10 after 9), naming the item in `evidence` by transferId, the sender’s itemId and sha256.',
    itemRule: 'byte i = i mod 251',
    nonce,
    header,
    payload: offer,
    envelope,
    answer: { nonce: answerNonce, header: answerHeader, payload: answerPayload, envelope: answerEnvelope },
    chunks: chunks.map((plain, index) => {
      const place = { transferId, index, chunkCount: 2 };
      const body = encryptChunk(key, place, plain);
      const claims = transferRequestClaims({ method: 'PUT', sender: header.sender, recipient: header.recipient, transferId, index, createdAt });
      return {
        index,
        plaintextSha256: createHash('sha256').update(plain).digest('hex'),
        nonceHex: Buffer.from(chunkNonce(index)).toString('hex'),
        aad: chunkAad(transferId, index, 2),
        bodySha256: createHash('sha256').update(body).digest('hex'),
        bodyLength: body.length,
        tagHex: body.subarray(body.length - 16).toString('hex'),
        request: {
          path: `/federation/v1/transfers/${transferId}/chunks/${index}`,
          claims,
          signingText: transferRequestSigningText(claims),
          headers: { 'comity-sender': header.sender, 'comity-created-at': createdAt, 'comity-signature': signTransferRequest(base.signer, claims) },
        },
      };
    }),
  };
}

/**
 * Envelopes a receiver must take through every check in order (parse, recipient, sender, signature,
 * freshness, type, decryption) with the reason it must stop at, or "accepted". Unlike
 * tampered-v1, each is validly signed by the sender, so only the later checks can catch it.
 */
function buildReceiveVectors(base: {
  header: EnvelopeHeader;
  payload: JsonValue;
  signer: ReturnType<typeof ed25519SignerFor>;
  recipientEncryptionRaw: string;
  ephemeral: ReturnType<typeof privateKeyFromSeed>;
  envelope: ReturnType<typeof buildEnvelope>;
}): Record<string, unknown> {
  const { header, signer, recipientEncryptionRaw, ephemeral, envelope } = base;
  const sealer = x25519Sealer({ ephemeralPrivate: ephemeral, nonce: NONCE });
  const resign = (h: EnvelopeHeader, encrypted: typeof envelope.encrypted) => ({
    header: h,
    encrypted,
    signature: { alg: 'Ed25519' as const, keyId: signer.keyId, value: signer.sign(envelopeSigningText(h, encrypted)) },
  });
  const sealFor = (h: EnvelopeHeader, payload: JsonValue) => buildEnvelope({ sealer, signer }, { header: h, payload, recipientEncryptionKey: recipientEncryptionRaw });
  const created = Date.parse(header.createdAt);
  const at = (ms: number) => new Date(ms).toISOString();
  const window = 300_000;
  const edgePayload: JsonValue = {
    '\u{1F600}': 'key outside the BMP (UTF-16 D83D DE00) sorts before U+FB01',
    '\uFB01': 'ligature',
    control: '\u0000\u0001\b\t\n\u000b\f\r\u001f\u007f\u2028"\\/',
    numbers: [-0, 1e21, 1e-7, 5e-324, 1.7976931348623157e308, 2 ** 53, 0.000001, 123456789012345680000],
    text: 'Demande d’entraide — \u{1D11E} — 司法协助请求',
  };
  const edgeHeader: EnvelopeHeader = { ...header, messageId: '0195f2c8-3a00-7c4e-9a1b-2c3d4e5f6a7c' };
  const otherHeader: EnvelopeHeader = { ...header, messageId: '0195f2c8-3a00-7c4e-9a1b-2c3d4e5f6a7d' };
  const lowOrderPoints = [
    { name: 'u = 0', raw: Buffer.alloc(32) },
    { name: 'u = 1', raw: Buffer.concat([Buffer.from([1]), Buffer.alloc(31)]) },
    { name: 'a point of order 8', raw: Buffer.from('e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800', 'hex') },
  ];
  const cases: { what: string; expect: string; receiverNow: string; envelope: unknown; plaintext?: string }[] = [
    { what: 'the envelope of envelope-v1, received when it was sealed', expect: 'accepted', receiverNow: header.createdAt, envelope, plaintext: payloadPlaintext(base.payload) },
    {
      what: 'a payload with a key outside the BMP, control characters, -0 and large and small numbers (RFC 8785 edge cases)',
      expect: 'accepted',
      receiverNow: header.createdAt,
      envelope: sealFor(edgeHeader, edgePayload),
      plaintext: payloadPlaintext(edgePayload),
    },
    { what: 'received exactly 5 minutes after createdAt (the edge of the window)', expect: 'accepted', receiverNow: at(created + window), envelope, plaintext: payloadPlaintext(base.payload) },
    { what: 'received 5 minutes and 1 ms after createdAt', expect: 'message_stale', receiverNow: at(created + window + 1), envelope },
    { what: 'createdAt 5 minutes and 1 ms in the receiver’s future', expect: 'message_stale', receiverNow: at(created - window - 1), envelope },
    {
      what: 'validly signed, addressed to another node',
      expect: 'wrong_recipient',
      receiverNow: header.createdAt,
      envelope: sealFor({ ...header, recipient: 'node-0000000000000000dead' }, base.payload),
    },
    {
      what: 'validly signed, a type no receiver handles',
      expect: 'unsupported_type',
      receiverNow: header.createdAt,
      envelope: sealFor({ ...header, type: 'x.unknown-type' as EnvelopeHeader['type'] }, base.payload),
    },
    {
      what: 'validly signed over a ciphertext whose first byte was changed before signing',
      expect: 'decryption_failed',
      receiverNow: header.createdAt,
      envelope: resign(header, { ...envelope.encrypted, ciphertext: flip(envelope.encrypted.ciphertext, 0) }),
    },
    {
      what: 'AAD mismatch: the payload was sealed with envelope-v1’s header as AAD, the signed header has another messageId',
      expect: 'decryption_failed',
      receiverNow: header.createdAt,
      envelope: resign(otherHeader, envelope.encrypted),
    },
    {
      what: 'validly signed, sealed to an encryption key id the receiver does not hold',
      expect: 'decryption_failed',
      receiverNow: header.createdAt,
      envelope: resign(header, { ...envelope.encrypted, recipientKey: keyId(Buffer.alloc(32, 0x99).toString('base64url')) }),
    },
    ...lowOrderPoints.map((p) => ({
      what: `validly signed, ephemeral key is a low-order X25519 point (${p.name}): the shared secret would be all zeros`,
      expect: 'decryption_failed',
      receiverNow: header.createdAt,
      envelope: resign(header, { ...envelope.encrypted, epk: p.raw.toString('base64url') }),
    })),
    {
      what: 'a header key the schema does not have',
      expect: 'envelope_malformed',
      receiverNow: header.createdAt,
      envelope: resign({ ...header, priority: 'high' } as EnvelopeHeader, envelope.encrypted),
    },
    {
      what: 'createdAt without milliseconds',
      expect: 'envelope_malformed',
      receiverNow: header.createdAt,
      envelope: resign({ ...header, createdAt: '2026-03-01T10:00:00Z' }, envelope.encrypted),
    },
    {
      what: 'messageId in upper case',
      expect: 'envelope_malformed',
      receiverNow: header.createdAt,
      envelope: resign({ ...header, messageId: header.messageId.toUpperCase() }, envelope.encrypted),
    },
  ];
  return {
    description:
      'Envelopes validly signed by the sender of envelope-v1 (unless the case says otherwise), addressed to its recipient, who holds recipientEncryptionSeed of envelope-v1 and trusts senderSigningPublicKey. ' +
      'A receiver whose clock reads receiverNow, with a freshness window of windowMs, must stop at `expect` (a rejection code) or accept the envelope and decrypt `plaintext`.',
    senderSigningPublicKey: rawPublicKey(privateKeyFromSeed('Ed25519', SEEDS.senderSigning)),
    recipientNodeId: header.recipient,
    windowMs: window,
    cases,
  };
}

/** The payload of a `knowledge.facts` message: facts a node declares about its own State, signed. */
function declaredFactsVector(signing: ReturnType<typeof privateKeyFromSeed>, nodeId: string): Record<string, unknown> {
  const facts: DeclaredFacts = {
    v: 1,
    nodeId,
    state: 'FRA',
    authority: 'Ministère de la Justice',
    version: 3,
    signedAt: '2026-03-01T09:30:00.000Z',
    treaties: [
      {
        id: 'FRA-BRA-MLA-1996',
        title: 'Accord d’entraide judiciaire en matière pénale (example)',
        kind: 'bilateral',
        parties: ['FRA', 'BRA'],
        signed: '1996-05-28',
        entryIntoForce: '2000-09-01',
        offences: ['*any-offence'],
        cooperation: { mla: { articles: ['1'] } },
        articles: [{ number: '1', heading: 'Obligation d’accorder l’entraide' }],
      },
    ],
    centralAuthorities: [{ instrument: 'UNTOC', name: 'Bureau de l’entraide pénale internationale', address: '13 place Vendôme, 75001 Paris', channels: ['central-authority'], languages: ['fr'] }],
    languages: ['fr', 'en'],
    channels: ['central-authority', 'diplomatic'],
    declarations: [{ instrument: 'UNTOC', article: '16(5)', effect: 'treaty-basis-for-extradition', text: 'Example text.' }],
    participations: [{ instrument: 'UNTOC', consentKind: 'ratification', consent: '2002-10-29', entryIntoForce: '2003-09-29' }],
  };
  const signingText = declaredFactsSigningText(facts);
  return {
    description:
      'The payload of a knowledge.facts message: {facts: {facts, signature}}. The signature is Ed25519 by the declaring node’s signing key over ' +
      'JCS({"purpose": "comity-declared-facts-v1", "facts": facts}); facts.nodeId is the envelope sender and facts.state the State on its card.',
    inputs: { signingSeed: SEEDS.senderSigning.toString('hex'), signingPublicKey: rawPublicKey(signing), facts },
    signingText,
    payload: { facts: { facts, signature: sign(null, Buffer.from(signingText, 'utf8'), signing).toString('base64url') } },
  };
}

/** Another base64url character that decodes to the same bytes (only the unused low bits differ). */
function nonCanonicalLast(b64url: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const i = alphabet.indexOf(b64url.at(-1)!);
  return alphabet[i ^ 1]!;
}

export function serialise(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv.includes('--write')) {
  mkdirSync(INTEROP_DIR, { recursive: true });
  for (const [name, value] of Object.entries(buildInteropVectors())) writeFileSync(join(INTEROP_DIR, name), serialise(value));
  process.stdout.write(`wrote ${INTEROP_DIR}\n`);
}
