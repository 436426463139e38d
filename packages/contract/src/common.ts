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

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export function isJsonValue(value: unknown): value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    return (proto === Object.prototype || proto === null) && Object.values(value).every(isJsonValue);
  }
  return false;
}

/** Any JSON value. Not `z.json()`: that one recurses through an unnamed inner schema, which the
 * OpenAPI document could only refer to as `#/components/schemas/__shared#/$defs/schema0`, a
 * reference that resolves nowhere. In the document this is `{}` (every JSON value qualifies);
 * a recursive JSON Schema would be no stricter and generated TypeScript cannot express it. */
export const JsonValue = z.custom<JsonValue>(isJsonValue, 'expected a JSON value').meta({ id: 'JsonValue', description: 'Any JSON value' });

export const Uuid = z.uuid();
export const Alpha3 = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'an ISO 3166 alpha-3 code such as FRA')
  .transform((s) => s.toUpperCase());
export const IsoDateTime = z.string().describe('ISO 8601 date-time');

// Dates that come IN are checked strictly here, once: a day that exists in the calendar (no
// 2020-13-45, no 2021-02-29) and a year from 0001, because PostgreSQL has no year 0 and refuses
// such values with an error instead of a 400. Output schemas keep IsoDateTime's plain string.
const realYear = (s: string) => !s.startsWith('0000');
export const StrictIsoDate = z.iso
  .date({ error: 'expected a calendar date YYYY-MM-DD' })
  .refine(realYear, 'expected a year from 0001')
  .describe('Calendar date YYYY-MM-DD');
export const StrictIsoDateTime = z.iso
  .datetime({ offset: true, error: 'expected an ISO 8601 date-time with Z or an offset' })
  .refine(realYear, 'expected a year from 0001')
  .describe('ISO 8601 date-time with Z or an offset');
/** A bound in a query: a whole day, or an instant. */
export const StrictIsoDateOrDateTime = z.union([StrictIsoDate, StrictIsoDateTime]);
