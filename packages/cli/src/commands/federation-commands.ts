// node card | node rotate-keys | peer add | peer list | peer suspend | peer resume | peer revoke |
// message retry | message skip.
// They work on the stopped node's store (like `user create`); the running node offers the same
// through its API (/federation/v1/card, /api/v1/peers).
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { SignedNodeCard } from '@comity/contract/federation';
import { type NodeStore, configFromEnv } from '@comity/server';
import { rawKeyFingerprint } from '@comity/server/federation/envelope-crypto';
import { federationSettings } from '@comity/server/federation/federation-config';
import { rotateNodeKeys } from '@comity/server/federation/key-rotation';
import { ownSignedCard } from '@comity/server/federation/node-card-service';
import { retryMessage, skipMessage } from '@comity/server/federation/outbox-service';
import { addPeer, changePeerStatus, listPeerViews, previewCard } from '@comity/server/federation/peers-service';
import { type FederationRuntime, createRuntime } from '@comity/server/federation/runtime';
import type { Command } from 'commander';
import { CliFailure, type CliIo, UsageError, processIo } from '../cli-io.ts';
import { withStore } from './store.ts';

const CLI_WHO = { actor: null, requestId: 'cli' };

function runtimeFor(io: CliIo, store: NodeStore): FederationRuntime {
  const config = configFromEnv(io.env);
  return createRuntime({ ...store.deps, config }, federationSettings(config.federation, io.env));
}

/** Asks a yes/no question on the terminal, or reads the answer from standard input when piped. */
async function confirm(io: CliIo, question: string): Promise<boolean> {
  let answer: string;
  if (io === processIo && process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
      answer = await rl.question(`${question} [y/N] `);
    } finally {
      rl.close();
    }
  } else {
    io.out(`${question} [y/N]`);
    answer = (await io.readStdin().catch(() => '')).split(/\r?\n/)[0] ?? '';
  }
  return /^(y|yes|o|oui|j|ja|s|si|sí)$/i.test(answer.trim());
}

function readCardFile(path: string): SignedNodeCard {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CliFailure(`error: ${path} is not JSON; expected the output of \`comity node card\` on the peer.`);
  }
  const parsed = SignedNodeCard.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliFailure(`error: ${path} is not a signed node card (${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}).`);
  }
  return parsed.data;
}

export function registerFederationCommands(program: Command, io: CliIo): void {
  const node = program.commands.find((c) => c.name() === 'node') ?? program.command('node').description('This node: identity and keys');

  node
    .command('card')
    .description('Print this node’s signed card (JSON) for the operators of peer nodes; the fingerprint goes to stderr')
    .option('--url <node-url>', 'fetch the card from a running node instead of opening the store')
    .action(async (opts: { url?: string }) => {
      let card: SignedNodeCard;
      if (opts.url) {
        const res = await fetch(`${opts.url.replace(/\/+$/, '')}/federation/v1/card`).catch((err: Error) => {
          throw new CliFailure(`error: cannot reach ${opts.url}: ${err.message}`);
        });
        if (!res.ok) throw new CliFailure(`error: ${opts.url} answered ${res.status}`);
        card = SignedNodeCard.parse(await res.json());
      } else {
        card = await withStore(io, 'node card', async (store) => {
          const config = configFromEnv(io.env);
          return ownSignedCard({ ...store.deps, config }, federationSettings(config.federation, io.env));
        });
      }
      io.out(JSON.stringify(card, null, 2));
      io.err(
        [
          `Node ${card.card.nodeId}: ${card.card.authority.name} (${card.card.authority.state}, ${card.card.authority.kind}) at ${card.card.endpoint}`,
          `Signing-key fingerprint: ${rawKeyFingerprint(card.card.keys.signing.publicKey)}`,
          'Read the fingerprint to the peer’s operator by phone or in person; they confirm it when importing the card.',
        ].join('\n'),
      );
    });

  node
    .command('rotate-keys')
    .description('Replace the node’s signing and encryption keys (node stopped); peers are sent the new card, endorsed by the old key')
    .option('--yes', 'do not ask for confirmation')
    .action(async (opts: { yes?: boolean }) => {
      if (!opts.yes && !(await confirm(io, 'Replace this node’s keys? Peers follow automatically once the node runs again.'))) {
        throw new CliFailure('Nothing changed.');
      }
      const config = configFromEnv(io.env);
      const report = await withStore(io, 'node rotate-keys', (store) => rotateNodeKeys(store, config, io.env));
      io.out(
        [
          `Rotated the keys of ${report.nodeId}.`,
          `Signing key (Ed25519):   ${report.before.signing}  →  ${report.after.signing}`,
          `Encryption key (X25519): ${report.before.encryption}  →  ${report.after.encryption}`,
          report.announcedTo
            ? `The new card is queued for ${report.announcedTo} peer(s); it is sent when the node starts.`
            : 'No peers to tell (or the card could not be built yet).',
        ].join('\n'),
      );
    });

  const peer = program.command('peer').description('Peer nodes this node trusts');

  peer
    .command('add')
    .description('Trust a peer node: import its card after confirming its fingerprint with its operator')
    .argument('<card.json>', 'the file the peer’s `comity node card` printed')
    .option('--yes', 'the fingerprint was confirmed; do not ask')
    .option('--fingerprint <fp>', 'the fingerprint as read out by the peer’s operator (checked against the card)')
    .action(async (path: string, opts: { yes?: boolean; fingerprint?: string }) => {
      const card = readCardFile(path);
      await withStore(io, 'peer add', async (store) => {
        const runtime = runtimeFor(io, store);
        const preview = await previewCard(runtime, card);
        io.out(
          [
            `Node:          ${preview.nodeId}${preview.currentStatus ? ` (already known here, ${preview.currentStatus})` : ''}`,
            `Authority:     ${preview.authority.name} — ${preview.authority.state}, ${preview.authority.kind}`,
            `Endpoint:      ${preview.endpoint}`,
            `Valid until:   ${preview.validUntil}`,
            `Fingerprint:   ${preview.signingFingerprint}`,
          ].join('\n'),
        );
        if (preview.assessment === 'rotation') io.out('This card replaces the node’s keys and is endorsed by the key trusted here.');
        let confirmed = opts.yes === true;
        if (!confirmed && opts.fingerprint === undefined && preview.assessment === 'new') {
          confirmed = await confirm(io, 'Does this fingerprint match the one the peer’s operator read to you?');
          if (!confirmed) throw new CliFailure('Not trusted. Confirm the fingerprint with the peer’s operator first.');
        }
        const { peer: added, assessment } = await addPeer(runtime, CLI_WHO, {
          card,
          confirmFingerprint: opts.fingerprint,
          confirmed: confirmed || preview.assessment !== 'new',
        });
        io.out(
          assessment === 'new'
            ? `Trusted ${added.authority_name} (${added.node_id}).`
            : `Updated ${added.authority_name} (${added.node_id}): ${assessment === 'rotation' ? 'new keys' : 'refreshed card'}.`,
        );
      });
    });

  peer
    .command('list')
    .description('List peers with their status and queued messages')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withStore(io, 'peer list', async (store) => {
        const peers = await listPeerViews(store.deps.db, store.deps.now());
        if (opts.json) {
          io.out(JSON.stringify(peers));
          return;
        }
        if (peers.length === 0) {
          io.out('No peers. Import one with `comity peer add <card.json>`.');
          return;
        }
        for (const p of peers) {
          io.out(
            `${p.nodeId}  ${(p.expired && p.status !== 'revoked' ? `${p.status}, card expired ${p.validUntil.slice(0, 10)}` : p.status).padEnd(9)}  ${p.authority.state}  ${p.authority.name} (${p.authority.kind})  ${p.endpoint}  ` +
              `pending ${p.outbox.pending}, failed ${p.outbox.failed}${p.statusReason ? `  — ${p.statusReason}` : ''}`,
          );
        }
      });
    });

  for (const action of ['suspend', 'resume', 'revoke'] as const) {
    peer
      .command(action)
      .description(
        action === 'suspend'
          ? 'Suspend a peer: refuse its messages and send it nothing until resumed'
          : action === 'resume'
            ? 'Resume a suspended peer'
            : 'Revoke a peer for good: refuse its messages; queued messages to it fail',
      )
      .argument('<node-id>', 'the peer’s node id (see `comity peer list`)')
      .requiredOption('--reason <text>', 'why (recorded in the audit trail)')
      .action(async (nodeId: string, opts: { reason: string }) => {
        await withStore(io, `peer ${action}`, async (store) => {
          const updated = await changePeerStatus(runtimeFor(io, store), CLI_WHO, nodeId, action, opts.reason);
          io.out(`${updated.authority_name} (${updated.node_id}) is now ${updated.status}.`);
        });
      });
  }

  // A message a peer refused for good holds its conversation until it is sent again or skipped.
  const message = program.command('message').description('Messages to peer nodes');
  message
    .command('retry')
    .description('Send a failed message again (with the failed messages after it in its conversation)')
    .argument('<message-id>', 'the message id (see GET /api/v1/federation/messages?state=failed)')
    .action(async (messageId: string) => {
      await withStore(io, 'message retry', async (store) => {
        const n = await retryMessage(runtimeFor(io, store), CLI_WHO, messageId);
        io.out(`${n} message(s) queued again; the node sends them when it runs.`);
      });
    });
  message
    .command('skip')
    .description('Give up a failed message so that its conversation goes on (the peer sees a gap)')
    .argument('<message-id>', 'the message id')
    .requiredOption('--reason <text>', 'why (recorded in the audit trail)')
    .action(async (messageId: string, opts: { reason: string }) => {
      await withStore(io, 'message skip', async (store) => {
        const n = await skipMessage(runtimeFor(io, store), CLI_WHO, messageId, opts.reason);
        io.out(`Skipped ${messageId}; ${n} message(s) behind it queued again.`);
      });
    });
}
