// Completes the OpenAPI document after the zod transform: every operation gets a stable
// operationId (unless its route names one) and its error answers, which are always RFC 9457
// problem+json from http/problem.ts, are documented with the shared `Problem` schema.
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const PROBLEM_REF = '#/components/schemas/Problem';

/**
 * `GET /api/v1/requests/{id}/attachments` → `getRequestsByIdAttachments`. Derived from the method
 * and the path only, so it changes only when the path does (which is a breaking change anyway).
 */
export function operationIdFor(method: string, path: string): string {
  const words = path
    .split('/')
    .filter((segment) => segment && !/^(api|v\d+)$/.test(segment))
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      return param ? `By${pascal(param[1]!)}` : pascal(segment);
    });
  return method.toLowerCase() + words.join('');
}

function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problemResponse(description: string, schemaRef = PROBLEM_REF): Json {
  return { description, content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: schemaRef } } } };
}

/** Adds operation ids and problem+json error responses to an OpenAPI 3.1 document (in place). */
export function finishDocument<T extends Json>(document: T): T {
  const paths = isRecord(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      if (typeof operation.operationId !== 'string') operation.operationId = operationIdFor(method, path);
      const responses: Json = isRecord(operation.responses) ? operation.responses : {};
      operation.responses = responses;
      // A route that declares an error answer (the knowledge routes do, with a richer schema) keeps
      // its schema; only the media type is corrected to the one problem.ts sends.
      for (const [status, response] of Object.entries(responses)) {
        if (!/^[45]/.test(status) || !isRecord(response) || !isRecord(response.content)) continue;
        const media = Object.values(response.content)[0];
        response.content = { [PROBLEM_MEDIA_TYPE]: isRecord(media) ? media : { schema: { $ref: PROBLEM_REF } } };
      }
      const hasInput = Array.isArray(operation.parameters) ? operation.parameters.length > 0 : false;
      if ((hasInput || operation.requestBody !== undefined) && !responses['400']) {
        responses['400'] = problemResponse('The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule.');
      }
      responses['4XX'] ??= problemResponse('Any other refusal: not signed in, forbidden, not found, conflict, too many requests…');
      responses['5XX'] ??= problemResponse('The node failed; quote the `correlationId`.');
    }
  }
  return document;
}

/** The `transformObject` given to @fastify/swagger: zod's component schemas, then the above. */
export const transformDocument: typeof jsonSchemaTransformObject = (input) =>
  finishDocument(jsonSchemaTransformObject(input) as unknown as Json) as unknown as ReturnType<typeof jsonSchemaTransformObject>;
