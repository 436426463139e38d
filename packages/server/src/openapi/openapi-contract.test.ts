// The API document is complete and usable by another implementation: it validates against the
// OpenAPI 3.1 schema (an independent validator), every $ref resolves, every operation is named,
// summarised, tagged and documents its problem+json errors; the committed copy and the types
// generated from it are what the server produces now, and removals are reported as breaking.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { testBackends } from '@comity/db/testing';
import { ApiClient, type TestNode, startTestNode } from '../testing/test-node.ts';
import { breakingChanges } from './breaking-changes.ts';
import { CONTRACT_DOCUMENT_PATH, CONTRACT_TYPES_PATH, SYNC_COMMAND, generateTypes, readCommitted, renderDocument } from './contract-files.ts';
import { operationIdFor } from './finish-document.ts';

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

function record(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

/** Every `$ref` in the document with the JSON pointer it sits at. */
function refsIn(value: unknown, at = '#', out: { at: string; ref: string }[] = []): { at: string; ref: string }[] {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) refsIn(v, `${at}/${i}`, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') out.push({ at, ref: v });
      else refsIn(v, `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
    }
  }
  return out;
}

/** Resolves a local reference by RFC 6901 JSON pointer; undefined when it points nowhere. */
function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const pointer = ref.slice(1);
  if (pointer === '') return document;
  if (!pointer.startsWith('/')) return undefined;
  let node: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Json)[key];
  }
  return node;
}

function operationsOf(document: Json): { key: string; operation: Json }[] {
  const out: { key: string; operation: Json }[] = [];
  for (const [path, item] of Object.entries(record(document.paths))) {
    for (const method of METHODS) {
      if (record(item)[method]) out.push({ key: `${method.toUpperCase()} ${path}`, operation: record(record(item)[method]) });
    }
  }
  return out;
}

test('the reference checker resolves JSON pointers and refuses what points nowhere', () => {
  const doc = { components: { schemas: { A: { type: 'string' }, 'a/b': { type: 'number' } } } };
  assert.deepEqual(resolvePointer(doc, '#/components/schemas/A'), { type: 'string' });
  assert.deepEqual(resolvePointer(doc, '#/components/schemas/a~1b'), { type: 'number' });
  assert.equal(resolvePointer(doc, '#/components/schemas/B'), undefined);
  // The reference the zod transform used to emit for an unnamed recursive schema.
  assert.equal(resolvePointer(doc, '#/components/schemas/__shared#/$defs/schema0'), undefined);
  assert.deepEqual(
    refsIn({ a: { $ref: '#/x' }, b: [{ $ref: '#/y' }] }).map((r) => r.ref),
    ['#/x', '#/y'],
  );
});

test('operation ids are derived from the method and the path', () => {
  assert.equal(operationIdFor('get', '/api/v1/requests/{id}/attachments/{attachmentId}'), 'getRequestsByIdAttachmentsByAttachmentId');
  assert.equal(operationIdFor('post', '/federation/v1/inbox'), 'postFederationInbox');
  assert.equal(operationIdFor('put', '/api/v1/settings/public'), 'putSettingsPublic');
  assert.equal(operationIdFor('get', '/api/v1/legal-basis'), 'getLegalBasis');
});

test('removed operations, fields and values are listed as breaking; additions are not', () => {
  const committed: Json = {
    paths: {
      '/a': { get: { responses: { 200: {} } }, post: { responses: { 201: {} } } },
      '/b': { get: { parameters: [{ in: 'query', name: 'q' }], responses: { 200: {} } } },
    },
    components: {
      schemas: {
        Thing: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } }, required: ['id', 'name'] },
        ThingInput: { type: 'object', properties: { kind: { type: 'string', enum: ['x', 'y'] }, note: { type: 'string' } }, required: ['kind'] },
        Gone: { type: 'string' },
      },
    },
  };
  assert.deepEqual(breakingChanges(committed, structuredClone(committed)), []);
  const grown = structuredClone(committed);
  record(record(grown.paths)['/a']).put = { responses: { 200: {} } };
  record(record(record(record(grown.components).schemas).Thing).properties).extra = { type: 'string' };
  assert.deepEqual(breakingChanges(committed, grown), [], 'additions are compatible');

  const live: Json = {
    paths: {
      '/a': { get: { responses: { 200: {} } } },
      '/b': { get: { parameters: [{ in: 'query', name: 'q', required: true }], responses: { 204: {} } } },
    },
    components: {
      schemas: {
        Thing: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
        ThingInput: { type: 'object', properties: { kind: { type: 'string', enum: ['x'] }, note: { type: 'string' } }, required: ['kind', 'note'] },
      },
    },
  };
  assert.deepEqual(breakingChanges(committed, live).sort(), [
    'GET /b: parameter query q now required',
    'GET /b: response 200 removed',
    'POST /a: operation removed',
    'components.schemas.Gone: schema removed',
    'components.schemas.Thing.name: field removed',
    'components.schemas.ThingInput.kind: value "y" no longer accepted',
    'components.schemas.ThingInput.note: now required',
  ]);
});

for (const backend of testBackends()) {
  describe(`the OpenAPI document on ${backend.name}`, () => {
    let t: TestNode;
    let document: Json;
    before(async () => {
      t = await startTestNode(backend);
      const res = await new ApiClient(t.url).call<Json>('GET', '/api/openapi.json');
      assert.equal(res.status, 200);
      document = res.body;
    });
    after(() => t?.close());

    test('/api/openapi.json and /api/docs/json serve the same document', async () => {
      const ui = await new ApiClient(t.url).call<Json>('GET', '/api/docs/json');
      assert.equal(ui.status, 200);
      assert.deepEqual(ui.body, document);
    });

    test('it is a valid OpenAPI 3.1 document for an independent validator', async () => {
      const result = await new Validator().validate(structuredClone(document) as Parameters<Validator['validate']>[0]);
      assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2)?.slice(0, 4000));
    });

    test('every $ref resolves by JSON pointer, and every component is emitted', () => {
      const refs = refsIn(document);
      assert.ok(refs.length > 100, `expected the routes to refer to components, found ${refs.length} references`);
      const dangling = refs.filter(({ ref }) => resolvePointer(document, ref) === undefined);
      assert.deepEqual(dangling, [], 'references that resolve nowhere');
      assert.ok(Object.keys(record(record(document.components).schemas)).length > 100);
    });

    test('every operation has a unique operationId, a summary, tags and problem+json errors', () => {
      const schemas = record(record(document.components).schemas);
      const problem = record(schemas.Problem);
      for (const field of ['type', 'title', 'status', 'detail', 'instance', 'code', 'correlationId']) {
        assert.ok(field in record(problem.properties), `Problem has ${field}`);
      }
      const problemRequired = (problem.required as string[]) ?? [];
      for (const field of ['type', 'title', 'status', 'code', 'correlationId']) assert.ok(problemRequired.includes(field), `Problem requires ${field}`);

      const seen = new Map<string, string>();
      const operations = operationsOf(document);
      assert.ok(operations.length > 50, `found ${operations.length} operations`);
      for (const { key, operation } of operations) {
        const id = operation.operationId;
        assert.ok(typeof id === 'string' && /^[a-z][A-Za-z0-9]*$/.test(id), `${key}: operationId ${String(id)}`);
        assert.equal(seen.get(id), undefined, `${key}: operationId ${id} also used by ${seen.get(id)}`);
        seen.set(id, key);
        assert.ok(typeof operation.summary === 'string' && operation.summary.length > 0, `${key}: summary`);
        assert.ok(Array.isArray(operation.tags) && operation.tags.length > 0, `${key}: tags`);
        const responses = record(operation.responses);
        const errors = Object.entries(responses).filter(([status]) => /^[45]/.test(status));
        assert.ok(errors.some(([s]) => s.startsWith('4')) && errors.some(([s]) => s.startsWith('5')), `${key}: documents 4xx and 5xx answers`);
        for (const [status, response] of errors) {
          const content = record(record(response).content);
          assert.deepEqual(Object.keys(content), ['application/problem+json'], `${key} ${status}: media type`);
          const schema = record(resolvePointer(document, String(record(record(content['application/problem+json']).schema).$ref)));
          // The shared Problem, or a problem document that extends it (the knowledge routes add the input and close matches).
          for (const field of Object.keys(record(problem.properties))) assert.ok(field in record(schema.properties), `${key} ${status}: ${field}`);
          for (const field of problemRequired) assert.ok(((schema.required as string[]) ?? []).includes(field), `${key} ${status}: requires ${field}`);
        }
      }
    });

    test(`the committed document and generated types are current (else: ${SYNC_COMMAND})`, async () => {
      const live = renderDocument(document);
      const committed = readCommitted(CONTRACT_DOCUMENT_PATH);
      assert.ok(committed, `packages/contract/openapi.json is missing; run ${SYNC_COMMAND}`);
      const breaking = breakingChanges(JSON.parse(committed), document);
      assert.deepEqual(breaking, [], `breaking changes against the committed document; if intended, run ${SYNC_COMMAND} and commit (CONTRIBUTING.md)`);
      assert.ok(committed === live, `packages/contract/openapi.json differs from what the server serves; run ${SYNC_COMMAND} and commit`);
      assert.ok(readCommitted(CONTRACT_TYPES_PATH) === (await generateTypes(live)), `packages/contract/src/generated/openapi.ts is stale; run ${SYNC_COMMAND} and commit`);
    });
  });
}
