// For tests: run `comity <argv>` in this process with the given environment and collect what it
// prints, as a shell would see it (exit code, standard output, standard error).
import type { CliIo } from '../cli-io.ts';
import { runCli } from '../program.ts';

export async function runCliForTest(argv: string[], env: Record<string, string | undefined>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => {
      out += `${t}\n`;
    },
    err: (t) => {
      err += `${t}\n`;
    },
    readStdin: async () => '',
    env: Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv,
  };
  return { code: await runCli(argv, io), out, err };
}
