// Sign-in, sign-out and the current session.
import { CurrentSessionResponse, SessionResponse, SignInBody } from '@comity/contract';
import { NotFoundError } from '@comity/core';
import { findOrganisation, findUser } from '@comity/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signIn, signOut } from '../accounts/accounts-service.ts';
import { SESSION_COOKIE, SESSION_IDLE_MS, requireActor, secretHash } from '../auth/authenticate.ts';
import type { AppDeps } from '../deps.ts';
import { presentSessionUser } from '../http/presenters.ts';

export async function sessionRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const currentSession = (request: FastifyRequest) => currentSessionOf(deps, request);
  r.post(
    '/api/v1/session',
    {
      schema: { tags: ['session'], summary: 'Sign in (sets the session cookie)', body: SignInBody, response: { 200: SessionResponse } },
      // Signing in again (a second tab, an expired page) is not a change to the current session, so
      // no CSRF token is asked for; the new session replaces the one whose cookie came along.
      config: { access: 'public', rateLimit: { max: deps.config.loginRateLimit ?? 20, timeWindow: 60_000 }, ownAuthorization: true },
    },
    async (request, reply) => {
      const held = request.cookies[SESSION_COOKIE];
      const result = await signIn(deps, String(request.id), request.body.email, request.body.password, {
        replacesSessionHash: held ? secretHash(held) : undefined,
      });
      reply.setCookie(SESSION_COOKIE, result.sessionToken, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        maxAge: Math.floor(SESSION_IDLE_MS / 1000),
      });
      return { user: presentSessionUser(result.user, result.organisation), csrfToken: result.csrfToken };
    },
  );

  r.get(
    '/api/v1/session',
    { config: { allowPasswordChangePending: true }, schema: { tags: ['session'], summary: 'The signed-in user and the CSRF token', response: { 200: SessionResponse } } },
    async (request) => {
      requireActor(request, { allowPasswordChangePending: true });
      const session = await currentSession(request);
      if (!session) throw new NotFoundError('not_found', 'No such user.');
      return session;
    },
  );

  // The web UI asks this on every page load, signed in or not: an anonymous visitor is an answer,
  // not an error, so the browser logs no failed request. GET /session keeps its 401 for clients
  // (the CLI, scripts) that want "not signed in" as a failure.
  r.get(
    '/api/v1/session/current',
    {
      config: { access: 'public' },
      schema: {
        tags: ['session'],
        summary: 'The signed-in user and the CSRF token, or null without a session (never 401 for a missing or ended session)',
        response: { 200: CurrentSessionResponse },
      },
    },
    async (request) => ({ session: await currentSession(request) }),
  );

  r.delete(
    '/api/v1/session',
    { config: { allowPasswordChangePending: true }, schema: { tags: ['session'], summary: 'Sign out', response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = requireActor(request, { allowPasswordChangePending: true });
      await signOut(deps, { actor, requestId: String(request.id) });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
}

async function currentSessionOf(deps: AppDeps, request: FastifyRequest) {
  const actor = request.actor;
  if (!actor) return null;
  const user = await findUser(deps.db, actor.userId);
  const org = user ? await findOrganisation(deps.db, user.organisation_id) : undefined;
  if (!user || !org) return null;
  return { user: presentSessionUser(user, org), csrfToken: actor.csrfToken ?? '' };
}
