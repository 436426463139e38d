// audit verify.
import { verifyTrail } from '@comity/server';
import type { Command } from 'commander';
import { CliFailure, type CliIo } from '../cli-io.ts';
import { withStore } from './store.ts';

export function registerAuditCommands(program: Command, io: CliIo): void {
  const audit = program.command('audit').description('The tamper-evident audit trail');
  audit
    .command('verify')
    .description('Check the hash chain, its signed head and the anchor kept outside the database; exit 0 when intact, 1 otherwise')
    .option('--json', 'print {"ok":true,"entries":N}, or with ok false also firstBroken, reason and problems: [{seq, kind, reason}]')
    .action(async (opts: { json?: boolean }) => {
      const result = await withStore(io, 'audit verify', (store) => verifyTrail({ ...store.deps }));
      if (opts.json) {
        const out = result.ok
          ? { ok: true, entries: result.entries }
          : { ok: false, entries: result.entries, firstBroken: result.firstBroken, reason: result.reason, problems: result.problems };
        io.out(JSON.stringify(out));
        if (!result.ok) throw new CliFailure('', 1);
        return;
      }
      if (result.ok) {
        io.out(`OK: ${result.entries} audit entries, chain and signed head verified.`);
        return;
      }
      const n = result.problems.length;
      const lines = result.problems.map((p) => `  entry ${p.seq}: ${p.kind}: ${p.reason}`);
      throw new CliFailure(`BROKEN: ${n} ${n === 1 ? 'problem' : 'problems'} in ${result.entries} audit entries (first at entry ${result.firstBroken}):\n${lines.join('\n')}`);
    });
}
