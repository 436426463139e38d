// A Comity node as a real child process (`comity serve`), for the federation tests that kill nodes
// with SIGKILL: same data folder (or PostgreSQL schema) and port across restarts, the bootstrap
// administrator signed in once, and helpers to wait for health.
import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { TestBackend } from '@comity/db/testing';
import { ADMIN_PASSWORD, ApiClient } from '@comity/server/testing/test-node';

const root = resolve(new URL('../..', import.meta.url).pathname);

export interface ChildNodeOptions {
  name: string;
  country: string;
  dataDir: string;
  port: number;
  backend: TestBackend;
  schema: string | undefined;
  env?: Record<string, string>;
}

/** Fast retries and polling so that tests do not wait on production back-off. */
export const FAST_FEDERATION_ENV: Record<string, string> = {
  COMITY_FEDERATION_POLL: '50ms',
  COMITY_FEDERATION_RETRY_BASE: '100ms',
  COMITY_FEDERATION_RETRY_MAX: '500ms',
  COMITY_FEDERATION_HORIZON: '10m',
};

export class ChildNode {
  child: ChildProcess | null = null;
  admin: ApiClient;
  nodeId = '';
  readonly url: string;
  private output = '';
  private oneTimePassword: string | null = null;

  constructor(readonly opts: ChildNodeOptions) {
    this.url = `http://127.0.0.1:${opts.port}`;
    this.admin = new ApiClient(this.url);
  }

  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const base: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^(COMITY_|DATABASE_URL$|PORT$)/.test(k)) base[k] = v;
    return {
      ...base,
      COMITY_DATA_DIR: this.opts.dataDir,
      PORT: String(this.opts.port),
      COMITY_NODE_NAME: this.opts.name,
      COMITY_NODE_COUNTRY: this.opts.country,
      COMITY_WEB_DIR: join(this.opts.dataDir, 'no-web'),
      COMITY_LOG: '0',
      ...(this.opts.backend.databaseUrl ? { DATABASE_URL: this.opts.backend.databaseUrl } : {}),
      ...(this.opts.schema ? { COMITY_DATABASE_SCHEMA: this.opts.schema } : {}),
      ...FAST_FEDERATION_ENV,
      ...(this.opts.env ?? {}),
      ...extra,
    };
  }

  /** Starts `comity serve` and waits until it answers /readyz. */
  async start(extraEnv: Record<string, string> = {}): Promise<void> {
    try {
      await this.startOnce(extraEnv);
    } catch (err) {
      // On a PostgreSQL shared by parallel test files, Kysely's migrator lists the tables of every
      // schema (has_schema_privilege per schema) and fails when another file drops its own schema at
      // that instant. Only that error, naming a schema that is not this node's, is retried.
      const other = /schema "([^"]+)" does not exist/.exec((err as Error).message)?.[1];
      if (!other || other === this.opts.schema) throw err;
      await this.startOnce(extraEnv);
    }
  }

  private async startOnce(extraEnv: Record<string, string>): Promise<void> {
    if (this.child) throw new Error('already running');
    this.output = '';
    const child = spawn(process.execPath, [join(root, 'packages/cli/bin/comity.js'), 'serve'], { cwd: root, env: this.env(extraEnv), stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.stdout!.on('data', (d: Buffer) => {
      this.output += d.toString();
      const m = /one-time password: (\S+)/.exec(this.output);
      if (m) this.oneTimePassword = m[1]!;
    });
    child.stderr!.on('data', (d: Buffer) => {
      this.output += d.toString();
    });
    child.once('exit', () => {
      if (this.child === child) this.child = null;
    });
    const until = Date.now() + 60_000;
    for (;;) {
      if (!this.child) throw new Error(`the node exited during start:\n${this.output}`);
      try {
        const res = await fetch(`${this.url}/readyz`);
        if (res.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > until) throw new Error(`the node did not become ready:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const m = /Comity node (\S+) listening/.exec(this.output);
    if (m) this.nodeId = m[1]!;
  }

  /** First start only: the one-time password is replaced, and the bootstrap organisation becomes the central authority. */
  async bootstrap(): Promise<void> {
    if (!this.oneTimePassword) throw new Error(`no one-time password in the output:\n${this.output}`);
    await this.admin.signIn('admin@comity.local', this.oneTimePassword);
    await this.admin.call('POST', '/api/v1/account/password', { currentPassword: this.oneTimePassword, newPassword: ADMIN_PASSWORD }, 204);
    await this.signIn();
    const orgs = await this.admin.call<{ items: { id: string; name: string }[] }>('GET', '/api/v1/organisations', undefined, 200);
    const org = orgs.body.items.find((o) => o.name === this.opts.name)!;
    await this.admin.call('PATCH', `/api/v1/organisations/${org.id}`, { kind: 'central-authority' }, 200);
  }

  async signIn(): Promise<void> {
    this.admin = new ApiClient(this.url);
    const res = await this.admin.signIn('admin@comity.local', ADMIN_PASSWORD);
    if (res.status !== 200) throw new Error(`admin sign-in failed: ${res.status} ${res.text}`);
  }

  /** Stops the process with `signal` and waits for it to be gone. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill(signal);
    await exited;
    this.child = null;
  }

  get log(): string {
    return this.output;
  }
}
