// entities import | export | list | search: a case's FollowTheMoney entities from the command line, through
// the same use cases as the API (entity-service). Reading is done as the node's operator unless
// `--as <email>` names a user; an import is made for a named user (`--as`), whose rights apply and
// whom the audit names. A refused import prints every bad line with its number and stores nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { OFFERED_SCHEMAS, isOfferedSchema } from '@comity/core/entities/entity';
import { TLP_MARKINGS, type TlpMarking } from '@comity/core/requests/request';
import type { NodeStore } from '@comity/server';
import { ImportRejectedError, type LineReport, exportFtmLines, importCsv, importFtmLines, listCaseEntities } from '@comity/server/entities/entity-service';
import { presentPersonHit, searchPersons } from '@comity/server/entities/person-search';
import type { Command } from 'commander';
import { CliFailure, type CliIo, UsageError } from '../cli-io.ts';
import { findCaseByRef, whoFor } from './case-commands.ts';
import { withStore } from './store.ts';

function readInput(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliFailure(`error: cannot read ${file}: ${(err as Error).message}`);
  }
}

/** `--map "full name=name,dob=birthDate"`: CSV column → FtM property. */
function mappingOf(spec: string | undefined): Record<string, string> {
  if (!spec) throw new UsageError('a CSV import needs --map "column=property,…" (and --schema)');
  const out: Record<string, string> = {};
  for (const pair of spec.split(',')) {
    const at = pair.lastIndexOf('=');
    const col = pair.slice(0, at).trim();
    const prop = pair.slice(at + 1).trim();
    if (at < 1 || !col || !prop) throw new UsageError(`--map: "${pair}" is not column=property`);
    out[col] = prop;
  }
  return out;
}

function formatOf(file: string, given: string | undefined): 'ftm' | 'csv' {
  if (given) {
    if (given !== 'ftm' && given !== 'csv') throw new UsageError('--format must be ftm or csv');
    return given;
  }
  return /\.csv$/i.test(file) ? 'csv' : 'ftm';
}

function printReport(io: CliIo, lines: LineReport[]): void {
  for (const l of lines) for (const p of l.problems) io.err(`line ${l.line}${l.id ? ` (${l.id})` : ''}: ${p.message}`);
}

export function registerEntityCommands(program: Command, io: CliIo): void {
  const entities = program.command('entities').description('FollowTheMoney entities of a case: import, export, list; search persons across cases');

  entities
    .command('import')
    .description('Import FtM JSON lines, or CSV with a column mapping, into a case (all or nothing)')
    .argument('<file>', 'FtM JSON lines (.json, .ftm) or CSV with a header (.csv)')
    .requiredOption('--case <ref>', 'the case (id or reference)')
    .option('--org <name>', 'the case’s organisation, when several use the same reference')
    .option('--as <email>', 'import for this user (their rights apply; the audit names them)')
    .option('--format <format>', 'ftm or csv (default: from the file name)')
    .option('--schema <schema>', `CSV: the FtM schema of every row (${OFFERED_SCHEMAS.join(', ')})`)
    .option('--map <pairs>', 'CSV: column=property pairs, comma-separated ("id" for the FtM id)')
    .option('--separator <s>', 'CSV: split multi-valued cells on this')
    .option('--tlp <tlp>', `the entities’ own marking (${TLP_MARKINGS.join(', ')}); the case’s when absent`)
    .option('--source <text>', 'where the information came from')
    .action(async (file: string, opts: { case: string; org?: string; as?: string; format?: string; schema?: string; map?: string; separator?: string; tlp?: string; source?: string }) => {
      if (!opts.as) throw new UsageError('entities import changes a case: say for which user with --as <email> (their rights apply, the audit names them)');
      const format = formatOf(file, opts.format);
      const tlp = opts.tlp?.toUpperCase();
      if (tlp && !(TLP_MARKINGS as readonly string[]).includes(tlp)) throw new UsageError(`--tlp must be one of ${TLP_MARKINGS.join(', ')}`);
      if (format === 'csv' && (!opts.schema || !isOfferedSchema(opts.schema))) throw new UsageError(`a CSV import needs --schema, one of ${OFFERED_SCHEMAS.join(', ')}`);
      const columns = format === 'csv' ? mappingOf(opts.map) : {};
      const text = readInput(file);
      const extra = { ...(tlp ? { marking: { tlp: tlp as TlpMarking } } : {}), ...(opts.source ? { sources: [opts.source] } : {}) };
      await withStore(io, 'entities import', async (store: NodeStore) => {
        const c = await findCaseByRef(store, opts.case, opts.org);
        const who = await whoFor(store, opts.as);
        try {
          const r =
            format === 'csv'
              ? await importCsv(store.deps, who, c.id, text, { schema: opts.schema as string, columns, separator: opts.separator }, extra)
              : await importFtmLines(store.deps, who, c.id, text, extra);
          io.out(`imported into ${c.reference}: ${r.created} created, ${r.updated} updated`);
        } catch (err) {
          if (err instanceof ImportRejectedError) {
            printReport(io, (err.details?.lines ?? []) as LineReport[]);
            throw new CliFailure(`error: ${err.message}`);
          }
          throw err;
        }
      });
    });

  entities
    .command('export')
    .description('Write a case’s entities as FtM JSON lines (to a file, or standard output)')
    .requiredOption('--case <ref>', 'the case (id or reference)')
    .option('--org <name>', 'the case’s organisation, when several use the same reference')
    .option('--as <email>', 'export as this user (default: the node operator, as the marking allows)')
    .option('--out <file>', 'write here instead of standard output')
    .action(async (opts: { case: string; org?: string; as?: string; out?: string }) => {
      await withStore(io, 'entities export', async (store: NodeStore) => {
        const c = await findCaseByRef(store, opts.case, opts.org);
        const { text, count } = await exportFtmLines(store.deps, await whoFor(store, opts.as), c.id);
        if (opts.out) {
          writeFileSync(opts.out, text);
          io.out(`wrote ${count} entities of ${c.reference} to ${opts.out}`);
        } else if (text) io.out(text.replace(/\n$/, ''));
      });
    });

  entities
    .command('list')
    .description('List a case’s entities and links')
    .requiredOption('--case <ref>', 'the case (id or reference)')
    .option('--org <name>', 'the case’s organisation, when several use the same reference')
    .option('--as <email>', 'list what this user sees (default: the node operator’s view)')
    .option('--schema <schema>', 'only this FtM schema')
    .option('--search <text>', 'part of a name')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON (the API’s list)')
    .action(async (opts: { case: string; org?: string; as?: string; schema?: string; search?: string; limit: string; json?: boolean }) => {
      if (opts.schema && !isOfferedSchema(opts.schema)) throw new UsageError(`--schema must be one of ${OFFERED_SCHEMAS.join(', ')}`);
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError('--limit must be a whole number from 1 to 1000');
      await withStore(io, 'entities list', async (store: NodeStore) => {
        const c = await findCaseByRef(store, opts.case, opts.org);
        const { items, total } = await listCaseEntities(store.deps, await whoFor(store, opts.as), c.id, { schema: opts.schema, q: opts.search, limit });
        if (opts.json) {
          io.out(JSON.stringify({ items: items.map((i) => ({ id: i.row.id, ftmId: i.row.ftm_id, schema: i.row.schema, caption: i.withheld ? null : i.row.caption, tlp: i.effective.tlp })), total }));
          return;
        }
        if (!items.length) io.out('(no entities)');
        for (const i of items) io.out(`${i.row.ftm_id}  ${i.row.schema.padEnd(14)}  TLP:${i.effective.tlp.padEnd(12)}  ${i.withheld ? '(withheld)' : i.row.caption}`);
        if (total > items.length) io.out(`… ${total - items.length} more (--limit)`);
      });
    });

  entities
    .command('search')
    .description('Do we already hold this person? The person entities of the cases you may read that the matcher scores above the threshold')
    .requiredOption('--name <name>', 'the full name, in any script')
    .option('--dob <date>', 'date of birth (day and month may be swapped)')
    .option('--nationality <country>', 'nationality')
    .option('--phone <number>', 'a phone number (compared exactly after normalisation)')
    .option('--email <address>', 'an e-mail address')
    .option('--passport <number>', 'a passport number')
    .option('--as <email>', 'search as this user (their organisation and case teams; default: the node operator, every case)')
    .option('--limit <n>', 'at most this many hits', '20')
    .option('--threshold <t>', 'smallest score shown, 0–1', '0.7')
    .option('--json', 'one JSON object per line (the API’s hits)')
    .action(async (opts: { name: string; dob?: string; nationality?: string; phone?: string; email?: string; passport?: string; as?: string; limit: string; threshold: string; json?: boolean }) => {
      if (!opts.name.trim()) throw new UsageError('--name must not be empty');
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError('--limit must be a whole number from 1 to 100');
      const threshold = Number(opts.threshold);
      if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) throw new UsageError('--threshold must be a number from 0 to 1');
      const identifiers = [
        ...(opts.phone ? [{ kind: 'phone' as const, value: opts.phone }] : []),
        ...(opts.email ? [{ kind: 'email' as const, value: opts.email }] : []),
        ...(opts.passport ? [{ kind: 'passport' as const, value: opts.passport }] : []),
      ];
      await withStore(io, 'entities search', async (store: NodeStore) => {
        const r = await searchPersons(store.deps, await whoFor(store, opts.as), { name: opts.name, birthDate: opts.dob, nationality: opts.nationality, identifiers, limit, threshold });
        for (const f of r.rejected) io.err(`warning: ${f} is not usable and was left out`);
        if (opts.json) {
          for (const h of r.hits) io.out(JSON.stringify(presentPersonHit(h)));
          return;
        }
        if (!r.hits.length) io.out(`(no person above ${threshold}; ${r.candidates} candidates scored)`);
        for (const h of r.hits) {
          io.out(`${h.score.score.toFixed(4)}  ${h.caseReference}  ${h.row.ftm_id}  ${h.row.caption}`);
          for (const p of h.score.parts) io.out(`          ${p.part}: ${p.similarity.toFixed(2)} × ${p.weight.toFixed(2)}  ${p.detail}`);
        }
      });
    });
}
