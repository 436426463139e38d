// Evidence between nodes (issue 12 part 5): the `evidence.offer` payload a sender signs and seals,
// the receipt result, and the answers of the binary chunk routes (`/federation/v1/transfers/...`).
import { HANDLING_CODES, PERMITTED_USES } from '@comity/core/policy/marking';
import { TRANSFER_CONTENT_ALG } from '@comity/core/evidence/transfer';
import { z } from 'zod';
import { isWellFormedText } from '@comity/core';
import { JsonValue } from './common.ts';
import { isCanonicalBase64Url, Marking } from './federation.ts';

const Text = (max: number) => z.string().max(max).refine(isWellFormedText, 'well-formed Unicode without NUL');
const Hex = (bytes: number, what: string) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `${what} in lowercase hex`);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const TransferLimitations = z
  .strictObject({
    tlp: Marking,
    handling: z.enum(HANDLING_CODES),
    handlingNotes: z.array(Text(2000)).max(20),
    speciality: z.array(Text(500).pipe(z.string().min(1))).max(50).nullable(),
    confidential: z.boolean(),
    permittedUses: z.array(z.enum(PERMITTED_USES)).max(PERMITTED_USES.length).nullable(),
    reviewOn: Day.nullable(),
    notes: z.array(Text(2000)).max(20),
  })
  .meta({ id: 'TransferLimitations', description: 'The marking and treaty use limitations the item travels under' });

export const TransferTimestamp = z.strictObject({
  /** The timestamp authority, as the sender names it. */
  tsa: Text(500),
  /** The RFC 3161 TimeStampToken (a CMS SignedData), DER in standard base64. */
  token: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'standard base64').max(64 * 1024),
});

export const EvidenceOfferPayload = z
  .strictObject({
    v: z.literal(1),
    transferId: z.uuid(),
    conversationId: z.string().min(1).max(200).refine(isWellFormedText, 'well-formed Unicode without NUL'),
    /** What the item travels with: a request's transmission or an answer (execute, partially-execute, provide-more-info). */
    sentWith: z.enum(['transmit', 'execute', 'partially-execute', 'provide-more-info']),
    item: z.strictObject({
      /** The sender's id of the item. */
      id: z.uuid(),
      title: Text(500).pipe(z.string().min(1)),
      description: Text(10_000).nullable(),
      mediaType: z.string().regex(/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/, 'a media type').max(255),
      /** How the sender got it: uploaded, captured, received from node X. */
      source: Text(500).pipe(z.string().min(1)),
      size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      sha256: Hex(32, 'SHA-256'),
      sha512: Hex(64, 'SHA-512').nullable(),
      timestamps: z.array(TransferTimestamp).max(10),
      /** The sender's custody log of the item, as its events are (hash-linked and signed by the sender). */
      custody: z.array(z.record(z.string(), JsonValue)).max(10_000),
    }),
    limitations: TransferLimitations,
    content: z.strictObject({
      alg: z.literal(TRANSFER_CONTENT_ALG),
      /** The per-transfer AES-256 key, raw 32 bytes in base64url. */
      key: z
        .string()
        .regex(/^[A-Za-z0-9_-]{43}$/, '32 bytes in base64url')
        .refine(isCanonicalBase64Url, 'canonical base64url'),
      chunkSize: z.number().int().min(1),
      chunkCount: z.number().int().min(0),
      /** SHA-256 of each plaintext chunk, in order. */
      chunkSha256: z.array(Hex(32, 'SHA-256')).max(1_000_000),
    }),
  })
  .meta({ id: 'EvidenceOfferPayload' });
export type EvidenceOfferPayload = z.infer<typeof EvidenceOfferPayload>;

export const TransferState = z.enum(['receiving', 'accepted', 'refused']);

export const EvidenceOfferResult = z
  .strictObject({ transferId: z.uuid(), state: TransferState, missing: z.number().int().min(0) })
  .meta({ id: 'EvidenceOfferResult' });
export type EvidenceOfferResult = z.infer<typeof EvidenceOfferResult>;

/** GET /federation/v1/transfers/{transferId}: what the receiver holds. */
export const TransferStatus = z
  .strictObject({
    transferId: z.uuid(),
    state: TransferState,
    chunkCount: z.number().int().min(0),
    /** Chunks still to send, ascending (empty once accepted). */
    missing: z.array(z.number().int().min(0)),
    /** Why it was refused. */
    refusal: z.string().nullable(),
  })
  .meta({ id: 'TransferStatus' });
export type TransferStatus = z.infer<typeof TransferStatus>;

/** PUT /federation/v1/transfers/{transferId}/chunks/{index}: the chunk is stored (and, with the last one, the item checked). */
export const TransferChunkAccepted = z
  .strictObject({
    transferId: z.uuid(),
    index: z.number().int().min(0),
    state: TransferState,
    missing: z.number().int().min(0),
  })
  .meta({ id: 'TransferChunkAccepted' });
export type TransferChunkAccepted = z.infer<typeof TransferChunkAccepted>;

/** POST /api/v1/evidence/{id}/transfers: send the item to the counterpart node of its request. */
export const SendEvidenceBody = z
  .strictObject({
    /** What it travels with; by default `transmit` on the requesting side and `execute` on the requested side. */
    sentWith: z.enum(['transmit', 'execute', 'partially-execute', 'provide-more-info']).optional(),
    requestId: z
      .uuid()
      .optional()
      .describe("For an item of a case: the case's linked request, exchanged with a peer node, that it travels with (an item of a request always travels with its own request)"),
  })
  .meta({ id: 'SendEvidenceBody' });
export type SendEvidenceBody = z.infer<typeof SendEvidenceBody>;

/** One transfer of an item, as its sender or receiver sees it. */
export const EvidenceTransferView = z
  .strictObject({
    transferId: z.uuid(),
    direction: z.enum(['sent', 'received']),
    peer: z.strictObject({ nodeId: z.string(), authority: z.string().nullable() }),
    /** offered (queued, not yet taken), sending (chunks going), accepted (the peer checked and stored it), refused (with the reason). */
    state: z.enum(['offered', 'sending', 'accepted', 'refused']),
    /** Percent of the chunks the peer holds, while sending (null when not known on this node). */
    progress: z.number().int().min(0).max(100).nullable(),
    refusal: z.string().nullable(),
    sentWith: z.string(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .meta({ id: 'EvidenceTransferView' });
export type EvidenceTransferView = z.infer<typeof EvidenceTransferView>;

export const EvidenceTransferList = z.strictObject({ items: z.array(EvidenceTransferView) }).meta({ id: 'EvidenceTransferList' });
export type EvidenceTransferList = z.infer<typeof EvidenceTransferList>;
