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
      // The signal handlers are in place before the node starts: a SIGTERM that arrives while the
      // background jobs are still starting (after "listening" was printed) stops the node cleanly
      // once it is up, instead of killing the process with the default handler. A second signal
      // ends the process at once (a start that hangs can still be interrupted).
      let stopRequested: (() => void) | undefined;
      const stopSignal = new Promise<void>((resolve) => {
        stopRequested = resolve;
      });
      let signals = 0;
      const onSignal = (signal: NodeJS.Signals) => {
        signals += 1;
        if (signals > 1) process.exit(signal === 'SIGINT' ? 130 : 143);
        stopRequested?.();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      const node = await startNode(config);
      await stopSignal;
      io.out('Stopping the node…');
      await node.close().catch(() => {});
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
