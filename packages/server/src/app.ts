// Builds the Fastify app: security headers, cookies, rate limits, zod validation, OpenAPI,
// problem+json errors, metrics, the API routes and the web UI with its SPA fallback.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { accessHook, documentAccess } from './auth/access.ts';
import { type DeclaredRoute, ROUTE_TABLES, collectRoutes, policyCheckedHook } from './policy/policy-routes-check.ts';
import { authenticateHook } from './auth/authenticate.ts';
import type { AppDeps } from './deps.ts';
import { clientErrorHandler, errorHandler, frameworkErrorHandler, sendProblem } from './http/problem.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { textBoundaryHook } from './http/text-boundary.ts';
import { transformDocument } from './openapi/finish-document.ts';
import { accountRoutes } from './routes/account-routes.ts';
import { adminRoutes } from './routes/admin-routes.ts';
import { auditRoutes } from './routes/audit-routes.ts';
import { nodeRoutes } from './routes/node-routes.ts';
import { sessionRoutes } from './routes/session-routes.ts';

export type RoutePlugin = (app: FastifyInstance, deps: AppDeps) => Promise<void>;

/**
 * Only configured proxies may speak for the client: with N hops, the socket peer and the N-1
 * right-most X-Forwarded-For entries are proxies and the next one to the left is the client
 * (what an appending proxy such as nginx leaves); with a list, only those addresses count.
 */
function trustProxyOption(setting: number | string[] | undefined): false | string[] | ((address: string, hop: number) => boolean) {
  if (setting === undefined || setting === 0) return false;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;

export async function buildApp(deps: AppDeps, extraRoutes: RoutePlugin[] = []): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.config.log ? { level: process.env.COMITY_LOG_LEVEL ?? 'info' } : false,
    bodyLimit: deps.config.bodyLimitBytes ?? 1024 * 1024,
    trustProxy: trustProxyOption(deps.config.trustProxy),
    // A caller's own X-Request-Id is kept when it looks sane, so logs on both sides line up.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    // Errors Fastify answers before any route runs (a bad percent-encoding, an over-long path
    // parameter, a request the HTTP parser refuses) are problem+json like every other error.
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  });
  app.addHook('onRoute', documentAccess);
  const routeTable: DeclaredRoute[] = [];
  ROUTE_TABLES.set(deps, routeTable);
  app.addHook('onRoute', collectRoutes(routeTable));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  // Helmet's headers, computed once (http/security-headers.ts).
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Comity node API',
        version: deps.version,
        description:
          'International cooperation in criminal matters. Errors are RFC 9457 problem+json with a stable `code` and a `correlationId`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'comity_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    // Emits the component schemas the routes refer to (without it they dangle), then adds operation
    // ids and the problem+json error answers (openapi/finish-document.ts).
    transformObject: transformDocument,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    (request as { startedAt?: bigint }).startedAt = process.hrtime.bigint();
  });
  app.addHook('onRequest', authenticateHook(deps));
  // Access before anything about the body: an anonymous caller gets 401 whatever it sent.
  app.addHook('onRequest', accessHook);
  // The text rule before the route's schema, so the field is named the same way on every route.
  app.addHook('preValidation', textBoundaryHook);
  // A route that declares a release-policy action must have asked `decide` before a success.
  app.addHook('onSend', policyCheckedHook);
  app.addHook('onResponse', async (request, reply) => {
    const started = (request as { startedAt?: bigint }).startedAt;
    if (started === undefined) return;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    deps.metrics.observe(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, seconds);
  });

  for (const routes of [nodeRoutes, sessionRoutes, accountRoutes, adminRoutes, auditRoutes, ...extraRoutes]) {
    await routes(app, deps);
  }

  const webDir = deps.config.webDir;
  const haveWeb = webDir !== undefined && existsSync(`${webDir}/index.html`);
  if (haveWeb) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isApi = path.startsWith('/api/') || path.startsWith('/federation/') || ['/healthz', '/readyz', '/metrics'].includes(path);
    if (!isApi && (request.method === 'GET' || request.method === 'HEAD') && !path.includes('.')) {
      if (haveWeb) return reply.type('text/html; charset=utf-8').sendFile('index.html');
      return reply
        .type('text/html; charset=utf-8')
        .send('<!doctype html><meta charset="utf-8"><title>Comity</title><p>The web UI is not built. Run <code>npm run build:web</code> and restart; the API is at <a href="/api/docs">/api/docs</a>.</p>');
    }
    return sendProblem(reply, 404, 'not_found', `No route for ${request.method} ${path}.`);
  });
  return app;
}
