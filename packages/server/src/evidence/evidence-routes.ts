// HTTP routes of the evidence vault: items of a case or request, one item, its custody log, its
// content (preview or download, never rendered by the node: the detected type, nosniff and a
// sandboxing CSP), resumable uploads (tus 1.0: creation, HEAD, PATCH, termination), seal, release,
// download requests (the requester picks the approving supervisor) and approvals, working copies.
import { verifyCustodyChain } from '@comity/core/evidence/custody';
import {
  ContentQuery,
  CustodyLog,
  DownloadApprovalBody,
  DownloadRequestBody,
  DownloadRequestList,
  EligibleApproverList,
  EvidenceItem,
  EvidenceList,
  EvidenceListQuery,
  EvidenceMarkingInput,
  SealBody,
  UploadView,
  WorkingCopyBody,
} from '@comity/contract/evidence';
import { type Marking, NO_LIMITATIONS } from '@comity/core/policy/marking';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ValidationError } from '@comity/core';
import { requirePermission } from '../auth/authenticate.ts';
import type { AppDeps } from '../deps.ts';
import { assertWellFormedText } from '../http/text-boundary.ts';
import { policyTrailOf } from '../policy/policy-routes-check.ts';
import {
  type EvidenceDeps,
  type EvidenceOwner,
  approveDownload,
  listCustody,
  listEvidence,
  makeWorkingCopy,
  markedRecordOfItem,
  openEvidenceContent,
  presentItem,
  previewKind,
  readEvidenceItem,
  releaseEvidence,
  sealEvidence,
} from './evidence-service.ts';
import { eligibleApprovers, pendingDownloadRequests, requestDownload } from './download-requests.ts';
import { type UploadRuntime, appendChunk, cancelUpload, createUpload, loadUpload, presentUpload } from './evidence-uploads.ts';

const TAGS = ['evidence'];
const IdParams = z.strictObject({ id: z.uuid() });
const TUS_VERSION = '1.0.0';

/** `attachment; filename*=UTF-8''…` so that names in any script survive. */
function disposition(kind: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** tus Upload-Metadata: comma-separated `key base64value` pairs. */
function parseMetadata(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const pair of header.split(',')) {
    const [key, value] = pair.trim().split(' ');
    if (!key) continue;
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(key)) throw new ValidationError('bad_upload_metadata', `Upload-Metadata key "${key.slice(0, 64)}" is not allowed.`);
    const decoded = value ? Buffer.from(value, 'base64').toString('utf8') : '';
    out[key] = assertWellFormedText(decoded, `/headers/upload-metadata/${key}`);
  }
  return out;
}

function ownerFrom(meta: Record<string, string>): EvidenceOwner {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (meta.caseId && UUID.test(meta.caseId) && !meta.requestId) return { caseId: meta.caseId };
  if (meta.requestId && UUID.test(meta.requestId) && !meta.caseId) return { requestId: meta.requestId };
  throw new ValidationError('owner_required', 'Upload-Metadata must name a caseId or a requestId (one of them).');
}

function markingFrom(meta: Record<string, string>, who: { organisationId: string; name: string; state: string }): Marking | undefined {
  if (!meta.tlp) return undefined;
  const parsed = EvidenceMarkingInput.safeParse({ tlp: meta.tlp, ...(meta.handling ? { handling: meta.handling } : {}), ...(meta.handlingNote ? { handlingNote: meta.handlingNote } : {}) });
  if (!parsed.success) throw new ValidationError('bad_marking', 'Upload-Metadata tlp/handling is not a marking.');
  return {
    tlp: parsed.data.tlp,
    handling: parsed.data.handling ?? 'H0',
    handlingNotes: parsed.data.handlingNote ? [parsed.data.handlingNote] : [],
    originators: [{ nodeId: null, organisationId: who.organisationId, name: who.name, state: who.state }],
    limitations: { ...NO_LIMITATIONS },
  };
}

function tus(reply: FastifyReply): FastifyReply {
  return reply.header('tus-resumable', TUS_VERSION).header('cache-control', 'no-store');
}

/** The CSP of content served back: nothing runs, nothing loads; a PDF is left to the browser's viewer. */
function contentPolicy(mediaType: string): string {
  const base = "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";
  return previewKind(mediaType) === 'pdf' ? base : `sandbox; ${base}`;
}

export function evidenceRoutes(deps: EvidenceDeps, rt: UploadRuntime, app0: Pick<AppDeps, 'db'>) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const who = (request: FastifyRequest) => ({ actor: request.actor, requestId: String(request.id), trail: policyTrailOf(request) });

    r.get(
      '/api/v1/evidence',
      {
        config: { permission: 'evidence:read', policy: ['read'] },
        schema: { tags: TAGS, summary: 'The evidence items of a case or a request that you may read', querystring: EvidenceListQuery, response: { 200: EvidenceList } },
      },
      async (request) => {
        requirePermission(request, 'evidence:read');
        const owner: EvidenceOwner = request.query.caseId ? { caseId: request.query.caseId } : { requestId: request.query.requestId as string };
        const items = await listEvidence(deps, who(request), owner);
        return { items: items.map((i) => presentItem(i.item, i.record)) };
      },
    );

    r.get(
      '/api/v1/evidence/:id',
      { config: { permission: 'evidence:read', policy: ['read'] }, schema: { tags: TAGS, summary: 'One evidence item', params: IdParams, response: { 200: EvidenceItem } } },
      async (request) => {
        requirePermission(request, 'evidence:read');
        const { item, record } = await readEvidenceItem(deps, who(request), request.params.id);
        return presentItem(item, record);
      },
    );

    r.get(
      '/api/v1/evidence/:id/custody',
      {
        config: { permission: 'evidence:read', policy: ['read'] },
        schema: { tags: TAGS, summary: 'The custody log of an item, checked (links, hashes, the node’s signatures)', params: IdParams, response: { 200: CustodyLog } },
      },
      async (request) => {
        requirePermission(request, 'evidence:read');
        const { item } = await readEvidenceItem(deps, who(request), request.params.id);
        const events = await listCustody(deps.db, item.id);
        const verification = verifyCustodyChain(deps.hasher, (keyId) => deps.verifierFor(keyId), item.id, events, { seq: item.custody_seq, hash: item.custody_head });
        return { events, verification: { ok: verification.ok, problems: verification.problems } };
      },
    );

    r.get(
      '/api/v1/evidence/:id/content',
      {
        config: { permission: 'evidence:read', policy: ['read', 'export'] },
        schema: {
          tags: TAGS,
          summary: 'The content: a preview (inline, custody "viewed") or a download (attachment, custody "downloaded")',
          description:
            'Served with the type detected from the content (types a browser could run, such as HTML or SVG, as application/octet-stream), X-Content-Type-Options: nosniff and a sandboxing Content-Security-Policy. Byte ranges are supported for video. A sealed item is downloaded only with a supervisor’s approval for you (403 sealed_needs_approval otherwise); each approval serves one download.',
          params: IdParams,
          querystring: ContentQuery,
        },
      },
      async (request, reply) => {
        requirePermission(request, 'evidence:read');
        const kind = request.query.disposition;
        const { item: visible } = await readEvidenceItem(deps, who(request), request.params.id);
        const size = Number(visible.size_bytes);
        let range: { start: number; end: number } | undefined;
        const header = request.headers.range;
        if (kind === 'inline' && typeof header === 'string' && size > 0) {
          const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
          if (m && (m[1] || m[2])) {
            const start = m[1] ? Number(m[1]) : Math.max(0, size - Number(m[2]));
            const end = m[1] && m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
            if (start > end || start >= size) return reply.code(416).header('content-range', `bytes */${size}`).send();
            range = { start, end };
          }
        }
        const { item, stream } = await openEvidenceContent(deps, who(request), visible.id, kind, range);
        const served = previewKind(item.media_type) === 'none' && kind === 'inline' ? 'application/octet-stream' : item.media_type;
        const type = /^(text\/html|image\/svg\+xml|application\/xml|text\/xml)/.test(served) ? 'application/octet-stream' : served;
        reply
          .header('content-type', type === 'text/plain' ? 'text/plain; charset=utf-8' : type)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', contentPolicy(item.media_type))
          .header('cross-origin-resource-policy', 'same-origin')
          .header('content-disposition', disposition(kind, item.filename ?? `${item.id}`))
          .header('x-content-sha256', item.sha256)
          .header('accept-ranges', 'bytes')
          .header('cache-control', 'private, no-store');
        if (range) {
          reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`).header('content-length', String(range.end - range.start + 1));
        } else reply.header('content-length', String(size));
        return reply.send(stream);
      },
    );

    // ── Resumable uploads (tus 1.0) ──

    r.post(
      '/api/v1/evidence/uploads',
      {
        config: { permission: 'evidence:add', policy: ['read'] },
        schema: {
          tags: TAGS,
          summary: 'Start a resumable upload (tus 1.0 creation)',
          description:
            'Headers: Tus-Resumable: 1.0.0, Upload-Length (bytes), Upload-Metadata (tus: comma-separated "key base64(value)"): title (required), caseId or requestId (one), filename, filetype (kept as a hint, never used), description, tlp, handling, handlingNote. Over the node limit: 413 and nothing is created. Answers 201 with Location; send the bytes with PATCH.',
          headers: z.object({ 'upload-length': z.string().regex(/^\d{1,16}$/), 'upload-metadata': z.string().max(65536).optional() }).loose(),
          response: { 201: UploadView },
        },
      },
      async (request, reply) => {
        const actor = requirePermission(request, 'evidence:add');
        const length = Number(request.headers['upload-length']);
        const meta = parseMetadata(request.headers['upload-metadata'] as string | undefined);
        const org = await app0.db.selectFrom('organisations').select(['name', 'country']).where('id', '=', actor.organisationId).executeTakeFirst();
        const marking = markingFrom(meta, { organisationId: actor.organisationId, name: org?.name ?? '', state: org?.country ?? 'XXX' });
        const upload = await createUpload(
          deps,
          rt,
          who(request),
          {
            owner: ownerFrom(meta),
            title: meta.title ?? '',
            description: meta.description,
            source: { kind: 'uploaded' },
            filename: meta.filename,
            mediaTypeHint: meta.filetype,
            marking,
          },
          length,
        );
        return tus(reply)
          .code(201)
          .header('location', `/api/v1/evidence/uploads/${upload.id}`)
          .header('upload-offset', '0')
          .header('upload-expires', new Date(upload.expires_at).toUTCString())
          .send(presentUpload(upload));
      },
    );

    r.route({
      method: 'HEAD',
      url: '/api/v1/evidence/uploads/:id',
      config: { permission: 'evidence:add', policy: 'none' },
      schema: { tags: TAGS, summary: 'How many bytes of an upload have arrived (Upload-Offset)', params: IdParams },
      handler: async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
        requirePermission(request, 'evidence:add');
        const u = await loadUpload(deps, who(request), request.params.id);
        return tus(reply).header('upload-offset', String(u.received)).header('upload-length', String(u.length)).header('upload-expires', new Date(u.expires_at).toUTCString()).code(200).send();
      },
    });

    r.get(
      '/api/v1/evidence/uploads/:id',
      { config: { permission: 'evidence:add', policy: 'none' }, schema: { tags: TAGS, summary: 'An upload of yours: bytes received, state, the item once complete', params: IdParams, response: { 200: UploadView } } },
      async (request) => {
        requirePermission(request, 'evidence:add');
        return presentUpload(await loadUpload(deps, who(request), request.params.id));
      },
    );

    await app.register(async (child) => {
      // The chunk's bytes stream to the upload file: not parsed, not held in memory.
      child.addContentTypeParser('application/offset+octet-stream', (_req, payload, done) => done(null, payload));
      child.withTypeProvider<ZodTypeProvider>().patch(
        '/api/v1/evidence/uploads/:id',
        {
          // The body is the request stream (bytes, not text); params and headers are checked by the schema.
          config: { permission: 'evidence:add', policy: 'none', ownTextCheck: true },
          schema: {
            tags: TAGS,
            summary: 'Send bytes of an upload (tus PATCH) from Upload-Offset',
            description:
              'Content-Type: application/offset+octet-stream; Upload-Offset must equal the bytes received (409 offset_mismatch gives the right one). Answers 204 with the new Upload-Offset; with the last byte, the item is created and its id is in Comity-Evidence-Item. Bytes past Upload-Length: 413 and the upload is removed. A broken connection keeps what arrived: HEAD, then resume.',
            params: IdParams,
            headers: z.object({ 'upload-offset': z.string().regex(/^\d{1,16}$/) }).loose(),
          },
        },
        async (request, reply) => {
          requirePermission(request, 'evidence:add');
          const { upload, item } = await appendChunk(deps, rt, who(request), request.params.id, Number(request.headers['upload-offset']), request.body as never);
          tus(reply).header('upload-offset', String(item ? upload.length : upload.received));
          if (item) reply.header('comity-evidence-item', item.id);
          return reply.code(204).send();
        },
      );
    });

    r.delete(
      '/api/v1/evidence/uploads/:id',
      { config: { permission: 'evidence:add', policy: 'none' }, schema: { tags: TAGS, summary: 'Abandon an upload (its bytes are removed)', params: IdParams, response: { 204: z.null() } } },
      async (request, reply) => {
        requirePermission(request, 'evidence:add');
        await cancelUpload(deps, rt, who(request), request.params.id);
        return tus(reply).code(204).send();
      },
    );

    // ── Seal, release, approvals, working copies ──

    const present = async (row: Awaited<ReturnType<typeof sealEvidence>>) => presentItem(row, await markedRecordOfItem(deps, row));

    r.post(
      '/api/v1/evidence/:id/seal',
      { config: { permission: 'evidence:seal', policy: ['read'] }, schema: { tags: TAGS, summary: 'Seal an evidentiary original: downloads then need a supervisor’s approval', params: IdParams, body: SealBody, response: { 200: EvidenceItem } } },
      async (request) => {
        requirePermission(request, 'evidence:seal');
        return present(await sealEvidence(deps, who(request), request.params.id, request.body.note));
      },
    );

    r.post(
      '/api/v1/evidence/:id/release',
      { config: { permission: 'evidence:seal', policy: ['read'] }, schema: { tags: TAGS, summary: 'Lift the seal of an item', params: IdParams, body: SealBody, response: { 200: EvidenceItem } } },
      async (request) => {
        requirePermission(request, 'evidence:seal');
        return present(await releaseEvidence(deps, who(request), request.params.id, request.body.note));
      },
    );

    r.post(
      '/api/v1/evidence/:id/download-approvals',
      {
        config: { permission: 'evidence:seal', policy: ['read'] },
        schema: {
          tags: TAGS,
          summary: 'Approve one download of a sealed item by another user (four eyes)',
          params: IdParams,
          body: DownloadApprovalBody,
          response: { 201: z.object({ seq: z.number().int().describe('The custody event of the approval') }) },
        },
      },
      async (request, reply) => {
        requirePermission(request, 'evidence:seal');
        return reply.code(201).send(await approveDownload(deps, who(request), request.params.id, request.body));
      },
    );

    r.get(
      '/api/v1/evidence/:id/approvers',
      {
        config: { permission: 'evidence:read', policy: ['read'] },
        schema: { tags: TAGS, summary: 'The supervisors you may ask to approve a download of a sealed item (active, of its organisation, not you)', params: IdParams, response: { 200: EligibleApproverList } },
      },
      async (request) => {
        requirePermission(request, 'evidence:read');
        return { items: await eligibleApprovers(deps, who(request), request.params.id) };
      },
    );

    r.get(
      '/api/v1/evidence/:id/download-requests',
      {
        config: { permission: 'evidence:read', policy: ['read'] },
        schema: { tags: TAGS, summary: 'Download requests of a sealed item that wait for their approver', params: IdParams, response: { 200: DownloadRequestList } },
      },
      async (request) => {
        requirePermission(request, 'evidence:read');
        const pending = await pendingDownloadRequests(deps, who(request), request.params.id);
        return {
          items: pending.map((p) => ({ seq: p.seq, at: p.at.toISOString(), requester: { id: p.userId, email: p.userEmail }, approver: { id: p.approverId, email: p.approverEmail }, reason: p.reason })),
        };
      },
    );

    r.post(
      '/api/v1/evidence/:id/download-requests',
      {
        config: { permission: 'evidence:read', policy: ['read'] },
        schema: {
          tags: TAGS,
          summary: 'Ask a supervisor you pick to approve one download of a sealed item (custody "download-requested", a notification to them)',
          params: IdParams,
          body: DownloadRequestBody,
          response: { 201: z.object({ seq: z.number().int().describe('The custody event of the request') }) },
        },
      },
      async (request, reply) => {
        requirePermission(request, 'evidence:read');
        return reply.code(201).send(await requestDownload(deps, who(request), request.params.id, request.body));
      },
    );

    r.post(
      '/api/v1/evidence/:id/working-copies',
      {
        config: { permission: 'evidence:add', policy: ['read'] },
        schema: { tags: TAGS, summary: 'Make a working copy for analysis (the original stays read-only)', params: IdParams, body: WorkingCopyBody, response: { 201: EvidenceItem } },
      },
      async (request, reply) => {
        requirePermission(request, 'evidence:add');
        return reply.code(201).send(await present(await makeWorkingCopy(deps, who(request), request.params.id, request.body.title)));
      },
    );

  };
}
