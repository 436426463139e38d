// request list | show | check | export: the requests of this node from the command line, through
// the same use cases as the API (completeness with the legal-basis engine, the letter of request
// with its SHA-256 audited). They open the node's store, so while a PGlite node runs they refuse.
import { readFileSync, writeFileSync } from 'node:fs';
import { CheckRequestBody } from '@comity/contract/requests';
import { findLegalBases } from '@comity/core/knowledge/engine';
import { buildKnowledgeIndex } from '@comity/core/knowledge/knowledge-index';
import { resolveLegalBasisInput } from '@comity/core/knowledge/resolve';
import type { CompletenessReport } from '@comity/core/requests/completeness';
import { REQUEST_STATES, REQUEST_TYPES } from '@comity/core/requests/request';
import { findOrganisationByName } from '@comity/db';
import { findRequest, listRequests, type RequestRow } from '@comity/db/repos/requests-repo';
import { configFromEnv, type NodeStore } from '@comity/server';
import { createKnowledgeService, type KnowledgeService, todayOf } from '@comity/server/knowledge/knowledge-service';
import { DEFAULT_DATA_DIR, loadReferenceData, loadShippedKnowledge } from '@comity/server/knowledge/shipped-data';
import { blobStoreFromEnv } from '@comity/server/storage/node-blob-store';
import { LETTER_LANGUAGES, type LetterLanguage } from '@comity/server/requests/documents/letter-text';
import { chromiumPdfRenderer, PdfUnavailableError } from '@comity/server/requests/documents/render-pdf';
import { type RequestDeps, requestSettingsFromEnv } from '@comity/server/requests/request-deps';
import { enforce, todayOf as policyToday } from '@comity/server/policy/policy-service';
import { presentRequest, presentSummary } from '@comity/server/requests/request-presenter';
import { checkUnsaved, generateDocument, requestCompleteness } from '@comity/server/requests/request-service';
import type { Command } from 'commander';
import { CliFailure, type CliIo, UsageError } from '../cli-io.ts';
import { withStore } from './store.ts';

const CLI_WHO = { actor: null, requestId: 'cli' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The node's knowledge; a store that never ran a node answers from the shipped data. */
export async function cliKnowledge(io: CliIo, store: NodeStore): Promise<KnowledgeService> {
  const dir = configFromEnv(io.env).knowledgeDir ?? DEFAULT_DATA_DIR;
  const reference = await loadReferenceData(dir);
  try {
    return await createKnowledgeService(store.deps, reference);
  } catch {
    io.err('note: this store has no knowledge version yet (the node was never started); checking against the shipped data.');
    const index = buildKnowledgeIndex(await loadShippedKnowledge(dir));
    const unsupported = async () => {
      throw new Error('not available offline');
    };
    return {
      reference,
      index: async () => index,
      answer: async (q) => findLegalBases(index, resolveLegalBasisInput(index, q, todayOf(new Date()))),
      reload: async () => {},
      state: unsupported,
      stateAt: unsupported,
    };
  }
}

async function requestDeps(io: CliIo, store: NodeStore, knowledge: KnowledgeService | undefined): Promise<RequestDeps> {
  const config = configFromEnv(io.env);
  const settings = requestSettingsFromEnv(io.env);
  return {
    ...store.deps,
    knowledge,
    blobs: blobStoreFromEnv(config.dataDir, io.env),
    settings,
    pdf: chromiumPdfRenderer(settings.chromiumPath),
    afterCommit: async () => {},
  };
}

/** A request by id, or by reference (with --org when several organisations use the same one). */
async function findByRef(store: NodeStore, ref: string, orgName: string | undefined): Promise<RequestRow> {
  if (UUID.test(ref)) {
    const row = await findRequest(store.deps.db, ref);
    if (!row) throw new CliFailure(`error: no request with id ${ref}`);
    return row;
  }
  let q = store.deps.db.selectFrom('requests').selectAll().where('reference', '=', ref.toUpperCase());
  if (orgName) {
    const org = await findOrganisationByName(store.deps.db, orgName);
    if (!org) throw new CliFailure(`error: no organisation named "${orgName}"`);
    q = q.where('organisation_id', '=', org.id);
  }
  const rows = await q.execute();
  if (rows.length === 0) throw new CliFailure(`error: no request ${ref}${orgName ? ` in "${orgName}"` : ''}`);
  if (rows.length > 1) throw new UsageError(`${rows.length} organisations have a request ${ref}; say which with --org`);
  return rows[0] as RequestRow;
}

function table(io: CliIo, head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  for (const r of [head, ...rows]) io.out(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
}

function printReport(io: CliIo, report: CompletenessReport): void {
  const ready = report.essentialMissing.length === 0;
  io.out(ready ? 'READY: nothing essential is missing.' : `NOT READY: ${report.essentialMissing.length} essential item(s) missing.`);
  const section = (title: string, items: { field: string; reason: string; citation: string; severity?: string }[]) => {
    if (items.length === 0) return;
    io.out(`\n${title}`);
    for (const i of items) io.out(`  - ${i.severity ? `[${i.severity}] ` : ''}${i.field}: ${i.reason}${i.citation ? ` (${i.citation})` : ''}`);
  };
  section('Essential (blocks transmission):', report.essentialMissing);
  section('Recommended:', report.recommendedMissing);
  section('Consistency:', report.problems);
}

export function registerRequestCommands(program: Command, io: CliIo): void {
  const request = program.command('request').description('Requests for cooperation on this node');

  request
    .command('list')
    .description('List requests, newest first')
    .option('--org <name>', 'only this organisation’s requests')
    .option('--state <states>', `comma-separated: ${REQUEST_STATES.join(', ')}`)
    .option('--type <type>', REQUEST_TYPES.join(', '))
    .option('--side <side>', 'requesting (outgoing) or requested (incoming)')
    .option('--search <text>', 'search reference, title, facts and names')
    .option('--overdue', 'only overdue requests')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON (the API’s list items)')
    .action(async (opts: { org?: string; state?: string; type?: string; side?: string; search?: string; overdue?: boolean; limit: string; json?: boolean }) => {
      const states = opts.state?.split(',').map((s) => s.trim());
      for (const s of states ?? []) if (!(REQUEST_STATES as readonly string[]).includes(s)) throw new UsageError(`--state: "${s}" is not one of ${REQUEST_STATES.join(', ')}`);
      if (opts.type && !(REQUEST_TYPES as readonly string[]).includes(opts.type)) throw new UsageError(`--type must be one of ${REQUEST_TYPES.join(', ')}`);
      if (opts.side && !['requesting', 'requested'].includes(opts.side)) throw new UsageError('--side must be requesting or requested');
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive whole number');
      await withStore(io, 'request list', async (store) => {
        let organisationId: string | undefined;
        if (opts.org) {
          const org = await findOrganisationByName(store.deps.db, opts.org);
          if (!org) throw new CliFailure(`error: no organisation named "${opts.org}"`);
          organisationId = org.id;
        }
        const { rows, total } = await listRequests(store.deps.db, {
          organisationId,
          states,
          type: opts.type,
          side: opts.side,
          q: opts.search,
          overdue: opts.overdue ? true : undefined,
          limit,
          offset: 0,
        });
        if (opts.json) {
          io.out(JSON.stringify({ items: rows.map((r) => presentSummary(r, null, policyToday(new Date()))), total }));
          return;
        }
        const today = policyToday(new Date());
        table(
          io,
          ['REFERENCE', 'SIDE', 'TYPE', 'STATE', 'COUNTERPART', 'DEADLINE', 'TITLE'],
          rows.map((r) => [r, presentSummary(r, null, today)] as const).map(([r, summary]) => [
            r.reference,
            r.side === 'requesting' ? 'out' : 'in',
            r.type,
            `${r.state}${(r.overdue as unknown[]).length ? ' (overdue)' : ''}`,
            r.side === 'requesting' ? `${r.requested_organisation_name ?? '?'} (${r.requested_state})` : `${r.requesting_organisation_name} (${r.requesting_state})`,
            r.deadline ?? '',
            summary.withheld ? `(withheld: ${summary.marking})` : r.title.length > 50 ? `${r.title.slice(0, 49)}…` : r.title,
          ]),
        );
        if (total > rows.length) io.out(`(${total - rows.length} more; use --limit)`);
      });
    });

  request
    .command('show')
    .description('Show one request with its timeline')
    .argument('<ref>', 'reference (OUT-2025-00001) or id')
    .option('--org <name>', 'the organisation, when several have this reference')
    .option('--json', 'print JSON (the API’s request)')
    .action(async (ref: string, opts: { org?: string; json?: boolean }) => {
      await withStore(io, 'request show', async (store) => {
        const row = await findByRef(store, ref, opts.org);
        // The operator reads as a node administrator does: outside every organisation.
        await enforce(store.deps, CLI_WHO, row, { kind: 'read' });
        const view = await presentRequest(store.deps.db, row, null);
        if (opts.json) {
          io.out(JSON.stringify(view));
          return;
        }
        io.out(`${view.reference}  ${view.type}  ${view.state}${view.overdue.length ? ` (overdue: ${view.overdue.join(', ')})` : ''}  TLP:${view.marking}`);
        io.out(`  ${view.title}`);
        io.out(`  from ${view.requesting.name} (${view.requesting.state}) to ${view.requested.name ?? '?'} (${view.requested.state})`);
        if (view.counterpartReference) io.out(`  other side’s reference: ${view.counterpartReference}`);
        if (view.legalBasis) io.out(`  legal basis: ${view.legalBasis.kind === 'treaty' ? (view.legalBasis.citation ?? view.legalBasis.instrument) : 'reciprocity'}`);
        io.out(`  ${view.offences.length} offence(s), ${view.persons.length} person(s), ${view.measures.length} measure(s), ${view.attachments.length} file(s)`);
        if (view.deadline) io.out(`  deadline: ${view.deadline}`);
        if (view.refusal) io.out(`  refused: ${view.refusal.grounds.map((g) => `${g.label} (${g.citation})`).join('; ')}`);
        io.out('Timeline:');
        for (const e of view.timeline) {
          const who = e.actor.email ?? e.actor.organisation ?? 'system';
          io.out(`  ${e.at.replace('T', ' ').slice(0, 19)}  ${e.action.padEnd(18)} → ${e.toState.padEnd(27)} ${who}${e.reason ? ` — ${e.reason}` : ''}`);
        }
      });
    });

  request
    .command('check')
    .description('Check completeness: exit 0 when nothing essential is missing, 1 otherwise')
    .argument('[ref]', 'reference or id of a stored request')
    .option('--file <path>', 'check a request in a JSON file instead (same fields as POST /api/v1/requests)')
    .option('--from <state>', 'with --file: the requesting State (alpha-3)')
    .option('--org <name>', 'the organisation, when several have this reference')
    .option('--json', 'print the API’s completeness answer')
    .action(async (ref: string | undefined, opts: { file?: string; from?: string; org?: string; json?: boolean }) => {
      if (!ref === !opts.file) throw new UsageError('give a request reference or --file, not both');
      let fileInput: ReturnType<typeof CheckRequestBody.parse> | undefined;
      if (opts.file) {
        let raw: unknown;
        try {
          raw = JSON.parse(readFileSync(opts.file, 'utf8'));
        } catch (err) {
          throw new UsageError(`--file: ${(err as Error).message}`);
        }
        const parsed = CheckRequestBody.safeParse({ ...(raw as object), ...(opts.from ? { requestingState: opts.from } : {}) });
        if (!parsed.success) {
          throw new UsageError(`--file does not describe a request:\n${parsed.error.issues.map((i) => `  ${i.path.join('.') || '(top)'}: ${i.message}`).join('\n')}`);
        }
        if (!parsed.data.requestingState) throw new UsageError('with --file, give the requesting State with --from (or "requestingState" in the file)');
        fileInput = parsed.data;
      }
      const report = await withStore(io, 'request check', async (store) => {
        const deps = await requestDeps(io, store, await cliKnowledge(io, store));
        if (fileInput) {
          const { requestingState, ...rest } = fileInput;
          return checkUnsaved(deps, { ...rest, requestingState: requestingState as string }, null);
        }
        return requestCompleteness(deps, await findByRef(store, ref as string, opts.org));
      });
      if (opts.json) io.out(JSON.stringify(report));
      else printReport(io, report);
      if (report.essentialMissing.length > 0) throw new CliFailure('', 1);
    });

  request
    .command('export')
    .description('Write the formal letter of request (PDF or DOCX) to a file; its SHA-256 goes to the audit trail')
    .argument('<ref>', 'reference or id')
    .requiredOption('--out <file>', 'where to write it')
    .option('--format <format>', 'pdf or docx', 'pdf')
    .option('--lang <lang>', `template language: ${LETTER_LANGUAGES.join(', ')} (default: the request’s)`)
    .option('--org <name>', 'the organisation, when several have this reference')
    .action(async (ref: string, opts: { out: string; format: string; lang?: string; org?: string }) => {
      if (opts.format !== 'pdf' && opts.format !== 'docx') throw new UsageError('--format must be pdf or docx');
      if (opts.lang && !(LETTER_LANGUAGES as readonly string[]).includes(opts.lang)) throw new UsageError(`--lang must be one of ${LETTER_LANGUAGES.join(', ')}`);
      const format = opts.format;
      await withStore(io, 'request export', async (store) => {
        const deps = await requestDeps(io, store, await cliKnowledge(io, store));
        try {
          const row = await findByRef(store, ref, opts.org);
          const doc = await generateDocument(deps, CLI_WHO, row.id, { format, lang: opts.lang as LetterLanguage | undefined });
          writeFileSync(opts.out, doc.bytes);
          io.out(`Wrote ${opts.out} (${doc.bytes.byteLength} bytes, ${format.toUpperCase()}, ${doc.filename})`);
          io.out(`SHA-256 ${doc.sha256} (recorded in the audit trail)`);
          // What the web UI asks to confirm before exporting: printed, the file is written anyway.
          for (const w of doc.warnings) io.err(`warning: ${w.message}`);
        } catch (err) {
          if (err instanceof PdfUnavailableError) throw new CliFailure(`error: ${err.message}`);
          throw err;
        } finally {
          await deps.pdf.close();
        }
      });
    });
}
