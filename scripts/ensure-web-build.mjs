// `npm start` builds the web UI once when packages/web/dist is missing or older than its sources,
// so the two README commands are enough on a fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const web = join(root, 'packages/web');
const built = join(web, 'dist/index.html');

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

const stale = !existsSync(built) || newest(join(web, 'src')) > statSync(built).mtimeMs || statSync(join(web, 'index.html')).mtimeMs > statSync(built).mtimeMs;
if (stale) {
  console.log('Building the web UI (once)…');
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: web, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('The web UI did not build; the API still works. See the output above.');
    process.exit(r.status ?? 1);
  }
}
