// A WARC 1.1 writer (ISO 28500:2017; the IIPC text at
// https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/).
//
// A record is the version line `WARC/1.1`, named fields (WARC-Type, WARC-Record-ID, WARC-Date,
// Content-Length, … — §5), a blank line, the content block, and two CRLFs (§4). Each record is
// compressed as its own gzip member (Annex D, "record-at-time compression"), so that an index can
// point at the byte offset of any record and a reader can start there. Written here:
//   - `warcinfo` (§6.2): the capturing software, the format, the browser and viewport;
//   - `request` and `response` (§6.4, §6.5) with `application/http;msgtype=…` blocks holding the
//     HTTP message as exchanged; the response carries WARC-IP-Address (the address the node
//     connected to), WARC-Payload-Digest (the entity body after transfer decoding, §5.9) and
//     WARC-Block-Digest (the whole block, §5.8); the request points at its response with
//     WARC-Concurrent-To (§5.7);
//   - `resource` (§6.6) for a thing the capture produced itself (none by default).
// The body of a response is recorded as received but de-chunked (Node's HTTP client removes the
// chunked framing); its `Transfer-Encoding` header is therefore kept as
// `X-Archive-Orig-Transfer-Encoding`, the name replay tools use for a header that no longer
// describes the stored bytes, and nothing else in the message is changed.
import { createHash, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FetchedExchange } from './guarded-fetch.ts';

export interface WarcIndexEntry {
  url: string;
  /** WARC-Date of the record. */
  date: Date;
  status: number;
  mime: string;
  /** sha256:<hex> of the payload. */
  digest: string;
  /** Byte offset of the gzip member in the file and its compressed length. */
  offset: number;
  length: number;
  recordId: string;
}

const CRLF = '\r\n';

function sha256Label(data: Buffer | Uint8Array): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/** WARC-Date (§5.4): UTC, W3C-ISO8601; WARC 1.1 allows fractions of a second. */
export function warcDate(d: Date): string {
  return d.toISOString();
}

/** Field values must not break the record: CR and LF inside a value are replaced by a space. */
function fieldValue(v: string): string {
  return v.replace(/[\r\n]+/g, ' ');
}

export class WarcWriter {
  private readonly members: Buffer[] = [];
  private offset = 0;
  readonly index: WarcIndexEntry[] = [];

  /** Appends one record; returns its record id. */
  record(type: string, fields: [string, string][], block: Buffer, recordId = `<urn:uuid:${randomUUID()}>`): { recordId: string; offset: number; length: number } {
    const head =
      `WARC/1.1${CRLF}WARC-Type: ${type}${CRLF}WARC-Record-ID: ${recordId}${CRLF}` +
      fields.map(([k, v]) => `${k}: ${fieldValue(v)}${CRLF}`).join('') +
      `Content-Length: ${block.length}${CRLF}${CRLF}`;
    const member = gzipSync(Buffer.concat([Buffer.from(head, 'utf8'), block, Buffer.from(CRLF + CRLF, 'latin1')]));
    const at = this.offset;
    this.members.push(member);
    this.offset += member.length;
    return { recordId, offset: at, length: member.length };
  }

  warcinfo(date: Date, filename: string, info: Record<string, string>): string {
    const block = Buffer.from(
      Object.entries(info)
        .map(([k, v]) => `${k}: ${fieldValue(v)}${CRLF}`)
        .join(''),
      'utf8',
    );
    return this.record('warcinfo', [['WARC-Date', warcDate(date)], ['WARC-Filename', filename], ['Content-Type', 'application/warc-fields']], block)
      .recordId;
  }

  /** A response record and the request record that caused it (request first, as tools expect). */
  exchange(x: FetchedExchange, warcinfoId: string): void {
    const date = warcDate(x.startedAt);
    const responseId = `<urn:uuid:${randomUUID()}>`;
    const target = new URL(x.url);
    const requestHead =
      `${x.method} ${target.pathname}${target.search} HTTP/1.1${CRLF}${x.requestHeaders.map(([k, v]) => `${k}: ${fieldValue(v)}${CRLF}`).join('')}${CRLF}`;
    const requestBlock = Buffer.concat([Buffer.from(requestHead, 'latin1'), x.requestBody ?? Buffer.alloc(0)]);
    this.record(
      'request',
      [
        ['WARC-Date', date],
        ['WARC-Target-URI', x.url],
        ['WARC-Warcinfo-ID', warcinfoId],
        ['WARC-Concurrent-To', responseId],
        ['WARC-Block-Digest', sha256Label(requestBlock)],
        ['Content-Type', 'application/http;msgtype=request'],
      ],
      requestBlock,
    );
    const headers = x.responseHeaders.map(([k, v]) => [k.toLowerCase() === 'transfer-encoding' ? `X-Archive-Orig-${k}` : k, v] as [string, string]);
    const responseHead =
      `HTTP/${x.httpVersion} ${x.status} ${fieldValue(x.statusText)}${CRLF}${headers.map(([k, v]) => `${k}: ${fieldValue(v)}${CRLF}`).join('')}${CRLF}`;
    const responseBlock = Buffer.concat([Buffer.from(responseHead, 'latin1'), x.rawBody]);
    const payloadDigest = sha256Label(x.rawBody);
    const written = this.record(
      'response',
      [
        ['WARC-Date', date],
        ['WARC-Target-URI', x.url],
        ['WARC-Warcinfo-ID', warcinfoId],
        ['WARC-IP-Address', x.remoteAddress],
        ['WARC-Payload-Digest', payloadDigest],
        ['WARC-Block-Digest', sha256Label(responseBlock)],
        ['Content-Type', 'application/http;msgtype=response'],
      ],
      responseBlock,
      responseId,
    );
    const mime = (x.responseHeaders.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? 'application/octet-stream').split(';')[0]?.trim() ?? '';
    this.index.push({ url: x.url, date: x.startedAt, status: x.status, mime, digest: payloadDigest, offset: written.offset, length: written.length, recordId: responseId });
  }

  bytes(): Buffer {
    return Buffer.concat(this.members);
  }
}
