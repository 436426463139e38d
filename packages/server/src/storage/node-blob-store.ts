// Which blob store a node uses: `COMITY_BLOB_URL` (an S3-compatible object store) when set,
// otherwise `<data>/blobs`. One store per started node, shared by every capability.
import { join } from 'node:path';
import type { AppDeps } from '../deps.ts';
import { type BlobStore, fileBlobStore } from './blob-store.ts';
import { parseS3Url, s3BlobStore } from './s3-blob-store.ts';

/** The store for a data folder and an optional `COMITY_BLOB_URL`; a malformed URL throws. */
export function blobStoreFor(dataDir: string, blobUrl: string | undefined, env: NodeJS.ProcessEnv = process.env): BlobStore {
  const url = blobUrl?.trim();
  if (url) {
    // Keys from the environment given (the CLI passes its own); otherwise the SDK's usual chain
    // (process environment, shared profiles, instance or container roles).
    const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
    const credentials = accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } : undefined;
    return s3BlobStore(parseS3Url(url, env), credentials ? { credentials } : {});
  }
  return fileBlobStore(join(dataDir, 'blobs'));
}

export function blobStoreFromEnv(dataDir: string, env: NodeJS.ProcessEnv = process.env): BlobStore {
  return blobStoreFor(dataDir, env.COMITY_BLOB_URL, env);
}

const stores = new WeakMap<AppDeps, BlobStore>();

export function blobStoreOf(deps: AppDeps): BlobStore {
  let store = stores.get(deps);
  if (!store) {
    store = blobStoreFor(deps.config.dataDir, deps.config.blobUrl);
    stores.set(deps, store);
  }
  return store;
}
