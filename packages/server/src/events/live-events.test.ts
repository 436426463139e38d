// Live events on every backend: the stream says what changed only to those who may read it,
// after the commit and never for a rolled-back change, carries a federation-free request from
// one organisation to another, and ends when the session does.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import { testBackends } from '@comity/db/testing';
import { ADMIN_PASSWORD, ApiClient, type TestNode, makeUser, startTestNode } from '../testing/test-node.ts';
import { liveEventsOf, type LiveEvent, queueLiveEvent, runWithLiveEvents } from './live-events.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
type User = Awaited<ReturnType<typeof makeUser>>;

interface Heard {
  event: string;
  data: Json;
}

/** A reader of GET /api/v1/events as EventSource would be, keeping every event it heard. */
async function listen(client: ApiClient) {
  const abort = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (client.cookie) headers.cookie = client.cookie;
  if (client.bearer) headers.authorization = `Bearer ${client.bearer}`;
  const res = await fetch(`${client.baseUrl}/api/v1/events`, { headers, signal: abort.signal });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
  const heard: Heard[] = [];
  const waiters: { pred: (h: Heard) => boolean; resolve: (h: Heard) => void }[] = [];
  let ended = false;
  let endedResolve: () => void = () => {};
  const endedPromise = new Promise<void>((r) => {
    endedResolve = r;
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          cut = buffer.indexOf('\n\n');
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (!event || data === undefined) continue;
          const h = { event, data: JSON.parse(data) as Json };
          heard.push(h);
          for (const w of [...waiters]) {
            if (w.pred(h)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve(h);
            }
          }
        }
      }
    } catch {
      // aborted
    }
    ended = true;
    endedResolve();
  })();
  return {
    heard,
    get ended() {
      return ended;
    },
    ended$: endedPromise,
    waitFor(pred: (h: Heard) => boolean): Promise<Heard> {
      const found = heard.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ pred, resolve }));
    },
    close() {
      abort.abort();
    },
  };
}

for (const backend of testBackends()) {
  describe(`live events on ${backend.name}`, () => {
    let t: TestNode;
    let admin: ApiClient;
    let drafter: User;
    let supervisor: User;
    let exec: User;
    let outsider: User;

    before(async () => {
      t = await startTestNode(backend, { loginRateLimit: 1000 });
      admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, ADMIN_PASSWORD);
      drafter = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Parquet national financier' });
      supervisor = await makeUser(admin, { role: 'supervisor', organisationId: drafter.organisationId });
      exec = await makeUser(admin, { role: 'practitioner', country: 'DEU', orgName: 'Bundesamt für Justiz' });
      outsider = await makeUser(admin, { role: 'practitioner', country: 'ITA', orgName: 'Ministero della Giustizia' });
    });
    after(() => t.close());

    test('an anonymous caller gets 401 problem+json, not a stream', async () => {
      const res = await fetch(`${t.url}/api/v1/events`);
      assert.equal(res.status, 401);
      assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
    });

    test('each user hears about the requests and notifications they may read, and only those', async () => {
      const d = await listen(drafter.client);
      const s = await listen(supervisor.client);
      const e = await listen(exec.client);
      const o = await listen(outsider.client);
      for (const l of [d, s, e, o]) await l.waitFor((h) => h.event === 'ready');

      const { type: _t, ...content } = exampleRequest('mla', 'DEU', exec.organisationId);
      const created = await drafter.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', ...content, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } }, 201);
      const id = created.body.id as string;
      await d.waitFor((h) => h.event === 'request' && h.data.requestId === id);
      await s.waitFor((h) => h.event === 'request' && h.data.requestId === id);

      await drafter.client.call('POST', `/api/v1/requests/${id}/transitions`, { action: 'submit' }, 200);
      // The supervisor is asked to approve: a notification, live.
      await s.waitFor((h) => h.event === 'notification');
      await supervisor.client.call('POST', `/api/v1/requests/${id}/transitions`, { action: 'approve' }, 200);
      await drafter.client.call('POST', `/api/v1/requests/${id}/transitions`, { action: 'transmit' }, 200);
      // The requested authority's new record, and its notification, reach its practitioner.
      const incoming = await e.waitFor((h) => h.event === 'request' && h.data.requestId !== id);
      await e.waitFor((h) => h.event === 'notification');
      const view = await exec.client.call<Json>('GET', `/api/v1/requests/${incoming.data.requestId}`, undefined, 200);
      assert.equal(view.body.conversationId, created.body.conversationId);

      // The requested side asks for more information: the requesting side hears of it.
      await exec.client.call('POST', `/api/v1/requests/${incoming.data.requestId}/transitions`, { action: 'receive' }, 200);
      const before = d.heard.length;
      await exec.client.call('POST', `/api/v1/requests/${incoming.data.requestId}/transitions`, { action: 'request-more-info', reason: 'Which accounts?' }, 200);
      await d.waitFor((h) => h.event === 'notification' && d.heard.indexOf(h) >= before);
      await d.waitFor((h) => h.event === 'request' && h.data.requestId === id && d.heard.indexOf(h) >= before);

      // The outsider's own change comes after all of the above on the same bus; by the time it
      // hears it, it would have heard anything about the others' records.
      const { type: _t2, ...other } = exampleRequest('mla', 'FRA', drafter.organisationId);
      const mine = await outsider.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', ...other }, 201);
      await o.waitFor((h) => h.event === 'request' && h.data.requestId === mine.body.id);
      const outsiderHeard = o.heard.filter((h) => h.event !== 'ready');
      assert.deepEqual(outsiderHeard, [{ event: 'request', data: { requestId: mine.body.id } }]);
      // Nor did the drafter hear of the outsider's draft or of the requested side's own record.
      await d.waitFor((h) => h.event === 'request');
      assert.ok(!d.heard.some((h) => h.data.requestId === mine.body.id || h.data.requestId === incoming.data.requestId));
      for (const l of [d, s, e, o]) l.close();
    });

    test('reading a notification tells the reader’s other tabs', async () => {
      const tab = await listen(supervisor.client);
      await tab.waitFor((h) => h.event === 'ready');
      const list = await supervisor.client.call<Json>('GET', '/api/v1/notifications?unread=true', undefined, 200);
      const first = list.body.items[0];
      assert.ok(first, 'the supervisor has an unread notification');
      await supervisor.client.call('POST', `/api/v1/notifications/${first.id}/read`, undefined, 200);
      await tab.waitFor((h) => h.event === 'notification');
      tab.close();
    });

    test('a rolled-back transaction publishes nothing; a committed one publishes after the commit', async () => {
      const db = t.node.deps.db;
      const got: LiveEvent[][] = [];
      const stop = liveEventsOf(db).subscribe((events) => got.push([...events]));
      try {
        await assert.rejects(
          runWithLiveEvents(db, async (trx) => {
            queueLiveEvent(trx, { kind: 'account', userId: 'rolled-back' });
            throw new Error('boom');
          }),
          /boom/,
        );
        let seenInside = -1;
        await runWithLiveEvents(db, async (trx) => {
          queueLiveEvent(trx, { kind: 'account', userId: 'committed' });
          seenInside = got.length;
        });
        assert.equal(seenInside, 0, 'nothing is published before the commit');
        assert.deepEqual(got, [[{ kind: 'account', userId: 'committed' }]]);
      } finally {
        stop();
      }
    });

    test('signing out ends the stream of that session (and only that one)', async () => {
      const second = new ApiClient(t.url);
      await second.signIn(exec.email, exec.password);
      const a = await listen(second);
      const b = await listen(exec.client);
      await a.waitFor((h) => h.event === 'ready');
      await b.waitFor((h) => h.event === 'ready');
      await second.call('DELETE', '/api/v1/session', undefined, 204);
      const end = await a.waitFor((h) => h.event === 'end');
      assert.deepEqual(end.data, { reason: 'session-ended' });
      await a.ended$;
      // The other session's stream goes on: it still hears a change of its organisation.
      const { type: _t, ...content } = exampleRequest('mla', 'FRA', drafter.organisationId);
      const created = await exec.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', ...content }, 201);
      await b.waitFor((h) => h.event === 'request' && h.data.requestId === created.body.id);
      assert.equal(b.ended, false);
      assert.ok(!b.heard.some((h) => h.event === 'end'));
      b.close();
    });

    test('a disabled user’s stream ends', async () => {
      const u = await makeUser(admin, { role: 'viewer', organisationId: drafter.organisationId });
      const l = await listen(u.client);
      await l.waitFor((h) => h.event === 'ready');
      await admin.call('POST', `/api/v1/users/${u.userId}/disable`, undefined, 200);
      await l.waitFor((h) => h.event === 'end');
      await l.ended$;
    });
  });
}
