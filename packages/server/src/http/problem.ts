// The only place that maps errors to HTTP: RFC 9457 problem+json with a stable code and the
// request's correlation id. Unknown errors become a 500 that reveals nothing but the id.
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '@comity/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  correlationId: string;
  errors?: { path: string; message: string }[];
  [extra: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail?: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  const body: ProblemBody = {
    type: `https://comity.dev/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    correlationId: String(reply.request.id),
    instance: reply.request.url.split('?')[0],
    ...(detail ? { detail } : {}),
    ...extra,
  };
  return reply.code(status).type('application/problem+json; charset=utf-8').send(body);
}

function statusOfDomain(err: DomainError): number {
  if (err instanceof ValidationError) return 400;
  if (err instanceof UnauthenticatedError) return 401;
  if (err instanceof ForbiddenError) return 403;
  if (err instanceof NotFoundError) return 404;
  if (err instanceof ConflictError) return 409;
  return 400;
}

export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const errors = err.validation.map((v) => ({
      path: `${err.validationContext ?? 'body'}${v.instancePath ? v.instancePath.replace(/\//g, '.') : ''}`,
      message: v.message ?? 'invalid',
    }));
    return sendProblem(reply, 400, 'validation_failed', 'The request does not match the schema.', { errors });
  }
  if (err instanceof DomainError) {
    return sendProblem(reply, statusOfDomain(err), err.code, err.message, err.details ?? {});
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendProblem(reply, 413, 'body_too_large', 'The request body is larger than this node accepts.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return sendProblem(reply, 415, 'unsupported_media_type', 'Send JSON with Content-Type: application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return sendProblem(reply, 400, 'malformed_json', 'The body is empty but Content-Type says JSON.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return sendProblem(reply, 400, 'bad_content_length', 'Content-Length does not match the body.');
  }
  if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return sendProblem(reply, 400, 'malformed_json', 'The body is not valid JSON.');
  }
  if (err.statusCode === 429) {
    return sendProblem(reply, 429, 'rate_limited', 'Too many requests; wait a minute and try again.');
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return sendProblem(reply, err.statusCode, 'bad_request', err.message);
  }
  request.log.error({ err }, 'unhandled error');
  return sendProblem(reply, 500, 'internal_error', 'Something went wrong on the node. Quote the correlation id to the operator.');
}
