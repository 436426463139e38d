// evidence package | verify: the court package from the command line. `package` opens the node's
// store and builds the same package as the API, as the user named by --as (their permissions and
// the release policy apply, and the package names them). `verify` needs no node and no network: it
// checks a package file with the same verifier as the page shipped inside it.
import { createWriteStream, existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { Role } from '@comity/core';
import type { PackageReport } from '@comity/core/evidence/package-verify';
import type { Actor } from '@comity/server/deps';
import { buildCourtPackage, type PackageSubject } from '@comity/server/evidence/package/package-service';
import { packageDepsOf } from '@comity/server/evidence/package/package-deps';
import { verifyPackageFile } from '@comity/server/evidence/package/verify-node';
import type { Command } from 'commander';
import { CliFailure, type CliIo, UsageError } from '../cli-io.ts';
import { withStore } from './store.ts';

const KINDS = ['item', 'case', 'request'] as const;

export function describeReport(file: string, r: PackageReport): string {
  if (r.ok) {
    const p = r.package;
    return [
      `VERIFIED: ${file}`,
      p ? `  ${p.subject.kind} ${p.subject.reference ?? p.subject.id}${p.subject.title ? ` — ${p.subject.title}` : ''}, built ${p.createdAt} by ${p.createdBy.email}` : '',
      p ? `  signed by node ${p.node.nodeId} (${p.node.authority}, ${p.node.state}), key fingerprint ${p.node.signingKeyFingerprint}` : '',
      `  ${r.items.length} items, ${r.checked.files} files (${r.checked.bytes} bytes), ${r.checked.custodyEvents} custody events, ${r.checked.timestamps} timestamp tokens`,
    ]
      .filter(Boolean)
      .join('\n');
  }
  const n = r.problems.length;
  const lines = r.problems.map((p) => {
    const where = [p.path, p.itemId ? `item ${p.itemId}` : '', p.seq ? `event ${p.seq}` : ''].filter(Boolean).join(', ');
    return `  ${p.code}: ${p.message}${where ? ` [${where}]` : ''}`;
  });
  return `NOT VERIFIED: ${file}: ${n} ${n === 1 ? 'problem' : 'problems'}\n${lines.join('\n')}`;
}

export function registerEvidencePackageCommands(program: Command, io: CliIo): void {
  const evidence = program.commands.find((c) => c.name() === 'evidence') ?? program.command('evidence').description('Evidence items, their custody and court packages');

  evidence
    .command('verify')
    .description('Check a court package offline (hashes, custody chains, timestamp tokens, the manifest signature); exit 0 when all is good, 1 on any problem')
    .argument('<package.zip>', 'the package file')
    .option('--json', 'print the whole report as JSON: {ok, package, items, checked, problems: [{code, message, path, itemId, seq}]}')
    .action(async (file: string, opts: { json?: boolean }) => {
      if (!existsSync(file)) throw new CliFailure(`error: ${file}: no such file`);
      const report = await verifyPackageFile(file);
      if (opts.json) io.out(JSON.stringify(report, null, 2));
      if (!report.ok) throw new CliFailure(opts.json ? '' : describeReport(file, report));
      if (!opts.json) io.out(describeReport(file, report));
    });

  evidence
    .command('package')
    .description('Build the court package (ZIP) of an evidence item, a case or a request; records "exported" in each item\'s custody')
    .argument('<kind>', `what to package: ${KINDS.join(', ')}`)
    .argument('<id>', 'its id')
    .requiredOption('--as <email>', 'the user who builds the package (their permissions and the release policy apply; the package names them)')
    .option('-o, --out <file>', 'where to write the ZIP (default: the package\'s own name in the current folder)')
    .action(async (kind: string, id: string, opts: { as: string; out?: string }) => {
      if (!(KINDS as readonly string[]).includes(kind)) throw new UsageError(`<kind> is one of ${KINDS.join(', ')}, not "${kind}".`);
      const subject = { kind, id } as PackageSubject;
      await withStore(io, 'evidence package', async (store) => {
        const user = await store.deps.db.selectFrom('users').selectAll().where('email', '=', opts.as.trim().toLowerCase()).executeTakeFirst();
        if (!user || user.disabled) throw new CliFailure(`error: no active user ${opts.as} on this node`);
        const actor: Actor = { userId: user.id, email: user.email, role: user.role as Role, organisationId: user.organisation_id, mustChangePassword: false, via: 'token' };
        const deps = await packageDepsOf(store.deps, io.env);
        try {
          const built = await buildCourtPackage(deps, { actor, requestId: 'cli' }, subject);
          const out = opts.out ?? built.filename;
          const partial = `${out}.partial`;
          try {
            await pipeline(built.stream, createWriteStream(partial, { flags: 'wx' }));
            await rename(partial, out);
          } catch (err) {
            await rm(partial, { force: true });
            throw err;
          }
          io.out(`${out}: court package ${built.packageId}, ${built.manifest.items.length} items, manifest SHA-256 ${built.manifestSha256}`);
        } finally {
          await deps.pdf.close();
        }
      });
    });
}
