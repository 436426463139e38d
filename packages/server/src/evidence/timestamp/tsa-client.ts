// Asking a time-stamp authority (RFC 3161 over HTTP, RFC 3161 §3.4): POST the TimeStampReq as
// application/timestamp-query, read the TimeStampResp, and accept the token only when it verifies
// against the item's hash, the nonce sent and the configured roots.
import { readFileSync } from 'node:fs';
import {
  buildTimestampRequest,
  parseTimestampResponse,
  pemCertificates,
  type TimestampCertificateFacts,
  type TimestampFacts,
  type TimestampFailure,
  verifyTimestampToken,
} from './tsp.ts';

export interface TsaSettings {
  /** COMITY_TSA_URLS: the authorities asked for every item (comma- or space-separated). */
  urls: string[];
  /** COMITY_TSA_ROOTS: the trusted roots (a PEM file, or PEM text), DER. */
  roots: Uint8Array[];
  /** COMITY_TSA_TIMEOUT_SECONDS: how long one request may take (default 20). */
  timeoutMs: number;
}

export function parseTsaUrls(value: string | undefined): string[] {
  const urls = (value ?? '').split(/[\s,]+/).filter(Boolean);
  for (const u of urls) {
    let parsed: URL;
    try {
      parsed = new URL(u);
    } catch {
      throw new Error(`COMITY_TSA_URLS: "${u}" is not a URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`COMITY_TSA_URLS: "${u}" is not an http(s) URL`);
  }
  return [...new Set(urls)];
}

export function parseTsaRoots(value: string | undefined): Uint8Array[] {
  const v = (value ?? '').trim();
  if (!v) return [];
  let pem = v;
  if (!v.includes('-----BEGIN')) {
    try {
      pem = readFileSync(v, 'utf8');
    } catch (err) {
      throw new Error(`COMITY_TSA_ROOTS: cannot read "${v}": ${(err as Error).message}`);
    }
  }
  const roots = pemCertificates(pem);
  if (roots.length === 0) throw new Error('COMITY_TSA_ROOTS: no PEM certificate found');
  return roots;
}

export function tsaSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): TsaSettings {
  const timeout = env.COMITY_TSA_TIMEOUT_SECONDS ? Number(env.COMITY_TSA_TIMEOUT_SECONDS) : 20;
  if (!Number.isFinite(timeout) || timeout <= 0) throw new Error(`COMITY_TSA_TIMEOUT_SECONDS must be a positive number, got "${env.COMITY_TSA_TIMEOUT_SECONDS}"`);
  const settings = { urls: parseTsaUrls(env.COMITY_TSA_URLS), roots: parseTsaRoots(env.COMITY_TSA_ROOTS), timeoutMs: timeout * 1000 };
  if (settings.urls.length > 0 && settings.roots.length === 0) throw new Error('COMITY_TSA_URLS is set but COMITY_TSA_ROOTS names no trusted root: no token could be checked');
  return settings;
}

/**
 * granted: a token that verified. unavailable: no usable answer now (network, timeout, HTTP error,
 * the TSA busy) — worth asking again later. refused: the TSA answered with something that will
 * not become right by asking again (a rejection, a token that fails a check) — kept as failed.
 */
export type TsaOutcome =
  | { kind: 'granted'; token: Uint8Array; nonceHex: string; facts: TimestampFacts; chain: TimestampCertificateFacts[] }
  | { kind: 'unavailable'; error: string }
  | { kind: 'refused'; reason: TimestampFailure | 'rejected' | 'bad_response'; error: string };

export async function requestTimestamp(url: string, sha256Hex: string, roots: Uint8Array[], opts: { timeoutMs?: number } = {}): Promise<TsaOutcome> {
  const request = buildTimestampRequest(sha256Hex);
  let body: Uint8Array;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
      body: request.der,
      redirect: 'error',
      signal: AbortSignal.timeout(opts.timeoutMs ?? 20_000),
    });
    body = new Uint8Array(await res.arrayBuffer());
    if (res.status !== 200) return { kind: 'unavailable', error: `${url} answered HTTP ${res.status}` };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const why = e.name === 'TimeoutError' ? `no answer within ${Math.round((opts.timeoutMs ?? 20_000) / 1000)} s` : (e.cause?.code ?? e.cause?.message ?? e.message);
    return { kind: 'unavailable', error: `${url} could not be reached: ${why}` };
  }
  let parsed: ReturnType<typeof parseTimestampResponse>;
  try {
    parsed = parseTimestampResponse(body);
  } catch (err) {
    return { kind: 'refused', reason: 'bad_response', error: `${url} did not answer with a TimeStampResp: ${(err as Error).message}` };
  }
  if (!parsed.granted || !parsed.token) {
    const detail = [parsed.statusText, parsed.failInfo.join(', ')].filter(Boolean).join('; ');
    const msg = `${url} did not grant a time-stamp (status ${parsed.status}${detail ? `: ${detail}` : ''})`;
    // "waiting", or a TSA whose clock or system is down, may grant later.
    if (parsed.status === 3 || parsed.failInfo.includes('timeNotAvailable') || parsed.failInfo.includes('systemFailure')) return { kind: 'unavailable', error: msg };
    return { kind: 'refused', reason: 'rejected', error: msg };
  }
  const checked = await verifyTimestampToken(parsed.token, { sha256Hex, roots, nonceHex: request.nonceHex });
  if (!checked.ok) return { kind: 'refused', reason: checked.reason, error: `${url}: ${checked.message}` };
  return { kind: 'granted', token: parsed.token, nonceHex: request.nonceHex, facts: checked.facts, chain: checked.chain };
}
