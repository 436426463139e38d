// Server-side request forgery rules for web capture (issue 12, part 8).
//
// The node fetches what a user names, so a URL could point the node at itself, at the
// organisation's private network or at a cloud metadata endpoint. Three checks, applied to the
// first URL, to every redirect and to every sub-request the page makes:
//   1. the scheme is http or https;
//   2. every address the host resolves to is public: not loopback, private (RFC 1918, ULA),
//      link-local, CGNAT (RFC 6598), multicast, unspecified, reserved or documentation ranges,
//      nor one of this node's own interface addresses — IPv4 and IPv6, with IPv4 embedded in
//      IPv6 (mapped, compatible, NAT64, 6to4, Teredo) checked as the IPv4 it carries;
//   3. the socket actually connected is checked again (`assertConnectedAddress`), so a DNS answer
//      that changes between the check and the connection (rebinding) gains nothing.
// A host an administrator lists in the allowlist setting skips 2 and 3 (the tests list their local
// server). The allowlist names hosts exactly as they appear in URLs (case-insensitive), so
// allowing 127.0.0.1 does not allow localhost, and a redirect to another host is checked anew.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

export type SsrfReason =
  | 'scheme_not_allowed'
  | 'credentials_in_url'
  | 'address_not_public'
  | 'own_address'
  | 'host_not_found'
  | 'invalid_url';

export class CaptureRefusedError extends Error {
  readonly code = 'capture_refused';
  constructor(
    readonly reason: SsrfReason,
    readonly url: string,
    message: string,
  ) {
    super(message);
  }
}

/** IPv4 ranges that are not the public internet (IANA special-purpose registry, RFC 6890). */
const V4_BLOCKED: [string, number, string][] = [
  ['0.0.0.0', 8, 'unspecified ("this network")'],
  ['10.0.0.0', 8, 'private (RFC 1918)'],
  ['100.64.0.0', 10, 'carrier-grade NAT (RFC 6598)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private (RFC 1918)'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation (TEST-NET-1)'],
  ['192.88.99.0', 24, '6to4 relay anycast'],
  ['192.168.0.0', 16, 'private (RFC 1918)'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation (TEST-NET-2)'],
  ['203.0.113.0', 24, 'documentation (TEST-NET-3)'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved (and broadcast)'],
];

/** IPv6 ranges that are not the public internet; embedded IPv4 is handled separately. */
const V6_BLOCKED: [string, number, string][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['100::', 64, 'discard-only'],
  ['2001:db8::', 32, 'documentation'],
  ['2001:10::', 28, 'ORCHID'],
  ['fc00::', 7, 'unique local (private)'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local (deprecated)'],
  ['ff00::', 8, 'multicast'],
];

function v4Bytes(address: string): number[] | null {
  const parts = address.split('.');
  if (parts.length !== 4) return null;
  const out = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN));
  return out.every((n) => n >= 0 && n <= 255) ? out : null;
}

/** 16 bytes of an IPv6 address (with an optional dotted IPv4 tail); null when it is not one. */
export function v6Bytes(address: string): number[] | null {
  let a = address.toLowerCase();
  const zone = a.indexOf('%');
  if (zone >= 0) a = a.slice(0, zone);
  if (isIP(a) !== 6) return null;
  let tail: number[] = [];
  const lastColon = a.lastIndexOf(':');
  if (a.slice(lastColon + 1).includes('.')) {
    const v4 = v4Bytes(a.slice(lastColon + 1));
    if (!v4) return null;
    tail = v4;
    a = `${a.slice(0, lastColon + 1)}0:0`;
  }
  const [head, rest] = a.includes('::') ? a.split('::') : [a, undefined];
  const headGroups = head ? head.split(':') : [];
  const restGroups = rest ? rest.split(':') : [];
  const missing = 8 - headGroups.length - restGroups.length;
  const groups = rest === undefined ? headGroups : [...headGroups, ...Array(missing).fill('0'), ...restGroups];
  if (groups.length !== 8) return null;
  const bytes: number[] = [];
  for (const g of groups) {
    const n = Number.parseInt(g, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

function inPrefix(bytes: number[], prefix: number[], bits: number): boolean {
  for (let i = 0; i < bits; i++) {
    const byte = i >> 3;
    const mask = 0x80 >> (i & 7);
    if (((bytes[byte] as number) & mask) !== ((prefix[byte] as number) & mask)) return false;
  }
  return true;
}

/** The IPv4 address an IPv6 address carries, when it is one of the forms that reach IPv4. */
function embeddedV4(b: number[]): number[] | null {
  const zero = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible, deprecated), ::ffff:0:a.b.c.d (translated)
  if (zero(0, 10) && b[10] === 0xff && b[11] === 0xff) return b.slice(12);
  if (zero(0, 12) && !zero(12, 16) && !(zero(12, 15) && b[15] === 1)) return b.slice(12);
  if (zero(0, 8) && b[8] === 0xff && b[9] === 0xff && zero(10, 12)) return b.slice(12);
  // 64:ff9b::/96 and 64:ff9b:1::/48 (NAT64)
  if (b[0] === 0 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b) return b.slice(12);
  // 2002::/16 (6to4): the IPv4 address follows the prefix
  if (b[0] === 0x20 && b[1] === 0x02) return b.slice(2, 6);
  // 2001::/32 (Teredo): the client's IPv4 address is the last 32 bits, inverted
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0 && b[3] === 0) return b.slice(12).map((x) => x ^ 0xff);
  return null;
}

function v4Reason(bytes: number[]): string | null {
  for (const [net, bits, why] of V4_BLOCKED) if (inPrefix(bytes, v4Bytes(net) as number[], bits)) return why;
  return null;
}

/**
 * Why an IP address is not a public one, or null when it is. `own` lists the node's own
 * addresses (default: its interfaces), refused even when public.
 */
export function nonPublicReason(address: string, own: readonly string[] = ownAddresses()): string | null {
  const ownHit = own.some((o) => sameAddress(o, address));
  if (ownHit) return "this node's own address";
  const v4 = v4Bytes(address);
  if (v4) return v4Reason(v4);
  const v6 = v6Bytes(address);
  if (!v6) return 'not an IP address';
  for (const [net, bits, why] of V6_BLOCKED) if (inPrefix(v6, v6Bytes(net) as number[], bits)) return why;
  const inner = embeddedV4(v6);
  if (inner) {
    const why = v4Reason(inner);
    if (why) return `${why}, inside an IPv6 address`;
  }
  return null;
}

/** Bytes of an address for comparison; an IPv4-mapped IPv6 address compares as its IPv4. */
function comparable(a: string): number[] | null {
  const v4 = v4Bytes(a);
  if (v4) return v4;
  const v6 = v6Bytes(a);
  if (v6?.slice(0, 10).every((x) => x === 0) && v6[10] === 0xff && v6[11] === 0xff) return v6.slice(12);
  return v6;
}

function sameAddress(a: string, b: string): boolean {
  const x = comparable(a);
  const y = comparable(b);
  return !!x && !!y && x.length === y.length && x.every((v, i) => v === y[i]);
}

let cachedOwn: { at: number; list: string[] } | null = null;
/** The addresses of this machine's interfaces (re-read at most every 10 s). */
export function ownAddresses(): string[] {
  if (cachedOwn && Date.now() - cachedOwn.at < 10_000) return cachedOwn.list;
  const list: string[] = [];
  for (const entries of Object.values(networkInterfaces())) for (const e of entries ?? []) list.push(e.address);
  cachedOwn = { at: Date.now(), list };
  return list;
}

export interface SsrfPolicy {
  /** Hosts (as in URLs, without port) an administrator allowed despite their addresses. */
  allowHosts: readonly string[];
  /** The DNS lookup; tests may give one that answers a name with a chosen address. */
  lookup?: typeof dnsLookup;
  /** This node's addresses; default: its interfaces. */
  ownAddresses?: readonly string[];
}

/** The URL's host as the allowlist compares it: lower case, IPv6 without brackets. */
export function hostOf(url: URL): string {
  const h = url.hostname.toLowerCase();
  return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
}

/**
 * An allowlist entry in the form URLs give their host: lower case, numeric IPv4 and IPv6 in
 * their canonical spelling (so "0:0::1" and "::1" are one entry); null when it is not a host.
 */
export function normaliseAllowHost(entry: string): string | null {
  const raw = entry.trim();
  if (!raw || /[/?#@\s]/.test(raw)) return null;
  const bracketed = isIP(raw) === 6 ? `[${raw}]` : raw;
  try {
    const u = new URL(`http://${bracketed}/`);
    if (u.port) return null;
    return hostOf(u);
  } catch {
    return null;
  }
}

/** The URL's host is listed (exactly: another spelling of the same address is another host). */
export function isAllowlisted(policy: SsrfPolicy, url: URL): boolean {
  const host = hostOf(url);
  return policy.allowHosts.some((a) => normaliseAllowHost(a) === host);
}

/** Checks the form of a URL (scheme, no credentials); returns the parsed URL. */
export function checkUrlForm(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CaptureRefusedError('invalid_url', raw, `"${raw}" is not a URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CaptureRefusedError('scheme_not_allowed', raw, `Only http and https URLs are captured; "${url.protocol}" is refused.`);
  }
  if (url.username || url.password) {
    throw new CaptureRefusedError('credentials_in_url', raw, 'URLs with a user name or password in them are refused.');
  }
  return url;
}

function refuseAddress(url: string, host: string, address: string, why: string): CaptureRefusedError {
  const reason: SsrfReason = why === "this node's own address" ? 'own_address' : 'address_not_public';
  const shown = host === address ? address : `${host} (${address})`;
  return new CaptureRefusedError(
    reason,
    url,
    `${shown} is ${why}: the node does not fetch it unless an administrator adds "${host}" to the capture allowlist.`,
  );
}

/** The whole check of one URL before anything connects: form, then every resolved address. */
export async function checkUrl(policy: SsrfPolicy, raw: string): Promise<URL> {
  const url = checkUrlForm(raw);
  if (isAllowlisted(policy, url)) return url;
  const host = hostOf(url);
  const own = policy.ownAddresses ?? ownAddresses();
  const addresses = isIP(host) ? [host] : await resolveAll(policy, host, raw);
  for (const address of addresses) {
    const why = nonPublicReason(address, own);
    if (why) throw refuseAddress(raw, host, address, why);
  }
  return url;
}

function resolveAll(policy: SsrfPolicy, host: string, raw: string): Promise<string[]> {
  const lookup = policy.lookup ?? dnsLookup;
  return new Promise((resolve, reject) => {
    lookup(host, { all: true, verbatim: true }, (err, addresses) => {
      if (err || !Array.isArray(addresses) || addresses.length === 0) {
        reject(new CaptureRefusedError('host_not_found', raw, `The host "${host}" was not found (${err?.code ?? 'no address'}).`));
      } else resolve((addresses as LookupAddress[]).map((a) => a.address));
    });
  });
}

/**
 * A `lookup` for `http.request` that answers only public addresses for a host that is not
 * allowlisted: the address that is connected to is the one that was checked.
 */
export function guardedLookup(policy: SsrfPolicy, url: URL): typeof dnsLookup {
  const allowed = isAllowlisted(policy, url);
  const lookup = policy.lookup ?? dnsLookup;
  const own = policy.ownAddresses ?? ownAddresses();
  const guarded = (hostname: string, options: unknown, callback: unknown) => {
    const cb = (typeof options === 'function' ? options : callback) as (
      err: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void;
    const opts = (typeof options === 'object' && options !== null ? options : {}) as { all?: boolean; family?: number };
    lookup(hostname, { all: true, verbatim: true, family: opts.family ?? 0 } as never, (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => {
      if (err) return cb(err, opts.all ? [] : '', 0);
      if (!allowed) {
        for (const a of addresses) {
          const why = nonPublicReason(a.address, own);
          if (why) return cb(refuseAddress(url.href, hostname, a.address, why) as unknown as NodeJS.ErrnoException, opts.all ? [] : '', 0);
        }
      }
      if (opts.all) return cb(null, addresses);
      const first = addresses[0] as LookupAddress;
      cb(null, first.address, first.family);
    });
  };
  return guarded as unknown as typeof dnsLookup;
}

/** The check after connecting: the peer address of the socket must be allowed too. */
export function assertConnectedAddress(policy: SsrfPolicy, url: URL, remoteAddress: string | undefined): void {
  if (isAllowlisted(policy, url)) return;
  if (!remoteAddress) throw new CaptureRefusedError('address_not_public', url.href, 'The connection has no peer address.');
  const why = nonPublicReason(remoteAddress, policy.ownAddresses ?? ownAddresses());
  if (why) throw refuseAddress(url.href, hostOf(url), remoteAddress, why);
}
