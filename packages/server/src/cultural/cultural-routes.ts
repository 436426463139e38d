// HTTP routes of the stolen cultural property registry (issue 15): records of the caller's
// organisation (another organisation's record answers 404), their images, investigators' search
// by text and by photo, CSV import with a validation report, and the public side without sign-in:
// the check (rate limited per address), public thumbnails and receipt verification.
import { createPublicKey, verify } from 'node:crypto';
import { ValidationError } from '@comity/core';
import { verifyReceiptText } from '@comity/core/cultural/receipt';
import { IdParams } from '@comity/contract';
import {
  CheckAnswer,
  CheckJsonBody,
  CreateCulturalObjectBody,
  CulturalCheckList,
  CulturalCheckListQuery,
  CulturalImageView,
  CulturalImportReport,
  CulturalListQuery,
  CulturalObjectList,
  type CulturalObjectSummary,
  CulturalObjectView,
  CulturalPeerSetting,
  CulturalPeerSettings,
  PatchCulturalObjectBody,
  PutCulturalPeerBody,
  ReceiptVerifyAnswer,
} from '@comity/contract/cultural-property';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../auth/authenticate.ts';
import type { AppDeps } from '../deps.ts';
import { sha256Hex } from '../identity/crypto-adapters.ts';
import { policyTrailOf } from '../policy/policy-routes-check.ts';
import { listCulturalPeers, searchFederatedRecords, setCulturalPeer } from './cultural-federation.ts';
import { MATCH_DISTANCE, inspectImage, queryHash } from './images.ts';
import { type ImportValidation, validateCsv, validateXlsx } from './cultural-import.ts';
import {
  type CulturalDeps,
  type CulturalObjectRow,
  PUBLIC_TLP,
  addCulturalImage,
  createCulturalObject,
  createCulturalObjects,
  imagesOf,
  listChecks,
  publicCheck,
  rawSigningKey,
  readCulturalImage,
  readCheckPhoto,
  readCulturalObject,
  readPublicThumbnail,
  searchCulturalObjects,
  updateCulturalObject,
} from './cultural-service.ts';

const TAGS = ['cultural-property'];
type CulturalSummary = z.infer<typeof CulturalObjectSummary>;
const ImageParams = z.strictObject({ id: z.uuid(), imageId: z.uuid() });
const ImageQuery = z.strictObject({ size: z.enum(['original', 'thumbnail']).optional() });
const PublicImageParams = z.strictObject({ imageId: z.uuid() });
const CheckParams = z.strictObject({ checkId: z.uuid() });
const PeerParams = z.strictObject({ nodeId: z.string().regex(/^node-[0-9a-f]{20}$/, 'a node id such as node-0123456789abcdef0123') });
const PeerPublication = CulturalPeerSetting.pick({ nodeId: true, publish: true, accept: true })
  .extend({
    messages: z.number().int().describe('Records queued to the peer (published or withdrawn)'),
    removedRecords: z.number().int().describe('Records of the peer deleted here (accept turned off)'),
  })
  .meta({ id: 'CulturalPeerPublication' });
const VerifyBody = z.strictObject({ receipt: z.string().max(200_000).describe('The receipt file\u2019s text, exactly as saved') }).meta({ id: 'CulturalReceiptVerifyBody' });
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/tiff', 'image/avif', 'image/heic', 'image/svg+xml', 'application/octet-stream'];

export function receiptCrypto() {
  return {
    sha256Hex,
    decodeBase64url: (t: string) => new Uint8Array(Buffer.from(t, 'base64url')),
    verifyEd25519: (raw: string, message: string, signature: string) => {
      try {
        const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw }, format: 'jwk' });
        return verify(null, Buffer.from(message, 'utf8'), key, Buffer.from(signature, 'base64url'));
      } catch {
        return false;
      }
    },
  };
}

export function culturalRoutes(deps: CulturalDeps & AppDeps, settings: { checkRatePerMinute: number }) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const who = (request: FastifyRequest) => ({ actor: request.actor, requestId: String(request.id), trail: policyTrailOf(request) });
    const present = async (row: CulturalObjectRow) => {
      const images = await imagesOf(deps.db, [row.id]);
      const linked = row.case_id ? await deps.db.selectFrom('cases').select(['id', 'reference', 'title']).where('id', '=', row.case_id).executeTakeFirst() : undefined;
      return {
        id: row.id,
        organisationId: row.organisation_id,
        reference: row.reference,
        title: row.title,
        objectType: row.object_type,
        objectId: row.object_id_fields as Record<string, string>,
        theft: (row.theft as z.infer<typeof CulturalObjectView>['theft']) ?? null,
        reportingAuthority: row.reporting_authority,
        case: linked ?? null,
        legalStatus: row.legal_status as z.infer<typeof CulturalObjectView>['legalStatus'],
        marking: row.marking as z.infer<typeof CulturalObjectView>['marking'],
        handling: row.handling as z.infer<typeof CulturalObjectView>['handling'],
        public: row.marking === PUBLIC_TLP,
        images: images.map((i) => ({ id: i.id, mediaType: i.media_type, width: i.width, height: i.height, sizeBytes: i.size_bytes, sha256: i.sha256 })),
        version: row.version,
        createdAt: new Date(row.created_at).toISOString(),
        updatedAt: new Date(row.updated_at).toISOString(),
      };
    };

    // This node's records (origin null) and, unless `origin=ours`, the public records peers
    // published to this node, read-only and labelled; with a photo, everything nearest first.
    const withPeers = async (query: z.infer<typeof CulturalListQuery>, ours: { items: Omit<CulturalSummary, 'origin'>[]; total: number }, photo?: { hash: string; maxDistance: number }) => {
      const own: CulturalSummary[] = ours.items.map((i) => ({ ...i, origin: null }));
      if (query.origin === 'ours') return { items: own, total: own.length };
      const peers: CulturalSummary[] = await searchFederatedRecords(deps.db, query, photo);
      let items = [...own, ...peers];
      if (photo) items.sort((a, b) => (a.imageDistance ?? 99) - (b.imageDistance ?? 99));
      items = items.slice(0, query.limit ?? 100);
      return { items, total: items.length };
    };

    r.post(
      '/api/v1/cultural-property',
      { config: { policy: ['transmit'], permission: 'cultural:edit' }, schema: { tags: TAGS, summary: 'Record a stolen or illicitly exported cultural object', body: CreateCulturalObjectBody, response: { 201: CulturalObjectView } } },
      async (request, reply) => {
        requirePermission(request, 'cultural:edit');
        // A public record goes to the peers published to, as the release policy allows (transmit).
        policyTrailOf(request).decisions++;
        const row = await createCulturalObject(deps, who(request), request.body);
        return reply.code(201).send(await present(row));
      },
    );

    r.get(
      '/api/v1/cultural-property',
      {
        config: { policy: ['read'], permission: 'cultural:read' },
        schema: { tags: TAGS, summary: 'Search your organisation\u2019s records (words in every field, legal status, type of object)', querystring: CulturalListQuery, response: { 200: CulturalObjectList } },
      },
      async (request) => {
        requirePermission(request, 'cultural:read');
        policyTrailOf(request).decisions++;
        return withPeers(request.query, request.query.origin === 'peers' ? { items: [], total: 0 } : await searchCulturalObjects(deps, who(request), request.query));
      },
    );

    r.get(
      '/api/v1/cultural-property/federation/peers',
      {
        config: { policy: 'none', permission: 'federation:manage' },
        schema: { tags: TAGS, summary: 'The peers, whether this node publishes its public records to each, and how many records went each way', response: { 200: CulturalPeerSettings } },
      },
      async (request) => {
        requirePermission(request, 'federation:manage');
        return listCulturalPeers(deps);
      },
    );

    r.put(
      '/api/v1/cultural-property/federation/peers/:nodeId',
      {
        config: { policy: ['transmit'], permission: 'federation:manage' },
        schema: {
          tags: TAGS,
          summary: 'Publish this node\u2019s public records to a peer (every TLP:CLEAR record the release policy lets go to it, then every change), or stop (what was sent is withdrawn)',
          params: PeerParams,
          body: PutCulturalPeerBody,
          response: { 200: PeerPublication },
        },
      },
      async (request) => {
        const actor = requirePermission(request, 'federation:manage');
        // Every public record is put to the release policy for a transmission to that node.
        policyTrailOf(request).decisions++;
        return setCulturalPeer(deps, { ...who(request), actor }, request.params.nodeId, request.body);
      },
    );

    r.get(
      '/api/v1/cultural-property/:id',
      { config: { policy: ['read'], permission: 'cultural:read' }, schema: { tags: TAGS, summary: 'A cultural object record with its images', params: IdParams, response: { 200: CulturalObjectView } } },
      async (request) => {
        requirePermission(request, 'cultural:read');
        return present(await readCulturalObject(deps, who(request), request.params.id));
      },
    );

    r.patch(
      '/api/v1/cultural-property/:id',
      {
        config: { policy: ['read', 'transmit'], permission: 'cultural:edit' },
        schema: { tags: TAGS, summary: 'Change a record (legal status, marking, fields; send the version you edited); peers published to get the change or a withdrawal', params: IdParams, body: PatchCulturalObjectBody, response: { 200: CulturalObjectView } },
      },
      async (request) => {
        requirePermission(request, 'cultural:edit');
        return present(await updateCulturalObject(deps, who(request), request.params.id, request.body));
      },
    );

    r.get(
      '/api/v1/cultural-property/:id/images/:imageId',
      {
        config: { policy: ['read'], permission: 'cultural:read' },
        schema: { tags: TAGS, summary: 'An image of a record (original, or a 320-pixel JPEG thumbnail)', params: ImageParams, querystring: ImageQuery },
      },
      async (request, reply) => {
        requirePermission(request, 'cultural:read');
        const img = await readCulturalImage(deps, who(request), request.params.id, request.params.imageId, request.query.size === 'thumbnail' ? 'thumbnail' : 'content');
        return reply.type(img.mediaType).header('cache-control', 'private, no-store').send(img.bytes);
      },
    );

    await app.register(async (child) => {
      // Images and CSV arrive as the raw body; JSON bodies elsewhere keep their own parser.
      child.addContentTypeParser(IMAGE_TYPES, { parseAs: 'buffer', bodyLimit: deps.images.maxBytes + 1 }, (_req, body, done) => done(null, body));
      child.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) => done(null, body));
      // An XLSX is a zip: its size is limited here, its rows after reading (XLSX_MAX_ROWS).
      child.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) => done(null, { xlsx: body }));
      const c = child.withTypeProvider<ZodTypeProvider>();
      const imageBody = (request: FastifyRequest): Buffer => {
        if (!Buffer.isBuffer(request.body)) throw new ValidationError('image_required', 'Send the image as the request body (Content-Type image/jpeg, image/png or image/webp).');
        return request.body;
      };

      c.post(
        '/api/v1/cultural-property/:id/images',
        {
          config: { policy: ['read', 'transmit'], permission: 'cultural:edit' },
          schema: {
            tags: TAGS,
            summary: 'Add a photo to a record (JPEG, PNG or WebP as the body); its perceptual hashes are stored for search',
            description: 'Too many bytes or pixels: 413 before anything is decoded. Another format or a damaged file: 400 with the reason.',
            params: IdParams,
            response: { 201: CulturalImageView },
          },
        },
        async (request, reply) => {
          requirePermission(request, 'cultural:edit');
          return reply.code(201).send(await addCulturalImage(deps, who(request), request.params.id, imageBody(request)));
        },
      );

      c.post(
        '/api/v1/cultural-property/search/image',
        {
          config: { policy: ['read'], permission: 'cultural:read' },
          schema: { tags: TAGS, summary: 'Records whose photos are near this one (nearest first); the photo is not kept', querystring: CulturalListQuery, response: { 200: CulturalObjectList } },
        },
        async (request) => {
          requirePermission(request, 'cultural:read');
          policyTrailOf(request).decisions++;
          const photo = imageBody(request);
          const ours = request.query.origin === 'peers' ? { items: [], total: 0 } : await searchCulturalObjects(deps, who(request), request.query, photo);
          if (request.query.origin === 'ours') return withPeers(request.query, ours);
          // The peers' records are matched here with the photo's own hash (decoded a second time:
          // the investigators' search of this node's records is left as it is).
          const image = await inspectImage(photo, deps.images);
          return withPeers(request.query, ours, { hash: await queryHash(image, deps.images), maxDistance: MATCH_DISTANCE });
        },
      );

      c.post(
        '/api/v1/cultural-property/import',
        {
          config: { policy: ['transmit'], permission: 'cultural:edit' },
          schema: {
            tags: TAGS,
            summary: 'Import records from CSV (text/csv) or XLSX (its first sheet); every problem is reported by line and column and nothing is stored unless every row is good',
            description: `The same columns in both formats (header row first). For XLSX the line is the spreadsheet\u2019s row number; dates may be date cells. Content-Type text/csv or ${XLSX_TYPE}.`,
            response: { 200: CulturalImportReport },
          },
        },
        async (request) => {
          requirePermission(request, 'cultural:edit');
          policyTrailOf(request).decisions++;
          const raw = request.body as unknown;
          let validation: ImportValidation;
          if (typeof raw === 'string') validation = validateCsv(raw);
          else if (raw && typeof raw === 'object' && Buffer.isBuffer((raw as { xlsx?: unknown }).xlsx)) validation = await validateXlsx((raw as { xlsx: Buffer }).xlsx);
          else throw new ValidationError('csv_required', `Send the CSV file as the body with Content-Type text/csv, or an XLSX workbook with Content-Type ${XLSX_TYPE}.`);
          const { bodies, problems, rows } = validation;
          if (problems.length) return { imported: 0, rows, problems, created: [] };
          const created = await createCulturalObjects(deps, who(request), bodies);
          return { imported: created.length, rows, problems: [], created: created.map((c) => ({ line: c.line, id: c.row.id, reference: c.row.reference })) };
        },
      );
    });

    r.post(
      '/api/v1/cultural-property/check',
      {
        config: { access: 'public', policy: 'none', rateLimit: { max: settings.checkRatePerMinute, timeWindow: 60_000 } },
        bodyLimit: 15 * 1024 * 1024,
        schema: {
          tags: TAGS,
          summary: 'Public check (no sign-in): describe an object and/or send a photo (kept only if you tick keepPhoto); answers possible matches among the public records and a signed receipt',
          description:
            'Privacy: the photo is used for this check only and is not kept, unless you send `keepPhoto: true` to leave it with the registry\u2019s investigators (then it is kept with the check\u2019s log entry and the receipt says so); the receipt and the registry\u2019s log hold its SHA-256 digest and that of the text, and who asked only if you say so in `requester`. Rate limited per address. No match does not mean not stolen.',
          body: CheckJsonBody,
          response: { 200: CheckAnswer },
        },
      },
      async (request) => {
        const b = request.body;
        let image: Buffer | undefined;
        if (b.image !== undefined) {
          const clean = b.image.replace(/^data:[^,]*,/, '');
          if (!/^[A-Za-z0-9+/=\s_-]*$/.test(clean)) throw new ValidationError('image_not_base64', 'The photo must be sent as base64.');
          image = Buffer.from(clean, 'base64');
        }
        return publicCheck(deps, { text: b.text, image, requester: b.requester, keepPhoto: b.keepPhoto });
      },
    );

    r.get(
      '/api/v1/cultural-property/checks',
      {
        config: { policy: 'none', permission: 'cultural:read' },
        schema: {
          tags: TAGS,
          summary: 'Log of public checks, newest first: for node administrators every check, for investigators the checks that matched a record of their organisation',
          description:
            'What was asked (the text fields filled in and digests of the text and the photo; whether the photo was kept), who asked as far as the person said, the outcome with the matched records the caller may see, and the digest of the receipt. Each reading is audited.',
          querystring: CulturalCheckListQuery,
          response: { 200: CulturalCheckList },
        },
      },
      async (request) => {
        requirePermission(request, 'cultural:read');
        const q = request.query;
        return listChecks(deps, who(request), { matched: q.matched === undefined ? undefined : q.matched === 'true', from: q.from, to: q.to, limit: q.limit, offset: q.offset });
      },
    );

    r.get(
      '/api/v1/cultural-property/checks/:checkId/photo',
      {
        config: { policy: 'none', permission: 'cultural:read' },
        schema: {
          tags: TAGS,
          summary: 'The photo a person left with a public check (only if they agreed): for node administrators and for investigators of an organisation whose record the check matched; 404 otherwise',
          params: CheckParams,
          querystring: ImageQuery,
        },
      },
      async (request, reply) => {
        requirePermission(request, 'cultural:read');
        const img = await readCheckPhoto(deps, who(request), request.params.checkId, request.query.size === 'thumbnail' ? 'thumbnail' : 'content');
        return reply.type(img.mediaType).header('cache-control', 'private, no-store').send(img.bytes);
      },
    );

    r.get(
      '/api/v1/cultural-property/public/images/:imageId',
      { config: { access: 'public', policy: 'none' }, schema: { tags: TAGS, summary: 'Thumbnail of an image of a public record (no sign-in)', params: PublicImageParams } },
      async (request, reply) => reply.type('image/jpeg').header('cache-control', 'public, max-age=300').send(await readPublicThumbnail(deps.db, request.params.imageId)),
    );

    r.post(
      '/api/v1/cultural-property/receipts/verify',
      {
        config: { access: 'public', policy: 'none' },
        schema: { tags: TAGS, summary: 'Verify a check receipt (no sign-in): its form, its signature, and whether this node signed it', body: VerifyBody, response: { 200: ReceiptVerifyAnswer } },
      },
      async (request) => {
        const v = verifyReceiptText(request.body.receipt, receiptCrypto());
        if (!v.ok) return { ok: false, problem: v.problem, reason: v.reason, nodeId: null, signedByThisNode: false };
        return { ok: true, problem: null, reason: null, nodeId: v.receipt.node.id, signedByThisNode: v.receipt.node.publicKey === rawSigningKey(deps) };
      },
    );
  };
}
