// Which blob store a node uses: `COMITY_BLOB_URL` (an S3-compatible object store) when set,
// otherwise `<data>/blobs`. One store per started node, shared by every capability.
import { join } from 'node:path';
import type { AppDeps } from '../deps.ts';
import { type BlobStore, fileBlobStore } from './blob-store.ts';

export function blobStoreFromEnv(dataDir: string, env: NodeJS.ProcessEnv = process.env): BlobStore {
  const url = env.COMITY_BLOB_URL?.trim();
  if (url) throw new Error('COMITY_BLOB_URL is not supported by this build yet');
  return fileBlobStore(join(dataDir, 'blobs'));
}

const stores = new WeakMap<AppDeps, BlobStore>();

export function blobStoreOf(deps: AppDeps): BlobStore {
  let store = stores.get(deps);
  if (!store) {
    store = blobStoreFromEnv(deps.config.dataDir);
    stores.set(deps, store);
  }
  return store;
}
