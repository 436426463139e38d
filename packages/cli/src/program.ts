// The `comity` command tree. Kept apart from main.ts so tests run commands in-process.
import { Command, CommanderError } from 'commander';
import { VERSION } from '@comity/server';
import { type CliIo, EXIT_OK, EXIT_USAGE, describeError } from './cli-io.ts';
import { registerAuditCommands } from './commands/audit-commands.ts';
import { registerAuthorityCommands } from './commands/authority-commands.ts';
import { registerCaseCommands } from './commands/case-commands.ts';
import { registerEntityCommands } from './commands/entity-commands.ts';
import { registerSeizureCommands } from './commands/seizure-commands.ts';
import { registerEvidenceCommands } from './commands/evidence-commands.ts';
import { registerEvidenceCaptureCommand } from './commands/evidence-capture-command.ts';
import { registerEvidencePackageCommands } from './commands/evidence-package-commands.ts';
import { registerHitsCommands } from './commands/hits-commands.ts';
import { registerFederationCommands } from './commands/federation-commands.ts';
import { registerKnowledgeCommands } from './commands/knowledge-commands.ts';
import { registerMatchCommand } from './commands/match-command.ts';
import { registerNodeCommands } from './commands/node-commands.ts';
import { registerReceiptCommands } from './commands/receipt-commands.ts';
import { registerRequestCommands } from './commands/request-commands.ts';
import { registerUserCommands } from './commands/user-commands.ts';

export function buildProgram(io: CliIo): Command {
  const program = new Command('comity')
    .description('Comity: international cooperation in criminal matters. Settings come from the environment (see README).')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  registerNodeCommands(program, io);
  registerUserCommands(program, io);
  registerAuditCommands(program, io);
  registerKnowledgeCommands(program, io);
  registerFederationCommands(program, io);
  registerRequestCommands(program, io);
  registerAuthorityCommands(program, io);
  registerCaseCommands(program, io);
  registerEvidenceCommands(program, io);
  registerMatchCommand(program, io);
  registerEntityCommands(program, io);
  registerSeizureCommands(program, io);
  registerHitsCommands(program, io);
  registerReceiptCommands(program, io);
  // `evidence capture` joins the `evidence` group (add, list, show … come from the vault's commands).
  registerEvidenceCaptureCommand(
    program.commands.find((c) => c.name() === 'evidence') ?? program.command('evidence').description('Evidence items: files and web captures with hashes and custody'),
    io,
  );
  // After the vault's `evidence` group (when present): adds `evidence package` and `evidence verify` to it.
  registerEvidencePackageCommands(program, io);
  // Every subcommand exits through us, so that usage errors are 2 and failures 1.
  const override = (cmd: Command) => {
    cmd.exitOverride();
    cmd.configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
    for (const sub of cmd.commands) override(sub);
  };
  override(program);
  return program;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT_OK;
      // `comity help user` asks for help (0); `comity user` without its subcommand is a usage error.
      if (err.code === 'commander.help') return err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
      return EXIT_USAGE;
    }
    const { message, exitCode } = describeError(err);
    if (message) io.err(message);
    return exitCode;
  }
}
