// Health, readiness, metrics, node identity, node settings and the OpenAPI document.
import { NodeInfo, PublicSettings, UpdateSettingsBody } from '@comity/contract';
import { getSetting, pendingMigrations, ping, putSetting } from '@comity/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, requirePermission, safeEqual } from '../auth/authenticate.ts';
import { type AppDeps, auditedTransaction } from '../deps.ts';
import { sendProblem } from '../http/problem.ts';

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
export function isLoopback(address: string): boolean {
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

export async function readPublicSettings(deps: Pick<AppDeps, 'db'>) {
  return { requireSignInForKnowledge: (await getSetting<boolean>(deps.db, 'requireSignInForKnowledge')) ?? false };
}

export async function nodeRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/healthz', { schema: { tags: ['node'], summary: 'Liveness', response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({
    status: 'ok' as const,
  }));
  r.get(
    '/readyz',
    { schema: { tags: ['node'], summary: 'Readiness: database reachable and migrations current' } },
    async (_request, reply) => {
      try {
        await ping(deps.db);
        const pending = await pendingMigrations(deps.db);
        if (pending.length) return reply.code(503).send({ status: 'not-ready', pendingMigrations: pending });
        return { status: 'ready', database: deps.dbKind };
      } catch {
        return reply.code(503).send({ status: 'not-ready', database: 'unreachable' });
      }
    },
  );
  // Metrics reveal traffic and error rates: loopback callers (a local Prometheus, or a scraper
  // behind a trusted proxy on this host — request.ip honours only COMITY_TRUST_PROXY's proxies)
  // or whoever holds COMITY_METRICS_TOKEN. Without a token setting, others learn nothing exists.
  r.get('/metrics', { schema: { hide: true }, config: { ownAuthorization: true } }, async (request, reply) => {
    const expected = deps.config.metricsToken;
    const auth = request.headers.authorization;
    const sent = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
    const tokenOk = expected !== undefined && sent !== undefined && safeEqual(sent, expected);
    if (!tokenOk && !isLoopback(request.ip)) {
      if (expected === undefined) return sendProblem(reply, 404, 'not_found', 'No route for GET /metrics.');
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      return sendProblem(reply, 401, 'unauthenticated', 'GET /metrics needs the metrics token (Authorization: Bearer) from this address.');
    }
    reply.type('text/plain; version=0.0.4; charset=utf-8');
    return deps.metrics.render();
  });
  r.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  r.get(
    '/api/v1/node',
    { schema: { tags: ['node'], summary: 'This node: id and key fingerprints', response: { 200: NodeInfo } } },
    async (request) => {
      requireActor(request);
      return {
        nodeId: deps.keys.nodeId,
        name: deps.config.nodeName ?? 'Comity node',
        signingKeyFingerprint: deps.keys.signingFingerprint,
        encryptionKeyFingerprint: deps.keys.encryptionFingerprint,
        keyStorage: deps.keys.storage,
        database: deps.dbKind,
        version: deps.version,
      };
    },
  );
  r.get(
    '/api/v1/settings/public',
    { config: { access: 'public' }, schema: { tags: ['node'], summary: 'Settings the web UI needs before sign-in', response: { 200: PublicSettings } } },
    async () => readPublicSettings(deps),
  );
  r.put(
    '/api/v1/settings/public',
    { config: { permission: 'settings:manage' }, schema: { tags: ['node'], summary: 'Change node settings (admin)', body: UpdateSettingsBody, response: { 200: PublicSettings } } },
    async (request) => {
      const actor = requirePermission(request, 'settings:manage');
      await auditedTransaction(deps, { actor, requestId: String(request.id) }, async (trx, audit) => {
        await putSetting(trx, 'requireSignInForKnowledge', request.body.requireSignInForKnowledge);
        audit('settings.update', 'settings:requireSignInForKnowledge', { value: request.body.requireSignInForKnowledge });
      });
      return readPublicSettings(deps);
    },
  );
}
