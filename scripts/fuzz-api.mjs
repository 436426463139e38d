// A longer run of the API fuzz test (packages/server/src/testing/api-fuzz-suite.ts), which `npm test`
// runs with a fixed seed and a few cases per operation and caller:
//   npm run fuzz:api -- --runs 200 --seed 42
// --runs is the number of generated requests per operation and caller; the seed makes a failure
// repeatable. Runs on PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '100' }, seed: { type: 'string', default: String(Date.now() % 2 ** 31) } },
});
for (const [name, value] of Object.entries(values)) {
  if (!/^\d+$/.test(value)) {
    console.error(`--${name} must be a whole number, not "${value}"`);
    process.exit(2);
  }
}
console.error(`API fuzz: ${values.runs} cases per operation and caller, seed ${values.seed}`);
const root = new URL('..', import.meta.url).pathname;
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-timeout=0', 'packages/server/src/http/api-fuzz.test.ts', 'packages/server/src/http/api-fuzz-postgres.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test', COMITY_FUZZ_RUNS: values.runs, COMITY_FUZZ_SEED: values.seed },
});
process.exit(result.status ?? 1);
