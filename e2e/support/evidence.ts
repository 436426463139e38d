// Evidence for browser tests: a real PNG of a given size, and an item uploaded through the tus API
// as a script would, for pages that need one to exist.
import { deflateSync, crc32 } from 'node:zlib';
import type { ApiClient } from '@comity/server/testing/test-node';

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** A width×height RGB PNG with a diagonal colour ramp (visible in a screenshot). */
export function pngImage(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      row[1 + x * 3] = Math.floor((x / width) * 255);
      row[2 + x * 3] = Math.floor((y / height) * 255);
      row[3 + x * 3] = 160;
    }
    rows.push(row);
  }
  const signature = Buffer.from('89504e470d0a1a0a', 'hex');
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** Uploads `bytes` as one tus PATCH; answers the new item's id. */
export async function uploadEvidence(client: ApiClient, meta: Record<string, string>, bytes: Buffer): Promise<string> {
  const headers: Record<string, string> = { 'tus-resumable': '1.0.0' };
  if (client.cookie) headers.cookie = client.cookie;
  if (client.csrf) headers['x-csrf-token'] = client.csrf;
  const metadata = Object.entries(meta)
    .map(([k, v]) => `${k} ${Buffer.from(v, 'utf8').toString('base64')}`)
    .join(',');
  const created = await fetch(`${client.baseUrl}/api/v1/evidence/uploads`, { method: 'POST', headers: { ...headers, 'upload-length': String(bytes.length), 'upload-metadata': metadata } });
  if (created.status !== 201) throw new Error(`upload creation: ${created.status} ${await created.text()}`);
  const location = created.headers.get('location') as string;
  const sent = await fetch(client.baseUrl + location, {
    method: 'PATCH',
    headers: { ...headers, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    body: bytes,
  });
  const item = sent.headers.get('comity-evidence-item');
  if (sent.status !== 204 || !item) throw new Error(`upload: ${sent.status} ${await sent.text()}`);
  return item;
}
