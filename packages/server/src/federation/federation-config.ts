// Federation settings: from the environment (the README lists them), overridable per node in
// NodeConfig.federation (tests and the demo start several nodes in one process).
import type { RetryPolicy } from '@comity/core/federation/index';

export interface FederationSettings {
  /** The URL peers reach this node at (TLS terminated at the operator's proxy); default: where it listens. */
  publicUrl: string | undefined;
  /** Request types and languages the card advertises. */
  requestTypes: string[];
  languages: string[];
  cardValidityDays: number;
  /** ± window around the receiver's clock for an envelope's createdAt. */
  windowMs: number;
  retry: RetryPolicy;
  /** How often the delivery worker looks for due messages when it was not woken. */
  pollMs: number;
  /** Deliveries in flight at once (each to a different conversation). */
  concurrency: number;
  requestTimeoutMs: number;
  inboxBodyLimitBytes: number;
  /** Envelopes accepted per minute from one client address, and per claimed sender node id (0 = no limit). */
  inboxRatePerAddress: number;
  inboxRatePerSender: number;
  /**
   * Requests a minute from one client address to the public audit routes for witnesses (0 = no
   * limit). A witness may ask one consistency proof per envelope it receives, so the default is the
   * inbox's.
   */
  auditRatePerAddress: number;
  /** Renew this node's card to a peer when the copy it has expires in less than this. */
  cardRenewBeforeMs: number;
  /** Plain http:// to peers outside loopback (only behind a trusted network; TLS is the rule). */
  allowPlainHttp: boolean;
  /** Attachments travel in chunks of this many bytes. */
  chunkBytes: number;
  /** Run the delivery worker (off for a node that must only receive). */
  worker: boolean;
  /** Source of jitter; Math.random unless a test pins it. */
  random: () => number;
}

export const DEFAULT_REQUEST_TYPES = ['mla', 'extradition', 'asset-recovery', 'transfer-of-proceedings', 'jit', 'spontaneous-information'];

export function parseDuration(name: string, value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|min|h|d)?$/.exec(value.trim());
  if (!m) throw new Error(`${name} must be a duration such as 72h, 30m, 45s or 500ms, got "${value}"`);
  const n = Number(m[1]);
  const unit = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'min' | 'h' | 'd'];
  return Math.round(n * unit);
}

function list(value: string | undefined, fallback: string[]): string[] {
  if (!value?.trim()) return fallback;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return n;
}

export function federationSettings(overrides: Partial<FederationSettings> | undefined, env: NodeJS.ProcessEnv = process.env): FederationSettings {
  const base: FederationSettings = {
    publicUrl: env.COMITY_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    requestTypes: list(env.COMITY_ACCEPTED_REQUEST_TYPES, DEFAULT_REQUEST_TYPES),
    languages: list(env.COMITY_ACCEPTED_LANGUAGES, ['en']),
    cardValidityDays: int('COMITY_CARD_VALIDITY_DAYS', env.COMITY_CARD_VALIDITY_DAYS, 365),
    windowMs: env.COMITY_FEDERATION_WINDOW ? parseDuration('COMITY_FEDERATION_WINDOW', env.COMITY_FEDERATION_WINDOW) : 5 * 60_000,
    retry: {
      baseDelayMs: env.COMITY_FEDERATION_RETRY_BASE ? parseDuration('COMITY_FEDERATION_RETRY_BASE', env.COMITY_FEDERATION_RETRY_BASE) : 2000,
      maxDelayMs: env.COMITY_FEDERATION_RETRY_MAX ? parseDuration('COMITY_FEDERATION_RETRY_MAX', env.COMITY_FEDERATION_RETRY_MAX) : 15 * 60_000,
      horizonMs: env.COMITY_FEDERATION_HORIZON ? parseDuration('COMITY_FEDERATION_HORIZON', env.COMITY_FEDERATION_HORIZON) : 72 * 3_600_000,
    },
    pollMs: env.COMITY_FEDERATION_POLL ? parseDuration('COMITY_FEDERATION_POLL', env.COMITY_FEDERATION_POLL) : 500,
    concurrency: int('COMITY_FEDERATION_CONCURRENCY', env.COMITY_FEDERATION_CONCURRENCY, 8) || 1,
    requestTimeoutMs: env.COMITY_FEDERATION_TIMEOUT ? parseDuration('COMITY_FEDERATION_TIMEOUT', env.COMITY_FEDERATION_TIMEOUT) : 30_000,
    inboxBodyLimitBytes: int('COMITY_FEDERATION_BODY_LIMIT', env.COMITY_FEDERATION_BODY_LIMIT, 16 * 1024 * 1024),
    inboxRatePerAddress: int('COMITY_FEDERATION_INBOX_RATE', env.COMITY_FEDERATION_INBOX_RATE, 600),
    inboxRatePerSender: int('COMITY_FEDERATION_INBOX_SENDER_RATE', env.COMITY_FEDERATION_INBOX_SENDER_RATE, 600),
    auditRatePerAddress: int('COMITY_FEDERATION_AUDIT_RATE', env.COMITY_FEDERATION_AUDIT_RATE, 600),
    cardRenewBeforeMs: env.COMITY_CARD_RENEW_BEFORE ? parseDuration('COMITY_CARD_RENEW_BEFORE', env.COMITY_CARD_RENEW_BEFORE) : 30 * 86_400_000,
    allowPlainHttp: env.COMITY_FEDERATION_ALLOW_HTTP === '1',
    chunkBytes: int('COMITY_FEDERATION_CHUNK_BYTES', env.COMITY_FEDERATION_CHUNK_BYTES, 256 * 1024) || 256 * 1024,
    worker: env.COMITY_FEDERATION_WORKER !== '0',
    random: Math.random,
  };
  return { ...base, ...(overrides ?? {}), retry: { ...base.retry, ...(overrides?.retry ?? {}) } };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Peers are reached over HTTPS; plain HTTP only on loopback (demo, tests) or when explicitly allowed. */
export function checkPeerEndpoint(endpoint: string, allowPlainHttp: boolean): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'the endpoint is not a URL';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol !== 'http:') return `the endpoint must be https:// (got ${url.protocol})`;
  if (LOOPBACK.has(url.hostname) || allowPlainHttp) return null;
  return 'the endpoint must use https:// (plain http is accepted only on loopback, or with COMITY_FEDERATION_ALLOW_HTTP=1)';
}
