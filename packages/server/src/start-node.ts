// The composition root: one call starts a whole node (store, bootstrap, HTTP app) and returns a
// handle whose close() stops it cleanly.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { countUsers, findOrganisationByName } from '@comity/db';
import { createOrganisation, createUser } from './accounts/accounts-service.ts';
import { buildApp } from './app.ts';
import type { NodeConfig } from './config.ts';
import type { AppDeps } from './deps.ts';
import { startAuditSequencer } from './audit/sequencer.ts';
import { createMetrics } from './http/metrics.ts';
import { openNodeStore, VERSION } from './node-store.ts';
import { type Background, loadCapabilities } from './routes/registry.ts';
import { parseS3Url } from './storage/s3-blob-store.ts';

export interface RunningNode {
  url: string;
  app: FastifyInstance;
  deps: AppDeps;
  /** Present only when this start created the first administrator. */
  admin: { email: string; oneTimePassword: string } | null;
  close(): Promise<void>;
}

export const BOOTSTRAP_ADMIN_EMAIL = 'admin@comity.local';

async function bootstrapAdmin(deps: AppDeps): Promise<RunningNode['admin']> {
  if ((await countUsers(deps.db)) > 0) return null;
  const who = { actor: null, requestId: 'bootstrap' };
  const orgName = deps.config.nodeName ?? 'Node administration';
  const org =
    (await findOrganisationByName(deps.db, orgName)) ??
    (await createOrganisation(deps, who, { name: orgName, country: deps.config.nodeCountry ?? 'XXX', kind: 'other' }));
  const oneTimePassword = randomBytes(15).toString('base64url');
  await createUser(deps, who, {
    email: BOOTSTRAP_ADMIN_EMAIL,
    name: 'Administrator',
    role: 'admin',
    organisationId: org.id,
    password: oneTimePassword,
    mustChangePassword: true,
  });
  return { email: BOOTSTRAP_ADMIN_EMAIL, oneTimePassword };
}

export async function startNode(config: NodeConfig): Promise<RunningNode> {
  // A malformed COMITY_BLOB_URL stops the node before anything is opened.
  if (config.blobUrl) parseS3Url(config.blobUrl);
  const store = await openNodeStore({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    databaseSchema: config.databaseSchema,
    masterKey: config.masterKey,
    purpose: 'node',
  });
  let app: FastifyInstance | undefined;
  let sequencerRef: { close(): Promise<void> } | undefined;
  try {
    const deps: AppDeps = { ...store.deps, config, metrics: createMetrics(), version: VERSION };
    const sequencer = startAuditSequencer(deps, { delayMs: config.auditSequenceDelayMs ?? 1000 });
    deps.auditSequencer = sequencer;
    sequencerRef = sequencer;
    const admin = await bootstrapAdmin(deps);
    const capabilities = await loadCapabilities(deps);
    app = await buildApp(
      deps,
      capabilities.flatMap((c) => (c.routes ? [c.routes] : [])),
    );
    const address = await app.listen({ port: config.port, host: config.host ?? '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const url = `http://${config.host === '0.0.0.0' || !config.host ? '127.0.0.1' : config.host}:${port}`;
    store.lock?.update({ url });
    void address;
    const announce = config.announce ?? ((line: string) => process.stdout.write(`${line}\n`));
    announce(`Comity node ${deps.keys.nodeId} listening on ${url} (${store.database.kind}: ${store.database.location})`);
    if (admin) {
      announce('First start: an administrator was created.');
      announce(`  Sign in at ${url}/sign-in as ${admin.email} with the one-time password: ${admin.oneTimePassword}`);
      announce('  You will be asked to choose a new password at first sign-in.');
    }
    const background: Background[] = [];
    for (const c of capabilities) if (c.start) background.push(await c.start(deps, url));
    let closed = false;
    return {
      url,
      app,
      deps,
      admin,
      async close() {
        if (closed) return;
        closed = true;
        for (const b of background.reverse()) await b.close().catch(() => {});
        await app?.close();
        // What was committed last is sequenced now rather than at the next start.
        await deps.auditSequencer?.flush().catch(() => {});
        await deps.auditSequencer?.close();
        await store.close();
      },
    };
  } catch (err) {
    await app?.close().catch(() => {});
    await sequencerRef?.close().catch(() => {});
    await store.close().catch(() => {});
    throw err;
  }
}
