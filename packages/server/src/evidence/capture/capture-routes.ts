// HTTP routes of web capture: start a capture of a list of URLs for a case or a request, follow it
// (GET, and the `capture` live event on /api/v1/events), retry a failed URL, and the
// administrator's allowlist of hosts the SSRF rules would otherwise refuse.
import {
  CaptureAllowlist,
  CaptureList,
  CaptureListQuery,
  CaptureView,
  CreateCaptureBody,
  PutCaptureAllowlistBody,
} from '@comity/contract/evidence-capture';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../../auth/authenticate.ts';
import { policyTrailOf } from '../../policy/policy-routes-check.ts';
import { type CaptureDeps, listCaptures, readAllowlist, readCapture, retryCaptureUrl, startCapture, writeAllowlist } from './capture-service.ts';

const TAGS = ['evidence'];
const CaptureParams = z.strictObject({ id: z.uuid() });
const RetryParams = z.strictObject({ id: z.uuid(), urlId: z.uuid() });

export function captureRoutes(deps: CaptureDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const who = (request: FastifyRequest) => ({ actor: request.actor, requestId: String(request.id), trail: policyTrailOf(request) });

    r.post(
      '/api/v1/evidence/captures',
      {
        config: { permission: 'evidence:add', policy: ['read'] },
        schema: {
          tags: TAGS,
          summary: 'Capture a list of web pages as evidence for a case or a request (background job)',
          description:
            'Each URL is checked now (http or https only; every address its host resolves to must be public unless an administrator allowlisted the host; 400 `capture_refused` lists the refused URLs and why) and queued. Each page is then captured by Chromium: a full-page screenshot, a PDF print, the HTML, a WACZ with the WARC of every request and response, and a metadata record, each stored as an evidence item. Every redirect and sub-request is checked like the first URL. Follow progress with GET /api/v1/evidence/captures/{id} and the `capture` event of /api/v1/events.',
          body: CreateCaptureBody,
          response: { 202: CaptureView },
        },
      },
      async (request, reply) => {
        requirePermission(request, 'evidence:add');
        return reply.code(202).send(await startCapture(deps, who(request), request.body));
      },
    );

    r.get(
      '/api/v1/evidence/captures',
      {
        config: { permission: 'evidence:read', policy: ['read'] },
        schema: { tags: TAGS, summary: 'The captures of a case or a request, newest first', querystring: CaptureListQuery, response: { 200: CaptureList } },
      },
      async (request) => {
        requirePermission(request, 'evidence:read');
        return { items: await listCaptures(deps, who(request), request.query) };
      },
    );

    r.get(
      '/api/v1/evidence/captures/:id',
      {
        config: { permission: 'evidence:read', policy: ['read'] },
        schema: { tags: TAGS, summary: 'A capture: the state of each URL, its reason when it failed, and its evidence items', params: CaptureParams, response: { 200: CaptureView } },
      },
      async (request) => {
        requirePermission(request, 'evidence:read');
        return readCapture(deps, who(request), request.params.id);
      },
    );

    r.post(
      '/api/v1/evidence/captures/:id/urls/:urlId/retry',
      {
        config: { permission: 'evidence:add', policy: ['read'] },
        schema: { tags: TAGS, summary: 'Capture a failed URL again (409 when it has not failed)', params: RetryParams, response: { 202: CaptureView } },
      },
      async (request, reply) => {
        requirePermission(request, 'evidence:add');
        return reply.code(202).send(await retryCaptureUrl(deps, who(request), request.params.id, request.params.urlId));
      },
    );

    r.get(
      '/api/v1/evidence/capture-allowlist',
      {
        config: { permission: 'settings:manage', policy: 'none' },
        schema: { tags: TAGS, summary: 'Hosts web capture may reach although their addresses are not public (administrators)', response: { 200: CaptureAllowlist } },
      },
      async (request) => {
        requirePermission(request, 'settings:manage');
        return { hosts: await readAllowlist(deps.db) };
      },
    );

    r.put(
      '/api/v1/evidence/capture-allowlist',
      {
        config: { permission: 'settings:manage', policy: 'none' },
        schema: {
          tags: TAGS,
          summary: 'Replace the capture allowlist (administrators; audited)',
          description: 'Hosts as written in URLs, without scheme, port or path. An IP address allows that spelling only: 127.0.0.1 does not allow localhost.',
          body: PutCaptureAllowlistBody,
          response: { 200: CaptureAllowlist },
        },
      },
      async (request) => {
        requirePermission(request, 'settings:manage');
        return { hosts: await writeAllowlist(deps, who(request), request.body.hosts) };
      },
    );
  };
}
