// evidence add | list | show: the evidence vault from the command line, through the same use cases
// as the API (streamed ingest with SHA-256 as the bytes arrive, custody, the release policy). They
// open the node's store as its operator, so while a PGlite node runs they refuse.
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { verifyCustodyChain } from '@comity/core/evidence/custody';
import type { NodeStore } from '@comity/server';
import { type EvidenceDeps, type EvidenceOwner, evidenceSettingsFromEnv, ingestEvidence, listCustody, listEvidence, markedRecordOfItem, presentItem, readEvidenceItem } from '@comity/server/evidence/evidence-service';
import { blobStoreFromEnv } from '@comity/server/storage/node-blob-store';
import { configFromEnv } from '@comity/server';
import type { Command } from 'commander';
import { CliFailure, type CliIo, UsageError } from '../cli-io.ts';
import { withStore } from './store.ts';

const CLI_WHO = { actor: null, requestId: 'cli' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function evidenceDeps(io: CliIo, store: NodeStore): EvidenceDeps {
  const config = configFromEnv(io.env);
  const d = store.deps;
  return {
    db: d.db,
    hasher: d.hasher,
    signer: d.signer,
    now: d.now,
    auditAnchor: d.auditAnchor,
    nodeId: d.keys.nodeId,
    blobs: blobStoreFromEnv(config.dataDir, io.env),
    settings: evidenceSettingsFromEnv(io.env),
    ingested: [],
    log: (m) => io.err(`evidence: ${m}`),
    verifierFor: (keyId) => (keyId === d.signer.keyId ? (t, s) => d.verifier.verify(t, s) : null),
  };
}

function ownerOf(opts: { case?: string; request?: string }): EvidenceOwner {
  if (Boolean(opts.case) === Boolean(opts.request)) throw new UsageError('give --case <id> or --request <id> (one of them)');
  const id = (opts.case ?? opts.request) as string;
  if (!UUID.test(id)) throw new UsageError(`"${id}" is not an id`);
  return opts.case ? { caseId: id } : { requestId: id };
}

export function registerEvidenceCommands(program: Command, io: CliIo): void {
  const evidence = program.command('evidence').description('Evidence items of cases and requests on this node');

  evidence
    .command('add')
    .description('Add a file as an evidence item (hashed while it is read, stored by content, custody started)')
    .argument('<file>', 'the file')
    .requiredOption('--title <title>', 'what the item is')
    .option('--case <id>', 'the case it belongs to')
    .option('--request <id>', 'the request it belongs to')
    .option('--description <text>', 'a description')
    .option('--json', 'print JSON (the API’s item)')
    .action(async (file: string, opts: { title: string; case?: string; request?: string; description?: string; json?: boolean }) => {
      const owner = ownerOf(opts);
      let size: number;
      try {
        const st = statSync(file);
        if (!st.isFile()) throw new Error('not a file');
        size = st.size;
      } catch {
        throw new CliFailure(`error: cannot read ${file}`);
      }
      await withStore(io, 'evidence add', async (store) => {
        const deps = evidenceDeps(io, store);
        if (size > deps.settings.maxBytes) throw new CliFailure(`error: ${file} is ${size} bytes; this node accepts at most ${deps.settings.maxBytes} (COMITY_EVIDENCE_MAX_BYTES)`);
        const item = await ingestEvidence(deps, CLI_WHO, {
          owner,
          title: opts.title,
          description: opts.description,
          source: { kind: 'uploaded' },
          filename: basename(file),
          body: createReadStream(file),
        });
        const view = presentItem(item, await markedRecordOfItem(deps, item));
        if (opts.json) io.out(JSON.stringify(view));
        else io.out(`${item.id}  ${view.mediaType}  ${view.size} bytes  sha256:${item.sha256}`);
      });
    });

  evidence
    .command('list')
    .description('List the evidence items of a case or a request')
    .option('--case <id>', 'the case')
    .option('--request <id>', 'the request')
    .option('--json', 'print JSON (the API’s list)')
    .action(async (opts: { case?: string; request?: string; json?: boolean }) => {
      const owner = ownerOf(opts);
      await withStore(io, 'evidence list', async (store) => {
        const deps = evidenceDeps(io, store);
        const items = (await listEvidence(deps, CLI_WHO, owner)).map((i) => presentItem(i.item, i.record));
        if (opts.json) {
          io.out(JSON.stringify({ items }));
          return;
        }
        if (items.length === 0) io.out('(no items)');
        for (const i of items) io.out(`${i.id}  ${i.sealed ? 'sealed ' : ''}${i.mediaType}  ${i.size}  ${i.sha256.slice(0, 16)}…  ${i.title}`);
      });
    });

  evidence
    .command('show')
    .description('Show one item with its hashes and checked custody log')
    .argument('<id>', 'the item id')
    .option('--json', 'print JSON ({ item, custody })')
    .action(async (id: string, opts: { json?: boolean }) => {
      if (!UUID.test(id)) throw new UsageError(`"${id}" is not an id`);
      await withStore(io, 'evidence show', async (store) => {
        const deps = evidenceDeps(io, store);
        const { item, record } = await readEvidenceItem(deps, CLI_WHO, id);
        const events = await listCustody(deps.db, item.id);
        const check = verifyCustodyChain(deps.hasher, deps.verifierFor, item.id, events, { seq: item.custody_seq, hash: item.custody_head });
        const view = presentItem(item, record);
        if (opts.json) {
          io.out(JSON.stringify({ item: view, custody: { events, verification: { ok: check.ok, problems: check.problems } } }));
        } else {
          io.out(`${view.title}\n  id        ${view.id}\n  type      ${view.mediaType}\n  size      ${view.size}\n  sha256    ${view.sha256}\n  sha512    ${view.sha512 ?? '(pending)'}\n  marking   TLP:${view.marking.tlp}${view.sealed ? '\n  sealed    yes' : ''}`);
          io.out('custody:');
          for (const e of events) io.out(`  ${e.seq}. ${e.at}  ${e.kind}  ${e.actorEmail ?? '(node)'}`);
          io.out(check.ok ? 'custody log: verified' : `custody log: ${check.problems.length} problem(s)`);
        }
        if (!check.ok) throw new CliFailure(check.problems.map((p) => `error: ${p.reason}`).join('\n'));
      });
    });
}
