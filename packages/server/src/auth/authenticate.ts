// Who is calling: a server-side session (httpOnly SameSite=Strict cookie, CSRF token for changes)
// or a personal API token (Authorization: Bearer). Tokens and session ids are stored hashed.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { ForbiddenError, type Permission, type Role, UnauthenticatedError, assertCan } from '@comity/core';
import { findApiTokenByHash, findSession, findUser, markApiTokenUsed, touchSession } from '@comity/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, AppDeps } from '../deps.ts';
import { sha256Hex } from '../identity/crypto-adapters.ts';

export const SESSION_COOKIE = 'comity_session';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const TOKEN_PREFIX = 'cmty_';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /**
     * The route reads its credentials itself and the hook leaves the actor null: GET /metrics
     * (its own bearer token) and sign-in (a session cookie already held is replaced, not checked).
     */
    ownAuthorization?: boolean;
  }
}

export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function secretHash(secret: string): string {
  return sha256Hex(secret);
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** onRequest hook: resolves `request.actor` and enforces CSRF for cookie-authenticated changes. */
export function authenticateHook(deps: Pick<AppDeps, 'db' | 'now'>) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    request.actor = null;
    if (request.routeOptions.config?.ownAuthorization) return;
    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const token = auth.slice(7).trim();
      const row = await findApiTokenByHash(deps.db, secretHash(token));
      const user = row ? await findUser(deps.db, row.user_id) : undefined;
      if (!row || !user || user.disabled) throw new UnauthenticatedError('unauthenticated', 'The API token is not valid.');
      const now = deps.now();
      if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) await markApiTokenUsed(deps.db, row.id, now);
      request.actor = {
        userId: user.id,
        email: user.email,
        role: user.role as Role,
        organisationId: user.organisation_id,
        mustChangePassword: user.must_change_password,
        via: 'token',
      };
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const idHash = secretHash(cookie);
    const session = await findSession(deps.db, idHash);
    const now = deps.now();
    if (!session || new Date(session.expires_at).getTime() <= now.getTime()) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    const user = await findUser(deps.db, session.user_id);
    if (!user || user.disabled) return;
    // Slide the idle expiry, at most once a minute, to keep reads cheap.
    if (now.getTime() - new Date(session.last_seen_at).getTime() > 60_000) {
      await touchSession(deps.db, idHash, now, new Date(now.getTime() + SESSION_IDLE_MS));
    }
    request.actor = {
      userId: user.id,
      email: user.email,
      role: user.role as Role,
      organisationId: user.organisation_id,
      mustChangePassword: user.must_change_password,
      via: 'session',
      sessionIdHash: idHash,
      csrfToken: session.csrf_token,
    };
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrf_token)) {
        throw new ForbiddenError('csrf_failed', 'The CSRF token is missing or wrong; reload the page and try again.');
      }
    }
  };
}

/** The signed-in caller, or 401. Users who must change their password can do nothing else first. */
export function requireActor(request: FastifyRequest, opts: { allowPasswordChangePending?: boolean } = {}): Actor {
  const actor = request.actor;
  if (!actor) throw new UnauthenticatedError('unauthenticated', 'Sign in first.');
  if (actor.mustChangePassword && !opts.allowPasswordChangePending) {
    throw new ForbiddenError('password_change_required', 'Change your one-time password first (POST /api/v1/account/password).');
  }
  return actor;
}

export function requirePermission(request: FastifyRequest, permission: Permission): Actor {
  const actor = requireActor(request);
  assertCan(actor.role, permission);
  return actor;
}
