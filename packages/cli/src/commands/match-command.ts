// comity match A B [--mode clear|private] [--threshold T] [--json] [--secret-file F]: links two files of
// person records (CSV with a header, or FollowTheMoney JSON lines) and prints every candidate pair at or above
// the threshold with its score and explanation. Needs no node and no database.
import { readFileSync } from 'node:fs';
import { linkRecords, type MatchMode } from '@comity/server/matching/link';
import { PersonFileError, parsePersonFile } from '@comity/server/matching/person-files';
import type { Command } from 'commander';
import { CliFailure, type CliIo, UsageError } from '../cli-io.ts';

/** Default thresholds, chosen on FEBRL (see bench/README.md, "Matching"): about 1 % false hits. */
export const DEFAULT_THRESHOLD: Record<MatchMode, number> = { clear: 0.7, private: 0.7 };

function readRecords(path: string) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliFailure(`error: cannot read ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  try {
    return parsePersonFile(path, text);
  } catch (err) {
    if (err instanceof PersonFileError) throw new CliFailure(`error: ${err.message}\nNothing was matched.`);
    throw err;
  }
}

export function registerMatchCommand(program: Command, io: CliIo): void {
  program
    .command('match')
    .description('Link two files of person records (CSV with a header, or FtM JSON lines) and print every candidate pair with its score and explanation')
    .argument('<a>', 'first file: CSV (columns id, name or given_name + surname, date_of_birth, nationality, iban, imo, phone, email, passport, passport_country, wallet) or FtM JSON lines')
    .argument('<b>', 'second file, same formats')
    .option('--mode <mode>', 'clear (explained matcher on names, birth dates, nationality, identifiers) or private (keyed 1024-bit Bloom-filter encodings, Dice)', 'clear')
    .option('--threshold <t>', `lowest score printed, 0–1 (default ${DEFAULT_THRESHOLD.clear} clear, ${DEFAULT_THRESHOLD.private} private)`)
    .option('--secret-file <file>', 'private mode: the secret shared with the other side (at least 16 bytes); default a random secret for this run')
    .option('--blip <f>', 'private mode: flip each bit of the first file\'s encodings with probability f, 0–0.2 (BLIP, as nodes do with the encodings they send); default 0')
    .option('--json', 'one JSON object per line: {"a","b","score","parts"}')
    .action((a: string, b: string, opts: { mode: string; threshold?: string; secretFile?: string; blip?: string; json?: boolean }) => {
      if (opts.mode !== 'clear' && opts.mode !== 'private') throw new UsageError(`--mode must be clear or private, got "${opts.mode}"`);
      const mode = opts.mode as MatchMode;
      let threshold = DEFAULT_THRESHOLD[mode];
      if (opts.threshold !== undefined) {
        threshold = Number(opts.threshold);
        if (!/^\s*(0|1|0?\.\d+|1\.0*)\s*$/.test(opts.threshold) || !(threshold >= 0 && threshold <= 1)) throw new UsageError(`--threshold must be a number from 0 to 1, got "${opts.threshold}"`);
      }
      let secret: Uint8Array | undefined;
      if (opts.secretFile) {
        if (mode !== 'private') throw new UsageError('--secret-file applies to --mode private only');
        try {
          secret = readFileSync(opts.secretFile);
        } catch (err) {
          throw new CliFailure(`error: cannot read the secret ${opts.secretFile}: ${(err as Error).message}`);
        }
        if (secret.length < 16) throw new CliFailure(`error: the secret in ${opts.secretFile} has ${secret.length} bytes; at least 16 are needed`);
      }
      let blip: number | undefined;
      if (opts.blip !== undefined) {
        if (mode !== 'private') throw new UsageError('--blip applies to --mode private only');
        blip = Number(opts.blip);
        if (!/^\s*0?\.\d+\s*$|^\s*0\s*$/.test(opts.blip) || !(blip >= 0 && blip <= 0.2)) throw new UsageError(`--blip must be a number from 0 to 0.2, got "${opts.blip}"`);
      }
      const left = readRecords(a);
      const right = readRecords(b);
      const pairs = linkRecords(left, right, { mode, threshold, secret, blip });
      pairs.sort((x, y) => y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1));
      if (opts.json) {
        for (let i = 0; i < pairs.length; i += 1000) {
          io.out(
            pairs
              .slice(i, i + 1000)
              .map((p) => JSON.stringify({ a: p.a, b: p.b, score: p.score, parts: p.parts }))
              .join('\n'),
          );
        }
        return;
      }
      for (let i = 0; i < pairs.length; i += 1000) {
        const lines = pairs.slice(i, i + 1000).map((p) => {
          const why = p.parts.map((part) => `${part.part} ${part.similarity.toFixed(2)}×${part.weight.toFixed(2)} (${part.detail})`).join('; ');
          return `${p.a}\t${p.b}\t${p.score.toFixed(4)}\t${why}`;
        });
        io.out(lines.join('\n'));
      }
      io.out(`${pairs.length} candidate pair${pairs.length === 1 ? '' : 's'} at or above ${threshold} (${mode} mode; ${left.length} × ${right.length} records).`);
    });
}
