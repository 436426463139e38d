// Evidence vault API: items held for a case or a request, their custody log, resumable uploads
// (tus 1.0 core + creation + termination, headers described on the routes) and the seal.
import { CUSTODY_KINDS } from '@comity/core/evidence/custody';
import { z } from 'zod';
import { HandlingCode, MarkingView, TlpMarking } from './requests.ts';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const CustodyKind = z.enum(CUSTODY_KINDS).meta({ id: 'CustodyKind' });

export const EvidenceSourceView = z
  .object({
    kind: z.enum(['uploaded', 'captured', 'received', 'working-copy']),
  })
  .catchall(z.unknown())
  .meta({ id: 'EvidenceSource', description: 'How the item came to this node; captured: url; received: nodeId; working-copy: fromItemId' });

export const EvidenceItem = z
  .object({
    id: z.uuid(),
    caseId: z.uuid().nullable(),
    requestId: z.uuid().nullable(),
    title: z.string(),
    description: z.string(),
    source: EvidenceSourceView,
    filename: z.string().nullable(),
    capturedBy: z.object({ id: z.string(), email: z.string().nullable() }).nullable(),
    sha256: Sha256,
    sha512: z.string().nullable().describe('Added by a background job after the upload'),
    size: z.number().int(),
    mediaType: z.string().describe('Detected from the content, never from the name'),
    mediaTypeHint: z.string().nullable().describe('What the uploader said; not used'),
    preview: z.enum(['image', 'pdf', 'video', 'audio', 'text', 'none']).describe('How the item page can show the content'),
    marking: MarkingView.describe('The effective marking: the item’s own and its case’s or request’s'),
    role: z.enum(['original', 'working-copy']),
    derivedFrom: z.uuid().nullable(),
    sealed: z.object({ at: z.string(), by: z.string().nullable() }).nullable(),
    timestampState: z.string(),
    custody: z.object({ events: z.number().int(), head: Sha256 }),
    createdAt: z.string(),
  })
  .meta({ id: 'EvidenceItem' });
export type EvidenceItem = z.infer<typeof EvidenceItem>;

export const EvidenceList = z.object({ items: z.array(EvidenceItem) }).meta({ id: 'EvidenceList' });

export const EvidenceListQuery = z
  .strictObject({
    caseId: z.uuid().optional(),
    requestId: z.uuid().optional(),
  })
  .refine((q) => (q.caseId === undefined) !== (q.requestId === undefined), 'give caseId or requestId');

export const CustodyEventView = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    kind: CustodyKind,
    actorEmail: z.string().nullable(),
    nodeId: z.string(),
    details: z.record(z.string(), z.unknown()),
    prevHash: Sha256,
    hash: Sha256,
    signature: z.string(),
    keyId: z.string(),
  })
  .meta({ id: 'CustodyEvent' });

export const CustodyLog = z
  .object({
    events: z.array(CustodyEventView),
    verification: z.object({
      ok: z.boolean(),
      problems: z.array(z.object({ seq: z.number().int(), kind: z.string(), reason: z.string() })),
    }),
  })
  .meta({ id: 'CustodyLog' });

export const EvidenceMarkingInput = z
  .strictObject({ tlp: TlpMarking, handling: HandlingCode.optional(), handlingNote: z.string().max(2000).optional() })
  .meta({ id: 'EvidenceMarkingInput', description: 'The item’s own marking; its case’s or request’s when absent (the stricter always applies)' });

export const UploadView = z
  .object({
    id: z.uuid(),
    length: z.number().int(),
    received: z.number().int(),
    state: z.enum(['open', 'complete', 'expired']),
    expiresAt: z.string(),
    itemId: z.uuid().nullable(),
  })
  .meta({ id: 'EvidenceUpload' });

export const ContentQuery = z.strictObject({
  disposition: z.enum(['inline', 'attachment']).default('inline').describe('inline: a preview (custody "viewed"); attachment: a download (custody "downloaded")'),
});

export const SealBody = z.strictObject({ note: z.string().max(2000).optional() }).meta({ id: 'SealBody' });

export const DownloadApprovalBody = z
  .strictObject({
    userId: z.uuid().describe('Who may download the sealed item once'),
    reason: z.string().trim().min(1).max(2000),
    requestSeq: z.number().int().positive().optional().describe('The custody event of the download request this approval answers (you must be the approver it names)'),
  })
  .meta({ id: 'DownloadApprovalBody' });

export const EligibleApprover = z
  .object({ id: z.uuid(), name: z.string(), email: z.string() })
  .meta({ id: 'EligibleApprover', description: 'An active supervisor of the item’s organisation other than you' });

export const EligibleApproverList = z.object({ items: z.array(EligibleApprover) }).meta({ id: 'EligibleApproverList' });

export const DownloadRequestBody = z
  .strictObject({
    approverId: z.uuid().describe('The supervisor asked to approve (one of GET /api/v1/evidence/{id}/approvers)'),
    reason: z.string().trim().min(1).max(2000).describe('Why you need a copy of the sealed item'),
  })
  .meta({ id: 'DownloadRequestBody' });

export const DownloadRequest = z
  .object({
    seq: z.number().int().describe('The custody event of the request'),
    at: z.string(),
    requester: z.object({ id: z.uuid(), email: z.string() }),
    approver: z.object({ id: z.uuid(), email: z.string() }),
    reason: z.string(),
  })
  .meta({ id: 'DownloadRequest' });

export const DownloadRequestList = z
  .object({ items: z.array(DownloadRequest).describe('Requests since the item was last sealed that no approval answered yet, oldest first') })
  .meta({ id: 'DownloadRequestList' });

export const WorkingCopyBody = z.strictObject({ title: z.string().trim().min(1).max(500).optional() }).meta({ id: 'WorkingCopyBody' });
