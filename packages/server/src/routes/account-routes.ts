// The signed-in user's own account: password and personal API tokens.
import { AccountProfile, ApiTokenList, ChangePasswordBody, CreateApiTokenBody, CreatedApiToken, IdParams, RevokedApiTokens, UpdateAccountProfileBody } from '@comity/contract';
import { listApiTokens } from '@comity/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePassword, createApiToken, readProfile, revokeAllTokens, revokeToken, updateProfile } from '../accounts/accounts-service.ts';
import { requireActor } from '../auth/authenticate.ts';
import type { AppDeps } from '../deps.ts';

export async function accountRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/account/password',
    { config: { allowPasswordChangePending: true }, schema: { tags: ['account'], summary: 'Change my password', body: ChangePasswordBody, response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = requireActor(request, { allowPasswordChangePending: true });
      await changePassword(deps, { actor, requestId: String(request.id) }, request.body.currentPassword, request.body.newPassword, {
        revokeApiTokens: request.body.revokeApiTokens,
      });
      return reply.code(204).send(null);
    },
  );
  r.get(
    '/api/v1/account/tokens',
    { schema: { tags: ['account'], summary: 'My personal API tokens', response: { 200: ApiTokenList } } },
    async (request) => {
      const actor = requireActor(request);
      const rows = await listApiTokens(deps.db, actor.userId);
      return {
        items: rows.map((t) => ({
          id: t.id,
          name: t.name,
          createdAt: new Date(t.created_at).toISOString(),
          lastUsedAt: t.last_used_at ? new Date(t.last_used_at).toISOString() : null,
        })),
      };
    },
  );
  r.post(
    '/api/v1/account/tokens',
    { schema: { tags: ['account'], summary: 'Create a personal API token', body: CreateApiTokenBody, response: { 201: CreatedApiToken } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const created = await createApiToken(deps, { actor, requestId: String(request.id) }, request.body.name);
      return reply.code(201).send(created);
    },
  );
  r.delete(
    '/api/v1/account/tokens',
    { schema: { tags: ['account'], summary: 'Revoke all my personal API tokens', response: { 200: RevokedApiTokens } } },
    async (request) => {
      const actor = requireActor(request);
      return revokeAllTokens(deps, { actor, requestId: String(request.id) });
    },
  );
  r.delete(
    '/api/v1/account/tokens/:id',
    { schema: { tags: ['account'], summary: 'Revoke a personal API token', params: IdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await revokeToken(deps, { actor, requestId: String(request.id) }, request.params.id);
      return reply.code(204).send(null);
    },
  );
  r.get(
    '/api/v1/account/profile',
    { schema: { tags: ['account'], summary: 'My profile: the name, title and signature block printed on letters I approve', response: { 200: AccountProfile } } },
    async (request) => readProfile(deps, requireActor(request)),
  );
  r.patch(
    '/api/v1/account/profile',
    { schema: { tags: ['account'], summary: 'Change my display name, title or signature block (audited)', body: UpdateAccountProfileBody, response: { 200: AccountProfile } } },
    async (request) => {
      const actor = requireActor(request);
      return updateProfile(deps, { actor, requestId: String(request.id) }, request.body);
    },
  );
}
