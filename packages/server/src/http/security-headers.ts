// The security headers of every answer (Content-Security-Policy, X-Content-Type-Options,
// Cross-Origin-*, Referrer-Policy, …), written by helmet. The node's policy has no per-request part
// (no nonces, no per-route settings), so helmet runs once when the app is built and every request
// gets the header list it wrote; @fastify/helmet built a new helmet middleware (parsing the CSP
// directives again) in two hooks on every request, a tenth of a bare request's CPU time.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** The headers helmet sets for `options`, in its order, and the ones it removes. */
export function securityHeaders(options: Readonly<HelmetOptions>): { set: [string, string][]; remove: string[] } {
  const set: [string, string][] = [];
  const remove: string[] = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      set.push([name, Array.isArray(value) ? value.join(', ') : String(value)]);
      return recorder;
    },
    removeHeader(name: string) {
      remove.push(name);
    },
  };
  let failed: unknown;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    failed = err;
  });
  if (failed) throw failed;
  return { set, remove };
}

/** onRequest: every answer carries the headers (a route may still replace one, as swagger-ui does). */
export function registerSecurityHeaders(app: FastifyInstance, options: Readonly<HelmetOptions>): void {
  const { set, remove } = securityHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    const res = reply.raw;
    for (const name of remove) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
    done();
  });
}
