// seizures import | generate | list: the seizure registry from the command line, through the same
// use cases as the API (seizure-service, seizure-import). `seizures import --kind incident` imports
// maritime incidents through the same machinery. An import is made for a named user
// (`--as`), whose rights apply and whom the audit names; a refused import prints every bad row
// with its column and reason, stores nothing and exits 1. `generate` writes the deterministic
// synthetic demo data as CSV (and, with `--as`, stores it and its maritime incidents).
import { readFileSync, writeFileSync } from 'node:fs';
import { TLP_MARKINGS } from '@comity/core/requests/request';
import { SEIZURE_DOMAINS } from '@comity/core/seizures/seizure';
import { generateDemoData, incidentsAsCsv, seizuresAsCsv } from '@comity/core/seizures/demo-data';
import { ValidationError } from '@comity/core';
import type { NodeStore } from '@comity/server';
import { referenceLists } from '@comity/server/seizures/reference-lists';
import { runRegistryImport, runSeizureImport } from '@comity/server/seizures/seizure-routes';
import { searchSeizures } from '@comity/server/seizures/seizure-service';
import type { ImportProblem } from '@comity/server/seizures/seizure-import';
import type { Command } from 'commander';
import { CliFailure, type CliIo, UsageError } from '../cli-io.ts';
import { findCaseByRef, whoFor } from './case-commands.ts';
import { withStore } from './store.ts';

/** `--map "Date de saisie=occurredAt,Pays=country"`: column → field. */
function mappingOf(spec: string | undefined): Record<string, string> | undefined {
  if (!spec) return undefined;
  const out: Record<string, string> = {};
  for (const pair of spec.split(',')) {
    const at = pair.lastIndexOf('=');
    const col = pair.slice(0, at).trim();
    if (at < 1 || !col) throw new UsageError(`--map: "${pair}" is not column=field`);
    out[col] = pair.slice(at + 1).trim();
  }
  return out;
}

/** One line per problem, in English (the UI words the same codes in the user's language). */
export function problemLine(p: ImportProblem): string {
  const params = p.params ?? {};
  const where = `row ${p.row}${p.column ? `, column "${p.column}"` : ''}`;
  const suggestions = Array.isArray(params.suggestions) && params.suggestions.length ? ` (did you mean ${params.suggestions.join(', ')}?)` : '';
  const value = params.value !== undefined ? ` "${params.value}"` : '';
  const text: Record<string, string> = {
    species_unknown: `unknown species${value}${suggestions}`,
    substance_unknown: `unknown substance${value}${suggestions}`,
    date_impossible: `the date${value} does not exist`,
    date_in_future: `the date${value} is in the future`,
    date_invalid: `the date${value} is not YYYY-MM-DD or an ISO date-time`,
    latitude_out_of_range: `latitude${value} is not between -90 and 90`,
    longitude_out_of_range: `longitude${value} is not between -180 and 180`,
    imo_invalid: `the IMO number${value} is not 7 digits with a valid check digit`,
    iccs_unknown: `the ICCS code${value} is not in the list`,
    import_field_unmapped: `no column is mapped to the required field ${params.field}`,
    import_column_unknown: `the mapping names a column${value} the file does not have`,
    import_reference_repeated: `the reference${value} is already used by row ${params.row} of the file`,
    value_not_allowed: `${p.field}:${value} is not accepted (one of: ${Array.isArray(params.allowed) ? params.allowed.join(', ') : ''})`,
    value_missing: `${p.field} is empty`,
    number_invalid: `${p.field}:${value} is not a number`,
  };
  return `${where}: ${text[p.code] ?? `${p.field}: ${p.code}${params.message ? ` — ${params.message}` : ''}`}`;
}

export function registerSeizureCommands(program: Command, io: CliIo): void {
  const seizures = program.command('seizures').description('The seizure registry: import CSV/XLSX, generate demo data, list');

  seizures
    .command('import')
    .description('Import seizures (or, with --kind incident, maritime incidents) from CSV or XLSX (all or nothing; every bad row is listed)')
    .argument('<file>', 'a .csv or .xlsx file with a header row')
    .option('--kind <kind>', 'what the rows are: seizure or incident', 'seizure')
    .option('--as <email>', 'import for this user (their rights apply; the audit names them)')
    .option('--map <pairs>', 'column=field pairs, comma-separated (columns not named are guessed from their header)')
    .option('--case <ref>', 'the case every seizure belongs to (id or reference)')
    .option('--org <name>', 'the case’s organisation, when several use the same reference')
    .option('--tlp <tlp>', `the records’ marking (${TLP_MARKINGS.join(', ')}); AMBER when absent`)
    .option('--dry-run', 'check only: print the mapping and the problems, store nothing')
    .action(async (file: string, opts: { kind: string; as?: string; map?: string; case?: string; org?: string; tlp?: string; dryRun?: boolean }) => {
      const kind = opts.kind.toLowerCase().replace(/s$/, '');
      if (kind !== 'seizure' && kind !== 'incident') throw new UsageError(`--kind must be seizure or incident, not "${opts.kind}"`);
      if (!opts.as) throw new UsageError('seizures import changes the registry: say for which user with --as <email>');
      const format = /\.xlsx$/i.test(file) ? 'xlsx' : /\.csv$/i.test(file) ? 'csv' : null;
      if (!format) throw new UsageError('the file must be .csv or .xlsx');
      const tlp = opts.tlp?.toUpperCase();
      if (tlp && !(TLP_MARKINGS as readonly string[]).includes(tlp)) throw new UsageError(`--tlp must be one of ${TLP_MARKINGS.join(', ')}`);
      let content: Buffer;
      try {
        content = readFileSync(file);
      } catch (err) {
        throw new CliFailure(`error: cannot read ${file}: ${(err as Error).message}`);
      }
      const mapping = mappingOf(opts.map);
      await withStore(io, 'seizures import', async (store: NodeStore) => {
        const caseId = opts.case ? (await findCaseByRef(store, opts.case, opts.org)).id : undefined;
        const who = await whoFor(store, opts.as);
        try {
          const r = await runRegistryImport(store.deps, who, kind, { format, content, mapping, dryRun: opts.dryRun, caseId, marking: tlp });
          if (opts.dryRun) {
            for (const [col, field] of Object.entries(r.mapping)) io.out(`  ${col} → ${field || '(ignored)'}`);
            for (const p of r.problems) io.err(problemLine(p));
            io.out(`${r.rows} rows checked, ${r.problems.length} problem(s); nothing stored (dry run)`);
            if (r.problems.length) throw new CliFailure('error: the file has problems');
            return;
          }
          io.out(`imported ${r.imported} ${kind === 'seizure' ? 'seizure(s)' : 'maritime incident(s)'} from ${r.rows} row(s)`);
        } catch (err) {
          if (err instanceof ValidationError && err.code === 'import_rejected') {
            for (const p of (err.details?.problems ?? []) as ImportProblem[]) io.err(problemLine(p));
            throw new CliFailure(`error: ${err.message}`);
          }
          throw err;
        }
      });
    });

  seizures
    .command('generate')
    .description('Synthetic demo data (several domains, shared vessels and companies, routes), the same for the same seed')
    .option('--seed <n>', 'the seed', '1')
    .option('--count <n>', 'number of seizures', '200')
    .option('--incidents <n>', 'number of maritime incidents (stored with --as)', '40')
    .option('--until <date>', 'the latest date (YYYY-MM-DD); records spread over the two years before', new Date().toISOString().slice(0, 10))
    .option('--out <file>', 'write the seizures as CSV here (the import’s columns)')
    .option('--incidents-out <file>', 'write the maritime incidents as CSV here (the incident import’s columns)')
    .option('--as <email>', 'also store them (and the incidents) in the registry for this user')
    .action(async (opts: { seed: string; count: string; incidents: string; until: string; out?: string; incidentsOut?: string; as?: string }) => {
      const [seed, count, incidents] = [Number(opts.seed), Number(opts.count), Number(opts.incidents)];
      if (![seed, count, incidents].every((n) => Number.isInteger(n) && n >= 0) || count > 1_000_000) throw new UsageError('--seed, --count and --incidents must be whole numbers (count at most 1 000 000)');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.until)) throw new UsageError('--until must be YYYY-MM-DD');
      if (!opts.out && !opts.incidentsOut && !opts.as) throw new UsageError('say where the data goes: --out <file.csv>, --incidents-out <file.csv> and/or --as <email>');
      const data = generateDemoData(referenceLists(), { seed, seizures: count, incidents, until: opts.until });
      const csv = seizuresAsCsv(data.seizures);
      if (opts.out) {
        writeFileSync(opts.out, csv);
        io.out(`wrote ${data.seizures.length} seizures to ${opts.out}`);
      }
      if (opts.incidentsOut) {
        writeFileSync(opts.incidentsOut, incidentsAsCsv(data.incidents));
        io.out(`wrote ${data.incidents.length} maritime incidents to ${opts.incidentsOut}`);
      }
      if (opts.as) {
        await withStore(io, 'seizures generate', async (store: NodeStore) => {
          const who = await whoFor(store, opts.as);
          const r = await runSeizureImport(store.deps, who, { format: 'csv', content: csv });
          const mi = await runRegistryImport(store.deps, who, 'incident', { format: 'csv', content: incidentsAsCsv(data.incidents) });
          io.out(`stored ${r.imported} seizures and ${mi.imported} maritime incidents`);
        });
      }
    });

  seizures
    .command('list')
    .description('List seizures (newest first)')
    .option('--as <email>', 'list what this user sees')
    .option('--domain <domain>', `only this domain (${SEIZURE_DOMAINS.join(', ')})`)
    .option('--species <name>', 'only seizures of this species')
    .option('--substance <name>', 'only seizures of this substance')
    .option('--country <alpha3>', 'only seizures in this country')
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'print JSON (the API’s list)')
    .action(async (opts: { as?: string; domain?: string; species?: string; substance?: string; country?: string; limit: string; json?: boolean }) => {
      if (!opts.as) throw new UsageError('say whose view to list with --as <email>');
      if (opts.domain && !(SEIZURE_DOMAINS as readonly string[]).includes(opts.domain)) throw new UsageError(`--domain must be one of ${SEIZURE_DOMAINS.join(', ')}`);
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError('--limit must be a whole number from 1 to 500');
      await withStore(io, 'seizures list', async (store: NodeStore) => {
        const r = await searchSeizures(store.deps, await whoFor(store, opts.as), { domain: opts.domain, species: opts.species, substance: opts.substance, country: opts.country?.toUpperCase(), limit, offset: 0 });
        if (opts.json) return io.out(JSON.stringify(r));
        if (!r.items.length) io.out('(no seizures)');
        for (const s of r.items) io.out(`${s.reference.padEnd(18)} ${s.occurredAt.slice(0, 10)} ${s.country} ${s.items.map((i) => `${i.name} ${i.quantity ?? ''} ${i.unit ?? ''}`.trim()).join('; ')}`);
        if (r.total > r.items.length) io.out(`… ${r.total - r.items.length} more (--limit)`);
      });
    });
}
