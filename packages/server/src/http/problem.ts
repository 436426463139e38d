// The only place that maps errors to HTTP: RFC 9457 problem+json with a stable code and the
// request's correlation id. Unknown errors become a 500 that reveals nothing but the id.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  TooLargeError,
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
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  431: 'Request header fields too large',
  500: 'Internal error',
  503: 'Service unavailable',
};

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

function problemBody(status: number, code: string, correlationId: string, instance: string | undefined, detail?: string, extra: Record<string, unknown> = {}): ProblemBody {
  return {
    type: `https://comity.dev/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    correlationId,
    ...(instance !== undefined ? { instance } : {}),
    ...(detail ? { detail } : {}),
    ...extra,
  };
}

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail?: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  const body = problemBody(status, code, String(reply.request.id), reply.request.url.split('?')[0], detail, extra);
  return reply.code(status).type(PROBLEM_TYPE).send(body);
}

/**
 * Fastify's `frameworkErrors`: the router refused the URL before any route or hook ran (a bad
 * percent-encoding, a path parameter longer than the router allows). The reply has no route
 * context here, so the body is serialised by hand.
 */
export function frameworkErrorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const path = (request.raw.url ?? '/').split('?')[0];
  const [status, code, detail] =
    err.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? [414, 'uri_too_long', 'A path parameter is longer than this node accepts.']
      : err.code === 'FST_ERR_BAD_URL'
        ? [400, 'bad_url', 'The URL has a malformed percent-encoding.']
        : [400, 'bad_request', 'The request could not be routed.'];
  const body = problemBody(status, code, String(request.id), path, detail);
  reply.code(status).header('x-request-id', String(request.id)).type(PROBLEM_TYPE).send(JSON.stringify(body));
}

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refused the request (headers too large, a
 * forbidden character, a malformed request line). There is no request object, only the socket.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', 'The request headers are larger than this node accepts.']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', 'The request took too long to arrive.']
        : [400, 'malformed_http', 'The HTTP request could not be parsed.'];
  const correlationId = randomUUID();
  const body = JSON.stringify(problemBody(status, code, correlationId, undefined, detail));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${correlationId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

function statusOfDomain(err: DomainError): number {
  if (err instanceof ValidationError) return 400;
  if (err instanceof UnauthenticatedError) return 401;
  if (err instanceof ForbiddenError) return 403;
  if (err instanceof NotFoundError) return 404;
  if (err instanceof ConflictError) return 409;
  if (err instanceof TooLargeError) return 413;
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
