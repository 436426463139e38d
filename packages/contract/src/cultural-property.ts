// Stolen cultural property API (issue 15): object records after the Object ID standard, their
// images, the investigators' search (text and photo) and the public check with its signed receipt.
import { z } from 'zod';
import { Alpha3, StrictIsoDate } from './common.ts';
import { HandlingCode, TlpMarking } from './requests.ts';

export const LEGAL_STATUSES = ['stolen', 'illicitly-exported', 'looted-from-site', 'recovered', 'returned'] as const;
export const LegalStatus = z.enum(LEGAL_STATUSES).meta({ id: 'CulturalLegalStatus' });

const Short = z.string().trim().max(500);
const Long = z.string().trim().max(10_000);
const Reference = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._/:#-]*$/u, 'letters, digits, spaces and . _ / : # -, starting with a letter or digit');

export const OBJECT_ID_FIELDS = ['materials', 'techniques', 'measurements', 'inscriptions', 'distinguishingFeatures', 'subject', 'dateOrPeriod', 'maker', 'description'] as const;

/** The Object ID fields besides title and type of object. */
export const ObjectIdFields = z
  .strictObject({
    materials: Short.optional(),
    techniques: Short.optional(),
    measurements: Short.optional(),
    inscriptions: Long.optional(),
    distinguishingFeatures: Long.optional(),
    subject: Short.optional(),
    dateOrPeriod: Short.optional(),
    maker: Short.optional(),
    description: Long.optional(),
  })
  .meta({ id: 'CulturalObjectIdFields', description: 'Object ID: materials and techniques, measurements, inscriptions and markings, distinguishing features, subject, date or period, maker, description' });

export const Theft = z
  .strictObject({
    kind: z.enum(['theft', 'excavation']).describe('Stolen from a place, or dug from a site'),
    country: Alpha3.optional(),
    place: Short.optional(),
    date: StrictIsoDate.optional().describe('Date of the theft or of the discovery'),
  })
  .meta({ id: 'CulturalTheft' });

// Answers are encoded by the same schemas: no transforms (trim) in them.
const ObjectIdView = z
  .object(Object.fromEntries(OBJECT_ID_FIELDS.map((k) => [k, z.string().optional()])) as Record<(typeof OBJECT_ID_FIELDS)[number], z.ZodOptional<z.ZodString>>)
  .meta({ id: 'CulturalObjectIdView' });
const TheftView = z
  .object({ kind: z.enum(['theft', 'excavation']), country: z.string().optional(), place: z.string().optional(), date: z.string().optional() })
  .meta({ id: 'CulturalTheftView' });

export const CreateCulturalObjectBody = z
  .strictObject({
    reference: Reference.optional().describe('Unique in your organisation; one like CP-2026-0001 is given when absent'),
    title: z.string().trim().min(1).max(500),
    objectType: z.string().trim().min(1).max(200),
    objectId: ObjectIdFields.optional(),
    theft: Theft.optional(),
    reportingAuthority: z.string().trim().min(1).max(500),
    caseId: z.uuid().nullable().optional().describe('A case of your organisation the object belongs to'),
    legalStatus: LegalStatus,
    marking: TlpMarking.optional().describe('TLP 2.0; TLP:CLEAR records are shown to the public check. AMBER when not given'),
    handling: HandlingCode.optional(),
  })
  .meta({ id: 'CreateCulturalObjectBody' });

export const PatchCulturalObjectBody = z
  .strictObject({
    version: z.number().int().positive().describe('The version you edited (optimistic locking)'),
    title: z.string().trim().min(1).max(500).optional(),
    objectType: z.string().trim().min(1).max(200).optional(),
    objectId: ObjectIdFields.optional(),
    theft: Theft.optional(),
    reportingAuthority: z.string().trim().min(1).max(500).optional(),
    caseId: z.uuid().nullable().optional(),
    legalStatus: LegalStatus.optional(),
    marking: TlpMarking.optional(),
    handling: HandlingCode.optional(),
  })
  .meta({ id: 'PatchCulturalObjectBody' });

export const CulturalImageView = z
  .object({ id: z.uuid(), mediaType: z.string(), width: z.number().int(), height: z.number().int(), sizeBytes: z.number().int(), sha256: z.string() })
  .meta({ id: 'CulturalImageView' });

export const CulturalObjectView = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    reference: z.string(),
    title: z.string(),
    objectType: z.string(),
    objectId: ObjectIdView,
    theft: TheftView.nullable(),
    reportingAuthority: z.string(),
    case: z.object({ id: z.uuid(), reference: z.string(), title: z.string() }).nullable(),
    legalStatus: LegalStatus,
    marking: TlpMarking,
    handling: HandlingCode,
    public: z.boolean().describe('Whether the public check shows this record (its marking is TLP:CLEAR)'),
    images: z.array(CulturalImageView),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CulturalObjectView' });

export const CulturalObjectSummary = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    title: z.string(),
    objectType: z.string(),
    legalStatus: LegalStatus,
    marking: TlpMarking,
    public: z.boolean(),
    reportingAuthority: z.string(),
    imageCount: z.number().int(),
    firstImageId: z.uuid().nullable(),
    imageDistance: z.number().int().nullable().describe('Hamming distance of the nearest image hash when searched by photo'),
    origin: z
      .object({ nodeId: z.string(), authority: z.string(), country: z.string() })
      .nullable()
      .describe('null: a record of this node; else the peer node that published it (read-only here; `id` is the record\u2019s id on that node and `firstImageId` is served by /public/images)'),
  })
  .meta({ id: 'CulturalObjectSummary' });

export const CulturalObjectList = z.object({ items: z.array(CulturalObjectSummary), total: z.number().int() }).meta({ id: 'CulturalObjectList' });

export const CulturalListQuery = z
  .strictObject({
    q: z.string().max(500).optional().describe('Words searched in every descriptive field'),
    legalStatus: LegalStatus.optional(),
    objectType: z.string().max(200).optional(),
    country: Alpha3.optional().describe('Country of the theft or excavation (ISO 3166-1 alpha-3)'),
    origin: z.enum(['all', 'ours', 'peers']).optional().describe('ours: this node\u2019s records; peers: the public records peers published to this node; all (default): both'),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  });

export const CulturalImportReport = z
  .object({
    imported: z.number().int(),
    rows: z.number().int(),
    problems: z.array(z.object({ line: z.number().int(), field: z.string().nullable(), message: z.string() })),
    created: z.array(z.object({ line: z.number().int(), id: z.uuid(), reference: z.string() })),
  })
  .meta({ id: 'CulturalImportReport', description: 'Nothing is imported when any row has a problem' });

export const ReceiptMatchSchema = z.object({
  recordId: z.string(),
  reference: z.string(),
  title: z.string(),
  reportingAuthority: z.string(),
  imageDistance: z.number().int().nullable(),
  textScore: z.number().nullable(),
  origin: z.object({ nodeId: z.string(), authority: z.string() }).optional().describe('For a record another node published to this one: that node and its authority'),
});

export const CheckReceiptSchema = z
  .object({
    format: z.literal('comity.cultural-property.check-receipt/1'),
    checkId: z.string(),
    checkedAt: z.string(),
    node: z.object({ id: z.string(), publicKey: z.string() }),
    query: z.object({ textSha256: z.string().nullable(), imageSha256: z.string().nullable(), fields: z.array(z.string()), photoKept: z.literal(true).optional().describe('Present when the person agreed to leave the photo with the registry\u2019s investigators') }),
    registry: z.object({
      publicRecords: z.number().int().describe('Public records checked: this node\u2019s and those its peers published to it'),
      digest: z.string().describe('SHA-256 of the canonical sorted list of [id, version]; a peer\u2019s record counts as "<node id>/<record id>"'),
      peers: z.array(z.object({ nodeId: z.string(), records: z.number().int() })).optional().describe('The peers whose published records the check covered (absent when none)'),
    }),
    result: z.object({ outcome: z.enum(['no-match', 'possible-matches']), matches: z.array(ReceiptMatchSchema) }),
    notice: z.string(),
    signature: z.object({ algorithm: z.literal('Ed25519'), value: z.string() }),
  })
  .meta({ id: 'CulturalCheckReceipt' });

export const PublicMatch = z
  .object({
    recordId: z.uuid(),
    reference: z.string(),
    title: z.string(),
    objectType: z.string(),
    legalStatus: LegalStatus,
    reportingAuthority: z.string().describe('The authority to contact'),
    theft: TheftView.nullable(),
    imageIds: z.array(z.uuid()),
    imageDistance: z.number().int().nullable(),
    textScore: z.number().nullable(),
    origin: z.object({ nodeId: z.string(), authority: z.string(), country: z.string() }).nullable().describe('null: this node\u2019s record; else the peer node that published it and its authority'),
  })
  .meta({ id: 'CulturalPublicMatch' });

export const CheckAnswer = z
  .object({ matches: z.array(PublicMatch), receipt: CheckReceiptSchema, receiptText: z.string().describe('The receipt file exactly as signed (save it as is)') })
  .meta({ id: 'CulturalCheckAnswer' });

export const CheckTextFields = z
  .strictObject({
    title: Short.optional(),
    objectType: Short.optional(),
    materials: Short.optional(),
    maker: Short.optional(),
    description: Long.optional(),
    inscriptions: Long.optional(),
  })
  .meta({ id: 'CulturalCheckText' });

export const CheckJsonBody = z
  .strictObject({
    text: CheckTextFields.optional(),
    image: z.string().max(14_000_000).optional().describe('The photo, base64 (at most 10 MiB decoded)'),
    requester: z.strictObject({ name: Short.optional(), organisation: Short.optional(), contact: Short.optional() }).optional().describe('Only if you want to say who asks'),
    keepPhoto: z.boolean().optional().describe('true: leave the photo with the registry\u2019s investigators (kept with the check\u2019s log entry, stated in the receipt). Default false: the photo is not kept.'),
  })
  .meta({ id: 'CulturalCheckBody' });

export const ReceiptVerifyAnswer = z
  .object({ ok: z.boolean(), problem: z.string().nullable(), reason: z.string().nullable(), nodeId: z.string().nullable(), signedByThisNode: z.boolean() })
  .meta({ id: 'CulturalReceiptVerification' });

// ── Federation (issue 15 part 5): `cultural.record` ───────────────────────────────────────────

/** Photos a published record carries (thumbnails and hashes; originals stay with the originator). */
export const FEDERATED_IMAGES_MAX = 8;
const HexHash = z.string().regex(/^[0-9a-f]{16}$/, 'a 64-bit perceptual hash in 16 lower-case hex digits');

export const FederatedCulturalRecord = z
  .strictObject({
    reference: z.string().min(1).max(64),
    title: z.string().min(1).max(500),
    objectType: z.string().min(1).max(200),
    objectId: z.strictObject(Object.fromEntries(OBJECT_ID_FIELDS.map((k) => [k, z.string().max(10_000).optional()])) as Record<(typeof OBJECT_ID_FIELDS)[number], z.ZodOptional<z.ZodString>>),
    theft: z.strictObject({ kind: z.enum(['theft', 'excavation']), country: z.string().regex(/^[A-Z]{3}$/).optional(), place: z.string().max(500).optional(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).nullable(),
    reportingAuthority: z.string().min(1).max(500),
    legalStatus: LegalStatus,
    images: z
      .array(
        z.strictObject({
          id: z.uuid(),
          hashes: z.array(HexHash).min(1).max(64).describe('The perceptual hashes of the photo and of its rotation and crop variants'),
          thumbnail: z.string().max(200_000).describe('A JPEG thumbnail (at most 320 pixels a side), standard base64'),
        }),
      )
      .max(FEDERATED_IMAGES_MAX),
  })
  .meta({ id: 'FederatedCulturalRecord' });

export const CulturalRecordPayload = z
  .strictObject({
    v: z.literal(1),
    recordId: z.uuid().describe('The record\u2019s id on the originating node'),
    version: z.number().int().positive().describe('Grows with every change; a receiver keeps the highest it has seen'),
    state: z.enum(['published', 'withdrawn']).describe('withdrawn: the record is no longer public (re-marked, deleted, or the peer is no longer published to)'),
    record: FederatedCulturalRecord.nullable().describe('The record as the public check shows it; null when withdrawn'),
  })
  .refine((p) => (p.state === 'published') === (p.record !== null), { message: 'a published record carries its record; a withdrawal carries none', path: ['record'] })
  .meta({ id: 'CulturalRecordPayload' });

export const CulturalRecordResult = z
  .strictObject({ recordId: z.uuid(), version: z.number().int(), stored: z.boolean().describe('false when a version at least as recent was already held') })
  .meta({ id: 'CulturalRecordResult' });

export const CulturalPeerSetting = z
  .object({
    nodeId: z.string(),
    name: z.string(),
    country: z.string(),
    status: z.string(),
    publish: z.boolean().describe('This node publishes its public records to the peer'),
    accept: z.boolean().describe('This node accepts the records the peer publishes to it (default true)'),
    publishedRecords: z.number().int().describe('Records sent to the peer and not withdrawn'),
    lastSentAt: z.string().nullable().describe('When a record (or a withdrawal) was last queued to the peer'),
    receivedRecords: z.number().int().describe('Records of the peer held here'),
    lastReceivedAt: z.string().nullable().describe('When a record of the peer was last stored here'),
  })
  .meta({ id: 'CulturalPeerSetting' });
export const CulturalPeerSettings = z.object({ items: z.array(CulturalPeerSetting) }).meta({ id: 'CulturalPeerSettings' });
export const PutCulturalPeerBody = z
  .strictObject({
    publish: z.boolean().optional().describe('Publish this node\u2019s public records to the peer (false withdraws what was sent)'),
    accept: z.boolean().optional().describe('Accept the records the peer publishes (false deletes those held here and stores no more until turned on again)'),
  })
  .refine((b) => b.publish !== undefined || b.accept !== undefined, { message: 'Give publish, accept or both.' })
  .meta({ id: 'PutCulturalPeerBody' });

// ── Log of public checks, for the registry's investigators (issue 15 part 4) ─────────────────

export const CulturalCheckListQuery = z.strictObject({
  matched: z.enum(['true', 'false']).optional().describe('true: only the checks that found a possible match'),
  from: z.iso.date().optional().describe('Checked on or after this day (UTC, inclusive)'),
  to: z.iso.date().optional().describe('Checked on or before this day (UTC, inclusive)'),
  limit: z.coerce.number().int().min(1).max(200).optional().describe('Entries per page (default 50)'),
  offset: z.coerce.number().int().min(0).max(100_000).optional().describe('Entries to skip (newest first)'),
});

export const CulturalCheckEntry = z
  .object({
    id: z.uuid(),
    checkedAt: z.string(),
    query: z.object({
      fields: z.array(z.string()).describe('The text fields the person filled in (their words are kept only as a digest)'),
      textSha256: z.string().nullable(),
      imageSha256: z.string().nullable(),
      photoKept: z.boolean().describe('The person agreed to leave the photo: read it from /checks/{id}/photo'),
    }),
    requester: z.record(z.string(), z.string()).nullable().describe('Who asked, only as far as the person said; null when they did not'),
    outcome: z.enum(['no-match', 'possible-matches']),
    matches: z.array(z.object({ recordId: z.string(), reference: z.string() })).describe('Matched records of this node the caller may see'),
    otherMatches: z.number().int().describe('Further matched records (another organisation\u2019s, a peer\u2019s, or since deleted)'),
    receiptSha256: z.string().describe('SHA-256 of the receipt file the person received'),
  })
  .meta({ id: 'CulturalCheckEntry' });

export const CulturalCheckList = z
  .object({ items: z.array(CulturalCheckEntry), total: z.number().int(), limit: z.number().int(), offset: z.number().int() })
  .meta({ id: 'CulturalCheckList' });
