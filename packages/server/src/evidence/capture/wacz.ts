// WACZ 1.1.1 packaging (Web Archive Collection Zipped, https://specs.webrecorder.net/wacz/1.1.1/):
// the format replay tools (ReplayWeb.page, pywb) open directly. A ZIP holding
//   archive/data.warc.gz     the WARC of the capture (warc.ts)
//   indexes/index.cdx        a CDXJ index of its responses: `<SURT> <14-digit time> {json}`, sorted,
//                            the JSON naming url, mime, status, digest, offset, length and filename
//   pages/pages.jsonl        a header line `{"format":"json-pages-1.0",…}` then one line per page
//   datapackage.json         the Frictionless Data package: every other file with its path,
//                            `sha256:` hash and size, plus wacz_version, created, software and
//                            the main page's URL and time
//   datapackage-digest.json  the SHA-256 of datapackage.json, so the whole is anchored in one hash
// Entries are STOREd (no ZIP compression): the WARC is already gzipped per record and a reader
// seeks into it by the index's offsets, which the spec asks to be possible without inflating.
import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import type { WarcIndexEntry } from './warc.ts';

export const WACZ_VERSION = '1.1.1';

/** 14-digit timestamp used by CDX indexes (YYYYMMDDhhmmss, UTC). */
export function cdxTimestamp(d: Date): string {
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/**
 * Sort-friendly URI Reordering Transform, as CDX indexes key their lines: host labels reversed
 * and comma-joined (a leading `www.` dropped), a non-default port kept, then `)` and the path and
 * query in lower case, query arguments sorted. `https://www.Example.com/a?b=2&a=1` →
 * `com,example)/a?a=1&b=2`.
 */
export function surt(raw: string): string {
  const u = new URL(raw);
  let host = u.hostname.toLowerCase();
  if (host.startsWith('www.')) host = host.slice(4);
  const isIp = /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.startsWith('[');
  const key = isIp ? host : host.split('.').reverse().join(',');
  const port = u.port ? `:${u.port}` : '';
  const query = u.search ? `?${u.search.slice(1).split('&').sort().join('&')}` : '';
  return `${key}${port})${u.pathname}${query}`.toLowerCase();
}

export interface WaczPage {
  url: string;
  date: Date;
  title: string;
}

export interface WaczInput {
  warc: Buffer;
  index: WarcIndexEntry[];
  page: WaczPage;
  software: string;
  created: Date;
  title: string;
}

function sha256Label(data: Uint8Array): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

export function cdxjLines(index: WarcIndexEntry[], filename: string): string {
  return (
    index
      .map((e) => {
        const json = JSON.stringify({
          url: e.url,
          mime: e.mime,
          status: String(e.status),
          digest: e.digest,
          length: String(e.length),
          offset: String(e.offset),
          filename,
        });
        return `${surt(e.url)} ${cdxTimestamp(e.date)} ${json}`;
      })
      .sort()
      .join('\n') + (index.length ? '\n' : '')
  );
}

export function buildWacz(input: WaczInput): Buffer {
  const files: Record<string, Uint8Array> = {};
  files['archive/data.warc.gz'] = input.warc;
  files['indexes/index.cdx'] = Buffer.from(cdxjLines(input.index, 'data.warc.gz'), 'utf8');
  const pages = [
    JSON.stringify({ format: 'json-pages-1.0', id: 'pages', title: 'All Pages' }),
    JSON.stringify({ id: createHash('sha256').update(input.page.url).digest('hex').slice(0, 32), url: input.page.url, ts: input.page.date.toISOString(), title: input.page.title }),
  ];
  files['pages/pages.jsonl'] = Buffer.from(`${pages.join('\n')}\n`, 'utf8');
  const resources = Object.entries(files).map(([path, data]) => ({
    name: path.slice(path.lastIndexOf('/') + 1),
    path,
    hash: sha256Label(data),
    bytes: data.length,
  }));
  const datapackage = Buffer.from(
    JSON.stringify(
      {
        profile: 'data-package',
        wacz_version: WACZ_VERSION,
        title: input.title,
        software: input.software,
        created: input.created.toISOString(),
        mainPageUrl: input.page.url,
        mainPageDate: input.page.date.toISOString(),
        resources,
      },
      null,
      2,
    ),
    'utf8',
  );
  files['datapackage.json'] = datapackage;
  files['datapackage-digest.json'] = Buffer.from(JSON.stringify({ path: 'datapackage.json', hash: sha256Label(datapackage) }, null, 2), 'utf8');
  const entries: Record<string, [Uint8Array, { level: 0; mtime: Date }]> = {};
  for (const [path, data] of Object.entries(files)) entries[path] = [data, { level: 0, mtime: input.created }];
  return Buffer.from(zipSync(entries));
}
