// HTTP routes of the directory of requested authorities: GET /api/v1/authorities for everyone who
// drafts or reads requests, and the administrator's additions (POST, PATCH, DELETE).
import { AuthorityDirectory, AuthorityDirectoryQuery, CreateAuthorityBody, DirectoryAuthority, PatchAuthorityBody } from '@comity/contract/authorities';
import { AUTHORITY_SOURCES } from '@comity/core/authorities/authority';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../auth/authenticate.ts';
import type { Actor, AppDeps } from '../deps.ts';
import { changeAuthority, createAuthority, removeAuthority } from './authorities-service.ts';
import { authorityDirectory, type AuthoritySourceFn, DIRECTORY_SOURCES } from './directory.ts';

const TAGS = ['authorities'];
const AuthorityIdParams = z.strictObject({ id: z.string().min(1).max(200).describe('admin:<uuid> or the uuid') });

export function authoritiesRoutes(deps: AppDeps, sources: readonly AuthoritySourceFn[] = DIRECTORY_SOURCES) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const who = (request: { actor: Actor | null; id: string }) => ({ actor: request.actor, requestId: String(request.id) });

    r.get(
      '/api/v1/authorities',
      {
        config: { permission: 'request:read' },
        schema: {
          tags: TAGS,
          summary: 'Directory of requested authorities, each with its source',
          description:
            'Combines central authorities designated in treaty declarations (with instrument and article), central authorities declared by a State’s own node in its signed facts, authorities on trusted peer nodes, and authorities added by an administrator. A designation whose declaration does not name the authority plainly has name null and selectable false; read declarationText.',
          querystring: AuthorityDirectoryQuery,
          response: { 200: AuthorityDirectory },
        },
      },
      async (request) => {
        requirePermission(request, 'request:read');
        const items = await authorityDirectory(deps, request.query, sources);
        return {
          items,
          sources: AUTHORITY_SOURCES.map((source) => ({ source, count: items.filter((a) => a.source === source).length })).filter((s) => s.count > 0),
        };
      },
    );

    r.post(
      '/api/v1/authorities',
      { config: { permission: 'authority:manage' }, schema: { tags: TAGS, summary: 'Add an authority without a node to the directory', body: CreateAuthorityBody, response: { 201: DirectoryAuthority } } },
      async (request, reply) => {
        requirePermission(request, 'authority:manage');
        return reply.code(201).send(await createAuthority(deps, who(request), request.body));
      },
    );

    r.patch(
      '/api/v1/authorities/:id',
      {
        config: { permission: 'authority:manage' },
        schema: { tags: TAGS, summary: 'Change an authority an administrator added (send the version you edited)', params: AuthorityIdParams, body: PatchAuthorityBody, response: { 200: DirectoryAuthority } },
      },
      async (request) => {
        requirePermission(request, 'authority:manage');
        return changeAuthority(deps, who(request), request.params.id, request.body);
      },
    );

    r.delete(
      '/api/v1/authorities/:id',
      {
        config: { permission: 'authority:manage' },
        schema: { tags: TAGS, summary: 'Remove an authority an administrator added (requests addressed to it keep its name)', params: AuthorityIdParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        requirePermission(request, 'authority:manage');
        await removeAuthority(deps, who(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
