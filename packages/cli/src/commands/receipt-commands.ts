// `comity receipt verify <file>`: checks a cultural property check receipt offline (no node, no
// network): its canonical form, fields, the key's node id and the Ed25519 signature. Exit 1 with
// the precise reason on any failure.
import { readFileSync } from 'node:fs';
import { verifyReceiptText } from '@comity/core/cultural/receipt';
import { receiptCrypto } from '@comity/server/cultural/cultural-routes';
import type { Command } from 'commander';
import { CliFailure, type CliIo } from '../cli-io.ts';

export function registerReceiptCommands(program: Command, io: CliIo): void {
  const receipt = program.command('receipt').description('Receipts of public checks of the stolen cultural property registry');
  receipt
    .command('verify')
    .description('Verify a check receipt file offline; exit 1 with the reason when it fails')
    .argument('<file>', 'the receipt file (JSON, as downloaded)')
    .option('--json', 'print the result as JSON')
    .action((file: string, opts: { json?: boolean }) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        throw new CliFailure(`error: cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
      }
      const v = verifyReceiptText(text, receiptCrypto());
      if (!v.ok) {
        if (opts.json) io.out(`${JSON.stringify({ ok: false, problem: v.problem, reason: v.reason })}\n`);
        throw new CliFailure(`receipt NOT valid (${v.problem}): ${v.reason}`);
      }
      const r = v.receipt;
      if (opts.json) {
        io.out(`${JSON.stringify({ ok: true, nodeId: r.node.id, checkId: r.checkId, checkedAt: r.checkedAt, outcome: r.result.outcome, matches: r.result.matches.length })}\n`);
        return;
      }
      io.out(
        [
          `receipt valid: signed by ${r.node.id} (public key ${r.node.publicKey})`,
          `check ${r.checkId} at ${r.checkedAt}`,
          `registry: ${r.registry.publicRecords} public record(s), digest ${r.registry.digest}`,
          `asked: text ${r.query.textSha256 ?? '-'}, image ${r.query.imageSha256 ?? '-'}`,
          r.result.outcome === 'no-match' ? 'result: no match' : `result: ${r.result.matches.length} possible match(es): ${r.result.matches.map((m) => `${m.reference} (${m.reportingAuthority})`).join('; ')}`,
          r.notice,
          'Compare the node id with the one the registry publishes before relying on it.',
          '',
        ].join('\n'),
      );
    });
}
