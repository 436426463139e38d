// One HTTP exchange performed by the node for the capture browser, under the SSRF rules: the
// URL is checked, the DNS answer is checked by the lookup the socket uses, and the peer address
// of the connected socket is checked again once it connects (a third check: the lookup already
// refused what the socket could reach). Redirects are
// not followed here: the browser follows them, and each new request comes back through this
// function and is checked the same way.
//
// What comes back is the exchange as it crossed the wire (status line, headers in their order
// and spelling, body as sent, only de-chunked), for the WARC, and the body decoded from its
// content-encoding, for the browser.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { assertConnectedAddress, CaptureRefusedError, checkUrl, guardedLookup, type SsrfPolicy } from './ssrf.ts';

export interface FetchedExchange {
  url: string;
  method: string;
  /** Request headers as sent, in order. */
  requestHeaders: [string, string][];
  requestBody: Buffer | null;
  httpVersion: string;
  status: number;
  statusText: string;
  /** Response headers as received, in order (rawHeaders pairs). */
  responseHeaders: [string, string][];
  /** The body as received (content-encoding kept, transfer-encoding removed). */
  rawBody: Buffer;
  /** The body with its content-encoding undone, for the browser. */
  body: Buffer;
  remoteAddress: string;
  startedAt: Date;
}

export interface FetchOptions {
  policy: SsrfPolicy;
  timeoutMs: number;
  /** Largest response body accepted, bytes. */
  maxBytes: number;
  signal?: AbortSignal;
}

/** Hop-by-hop and browser-internal headers that are not forwarded. */
const DROP_REQUEST_HEADERS = new Set(['host', 'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

export class FetchFailedError extends Error {
  readonly code = 'fetch_failed';
}

export async function guardedFetch(
  opts: FetchOptions,
  req: { url: string; method: string; headers: Record<string, string>; body: Buffer | null },
): Promise<FetchedExchange> {
  const url = await checkUrl(opts.policy, req.url);
  const headers: [string, string][] = [['Host', url.host]];
  for (const [k, v] of Object.entries(req.headers)) {
    if (DROP_REQUEST_HEADERS.has(k.toLowerCase()) || k.startsWith(':')) continue;
    headers.push([k, v]);
  }
  if (req.body && req.body.length > 0 && !headers.some(([k]) => k.toLowerCase() === 'content-length')) {
    headers.push(['Content-Length', String(req.body.length)]);
  }
  const startedAt = new Date();
  const doRequest = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<FetchedExchange>((resolve, reject) => {
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      clientReq.destroy();
      reject(err);
    };
    const flatHeaders: string[] = headers.flat();
    const clientReq = doRequest(url, {
      method: req.method,
      headers: flatHeaders as unknown as Record<string, string>,
      lookup: guardedLookup(opts.policy, url),
      agent: false,
      setHost: false,
      servername: url.hostname.startsWith('[') ? undefined : url.hostname,
    });
    const timer = setTimeout(() => fail(new FetchFailedError(`No complete answer from ${url.host} within ${Math.round(opts.timeoutMs / 1000)} s.`)), opts.timeoutMs);
    const onAbort = () => fail(new FetchFailedError('The capture was stopped.'));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const cleanup = () => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    };
    let remoteAddress = '';
    clientReq.on('socket', (socket: Socket) => {
      const check = () => {
        remoteAddress = socket.remoteAddress ?? '';
        try {
          assertConnectedAddress(opts.policy, url, socket.remoteAddress);
        } catch (err) {
          fail(err as Error);
        }
      };
      if (socket.connecting) socket.once('connect', check);
      else if (socket.remoteAddress) check();
      // else: the socket failed before connecting (a refused lookup); its error is reported below.
    });
    clientReq.on('error', (err: NodeJS.ErrnoException) => {
      cleanup();
      if (err instanceof CaptureRefusedError) return fail(err);
      fail(new FetchFailedError(`${url.host}: ${err.code ?? ''} ${err.message}`.trim()));
    });
    clientReq.on('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > opts.maxBytes) {
          cleanup();
          fail(new FetchFailedError(`${url.href} is larger than ${opts.maxBytes} bytes.`));
          return;
        }
        chunks.push(c);
      });
      res.on('error', (err) => {
        cleanup();
        fail(new FetchFailedError(`${url.host}: ${err.message}`));
      });
      res.on('end', () => {
        cleanup();
        if (settled) return;
        settled = true;
        const rawBody = Buffer.concat(chunks);
        const responseHeaders: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) responseHeaders.push([res.rawHeaders[i] as string, res.rawHeaders[i + 1] as string]);
        resolve({
          url: url.href,
          method: req.method,
          requestHeaders: headers,
          requestBody: req.body && req.body.length > 0 ? req.body : null,
          httpVersion: res.httpVersion,
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          responseHeaders,
          rawBody,
          body: decodeBody(rawBody, res.headers['content-encoding']),
          remoteAddress,
          startedAt,
        });
      });
    });
    if (req.body && req.body.length > 0) clientReq.end(req.body);
    else clientReq.end();
  });
}

/** Undoes the content-encodings in order; a body that does not decode is passed on as it came. */
function decodeBody(raw: Buffer, encoding: string | undefined): Buffer {
  if (!encoding || raw.length === 0) return raw;
  let out = raw;
  const codings = encoding
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s && s !== 'identity')
    .reverse();
  try {
    for (const c of codings) {
      if (c === 'gzip' || c === 'x-gzip') out = gunzipSync(out);
      else if (c === 'br') out = brotliDecompressSync(out);
      else if (c === 'deflate') {
        try {
          out = inflateSync(out);
        } catch {
          out = inflateRawSync(out);
        }
      } else return raw;
    }
  } catch {
    return raw;
  }
  return out;
}
