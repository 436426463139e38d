// Opens the node's store for an offline command, with the same settings `serve` uses.
import { configFromEnv, openNodeStore, type NodeStore } from '@comity/server';
import type { CliIo } from '../cli-io.ts';

export async function withStore<T>(io: CliIo, purpose: string, work: (store: NodeStore) => Promise<T>): Promise<T> {
  const config = configFromEnv(io.env);
  const store = await openNodeStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, databaseSchema: config.databaseSchema, masterKey: config.masterKey, purpose: `cli ${purpose}` });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
