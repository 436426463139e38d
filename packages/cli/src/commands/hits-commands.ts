// hits list | show | reveal | decline | check: the hit inbox and "check with peers" from the command
// line, through the same use cases as the API (hits-service), always for a named user (`--as`):
// a hit is seen and decided by the team of its record's case and its organisation's supervisors,
// and a reveal or decline is a transmission the release policy decides (a denial is audited and
// printed, exit 1). Queries and disclosures wait in the outbox until the node runs.
import type { NodeStore } from '@comity/server';
import { checkWithPeers, decideHit, getHit, listHits } from '@comity/server/hits/hits-service';
import type { Command } from 'commander';
import { type CliIo, UsageError } from '../cli-io.ts';
import { findCaseByRef, whoFor } from './case-commands.ts';
import { withStore } from './store.ts';

const STATES = ['pending', 'revealed', 'declined'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requireAs(as: string | undefined, command: string): string {
  if (!as) throw new UsageError(`${command}: say for which user with --as <email> (a hit is its case team’s; their rights apply, the audit names them)`);
  return as;
}

function requireHitId(id: string): string {
  if (!UUID.test(id)) throw new UsageError(`"${id}" is not a hit id (see comity hits list)`);
  return id;
}

type Hit = Awaited<ReturnType<typeof getHit>>;

function line(h: Hit): string {
  return [h.id, h.state, h.authority, h.contactReference, h.entityCaption ?? h.entityId, h.createdAt].join('\t');
}

type Disclosure = { decision: 'revealed' | 'declined'; caseReference?: string; contact?: string } | null;

function details(h: Hit): string[] {
  const peer = h.peerDisclosure as Disclosure;
  const own = h.ownDisclosure as Disclosure;
  return [
    `hit:               ${h.id}`,
    `record:            ${h.entityCaption ?? '(deleted)'} (${h.entityId})`,
    `case:              ${h.caseId ?? '-'}`,
    `may match:         a record of ${h.authority} (${h.peerNodeId})`,
    `contact reference: ${h.contactReference}`,
    `state:             ${h.state}`,
    `recorded:          ${h.createdAt}`,
    `you revealed:      ${own?.decision === 'revealed' ? `${own.caseReference} — ${own.contact}` : own ? 'nothing (declined)' : '-'}`,
    `peer:              ${peer === null ? 'has not decided' : peer.decision === 'declined' ? 'declined' : `revealed ${peer.caseReference} — ${peer.contact}`}`,
  ];
}

export function registerHitsCommands(program: Command, io: CliIo): void {
  const hits = program.command('hits').description('Hit/no-hit with peers: the inbox of possible matches, reveal or decline, check a case');

  hits
    .command('list')
    .description('The hits this user sees (their cases’ records; supervisors: the organisation’s), newest first')
    .option('--as <email>', 'the user whose inbox this is')
    .option('--state <state>', `only ${STATES.join(', ')}`)
    .option('--case <ref>', 'only this case (id or reference)')
    .option('--org <name>', 'the case’s organisation, when several use the same reference')
    .option('--json', 'print JSON (the API’s list)')
    .action(async (opts: { as?: string; state?: string; case?: string; org?: string; json?: boolean }) => {
      const as = requireAs(opts.as, 'hits list');
      if (opts.state && !(STATES as readonly string[]).includes(opts.state)) throw new UsageError(`--state must be one of ${STATES.join(', ')}`);
      await withStore(io, 'hits list', async (store: NodeStore) => {
        const caseId = opts.case ? (await findCaseByRef(store, opts.case, opts.org)).id : undefined;
        const items = await listHits(store.deps, await whoFor(store, as), { state: opts.state, caseId });
        if (opts.json) return io.out(JSON.stringify({ items }, null, 2));
        if (items.length === 0) return io.out('no hits');
        io.out(['id', 'state', 'authority', 'contact reference', 'record', 'recorded'].join('\t'));
        for (const h of items) io.out(line(h));
      });
    });

  hits
    .command('show')
    .description('One hit: which record, which authority, the contact reference and what each side revealed')
    .argument('<id>', 'the hit (from hits list)')
    .option('--as <email>', 'the user who looks')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { as?: string; json?: boolean }) => {
      const as = requireAs(opts.as, 'hits show');
      await withStore(io, 'hits show', async (store: NodeStore) => {
        const h = await getHit(store.deps, await whoFor(store, as), requireHitId(id));
        io.out(opts.json ? JSON.stringify(h, null, 2) : details(h).join('\n'));
      });
    });

  hits
    .command('reveal')
    .description('Reveal your case reference and a contact to the peer of a hit (the owner’s consent; the release policy decides)')
    .argument('<id>', 'the hit')
    .requiredOption('--case-reference <text>', 'the case reference the peer may quote')
    .requiredOption('--contact <text>', 'who the peer should call (name, telephone, e-mail)')
    .option('--as <email>', 'the user who decides')
    .action(async (id: string, opts: { as?: string; caseReference: string; contact: string }) => {
      const as = requireAs(opts.as, 'hits reveal');
      if (!opts.caseReference.trim() || !opts.contact.trim()) throw new UsageError('--case-reference and --contact cannot be empty');
      await withStore(io, 'hits reveal', async (store: NodeStore) => {
        const h = await decideHit(store.deps, await whoFor(store, as), requireHitId(id), { decision: 'revealed', caseReference: opts.caseReference, contact: opts.contact });
        io.out(`revealed to ${h.authority}: ${opts.caseReference} — ${opts.contact} (sent when the node runs)`);
      });
    });

  hits
    .command('decline')
    .description('Decline to reveal anything about a hit (the peer is told it was declined)')
    .argument('<id>', 'the hit')
    .option('--as <email>', 'the user who decides')
    .action(async (id: string, opts: { as?: string }) => {
      const as = requireAs(opts.as, 'hits decline');
      await withStore(io, 'hits decline', async (store: NodeStore) => {
        const h = await decideHit(store.deps, await whoFor(store, as), requireHitId(id), { decision: 'declined' });
        io.out(`declined; ${h.authority} is told (when the node runs)`);
      });
    });

  hits
    .command('check')
    .description('Check a case’s identifiers and people with every active peer (only blinded or keyed encodings leave the node)')
    .requiredOption('--case <ref>', 'the case (id or reference)')
    .option('--org <name>', 'the case’s organisation, when several use the same reference')
    .option('--as <email>', 'the user who asks (on the case team)')
    .option('--names-only', 'only people with a name and a date of birth')
    .option('--identifiers-only', 'only exact identifiers (IBAN, IMO, phone, e-mail, passport, wallet)')
    .action(async (opts: { case: string; org?: string; as?: string; namesOnly?: boolean; identifiersOnly?: boolean }) => {
      const as = requireAs(opts.as, 'hits check');
      if (opts.namesOnly && opts.identifiersOnly) throw new UsageError('--names-only and --identifiers-only exclude each other');
      const kinds = opts.namesOnly ? (['names'] as const) : opts.identifiersOnly ? (['identifiers'] as const) : (['identifiers', 'names'] as const);
      await withStore(io, 'hits check', async (store: NodeStore) => {
        const c = await findCaseByRef(store, opts.case, opts.org);
        const queries = await checkWithPeers(store.deps, await whoFor(store, as), c.id, undefined, kinds);
        io.out(`${queries.length === 1 ? '1 query' : `${queries.length} queries`} queued for ${c.reference}; sent when the node runs (see hits list)`);
      });
    });
}
