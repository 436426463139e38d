// comity evidence capture <url…> --request <id|reference> | --case <id>: web capture from the
// command line, through the same use case as the API (the SSRF rules and the administrator's
// allowlist, then Chromium, then five evidence items per page through the vault). It opens the
// node's store, so while a PGlite node runs it refuses; the pages are captured here, one after the
// other, with a line per URL as each finishes. Without --as the node's operator captures (no user
// is named as the capturer); with --as the user's permissions and organisation apply.
import { MAX_CAPTURE_URLS } from '@comity/contract/evidence-capture';
import { type Role, ValidationError } from '@comity/core';
import { findUserByEmail } from '@comity/db';
import { findRequest } from '@comity/db/repos/requests-repo';
import { configFromEnv, type NodeStore } from '@comity/server';
import type { Actor } from '@comity/server/deps';
import { captureSettingsFromEnv } from '@comity/server/evidence/capture/capture-capability';
import { chromiumCapturer } from '@comity/server/evidence/capture/capture-page';
import { type CaptureDeps, readAllowlist, runCaptureUrl, startCapture } from '@comity/server/evidence/capture/capture-service';
import { type EvidenceDeps, ingestEvidence } from '@comity/server/evidence/evidence-service';
import { VERSION } from '@comity/server/node-store';
import type { Command } from 'commander';
import { CliFailure, type CliIo, UsageError } from '../cli-io.ts';
import { evidenceDeps } from './evidence-commands.ts';
import { withStore } from './store.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function requestIdOf(store: NodeStore, ref: string): Promise<string> {
  if (UUID.test(ref)) {
    if (!(await findRequest(store.deps.db, ref))) throw new CliFailure(`error: no request with id ${ref}`);
    return ref;
  }
  const rows = await store.deps.db.selectFrom('requests').select('id').where('reference', '=', ref.toUpperCase()).execute();
  if (rows.length === 0) throw new CliFailure(`error: no request with reference ${ref}`);
  if (rows.length > 1) throw new CliFailure(`error: ${rows.length} requests have the reference ${ref}; give the id`);
  return (rows[0] as { id: string }).id;
}

async function actorFor(store: NodeStore, email: string | undefined): Promise<Actor | null> {
  if (!email) return null;
  const u = await findUserByEmail(store.deps.db, email);
  if (!u || u.disabled) throw new CliFailure(`error: no active user ${email}`);
  return { userId: u.id, email: u.email, role: u.role as Role, organisationId: u.organisation_id, mustChangePassword: false, via: 'token' };
}

/** Adds `capture` to the `evidence` command group. */
export function registerEvidenceCaptureCommand(evidence: Command, io: CliIo): void {
  evidence
    .command('capture')
    .description('Capture web pages as evidence (screenshot, PDF, HTML, WACZ, capture record) for a request or a case')
    .argument('<url...>', `http(s) addresses, at most ${MAX_CAPTURE_URLS}`)
    .option('--request <id|reference>', 'the request the captures belong to')
    .option('--case <id>', 'the case the captures belong to')
    .option('--as <email>', 'capture as this user (their permissions apply); default: the node operator')
    .option('--json', 'print the capture as JSON (as GET /api/v1/evidence/captures/{id})')
    .action(async (urls: string[], opts: { request?: string; case?: string; as?: string; json?: boolean }) => {
      if ((opts.request === undefined) === (opts.case === undefined)) throw new UsageError('give exactly one of --request and --case');
      if (opts.case !== undefined && !UUID.test(opts.case)) throw new UsageError('--case takes the case id (a UUID)');
      if (urls.length > MAX_CAPTURE_URLS) throw new UsageError(`at most ${MAX_CAPTURE_URLS} addresses at a time`);
      const settings = captureSettingsFromEnv(io.env);
      const config = configFromEnv(io.env);
      await withStore(io, 'evidence capture', async (store) => {
        const actor = await actorFor(store, opts.as);
        const owner = opts.case ? { caseId: opts.case } : { requestId: await requestIdOf(store, opts.request as string) };
        const capturer = chromiumCapturer(settings.chromiumPath, VERSION);
        const log = (msg: string, err?: unknown) => io.err(`capture: ${msg}${err ? `: ${(err as Error).message}` : ''}`);
        // The same evidence dependencies as `comity evidence add`, with this command's log.
        const evidence: EvidenceDeps = { ...evidenceDeps(io, store), log };
        const queued: string[] = [];
        const deps: CaptureDeps = {
          ...store.deps,
          version: VERSION,
          nodeId: store.keys.nodeId,
          capturer,
          settings: { timeoutMs: settings.timeoutMs },
          log,
          ingest: (who, input) => ingestEvidence(evidence, who, input),
          async enqueue(urlId) {
            queued.push(urlId);
          },
        };
        try {
          const who = { actor, requestId: 'cli' };
          let capture: Awaited<ReturnType<typeof startCapture>>;
          try {
            capture = await startCapture(deps, who, { ...owner, urls });
          } catch (err) {
            if (err instanceof ValidationError && err.code === 'capture_refused') {
              const refused = (err.details?.refused ?? []) as { url: string; message: string }[];
              throw new CliFailure(`error: refused, nothing was captured:\n${refused.map((r) => `  ${r.url}: ${r.message}`).join('\n')}`);
            }
            throw err;
          }
          const allowed = await readAllowlist(store.deps.db);
          if (!opts.json && allowed.length) io.err(`note: hosts the administrator allowlisted: ${allowed.join(', ')}`);
          for (const urlId of queued) {
            await runCaptureUrl(deps, urlId);
            const row = await store.deps.db.selectFrom('evidence_capture_urls').selectAll().where('id', '=', urlId).executeTakeFirstOrThrow();
            if (opts.json) continue;
            if (row.status === 'captured') {
              const items = row.items as { kind: string; itemId: string }[];
              io.out(`captured  ${row.url}  HTTP ${row.http_status}${row.final_url && row.final_url !== row.url ? ` → ${row.final_url}` : ''}`);
              for (const i of items) io.out(`          ${i.kind.padEnd(10)} ${i.itemId}`);
            } else io.out(`failed    ${row.url}  ${row.reason}: ${row.message}`);
          }
          const rows = await store.deps.db.selectFrom('evidence_capture_urls').selectAll().where('capture_id', '=', capture.id).orderBy('position').execute();
          const failed = rows.filter((r) => r.status === 'failed').length;
          if (opts.json) {
            io.out(
              JSON.stringify({
                id: capture.id,
                urls: rows.map((r) => ({ url: r.url, status: r.status, reason: r.reason, message: r.message, finalUrl: r.final_url, httpStatus: r.http_status, items: r.items })),
              }),
            );
          } else io.out(`capture ${capture.id}: ${rows.length - failed} captured, ${failed} failed`);
          if (failed > 0) throw new CliFailure(`error: ${failed} of ${rows.length} addresses could not be captured`);
        } finally {
          await capturer.close();
        }
      });
    });
}
