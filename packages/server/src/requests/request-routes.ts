// HTTP routes of the requests capability: /api/v1/requests (drafting, completeness, transitions,
// attachments, documents, statistics), /api/v1/notifications and /api/v1/service-levels.
import { NODE_WIDE_ROLES, ValidationError } from '@comity/core';
import { LIFECYCLE } from '@comity/core/requests/lifecycle';
import { groundsFor, REFUSAL_GROUNDS } from '@comity/core/requests/refusal-grounds';
import { REQUEST_STATES } from '@comity/core/requests/request';
import { IdParams } from '@comity/contract';
import {
  Attachment,
  AttachmentJsonBody,
  CheckRequestBody,
  Completeness,
  CopyAttachmentBody,
  CreateRequestBody,
  DocumentCheck,
  DocumentCheckQuery,
  DocumentQuery,
  LinkRequestBody,
  Notification,
  NotificationList,
  NotificationQuery,
  PatchRequestBody,
  PutServiceLevelBody,
  RecordAnswerBody,
  RefusalGroundList,
  RefusalGroundsQuery,
  RequestList,
  RequestListQuery,
  RequestStatistics,
  RequestView,
  ServiceLevel,
  ServiceLevelKeyQuery,
  ServiceLevelList,
  StatisticsQuery,
  TransitionBody,
  Worklist,
} from '@comity/contract/requests';
import { findOrganisation } from '@comity/db';
import { listRequests, type RequestAttachmentRow } from '@comity/db/repos/requests-repo';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, requirePermission } from '../auth/authenticate.ts';
import { sendProblem } from '../http/problem.ts';
import { policyTrailOf } from '../policy/policy-routes-check.ts';
import { LIST_POLICY, todayOf as policyToday } from '../policy/policy-service.ts';
import { assertWellFormedText } from '../http/text-boundary.ts';
import { PdfUnavailableError } from './documents/render-pdf.ts';
import { myNotifications, readNotification, removeServiceLevel, serviceLevelsOf, setServiceLevel } from './inbox-service.ts';
import { linkRequest, recordRequestAnswer } from './recorded-service.ts';
import type { RequestDeps } from './request-deps.ts';
import { worklistFor } from './worklist-service.ts';
import { presentAttachment, presentRequest, presentSummary } from './request-presenter.ts';
import {
  AttachmentTooLargeError,
  addAttachment,
  checkUnsaved,
  copyAttachment,
  createRequest,
  checkDocument,
  loadReadable,
  generateDocument,
  readAttachment,
  requestCompleteness,
  requestStatistics,
  transitionRequest,
  updateRequestContent,
} from './request-service.ts';
import { caseRefsForRequests } from '../cases/case-service.ts';

const AttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });
const AttachmentQuery = z.strictObject({ filename: z.string().min(1).max(255).optional() });
const TAGS = ['requests'];
/** A transition needs the permission of its action; any of them lets the body be read at all. */
const TRANSITION_PERMISSIONS = [...new Set(Object.values(LIFECYCLE).map((a) => a.permission))];

/** X-Filename is percent-encoded UTF-8 (headers carry bytes, not text); decoded, it obeys the text rule. */
function decodeFilenameHeader(header: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(header);
  } catch {
    throw new ValidationError('invalid_filename', 'X-Filename is not percent-encoded UTF-8 (encode the name with encodeURIComponent).', {
      pointer: '/headers/x-filename',
    });
  }
  return assertWellFormedText(decoded, '/headers/x-filename');
}

/** `attachment; filename*=UTF-8''…` so that names in any script survive. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function requestRoutes(deps: RequestDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const who = (request: FastifyRequest) => ({ actor: request.actor, requestId: String(request.id), trail: policyTrailOf(request) });

    r.post(
      '/api/v1/requests',
      { config: { policy: 'none', permission: 'request:draft' }, schema: { tags: TAGS, summary: 'Draft a new request', body: CreateRequestBody, response: { 201: RequestView } } },
      async (request, reply) => {
        requirePermission(request, 'request:draft');
        const row = await createRequest(deps, who(request), request.body);
        return reply.code(201).send(await presentRequest(deps.db, row, request.actor, deps.now()));
      },
    );

    r.get(
      '/api/v1/requests',
      { config: { policy: ['read'], permission: 'request:read' }, schema: { tags: TAGS, summary: 'List requests (filters, search, the approval queue)', querystring: RequestListQuery, response: { 200: RequestList } } },
      async (request) => {
        const actor = requirePermission(request, 'request:read');
        const q = request.query;
        const states = q.state
          ?.split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        for (const s of states ?? []) {
          if (!(REQUEST_STATES as readonly string[]).includes(s)) {
            throw new ValidationError('unknown_state', `"${s}" is not a request state.`, { allowed: [...REQUEST_STATES] });
          }
        }
        const { rows, total } = await listRequests(deps.db, {
          organisationId: NODE_WIDE_ROLES.includes(actor.role) ? undefined : actor.organisationId,
          states,
          type: q.type,
          side: q.side,
          counterpartState: q.counterpart,
          q: q.q,
          overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
          approvableBy: q.awaitingMyApproval === 'true' ? actor.userId : undefined,
          limit: q.limit,
          offset: q.offset,
        });
        policyTrailOf(request).decisions++;
        const today = LIST_POLICY.decide ? policyToday(deps.now()) : null;
        const cases = await caseRefsForRequests(deps, actor, rows.map((row) => row.id));
        return { items: rows.map((row) => ({ ...presentSummary(row, actor, today), case: cases.get(row.id) ?? null })), total };
      },
    );

    r.get(
      '/api/v1/requests/statistics',
      { config: { policy: 'none', permission: 'request:read' }, schema: { tags: TAGS, summary: 'Statistics per counterpart State and type', querystring: StatisticsQuery, response: { 200: RequestStatistics } } },
      async (request) => {
        const actor = requirePermission(request, 'request:read');
        const q = request.query;
        return { side: q.side, ...(await requestStatistics(deps, actor, q)) };
      },
    );

    r.get(
      '/api/v1/requests/refusal-grounds',
      { config: { policy: 'none', permission: 'request:read' }, schema: { tags: TAGS, summary: 'Refusal grounds with their articles, per request type', querystring: RefusalGroundsQuery, response: { 200: RefusalGroundList } } },
      async (request) => {
        requirePermission(request, 'request:read');
        const list = request.query.type ? groundsFor(request.query.type) : REFUSAL_GROUNDS;
        return { items: list.map((g) => ({ id: g.id, label: g.label, citation: g.citation, types: [...g.types] })) };
      },
    );

    r.post(
      '/api/v1/requests/check',
      { config: { policy: 'none', permission: 'request:read' }, schema: { tags: TAGS, summary: 'Check the completeness of a request that is not saved', body: CheckRequestBody, response: { 200: Completeness } } },
      async (request) => {
        const actor = requirePermission(request, 'request:read');
        const { requestingState, ...rest } = request.body;
        const own = await findOrganisation(deps.db, actor.organisationId);
        return checkUnsaved(deps, { ...rest, requestingState: requestingState ?? own?.country ?? 'XXX' }, actor.organisationId);
      },
    );

    r.get(
      '/api/v1/requests/:id',
      { config: { policy: ['read'], permission: 'request:read' }, schema: { tags: TAGS, summary: 'A request with its timeline, files and the actions you may take', params: IdParams, response: { 200: RequestView } } },
      async (request) => {
        const actor = requirePermission(request, 'request:read');
        return presentRequest(deps.db, await loadReadable(deps, who(request), request.params.id), actor, deps.now());
      },
    );

    r.patch(
      '/api/v1/requests/:id',
      { config: { policy: ['read', 'remark'], permission: 'request:draft' }, schema: { tags: TAGS, summary: 'Edit a draft (optimistic locking: send the version you edited)', params: IdParams, body: PatchRequestBody, response: { 200: RequestView } } },
      async (request) => {
        requirePermission(request, 'request:draft');
        const row = await updateRequestContent(deps, who(request), request.params.id, request.body);
        return presentRequest(deps.db, row, request.actor, deps.now());
      },
    );

    r.get(
      '/api/v1/requests/:id/completeness',
      { config: { policy: ['read'], permission: 'request:read' }, schema: { tags: TAGS, summary: 'What is missing (essential items block transmission), each with its article', params: IdParams, response: { 200: Completeness } } },
      async (request) => {
        requirePermission(request, 'request:read');
        return requestCompleteness(deps, await loadReadable(deps, who(request), request.params.id));
      },
    );

    r.post(
      '/api/v1/requests/:id/transitions',
      {
        config: { policy: ['read', 'transmit'], permission: TRANSITION_PERMISSIONS },
        schema: {
          tags: TAGS,
          summary: 'Move the request through its lifecycle',
          description: 'An action that is not allowed in the current state gives 409 with `allowed`; an action of the other side gives 403 `wrong_side`.',
          params: IdParams,
          body: TransitionBody,
          response: { 200: RequestView },
        },
      },
      async (request) => {
        requirePermission(request, LIFECYCLE[request.body.action].permission);
        const row = await transitionRequest(deps, who(request), request.params.id, request.body);
        return presentRequest(deps.db, row, request.actor, deps.now());
      },
    );

    r.post(
      '/api/v1/requests/:id/answers',
      {
        config: { policy: ['read'], permission: 'request:transmit' },
        bodyLimit: Math.ceil((deps.settings.attachmentMaxBytes * 4) / 3) * 4 + 64 * 1024,
        schema: {
          tags: TAGS,
          summary: 'Record an answer of a requested authority without a node',
          description:
            'The requesting side records what the authority answered outside Comity (acknowledged, more information requested, executed or partly executed with the documents it returned, refused with grounds). The timeline marks it recorded by the requesting side.',
          params: IdParams,
          body: RecordAnswerBody,
          response: { 200: RequestView },
        },
      },
      async (request, reply) => {
        requirePermission(request, 'request:transmit');
        try {
          const row = await recordRequestAnswer(deps, who(request), request.params.id, request.body);
          return presentRequest(deps.db, row, request.actor, deps.now());
        } catch (err) {
          if (err instanceof AttachmentTooLargeError) return sendProblem(reply, 413, err.code, err.message, err.details ?? {});
          throw err;
        }
      },
    );

    r.post(
      '/api/v1/requests/:id/link',
      {
        config: { policy: ['read', 'transmit'], permission: 'request:link' },
        schema: {
          tags: TAGS,
          summary: 'Link a request to an authority that joined with a node',
          description: 'For an open request to an authority without a node: a trusted peer of the same State takes over; a request already sent is transmitted to it, and later steps travel by federation.',
          params: IdParams,
          body: LinkRequestBody,
          response: { 200: RequestView },
        },
      },
      async (request) => {
        requirePermission(request, 'request:link');
        const row = await linkRequest(deps, who(request), request.params.id, request.body.nodeId);
        return presentRequest(deps.db, row, request.actor, deps.now());
      },
    );

    // Attachments accept any body: raw bytes (with ?filename=) or JSON with base64 content. The
    // parser lives in its own context so other routes keep refusing non-JSON bodies.
    await app.register(async (child) => {
      // Fastify's own text/plain parser would turn a plain-text file into a string that then
      // fails as a JSON body; only JSON is parsed, every other type is the file's bytes.
      child.removeContentTypeParser('text/plain');
      child.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
      const c = child.withTypeProvider<ZodTypeProvider>();
      c.post(
        '/api/v1/requests/:id/attachments',
        {
          config: { policy: ['read'], permission: ['request:draft', 'request:execute'] },
          bodyLimit: Math.ceil((deps.settings.attachmentMaxBytes * 4) / 3) + 64 * 1024,
          schema: {
            tags: TAGS,
            summary: 'Attach a file to a draft, or to your next answer',
            description: `A draft's files travel with the transmission. After it, the requested side may add the documents and evidence it returns (received, under execution, partially executed) and the requesting side files for its answer to a request for more information; they are sent with the next execute, partially-execute or provide-more-info (see attachmentIds). Send the file as the raw body (any Content-Type, name in ?filename= or X-Filename) or as JSON {filename, mediaType, contentBase64}. Larger than the node's limit: 413, nothing stored. JSON schema: ${JSON.stringify(z.toJSONSchema(AttachmentJsonBody))}`,
            params: IdParams,
            querystring: AttachmentQuery,
            response: { 201: Attachment },
          },
        },
        async (request, reply) => {
          requireActor(request);
          let file: { filename: string; mediaType: string; bytes: Buffer };
          if (Buffer.isBuffer(request.body)) {
            const header = request.headers['x-filename'];
            const filename = request.query.filename ?? (typeof header === 'string' ? decodeFilenameHeader(header) : undefined);
            if (!filename) throw new ValidationError('filename_required', 'Give the file name in ?filename= or the X-Filename header.');
            file = { filename, mediaType: (request.headers['content-type'] ?? 'application/octet-stream').split(';')[0]!.trim(), bytes: request.body };
          } else {
            const parsed = AttachmentJsonBody.safeParse(request.body);
            if (!parsed.success) {
              return sendProblem(reply, 400, 'validation_failed', 'The body is neither a file nor {filename, mediaType, contentBase64}.', {
                errors: parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
              });
            }
            const b64 = parsed.data.contentBase64.replace(/\s+/g, '');
            if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 === 1) throw new ValidationError('invalid_base64', 'contentBase64 is not base64.');
            file = { filename: parsed.data.filename, mediaType: parsed.data.mediaType ?? 'application/octet-stream', bytes: Buffer.from(b64, 'base64') };
          }
          try {
            const a = await addAttachment(deps, who(request), request.params.id, file);
            return reply.code(201).send(presentAttachment(a));
          } catch (err) {
            if (err instanceof AttachmentTooLargeError) return sendProblem(reply, 413, err.code, err.message, err.details ?? {});
            throw err;
          }
        },
      );
    });

    r.post(
      '/api/v1/requests/:id/attachments/copy',
      {
        config: { permission: 'request:draft', policy: ['attach'] },
        schema: {
          tags: TAGS,
          summary: 'Put a file of another request of your organisation into this draft',
          description:
            'The release policy decides (attach, for this draft’s proceedings): a file received under speciality, H1/H2/H3 or TLP:RED needs the originator’s consent (403 policy_denied names the rule and how to ask). The draft takes on the source’s markings.',
          params: IdParams,
          body: CopyAttachmentBody,
          response: { 201: Attachment },
        },
      },
      async (request, reply) => {
        requirePermission(request, 'request:draft');
        const a = await copyAttachment(deps, who(request), request.params.id, request.body);
        return reply.code(201).send(presentAttachment(a));
      },
    );

    r.get(
      '/api/v1/requests/:id/attachments/:attachmentId',
      { config: { policy: ['export'], permission: 'request:read' }, schema: { tags: TAGS, summary: 'Download an attached file', params: AttachmentParams } },
      async (request, reply) => {
        requirePermission(request, 'request:read');
        const { file, bytes } = await readAttachment(deps, who(request), request.params.id, request.params.attachmentId);
        return reply
          .header('content-type', file.media_type)
          .header('content-disposition', contentDisposition(file.filename))
          .header('x-content-sha256', file.sha256)
          .send(bytes);
      },
    );

    r.get(
      '/api/v1/requests/:id/document',
      {
        config: { policy: ['export'], permission: 'request:read' },
        schema: {
          tags: TAGS,
          summary: 'The formal letter of request as PDF or DOCX in a UN language',
          description:
            'Its SHA-256 is in the X-Content-SHA256 header and in the audit trail. X-Letter-Warnings says how many warnings GET /document/check gives for it (they are also in the audit entry): the letter is produced regardless. Without Chromium, PDF gives 503 naming the package to install; DOCX still works.',
          params: IdParams,
          querystring: DocumentQuery,
        },
      },
      async (request, reply) => {
        requirePermission(request, 'request:read');
        try {
          const doc = await generateDocument(deps, who(request), request.params.id, { format: request.query.format, lang: request.query.lang });
          return reply
            .header('content-type', doc.contentType)
            .header('content-disposition', contentDisposition(doc.filename))
            .header('x-content-sha256', doc.sha256)
            .header('x-letter-warnings', String(doc.warnings.length))
            .send(doc.bytes);
        } catch (err) {
          if (err instanceof PdfUnavailableError) return sendProblem(reply, 503, err.code, err.message, { install: 'apt-get install chromium fonts-noto-core fonts-noto-cjk', alternative: 'format=docx' });
          throw err;
        }
      },
    );

    r.get(
      '/api/v1/requests/:id/document/check',
      {
        config: { policy: ['read'], permission: 'request:read' },
        schema: {
          tags: TAGS,
          summary: 'What to know before exporting the letter: free text in another language than the letter, a signatory without a title',
          description:
            'The language of each free-text field is guessed from its script (Arabic, Cyrillic, Han, Latin) and, for Latin script, from the share of English, French and Spanish function words; short text gives no guess. The letter can be exported anyway.',
          params: IdParams,
          querystring: DocumentCheckQuery,
          response: { 200: DocumentCheck },
        },
      },
      async (request) => {
        const actor = requirePermission(request, 'request:read');
        // Checking what a letter would say reads the request: the release policy decides first.
        await loadReadable(deps, who(request), request.params.id);
        return checkDocument(deps, actor, request.params.id, { lang: request.query.lang });
      },
    );

    r.get(
      '/api/v1/worklist',
      {
        config: { access: 'signed-in' },
        schema: { tags: ['requests'], summary: 'What waits for me: drafts, approvals, incoming requests, answers, overdue deadlines (by role and organisation)', response: { 200: Worklist } },
      },
      async (request) => worklistFor(deps, requireActor(request)),
    );

    r.get(
      '/api/v1/notifications',
      { config: { policy: 'none' }, schema: { tags: ['notifications'], summary: 'My notifications, newest first', querystring: NotificationQuery, response: { 200: NotificationList } } },
      async (request) => {
        const actor = requireActor(request);
        return myNotifications(deps, actor, { unread: request.query.unread === 'true' ? true : undefined, limit: request.query.limit });
      },
    );

    r.post(
      '/api/v1/notifications/:id/read',
      { config: { policy: 'none' }, schema: { tags: ['notifications'], summary: 'Mark a notification read', params: IdParams, response: { 200: Notification } } },
      async (request) => {
        const actor = requireActor(request);
        return readNotification(deps, { actor, requestId: String(request.id) }, request.params.id);
      },
    );

    r.get(
      '/api/v1/service-levels',
      { config: { policy: 'none', permission: 'request:read' }, schema: { tags: ['requests'], summary: 'Service levels my organisation expects of its counterparts', response: { 200: ServiceLevelList } } },
      async (request) => {
        const actor = requirePermission(request, 'request:read');
        return { items: await serviceLevelsOf(deps, actor.organisationId) };
      },
    );

    r.put(
      '/api/v1/service-levels',
      { config: { policy: 'none', permission: 'request:configure' }, schema: { tags: ['requests'], summary: 'Set the service level for a counterpart (organisation, State, or default)', body: PutServiceLevelBody, response: { 200: ServiceLevel } } },
      async (request) => {
        const actor = requirePermission(request, 'request:configure');
        return setServiceLevel(deps, { actor, requestId: String(request.id) }, request.body);
      },
    );

    r.delete(
      '/api/v1/service-levels',
      { config: { policy: 'none', permission: 'request:configure' }, schema: { tags: ['requests'], summary: 'Remove a service level', querystring: ServiceLevelKeyQuery, response: { 204: z.null() } } },
      async (request, reply) => {
        const actor = requirePermission(request, 'request:configure');
        await removeServiceLevel(deps, { actor, requestId: String(request.id) }, request.query);
        return reply.code(204).send(null);
      },
    );
  };
}
