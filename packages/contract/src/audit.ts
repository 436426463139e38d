// Audit trail API: read with filters, verify the chain.
import { z } from 'zod';
import { StrictIsoDateOrDateTime } from './common.ts';

export const AuditEntry = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorEmail: z.string().nullable(),
    organisationId: z.string().nullable(),
    action: z.string(),
    target: z.string(),
    requestId: z.string().nullable(),
    digest: z.string(),
    hash: z.string(),
    change: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

export const AuditQuery = z.strictObject({
  action: z.string().max(100).optional(),
  actor: z.string().max(320).optional(),
  organisationId: z.uuid().optional(),
  from: StrictIsoDateOrDateTime.optional().describe('Entries at or after (a date or a date-time)'),
  to: StrictIsoDateOrDateTime.optional().describe('Entries at or before (a date or a date-time)'),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export const AuditPage = z.object({ items: z.array(AuditEntry), nextBefore: z.number().int().nullable() });

export const AuditVerification = z
  .object({
    ok: z.boolean(),
    entries: z.number().int(),
    firstBroken: z.number().int().optional(),
    reason: z.string().optional(),
  })
  .meta({ id: 'AuditVerification' });
