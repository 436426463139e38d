// Entry point of the `comity` command.
import { processIo } from './cli-io.ts';
import { runCli } from './program.ts';

const code = await runCli(process.argv.slice(2), processIo);
// serve resolves only after the node closed; let pending handles finish, then exit with the code.
process.exitCode = code;
// Output to a pipe is written asynchronously: exit only once it has been handed over (large `match --json` output).
if (code !== 0 || process.argv[2] !== 'serve') process.stdout.write('', () => setImmediate(() => process.exit(code)));
