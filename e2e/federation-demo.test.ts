// `npm run demo` as a newcomer runs it: three nodes come up, print their URLs and the demo users,
// trust each other, and a request from France is already in Germany's inbox; Ctrl-C stops all three
// and removes the data folder.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { ApiClient } from '@comity/server/testing/test-node';

const root = resolve(new URL('..', import.meta.url).pathname);

test('npm run demo: three connected nodes, demo users, a request in flight; Ctrl-C cleans up', async () => {
  const basePort = 20_000 + Math.floor(Math.random() * 20_000);
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(COMITY_|DATABASE_URL$)/.test(k)) env[k] = v;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--base-port', String(basePort)], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  try {
    const until = Date.now() + 240_000;
    while (!out.includes('Press Ctrl-C to stop')) {
      if (child.exitCode !== null) throw new Error(`the demo exited:\n${out}`);
      if (Date.now() > until) throw new Error(`the demo did not get ready:\n${out}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const urls = [0, 1, 2].map((i) => `http://127.0.0.1:${basePort + i}`);
    for (const url of urls) assert.ok(out.includes(url), `${url} printed`);
    const password = /password for all: (\S+);/.exec(out)?.[1];
    assert.ok(password, out);
    const germanEmail = /Germany\s+practitioner\s+(\S+)/.exec(out)?.[1];
    const frenchEmail = /France\s+practitioner\s+(\S+)/.exec(out)?.[1];
    assert.ok(germanEmail && frenchEmail, out);

    const germany = new ApiClient(urls[1]!);
    assert.equal((await germany.signIn(germanEmail, password)).status, 200);
    const incoming = await germany.call<{ items: { id: string; requesting: { state: string } }[] }>('GET', '/api/v1/requests?side=requested', undefined, 200);
    assert.equal(incoming.body.items.length, 1);
    assert.equal(incoming.body.items[0]!.requesting.state, 'FRA');
    const france = new ApiClient(urls[0]!);
    await france.signIn(frenchEmail, password);
    const directory = await france.call<{ items: { state: string }[] }>('GET', '/api/v1/directory', undefined, 200);
    assert.deepEqual(directory.body.items.map((e) => e.state).sort(), ['ARG', 'DEU']);
    // Germany's node published a bilateral treaty; Argentina's node answers with it, naming Germany's node.
    const germanNode = /Germany\s+http:\S+\s+(node-[0-9a-f]+)/.exec(out)?.[1];
    assert.ok(germanNode, out);
    const argentina = new ApiClient(urls[2]!);
    let first: { instrument: string; outcome: string; status: { requesting: { source: string } } } | undefined;
    for (const until = Date.now() + 60_000; Date.now() < until; await new Promise((r) => setTimeout(r, 500))) {
      const answer = await argentina.call<{ bases: NonNullable<typeof first>[] }>('GET', '/api/v1/legal-basis?requesting=DEU&requested=ARG&type=extradition&offence=drug-trafficking', undefined, 200);
      first = answer.body.bases[0];
      if (first?.instrument === 'DEU-ARG-DEMO-2001') break;
    }
    assert.equal(first?.instrument, 'DEU-ARG-DEMO-2001', 'the declared treaty comes first in Argentina’s answer');
    assert.equal(first?.outcome, 'applicable');
    assert.match(first?.status.requesting.source ?? '', new RegExp(`^declared by Bundesamt für Justiz.*\\(DEU\\), node ${germanNode}, signed on \\d{4}-\\d{2}-\\d{2}$`));
    const folder = /Data: (\S+) \(removed/.exec(out)?.[1];
    assert.ok(folder && existsSync(folder), out);

    child.kill('SIGINT');
    assert.equal(await exited, 0);
    assert.ok(!existsSync(folder), 'the data folder is removed');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
