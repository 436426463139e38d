// `comity evidence package` on a stopped node's store (PGlite data folder): the package is written
// as the named user, verifies with `comity evidence verify`, and an unknown user or kind fails
// with a readable message and leaves no file behind.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { REPO_ROOT, startPackageNode, testPng } from '@comity/server/evidence/package/package-testing';

const tmp = mkdtempSync(join(tmpdir(), 'comity-cli-package-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'packages/cli/src/main.ts'), ...args], { encoding: 'utf8', cwd: REPO_ROOT, env: { ...process.env, ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

test('comity evidence package writes a package of a stopped node that comity evidence verify accepts', async () => {
  const dataDir = join(tmp, 'node');
  const n = await startPackageNode(testBackends()[0]!, { dataDir });
  const item = await n.addItem('Photograph of the warehouse', testPng(7), 'warehouse.png');
  const { email } = n.drafter;
  const requestId = n.requestId;
  const roots = n.pki.rootPem;
  await n.close();
  // The TSA roots the node was configured with go into the manifest, as on the node.
  const env = { COMITY_DATA_DIR: dataDir, COMITY_TSA_ROOTS: roots };
  const out = join(tmp, 'cli.zip');
  const made = cli(['evidence', 'package', 'request', requestId, '--as', email, '--out', out], env);
  assert.equal(made.code, 0, made.stderr);
  assert.match(made.stdout, /cli\.zip: court package [0-9a-f-]{36}, 1 items, manifest SHA-256 [0-9a-f]{64}/);
  const v = cli(['evidence', 'verify', out], env);
  assert.equal(v.code, 0, v.stdout + v.stderr);
  assert.match(v.stdout, /signed by node node-/);

  const nobody = cli(['evidence', 'package', 'item', item.id, '--as', 'nobody@example.org', '--out', join(tmp, 'x.zip')], env);
  assert.equal(nobody.code, 1);
  assert.match(nobody.stderr, /no active user nobody@example.org/);
  assert.equal(existsSync(join(tmp, 'x.zip')), false);
  const kind = cli(['evidence', 'package', 'folder', item.id, '--as', email], env);
  assert.equal(kind.code, 2);
  assert.match(kind.stderr, /<kind> is one of item, case, request/);
});
