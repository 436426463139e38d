// Federation: the versioned envelope, receipt and node card that travel between nodes, and the
// HTTP API an administrator and practitioners use (peers, directory, messages).
import { MARKINGS, PEER_STATUSES } from '@comity/core/federation/index';
import { z } from 'zod';
import { isWellFormedText } from '@comity/core';
import { Alpha3, IsoDateTime, JsonValue } from './common.ts';

/**
 * Canonical base64url: the unpadded alphabet, a length that some byte count produces, and the
 * unused low bits of the last character zero — so one byte string has exactly one spelling.
 */
export function isCanonicalBase64Url(s: string): boolean {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return false;
  const rest = s.length % 4;
  if (rest === 0) return true;
  const last = B64URL.indexOf(s[s.length - 1]!);
  // 2 characters carry 1 byte (4 bits left over), 3 carry 2 bytes (2 bits left over).
  return (last & (rest === 2 ? 0b1111 : 0b11)) === 0;
}
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const CANONICAL = 'canonical base64url (no padding, unused bits zero)';
const Base64Url = z.string().refine(isCanonicalBase64Url, CANONICAL);
const RawKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'a raw 32-byte key in base64url')
  .refine(isCanonicalBase64Url, CANONICAL);
const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 in lowercase hex');
export const NodeId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{2,127}$/, 'a node id such as node-3f2a…');
export const MessageId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a UUIDv7 in lowercase');
const UtcDateTime = z.iso.datetime({ offset: false, precision: 3 });
export const Marking = z.enum(MARKINGS);

// ---- envelope (protocol version 1) ---------------------------------------------------------------

export const EnvelopeHeader = z
  .strictObject({
    v: z.literal(1),
    messageId: MessageId,
    sender: NodeId,
    recipient: NodeId,
    // Any well-formed name parses; whether this node handles it is decided after the signature.
    type: z.string().regex(/^[a-z][a-z0-9.-]{1,63}$/),
    createdAt: UtcDateTime,
    inReplyTo: MessageId.nullable(),
    conversationId: z.string().min(1).max(200).refine(isWellFormedText, 'well-formed Unicode without NUL'),
    marking: Marking,
    // Position of the message in its conversation to this recipient (1, 2, …), given when the
    // sender queued it; lets the receiver see a gap or a reordering. Optional: older senders omit it.
    sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .meta({ id: 'EnvelopeHeader' });

export const SealedPayload = z
  .strictObject({
    alg: z.literal('X25519-HKDF-SHA256-A256GCM'),
    recipientKey: z.string().regex(/^[0-9a-f]{32}$/),
    epk: RawKey,
    nonce: z.string().regex(/^[A-Za-z0-9_-]{16}$/, '12 bytes in base64url').refine(isCanonicalBase64Url, CANONICAL),
    ciphertext: Base64Url.min(22),
  })
  .meta({ id: 'SealedPayload' });

export const EnvelopeSignature = z
  .strictObject({
    alg: z.literal('Ed25519'),
    keyId: z.string().regex(/^[0-9a-f]{32}$/),
    // The canonical spelling of the last character is checked with the signature (bad_signature).
    value: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'an Ed25519 signature: 64 bytes in unpadded base64url'),
  })
  .meta({ id: 'EnvelopeSignature' });

export const Envelope = z
  .strictObject({ header: EnvelopeHeader, encrypted: SealedPayload, signature: EnvelopeSignature })
  .meta({ id: 'Envelope', description: 'A signed, end-to-end encrypted federation message (protocol version 1).' });
export type Envelope = z.infer<typeof Envelope>;

export const Receipt = z
  .strictObject({
    v: z.literal(1),
    type: z.literal('receipt'),
    messageId: MessageId,
    conversationId: z.string(),
    sender: NodeId,
    recipient: NodeId,
    receivedAt: UtcDateTime,
    payloadSha256: Sha256Hex,
    outcome: z.literal('accepted'),
    result: z.record(z.string(), JsonValue),
  })
  .meta({ id: 'Receipt' });

export const SignedReceipt = z.strictObject({ receipt: Receipt, signature: EnvelopeSignature }).meta({ id: 'SignedReceipt' });
export type SignedReceipt = z.infer<typeof SignedReceipt>;

/** The receiver's answer about the sender's audit checkpoint (sent in the Comity-Audit-Checkpoint header). */
export const WitnessAnswer = z
  .object({
    status: z.enum(['cosigned', 'inconsistent', 'unverified']),
    size: z.number().int().optional(),
    root: z.string().optional(),
    /** tlog-cosignature line by the receiver over the sender's checkpoint (status cosigned). */
    cosignature: z.string().optional(),
    /** The receiver's last witnessed checkpoint of the sender, as a signed note (status inconsistent). */
    witnessed: z.string().optional(),
    reason: z.string().optional(),
  })
  .meta({ id: 'WitnessAnswer' });

/**
 * The receiver's proof that it logged the message: its audit entry for it (canonical text and the
 * change the entry's digest covers), and the RFC 9162 inclusion path of that entry against a
 * checkpoint the receiver signed (interop/federation/README.md, "Receipts with audit proofs").
 */
export const ReceiptAuditProof = z
  .strictObject({
    seq: z.number().int().min(1),
    entryText: z.string().max(64 * 1024),
    change: z.record(z.string(), JsonValue),
    leafIndex: z.number().int().min(0),
    treeSize: z.number().int().min(1),
    path: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(64),
    checkpoint: z.string().max(16 * 1024),
  })
  .meta({ id: 'ReceiptAuditProof' });

export const InboxAccepted = z
  .object({
    receipt: SignedReceipt,
    duplicate: z.boolean().describe('true when this message id was processed before: the original receipt, nothing done again'),
    /** Present when the envelope came with the sender's audit checkpoint (audit log witnessing). */
    witness: WitnessAnswer.optional(),
    /** The receiver's inclusion proof of its audit entry for this message (absent for file chunks, or when it could not be given). */
    auditProof: ReceiptAuditProof.optional(),
  })
  .meta({ id: 'InboxAccepted' });

// ---- payloads of the message types this node handles itself --------------------------------------

export const NotePayload = z.strictObject({
  text: z.string().min(1).max(4 * 1024 * 1024),
  /** The request the note is about, in the sender's numbering, when there is one. */
  requestId: z.string().max(200).optional(),
  authorName: z.string().max(200).optional(),
  organisationName: z.string().max(200).optional(),
});

export const AttachmentDescriptor = z.strictObject({
  sha256: Sha256Hex,
  size: z.number().int().min(0),
  name: z.string().max(500),
  mediaType: z.string().max(200),
  chunkSize: z.number().int().min(1),
  chunkCount: z.number().int().min(0),
});
export const AttachmentChunkPayload = z.strictObject({
  attachment: AttachmentDescriptor,
  index: z.number().int().min(0),
  chunkSha256: Sha256Hex,
  /** The chunk's bytes, base64. */
  data: z.string(),
});

// ---- what each type's use case reports in the receipt's `result` ----------------------------------
// The handlers return these shapes (checked by `satisfies`), and interop/federation/schemas/ is
// generated from them, so the document cannot drift from what a receipt carries.

export const NoteResult = z.strictObject({}).meta({ description: 'message.note: nothing to report' });
export const AttachmentChunkResult = z
  .strictObject({ attachment: Sha256Hex.describe('SHA-256 of the whole file'), chunk: z.number().int().min(0).describe('the index of the chunk stored') })
  .meta({ description: 'attachment.chunk: which chunk of which file was stored' });
export const NodeCardResult = z
  .strictObject({ card: z.enum(['refresh', 'rotation']).describe('refresh: same signing key; rotation: a new key endorsed by the one on record') })
  .meta({ description: 'node.card: how the card was taken' });
export type NoteResult = z.infer<typeof NoteResult>;
export type AttachmentChunkResult = z.infer<typeof AttachmentChunkResult>;
export type NodeCardResult = z.infer<typeof NodeCardResult>;

// ---- node card ---------------------------------------------------------------------------------

export const NodeCard = z
  .strictObject({
    v: z.literal(1),
    nodeId: NodeId,
    authority: z.strictObject({ name: z.string().min(1).max(300), state: z.string().regex(/^[A-Z]{3}$/), kind: z.string().min(1).max(60) }),
    endpoint: z.url({ protocol: /^https?$/ }).max(500),
    keys: z.strictObject({
      signing: z.strictObject({ alg: z.literal('Ed25519'), publicKey: RawKey }),
      encryption: z.strictObject({ alg: z.literal('X25519'), publicKey: RawKey }),
    }),
    accepts: z.strictObject({ requestTypes: z.array(z.string().max(60)).max(50), languages: z.array(z.string().max(20)).max(50) }),
    issuedAt: z.iso.datetime(),
    validFrom: z.iso.datetime(),
    validUntil: z.iso.datetime(),
  })
  .meta({ id: 'NodeCard' });

export const SignedNodeCard = z
  .strictObject({
    card: NodeCard,
    signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
    endorsement: z.strictObject({ signingKey: RawKey, signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/) }).optional(),
  })
  .meta({ id: 'SignedNodeCard', description: 'A node card signed by the node; a rotated card is endorsed by the previous signing key.' });
export type SignedNodeCard = z.infer<typeof SignedNodeCard>;

export const NodeCardPayload = z.strictObject({ card: SignedNodeCard });

// ---- peers API -----------------------------------------------------------------------------------

export const PeerStatus = z.enum(PEER_STATUSES);

export const Peer = z
  .object({
    nodeId: NodeId,
    authority: z.object({ name: z.string(), state: z.string(), kind: z.string() }),
    endpoint: z.string(),
    signingFingerprint: z.string(),
    encryptionFingerprint: z.string(),
    accepts: z.object({ requestTypes: z.array(z.string()), languages: z.array(z.string()) }),
    validFrom: IsoDateTime,
    validUntil: IsoDateTime,
    status: PeerStatus,
    expired: z.boolean().describe('The peer’s card has expired: only a renewed card (node.card) is accepted from it until then'),
    statusReason: z.string().nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    outbox: z.object({ pending: z.number().int(), failed: z.number().int() }),
  })
  .meta({ id: 'Peer' });
export const PeerList = z.object({ items: z.array(Peer) });
export const PeerParams = z.strictObject({ nodeId: NodeId });

export const CardPreviewBody = z.strictObject({ card: SignedNodeCard });
export const CardPreview = z
  .object({
    nodeId: NodeId,
    authority: z.object({ name: z.string(), state: z.string(), kind: z.string() }),
    endpoint: z.string(),
    signingFingerprint: z.string().describe('Read this out with the peer’s operator before trusting the card'),
    encryptionFingerprint: z.string(),
    validUntil: IsoDateTime,
    assessment: z.enum(['new', 'refresh', 'rotation']),
    currentStatus: PeerStatus.nullable(),
  })
  .meta({ id: 'CardPreview' });

export const AddPeerBody = z.strictObject({
  card: SignedNodeCard,
  confirmFingerprint: z.string().min(16).max(100).describe('The signing-key fingerprint as confirmed out of band with the peer’s operator'),
});
export const PeerActionBody = z.strictObject({ reason: z.string().trim().min(1).max(1000) });

// ---- directory -------------------------------------------------------------------------------------

export const DirectoryQuery = z.strictObject({
  q: z.string().max(200).optional(),
  state: Alpha3.optional(),
  requestType: z.string().max(60).optional(),
  language: z.string().max(20).optional(),
});
export const DirectoryEntry = z
  .object({
    nodeId: NodeId,
    name: z.string(),
    state: z.string(),
    kind: z.string(),
    requestTypes: z.array(z.string()),
    languages: z.array(z.string()),
  })
  .meta({ id: 'DirectoryEntry', description: 'A counterpart authority on a trusted peer node' });
export const Directory = z.object({ items: z.array(DirectoryEntry) });

// ---- messages --------------------------------------------------------------------------------------

export const SendNoteBody = z.strictObject({
  peerNodeId: NodeId,
  text: z.string().trim().min(1).max(20_000),
  conversationId: z.string().min(1).max(200).optional(),
  requestId: z.string().max(200).optional(),
  inReplyTo: MessageId.optional(),
  marking: Marking.optional(),
});

export const FederationMessage = z
  .object({
    direction: z.enum(['outbound', 'inbound']),
    messageId: z.string(),
    type: z.string(),
    conversationId: z.string(),
    peerNodeId: z.string().nullable(),
    peerName: z.string().nullable(),
    at: IsoDateTime,
    state: z.enum(['pending', 'delivered', 'failed', 'skipped', 'refused', 'received']).describe('refused: the peer refused it for good and its conversation went on (an evidence offer)'),
    attempts: z.number().int().nullable(),
    nextAttemptAt: IsoDateTime.nullable(),
    lastError: z.string().nullable(),
    note: z.string().nullable(),
    receipt: z.object({ receivedAt: IsoDateTime, signedBy: z.string() }).nullable(),
    sequence: z.number().int().nullable().describe('Position in its conversation to or from that peer'),
    sequenceFlag: z
      .enum(['gap', 'late'])
      .nullable()
      .describe('Received messages only: gap = numbers missing before it (skipped by the sender, or still to come); late = not after the highest received'),
  })
  .meta({ id: 'FederationMessage' });
export const FederationMessageList = z.object({ items: z.array(FederationMessage) });
export const MessageQuery = z.strictObject({
  direction: z.enum(['outbound', 'inbound']).optional(),
  state: z.enum(['pending', 'delivered', 'failed', 'skipped', 'refused', 'received']).optional(),
  conversationId: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const MessageParams = z.strictObject({ messageId: z.string().min(1).max(100) });
export const SentMessage = z.object({ messageId: MessageId, conversationId: z.string(), state: z.enum(['pending', 'delivered', 'failed']) });
