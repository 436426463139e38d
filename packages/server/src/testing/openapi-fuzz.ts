// Generates HTTP requests for every operation of an OpenAPI 3.1 document with fast-check: valid
// inputs drawn from the operation's JSON Schemas, and the same inputs broken on purpose (hostile
// text, wrong types, missing or extra fields, broken JSON, wrong content types, odd path
// parameters). Used by api-fuzz.test.ts and `npm run fuzz:api`; knows nothing about Comity's routes.
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Schema = { [k: string]: unknown } | boolean;
type Doc = { paths?: Record<string, Record<string, unknown>>; [k: string]: unknown };

export interface FuzzParam {
  name: string;
  required: boolean;
  schema: Schema;
}

export interface FuzzOperation {
  method: string;
  /** The templated path, e.g. `/api/v1/requests/{id}`. */
  path: string;
  pathParams: FuzzParam[];
  queryParams: FuzzParam[];
  /** The JSON body's schema, when the operation takes one. */
  body: Schema | undefined;
  bodyRequired: boolean;
  /** The document says `security: []`. */
  public: boolean;
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** What was broken on purpose, for the failure message. */
  note: string;
}

/** Text that has broken servers before: NUL, lone surrogates, bidi overrides, huge and odd values. */
export const HOSTILE_TEXT: readonly string[] = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\udfff\ud800',
  '\u202e',
  '\u202e\u0000',
  '\u{1F600}\ud83d',
  '',
  ' ',
  '%ZZ',
  '%00',
  '../../../etc/passwd',
  "'; drop table users; --",
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '\uffff\ufffe',
  'x'.repeat(5_000),
  '0',
  '-1',
  'null',
  '1e309',
  '9'.repeat(400),
  '2020-13-45',
  '0000-01-01',
  '2020-02-30T25:61:00Z',
  'NaN',
];

const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 1, arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
);

/** Anything JSON can carry, hostile text included, for replacing a well-typed value. */
export const hostileJson: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -1e308, 1e308, -0),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 2 }),
);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Follows a `$ref` defensively: `#/a/b`, and the odd `#/components/schemas/x#/$defs/y` (a pointer
 * into a pointer) that some generators emit. Anything unresolvable becomes `{}` (any value).
 */
export function resolveRef(doc: Doc, ref: string): Schema {
  const pointers = ref.split('#').slice(1);
  let node: unknown = doc;
  for (const pointer of pointers) {
    for (const raw of pointer.split('/').slice(1)) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (!isObject(node) && !Array.isArray(node)) return {};
      node = (node as Record<string, unknown>)[key];
    }
  }
  return isObject(node) || typeof node === 'boolean' ? (node as Schema) : {};
}

function deref(doc: Doc, schema: Schema, seen = 0): Schema {
  if (isObject(schema) && typeof schema.$ref === 'string' && seen < 20) return deref(doc, resolveRef(doc, schema.$ref), seen + 1);
  return schema;
}

/** Every operation of the document, with its parameters and JSON body schema. */
export function operationsOf(doc: Doc): FuzzOperation[] {
  const ops: FuzzOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, rawOp] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method) || !isObject(rawOp)) continue;
      const params = (Array.isArray(rawOp.parameters) ? rawOp.parameters : []).map((p) => deref(doc, p as Schema)).filter(isObject);
      const pick = (where: string): FuzzParam[] =>
        params
          .filter((p) => p.in === where && typeof p.name === 'string')
          .map((p) => ({ name: p.name as string, required: p.required === true || where === 'path', schema: (p.schema as Schema) ?? {} }));
      const requestBody = isObject(rawOp.requestBody) ? deref(doc, rawOp.requestBody as Schema) : undefined;
      const content = isObject(requestBody) && isObject(requestBody.content) ? requestBody.content : undefined;
      const json = content && isObject(content['application/json']) ? (content['application/json'] as Record<string, unknown>) : undefined;
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: pick('path'),
        queryParams: pick('query'),
        body: json ? ((json.schema as Schema) ?? {}) : undefined,
        bodyRequired: isObject(requestBody) && requestBody.required === true,
        public: Array.isArray(rawOp.security) && rawOp.security.length === 0,
      });
    }
  }
  return ops;
}

const MAX_DEPTH = 6;

function regexArbitrary(pattern: string): fc.Arbitrary<string> | undefined {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return undefined;
  }
}

function isoDate(): fc.Arbitrary<Date> {
  return fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true });
}

/** Values that the schema accepts (as far as a generator can tell: patterns and formats are honoured). */
export function valueFor(doc: Doc, input: Schema, depth = 0): fc.Arbitrary<Json> {
  const schema = deref(doc, input);
  if (schema === false) return fc.constant(null);
  if (schema === true || depth > MAX_DEPTH) return fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>;
  if ('const' in schema) return fc.constant(schema.const as Json);
  if (Array.isArray(schema.enum) && schema.enum.length) return fc.constantFrom(...(schema.enum as Json[]));
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list) && list.length) return fc.oneof(...list.map((s) => valueFor(doc, s as Schema, depth + 1)));
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length) {
    const merged = Object.assign({}, ...schema.allOf.map((s) => deref(doc, s as Schema)).filter(isObject)) as Schema;
    return valueFor(doc, merged, depth + 1);
  }
  let type = schema.type;
  if (Array.isArray(type)) type = type.filter((t) => t !== 'null')[0] ?? 'null';
  if (type === undefined) {
    if (isObject(schema.properties)) type = 'object';
    else if (schema.items !== undefined || schema.prefixItems !== undefined) type = 'array';
    else return fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>;
  }
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : -1000;
      const max = typeof schema.maximum === 'number' ? schema.maximum : typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - 1 : 1000;
      const lo = Math.max(min, -1e9);
      const hi = Math.min(max, 1e9);
      if (type === 'integer' || lo > hi) return fc.integer({ min: Math.ceil(Math.min(lo, hi)), max: Math.floor(Math.max(lo, hi)) });
      return fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
    }
    case 'string': {
      const format = schema.format;
      if (format === 'uuid') return fc.uuid();
      if (format === 'date') return isoDate().map((d) => d.toISOString().slice(0, 10));
      if (format === 'date-time') return isoDate().map((d) => d.toISOString());
      if (format === 'email') return fc.emailAddress();
      if (format === 'uri') return fc.webUrl();
      if (typeof schema.pattern === 'string') {
        const arb = regexArbitrary(schema.pattern);
        if (arb) return arb;
      }
      const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
      const maxLength = Math.max(minLength, Math.min(typeof schema.maxLength === 'number' ? schema.maxLength : 40, minLength + 40));
      return fc.string({ minLength, maxLength, unit: 'grapheme' });
    }
    case 'array': {
      if (Array.isArray(schema.prefixItems)) return fc.tuple(...schema.prefixItems.map((s) => valueFor(doc, s as Schema, depth + 1)));
      const minLength = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const maxLength = Math.max(minLength, Math.min(typeof schema.maxItems === 'number' ? schema.maxItems : 3, minLength + 2));
      return fc.array(valueFor(doc, (schema.items as Schema) ?? {}, depth + 1), { minLength, maxLength });
    }
    default: {
      const properties = isObject(schema.properties) ? (schema.properties as Record<string, Schema>) : {};
      const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
      const keys = Object.keys(properties);
      if (!keys.length && isObject(schema.additionalProperties)) {
        const names = isObject(schema.propertyNames) ? valueFor(doc, schema.propertyNames as Schema, depth + 1) : fc.string({ maxLength: 10 });
        return fc.dictionary(
          names.map((n) => String(n)),
          valueFor(doc, schema.additionalProperties as Schema, depth + 1),
          { maxKeys: 2 },
        );
      }
      const model: Record<string, fc.Arbitrary<Json>> = {};
      for (const k of keys) model[k] = valueFor(doc, properties[k] as Schema, depth + 1);
      return fc.record(model, { requiredKeys: required.filter((k) => k in model) }) as fc.Arbitrary<Json>;
    }
  }
}

type Mutation =
  | { kind: 'replace-leaf'; at: number; value: Json }
  | { kind: 'drop-key'; at: number }
  | { kind: 'extra-key'; at: number; key: string; value: Json }
  | { kind: 'replace-root'; value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace-leaf' as const), at: fc.nat(), value: hostileJson }) },
  fc.record({ kind: fc.constant('drop-key' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('extra-key' as const), at: fc.nat(), key: hostileString, value: hostileJson }),
  fc.record({ kind: fc.constant('replace-root' as const), value: hostileJson }),
);

/** Applies one mutation to a copy of `value`, at a place picked among its leaves or objects. */
export function mutate(value: Json, m: Mutation): Json {
  if (m.kind === 'replace-root') return m.value;
  const copy = structuredClone(value) as Json;
  const leaves: [Json[] | Record<string, Json>, string | number][] = [];
  const objects: Record<string, Json>[] = [];
  const stack: Json[] = [copy];
  while (stack.length) {
    const v = stack.pop() as Json;
    if (Array.isArray(v)) {
      for (const [i, c] of v.entries()) {
        if (typeof c === 'object' && c !== null) stack.push(c);
        else leaves.push([v, i]);
      }
    } else if (isObject(v)) {
      objects.push(v as Record<string, Json>);
      for (const [k, c] of Object.entries(v)) {
        leaves.push([v as Record<string, Json>, k]);
        if (typeof c === 'object' && c !== null) stack.push(c as Json);
      }
    }
  }
  if (m.kind === 'replace-leaf') {
    if (!leaves.length) return m.value;
    const [holder, key] = leaves[m.at % leaves.length] as [Record<string | number, Json>, string | number];
    holder[key] = m.value;
  } else if (m.kind === 'drop-key') {
    const withKeys = objects.filter((o) => Object.keys(o).length);
    const o = withKeys[m.at % Math.max(1, withKeys.length)];
    if (o) delete o[Object.keys(o)[m.at % Object.keys(o).length] as string];
  } else {
    const o = objects[m.at % Math.max(1, objects.length)];
    if (!o) return m.value;
    o[m.key] = m.value;
  }
  return copy;
}

/**
 * Percent-encodes for a URL, lone surrogates included (as the WTF-8 bytes a careless client would
 * send), which `encodeURIComponent` refuses to do.
 */
export function encodeComponent(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) as number;
    if (code >= 0xd800 && code <= 0xdfff) out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    else out += encodeURIComponent(ch);
  }
  return out;
}

function scalarText(v: Json): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export interface FuzzOptions {
  /** Real identifiers to use for path parameters now and then, so that routes reach their handlers. */
  knownIds?: Record<string, readonly string[]>;
}

/** One request for `op`: about half of them valid by the document, the rest broken in one way. */
export function requestFor(doc: Doc, op: FuzzOperation, opts: FuzzOptions = {}): fc.Arbitrary<FuzzRequest> {
  const pathValue = (p: FuzzParam): fc.Arbitrary<{ text: string; raw?: string; note?: string }> => {
    const known = opts.knownIds?.[p.name] ?? [];
    const valid = valueFor(doc, p.schema).map((v) => ({ text: scalarText(v) }));
    const options: fc.Arbitrary<{ text: string; raw?: string; note?: string }>[] = [valid, valid];
    if (known.length) options.push(fc.constantFrom(...known).map((text) => ({ text })), fc.constantFrom(...known).map((text) => ({ text })));
    options.push(
      hostileString.filter((s) => s.length > 0).map((text) => ({ text, note: `path ${p.name} hostile` })),
      fc.constantFrom('%ZZ', '%E0%A4%A', '%00', '%ED%A0%80').map((raw) => ({ text: '', raw, note: `path ${p.name} raw ${raw}` })),
      fc.constant({ text: 'a'.repeat(5_000), note: `path ${p.name} 5000 chars` }),
    );
    return fc.oneof(...options);
  };
  const queryValue = (p: FuzzParam): fc.Arbitrary<{ text: string; note?: string } | undefined> => {
    const valid = valueFor(doc, p.schema).map((v) => ({ text: scalarText(v) }));
    const present = fc.oneof(
      { weight: 3, arbitrary: valid },
      { weight: 1, arbitrary: hostileString.map((text) => ({ text, note: `query ${p.name} hostile` })) },
    );
    return p.required ? present : fc.option(present, { nil: undefined, freq: 2 });
  };
  const pathArb = fc.tuple(...op.pathParams.map(pathValue));
  const queryArb = fc.tuple(...op.queryParams.map(queryValue));
  const extraQuery = fc.option(fc.tuple(hostileString, hostileString), { nil: undefined, freq: 6 });
  type BodyPlan = { body?: string; contentType?: string; note?: string };
  let bodyArb: fc.Arbitrary<BodyPlan>;
  if (op.body !== undefined) {
    const valid = valueFor(doc, op.body);
    bodyArb = fc.oneof(
      { weight: 4, arbitrary: valid.map((v) => ({ body: JSON.stringify(v), contentType: 'application/json' })) },
      {
        weight: 4,
        arbitrary: fc.tuple(valid, mutation).map(([v, m]) => ({ body: JSON.stringify(mutate(v, m)), contentType: 'application/json', note: `body ${m.kind}` })),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          { body: '{', contentType: 'application/json', note: 'broken JSON' },
          { body: '', contentType: 'application/json', note: 'empty JSON body' },
          { body: 'null', contentType: 'application/json', note: 'null body' },
          { body: '"\\u0000"', contentType: 'application/json', note: 'NUL string body' },
          { body: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]', contentType: 'application/json', note: 'deep array' },
          { body: 'name=x', contentType: 'application/x-www-form-urlencoded', note: 'form body' },
          { body: 'hello', contentType: 'text/plain', note: 'text body' },
          { note: 'no body' },
        ),
      },
    );
  } else if (op.method === 'POST' || op.method === 'PUT' || op.method === 'PATCH') {
    // Operations without a documented JSON body (raw uploads, actions): bytes of any type, or nothing.
    bodyArb = fc.oneof(
      fc.constant<BodyPlan>({}),
      fc.record({
        body: fc.oneof(fc.string({ maxLength: 50 }), hostileString),
        contentType: fc.constantFrom('application/octet-stream', 'text/plain', 'application/pdf', 'application/json', 'image/png; charset=x'),
      }).map((b): BodyPlan => ({ ...b, note: `raw ${b.contentType}` })),
    );
  } else {
    bodyArb = fc.constant<BodyPlan>({});
  }
  const headerArb = fc.option(
    fc.record({ name: fc.constantFrom('x-filename', 'x-request-id', 'accept-language'), value: fc.constantFrom('%ZZ', '%00', '%ED%A0%80', '%E2%80%AE', 'a'.repeat(5_000), 'r%C3%A9sum%C3%A9.pdf') }),
    { nil: undefined, freq: 3 },
  );

  return fc.tuple(pathArb, queryArb, extraQuery, bodyArb, headerArb).map(([pathValues, queryValues, extra, body, header]) => {
    const notes: string[] = [];
    let url = op.path;
    op.pathParams.forEach((p, i) => {
      const v = pathValues[i] as { text: string; raw?: string; note?: string };
      if (v.note) notes.push(v.note);
      url = url.replace(`{${p.name}}`, v.raw ?? encodeComponent(v.text));
    });
    const pairs: string[] = [];
    op.queryParams.forEach((p, i) => {
      const v = queryValues[i];
      if (!v) return;
      if (v.note) notes.push(v.note);
      pairs.push(`${encodeComponent(p.name)}=${encodeComponent(v.text)}`);
    });
    if (extra) {
      notes.push('unknown query parameter');
      pairs.push(`${encodeComponent(extra[0] || 'x')}=${encodeComponent(extra[1])}`);
    }
    if (pairs.length) url += `?${pairs.join('&')}`;
    const headers: Record<string, string> = {};
    if (body.contentType) headers['content-type'] = body.contentType;
    if (body.note) notes.push(body.note);
    if (header) {
      headers[header.name] = header.value;
      notes.push(`header ${header.name}`);
    }
    return { method: op.method, url, headers, ...(body.body !== undefined ? { body: body.body } : {}), note: notes.join(', ') || 'valid' };
  });
}
