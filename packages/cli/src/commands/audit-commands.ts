// audit verify.
import { verifyTrail } from '@comity/server';
import type { Command } from 'commander';
import { CliFailure, type CliIo } from '../cli-io.ts';
import { withStore } from './store.ts';

export function registerAuditCommands(program: Command, io: CliIo): void {
  const audit = program.command('audit').description('The tamper-evident audit trail');
  audit
    .command('verify')
    .description('Check the hash chain and its signed head; exit 0 when intact, 1 otherwise')
    .option('--json', 'print {"ok":…,"entries":N[,"firstBroken":K]}')
    .action(async (opts: { json?: boolean }) => {
      const result = await withStore(io, 'audit verify', (store) => verifyTrail({ ...store.deps }));
      if (opts.json) {
        const out = result.ok ? { ok: true, entries: result.entries } : { ok: false, entries: result.entries, firstBroken: result.firstBroken, reason: result.reason };
        io.out(JSON.stringify(out));
        if (!result.ok) throw new CliFailure('', 1);
        return;
      }
      if (result.ok) io.out(`OK: ${result.entries} audit entries, chain and signed head verified.`);
      else throw new CliFailure(`BROKEN at entry ${result.firstBroken} of ${result.entries}: ${result.reason}`);
    });
}
