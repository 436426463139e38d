// The blob store on any S3-compatible object store (`COMITY_BLOB_URL=s3://bucket/prefix?…`).
// Same layout as the folder store: `<prefix>/<first two hex>/<sha256>` for content and
// `<prefix>/tmp/<uuid>` for bytes whose hash is not known yet. A streamed put goes to a temporary
// key (multipart through @aws-sdk/lib-storage, so memory stays bounded whatever the size) while
// the SHA-256 is computed, and only once the last byte is in is it copied server-side to its
// content key and the temporary deleted. An S3 object only appears when its upload completes, so
// no reader ever sees a half-written object under a hash key; an upload over the limit is aborted
// and its parts dropped. Credentials come from the usual AWS chain (AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, profiles, instance roles).
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { type BlobStore, SHA256_HEX, type StreamedBlob, hashingStage, sha256OfBytes } from './blob-store.ts';

export interface S3Location {
  bucket: string;
  /** Key prefix without leading or trailing slash; '' for the bucket's root. */
  prefix: string;
  endpoint?: string | undefined;
  region: string;
  forcePathStyle: boolean;
}

const KNOWN_PARAMS = new Set(['endpoint', 'region', 'forcePathStyle']);

/**
 * Reads `s3://bucket/prefix?endpoint=http://127.0.0.1:9000&region=eu-west-3&forcePathStyle=true`.
 * Throws a message naming what is wrong; the node refuses to start rather than store elsewhere.
 */
export function parseS3Url(value: string, env: NodeJS.ProcessEnv = process.env): S3Location {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`COMITY_BLOB_URL must look like s3://bucket/prefix?region=…, got "${value}"`);
  }
  if (url.protocol !== 's3:') throw new Error(`COMITY_BLOB_URL must start with s3://, got "${url.protocol}//"`);
  const bucket = url.hostname;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new Error(`COMITY_BLOB_URL: "${bucket}" is not a valid bucket name`);
  if (url.username || url.password) throw new Error('COMITY_BLOB_URL must not carry credentials; use AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
  for (const key of url.searchParams.keys()) {
    if (!KNOWN_PARAMS.has(key)) throw new Error(`COMITY_BLOB_URL: unknown parameter "${key}" (known: ${[...KNOWN_PARAMS].join(', ')})`);
  }
  const endpoint = url.searchParams.get('endpoint') ?? undefined;
  if (endpoint !== undefined) {
    let e: URL;
    try {
      e = new URL(endpoint);
    } catch {
      throw new Error(`COMITY_BLOB_URL: endpoint "${endpoint}" is not a URL`);
    }
    if (e.protocol !== 'http:' && e.protocol !== 'https:') throw new Error(`COMITY_BLOB_URL: endpoint must be http:// or https://, got "${endpoint}"`);
  }
  const style = url.searchParams.get('forcePathStyle');
  if (style !== null && style !== 'true' && style !== 'false') throw new Error(`COMITY_BLOB_URL: forcePathStyle must be true or false, got "${style}"`);
  const region = url.searchParams.get('region') || env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1';
  const prefix = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, '');
  return { bucket, prefix, endpoint, region, forcePathStyle: style === 'true' };
}

/** S3's limit for one CopyObject; larger objects are copied part by part. */
const COPY_LIMIT = 5 * 1024 ** 3;
const COPY_PART = 1024 ** 3;
/** Multipart part size for streamed uploads: 8 MiB, four in flight (bounded memory). */
const PART_SIZE = 8 * 1024 * 1024;

function isMissing(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}

export interface S3BlobStore extends BlobStore {
  readonly client: S3Client;
  close(): void;
}

export function s3BlobStore(loc: S3Location, extra: Partial<S3ClientConfig> = {}): S3BlobStore {
  const client = new S3Client({
    region: loc.region,
    ...(loc.endpoint ? { endpoint: loc.endpoint } : {}),
    forcePathStyle: loc.forcePathStyle,
    // We hash every byte ourselves; the SDK's extra CRC trailers are not understood by every
    // S3-compatible server, so checksums are sent only where the API requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...extra,
  });
  const { bucket } = loc;
  const base = loc.prefix ? `${loc.prefix}/` : '';
  const keyOf = (sha256: string) => `${base}${sha256.slice(0, 2)}/${sha256}`;
  const tmpPrefix = `${base}tmp/`;
  const tmpKey = () => `${tmpPrefix}${randomUUID()}`;
  const location = `s3://${bucket}/${loc.prefix}`;

  async function head(key: string): Promise<number | null> {
    try {
      const r = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return r.ContentLength ?? 0;
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async function remove(key: string): Promise<void> {
    try {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    } catch (err) {
      if (!isMissing(err)) throw err;
    }
  }

  /** Server-side copy; objects over 5 GiB go part by part (S3's CopyObject limit). */
  async function copy(from: string, to: string, size: number): Promise<void> {
    const source = `${bucket}/${from.split('/').map(encodeURIComponent).join('/')}`;
    if (size <= COPY_LIMIT) {
      await client.send(new CopyObjectCommand({ Bucket: bucket, Key: to, CopySource: source }));
      return;
    }
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: to }));
    try {
      const parts: { ETag: string; PartNumber: number }[] = [];
      for (let start = 0, n = 1; start < size; start += COPY_PART, n++) {
        const end = Math.min(start + COPY_PART, size) - 1;
        const r = await client.send(
          new UploadPartCopyCommand({ Bucket: bucket, Key: to, UploadId, PartNumber: n, CopySource: source, CopySourceRange: `bytes=${start}-${end}` }),
        );
        parts.push({ ETag: r.CopyPartResult?.ETag ?? '', PartNumber: n });
      }
      await client.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: to, UploadId, MultipartUpload: { Parts: parts } }));
    } catch (err) {
      await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: to, UploadId })).catch(() => {});
      throw err;
    }
  }

  /** Streams `body` to `key` (one PUT when small, multipart otherwise); visible only when complete. */
  async function upload(key: string, body: Readable, contentLength?: number): Promise<void> {
    const up = new Upload({
      client,
      params: { Bucket: bucket, Key: key, Body: body, ContentType: 'application/octet-stream', ...(contentLength !== undefined ? { ContentLength: contentLength } : {}) },
      partSize: PART_SIZE,
      queueSize: 4,
      leavePartsOnError: false,
    });
    await up.done();
  }

  return {
    kind: 's3',
    location,
    client,
    async put(bytes) {
      const sha256 = sha256OfBytes(bytes);
      if ((await head(keyOf(sha256))) === null) {
        // One PUT is atomic on S3: the object appears whole or not at all.
        await client.send(new PutObjectCommand({ Bucket: bucket, Key: keyOf(sha256), Body: Buffer.from(bytes), ContentType: 'application/octet-stream' }));
      }
      return { sha256, size: bytes.byteLength };
    },
    async get(sha256) {
      if (!SHA256_HEX.test(sha256)) return null;
      try {
        const r = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(sha256) }));
        if (!r.Body) return null;
        return Buffer.from(await r.Body.transformToByteArray());
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },
    async has(sha256) {
      return SHA256_HEX.test(sha256) && (await head(keyOf(sha256))) !== null;
    },
    async putStream(body, options) {
      const tmp = tmpKey();
      const { stage, result } = hashingStage(options);
      try {
        // The pipeline carries the source's errors (and the limit) into the upload, which then
        // aborts its multipart upload; both promises settle before the temporary is removed.
        const piped = pipeline(body, stage);
        const sent = upload(tmp, stage);
        const [p, s] = await Promise.allSettled([piped, sent]);
        if (p.status === 'rejected') throw p.reason;
        if (s.status === 'rejected') throw s.reason;
        const stored: StreamedBlob = result();
        if ((await head(keyOf(stored.sha256))) === null) await copy(tmp, keyOf(stored.sha256), stored.size);
        return stored;
      } finally {
        await remove(tmp).catch(() => {});
      }
    },
    async adopt(path, blob) {
      if (!SHA256_HEX.test(blob.sha256)) throw new Error('not a SHA-256');
      if ((await head(keyOf(blob.sha256))) === null) {
        const { size } = await stat(path);
        // The hash is known already, so the upload goes straight to its key: S3 shows it only
        // once complete.
        await upload(keyOf(blob.sha256), createReadStream(path, { highWaterMark: 1024 * 1024 }), size);
      }
      await rm(path, { force: true });
    },
    async openRead(sha256, range) {
      if (!SHA256_HEX.test(sha256)) return null;
      try {
        const r = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: keyOf(sha256), ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }),
        );
        if (!r.Body) return null;
        return r.Body instanceof Readable ? r.Body : Readable.fromWeb(r.Body.transformToWebStream() as never);
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },
    async sizeOf(sha256) {
      if (!SHA256_HEX.test(sha256)) return null;
      return head(keyOf(sha256));
    },
    async sweepTemporaries(olderThanMs) {
      const cutoff = Date.now() - olderThanMs;
      let removed = 0;
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: tmpPrefix, ContinuationToken: token }));
        for (const o of page.Contents ?? []) {
          if (o.Key && o.LastModified && o.LastModified.getTime() <= cutoff) {
            await remove(o.Key);
            removed++;
          }
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      // Multipart uploads of a process that died mid-way: invisible, but their parts are kept
      // (and billed) until aborted.
      try {
        const open = await client.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: tmpPrefix }));
        for (const u of open.Uploads ?? []) {
          if (u.Key && u.UploadId && u.Initiated && u.Initiated.getTime() <= cutoff) {
            await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: u.Key, UploadId: u.UploadId }));
            removed++;
          }
        }
      } catch (err) {
        // Some S3-compatible servers do not list multipart uploads; the objects are swept all the same.
        if ((err as { name?: string }).name !== 'NotImplemented' && (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 501) throw err;
      }
      return removed;
    },
    close() {
      client.destroy();
    },
  };
}
