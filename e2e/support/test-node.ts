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

/** Builds the web UI once. Test files run in parallel, so a lock folder keeps two builds from racing. */
export async function ensureWebBuild(): Promise<void> {
  const index = join(webDir, 'index.html');
  if (existsSync(index)) return;
  const lock = join(root, 'packages/web/.build-lock');
  let mine = false;
  try {
    mkdirSync(lock);
    mine = true;
  } catch {
    // Another test file is building; wait for its result below.
  }
  if (mine) {
    try {
      const result = spawnSync('npm', ['run', 'build', '-w', '@comity/web'], { cwd: root, stdio: 'inherit' });
      if (result.status !== 0) throw new Error(`web build failed (exit ${result.status})`);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  for (let waited = 0; !existsSync(index); waited += 250) {
    if (waited > 180_000) throw new Error('timed out waiting for the web build');
    if (!existsSync(lock) && !existsSync(index)) throw new Error('the web build finished without dist/index.html');
    await sleep(250);
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
