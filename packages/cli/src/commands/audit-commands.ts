// audit verify (the stored log, or an exported range offline), proof, consistency, receipt, export.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { type AuditExport, type ExportVerification, verifyAuditExport } from '@comity/core';
import {
  buildAuditExport,
  collectWitnessed,
  consistencyProof,
  inclusionProof,
  sha256Bytes,
  sha256Hasher,
  storedReceiptProof,
  verifierForRawHex,
  verifyTrail,
} from '@comity/server';
import type { Command } from 'commander';
import { CliFailure, type CliIo } from '../cli-io.ts';
import { withStore } from './store.ts';

/** The fingerprint people compare: SHA-256 of the raw public key, ten groups of four hex digits. */
function fingerprintOfHex(publicKeyHex: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyHex, 'hex')).digest('hex').slice(0, 40).match(/.{4}/g)!.join(' ');
}

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]{0,15}$/.test(value)) throw new CliFailure(`${name} must be a positive whole number, got "${value}"`);
  return Number(value);
}

function verifyExportFile(io: CliIo, path: string, opts: { json?: boolean; key?: string }): void {
  let exp: AuditExport;
  try {
    exp = JSON.parse(readFileSync(path, 'utf8')) as AuditExport;
  } catch (err) {
    throw new CliFailure(`Cannot read the export ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let result: ExportVerification;
  try {
    result = verifyAuditExport(sha256Bytes, sha256Hasher, exp, verifierForRawHex);
  } catch (err) {
    throw new CliFailure(`${path} is not an audit export: ${err instanceof Error ? err.message : String(err)}`);
  }
  const fingerprint = exp.logKey?.publicKey ? fingerprintOfHex(exp.logKey.publicKey) : '';
  if (opts.key && opts.key.replace(/\s/g, '').toLowerCase() !== fingerprint.replace(/\s/g, '')) {
    result.problems.unshift({ seq: 0, kind: 'checkpoint_invalid', reason: `the log key's fingerprint is ${fingerprint}, not the expected ${opts.key}` });
    result.ok = false;
  }
  if (opts.json) {
    io.out(JSON.stringify({ ...result, keyFingerprint: fingerprint }));
    if (!result.ok) throw new CliFailure('', 1);
    return;
  }
  if (result.ok) {
    const witnesses = result.cosignedBy.length ? `, co-signed by ${result.cosignedBy.join(', ')}` : ', not co-signed by any peer';
    io.out(`OK: ${result.entries} audit entries of ${result.origin}, each included in the signed checkpoint of tree size ${result.treeSize}${witnesses}.`);
    io.out(`Log key fingerprint: ${fingerprint} (compare it with the node's signing key fingerprint).`);
    return;
  }
  const lines = result.problems.map((p) => `  ${p.seq ? `entry ${p.seq}` : 'export'}: ${p.kind}: ${p.reason}`);
  throw new CliFailure(`BROKEN: ${result.problems.length} ${result.problems.length === 1 ? 'problem' : 'problems'} in ${path}:\n${lines.join('\n')}`);
}

export function registerAuditCommands(program: Command, io: CliIo): void {
  const audit = program.command('audit').description('The verifiable audit log');
  audit
    .command('verify')
    .description('Check every entry, the Merkle tree, every signed checkpoint and the anchor kept outside the database (or, with --export, an exported range offline); exit 0 when intact, 1 otherwise')
    .option('--json', 'print {"ok":true,"entries":N}, or with ok false also firstBroken, reason and problems: [{seq, kind, reason}]')
    .option('--export <file>', 'verify an exported range offline (no node, no database needed)')
    .option('--key <fingerprint>', "with --export: require the log key to have this fingerprint (the node's signing key fingerprint)")
    .option('--peers', 'also ask every active peer for the checkpoints it witnessed of this node (catches a log emptied, cut or rewritten and re-signed)')
    .action(async (opts: { json?: boolean; export?: string; key?: string; peers?: boolean }) => {
      if (opts.export) return verifyExportFile(io, opts.export, opts);
      const result = await withStore(io, 'audit verify', async (store) => {
        const witnessed = opts.peers ? await collectWitnessed(store.deps) : { heads: [], unreachable: [] };
        if (witnessed.unreachable.length) io.err(`Peers not reached: ${witnessed.unreachable.join(', ')}`);
        return verifyTrail({ ...store.deps }, witnessed.heads);
      });
      if (opts.json) {
        const out = result.ok
          ? { ok: true, entries: result.entries }
          : { ok: false, entries: result.entries, firstBroken: result.firstBroken, reason: result.reason, problems: result.problems };
        io.out(JSON.stringify(out));
        if (!result.ok) throw new CliFailure('', 1);
        return;
      }
      if (result.ok) {
        io.out(`OK: ${result.entries} audit entries; entries, Merkle tree and signed checkpoints verified.`);
        return;
      }
      const n = result.problems.length;
      const lines = result.problems.map((p) => `  entry ${p.seq}: ${p.kind}: ${p.reason}`);
      throw new CliFailure(`BROKEN: ${n} ${n === 1 ? 'problem' : 'problems'} in ${result.entries} audit entries (first at entry ${result.firstBroken}):\n${lines.join('\n')}`);
    });
  audit
    .command('proof')
    .description("Print an entry's inclusion proof (RFC 9162) against a signed checkpoint, as JSON")
    .requiredOption('--seq <n>', 'the audit entry')
    .option('--size <n>', 'the tree size of a signed checkpoint (default: the latest)')
    .action(async (opts: { seq: string; size?: string }) => {
      const q = { seq: positiveInt('--seq', opts.seq)!, size: positiveInt('--size', opts.size) };
      io.out(JSON.stringify(await withStore(io, 'audit proof', (store) => inclusionProof(store.deps.db, q)), null, 2));
    });
  audit
    .command('consistency')
    .description('Print the consistency proof (RFC 9162) between two signed checkpoints, as JSON')
    .requiredOption('--from <size>', 'tree size of the earlier checkpoint')
    .option('--to <size>', 'tree size of the later checkpoint (default: the latest)')
    .action(async (opts: { from: string; to?: string }) => {
      const q = { from: positiveInt('--from', opts.from)!, to: positiveInt('--to', opts.to) };
      io.out(JSON.stringify(await withStore(io, 'audit consistency', (store) => consistencyProof(store.deps.db, q)), null, 2));
    });
  audit
    .command('receipt')
    .description("Show the receipt of a message this node sent, with the receiver's audit inclusion proof, checked again against the receiver's signed checkpoint; exit 0 when it holds, 1 otherwise")
    .argument('<message-id>', 'the message id (GET /api/v1/federation/messages lists them)')
    .option('--json', 'print the receipt, the proof and the check as JSON')
    .action(async (messageId: string, opts: { json?: boolean }) => {
      const shown = await withStore(io, 'audit receipt', (store) => storedReceiptProof(store.deps, messageId));
      if (opts.json) {
        io.out(JSON.stringify(shown, null, 2));
        if (!shown.verified) throw new CliFailure('', 1);
        return;
      }
      if (shown.verified && shown.proof) {
        io.out(`OK: ${shown.peer} logged message ${messageId} as its audit entry ${shown.proof.seq}, leaf ${shown.proof.leafIndex} of its signed checkpoint of tree size ${shown.proof.treeSize}.`);
        return;
      }
      const lines = shown.problems.map((p) => `  ${p}`);
      throw new CliFailure(`NOT PROVEN: the receipt of message ${messageId} from ${shown.peer}:\n${lines.join('\n')}`);
    });
  audit
    .command('export')
    .description('Write a range of the audit log, with proofs and co-signed checkpoints, to a file that `comity audit verify --export` checks on another machine')
    .requiredOption('--out <file>', 'where to write the export (JSON)')
    .option('--from-seq <n>', 'first entry (default: the first)')
    .option('--to-seq <n>', 'last entry (default: the last sequenced)')
    .action(async (opts: { out: string; fromSeq?: string; toSeq?: string }) => {
      const range = { fromSeq: positiveInt('--from-seq', opts.fromSeq), toSeq: positiveInt('--to-seq', opts.toSeq) };
      const exp = await withStore(io, 'audit export', (store) => buildAuditExport(store.deps, range));
      writeFileSync(opts.out, `${JSON.stringify(exp, null, 1)}\n`, { mode: 0o600 });
      io.out(`Exported ${exp.entries.length} audit entries to ${opts.out} (signed checkpoint of tree size ${exp.checkpoint.split('\n')[1]}).`);
      io.out(`Log key fingerprint: ${fingerprintOfHex(exp.logKey.publicKey)}`);
    });
}
