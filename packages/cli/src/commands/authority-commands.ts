// comity authorities list: the directory of requested authorities (treaty designations, peer
// nodes, administrator entries), each with its source, from the stopped node's store — the same
// list GET /api/v1/authorities gives a running node.
import { AUTHORITY_SOURCES } from '@comity/core/authorities/authority';
import { authorityDirectory } from '@comity/server/authorities/directory';
import type { Command } from 'commander';
import { type CliIo, UsageError } from '../cli-io.ts';
import { cliKnowledge } from './request-commands.ts';
import { withStore } from './store.ts';

export function registerAuthorityCommands(program: Command, io: CliIo): void {
  const authorities = program.command('authorities').description('The directory of requested authorities, with and without a node');
  authorities
    .command('list')
    .description('List requested authorities, each with its source (treaty designation, peer node, administrator)')
    .option('--state <alpha-3>', 'only this State, e.g. BRA')
    .option('--source <source>', AUTHORITY_SOURCES.join(', '))
    .option('--search <text>', 'search names, States and declaration texts')
    .option('--json', 'print JSON (as GET /api/v1/authorities)')
    .action(async (opts: { state?: string; source?: string; search?: string; json?: boolean }) => {
      if (opts.state !== undefined && !/^[A-Za-z]{3}$/.test(opts.state)) throw new UsageError('--state must be an ISO 3166 alpha-3 code such as BRA');
      if (opts.source && !(AUTHORITY_SOURCES as readonly string[]).includes(opts.source)) throw new UsageError(`--source must be one of ${AUTHORITY_SOURCES.join(', ')}`);
      await withStore(io, 'authorities list', async (store) => {
        const knowledge = await cliKnowledge(io, store);
        const items = await authorityDirectory({ db: store.deps.db, knowledge }, { state: opts.state?.toUpperCase(), source: opts.source, q: opts.search });
        if (opts.json) {
          io.out(JSON.stringify({ items }));
          return;
        }
        if (items.length === 0) {
          io.out('No authority in the directory for this selection.');
          return;
        }
        for (const a of items) {
          const where = a.instrument ? ` — ${a.instrument}${a.article ? ` ${a.article}` : ' (article not stated)'}` : '';
          io.out(`${a.state}  ${a.name ?? '(not named plainly in the declaration)'}  [${a.source}${a.nodeId ? ` ${a.nodeId}` : ', no node'}]${where}`);
          io.out(`     source: ${a.provenance}${a.asOf ? `, as of ${a.asOf}` : ''}${a.selectable ? '' : '; cannot be chosen: read the declaration'}`);
          if (!a.selectable && a.declarationText) io.out(`     ${a.declarationText.replace(/\s+/g, ' ').slice(0, 400)}`);
        }
      });
    });
}
