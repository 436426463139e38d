// basis (the legal-basis finder on the command line) and knowledge import | refresh | versions.
// They open the node's store (withStore), so curated facts count and imports are versioned and
// audited exactly as through the API; while a PGlite node runs they refuse, as every offline
// command does. A store that has never been started answers `basis` from the shipped data.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { LegalBasisAnswer } from '@comity/contract/knowledge';
import { ConflictError } from '@comity/core';
import { findLegalBases } from '@comity/core/knowledge/engine';
import { KnowledgeInputError } from '@comity/core/knowledge/errors';
import { formatLegalBasisTable } from '@comity/core/knowledge/format';
import { buildKnowledgeIndex, type KnowledgeIndex } from '@comity/core/knowledge/knowledge-index';
import { resolveLegalBasisInput } from '@comity/core/knowledge/resolve';
import { listKnowledgeVersions } from '@comity/db';
import { configFromEnv, type NodeStore } from '@comity/server';
import {
  DEPOSITARY_FORMATS,
  type DepositaryFile,
  type DepositaryFormat,
  decodeDepositaryBytes,
  type ImportReport,
  importDepositaryFiles,
} from '@comity/server/knowledge/knowledge-import';
import { fetchDepositaryFiles, refreshConfigFromEnv } from '@comity/server/knowledge/knowledge-refresh';
import { todayOf } from '@comity/server/knowledge/knowledge-service';
import { listDeclaredFacts } from '@comity/server/knowledge/declared-facts-service';
import { loadKnowledgeState, seedShippedKnowledge } from '@comity/server/knowledge/knowledge-store';
import { DEFAULT_DATA_DIR, loadReferenceData, loadShippedKnowledge } from '@comity/server/knowledge/shipped-data';
import type { Command } from 'commander';
import { CliFailure, type CliIo, UsageError } from '../cli-io.ts';
import { withStore } from './store.ts';

const CLI_WHO = { actor: null, requestId: 'cli' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function knowledgeDir(io: CliIo): string {
  return configFromEnv(io.env).knowledgeDir ?? DEFAULT_DATA_DIR;
}

/** The index a node would answer from: the store's current version with its curated facts. */
async function storeIndex(io: CliIo, store: NodeStore): Promise<KnowledgeIndex> {
  const dir = knowledgeDir(io);
  const state = await loadKnowledgeState(store.deps.db, await loadReferenceData(dir));
  if (state) return state.index;
  io.err('note: this store has no knowledge version yet (the node was never started); answering from the shipped data.');
  return buildKnowledgeIndex(await loadShippedKnowledge(dir));
}

function printReport(io: CliIo, report: ImportReport): void {
  io.out(`Imported version ${report.version}${report.forced ? ' (forced over newer data)' : ''}: ${report.source}`);
  io.out(`  digest ${report.digest}; data as of ${report.dataAsOf}`);
  for (const f of report.files) {
    io.out(
      `  ${f.name} → ${f.instrument}: ${f.participations} participations (${f.parties} with consent), as of ${f.asOf}, list ${f.complete ? 'complete' : 'INCOMPLETE'}` +
        `${f.reservations !== null ? `, ${f.reservations} reservations/declarations` : ''}${f.previousAsOf ? ` (was as of ${f.previousAsOf})` : ''}`,
    );
    if (f.unmapped.length) io.out(`    not mapped to a State: ${f.unmapped.join('; ')}`);
  }
  for (const s of report.skipped) io.out(`  skipped ${s.name}: ${s.reason}`);
}

function explainImportError(err: unknown): never {
  if (err instanceof ConflictError && err.code === 'older_snapshot') throw new CliFailure(`error: ${err.message}`);
  throw err;
}

export function registerKnowledgeCommands(program: Command, io: CliIo): void {
  program
    .command('basis')
    .description('Legal bases between two States for an offence and a kind of cooperation (same answer as GET /api/v1/legal-basis)')
    .requiredOption('--from <state>', 'requesting State: alpha-3, alpha-2 or a name')
    .requiredOption('--to <state>', 'requested State: alpha-3, alpha-2 or a name')
    .requiredOption('--type <type>', 'mla, extradition, asset-recovery, jit, transfer-of-proceedings, law-enforcement, preservation')
    .requiredOption('--offence <offence>', 'offence category, e.g. corruption, money-laundering, trafficking-in-persons')
    .option('--date <YYYY-MM-DD>', 'date of the question (default: today)')
    .option('--all', 'also list the instruments that do not apply, with why')
    .option('--text', 'include the article texts')
    .option('--json', 'print exactly the API response')
    .option('--lang <lang>', 'language of the table: en or fr', 'en')
    .action(
      async (opts: { from: string; to: string; type: string; offence: string; date?: string; all?: boolean; text?: boolean; json?: boolean; lang: string }) => {
        await withStore(io, 'basis', async (store) => {
          const index = await storeIndex(io, store);
          let query: ReturnType<typeof resolveLegalBasisInput>;
          try {
            query = resolveLegalBasisInput(
              index,
              { requesting: opts.from, requested: opts.to, type: opts.type, offence: opts.offence, date: opts.date, all: opts.all, includeText: opts.text },
              todayOf(store.deps.now()),
            );
          } catch (err) {
            if (err instanceof KnowledgeInputError) throw new UsageError(err.message);
            throw err;
          }
          const answer = findLegalBases(index, query);
          // Through the contract schema, as the API's serializer does, so both print the same JSON.
          if (opts.json) io.out(JSON.stringify(LegalBasisAnswer.parse(answer)));
          else io.out(formatLegalBasisTable(answer, { lang: opts.lang }));
        });
      },
    );

  const knowledge = program.command('knowledge').description('Treaty knowledge: import depositary files, refresh, versions');

  knowledge
    .command('import')
    .description('Import downloaded depositary files (UNTC MTDSG XML, Council of Europe JSON) as one new version; offline')
    .argument('<files...>', 'files to import')
    .option('--as-of <YYYY-MM-DD>', 'date of the files (required for UNTC XML, which carries none: the day you downloaded them)')
    .option('--format <format>', `force the format: ${DEPOSITARY_FORMATS.join(' or ')} (default: by extension or content)`)
    .option('--force', 'allow a snapshot older than the current data')
    .action(async (paths: string[], opts: { asOf?: string; format?: string; force?: boolean }) => {
      if (opts.asOf && !ISO_DATE.test(opts.asOf)) throw new UsageError(`--as-of must be YYYY-MM-DD, got "${opts.asOf}"`);
      if (opts.format && !(DEPOSITARY_FORMATS as readonly string[]).includes(opts.format)) {
        throw new UsageError(`--format must be ${DEPOSITARY_FORMATS.join(' or ')}`);
      }
      const files: DepositaryFile[] = paths.map((path) => {
        let bytes: Buffer;
        try {
          bytes = readFileSync(path);
        } catch (err) {
          throw new UsageError(`cannot read ${path}: ${(err as Error).message}`);
        }
        return {
          name: basename(path),
          content: decodeDepositaryBytes(bytes),
          digest: createHash('sha256').update(bytes).digest('hex'),
          format: opts.format as DepositaryFormat | undefined,
          asOf: opts.asOf,
        };
      });
      await withStore(io, 'knowledge import', async (store) => {
        const dir = knowledgeDir(io);
        await seedShippedKnowledge(store.deps, dir, { requestId: 'cli' });
        const report = await importDepositaryFiles(store.deps, CLI_WHO, await loadReferenceData(dir), {
          files,
          source: `comity knowledge import ${files.map((f) => f.name).join(' ')} (command line)`,
          force: opts.force,
        }).catch(explainImportError);
        printReport(io, report);
      });
    });

  knowledge
    .command('refresh')
    .description('Fetch the depositaries’ current status files and import them as one new version (needs the network)')
    .option('--source-url <url...>', 'fetch these URLs instead of the catalogue’s depositary URLs')
    .option('--force', 'allow a snapshot older than the current data')
    .action(async (opts: { sourceUrl?: string[]; force?: boolean }) => {
      for (const u of opts.sourceUrl ?? []) {
        if (!/^https?:\/\//.test(u)) throw new UsageError(`--source-url must be an http(s) URL, got "${u}"`);
      }
      await withStore(io, 'knowledge refresh', async (store) => {
        const dir = knowledgeDir(io);
        await seedShippedKnowledge(store.deps, dir, { requestId: 'cli' });
        const reference = await loadReferenceData(dir);
        const state = await loadKnowledgeState(store.deps.db, reference);
        const config = refreshConfigFromEnv(io.env, todayOf(store.deps.now()));
        const plan = await fetchDepositaryFiles(state?.imported.instruments ?? [], config, opts.sourceUrl ?? []);
        for (const s of plan.skipped) io.out(`skipped ${s.instrument ?? ''}${s.url ? ` ${s.url}` : ''}: ${s.reason}`);
        if (plan.files.length === 0) throw new CliFailure(`error: nothing could be fetched (${plan.urls.length} URL(s) tried); no version was made.`);
        const hosts = [...new Set(plan.urls.map((u) => new URL(u).host))].join(', ');
        const report = await importDepositaryFiles(store.deps, CLI_WHO, reference, {
          files: plan.files,
          source: `comity knowledge refresh from ${hosts} (command line)`,
          force: opts.force,
          skipFilesWithoutTable: true,
        }).catch(explainImportError);
        printReport(io, report);
      });
    });

  knowledge
    .command('facts')
    .description('Facts declared by States’ own nodes that this node uses (its own published ones and its peers’), with their provenance and disagreements with the depositary data')
    .option('--state <alpha-3>', 'only this State')
    .option('--json', 'print JSON')
    .action(async (opts: { state?: string; json?: boolean }) => {
      const state = opts.state?.toUpperCase();
      if (state !== undefined && !/^[A-Z]{3}$/.test(state)) throw new UsageError(`--state: expected an ISO 3166 alpha-3 code such as FRA, got "${opts.state}".`);
      await withStore(io, 'knowledge facts', async (store) => {
        const items = await listDeclaredFacts(store.deps.db, { state });
        const loaded = await loadKnowledgeState(store.deps.db, await loadReferenceData(knowledgeDir(io)));
        const disagreements = (loaded?.disagreements ?? []).filter((d) => !state || d.state === state);
        if (opts.json) {
          io.out(JSON.stringify({ items, disagreements }));
          return;
        }
        if (items.length === 0) io.out(state ? `No facts declared for ${state} are held here.` : 'No declared facts are held here.');
        for (const f of items) {
          io.out(`${f.state}\tversion ${f.version}\t${f.provenance}${f.own ? ' (this node)' : ''}`);
          for (const t of f.facts.treaties) io.out(`  treaty ${t.id}: ${t.title} (${t.parties.join(', ')}; in force ${t.entryIntoForce ?? 'unknown'})`);
          for (const a of f.facts.centralAuthorities) io.out(`  central authority under ${a.instrument}: ${a.name}, ${a.address}`);
          for (const d of f.facts.declarations) io.out(`  declaration ${d.instrument} art. ${d.article}: ${d.effect}`);
          if (f.facts.languages.length || f.facts.channels.length) io.out(`  languages: ${f.facts.languages.join(', ') || '-'}; channels: ${f.facts.channels.join(', ') || '-'}`);
        }
        for (const d of disagreements) io.out(`disagreement (${d.kind}) ${d.instrument}: ${d.message}`);
      });
    });

  knowledge
    .command('versions')
    .description('List the knowledge versions, newest first')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withStore(io, 'knowledge versions', async (store) => {
        const versions = await listKnowledgeVersions(store.deps.db);
        if (opts.json) {
          io.out(JSON.stringify({ items: versions.map((v) => ({ version: v.number, createdAt: v.createdAt, source: v.source, digest: v.digest, dataAsOf: v.dataAsOf, forced: v.forced, importedBy: v.actorEmail })) }));
          return;
        }
        if (versions.length === 0) {
          io.out('No knowledge version yet: the node loads the shipped data as version 1 at its first start.');
          return;
        }
        for (const v of versions) {
          io.out(`${v.number}\t${v.createdAt}\t${v.dataAsOf}\t${v.digest.slice(0, 16)}…\t${v.actorEmail ?? '-'}\t${v.source}${v.forced ? ' (forced)' : ''}`);
        }
      });
    });
}
