// The JSON of a legal-basis answer, checked against the contract (LegalBasisAnswer) like every
// other response, but without checking and serialising again, on every request, the parts that
// answers share. The engine builds an answer from immutable parts computed once per index and date
// (a State's status for an instrument, a candidate's articles, titles, conditions and reasons, the
// reservations of a pair): the same objects appear in thousands of answers. Each of those parts is
// checked with its own zod schema and turned into JSON the first time it is seen, and its JSON is
// kept for as long as the engine keeps the object (a WeakMap on the object's identity, one per
// field); what is new in each answer (the query, the headline, each basis's outcome and rank) is
// checked on every request. The result is byte for byte the UTF-8 of the JSON that the generic zod
// serialiser gives (keys in the schema's order, keys outside the schema left out, an undefined
// optional field left out), which legal-basis-json.test.ts checks over a spread of answers; a part
// that does not match its schema fails the response as the generic serialiser does (500,
// ResponseSerializationError).
//
// Bytes, not a string. Titles in six languages make the JSON of almost every answer a two-byte
// string in V8 (about 16,000 UTF-16 units for 8 KB of UTF-8), which Node then measured
// (Buffer.byteLength, for Content-Length), joined to the header's string and encoded to UTF-8 in
// the socket write, on every request: as much of the node's time as the whole serialisation. Here
// every piece is kept as its UTF-8 bytes from the start, one character per byte of a one-byte
// string (a "binary" string, Buffer's 'latin1' encoding), so that a shared part is encoded once,
// the pieces join into a flat one-byte string, and that string is copied into a Buffer (a slice of
// a larger block, as Node does for small Buffers), which Fastify sends as it is, with its length.
//
// Fewer pieces. Each piece costs its push and its share of the join, so a field's key is kept in
// the same piece as its value wherever the value's JSON is kept (`after`: a part's JSON after a
// given prefix, such as `,"titles":`), and so is the comma before an item of a list.
import { LegalBasis, LegalBasisAnswer } from '@comity/contract/knowledge';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { safeEncode } from 'zod/v4/core';

/**
 * Writes a value's JSON, as UTF-8 bytes in one-byte strings (see utf8Bytes), as pieces onto `out`
 * (joined once at the end: one flat string, where concatenating the pieces made a deep rope that
 * cost as much to flatten as zod's own work). Returns false, having written nothing, for a value
 * the JSON leaves out (an absent optional field).
 */
type Encoder = (value: unknown, out: string[]) => boolean;

/** How to write one schema's values: alone, or after a prefix (a field's comma and key, an item's comma). */
interface Part {
  encode: Encoder;
  /** Writes `prefix` then the value's JSON (in one piece where the JSON is kept); nothing, and false, when the value is left out. */
  after(prefix: string): Encoder;
}

/** How often a shared part's JSON was reused and how often it had to be made (for the benchmark). */
export interface PartStats {
  hits: number;
  misses: number;
}

/** Any UTF-16 unit outside ASCII: a string without one is its own UTF-8. */
const NOT_ASCII = /[\u0080-\uffff]/;

/**
 * A JSON text's UTF-8 bytes as a string of one character per byte (what Buffer.from(s, 'latin1')
 * turns back into those bytes). ASCII text, most of what an answer writes anew, is its own.
 */
function utf8Bytes(json: string): string {
  return NOT_ASCII.test(json) ? Buffer.from(json, 'utf8').toString('latin1') : json;
}

class PartError extends Error {
  constructor(readonly issue: z.core.$ZodError) {
    super(issue.message);
  }
}

/** `prefix`, then what `encode` writes; nothing when it writes nothing. */
function prefixed(prefix: string, encode: Encoder): Encoder {
  return (value, out) => {
    const at = out.length;
    out.push(prefix);
    if (encode(value, out)) return true;
    out.length = at;
    return false;
  };
}

function part(encode: Encoder, after: (prefix: string) => Encoder = (prefix) => prefixed(prefix, encode)): Part {
  return { encode, after };
}

/** zod's check and encoding of one value, then JSON; nothing when the schema gives undefined (an absent optional field). */
function viaZod(schema: z.ZodType): Part {
  return part((value, out) => {
    const result = safeEncode(schema, value);
    if (!result.success) throw new PartError(result.error);
    if (result.data === undefined) return false;
    out.push(utf8Bytes(JSON.stringify(result.data)));
    return true;
  });
}

/** Most distinct strings and numbers whose JSON a field keeps (a rank, a date, a State's code): a bound on memory. */
const PRIMITIVES_KEPT = 4_096;

/**
 * A field's JSON kept per primitive value (a string or a number), with the field's prefix, in a Map
 * emptied when full; `make` writes it (false: the value is left out).
 */
function keptPerValue(prefix: string, make: Encoder, other: Encoder): Encoder {
  const kept = new Map<unknown, string | null>();
  return (value, out) => {
    if (typeof value !== 'string' && typeof value !== 'number') return other(value, out);
    let json = kept.get(value);
    if (json === undefined) {
      const pieces = [prefix];
      json = make(value, pieces) ? pieces.join('') : null;
      if (kept.size >= PRIMITIVES_KEPT) kept.clear();
      kept.set(value, json);
    }
    if (json === null) return false;
    out.push(json);
    return true;
  };
}

/**
 * The part of a schema, equivalent to zod's check and encoding followed by JSON.stringify: an
 * object field by field, a discriminated union by its discriminator, a plain string or string enum
 * by the value's type or membership alone; anything else through zod. After a prefix (a field), the
 * JSON of strings and numbers is kept per value (the check of a schema on a primitive value always
 * gives the same result). A value that does not pass a fast test goes through zod, which gives the
 * error.
 */
function checked(schema: z.ZodType): Part {
  const def = schema._zod.def as { type: string; catchall?: unknown; checks?: unknown[] };
  if (def.type === 'object' && def.catchall === undefined && !def.checks?.length) return object(schema as z.ZodObject);
  if (def.type === 'union' && !def.checks?.length) {
    const union = unionByDiscriminator(schema);
    if (union) return union;
  }
  const zod = viaZod(schema);
  const accepts = plainScalar(schema);
  if (accepts) {
    const encode: Encoder = (value, out) => {
      if (value === undefined && accepts.optional) return false;
      if (!accepts.test(value)) return zod.encode(value, out);
      out.push(utf8Bytes(JSON.stringify(value)));
      return true;
    };
    return part(encode, (prefix) => {
      const slow = zod.after(prefix);
      const nullJson = `${prefix}null`;
      // Neither a string nor a number: left out, null, or zod's answer (an error).
      const other: Encoder = (value, out) => {
        if (value === undefined && accepts.optional) return false;
        if (value === null && accepts.test(null)) {
          out.push(nullJson);
          return true;
        }
        return slow(value, out);
      };
      return keptPerValue(prefix, encode, other);
    });
  }
  return part(zod.encode, (prefix) => keptPerValue(prefix, zod.encode, zod.after(prefix)));
}

/** A discriminated union of plain objects: the option whose discriminator accepts the value, as an object; undefined if the union is not of that form. */
function unionByDiscriminator(schema: z.ZodType): Part | undefined {
  const def = schema._zod.def as { discriminator?: string; options?: z.ZodType[] };
  const key = def.discriminator;
  if (!key || !def.options) return undefined;
  const options: Array<{ test: (value: unknown) => boolean; encode: Encoder }> = [];
  for (const option of def.options) {
    const o = option._zod.def as { type: string; catchall?: unknown; checks?: unknown[] };
    if (o.type !== 'object' || o.catchall !== undefined || o.checks?.length) return undefined;
    const tag = plainScalar((option as z.ZodObject).shape[key] as z.ZodType);
    if (!tag || tag.optional) return undefined;
    options.push({ test: tag.test, encode: object(option as z.ZodObject).encode });
  }
  const zod = viaZod(schema);
  return part((value, out) => {
    if (typeof value !== 'object' || value === null) return zod.encode(value, out);
    const tag = (value as Record<string, unknown>)[key];
    let match: Encoder | undefined;
    for (const o of options) {
      if (!o.test(tag)) continue;
      if (match) return zod.encode(value, out); // two options take it: zod decides
      match = o.encode;
    }
    return match ? match(value, out) : zod.encode(value, out);
  });
}

/** A test equivalent to zod's for a plain string, a string enum or literal, possibly optional or nullable; undefined for any other schema. */
function plainScalar(schema: z.ZodType): { test: (value: unknown) => boolean; optional: boolean } | undefined {
  const def = schema._zod.def as { type: string; checks?: unknown[]; innerType?: z.ZodType; entries?: Record<string, unknown>; values?: unknown[] };
  if (def.checks?.length) return undefined;
  if (def.type === 'optional' && def.innerType) {
    const inner = plainScalar(def.innerType);
    return inner && !inner.optional ? { test: inner.test, optional: true } : undefined;
  }
  if (def.type === 'nullable' && def.innerType) {
    const inner = plainScalar(def.innerType);
    return inner && !inner.optional ? { test: (v) => v === null || inner.test(v), optional: false } : undefined;
  }
  if (def.type === 'string') return { test: (v) => typeof v === 'string', optional: false };
  const values = def.type === 'enum' ? Object.values(def.entries ?? {}) : def.type === 'literal' ? (def.values ?? []) : undefined;
  if (!values?.every((v) => typeof v === 'string')) return undefined;
  const allowed = new Set<unknown>(values);
  return { test: (v) => allowed.has(v), optional: false };
}

/** A part that answers share: its JSON is made once per object and prefix (objects only; anything else every time). */
function shared(inner: Part, stats: PartStats): Part {
  const keep = (prefix: string, write: Encoder): Encoder => {
    const memo = new WeakMap<object, string>();
    return (value, out) => {
      if (typeof value !== 'object' || value === null) return write(value, out);
      let json = memo.get(value);
      if (json !== undefined) {
        stats.hits++;
      } else {
        stats.misses++;
        const pieces = [prefix];
        if (!inner.encode(value, pieces)) return false;
        json = pieces.join('');
        memo.set(value, json);
      }
      out.push(json);
      return true;
    };
  };
  return { encode: keep('', inner.encode), after: (prefix) => keep(prefix, inner.after(prefix)) };
}

/** Most distinct texts whose JSON a list of texts keeps (see texts): a bound on memory. */
const TEXTS_KEPT = 50_000;

/**
 * The items of a list of plain texts (the reasons): the engine builds a new list for each pair of
 * States, but from texts it keeps per State, instrument and date, so their JSON is kept per text
 * (a Map on the string: V8 computes a string's hash once and keeps it); emptied when full.
 */
function texts(inner: Part): Part {
  const keep = (prefix: string, write: Encoder): Encoder => {
    const kept = new Map<string, string>();
    return (value, out) => {
      if (typeof value !== 'string') return write(value, out);
      let json = kept.get(value);
      if (json === undefined) {
        const pieces = [prefix];
        if (!inner.encode(value, pieces)) return write(value, out);
        json = pieces.join('');
        if (kept.size >= TEXTS_KEPT) kept.clear();
        kept.set(value, json);
      }
      out.push(json);
      return true;
    };
  };
  return { encode: keep('', inner.encode), after: (prefix) => keep(prefix, inner.after(prefix)) };
}

/**
 * An object schema field by field in the schema's order; the fields named in `parts` with their own
 * part, the others checked. Keys that the schema does not have are left out, as zod leaves them
 * out of a (non-strict) object's output. The first field's piece starts with `{`, the others' with
 * a comma.
 */
function object(schema: z.ZodObject, parts: Record<string, Part> = {}): Part {
  const shape = schema.shape as Record<string, z.ZodType>;
  const fields = Object.keys(shape).map((key, k) => ({ key, write: (parts[key] ?? checked(shape[key] as z.ZodType)).after(`${k === 0 ? '{' : ','}${JSON.stringify(key)}:`) }));
  const zod = viaZod(schema);
  return part((value, out) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return zod.encode(value, out);
    const record = value as Record<string, unknown>;
    let empty = true;
    for (let k = 0; k < fields.length; k++) {
      const f = fields[k] as (typeof fields)[number];
      if (!empty || k === 0) {
        if (f.write(record[f.key], out)) empty = false;
      } else {
        // The first field was left out: this one starts the object (its piece without the comma).
        const at = out.length;
        out.push('{');
        if (f.write(record[f.key], out)) {
          out[at + 1] = (out[at + 1] as string).slice(1);
          empty = false;
        } else out.length = at;
      }
    }
    out.push(empty ? '{}' : '}');
    return true;
  });
}

/** An array schema with its own part for the items (the items after the first with their comma). */
function array(schema: z.ZodType, inner: z.ZodArray, item: Part): Part {
  const zod = viaZod(schema);
  if (inner._zod.def.checks?.length) return zod; // a length rule: zod's own check
  const next = item.after(',');
  const list = (open: string, slow: Encoder): Encoder => {
    const empty = `${open}]`;
    return (value, out) => {
      if (!Array.isArray(value)) return slow(value, out);
      if (value.length === 0) {
        out.push(empty);
        return true;
      }
      const at = out.length;
      out.push(open);
      let ok = item.encode(value[0], out);
      for (let k = 1; ok && k < value.length; k++) ok = next(value[k], out);
      if (!ok) {
        out.length = at;
        return slow(value, out); // an item the JSON would leave out, which zod refuses: its error
      }
      out.push(']');
      return true;
    };
  };
  return { encode: list('[', zod.encode), after: (prefix) => list(`${prefix}[`, zod.after(prefix)) };
}

/**
 * The Buffer of a binary string (one byte per character): a slice of a block of 1 MiB, as Node
 * slices small Buffers from a pool, instead of a new ArrayBuffer for each answer; a large answer
 * gets its own. A slice is never written again: it belongs to the response that got it.
 */
const BLOCK = 1 << 20;
let block = Buffer.allocUnsafeSlow(BLOCK);
let used = 0;
function bufferOf(binary: string): Buffer {
  const n = binary.length;
  if (n > BLOCK >>> 3) return Buffer.from(binary, 'latin1');
  if (used + n > BLOCK) {
    block = Buffer.allocUnsafeSlow(BLOCK);
    used = 0;
  }
  const start = used;
  block.write(binary, start, n, 'latin1');
  used = (start + n + 7) & ~7; // 8-byte aligned, as Node's pool
  return block.subarray(start, start + n);
}

/** How the memos of every legal-basis serialiser in this process were used (for the benchmark). */
export const legalBasisJsonStats: PartStats = { hits: 0, misses: 0 };

/** The serialiser of a legal-basis answer, to the UTF-8 bytes of its JSON (a fresh set of memos; `stats` counts their use). */
export function legalBasisSerializer(stats: PartStats = legalBasisJsonStats): (answer: unknown) => Buffer {
  // A list: kept whole when the engine shares the list itself across pairs of States (a
  // candidate's articles or conditions, the reservations of a side); item by item only (`perPair`)
  // when the engine builds a new list for each pair from items it shares (the reasons of both
  // sides): kept whole, those lists were made again for nearly every question between two other
  // States, and each kept list was one more WeakMap entry for the garbage collector.
  // (A list with a default is the same list when the value is there; zod's encoding does not put
  // the default in for a missing one, it refuses it, and so does array() with the outer schema.)
  const list = (schema: z.ZodType, perPair = false) => {
    const def = schema._zod.def as { type: string; innerType?: z.ZodType };
    const inner = (def.type === 'default' ? def.innerType : schema) as z.ZodArray;
    const element = inner.element as z.ZodType;
    const kind = element._zod.def.type;
    const item = kind === 'object' ? shared(checked(element), stats) : kind === 'string' ? texts(checked(element)) : checked(element);
    const whole = array(schema, inner, item);
    return perPair ? whole : shared(whole, stats);
  };
  // The two statuses: a new object for each pair of States, of two summaries the engine keeps per
  // State, instrument and date; so the summaries are kept, not the pair.
  const statusPair = (schema: z.ZodObject) => {
    const pair = schema.shape as Record<'requesting' | 'requested', z.ZodType>;
    const summary = shared(checked(pair.requesting), stats);
    return object(schema, { requesting: summary, requested: summary });
  };
  const b = LegalBasis.shape;
  const basis = object(LegalBasis, {
    titles: shared(checked(b.titles), stats),
    articles: list(b.articles),
    status: statusPair(b.status),
    conditions: list(b.conditions),
    conditionCodes: list(b.conditionCodes),
    reservations: list(b.reservations),
    reasons: list(b.reasons, true),
    reasonCodes: list(b.reasonCodes, true),
  });
  const answerShape = LegalBasisAnswer.shape;
  const contextItem = answerShape.context.element;
  const c = contextItem.shape;
  const context = object(contextItem, { status: statusPair(c.status), reasons: list(c.reasons, true), reasonCodes: list(c.reasonCodes, true) });
  const answer = object(LegalBasisAnswer, {
    bases: array(answerShape.bases, answerShape.bases, basis),
    // Shared by the answers about one pair of States with the same best basis (engine.ts).
    headline: shared(checked(answerShape.headline), stats),
    context: array(answerShape.context, answerShape.context, context),
  });
  return (value) => {
    try {
      const out: string[] = [];
      answer.encode(value, out);
      return bufferOf(out.join(''));
    } catch (err) {
      if (err instanceof PartError) throw new ResponseSerializationError('GET', '/api/v1/legal-basis', { cause: err.issue });
      throw err;
    }
  };
}
