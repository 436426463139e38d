// Live updates from the node (GET /api/v1/events, server-sent events with the session cookie).
// One EventSource per tab, opened while some component listens. The browser reconnects by itself
// after a dropped connection (the node asks for 3 s); when the node refuses (the stream is then
// closed for good) we retry with our own exponential back-off, 1 s doubling to 60 s with jitter.
// Events are not replayed, so after any reconnection listeners hear `reconnected` and read again
// what they show.
import { useEffect, useRef } from 'react';

export type LiveMessage =
  | { kind: 'request'; requestId: string }
  | { kind: 'case'; caseId: string }
  | { kind: 'notification' }
  | { kind: 'capture'; captureId: string }
  | { kind: 'reconnected' }
  | { kind: 'ended' };

type Listener = (m: LiveMessage) => void;

const listeners = new Set<Listener>();
let source: EventSource | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let failures = 0;
let wasConnected = false;
let dropped = false;

const MAX_BACKOFF_MS = 60_000;

function emit(m: LiveMessage): void {
  for (const l of [...listeners]) l(m);
}

/** 1 s, 2 s, 4 s … 60 s, each between half and all of it (equal jitter), so tabs do not retry in step. */
export function backoffDelay(failuresSoFar: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, failuresSoFar - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

function open(): void {
  if (source || typeof EventSource === 'undefined') return;
  const es = new EventSource('/api/v1/events');
  source = es;
  es.addEventListener('ready', () => {
    if (wasConnected && (dropped || failures > 0)) emit({ kind: 'reconnected' });
    wasConnected = true;
    dropped = false;
    failures = 0;
  });
  es.addEventListener('request', (e) => {
    try {
      const data = JSON.parse((e as MessageEvent<string>).data) as { requestId?: unknown };
      if (typeof data.requestId === 'string') emit({ kind: 'request', requestId: data.requestId });
    } catch {
      // a malformed event is ignored; the next one or a reconnection brings things up to date
    }
  });
  es.addEventListener('case', (e) => {
    try {
      const data = JSON.parse((e as MessageEvent<string>).data) as { caseId?: unknown };
      if (typeof data.caseId === 'string') emit({ kind: 'case', caseId: data.caseId });
    } catch {
      // ignored like a malformed request event
    }
  });
  es.addEventListener('notification', () => emit({ kind: 'notification' }));
  es.addEventListener('capture', (e) => {
    try {
      const data = JSON.parse((e as MessageEvent<string>).data) as { captureId?: unknown };
      if (typeof data.captureId === 'string') emit({ kind: 'capture', captureId: data.captureId });
    } catch {
      // ignored like a malformed request event
    }
  });
  es.addEventListener('end', () => {
    // The node closed the stream because the session ended: no retry until someone listens again.
    close();
    emit({ kind: 'ended' });
  });
  es.onerror = () => {
    if (es.readyState === EventSource.CONNECTING) {
      dropped = true; // the browser retries on its own
      return;
    }
    // Closed for good (the node answered with an error, or refused): our own back-off.
    es.close();
    if (source === es) source = null;
    failures++;
    if (listeners.size > 0 && !retryTimer) {
      retryTimer = setTimeout(() => {
        retryTimer = null;
        if (listeners.size > 0) open();
      }, backoffDelay(failures));
    }
  };
}

function close(): void {
  source?.close();
  source = null;
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  failures = 0;
  wasConnected = false;
  dropped = false;
}

/** Listens while the component is mounted; the latest `handler` is called for every message. */
export function useLive(handler: Listener, enabled = true): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!enabled) return;
    const l: Listener = (m) => ref.current(m);
    listeners.add(l);
    open();
    return () => {
      listeners.delete(l);
      if (listeners.size === 0) close();
    };
  }, [enabled]);
}
