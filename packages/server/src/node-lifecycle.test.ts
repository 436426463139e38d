// What an operator meets around a running node: its keys on disk or sealed in the database, a
// second process opening the same data folder, a SIGKILL in the middle of writes, and an
// unreachable PostgreSQL. Nodes run as real child processes (`comity serve`) where a crash matters.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { type AddressInfo, type Server, type Socket, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DataDirLockedError, openDatabase } from '@comity/db';
import { type TestBackend, testBackends } from '@comity/db/testing';
import { REPO_ROOT } from './config.ts';
import { startNode } from './start-node.ts';
import { ADMIN_PASSWORD, ApiClient, type TestNode, startTestNode } from './testing/test-node.ts';

const COMITY_BIN = join(REPO_ROOT, 'packages/cli/bin/comity.js');

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The environment a spawned `comity` sees: ours without any Comity setting, plus `extra`. */
function childEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(COMITY_|DATABASE_URL$|PORT$|HOST$)/.test(k)) env[k] = v;
  env.COMITY_LOG = '0';
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

/** Runs `comity <args>` as a real process and waits for it to end. */
function comity(args: string[], env: Record<string, string | undefined>, stdin = ''): Promise<Ran> {
  const child = spawn(process.execPath, [COMITY_BIN, ...args], { cwd: REPO_ROOT, env: childEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

interface ServedNode {
  url: string;
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `comity serve --port 0` as a child process and resolves once it prints its URL. */
function serve(env: Record<string, string | undefined>): Promise<ServedNode> {
  const child = spawn(process.execPath, [COMITY_BIN, 'serve', '--port', '0'], { cwd: REPO_ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`comity serve did not start within 60 s:\n${out}`));
    }, 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child, output: () => out, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`comity serve ended (code ${code}, signal ${signal}) before listening:\n${out}`));
    });
  });
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'comity-lifecycle-'));
}

function storeEnv(backend: TestBackend, dataDir: string, schema: string | undefined): Record<string, string | undefined> {
  return { COMITY_DATA_DIR: dataDir, DATABASE_URL: backend.databaseUrl, COMITY_DATABASE_SCHEMA: schema, COMITY_WEB_DIR: join(dataDir, 'no-web') };
}

/** Every page of audit entries with this action, through the API as an administrator would read them. */
async function auditEntries(c: ApiClient, action: string): Promise<{ seq: number; target: string }[]> {
  const all: { seq: number; target: string }[] = [];
  let before: number | null = null;
  for (;;) {
    const page: { body: { items: { seq: number; target: string }[]; nextBefore: number | null } } = await c.call(
      'GET',
      `/api/v1/audit?action=${action}&limit=500${before === null ? '' : `&before=${before}`}`,
      undefined,
      200,
    );
    all.push(...page.body.items);
    if (page.body.nextBefore === null) return all;
    before = page.body.nextBefore;
  }
}

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

for (const backend of testBackends()) {
  describe(`node lifecycle on ${backend.name}`, () => {
    async function freshStore(): Promise<{ dataDir: string; schema: string | undefined }> {
      const dataDir = tempDir();
      const schema = await backend.newSchema();
      cleanups.push(async () => {
        rmSync(dataDir, { recursive: true, force: true });
        await backend.dropSchema(schema);
      });
      return { dataDir, schema };
    }

    test('node keys: files with mode 0600, and `comity node info` shows what GET /api/v1/node shows', async () => {
      const { dataDir, schema } = await freshStore();
      const t = await startTestNode(backend, { dataDir, databaseSchema: schema });
      let info: { nodeId: string; signingKeyFingerprint: string; encryptionKeyFingerprint: string; keyStorage: string };
      try {
        const keyFiles = readdirSync(join(dataDir, 'keys'));
        // The audit anchor (last committed entry's seq and hash) lives next to the keys.
        assert.deepEqual(keyFiles.sort(), ['audit-anchor.json', 'node-encryption-x25519.pem', 'node-signing-ed25519.pem']);
        for (const f of keyFiles) assert.equal(statSync(join(dataDir, 'keys', f)).mode & 0o777, 0o600, `${f} is readable by the owner only`);
        assert.equal(statSync(join(dataDir, 'keys')).mode & 0o077, 0, 'the keys folder is closed to others');
        const admin = new ApiClient(t.url);
        await admin.signIn(t.admin.email, t.admin.password);
        info = (await admin.call<typeof info>('GET', '/api/v1/node', undefined, 200)).body;
        assert.match(info.nodeId, /^node-[0-9a-f]{20}$/);
        assert.equal(info.keyStorage, 'files');
      } finally {
        await t.close();
      }
      const printed = await comity(['node', 'info'], storeEnv(backend, dataDir, schema));
      assert.equal(printed.code, 0, printed.stderr);
      assert.match(printed.stdout, new RegExp(`Node id:\\s+${info.nodeId}\\n`));
      assert.match(printed.stdout, new RegExp(`Signing key \\(Ed25519\\):\\s+${info.signingKeyFingerprint}\\n`));
      assert.match(printed.stdout, new RegExp(`Encryption key \\(X25519\\):\\s+${info.encryptionKeyFingerprint}\\n`));
    });

    test('COMITY_MASTER_KEY: keys sealed in the database, the same identity after a restart, a wrong key refused', async () => {
      const { dataDir, schema } = await freshStore();
      const masterKey = 'a-long-enough-master-key-for-tests';
      let first: TestNode | undefined = await startTestNode(backend, { dataDir, databaseSchema: schema, masterKey });
      let nodeId: string;
      try {
        const admin = new ApiClient(first.url);
        await admin.signIn(first.admin.email, first.admin.password);
        const info = (await admin.call<{ nodeId: string; keyStorage: string }>('GET', '/api/v1/node', undefined, 200)).body;
        assert.equal(info.keyStorage, 'database-encrypted');
        nodeId = info.nodeId;
        assert.equal(existsSync(join(dataDir, 'keys')), false, 'no key files in the data folder');
      } finally {
        await first.close();
        first = undefined;
      }

      // What an intruder reading the database finds: ciphertext, no PEM.
      const database = await openDatabase({ databaseUrl: backend.databaseUrl, schema, pgliteDir: backend.databaseUrl ? undefined : join(dataDir, 'pgdata') });
      try {
        const secrets = await database.db.selectFrom('node_secrets').select(['name', 'value']).orderBy('name').execute();
        // Besides the sealed keys, the audit anchor (seq and hash only, nothing secret).
        assert.deepEqual(
          secrets.map((s) => s.name),
          ['audit-anchor', 'node-keys'],
        );
        const sealed = JSON.stringify(secrets.find((s) => s.name === 'node-keys')!.value);
        assert.doesNotMatch(sealed, /PRIVATE KEY/);
        assert.match(sealed, /"ciphertext":"[A-Za-z0-9+/=]{200,}"/);
      } finally {
        await database.close();
      }

      const again = await startTestNode(backend, { dataDir, databaseSchema: schema, masterKey });
      try {
        assert.equal(again.node.deps.keys.nodeId, nodeId, 'same node identity after a restart');
      } finally {
        await again.close();
      }

      await assert.rejects(
        startTestNode(backend, { dataDir, databaseSchema: schema, masterKey: 'another-master-key-of-length' }),
        /COMITY_MASTER_KEY does not open the node keys stored in the database/,
      );
      const wrong = await comity(['node', 'info'], { ...storeEnv(backend, dataDir, schema), COMITY_MASTER_KEY: 'another-master-key-of-length' });
      assert.equal(wrong.code, 1);
      assert.match(wrong.stderr, /^error: COMITY_MASTER_KEY does not open the node keys stored in the database \(wrong key\?\)\.\n$/);
      // The failed attempts left no lock behind and changed nothing: the right key still works.
      const right = await comity(['node', 'info', '--json'], { ...storeEnv(backend, dataDir, schema), COMITY_MASTER_KEY: masterKey });
      assert.equal(right.code, 0, right.stderr);
      assert.equal((JSON.parse(right.stdout) as { nodeId: string }).nodeId, nodeId);
    });

    test('SIGKILL in the middle of audited writes, three times: nothing acknowledged is lost, no partial state, the chain verifies', async () => {
      const { dataDir, schema } = await freshStore();
      const env = storeEnv(backend, dataDir, schema);
      const email = 'crash-admin@example.org';
      const password = 'crash-test-password-42';
      const made = await comity(
        ['user', 'create', '--org', 'Crash test authority', '--country', 'NLD', '--kind', 'central-authority', '--role', 'admin', '--email', email, '--password-stdin'],
        env,
        `${password}\n`,
      );
      assert.equal(made.code, 0, made.stderr);

      const acknowledged = new Set<string>();
      const checkConsistent = async (url: string) => {
        const c = new ApiClient(url);
        assert.equal((await c.signIn(email, password)).status, 200);
        const verified = await c.call<{ ok: boolean; entries: number }>('GET', '/api/v1/audit/verify', undefined, 200);
        assert.equal(verified.body.ok, true, `audit chain after the crash: ${verified.text}`);
        const orgs = (await c.call<{ items: { id: string }[] }>('GET', '/api/v1/organisations', undefined, 200)).body.items.map((o) => o.id);
        const created = (await auditEntries(c, 'organisation.create')).map((e) => e.target);
        assert.equal(new Set(created).size, created.length, 'one organisation.create entry per organisation');
        assert.deepEqual(
          [...created].sort(),
          orgs.map((id) => `organisation:${id}`).sort(),
          'every organisation has its audit entry and every entry its organisation',
        );
        const missing = [...acknowledged].filter((id) => !orgs.includes(id));
        assert.deepEqual(missing, [], 'organisations the node acknowledged (201) survive the crash');
        return orgs.length;
      };

      for (let round = 1; round <= 3; round++) {
        const node = await serve(env);
        try {
          if (round > 1) await checkConsistent(node.url);
          const c = new ApiClient(node.url);
          assert.equal((await c.signIn(email, password)).status, 200);
          const ackedThisRound: string[] = [];
          let killed = false;
          let n = 0;
          const worker = async () => {
            while (!killed) {
              const i = n++;
              try {
                const res = await c.call<{ id: string }>('POST', '/api/v1/organisations', { name: `Crash ${round}-${i}`, country: 'FRA', kind: 'police' });
                if (res.status === 201) {
                  acknowledged.add(res.body.id);
                  ackedThisRound.push(res.body.id);
                } else if (!killed) {
                  assert.fail(`unexpected answer before the kill: ${res.status} ${res.text}`);
                }
              } catch (err) {
                if (!killed) throw err;
              }
              // Kill while 32 requests are still in flight, part-way through their transactions.
              if (ackedThisRound.length >= 25 && !killed) {
                killed = true;
                node.child.kill('SIGKILL');
              }
            }
          };
          await Promise.all(Array.from({ length: 32 }, worker));
          const ended = await node.exited;
          assert.equal(ended.signal, 'SIGKILL');
          assert.ok(n > ackedThisRound.length, 'some writes were cut off by the kill');
        } finally {
          node.child.kill('SIGKILL');
        }
        if (!backend.databaseUrl) {
          // The killed node could not remove its lock: the next start must take the stale lock over.
          const lock = JSON.parse(readFileSync(join(dataDir, 'comity.lock'), 'utf8')) as { pid: number };
          assert.equal(lock.pid, node.child.pid);
        }
      }

      const last = await serve(env);
      try {
        const count = await checkConsistent(last.url);
        assert.ok(count >= 1 + 3 * 25, `${count} organisations after three crashes`);
      } finally {
        last.child.kill('SIGTERM');
      }
      const stopped = await last.exited;
      assert.equal(stopped.code, 0, `a clean stop after SIGTERM:\n${last.output()}`);
      const verify = await comity(['audit', 'verify', '--json'], env);
      assert.equal(verify.code, 0, verify.stdout + verify.stderr);
      assert.match(verify.stdout, /^\{"ok":true,"entries":\d+\}\n$/);
    });
  });
}

describe('one process per PGlite data folder', () => {
  const pglite = testBackends().find((b) => b.name === 'pglite')!;

  test('a second startNode and CLI commands fail loudly while the node runs; after it stops the CLI works', async () => {
    const dataDir = tempDir();
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const env = { COMITY_DATA_DIR: dataDir };
    const t = await startTestNode(pglite, { dataDir });
    try {
      await assert.rejects(
        startNode({ port: 0, host: '127.0.0.1', dataDir, log: false, announce: () => {} }),
        (err: unknown) => {
          assert.ok(err instanceof DataDirLockedError, String(err));
          assert.match(err.message, /is in use by another Comity process/);
          assert.ok(err.message.includes(t.url), 'the message says where the running node is');
          return true;
        },
      );
      const [list, migrate, verify] = await Promise.all([
        comity(['user', 'list'], env),
        comity(['migrate'], env),
        comity(['audit', 'verify'], env),
      ]);
      for (const r of [list, migrate, verify]) {
        assert.equal(r.code, 1, r.stdout + r.stderr);
        assert.match(r.stderr, /The node is running: stop it/);
        assert.ok(r.stderr.includes(t.url));
        assert.equal(r.stdout, '');
      }
      // The refused openers left the running node and its lock alone.
      const admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, ADMIN_PASSWORD);
      await admin.call('POST', '/api/v1/organisations', { name: 'Written while refused', country: 'BEL', kind: 'police' }, 201);
      assert.equal((JSON.parse(readFileSync(join(dataDir, 'comity.lock'), 'utf8')) as { pid: number }).pid, process.pid);
    } finally {
      await t.close();
    }
    assert.equal(existsSync(join(dataDir, 'comity.lock')), false, 'a clean stop removes the lock');
    const list = await comity(['user', 'list', '--json'], env);
    assert.equal(list.code, 0, list.stderr);
    assert.deepEqual(
      (JSON.parse(list.stdout) as { email: string }[]).map((u) => u.email),
      [t.admin.email],
    );
    const verify = await comity(['audit', 'verify', '--json'], env);
    assert.equal(verify.code, 0, verify.stderr);
  });
});

describe('an unreachable DATABASE_URL', () => {
  // A listener that accepts the connection and never answers, like a firewall that swallows
  // packets: only a connect timeout gets the node out of this one.
  let silent: Server | undefined;
  const sockets: Socket[] = [];
  after(() => {
    for (const s of sockets) s.destroy();
    silent?.close();
  });
  const silentUrl = async (): Promise<string> => {
    silent = createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => silent!.listen(0, '127.0.0.1', resolve));
    return `postgres://x:secret@127.0.0.1:${(silent.address() as AddressInfo).port}/x`;
  };

  // What is checked is the mechanism (the refused connection, or the connect timeout firing, named in
  // the message), not a duration: the run time depends on the machine's load.
  for (const [what, url, reason] of [
    ['a closed port', async () => 'postgres://x@127.0.0.1:1/x', /ECONNREFUSED/],
    ['a server that never answers', silentUrl, /timeout/i],
  ] as const) {
    test(`${what}: \`comity serve\` exits 1 with a clear message naming the reason, and does not hang`, async () => {
      const dataDir = tempDir();
      cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
      const r = await comity(['serve', '--port', '0'], { COMITY_DATA_DIR: dataDir, DATABASE_URL: await url() });
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.match(r.stderr, /^error: Cannot reach PostgreSQL at postgres:\/\/x(:\*\*\*)?@127\.0\.0\.1:\d+\/x: /);
      assert.doesNotMatch(r.stderr, /secret/, 'the password is not printed');
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      assert.match(r.stderr, reason);
      assert.equal(r.stdout, '');
    });
  }
});
