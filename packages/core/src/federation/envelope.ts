// The federation envelope: a clear header, a payload sealed to the recipient node, and the sender's
// Ed25519 signature over the RFC 8785 canonical bytes of header and sealed payload. The header is
// also the AEAD associated data, so it cannot be moved onto another ciphertext even by a peer.
import { canonicalJson, type JsonValue } from '../shared/canonical-json.ts';
import type { Signer } from '../shared/ports.ts';

export const ENVELOPE_VERSION = 1 as const;

/** What travels between nodes. `receipt` is the signed answer to every accepted envelope. */
export const MESSAGE_TYPES = [
  'request.transmit',
  'request.status',
  'request.more-info',
  'request.more-info-answer',
  'message.note',
  'attachment.chunk',
  'node.card',
  'knowledge.facts',
  'consent.request',
  'consent.answer',
  'evidence.offer',
  'hits.query',
  'hits.answer',
  'hits.matched',
  'hits.disclosure',
  'hits.expired',
  'cultural.record',
  'statistics.share',
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** TLP 2.0 markings, as the requests capability records them. */
export const MARKINGS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type Marking = (typeof MARKINGS)[number];

export const PAYLOAD_ALGORITHM = 'X25519-HKDF-SHA256-A256GCM' as const;
export const SIGNATURE_ALGORITHM = 'Ed25519' as const;
/** HKDF `info` for the payload key; salt is the ephemeral public key followed by the recipient's. */
export const HKDF_INFO = 'comity envelope v1 aes-256-gcm';

export interface EnvelopeHeader {
  v: typeof ENVELOPE_VERSION;
  /** UUIDv7; the receiver processes each id once. */
  messageId: string;
  /** Node ids. */
  sender: string;
  recipient: string;
  type: MessageType;
  /** When this envelope was sealed (ISO 8601, UTC, milliseconds); the receiver's freshness check. */
  createdAt: string;
  inReplyTo: string | null;
  /** Messages of one conversation (a request and everything about it) are processed in order. */
  conversationId: string;
  marking: Marking;
  /**
   * Position of the message in its conversation to this recipient, from 1, fixed when the sender
   * queued it (a retry keeps it). Optional in version 1: senders before it did not send one.
   */
  sequence?: number;
}

export interface SealedPayload {
  alg: typeof PAYLOAD_ALGORITHM;
  /** Key id of the recipient's X25519 key the payload was sealed to (see `encryptionKeyId`). */
  recipientKey: string;
  /** Ephemeral X25519 public key, raw 32 bytes, base64url. */
  epk: string;
  /** AES-GCM nonce, 12 bytes, base64url. */
  nonce: string;
  /** AES-256-GCM ciphertext followed by its 16-byte tag, base64url. */
  ciphertext: string;
}

export interface EnvelopeSignature {
  alg: typeof SIGNATURE_ALGORITHM;
  /** Key id of the sender's Ed25519 key (see `signingKeyId`). */
  keyId: string;
  /** base64url. */
  value: string;
}

export interface Envelope {
  header: EnvelopeHeader;
  encrypted: SealedPayload;
  signature: EnvelopeSignature;
}

/** The AEAD associated data: the header's canonical JSON. */
export function envelopeAad(header: EnvelopeHeader): string {
  return canonicalJson(header as unknown as JsonValue);
}

/** The bytes the sender signs: canonical JSON of header and sealed payload together. */
export function envelopeSigningText(header: EnvelopeHeader, encrypted: SealedPayload): string {
  return canonicalJson({ header, encrypted } as unknown as JsonValue);
}

/** The payload's plaintext: its canonical JSON, so both sides hash the same bytes. */
export function payloadPlaintext(payload: JsonValue): string {
  return canonicalJson(payload);
}

/** Seals plaintext to a recipient's X25519 public key (raw, base64url) with the header as AAD. */
export interface PayloadSealer {
  seal(plaintext: string, aad: string, recipientEncryptionKey: string): SealedPayload;
}

export function buildEnvelope(
  ports: { sealer: PayloadSealer; signer: Signer },
  input: { header: EnvelopeHeader; payload: JsonValue; recipientEncryptionKey: string },
): Envelope {
  const encrypted = ports.sealer.seal(payloadPlaintext(input.payload), envelopeAad(input.header), input.recipientEncryptionKey);
  return {
    header: input.header,
    encrypted,
    signature: { alg: SIGNATURE_ALGORITHM, keyId: ports.signer.keyId, value: ports.signer.sign(envelopeSigningText(input.header, encrypted)) },
  };
}

// ---- receipts -------------------------------------------------------------------------------

export interface Receipt {
  v: typeof ENVELOPE_VERSION;
  type: 'receipt';
  messageId: string;
  conversationId: string;
  /** The node that sent the message this receipt answers. */
  sender: string;
  /** The node that received it and signs the receipt. */
  recipient: string;
  receivedAt: string;
  /** SHA-256 (hex) of the decrypted payload bytes, so the sender can prove what was received. */
  payloadSha256: string;
  outcome: 'accepted';
  /** What the receiving use case reports back (for example the local id of a created request). */
  result: { [key: string]: JsonValue };
}

export interface SignedReceipt {
  receipt: Receipt;
  signature: EnvelopeSignature;
}

export function receiptSigningText(receipt: Receipt): string {
  return canonicalJson({ purpose: 'comity-receipt-v1', receipt } as unknown as JsonValue);
}

export function signReceipt(signer: Signer, receipt: Receipt): SignedReceipt {
  return { receipt, signature: { alg: SIGNATURE_ALGORITHM, keyId: signer.keyId, value: signer.sign(receiptSigningText(receipt)) } };
}
