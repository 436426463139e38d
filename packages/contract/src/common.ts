// Shapes shared by every route group: the RFC 9457 problem document and small scalars.
import { z } from 'zod';

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string().describe('Stable machine-readable error code'),
    correlationId: z.string().describe('Quote this when reporting a problem; it is in the node log'),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    suggestions: z.array(z.string()).optional(),
    allowed: z.array(z.string()).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

export const Uuid = z.uuid();
export const Alpha3 = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'an ISO 3166 alpha-3 code such as FRA')
  .transform((s) => s.toUpperCase());
export const IsoDateTime = z.string().describe('ISO 8601 date-time');
