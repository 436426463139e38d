// HTTP routes of entities (issue 13 part 1): a case's entities (/api/v1/cases/:id/entities: list,
// create, import, export, graph) and one entity (/api/v1/entities/:id: read, edit, delete, links,
// neighbourhood, mentions). Reading goes through the case's scoping (404 for anyone who may not
// read the case) and the release policy on the entity's marking.
import { IdParams } from '@comity/contract';
import {
  CaseGraphQuery,
  CreateEntityBody,
  EntityDeleted,
  EntityGraph,
  EntityImportBody,
  EntityImportResult,
  EntityList,
  EntityListQuery,
  EntityMention,
  EntityView,
  GraphQuery,
  MentionBody,
  PatchEntityBody,
  PersonSearchBody,
  PersonSearchResult,
} from '@comity/contract/entities';
import { ValidationError } from '@comity/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../auth/authenticate.ts';
import type { AppDeps } from '../deps.ts';
import { policyTrailOf } from '../policy/policy-routes-check.ts';
import {
  addMention,
  caseGraph,
  createEntity,
  deleteEntity,
  entityLinks,
  entityNeighbourhood,
  exportFtmLines,
  importCsv,
  importFtmLines,
  listCaseEntities,
  presentEntity,
  presentRow,
  readEntity,
  removeMention,
  updateEntity,
} from './entity-service.ts';
import { presentPersonHit, searchPersons } from './person-search.ts';

const TAGS = ['entities'];
const MentionParams = z.strictObject({ id: z.uuid(), mentionId: z.uuid() });
/** An import of up to 32 MiB of text (FtM lines or CSV) in one JSON body. */
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

export function entityRoutes(deps: AppDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const who = (request: FastifyRequest) => ({ actor: request.actor, requestId: String(request.id), trail: policyTrailOf(request) });
    const view = async (request: FastifyRequest, id: string) => presentEntity(deps, who(request), await readEntity(deps, who(request), id));

    r.get(
      '/api/v1/cases/:id/entities',
      {
        config: { policy: ['read'], permission: 'case:read' },
        schema: { tags: TAGS, summary: 'The entities of a case (filters: schema, entities or links, part of the name)', params: IdParams, querystring: EntityListQuery, response: { 200: EntityList } },
      },
      async (request) => {
        requirePermission(request, 'case:read');
        const { items, total } = await listCaseEntities(deps, who(request), request.params.id, request.query);
        return { items: items.map((i) => presentRow(i.row, i.effective, i.withheld)), total };
      },
    );

    r.post(
      '/api/v1/entities/person-search',
      {
        config: { policy: ['read'], permission: 'case:read' },
        schema: {
          tags: TAGS,
          summary: 'Do we already hold this person? The entities of readable cases the matcher scores above the threshold, best first, with the explanation',
          body: PersonSearchBody,
          response: { 200: PersonSearchResult },
        },
      },
      async (request) => {
        requirePermission(request, 'case:read');
        const result = await searchPersons(deps, who(request), request.body);
        // Each hit was decided by the release policy in the service (an empty answer reveals nothing).
        policyTrailOf(request).decisions++;
        return { items: result.hits.map(presentPersonHit), candidates: result.candidates, rejected: result.rejected };
      },
    );

    r.post(
      '/api/v1/cases/:id/entities',
      {
        config: { policy: ['read'], permission: 'case:edit' },
        schema: { tags: TAGS, summary: 'Add an FtM entity or link to a case (its team and supervisors)', params: IdParams, body: CreateEntityBody, response: { 201: EntityView } },
      },
      async (request, reply) => {
        requirePermission(request, 'case:edit');
        const row = await createEntity(deps, who(request), request.params.id, request.body);
        return reply.code(201).send(await view(request, row.id));
      },
    );

    r.post(
      '/api/v1/cases/:id/entities/import',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        config: { policy: ['read'], permission: 'case:edit' },
        schema: {
          tags: TAGS,
          summary: 'Import FtM JSON lines, or CSV with a column mapping, into a case (all or nothing)',
          description:
            'Every line is checked against the FtM model first; when any is wrong the answer is 400 `import_rejected` with `lines: [{ line, id, problems }]` and nothing is stored. Entities whose id the case already holds are replaced.',
          params: IdParams,
          body: EntityImportBody,
          response: { 200: EntityImportResult },
        },
      },
      async (request) => {
        requirePermission(request, 'case:edit');
        const b = request.body;
        const opts = { ...(b.marking ? { marking: b.marking } : {}), ...(b.sources ? { sources: b.sources } : {}) };
        if (b.format === 'csv') {
          if (!b.mapping) throw new ValidationError('mapping_required', 'A CSV import needs a mapping (schema and columns).');
          return importCsv(deps, who(request), request.params.id, b.content, b.mapping, opts);
        }
        return importFtmLines(deps, who(request), request.params.id, b.content, opts);
      },
    );

    r.get(
      '/api/v1/cases/:id/entities/export',
      {
        config: { policy: ['read', 'export'], permission: 'case:read' },
        schema: {
          tags: TAGS,
          summary: 'The entities of a case as FtM JSON lines (application/x-ndjson)',
          description: 'The release policy decides the export of every entity first; one it refuses refuses the export (403 `policy_denied`).',
          params: IdParams,
          response: { 200: z.string() },
        },
      },
      async (request, reply) => {
        requirePermission(request, 'case:read');
        const { text, caseRow } = await exportFtmLines(deps, who(request), request.params.id);
        const name = `${caseRow.reference.replace(/[^\p{L}\p{N}._-]+/gu, '_')}-entities.ftm.json`;
        return reply
          .type('application/x-ndjson; charset=utf-8')
          .header('content-disposition', `attachment; filename="entities.ftm.json"; filename*=UTF-8''${encodeURIComponent(name)}`)
          .send(text);
      },
    );

    r.get(
      '/api/v1/cases/:id/entities/graph',
      {
        config: { policy: ['read'], permission: 'case:read' },
        schema: { tags: TAGS, summary: 'The link graph of a case (the most linked entities first, at most `limit`)', params: IdParams, querystring: CaseGraphQuery, response: { 200: EntityGraph } },
      },
      async (request) => {
        requirePermission(request, 'case:read');
        return caseGraph(deps, who(request), request.params.id, request.query.limit);
      },
    );

    r.get(
      '/api/v1/entities/:id',
      { config: { policy: ['read'], permission: 'case:read' }, schema: { tags: TAGS, summary: 'An entity with its properties, sources, marking and mentions', params: IdParams, response: { 200: EntityView } } },
      async (request) => {
        requirePermission(request, 'case:read');
        return view(request, request.params.id);
      },
    );

    r.patch(
      '/api/v1/entities/:id',
      {
        config: { policy: ['read'], permission: 'case:edit' },
        schema: { tags: TAGS, summary: 'Change an entity’s properties, marking or sources', params: IdParams, body: PatchEntityBody, response: { 200: EntityView } },
      },
      async (request) => {
        requirePermission(request, 'case:edit');
        await updateEntity(deps, who(request), request.params.id, request.body);
        return view(request, request.params.id);
      },
    );

    r.delete(
      '/api/v1/entities/:id',
      {
        config: { policy: ['read'], permission: 'case:edit' },
        schema: { tags: TAGS, summary: 'Delete an entity and the links joining it to others', params: IdParams, response: { 200: EntityDeleted } },
      },
      async (request) => {
        requirePermission(request, 'case:edit');
        return deleteEntity(deps, who(request), request.params.id);
      },
    );

    r.get(
      '/api/v1/entities/:id/links',
      { config: { policy: ['read'], permission: 'case:read' }, schema: { tags: TAGS, summary: 'The entities linked to this one, and the links', params: IdParams, response: { 200: EntityGraph } } },
      async (request) => {
        requirePermission(request, 'case:read');
        return entityLinks(deps, who(request), request.params.id);
      },
    );

    r.get(
      '/api/v1/entities/:id/graph',
      {
        config: { policy: ['read'], permission: 'case:read' },
        schema: { tags: TAGS, summary: 'The neighbourhood of an entity: nodes and edges up to `hops` links away, at most `limit` nodes', params: IdParams, querystring: GraphQuery, response: { 200: EntityGraph } },
      },
      async (request) => {
        requirePermission(request, 'case:read');
        return entityNeighbourhood(deps, who(request), request.params.id, request.query.hops, request.query.limit);
      },
    );

    r.post(
      '/api/v1/entities/:id/mentions',
      {
        config: { policy: ['read'], permission: 'case:edit' },
        schema: { tags: TAGS, summary: 'Record that the entity is mentioned in a request or an evidence item', params: IdParams, body: MentionBody, response: { 201: EntityMention } },
      },
      async (request, reply) => {
        requirePermission(request, 'case:edit');
        await readEntity(deps, who(request), request.params.id);
        return reply.code(201).send(await addMention(deps, who(request), request.params.id, request.body));
      },
    );

    r.delete(
      '/api/v1/entities/:id/mentions/:mentionId',
      { config: { policy: ['read'], permission: 'case:edit' }, schema: { tags: TAGS, summary: 'Remove a mention', params: MentionParams, response: { 204: z.null() } } },
      async (request, reply) => {
        requirePermission(request, 'case:edit');
        await readEntity(deps, who(request), request.params.id);
        await removeMention(deps, who(request), request.params.id, request.params.mentionId);
        return reply.code(204).send(null);
      },
    );
  };
}
