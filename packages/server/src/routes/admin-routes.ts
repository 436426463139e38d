// Organisations and users. Admins manage every organisation on the node; other roles read their own.
import {
  CreateOrganisationBody,
  CreateUserBody,
  IdParams,
  Organisation,
  OrganisationList,
  UpdateOrganisationBody,
  User,
  UserList,
  UserQuery,
} from '@comity/contract';
import { NODE_WIDE_ROLES, NotFoundError } from '@comity/core';
import { findOrganisation, listOrganisations, listUserSummaries } from '@comity/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createOrganisation, createUser, setUserDisabled, updateOrganisation } from '../accounts/accounts-service.ts';
import { requirePermission } from '../auth/authenticate.ts';
import type { AppDeps } from '../deps.ts';
import { presentOrganisation, presentUser } from '../http/presenters.ts';

export async function adminRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/organisations',
    { config: { permission: 'organisation:read' }, schema: { tags: ['organisations'], summary: 'Organisations I may see', response: { 200: OrganisationList } } },
    async (request) => {
      const actor = requirePermission(request, 'organisation:read');
      const rows = await listOrganisations(deps.db, NODE_WIDE_ROLES.includes(actor.role) ? undefined : actor.organisationId);
      return { items: rows.map(presentOrganisation) };
    },
  );
  r.get(
    '/api/v1/counterparts',
    {
      config: { permission: 'request:draft' },
      schema: {
        tags: ['organisations'],
        summary: 'Other authorities on this node that a request can be addressed to',
        response: { 200: OrganisationList },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'request:draft');
      // Names, States and kinds of the authorities on this node are a directory, not case data.
      const rows = await listOrganisations(deps.db);
      return { items: rows.filter((o) => o.id !== actor.organisationId).map(presentOrganisation) };
    },
  );
  r.get(
    '/api/v1/organisations/:id',
    { config: { permission: 'organisation:read' }, schema: { tags: ['organisations'], summary: 'One organisation', params: IdParams, response: { 200: Organisation } } },
    async (request) => {
      const actor = requirePermission(request, 'organisation:read');
      const org = await findOrganisation(deps.db, request.params.id);
      if (!org || (!NODE_WIDE_ROLES.includes(actor.role) && org.id !== actor.organisationId)) throw new NotFoundError('not_found', 'No such organisation.');
      return presentOrganisation(org);
    },
  );
  r.post(
    '/api/v1/organisations',
    { config: { permission: 'organisation:manage' }, schema: { tags: ['organisations'], summary: 'Create an organisation (admin)', body: CreateOrganisationBody, response: { 201: Organisation } } },
    async (request, reply) => {
      const actor = requirePermission(request, 'organisation:manage');
      const org = await createOrganisation(deps, { actor, requestId: String(request.id) }, request.body);
      return reply.code(201).send(presentOrganisation(org));
    },
  );
  r.patch(
    '/api/v1/organisations/:id',
    { config: { permission: 'organisation:manage' }, schema: { tags: ['organisations'], summary: 'Rename or correct an organisation (admin)', params: IdParams, body: UpdateOrganisationBody, response: { 200: Organisation } } },
    async (request) => {
      const actor = requirePermission(request, 'organisation:manage');
      return presentOrganisation(await updateOrganisation(deps, { actor, requestId: String(request.id) }, request.params.id, request.body));
    },
  );
  r.get(
    '/api/v1/users',
    { config: { permission: 'user:read' }, schema: { tags: ['users'], summary: 'Users (admins: all; supervisors: their organisation)', querystring: UserQuery, response: { 200: UserList } } },
    async (request) => {
      const actor = requirePermission(request, 'user:read');
      const scoped = NODE_WIDE_ROLES.includes(actor.role) ? request.query.organisationId : actor.organisationId;
      const rows = await listUserSummaries(deps.db, { organisationId: scoped, role: request.query.role, q: request.query.q });
      return { items: rows.map(presentUser) };
    },
  );
  r.post(
    '/api/v1/users',
    { config: { permission: 'user:manage' }, schema: { tags: ['users'], summary: 'Create a user (admin)', body: CreateUserBody, response: { 201: User } } },
    async (request, reply) => {
      const actor = requirePermission(request, 'user:manage');
      const user = await createUser(deps, { actor, requestId: String(request.id) }, { ...request.body, mustChangePassword: true });
      return reply.code(201).send(presentUser(user));
    },
  );
  for (const [path, disabled] of [
    ['/api/v1/users/:id/disable', true],
    ['/api/v1/users/:id/enable', false],
  ] as const) {
    r.post(
      path,
      { config: { permission: 'user:manage' }, schema: { tags: ['users'], summary: disabled ? 'Disable a user (admin)' : 'Re-enable a user (admin)', params: IdParams, response: { 200: User } } },
      async (request) => {
        const actor = requirePermission(request, 'user:manage');
        return presentUser(await setUserDisabled(deps, { actor, requestId: String(request.id) }, request.params.id, disabled));
      },
    );
  }
}
