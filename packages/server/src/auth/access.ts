// Who may call a route, decided before the body is read, parsed or validated: an anonymous caller
// learns nothing from a schema's error list, and a caller without the permission gets 403 whatever
// it sent. Routes under /api/v1 need a signed-in caller unless their config says `access: 'public'`,
// so a route that forgets to say anything is closed, not open.
import { type Permission, assertCan, can } from '@comity/core';
import type { FastifyRequest, RouteOptions } from 'fastify';
import { requireActor } from './authenticate.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `public`: anyone (a `guard` may still refuse). Default under /api/v1: signed in. */
    access?: 'public' | 'signed-in';
    /** The caller needs one of these permissions (implies signed in). */
    permission?: Permission | readonly Permission[];
    /** The one-time password need not be changed first (session, password change). */
    allowPasswordChangePending?: boolean;
    /** A route-specific check that also runs before parsing (the knowledge sign-in setting). */
    guard?: (request: FastifyRequest) => Promise<void>;
  }
}

export const API_PREFIX = '/api/v1/';

function needsSignIn(url: string, config: FastifyRequest['routeOptions']['config']): boolean {
  if (config.permission !== undefined || config.access === 'signed-in') return true;
  return config.access !== 'public' && url.startsWith(API_PREFIX);
}

/** onRequest hook, after `authenticateHook` has resolved `request.actor`. */
export async function accessHook(request: FastifyRequest): Promise<void> {
  const url = request.routeOptions.url;
  if (url === undefined) return; // no route: the not-found handler answers
  const config = request.routeOptions.config;
  if (config.guard) await config.guard(request);
  if (!needsSignIn(url, config)) return;
  const actor = requireActor(request, { allowPasswordChangePending: config.allowPasswordChangePending === true });
  if (config.permission === undefined) return;
  const wanted: readonly Permission[] = typeof config.permission === 'string' ? [config.permission] : config.permission;
  if (!wanted.some((p) => can(actor.role, p))) assertCan(actor.role, wanted[0] as Permission);
}

/**
 * onRoute hook: the OpenAPI document says which operations are public (`security: []`), from the
 * same config the access hook reads, so clients and the fuzz test can rely on it.
 */
export function documentAccess(route: RouteOptions): void {
  const config = (route.config ?? {}) as FastifyRequest['routeOptions']['config'];
  const url = route.url;
  if (typeof url !== 'string' || needsSignIn(url, config) || !url.startsWith('/api/v1/')) return;
  route.schema = { ...(route.schema ?? {}), security: [] };
}
