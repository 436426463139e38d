// Web capture API (issue 12, part 2): a list of URLs captured for a case or a request as a
// background job, with a state, reason and evidence items per URL, and the administrator's
// allowlist of hosts the SSRF rules would otherwise refuse.
import { z } from 'zod';

export const CAPTURE_URL_STATUSES = ['queued', 'running', 'captured', 'failed'] as const;
export const CAPTURE_ITEM_KINDS = ['screenshot', 'pdf', 'html', 'wacz', 'metadata'] as const;
/** Most URLs in one capture. */
export const MAX_CAPTURE_URLS = 50;

export const CreateCaptureBody = z
  .strictObject({
    caseId: z.uuid().optional().describe('The case the captures belong to (give this or requestId)'),
    requestId: z.uuid().optional().describe('The request the captures belong to (give this or caseId)'),
    urls: z
      .array(z.string().trim().min(1).max(4000))
      .min(1)
      .max(MAX_CAPTURE_URLS)
      .describe('http(s) URLs; each is checked against the SSRF rules before it is queued and again at every request the page makes'),
  })
  .refine((b) => (b.caseId === undefined) !== (b.requestId === undefined), { message: 'give exactly one of caseId and requestId' })
  .meta({ id: 'CreateCaptureBody' });
export type CreateCaptureBody = z.infer<typeof CreateCaptureBody>;

export const CaptureItemRef = z
  .object({ kind: z.enum(CAPTURE_ITEM_KINDS), itemId: z.string() })
  .meta({ id: 'CaptureItemRef', description: 'An evidence item made of a capture: screenshot (PNG), pdf, html, wacz (WARC in WACZ), metadata (JSON)' });

export const CaptureUrlView = z
  .object({
    id: z.string(),
    position: z.number().int(),
    url: z.string(),
    status: z.enum(CAPTURE_URL_STATUSES),
    reason: z.string().nullable().describe('Why it failed, as a code: address_not_public, own_address, scheme_not_allowed, host_not_found, timeout, unreachable, …'),
    message: z.string().nullable().describe('Why it failed, in English'),
    attempts: z.number().int(),
    finalUrl: z.string().nullable(),
    httpStatus: z.number().int().nullable(),
    items: z.array(CaptureItemRef),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'CaptureUrlView' });

export const CaptureView = z
  .object({
    id: z.string(),
    caseId: z.string().nullable(),
    requestId: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    counts: z.object({ queued: z.number().int(), running: z.number().int(), captured: z.number().int(), failed: z.number().int() }),
    done: z.boolean().describe('No URL is queued or running'),
    urls: z.array(CaptureUrlView),
  })
  .meta({ id: 'CaptureView' });
export type CaptureView = z.infer<typeof CaptureView>;

export const CaptureListQuery = z
  .strictObject({ caseId: z.uuid().optional(), requestId: z.uuid().optional() })
  .refine((q) => (q.caseId === undefined) !== (q.requestId === undefined), { message: 'give exactly one of caseId and requestId' });

export const CaptureList = z.object({ items: z.array(CaptureView) }).meta({ id: 'CaptureList' });

export const CaptureAllowlist = z
  .object({ hosts: z.array(z.string()).describe('Hosts (as written in URLs, no port) captured even though their addresses are not public') })
  .meta({ id: 'CaptureAllowlist' });
export const PutCaptureAllowlistBody = z.strictObject({ hosts: z.array(z.string().trim().min(1).max(253)).max(200) }).meta({ id: 'PutCaptureAllowlistBody' });
