// Fetches the depositaries' current status files for the catalogued instruments, so that they can
// be imported as a new version. The base URLs are configurable (a mirror, or a local server in
// tests): UN Treaty Collection MTDSG XML at
//   {COMITY_UNTC_BASE_URL}/Volume%20I/Chapter%20{chapter}/{MTDSG-NO}.en.xml
// (Volume II for chapters XXI and later), as the UN serves them, and Council of Europe
// treaty-office JSON (the shape importers/coe-json.ts reads) at
//   {COMITY_COE_BASE_URL}/{treaty number}/signatures
// The Council of Europe publishes no documented JSON endpoint, so that one has no default: set
// COMITY_COE_BASE_URL to a service that serves the shape, or refresh skips those treaties.
import { createHash } from 'node:crypto';
import type { Instrument, IsoDate } from '@comity/core/knowledge/model';
import { type DepositaryFile, decodeDepositaryBytes } from './knowledge-import.ts';

export const DEFAULT_UNTC_BASE_URL = 'https://treaties.un.org/doc/Publication/MTDSG';

export interface RefreshConfig {
  untcBaseUrl: string;
  coeBaseUrl: string | undefined;
  /** The date the fetched files attest: the day they were fetched. */
  today: IsoDate;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface RefreshPlan {
  files: DepositaryFile[];
  skipped: { instrument?: string; url?: string; reason: string }[];
  urls: string[];
}

export function refreshConfigFromEnv(env: NodeJS.ProcessEnv, today: IsoDate): RefreshConfig {
  return {
    untcBaseUrl: (env.COMITY_UNTC_BASE_URL || DEFAULT_UNTC_BASE_URL).replace(/\/+$/, ''),
    coeBaseUrl: env.COMITY_COE_BASE_URL ? env.COMITY_COE_BASE_URL.replace(/\/+$/, '') : undefined,
    today,
  };
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
function romanValue(roman: string): number {
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const v = ROMAN[roman[i] as string] ?? 0;
    const next = ROMAN[roman[i + 1] as string] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Where the UN serves an MTDSG number's status file. */
export function untcUrl(base: string, mtdsgNo: string): string {
  const chapter = mtdsgNo.split('-')[0] ?? '';
  const volume = romanValue(chapter) >= 21 ? 'II' : 'I';
  return `${base}/Volume%20${volume}/Chapter%20${chapter}/${mtdsgNo}.en.xml`;
}

export function coeUrl(base: string, treatyNumber: string): string {
  return `${base}/${treatyNumber}/signatures`;
}

function fileNameOf(url: string): string {
  const path = new URL(url).pathname;
  const parts = path.split('/').filter(Boolean);
  const last = decodeURIComponent(parts[parts.length - 1] ?? 'download');
  return last === 'signatures' ? `coe-${parts[parts.length - 2] ?? 'treaty'}-signatures.json` : last;
}

async function download(url: string, config: RefreshConfig): Promise<{ bytes: Uint8Array } | { error: string }> {
  const doFetch = config.fetch ?? fetch;
  try {
    const res = await doFetch(url, { signal: AbortSignal.timeout(config.timeoutMs ?? 30_000), redirect: 'follow' });
    if (!res.ok) return { error: `HTTP ${res.status}` };
    return { bytes: new Uint8Array(await res.arrayBuffer()) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

function asFile(url: string, bytes: Uint8Array, today: IsoDate): DepositaryFile {
  return {
    name: fileNameOf(url),
    content: decodeDepositaryBytes(bytes),
    digest: createHash('sha256').update(bytes).digest('hex'),
    asOf: today,
  };
}

/**
 * Download the status files of the catalogued instruments (or the given URLs). Files that cannot
 * be fetched are skipped with the reason; what they contain is checked when they are imported.
 */
export async function fetchDepositaryFiles(
  instruments: readonly Instrument[],
  config: RefreshConfig,
  sourceUrls: readonly string[] = [],
): Promise<RefreshPlan> {
  const plan: RefreshPlan = { files: [], skipped: [], urls: [] };
  const targets: { instrument?: string; url: string }[] = [];
  if (sourceUrls.length > 0) {
    for (const url of sourceUrls) targets.push({ url });
  } else {
    for (const i of instruments) {
      if (i.reference?.untc) targets.push({ instrument: i.id, url: untcUrl(config.untcBaseUrl, i.reference.untc) });
      else if (i.reference?.coe) {
        if (config.coeBaseUrl) targets.push({ instrument: i.id, url: coeUrl(config.coeBaseUrl, i.reference.coe) });
        else plan.skipped.push({ instrument: i.id, reason: 'no Council of Europe endpoint configured (COMITY_COE_BASE_URL)' });
      } else {
        plan.skipped.push({ instrument: i.id, reason: 'no machine-readable source for this depositary' });
      }
    }
  }
  // A few at a time: the depositaries are public services.
  const queue = [...targets];
  const worker = async () => {
    for (let t = queue.shift(); t; t = queue.shift()) {
      const got = await download(t.url, config);
      plan.urls.push(t.url);
      if ('error' in got) plan.skipped.push({ ...(t.instrument ? { instrument: t.instrument } : {}), url: t.url, reason: got.error });
      else plan.files.push(asFile(t.url, got.bytes, config.today));
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  plan.files.sort((a, b) => a.name.localeCompare(b.name));
  return plan;
}
