// Node configuration from the environment (the README's table lists every variable).
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import type { FederationSettings } from './federation/federation-config.ts';

export interface NodeConfig {
  port: number;
  host: string;
  dataDir: string;
  /** `COMITY_BLOB_URL`: an S3-compatible object store for blobs instead of `<data>/blobs`. */
  blobUrl?: string | undefined;
  databaseUrl?: string | undefined;
  /** PostgreSQL schema (search_path) for this node's tables; default: the server's default. */
  databaseSchema?: string | undefined;
  masterKey?: string | undefined;
  /** Folder of the built web UI; absent folder → the API still runs and / explains how to build. */
  webDir?: string | undefined;
  /** Knowledge data folder (defaults to the repository's data/). */
  knowledgeDir?: string | undefined;
  nodeName?: string | undefined;
  nodeCountry?: string | undefined;
  log?: boolean | undefined;
  /**
   * Which proxies may set X-Forwarded-For: a number of hops in front of the node (the client is
   * the N-th address from the right) or a list of proxy addresses / CIDRs. Never "trust all".
   */
  trustProxy?: number | string[] | undefined;
  /** Bearer token that opens GET /metrics to non-loopback callers; without it only loopback. */
  metricsToken?: string | undefined;
  /** Login attempts per IP per minute before 429. */
  loginRateLimit?: number | undefined;
  bodyLimitBytes?: number | undefined;
  /** Longest wait before an audit entry is sequenced and signed in a checkpoint (default 1000 ms). */
  auditSequenceDelayMs?: number | undefined;
  /** Where the bootstrap message goes (stdout by default). */
  announce?: ((line: string) => void) | undefined;
  /** Federation settings over those from the environment (see federation/federation-config.ts). */
  federation?: Partial<FederationSettings> | undefined;
}

export const REPO_ROOT = resolve(new URL('../../..', import.meta.url).pathname);

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return n;
}

/**
 * COMITY_TRUST_PROXY: empty or 0 → no proxy; N → N appending proxies in front of the node; else a
 * comma-separated list of proxy addresses or CIDRs (as Fastify's trustProxy takes them).
 */
export function parseTrustProxy(value: string | undefined): number | string[] | undefined {
  const v = value?.trim() ?? '';
  if (v === '' || v === '0') return undefined;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  for (const entry of list) {
    const [addr, bits, extra] = entry.split('/');
    const family = isIP(addr ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const okBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (!family || !okBits || extra !== undefined) {
      throw new Error(`COMITY_TRUST_PROXY must be a number of proxies or a comma-separated list of proxy addresses/CIDRs, got "${entry}"`);
    }
  }
  return list;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): NodeConfig {
  return {
    port: int('PORT', env.PORT, 8080),
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.COMITY_DATA_DIR || '.comity-data'),
    blobUrl: env.COMITY_BLOB_URL?.trim() || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseSchema: env.COMITY_DATABASE_SCHEMA || undefined,
    masterKey: env.COMITY_MASTER_KEY || undefined,
    webDir: env.COMITY_WEB_DIR ? resolve(env.COMITY_WEB_DIR) : resolve(REPO_ROOT, 'packages/web/dist'),
    knowledgeDir: env.COMITY_KNOWLEDGE_DIR ? resolve(env.COMITY_KNOWLEDGE_DIR) : resolve(REPO_ROOT, 'data'),
    nodeName: env.COMITY_NODE_NAME || undefined,
    nodeCountry: env.COMITY_NODE_COUNTRY || undefined,
    log: env.COMITY_LOG !== '0',
    trustProxy: parseTrustProxy(env.COMITY_TRUST_PROXY),
    metricsToken: env.COMITY_METRICS_TOKEN || undefined,
    loginRateLimit: int('COMITY_LOGIN_RATE_LIMIT', env.COMITY_LOGIN_RATE_LIMIT, 20),
    bodyLimitBytes: int('COMITY_BODY_LIMIT', env.COMITY_BODY_LIMIT, 1024 * 1024),
    auditSequenceDelayMs: int('COMITY_AUDIT_SEQUENCE_DELAY_MS', env.COMITY_AUDIT_SEQUENCE_DELAY_MS, 1000),
  };
}
