// The `comity` command as scripts and operators use it: help everywhere, exit codes 0/1/2,
// non-interactive user management and `audit verify --json`. Most commands run in-process through
// runCli; a few run as real processes to check what the shell sees.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openDatabase } from '@comity/db';
import { testBackends } from '@comity/db/testing';
import { REPO_ROOT } from '@comity/server';
import { ApiClient, startTestNode } from '@comity/server/testing/test-node';
import type { Command } from 'commander';
import type { CliIo } from './cli-io.ts';
import { buildProgram, runCli } from './program.ts';

interface FakeIo extends CliIo {
  stdout: string;
  stderr: string;
}

function fakeIo(env: Record<string, string | undefined> = {}, stdin?: string): FakeIo {
  const io: FakeIo = {
    stdout: '',
    stderr: '',
    out: (t) => {
      io.stdout += t.endsWith('\n') ? t : `${t}\n`;
    },
    err: (t) => {
      io.stderr += t.endsWith('\n') ? t : `${t}\n`;
    },
    readStdin: async () => {
      if (stdin === undefined) throw new Error('this command was not expected to read standard input');
      return stdin;
    },
    env: Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv,
  };
  return io;
}

async function run(argv: string[], env: Record<string, string | undefined> = {}, stdin?: string): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIo(env, stdin);
  const code = await runCli(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

/** A real `comity` process, for what the shell sees: exit status and the two streams. */
function spawnComity(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  const childEnv: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(COMITY_|DATABASE_URL$)/.test(k)) childEnv[k] = v;
  const child = spawn(process.execPath, [join(REPO_ROOT, 'packages/cli/bin/comity.js'), ...args], {
    cwd: REPO_ROOT,
    env: { ...childEnv, COMITY_LOG: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

function commandPaths(cmd: Command, prefix: string[] = []): string[][] {
  return cmd.commands.flatMap((c) => [[...prefix, c.name()], ...commandPaths(c, [...prefix, c.name()])]);
}

describe('comity: help and usage errors', () => {
  test('--help works on the program and on every command, with exit code 0', async () => {
    const paths = commandPaths(buildProgram(fakeIo()));
    for (const expected of [['serve'], ['migrate'], ['node', 'info'], ['user', 'create'], ['user', 'disable'], ['user', 'enable'], ['user', 'list'], ['audit', 'verify']]) {
      assert.ok(
        paths.some((p) => p.join(' ') === expected.join(' ')),
        `comity ${expected.join(' ')} exists`,
      );
    }
    for (const path of [[], ...paths]) {
      for (const flag of ['--help', '-h']) {
        const r = await run([...path, flag]);
        assert.equal(r.code, 0, `comity ${path.join(' ')} ${flag}: ${r.err}`);
        assert.match(r.out, new RegExp(`^Usage: comity${path.map((p) => ` ${p}`).join('')} `), `comity ${path.join(' ')} ${flag}`);
        assert.equal(r.err, '');
      }
    }
    const helpCommand = await run(['help', 'user']);
    assert.equal(helpCommand.code, 0);
    assert.match(helpCommand.out, /^Usage: comity user /);
  });

  test('usage mistakes exit 2 with a message on stderr', async () => {
    const cases: [string[], RegExp][] = [
      [[], /Usage: comity/],
      [['nosuch'], /unknown command 'nosuch'/],
      [['--bogus'], /unknown option '--bogus'/],
      [['audit', 'verify', '--bogus'], /unknown option '--bogus'/],
      [['user'], /Usage: comity user/],
      [['user', 'create'], /required option '--org <name>' not specified/],
      [['user', 'create', '--org', 'X', '--email', 'a@b.c', '--role', 'wizard', '--password-stdin'], /--role must be one of: admin, supervisor, practitioner, analyst, viewer/],
      [['user', 'create', '--org', 'X', '--email', 'a@b.c', '--role', 'admin'], /--password-stdin/],
      [['user', 'disable'], /missing required argument 'email'/],
      [['serve', '--port', 'eighty'], /--port must be 0-65535, got "eighty"/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(argv);
      assert.equal(r.code, 2, `comity ${argv.join(' ')} → ${r.code}: ${r.err}`);
      assert.match(r.out + r.err, message, `comity ${argv.join(' ')}`);
    }
  });

  test('real processes: exit status 0 for help, 2 for a usage error, 1 for a failure', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'comity-cli-'));
    try {
      const [help, version, usage, failure] = await Promise.all([
        spawnComity(['--help']),
        spawnComity(['--version']),
        spawnComity(['user', 'frobnicate']),
        spawnComity(['user', 'disable', 'nobody@example.org'], { COMITY_DATA_DIR: dataDir }),
      ]);
      assert.equal(help.code, 0);
      assert.match(help.out, /^Usage: comity /);
      assert.equal(version.code, 0);
      assert.match(version.out, /^\d+\.\d+\.\d+\n$/);
      assert.equal(usage.code, 2);
      assert.match(usage.err, /unknown command 'frobnicate'/);
      assert.equal(failure.code, 1);
      assert.equal(failure.err, 'error: no user with e-mail nobody@example.org\n');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

for (const backend of testBackends()) {
  describe(`comity user and audit commands on ${backend.name}`, () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'comity-cli-'));
    let schema: string | undefined;
    let env: Record<string, string | undefined>;
    const password = 'a-long-cli-password-7';
    const create = (email: string, org: string, extra: string[] = [], stdin = `${password}\n`) =>
      run(['user', 'create', '--org', org, '--country', 'FRA', '--kind', 'central-authority', '--role', 'admin', '--email', email, '--password-stdin', ...extra], env, stdin);
    const listed = async () => {
      const r = await run(['user', 'list', '--json'], env);
      assert.equal(r.code, 0, r.err);
      return JSON.parse(r.out) as { email: string; name: string; role: string; organisation: string; disabled: boolean }[];
    };
    /** Whether the user can sign in on a node started on the same store (stopped again after). */
    const canSignIn = async (email: string) => {
      const t = await startTestNode(backend, { dataDir, databaseSchema: schema });
      try {
        return (await new ApiClient(t.url).signIn(email, password)).status === 200;
      } finally {
        await t.close();
      }
    };

    before(async () => {
      schema = await backend.newSchema();
      env = { COMITY_DATA_DIR: dataDir, DATABASE_URL: backend.databaseUrl, COMITY_DATABASE_SCHEMA: schema };
    });
    after(async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await backend.dropSchema(schema);
    });

    test('audit verify --json on an empty store prints exactly {"ok":true,"entries":0}', async () => {
      const r = await run(['audit', 'verify', '--json'], env);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out, '{"ok":true,"entries":0}\n');
    });

    test('user create makes the organisation and the user from flags and standard input alone', async () => {
      const r = await create('a@b.c', 'Ministère de la Justice — BEPI');
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out, 'Created organisation "Ministère de la Justice — BEPI" (FRA, central-authority).\nCreated user a@b.c (admin) in "Ministère de la Justice — BEPI".\n');
      assert.equal(r.err, '');
      // A second user joins the existing organisation; no --country or --kind needed for that.
      const second = await run(['user', 'create', '--org', 'ministère de la justice — bepi', '--email', 'Second@Example.org', '--role', 'viewer', '--password-stdin'], env, `${password}\r\n`);
      assert.equal(second.code, 0, second.err);
      assert.equal(second.out, 'Created user second@example.org (viewer) in "Ministère de la Justice — BEPI".\n');
      assert.deepEqual(await listed(), [
        { email: 'a@b.c', name: 'a', role: 'admin', organisation: 'Ministère de la Justice — BEPI', disabled: false },
        { email: 'second@example.org', name: 'Second', role: 'viewer', organisation: 'Ministère de la Justice — BEPI', disabled: false },
      ]);
      assert.equal(await canSignIn('a@b.c'), true, 'the new admin signs in with the password given on stdin');
    });

    test('the same e-mail again: exit 1, a clear message, and no stray organisation', async () => {
      const r = await create('A@B.C', 'A brand-new authority');
      assert.equal(r.code, 1);
      assert.equal(r.err, 'error: A user with e-mail a@b.c already exists. (user_exists)\n');
      assert.equal(r.out, '');
      const stray = await run(['user', 'list', '--org', 'A brand-new authority'], env);
      assert.equal(stray.code, 1);
      assert.equal(stray.err, 'error: no organisation named "A brand-new authority"\n');
    });

    test('refusals that write nothing: weak password, unknown organisation without --country/--kind, unknown State', async () => {
      const weak = await create('weak@example.org', 'Weak password authority', [], 'short\n');
      assert.equal(weak.code, 1);
      assert.match(weak.err, /^error: The password must have at least \d+ characters\. \(weak_password\)\n$/);
      const noCountry = await run(['user', 'create', '--org', 'Nowhere', '--email', 'n@example.org', '--role', 'viewer', '--password-stdin'], env, password);
      assert.equal(noCountry.code, 2);
      assert.match(noCountry.err, /organisation "Nowhere" does not exist; give --country and --kind to create it/);
      const badState = await run(['user', 'create', '--org', 'Atlantis police', '--country', 'ATL', '--kind', 'police', '--email', 'x@example.org', '--role', 'viewer', '--password-stdin'], env, password);
      assert.equal(badState.code, 1);
      assert.match(badState.err, /^error: .*ATL.*\n$/);
      const emails = (await listed()).map((u) => u.email);
      assert.deepEqual(emails, ['a@b.c', 'second@example.org']);
      const orgs = await run(['user', 'list', '--org', 'Weak password authority'], env);
      assert.equal(orgs.code, 1, 'no organisation was made for the refused user');
    });

    test('disable and enable: the list shows it and sign-in follows it', async () => {
      const off = await run(['user', 'disable', 'second@example.org'], env);
      assert.equal(off.code, 0, off.err);
      assert.equal(off.out, 'Disabled second@example.org.\n');
      const rows = await listed();
      assert.equal(rows.find((u) => u.email === 'second@example.org')?.disabled, true);
      assert.equal(rows.find((u) => u.email === 'a@b.c')?.disabled, false);
      const table = await run(['user', 'list'], env);
      assert.match(table.out, /^E-MAIL\s+ROLE\s+ORGANISATION\s+STATUS\n/);
      assert.match(table.out, /\nsecond@example\.org\s+viewer\s+Ministère de la Justice — BEPI\s+disabled\n/);
      assert.equal(await canSignIn('second@example.org'), false, 'a disabled user cannot sign in');

      const on = await run(['user', 'enable', 'second@example.org'], env);
      assert.equal(on.code, 0, on.err);
      assert.equal(on.out, 'Re-enabled second@example.org.\n');
      assert.equal((await listed()).find((u) => u.email === 'second@example.org')?.disabled, false);
      assert.equal(await canSignIn('second@example.org'), true, 're-enabled, the user signs in again');

      const unknown = await run(['user', 'enable', 'ghost@example.org'], env);
      assert.equal(unknown.code, 1);
      assert.equal(unknown.err, 'error: no user with e-mail ghost@example.org\n');
    });

    test('audit verify --json counts every audited change: exactly {"ok":true,"entries":N}', async () => {
      // Besides the CLI's own changes, the nodes started above for sign-in checks left entries
      // of their own (sign-ins, the shipped knowledge import); N counts them all.
      const r = await run(['audit', 'verify', '--json'], env);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /^\{"ok":true,"entries":\d+\}\n$/);
      const n = (JSON.parse(r.out) as { entries: number }).entries;
      const database = await openDatabase({ databaseUrl: backend.databaseUrl, schema, pgliteDir: backend.databaseUrl ? undefined : join(dataDir, 'pgdata') });
      try {
        const rows = await database.db.selectFrom('audit_entries').select(['action']).orderBy('seq').execute();
        assert.equal(n, rows.length);
        assert.deepEqual(
          rows.map((x) => x.action).filter((a) => /^(user|organisation)\./.test(a)),
          ['organisation.create', 'user.create', 'user.create', 'user.disable', 'user.enable'],
        );
      } finally {
        await database.close();
      }
      const human = await run(['audit', 'verify'], env);
      assert.equal(human.code, 0);
      assert.equal(human.out, `OK: ${n} audit entries; entries, Merkle tree and signed checkpoints verified.\n`);
    });

    test('node info prints the identity, and --json the same fields', async () => {
      const text = await run(['node', 'info'], env);
      assert.equal(text.code, 0, text.err);
      const json = await run(['node', 'info', '--json'], env);
      const info = JSON.parse(json.out) as { nodeId: string; signingKeyFingerprint: string; encryptionKeyFingerprint: string; keyStorage: string; database: string };
      assert.match(info.nodeId, /^node-[0-9a-f]{20}$/);
      assert.match(info.signingKeyFingerprint, /^([0-9a-f]{4} ){9}[0-9a-f]{4}$/);
      assert.equal(info.database, backend.name);
      assert.ok(text.out.includes(info.nodeId) && text.out.includes(info.signingKeyFingerprint) && text.out.includes(info.encryptionKeyFingerprint));
    });
  });
}
