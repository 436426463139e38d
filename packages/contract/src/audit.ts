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

export const AuditProblemKind = z
  .enum([
    'missing',
    'out_of_order',
    'unlinked',
    'altered',
    'change_altered',
    'head_missing',
    'head_invalid',
    'tail_removed',
    'head_mismatch',
    'truncated',
    'anchor_mismatch',
    'emptied',
  ])
  .meta({ id: 'AuditProblemKind' });

export const AuditProblem = z
  .object({
    /** The entry concerned (for a gap or a removed tail: the first missing number). */
    seq: z.number().int(),
    kind: AuditProblemKind,
    /** The same in English words, for logs and scripts; the web UI words it from `kind`. */
    reason: z.string(),
  })
  .meta({ id: 'AuditProblem' });

export const AuditVerification = z
  .object({
    ok: z.boolean(),
    entries: z.number().int(),
    firstBroken: z.number().int().optional(),
    reason: z.string().optional(),
    /** Present when `ok` is false: every problem found, in sequence order. */
    problems: z.array(AuditProblem).optional(),
  })
  .meta({ id: 'AuditVerification' });
