// Who is calling: a server-side session (httpOnly SameSite=Strict cookie, CSRF token for changes)
// or a personal API token (Authorization: Bearer). Tokens and session ids are stored hashed.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { ForbiddenError, type Permission, type Role, UnauthenticatedError, assertCan } from '@comity/core';
import { findApiTokenByHash, findSession, findUser, markApiTokenUsed, touchSession } from '@comity/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, AppDeps } from '../deps.ts';
import { sha256Hex } from '../identity/crypto-adapters.ts';
import { credentialCacheOf } from './credential-cache.ts';

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

/** onRequest hook: resolves `request.actor` and enforces CSRF for cookie-authenticated changes.
 * Valid credentials are memoised for a few seconds (credential-cache.ts); every change to an
 * account empties the memo, so a revocation holds from the next request on. */
export function authenticateHook(deps: Pick<AppDeps, 'db' | 'now'>) {
  const cache = credentialCacheOf(deps.db);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    request.actor = null;
    if (request.routeOptions.config?.ownAuthorization) return;
    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const token = auth.slice(7).trim();
      const key = `t:${secretHash(token)}`;
      const now = deps.now();
      const t = now.getTime();
      let entry = cache.get(key, t);
      if (!entry) {
        const begun = cache.begin();
        const row = await findApiTokenByHash(deps.db, key.slice(2));
        const user = row ? await findUser(deps.db, row.user_id) : undefined;
        if (!row || !user || user.disabled) throw new UnauthenticatedError('unauthenticated', 'The API token is not valid.');
        entry = {
          actor: {
            userId: user.id,
            email: user.email,
            role: user.role as Role,
            organisationId: user.organisation_id,
            mustChangePassword: user.must_change_password,
            via: 'token',
          },
          readAt: t,
          tokenId: row.id,
          lastUsedAt: row.last_used_at ? new Date(row.last_used_at).getTime() : undefined,
        };
        cache.put(key, entry, begun);
      }
      if (entry.lastUsedAt === undefined || t - entry.lastUsedAt > 60_000) {
        entry.lastUsedAt = t;
        await markApiTokenUsed(deps.db, entry.tokenId as string, now);
      }
      request.actor = { ...entry.actor };
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const idHash = secretHash(cookie);
    const key = `s:${idHash}`;
    const now = deps.now();
    const t = now.getTime();
    let entry = cache.get(key, t);
    if (entry && (entry.expiresAt as number) <= t) entry = undefined;
    if (!entry) {
      const begun = cache.begin();
      const session = await findSession(deps.db, idHash);
      if (!session || new Date(session.expires_at).getTime() <= t) {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return;
      }
      const user = await findUser(deps.db, session.user_id);
      if (!user || user.disabled) return;
      entry = {
        actor: {
          userId: user.id,
          email: user.email,
          role: user.role as Role,
          organisationId: user.organisation_id,
          mustChangePassword: user.must_change_password,
          via: 'session',
          sessionIdHash: idHash,
          csrfToken: session.csrf_token,
        },
        readAt: t,
        expiresAt: new Date(session.expires_at).getTime(),
        lastSeenAt: new Date(session.last_seen_at).getTime(),
      };
      cache.put(key, entry, begun);
    }
    // Slide the idle expiry, at most once a minute, to keep reads cheap.
    if (t - (entry.lastSeenAt as number) > 60_000) {
      entry.lastSeenAt = t;
      entry.expiresAt = t + SESSION_IDLE_MS;
      await touchSession(deps.db, idHash, now, new Date(t + SESSION_IDLE_MS));
    }
    const actor: Actor = { ...entry.actor };
    request.actor = actor;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, actor.csrfToken as string)) {
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
