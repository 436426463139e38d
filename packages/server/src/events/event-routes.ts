// GET /api/v1/events: a server-sent event stream of what changed among the records the caller may
// read (requests of its organisation, its own notifications). Events name a record, never its
// content; the browser reads the record again through the API. The stream re-checks the caller's
// credentials on every heartbeat and whenever its account changes, and ends when the session or
// token no longer holds (signed out, expired, password changed elsewhere, user disabled).
import type { Role } from '@comity/core';
import { findApiTokenByHash, findSession, findUser } from '@comity/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, secretHash } from '../auth/authenticate.ts';
import type { Actor, AppDeps } from '../deps.ts';
import type { Capability } from '../routes/registry.ts';
import { type LiveEvent, liveEventsOf, mayHear } from './live-events.ts';

export interface EventStreamSettings {
  /** Seconds between heartbeats and credential checks (COMITY_EVENTS_HEARTBEAT_SECONDS, default 25). */
  heartbeatSeconds: number;
  /** Open streams one user may hold at once; the oldest is closed beyond it (tabs left open). */
  maxStreamsPerUser: number;
}

export function eventStreamSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): EventStreamSettings {
  const raw = env.COMITY_EVENTS_HEARTBEAT_SECONDS;
  const n = raw === undefined || raw === '' ? 25 : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 300) throw new Error(`COMITY_EVENTS_HEARTBEAT_SECONDS must be a whole number from 1 to 300, got "${raw}"`);
  return { heartbeatSeconds: n, maxStreamsPerUser: 20 };
}

/** What the client is told (documented in the OpenAPI description). */
const EVENT_DESCRIPTION = [
  'A `text/event-stream` (server-sent events; EventSource sends the session cookie). Events:',
  '`ready` `{"heartbeatSeconds": n}` once connected;',
  '`request` `{"requestId": "<uuid>"}` when a request you may read changed (state, timeline, files, deadlines) — read it again;',
  '`case` `{"caseId": "<uuid>"}` when a case you may read changed (details, team, linked requests) — read it again;',
  '`notification` `{}` when your notifications changed (new or read) — read the unread count again;',
  '`capture` `{"captureId": "<uuid>"}` when a web capture you started progressed (a URL queued, running, captured or failed) — read it again;',
  '`end` `{"reason": "session-ended"}` just before the node closes a stream whose session or token no longer holds.',
  'A comment line is sent every heartbeat. After a reconnection, read again what you show: events are not replayed.',
].join(' ');

interface Stream {
  actor: Actor;
  tokenHash: string | null;
  send(event: string, data: unknown): void;
  close(reason: string | null): void;
}

function bearerHash(request: FastifyRequest): string | null {
  const auth = request.headers.authorization;
  return auth?.startsWith('Bearer ') ? secretHash(auth.slice(7).trim()) : null;
}

/** The caller as the database sees it now, or null if its session or token no longer holds. */
async function recheck(deps: Pick<AppDeps, 'db' | 'now'>, s: Stream): Promise<Actor | null> {
  const user = await findUser(deps.db, s.actor.userId);
  if (!user || user.disabled || user.must_change_password) return null;
  if (s.actor.via === 'session') {
    const session = s.actor.sessionIdHash ? await findSession(deps.db, s.actor.sessionIdHash) : undefined;
    if (!session || new Date(session.expires_at).getTime() <= deps.now().getTime()) return null;
  } else {
    const token = s.tokenHash ? await findApiTokenByHash(deps.db, s.tokenHash) : undefined;
    if (!token) return null;
  }
  return { ...s.actor, role: user.role as Role, organisationId: user.organisation_id };
}

export function eventRoutes(deps: AppDeps, settings: EventStreamSettings) {
  const streams = new Set<Stream>();
  const bus = liveEventsOf(deps.db);

  const checkAll = async (which: Iterable<Stream>) => {
    for (const s of which) {
      try {
        const now = await recheck(deps, s);
        if (now) s.actor = now;
        else s.close('session-ended');
      } catch {
        // The database did not answer: keep the stream; the next heartbeat checks again.
      }
    }
  };

  bus.subscribe((events: readonly LiveEvent[]) => {
    const accounts = new Set<string>();
    for (const s of streams) {
      let notified = false;
      const requests = new Set<string>();
      const cases = new Set<string>();
      const captures = new Set<string>();
      for (const e of events) {
        if (!mayHear(s.actor, e)) continue;
        if (e.kind === 'request') requests.add(e.requestId);
        else if (e.kind === 'case') cases.add(e.caseId);
        else if (e.kind === 'notification') notified = true;
        else if (e.kind === 'capture') captures.add(e.captureId);
        else accounts.add(e.userId);
      }
      for (const requestId of requests) s.send('request', { requestId });
      for (const caseId of cases) s.send('case', { caseId });
      for (const captureId of captures) s.send('capture', { captureId });
      if (notified) s.send('notification', {});
    }
    if (accounts.size) void checkAll([...streams].filter((s) => accounts.has(s.actor.userId)));
  });

  const heartbeat = setInterval(() => {
    for (const s of streams) s.send('', null);
    void checkAll([...streams]);
  }, settings.heartbeatSeconds * 1000);
  heartbeat.unref();

  return async (app: FastifyInstance): Promise<void> => {
    app.addHook('preClose', async () => {
      clearInterval(heartbeat);
      for (const s of [...streams]) s.close(null);
    });
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/v1/events',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['events'],
          summary: 'Live updates: a server-sent event stream about the records you may read',
          description: EVENT_DESCRIPTION,
          response: { 200: z.string().describe('text/event-stream') },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const raw = reply.raw;
        reply.hijack();
        raw.writeHead(200, {
          ...(reply.getHeaders() as Record<string, string>),
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          'x-accel-buffering': 'no',
          connection: 'keep-alive',
        });
        let open = true;
        const stream: Stream = {
          actor,
          tokenHash: bearerHash(request),
          send(event, data) {
            if (!open) return;
            // A client that does not read is dropped; it reconnects and reads again.
            if (raw.writableLength > 1024 * 1024) return stream.close(null);
            raw.write(event ? `event: ${event}\ndata: ${JSON.stringify(data)}\n\n` : ': heartbeat\n\n');
          },
          close(reason) {
            if (!open) return;
            if (reason) raw.write(`event: end\ndata: ${JSON.stringify({ reason })}\n\n`);
            open = false;
            streams.delete(stream);
            raw.end();
          },
        };
        const mine = [...streams].filter((s) => s.actor.userId === actor.userId);
        if (mine.length >= settings.maxStreamsPerUser) mine[0]?.close(null);
        streams.add(stream);
        request.raw.on('close', () => {
          open = false;
          streams.delete(stream);
        });
        // The browser retries after 3 s if the connection drops; its own back-off takes over on errors.
        raw.write(`retry: 3000\nevent: ready\ndata: ${JSON.stringify({ heartbeatSeconds: settings.heartbeatSeconds })}\n\n`);
      },
    );
  };
}

export async function loadEventsCapability(deps: AppDeps): Promise<Capability> {
  return { name: 'events', routes: eventRoutes(deps, eventStreamSettingsFromEnv()) };
}
