// What every command shares: output streams, exit codes (0 ok, 1 failure, 2 usage) and the mapping
// from errors to readable messages.
import { DomainError } from '@comity/core';
import { DataDirLockedError, DatabaseUnavailableError } from '@comity/db';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
  env: NodeJS.ProcessEnv;
}

export const processIo: CliIo = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  readStdin: async () => {
    if (process.stdin.isTTY) throw new UsageError('--password-stdin expects the password on standard input (echo … | comity …).');
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  env: process.env,
};

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {}

/** A failure the command already explained: exit code 1, message as given. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = EXIT_FAILURE,
  ) {
    super(message);
  }
}

export function describeError(err: unknown): { message: string; exitCode: number } {
  if (err instanceof UsageError) return { message: `error: ${err.message}`, exitCode: EXIT_USAGE };
  if (err instanceof CliFailure) return { message: err.message, exitCode: err.exitCode };
  if (err instanceof DataDirLockedError) {
    return {
      message: `error: ${err.message}\nThe node is running: stop it (Ctrl-C) and run the command again, or use the web UI / API (${err.holder.url ?? 'see the node log'}).`,
      exitCode: EXIT_FAILURE,
    };
  }
  if (err instanceof DatabaseUnavailableError) return { message: `error: ${err.message}`, exitCode: EXIT_FAILURE };
  if (err instanceof DomainError) return { message: `error: ${err.message} (${err.code})`, exitCode: EXIT_FAILURE };
  const e = err as { code?: string; message?: string };
  if (e?.code === 'master_key_invalid') return { message: `error: ${e.message}`, exitCode: EXIT_FAILURE };
  return { message: `error: ${e?.message ?? String(err)}`, exitCode: EXIT_FAILURE };
}
