// Starts a real Comity node in this process for browser tests: a fresh data folder, a random port,
// and the built web UI (built once if missing). close() stops the node and removes the folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startNode } from '@comity/server';

const root = resolve(new URL('../..', import.meta.url).pathname);
export const webDir = join(root, 'packages/web/dist');

export interface TestNode {
  url: string;
  admin: { email: string; oneTimePassword: string };
  close(): Promise<void>;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Builds the web UI when it is missing or older than its sources, through the same script as
 * `npm start`. Test files run in parallel, so a lock folder lets one of them build at a time.
 */
export async function ensureWebBuild(): Promise<void> {
  const lock = join(root, 'packages/web/.build-lock');
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 180_000) throw new Error(`timed out waiting for ${lock} (remove it if no build is running)`);
      await sleep(250);
    }
  }
  try {
    const result = spawnSync(process.execPath, [join(root, 'scripts/ensure-web-build.mjs')], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`web build failed (exit ${result.status})`);
    if (!existsSync(join(webDir, 'index.html'))) throw new Error('the web build finished without dist/index.html');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function startTestNode(): Promise<TestNode> {
  await ensureWebBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'comity-e2e-'));
  try {
    const node = await startNode({ port: 0, host: '127.0.0.1', dataDir, webDir, log: false, announce: () => {} });
    if (!node.admin) throw new Error('a fresh data folder must bootstrap an administrator');
    return {
      url: node.url,
      admin: node.admin,
      async close() {
        await node.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
