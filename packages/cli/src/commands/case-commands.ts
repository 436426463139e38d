// case create | list | show | update | link | unlink | member: cases from the command line, through
// the same use cases as the API. Reading is done as the node's operator (outside every
// organisation: what the case's marking lets a node administrator read) unless `--as <email>`
// names a user; changes are always made for a named user (`--as`), whose rights apply — the team,
// the lead, the role — and whose name the audit entry carries (with request id `cli`). They open
// the node's store, so while a PGlite node runs they refuse.
import { CASE_STATUSES, CASE_TEAM_ROLES } from '@comity/core/cases/case';
import { OFFENCE_IDS } from '@comity/core/knowledge/taxonomy';
import { TLP_MARKINGS } from '@comity/core/requests/request';
import { type Role, isRole } from '@comity/core';
import { CreateCaseBody, PatchCaseBody } from '@comity/contract/cases';
import { findOrganisationByName } from '@comity/db';
import { type CaseRow, findCase } from '@comity/db/repos/cases-repo';
import type { NodeStore } from '@comity/server';
import { presentCase, presentCaseSummaries } from '@comity/server/cases/case-presenter';
import {
  type CaseWho,
  createCase,
  linkRequestToCase,
  listCases,
  readCaseWithAccess,
  removeCaseMember,
  setCaseMember,
  unlinkRequestFromCase,
  updateCase,
} from '@comity/server/cases/case-service';
import type { Actor } from '@comity/server/deps';
import type { Command } from 'commander';
import type { z } from 'zod';
import { CliFailure, type CliIo, UsageError } from '../cli-io.ts';
import { withStore } from './store.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The user a command acts for: their rights apply and the audit names them. */
export async function actorFor(store: NodeStore, email: string): Promise<Actor> {
  const user = await store.deps.db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  if (!user) throw new CliFailure(`error: no user ${email}`);
  if (user.disabled) throw new CliFailure(`error: ${email} is disabled`);
  if (!isRole(user.role)) throw new CliFailure(`error: ${email} has an unknown role`);
  return { userId: user.id, email: user.email, role: user.role as Role, organisationId: user.organisation_id, mustChangePassword: false, via: 'token' };
}

export async function whoFor(store: NodeStore, as: string | undefined): Promise<CaseWho> {
  return { actor: as ? await actorFor(store, as) : null, requestId: 'cli' };
}

function requireAs(as: string | undefined, command: string): string {
  if (!as) throw new UsageError(`${command} changes a case: say for which user with --as <email> (their rights apply, the audit names them)`);
  return as;
}

/** A case by id, or by reference (with --org when several organisations use the same one). */
export async function findCaseByRef(store: NodeStore, ref: string, orgName: string | undefined): Promise<CaseRow> {
  if (UUID.test(ref)) {
    const row = await findCase(store.deps.db, ref);
    if (!row) throw new CliFailure(`error: no case with id ${ref}`);
    return row;
  }
  let q = store.deps.db.selectFrom('cases').selectAll().where('reference', '=', ref);
  if (orgName) {
    const org = await findOrganisationByName(store.deps.db, orgName);
    if (!org) throw new CliFailure(`error: no organisation named "${orgName}"`);
    q = q.where('organisation_id', '=', org.id);
  }
  const rows = await q.execute();
  if (rows.length === 0) throw new CliFailure(`error: no case ${ref}${orgName ? ` in "${orgName}"` : ''}`);
  if (rows.length > 1) throw new UsageError(`${rows.length} organisations have a case ${ref}; say which with --org`);
  return rows[0] as CaseRow;
}

/** A request of the case's organisation by id or reference. */
async function findRequestId(store: NodeStore, c: CaseRow, ref: string): Promise<string> {
  const q = store.deps.db.selectFrom('requests').select('id').where('organisation_id', '=', c.organisation_id);
  const row = await (UUID.test(ref) ? q.where('id', '=', ref) : q.where('reference', '=', ref.toUpperCase())).executeTakeFirst();
  if (!row) throw new CliFailure(`error: no request ${ref} in the organisation of case ${c.reference}`);
  return row.id;
}

function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const flag = issue?.path.length ? `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : 'input';
  throw new UsageError(`${flag}: ${issue?.message ?? 'invalid'}`);
}

function offencesOf(list: string | undefined): string[] | undefined {
  if (list === undefined) return undefined;
  const items = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const o of items) if (!(OFFENCE_IDS as readonly string[]).includes(o)) throw new UsageError(`--offence: "${o}" is not one of ${OFFENCE_IDS.join(', ')}`);
  return items;
}

function table(io: CliIo, head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  for (const r of [head, ...rows]) io.out(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
}

async function printCase(io: CliIo, store: NodeStore, who: CaseWho, id: string, json: boolean | undefined): Promise<void> {
  const view = await presentCase(store.deps.db, store.deps.now(), who.actor, await readCaseWithAccess(store.deps, who, id));
  if (json) {
    io.out(JSON.stringify(view));
    return;
  }
  io.out(`${view.reference}  ${view.status}${view.closedOn ? ` ${view.closedOn}` : ''}  TLP:${view.marking}${view.handling !== 'H0' ? ` ${view.handling}` : ''}  ${view.organisation.name}`);
  io.out(`  ${view.title}`);
  if (view.description) io.out(`  ${view.description}`);
  io.out(`  opened ${view.openedOn}; offences: ${view.offences.join(', ') || '(none)'}`);
  io.out('Team:');
  for (const m of view.team) io.out(`  ${m.teamRole.padEnd(6)}  ${m.email}${m.disabled ? ' (disabled)' : ''}`);
  io.out(view.requests.length ? 'Requests:' : 'Requests: none linked');
  for (const r of view.requests) io.out(`  ${r.reference}  ${r.side === 'requesting' ? 'out' : 'in '}  ${r.state}  ${r.withheld ? `(withheld: TLP:${r.marking})` : r.title}`);
}

export function registerCaseCommands(program: Command, io: CliIo): void {
  const cases = program.command('case').description('Cases: an organisation’s investigation files, their teams and linked requests');
  const asOption = '--as <email>';
  const asHelp = 'act for this user (their rights apply; the audit names them)';

  cases
    .command('list')
    .description('List cases, most recently changed first')
    .option('--org <name>', 'only this organisation’s cases')
    .option('--status <status>', CASE_STATUSES.join(' or '))
    .option('--offence <offence>', 'an offence category of the taxonomy')
    .option('--mine', 'only the cases whose team the --as user is in')
    .option('--search <text>', 'search in reference and title')
    .option(asOption, 'list what this user sees (default: the node operator’s view)')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON (the API’s list)')
    .action(async (opts: { org?: string; status?: string; offence?: string; mine?: boolean; search?: string; as?: string; limit: string; json?: boolean }) => {
      if (opts.status && !(CASE_STATUSES as readonly string[]).includes(opts.status)) throw new UsageError(`--status must be ${CASE_STATUSES.join(' or ')}`);
      if (opts.offence) offencesOf(opts.offence);
      if (opts.mine && !opts.as) throw new UsageError('--mine needs --as <email>: whose cases?');
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new UsageError('--limit must be a whole number from 1 to 200');
      await withStore(io, 'case list', async (store) => {
        const who = await whoFor(store, opts.as);
        const { items, total } = await listCases(store.deps, who, {
          status: opts.status as 'open' | 'closed' | undefined,
          offence: opts.offence as (typeof OFFENCE_IDS)[number] | undefined,
          mine: opts.mine ? 'true' : undefined,
          q: opts.search,
          limit,
          offset: 0,
        });
        let rows = await presentCaseSummaries(store.deps.db, items);
        if (opts.org) {
          const org = await findOrganisationByName(store.deps.db, opts.org);
          if (!org) throw new CliFailure(`error: no organisation named "${opts.org}"`);
          rows = rows.filter((r) => r.organisation.id === org.id);
        }
        if (opts.json) {
          io.out(JSON.stringify({ items: rows, total: opts.org ? rows.length : total }));
          return;
        }
        table(
          io,
          ['REFERENCE', 'STATUS', 'TLP', 'TEAM', 'REQUESTS', 'ORGANISATION', 'TITLE'],
          rows.map((r) => [r.reference, r.status, r.marking, String(r.teamSize), String(r.requestCount), r.organisation.name, r.withheld ? '(withheld)' : r.title]),
        );
        if (!opts.org && total > rows.length) io.out(`(${total - rows.length} more; use --limit)`);
      });
    });

  cases
    .command('show')
    .description('Show one case with its team and linked requests')
    .argument('<case>', 'reference or id')
    .option('--org <name>', 'the organisation, when several have this reference')
    .option(asOption, 'read as this user (default: the node operator)')
    .option('--json', 'print JSON (the API’s case)')
    .action(async (ref: string, opts: { org?: string; as?: string; json?: boolean }) => {
      await withStore(io, 'case show', async (store) => {
        const row = await findCaseByRef(store, ref, opts.org);
        await printCase(io, store, await whoFor(store, opts.as), row.id, opts.json);
      });
    });

  cases
    .command('create')
    .description('Open a case; the --as user leads its team')
    .requiredOption('--title <title>', 'what the investigation is about')
    .option('--reference <ref>', 'unique in the organisation (default CASE-<year>-<n>)')
    .option('--offence <list>', `comma-separated: ${OFFENCE_IDS.join(', ')}`)
    .option('--marking <tlp>', `${TLP_MARKINGS.join(', ')} (default AMBER)`)
    .option('--description <text>', 'a description')
    .option('--opened-on <YYYY-MM-DD>', 'when the investigation was opened (default today)')
    .option(asOption, asHelp)
    .option('--json', 'print JSON (the API’s case)')
    .action(async (opts: { title: string; reference?: string; offence?: string; marking?: string; description?: string; openedOn?: string; as?: string; json?: boolean }) => {
      const as = requireAs(opts.as, 'case create');
      const body = parseBody(CreateCaseBody, {
        title: opts.title,
        ...(opts.reference !== undefined ? { reference: opts.reference } : {}),
        ...(opts.offence !== undefined ? { offences: offencesOf(opts.offence) } : {}),
        ...(opts.marking !== undefined ? { marking: opts.marking.toUpperCase() } : {}),
        ...(opts.description !== undefined ? { description: opts.description } : {}),
        ...(opts.openedOn !== undefined ? { openedOn: opts.openedOn } : {}),
      });
      await withStore(io, 'case create', async (store) => {
        const who = await whoFor(store, as);
        const row = await createCase(store.deps, who, body);
        if (!opts.json) io.out(`created case ${row.reference} (${row.id})`);
        else await printCase(io, store, who, row.id, true);
      });
    });

  cases
    .command('update')
    .description('Change, close or reopen a case (its lead or a supervisor)')
    .argument('<case>', 'reference or id')
    .option('--org <name>', 'the organisation, when several have this reference')
    .option('--title <title>')
    .option('--reference <ref>')
    .option('--offence <list>', 'comma-separated offence categories (replaces the list)')
    .option('--marking <tlp>', TLP_MARKINGS.join(', '))
    .option('--description <text>')
    .option('--status <status>', 'open (reopen) or closed')
    .option('--closed-on <YYYY-MM-DD>', 'with --status closed (default today)')
    .option('--note <text>', 'closing note, with --status closed')
    .option('--expect-version <n>', 'the version you read (refused if it changed meanwhile); default: the current one')
    .option(asOption, asHelp)
    .action(
      async (
        ref: string,
        opts: { org?: string; title?: string; reference?: string; offence?: string; marking?: string; description?: string; status?: string; closedOn?: string; note?: string; expectVersion?: string; as?: string },
      ) => {
        const as = requireAs(opts.as, 'case update');
        if (opts.expectVersion !== undefined && !/^\d+$/.test(opts.expectVersion)) throw new UsageError('--expect-version must be a whole number');
        await withStore(io, 'case update', async (store) => {
          const row = await findCaseByRef(store, ref, opts.org);
          const body = parseBody(PatchCaseBody, {
            version: opts.expectVersion !== undefined ? Number(opts.expectVersion) : row.version,
            ...(opts.title !== undefined ? { title: opts.title } : {}),
            ...(opts.reference !== undefined ? { reference: opts.reference } : {}),
            ...(opts.offence !== undefined ? { offences: offencesOf(opts.offence) } : {}),
            ...(opts.marking !== undefined ? { marking: opts.marking.toUpperCase() } : {}),
            ...(opts.description !== undefined ? { description: opts.description } : {}),
            ...(opts.status !== undefined ? { status: opts.status } : {}),
            ...(opts.closedOn !== undefined ? { closedOn: opts.closedOn } : {}),
            ...(opts.note !== undefined ? { closingNote: opts.note } : {}),
          });
          const updated = await updateCase(store.deps, await whoFor(store, as), row.id, body);
          io.out(`case ${updated.reference}: ${updated.status}, version ${updated.version}`);
        });
      },
    );

  for (const [name, description] of [
    ['link', 'Link a request (outgoing or incoming) of the organisation to the case'],
    ['unlink', 'Unlink a request from the case'],
  ] as const) {
    cases
      .command(name)
      .description(description)
      .argument('<case>', 'case reference or id')
      .argument('<request>', 'request reference or id')
      .option('--org <name>', 'the organisation, when several have this case reference')
      .option(asOption, asHelp)
      .action(async (ref: string, requestRef: string, opts: { org?: string; as?: string }) => {
        const as = requireAs(opts.as, `case ${name}`);
        await withStore(io, `case ${name}`, async (store) => {
          const c = await findCaseByRef(store, ref, opts.org);
          const requestId = await findRequestId(store, c, requestRef);
          const who = await whoFor(store, as);
          if (name === 'link') {
            const { changed } = await linkRequestToCase(store.deps, who, c.id, requestId);
            io.out(changed ? `linked ${requestRef.toUpperCase()} to case ${c.reference}` : `${requestRef.toUpperCase()} was already linked to case ${c.reference}`);
          } else {
            await unlinkRequestFromCase(store.deps, who, c.id, requestId);
            io.out(`unlinked ${requestRef.toUpperCase()} from case ${c.reference}`);
          }
        });
      });
  }

  cases
    .command('member')
    .description('Add a user of the organisation to the team, change their team role, or remove them (the lead or a supervisor)')
    .argument('<case>', 'case reference or id')
    .argument('<email>', 'the user')
    .option('--role <role>', CASE_TEAM_ROLES.join(' or '), 'member')
    .option('--remove', 'remove the user from the team')
    .option('--org <name>', 'the organisation, when several have this case reference')
    .option(asOption, asHelp)
    .action(async (ref: string, email: string, opts: { role: string; remove?: boolean; org?: string; as?: string }) => {
      const as = requireAs(opts.as, 'case member');
      if (!(CASE_TEAM_ROLES as readonly string[]).includes(opts.role)) throw new UsageError(`--role must be ${CASE_TEAM_ROLES.join(' or ')}`);
      await withStore(io, 'case member', async (store) => {
        const c = await findCaseByRef(store, ref, opts.org);
        const user = await store.deps.db.selectFrom('users').select(['id', 'organisation_id']).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
        // Someone of another organisation is reported like someone who does not exist.
        if (!user || user.organisation_id !== c.organisation_id) throw new CliFailure(`error: no user ${email} in the organisation of case ${c.reference}`);
        const who = await whoFor(store, as);
        if (opts.remove) {
          await removeCaseMember(store.deps, who, c.id, user.id);
          io.out(`removed ${email} from the team of case ${c.reference}`);
        } else {
          await setCaseMember(store.deps, who, c.id, user.id, opts.role as 'lead' | 'member');
          io.out(`${email} is ${opts.role} of case ${c.reference}`);
        }
      });
    });
}
