// Test support: the blob stores every storage-touching test runs on, like testBackends() for
// databases. The folder store always; an S3-compatible store too, served by s3rver (a real S3 API
// over HTTP on a loopback port, started here) and reached through @aws-sdk/client-s3 exactly as a
// node with COMITY_BLOB_URL reaches a real object store.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { TestBackend } from '@comity/db/testing';
import S3rver from 's3rver';
import type { NodeConfig } from '../config.ts';
import { type BlobStore, fileBlobStore } from '../storage/blob-store.ts';
import { parseS3Url, s3BlobStore } from '../storage/s3-blob-store.ts';
import { type TestNode, startTestNode } from './test-node.ts';

export interface StartedStore {
  /** The store itself, for tests of the storage layer. */
  store: BlobStore;
  /** The COMITY_BLOB_URL a node should be started with (undefined: the data folder). */
  blobUrl: string | undefined;
  /** Names of temporaries currently left behind (a finished put must leave none). */
  temporaries(): Promise<string[]>;
  /** Leaves a temporary as a put killed half-way would. */
  plantTemporary(bytes: Buffer): Promise<void>;
  /** Every content key in the store (hash names). */
  contents(): Promise<string[]>;
  close(): Promise<void>;
}

export interface TestStore {
  name: 'file' | 's3';
  /** `dataDir`: the node's data folder, when the store belongs to a test node. */
  start(dataDir?: string): Promise<StartedStore>;
}

const BUCKET = 'comity-test';

async function startFile(dataDir?: string): Promise<StartedStore> {
  const own = dataDir ? undefined : mkdtempSync(join(tmpdir(), 'comity-blobs-'));
  const root = join(dataDir ?? (own as string), 'blobs');
  const store = fileBlobStore(root);
  const list = (dir: string) => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  };
  return {
    store,
    blobUrl: undefined,
    temporaries: async () => list(join(root, 'tmp')),
    plantTemporary: async (bytes) => writeFileSync(join(root, 'tmp', randomUUID()), bytes),
    contents: async () => list(root).filter((d) => /^[0-9a-f]{2}$/.test(d)).flatMap((d) => list(join(root, d))),
    async close() {
      if (own) rmSync(own, { recursive: true, force: true });
    },
  };
}

async function startS3(): Promise<StartedStore> {
  const directory = mkdtempSync(join(tmpdir(), 'comity-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, resetOnClose: true, configureBuckets: [{ name: BUCKET }] });
  const { port } = await server.run();
  // s3rver checks signatures against its fixed key pair; the node reads the usual AWS variables.
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  const blobUrl = `s3://${BUCKET}/node-${Math.random().toString(36).slice(2, 8)}?endpoint=${encodeURIComponent(`http://127.0.0.1:${port}`)}&region=eu-west-3&forcePathStyle=true`;
  const loc = parseS3Url(blobUrl);
  const store = s3BlobStore(loc);
  const client = new S3Client({ region: loc.region, endpoint: loc.endpoint, forcePathStyle: true });
  async function keys(prefix: string): Promise<string[]> {
    const out: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix, ContinuationToken: token }));
      for (const o of page.Contents ?? []) if (o.Key) out.push(o.Key.slice(prefix.length));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return out;
  }
  return {
    store,
    blobUrl,
    temporaries: () => keys(`${loc.prefix}/tmp/`),
    async plantTemporary(bytes) {
      await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${loc.prefix}/tmp/${randomUUID()}`, Body: bytes }));
    },
    contents: async () => (await keys(`${loc.prefix}/`)).filter((k) => !k.startsWith('tmp/')).map((k) => k.split('/').pop() as string),
    async close() {
      store.close();
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export function testStores(): TestStore[] {
  return [
    { name: 'file', start: startFile },
    { name: 's3', start: () => startS3() },
  ];
}

/**
 * The database × store combinations an integration test runs on: every database backend with
 * the folder store, and the first (PGlite) with S3 too, so CI covers both stores without running
 * every node test four times.
 */
export function storeMatrix<B>(backends: B[]): { backend: B; store: TestStore }[] {
  const [file, s3] = testStores() as [TestStore, TestStore];
  const out = backends.map((backend) => ({ backend, store: file }));
  if (backends[0] !== undefined) out.push({ backend: backends[0], store: s3 });
  return out;
}

export interface StoreTestNode extends TestNode {
  /** The node's blob store, seen from outside (temporaries, contents). */
  blobs: StartedStore;
}

/** A test node (see startTestNode) whose blobs are on `store`: its data folder, or s3rver. */
export async function startStoreNode(backend: TestBackend, store: TestStore, overrides: Partial<NodeConfig> = {}): Promise<StoreTestNode> {
  const s3 = store.name === 's3' ? await store.start() : undefined;
  const t = await startTestNode(backend, { ...overrides, blobUrl: s3?.blobUrl });
  const blobs = s3 ?? (await store.start(t.dataDir));
  return {
    ...t,
    blobs,
    async close() {
      await t.close();
      await blobs.close();
    },
  };
}
