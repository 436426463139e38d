// Test fixture: a real node (real database, real HTTP on a loopback port) per test, on PGlite in a
// temporary folder or on PostgreSQL in its own schema, and a small client that keeps the session
// cookie and sends the CSRF token as the web UI does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestBackend } from '@comity/db/testing';
import type { NodeConfig } from '../config.ts';
import { type RunningNode, startNode } from '../start-node.ts';

export interface TestNode {
  node: RunningNode;
  url: string;
  dataDir: string;
  schema: string | undefined;
  admin: { email: string; password: string };
  close(): Promise<void>;
}

export const ADMIN_PASSWORD = 'correct-horse-battery-node';

export async function startTestNode(backend: TestBackend, overrides: Partial<NodeConfig> = {}, opts: { changeAdminPassword?: boolean } = {}): Promise<TestNode> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'comity-test-'));
  const schema = overrides.databaseSchema ?? (await backend.newSchema());
  const node = await startNode({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: backend.databaseUrl,
    databaseSchema: schema,
    log: false,
    announce: () => {},
    webDir: join(dataDir, 'no-web'),
    ...overrides,
  });
  const admin = { email: node.admin?.email ?? 'admin@comity.local', password: node.admin?.oneTimePassword ?? ADMIN_PASSWORD };
  if (node.admin && opts.changeAdminPassword !== false) {
    const c = new ApiClient(node.url);
    await c.signIn(admin.email, admin.password);
    await c.call('POST', '/api/v1/account/password', { currentPassword: admin.password, newPassword: ADMIN_PASSWORD }, 204);
    admin.password = ADMIN_PASSWORD;
  }
  return {
    node,
    url: node.url,
    dataDir,
    schema,
    admin,
    async close() {
      await node.close();
      if (!overrides.dataDir) rmSync(dataDir, { recursive: true, force: true });
      if (!overrides.databaseSchema) await backend.dropSchema(schema);
    },
  };
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** A browser-like client: keeps the session cookie and sends the CSRF token on changes. */
export class ApiClient {
  cookie: string | undefined;
  csrf: string | undefined;
  bearer: string | undefined;
  constructor(readonly baseUrl: string) {}

  async raw(method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && !['GET', 'HEAD'].includes(method) && !('x-csrf-token' in headers)) headers['x-csrf-token'] = this.csrf;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const res = await fetch(this.baseUrl + path, { method, headers, ...(init.body !== undefined ? { body: init.body } : {}) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie?.startsWith('comity_session=')) {
      const value = setCookie.split(';')[0]!;
      this.cookie = value === 'comity_session=' ? undefined : value;
    }
    const text = await res.text();
    let body: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
    return { status: res.status, headers: res.headers, body, text };
  }

  /** Sends JSON; when `expect` is given, fails with the problem document unless the status matches. */
  async call<T = Record<string, unknown>>(method: string, path: string, json?: unknown, expect?: number): Promise<ApiResponse<T>> {
    const res = await this.raw(method, path, json === undefined ? {} : { body: JSON.stringify(json), headers: { 'content-type': 'application/json' } });
    if (expect !== undefined && res.status !== expect) {
      throw new Error(`${method} ${path}: expected ${expect}, got ${res.status}: ${res.text}`);
    }
    return res as ApiResponse<T>;
  }

  async signIn(email: string, password: string): Promise<ApiResponse<{ csrfToken: string; user: { id: string; mustChangePassword: boolean } }>> {
    const res = await this.call<{ csrfToken: string; user: { id: string; mustChangePassword: boolean } }>('POST', '/api/v1/session', { email, password });
    if (res.status === 200) this.csrf = res.body.csrfToken;
    return res;
  }
}

/** Creates an organisation and a user in it through the API as `admin`; returns a signed-in client. */
export async function makeUser(
  admin: ApiClient,
  opts: { role: string; country?: string; orgName?: string; organisationId?: string; email?: string },
): Promise<{ client: ApiClient; userId: string; organisationId: string; email: string; password: string }> {
  let organisationId = opts.organisationId;
  if (!organisationId) {
    const org = await admin.call<{ id: string }>(
      'POST',
      '/api/v1/organisations',
      { name: opts.orgName ?? `Authority ${Math.random().toString(36).slice(2, 8)}`, country: opts.country ?? 'FRA', kind: 'central-authority' },
      201,
    );
    organisationId = org.body.id;
  }
  const email = opts.email ?? `${opts.role}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const first = 'first-password-123';
  const user = await admin.call<{ id: string }>('POST', '/api/v1/users', { email, name: opts.role, role: opts.role, organisationId, password: first }, 201);
  const client = new ApiClient(admin.baseUrl);
  await client.signIn(email, first);
  const password = 'second-password-456';
  await client.call('POST', '/api/v1/account/password', { currentPassword: first, newPassword: password }, 204);
  return { client, userId: user.body.id, organisationId, email, password };
}
