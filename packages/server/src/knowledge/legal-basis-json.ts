// The JSON of a legal-basis answer, checked against the contract (LegalBasisAnswer) like every
// other response, but without checking and serialising again, on every request, the parts that
// answers share. The engine builds an answer from immutable parts computed once per index and date
// (a State's status for an instrument, a candidate's articles, titles, conditions and reasons, the
// reservations of a pair): the same objects appear in thousands of answers. Each of those parts is
// checked with its own zod schema and turned into JSON the first time it is seen, and its JSON is
// kept for as long as the engine keeps the object (a WeakMap on the object's identity, one per
// field); what is new in each answer (the query, the headline, each basis's outcome and rank) is
// checked on every request. The result is byte for byte the JSON that the generic zod serialiser
// gives (keys in the schema's order, keys outside the schema left out, an undefined optional field
// left out), which legal-basis-json.test.ts checks over a spread of answers; a part that does not
// match its schema fails the response as the generic serialiser does (500, ResponseSerializationError).
import { LegalBasis, LegalBasisAnswer } from '@comity/contract/knowledge';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { safeEncode } from 'zod/v4/core';

/**
 * Writes a value's JSON as pieces onto `out` (joined once at the end: one flat string, where
 * concatenating the pieces made a deep rope that cost as much to flatten, in Buffer.byteLength,
 * as zod's own work). Returns false, having written nothing, for a value the JSON leaves out (an
 * absent optional field).
 */
type Encoder = (value: unknown, out: string[]) => boolean;

/** How often a shared part's JSON was reused and how often it had to be made (for the benchmark). */
export interface PartStats {
  hits: number;
  misses: number;
}

class PartError extends Error {
  constructor(readonly issue: z.core.$ZodError) {
    super(issue.message);
  }
}

/** zod's check and encoding of one value, then JSON; undefined when the schema gives undefined (an absent optional field). */
function viaZod(schema: z.ZodType): Encoder {
  return (value, out) => {
    const result = safeEncode(schema, value);
    if (!result.success) throw new PartError(result.error);
    if (result.data === undefined) return false;
    out.push(JSON.stringify(result.data));
    return true;
  };
}

/** Most distinct strings and numbers whose JSON a field keeps (a rank, a date): a bound on memory. */
const PRIMITIVES_KEPT = 1_000;

/**
 * The encoder of a schema, equivalent to zod's check and encoding followed by JSON.stringify: an
 * object field by field, a discriminated union by its discriminator, a plain string or string enum
 * by the value's type or membership alone; anything else through zod, its JSON kept per value for
 * strings and numbers (the check of a schema on a primitive value always gives the same result).
 * A value that does not pass a fast test goes through zod, which gives the error.
 */
function checked(schema: z.ZodType): Encoder {
  const def = schema._zod.def as { type: string; catchall?: unknown; checks?: unknown[] };
  if (def.type === 'object' && def.catchall === undefined && !def.checks?.length) return object(schema as z.ZodObject);
  if (def.type === 'union' && !def.checks?.length) {
    const union = unionByDiscriminator(schema);
    if (union) return union;
  }
  const zod = viaZod(schema);
  const accepts = plainScalar(schema);
  if (accepts) {
    return (value, out) => {
      if (value === undefined && accepts.optional) return false;
      if (!accepts.test(value)) return zod(value, out);
      out.push(JSON.stringify(value));
      return true;
    };
  }
  const kept = new Map<unknown, string | null>();
  return (value, out) => {
    if (typeof value !== 'string' && typeof value !== 'number') return zod(value, out);
    let json = kept.get(value);
    if (json === undefined) {
      const piece: string[] = [];
      json = zod(value, piece) ? piece.join('') : null;
      if (kept.size < PRIMITIVES_KEPT) kept.set(value, json);
    }
    if (json === null) return false;
    out.push(json);
    return true;
  };
}

/** A discriminated union of plain objects: the option whose discriminator accepts the value, as an object; undefined if the union is not of that form. */
function unionByDiscriminator(schema: z.ZodType): Encoder | undefined {
  const def = schema._zod.def as { discriminator?: string; options?: z.ZodType[] };
  const key = def.discriminator;
  if (!key || !def.options) return undefined;
  const options: Array<{ test: (value: unknown) => boolean; encode: Encoder }> = [];
  for (const option of def.options) {
    const o = option._zod.def as { type: string; catchall?: unknown; checks?: unknown[] };
    if (o.type !== 'object' || o.catchall !== undefined || o.checks?.length) return undefined;
    const tag = plainScalar((option as z.ZodObject).shape[key] as z.ZodType);
    if (!tag || tag.optional) return undefined;
    options.push({ test: tag.test, encode: object(option as z.ZodObject) });
  }
  const zod = viaZod(schema);
  return (value, out) => {
    if (typeof value !== 'object' || value === null) return zod(value, out);
    const tag = (value as Record<string, unknown>)[key];
    let match: Encoder | undefined;
    for (const o of options) {
      if (!o.test(tag)) continue;
      if (match) return zod(value, out); // two options take it: zod decides
      match = o.encode;
    }
    return match ? match(value, out) : zod(value, out);
  };
}

/** A test equivalent to zod's for a plain string, a string enum or literal, possibly optional; undefined for any other schema. */
function plainScalar(schema: z.ZodType): { test: (value: unknown) => boolean; optional: boolean } | undefined {
  const def = schema._zod.def as { type: string; checks?: unknown[]; innerType?: z.ZodType; entries?: Record<string, unknown>; values?: unknown[] };
  if (def.checks?.length) return undefined;
  if (def.type === 'optional' && def.innerType) {
    const inner = plainScalar(def.innerType);
    return inner && !inner.optional ? { test: inner.test, optional: true } : undefined;
  }
  if (def.type === 'string') return { test: (v) => typeof v === 'string', optional: false };
  const values = def.type === 'enum' ? Object.values(def.entries ?? {}) : def.type === 'literal' ? (def.values ?? []) : undefined;
  if (!values?.every((v) => typeof v === 'string')) return undefined;
  const allowed = new Set<unknown>(values);
  return { test: (v) => allowed.has(v), optional: false };
}

/** A part that answers share: its JSON is made once per object (objects only; anything else every time). */
function shared(inner: Encoder, stats: PartStats): Encoder {
  const memo = new WeakMap<object, string>();
  return (value, out) => {
    if (typeof value !== 'object' || value === null) return inner(value, out);
    let json = memo.get(value);
    if (json !== undefined) {
      stats.hits++;
    } else {
      stats.misses++;
      const pieces: string[] = [];
      if (!inner(value, pieces)) return false;
      json = pieces.join('');
      memo.set(value, json);
    }
    out.push(json);
    return true;
  };
}

/**
 * An object schema field by field in the schema's order; the fields named in `parts` with their own
 * encoder, the others with zod. Keys that the schema does not have are left out, as zod leaves them
 * out of a (non-strict) object's output.
 */
function object(schema: z.ZodObject, parts: Record<string, Encoder> = {}): Encoder {
  const shape = schema.shape as Record<string, z.ZodType>;
  const fields = Object.keys(shape).map((key) => ({ key, first: `{${JSON.stringify(key)}:`, next: `,${JSON.stringify(key)}:`, encode: parts[key] ?? checked(shape[key] as z.ZodType) }));
  const zod = viaZod(schema);
  return (value, out) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return zod(value, out);
    const record = value as Record<string, unknown>;
    let empty = true;
    for (const f of fields) {
      const at = out.length;
      out.push(empty ? f.first : f.next);
      if (f.encode(record[f.key], out)) empty = false;
      else out.length = at; // left out: its key too
    }
    out.push(empty ? '{}' : '}');
    return true;
  };
}

/** An array schema with its own encoder for the items. */
function array(schema: z.ZodType, inner: z.ZodArray, item: Encoder): Encoder {
  if (inner._zod.def.checks?.length) return viaZod(schema); // a length rule: zod's own check
  const zod = viaZod(schema);
  return (value, out) => {
    if (!Array.isArray(value)) return zod(value, out);
    const at = out.length;
    out.push('[');
    for (let k = 0; k < value.length; k++) {
      if (k > 0) out.push(',');
      if (!item(value[k], out)) {
        out.length = at;
        return zod(value, out); // an item the JSON would leave out, which zod refuses: its error
      }
    }
    out.push(']');
    return true;
  };
}

/** How the memos of every legal-basis serialiser in this process were used (for the benchmark). */
export const legalBasisJsonStats: PartStats = { hits: 0, misses: 0 };

/** The serialiser of a legal-basis answer (a fresh set of memos; `stats` counts their use). */
export function legalBasisSerializer(stats: PartStats = legalBasisJsonStats): (answer: unknown) => string {
  // A list: kept whole when the engine shares the list itself (a candidate's articles or
  // conditions), item by item when it builds a new list per pair of States from shared items (the
  // reasons of both sides, their reservations).
  // (A list with a default is the same list when the value is there; zod's encoding does not put
  // the default in for a missing one, it refuses it, and so does array() with the outer schema.)
  const list = (schema: z.ZodType) => {
    const def = schema._zod.def as { type: string; innerType?: z.ZodType };
    const inner = (def.type === 'default' ? def.innerType : schema) as z.ZodArray;
    const element = inner.element as z.ZodType;
    const item = element._zod.def.type === 'object' ? shared(checked(element), stats) : checked(element);
    return shared(array(schema, inner, item), stats);
  };
  const statusPair = (schema: z.ZodObject) => {
    const pair = schema.shape as Record<'requesting' | 'requested', z.ZodType>;
    const summary = shared(checked(pair.requesting), stats);
    return shared(object(schema, { requesting: summary, requested: summary }), stats);
  };
  const b = LegalBasis.shape;
  const basis = object(LegalBasis, {
    titles: shared(checked(b.titles), stats),
    articles: list(b.articles),
    status: statusPair(b.status),
    conditions: list(b.conditions),
    conditionCodes: list(b.conditionCodes),
    reservations: list(b.reservations),
    reasons: list(b.reasons),
    reasonCodes: list(b.reasonCodes),
  });
  const answerShape = LegalBasisAnswer.shape;
  const contextItem = answerShape.context.element;
  const c = contextItem.shape;
  const context = object(contextItem, { status: statusPair(c.status), reasons: list(c.reasons), reasonCodes: list(c.reasonCodes) });
  const answer = object(LegalBasisAnswer, { bases: array(answerShape.bases, answerShape.bases, basis), context: array(answerShape.context, answerShape.context, context) });
  return (value) => {
    try {
      const out: string[] = [];
      answer(value, out);
      return out.join('');
    } catch (err) {
      if (err instanceof PartError) throw new ResponseSerializationError('GET', '/api/v1/legal-basis', { cause: err.issue });
      throw err;
    }
  };
}
