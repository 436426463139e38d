// serve, migrate, node info.
import { migrateToLatest, openDatabase, acquireDataDirLock } from '@comity/db';
import { VERSION, configFromEnv, startNode } from '@comity/server';
import type { Command } from 'commander';
import { join } from 'node:path';
import type { CliIo } from '../cli-io.ts';
import { withStore } from './store.ts';

export function registerNodeCommands(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('Start the node (web UI, API) with the settings from the environment')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 8080)')
    .option('--host <host>', 'address to listen on (default: HOST or 127.0.0.1)')
    .action(async (opts: { port?: string; host?: string }) => {
      const config = configFromEnv(io.env);
      if (opts.port !== undefined) {
        const port = Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new (await import('../cli-io.ts')).UsageError(`--port must be 0-65535, got "${opts.port}"`);
        config.port = port;
      }
      if (opts.host) config.host = opts.host;
      config.announce = (line) => io.out(line);
      const node = await startNode(config);
      await new Promise<void>((resolve) => {
        const stop = () => {
          io.out('Stopping the node…');
          node.close().then(resolve, resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });

  program
    .command('migrate')
    .description('Apply pending database migrations and exit')
    .action(async () => {
      const config = configFromEnv(io.env);
      const lock = config.databaseUrl ? null : acquireDataDirLock(config.dataDir, 'cli migrate');
      try {
        const database = await openDatabase({ databaseUrl: config.databaseUrl, schema: config.databaseSchema, pgliteDir: config.databaseUrl ? undefined : join(config.dataDir, 'pgdata') });
        try {
          const { applied } = await migrateToLatest(database.db);
          io.out(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'The database is up to date.');
        } finally {
          await database.close();
        }
      } finally {
        lock?.release();
      }
    });

  const node = program.command('node').description('This node: identity and keys');
  node
    .command('info')
    .description('Print the node id and key fingerprints')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withStore(io, 'node info', async (store) => {
        const info = {
          nodeId: store.keys.nodeId,
          signingKeyFingerprint: store.keys.signingFingerprint,
          encryptionKeyFingerprint: store.keys.encryptionFingerprint,
          keyStorage: store.keys.storage,
          database: store.database.kind,
          version: VERSION,
        };
        if (opts.json) io.out(JSON.stringify(info));
        else
          io.out(
            [
              `Node id:                 ${info.nodeId}`,
              `Signing key (Ed25519):   ${info.signingKeyFingerprint}`,
              `Encryption key (X25519): ${info.encryptionKeyFingerprint}`,
              `Keys stored in:          ${info.keyStorage}`,
              `Database:                ${info.database} (${store.database.location})`,
            ].join('\n'),
          );
      });
    });
}
