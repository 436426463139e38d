// Routes say in their config which release-policy actions they perform on marked records
// (`policy: ['read', 'export']`), or `policy: 'none'` when they touch none. A route that declares
// an action and answers 2xx without having asked `decide` is a hole: the onSend hook turns that
// answer into a 500 (fail closed) and logs the route, and policy-route-table.test.ts lists every
// route of the table against what it must declare.
import type { PolicyActionKind } from '@comity/core/policy/decide';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { PolicyTrail } from './policy-service.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The release-policy actions this route performs on marked records, or 'none'. */
    policy?: readonly PolicyActionKind[] | 'none';
  }
  interface FastifyRequest {
    policyTrail?: PolicyTrail;
  }
}

/** Every route registered, with its declaration, for the route-table test and `/metrics`-free introspection. */
export interface DeclaredRoute {
  method: string;
  url: string;
  policy: readonly PolicyActionKind[] | 'none' | undefined;
}

/** The route table of each built app, by its deps (the route-table test reads it). */
export const ROUTE_TABLES = new WeakMap<object, DeclaredRoute[]>();

export function collectRoutes(into: DeclaredRoute[]): (route: RouteOptions) => void {
  return (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const policy = (route.config as { policy?: DeclaredRoute['policy'] } | undefined)?.policy;
    for (const method of methods) if (method !== 'HEAD') into.push({ method, url: route.url, policy });
  };
}

/** The trail of one HTTP request; use cases count their decisions on it. */
export function policyTrailOf(request: FastifyRequest): PolicyTrail {
  request.policyTrail ??= { decisions: 0 };
  return request.policyTrail;
}

export class PolicyNotCheckedError extends Error {}

/** onSend: a route that declares policy actions must have decided before answering with success. */
export async function policyCheckedHook(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  const declared = request.routeOptions.config?.policy;
  if (!declared || declared === 'none' || reply.statusCode >= 300) return payload;
  if ((request.policyTrail?.decisions ?? 0) > 0) return payload;
  request.log.error({ route: request.routeOptions.url, method: request.method }, 'route declares a policy action but answered without a decision');
  throw new PolicyNotCheckedError(`${request.method} ${request.routeOptions.url} answered without a release-policy decision`);
}
