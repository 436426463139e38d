// Captures as a background job (issue 12, part 2): a user gives a list of URLs for a case or a
// request; each URL is checked (form and addresses) when it is submitted, stored as `queued`, and
// captured by a job on the node's queue (pg-boss), one job per URL, so one slow or failing page
// does not hold up the others and a failed one can be retried on its own. A captured page becomes
// five evidence items through the vault's `ingestEvidence` (screenshot, PDF, HTML, WACZ, metadata
// JSON); the URL row keeps their ids. Every change of a URL's state is audited, and a `capture`
// live event tells the capturing user's browsers to read the capture again.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { CaptureView } from '@comity/contract/evidence-capture';
import { assertCan, canSeeOrganisation, ConflictError, ForbiddenError, NotFoundError, type Role, ValidationError } from '@comity/core';
import { type Database, findUser, getSetting, putSetting } from '@comity/db';
import { findRequest } from '@comity/db/repos/requests-repo';
import type { Kysely, Selectable } from 'kysely';
import { assertCaseMember, readCase } from '../../cases/case-service.ts';
import { type Actor, type AppDeps, auditedTransaction } from '../../deps.ts';
import { queueLiveEvent } from '../../events/live-events.ts';
import { enforce, type PolicyWho } from '../../policy/policy-service.ts';
import { CaptureFailedError, type CaptureResult, type Capturer } from './capture-page.ts';
import { CaptureRefusedError, checkUrl, normaliseAllowHost, type SsrfPolicy } from './ssrf.ts';

export const CAPTURE_QUEUE = 'evidence.capture';
const ALLOWLIST_KEY = 'captureAllowHosts';

type CaptureRow = Selectable<Database['evidence_captures']>;
type UrlRow = Selectable<Database['evidence_capture_urls']>;
export type CaptureOwner = { caseId: string } | { requestId: string };
export type CaptureItemKind = 'screenshot' | 'pdf' | 'html' | 'wacz' | 'metadata';

/** What the vault's ingestEvidence takes, as far as a capture uses it. */
export interface CaptureIngestInput {
  owner: CaptureOwner;
  title: string;
  description?: string;
  source: { kind: 'captured'; url: string; [k: string]: unknown };
  filename?: string;
  mediaTypeHint?: string;
  body: Readable;
}

export type CaptureDeps = Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now' | 'version'> &
  Partial<Pick<AppDeps, 'auditAnchor'>> & {
    nodeId: string;
    capturer: Capturer;
    /** Stores one file as an evidence item (the vault's `ingestEvidence`); returns its id. */
    ingest(who: PolicyWho, input: CaptureIngestInput): Promise<{ id: string }>;
    /** Queues the capture of one URL row. */
    enqueue(urlId: string): Promise<void>;
    settings: { timeoutMs: number; lookup?: SsrfPolicy['lookup'] };
    log(message: string, err?: unknown): void;
  };

// ---- allowlist (administrator setting) ----

export async function readAllowlist(db: Kysely<Database>): Promise<string[]> {
  return (await getSetting<string[]>(db, ALLOWLIST_KEY)) ?? [];
}

export async function writeAllowlist(deps: CaptureDeps | Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now'>, who: PolicyWho, hosts: string[]): Promise<string[]> {
  if (!who.actor) throw new ForbiddenError('forbidden', 'Only an administrator changes the capture allowlist.');
  assertCan(who.actor.role, 'settings:manage');
  const clean: string[] = [];
  for (const h of hosts) {
    const n = normaliseAllowHost(h);
    if (!n) throw new ValidationError('invalid_host', `"${h}" is not a host name or IP address (write it without scheme, port or path).`, { host: h });
    if (!clean.includes(n)) clean.push(n);
  }
  await auditedTransaction(deps, { actor: who.actor, requestId: who.requestId }, async (trx, audit) => {
    const before = await readAllowlist(trx);
    await putSetting(trx, ALLOWLIST_KEY, clean);
    audit('settings.update', `settings:${ALLOWLIST_KEY}`, { before, after: clean });
  });
  return clean;
}

async function policyOf(deps: CaptureDeps): Promise<SsrfPolicy> {
  return { allowHosts: await readAllowlist(deps.db), ...(deps.settings.lookup ? { lookup: deps.settings.lookup } : {}) };
}

// ---- owner access ----

function requireActor(who: PolicyWho): Actor {
  if (!who.actor) throw new ForbiddenError('forbidden', 'A user starts captures.');
  return who.actor;
}

/** The owner's organisation, if the caller may read it (404 otherwise). With `add`, may also add items to it. */
async function ownerAccess(deps: CaptureDeps, who: PolicyWho, owner: { caseId: string | null; requestId: string | null }, add: boolean): Promise<string> {
  if (owner.caseId) {
    const row = add ? (await assertCaseMember(deps, who, owner.caseId, 'link')).row : await readCase(deps, who, owner.caseId);
    return row.organisation_id;
  }
  const row = owner.requestId ? await findRequest(deps.db, owner.requestId) : undefined;
  if (!row || (who.actor && !canSeeOrganisation(who.actor, row.organisation_id))) throw new NotFoundError('not_found', 'No such request.');
  await enforce(deps, who, row, { kind: 'read' });
  return row.organisation_id;
}

// ---- views ----

function iso(d: Date | string | null): string | null {
  return d === null ? null : new Date(d).toISOString();
}

function urlView(u: UrlRow): CaptureView['urls'][number] {
  return {
    id: u.id,
    position: u.position,
    url: u.url,
    status: u.status,
    reason: u.reason,
    message: u.message,
    attempts: u.attempts,
    finalUrl: u.final_url,
    httpStatus: u.http_status,
    items: (u.items ?? []) as CaptureView['urls'][number]['items'],
    startedAt: iso(u.started_at),
    finishedAt: iso(u.finished_at),
  };
}

function captureView(c: CaptureRow, urls: UrlRow[]): CaptureView {
  const counts = { queued: 0, running: 0, captured: 0, failed: 0 };
  for (const u of urls) counts[u.status]++;
  return {
    id: c.id,
    caseId: c.case_id,
    requestId: c.request_id,
    createdBy: c.created_by,
    createdAt: new Date(c.created_at).toISOString(),
    counts,
    done: counts.queued === 0 && counts.running === 0,
    urls: urls.map(urlView),
  };
}

async function urlsOf(db: Kysely<Database>, captureId: string): Promise<UrlRow[]> {
  return db.selectFrom('evidence_capture_urls').selectAll().where('capture_id', '=', captureId).orderBy('position').execute();
}

function liveEvent(trx: Kysely<Database>, c: CaptureRow): void {
  queueLiveEvent(trx, { kind: 'capture', captureId: c.id, userIds: c.created_by ? [c.created_by] : [] });
}

// ---- use cases ----

/**
 * Checks every URL (form, then the addresses its host resolves to; a host that does not resolve
 * now is queued and fails in the job with its reason, since DNS trouble may pass), stores the
 * capture with its URLs as `queued`, and queues one job per URL.
 */
export async function startCapture(deps: CaptureDeps, who: PolicyWho, body: { caseId?: string | undefined; requestId?: string | undefined; urls: string[] }): Promise<CaptureView> {
  const actor = requireActor(who);
  assertCan(actor.role, 'evidence:add');
  const owner = { caseId: body.caseId ?? null, requestId: body.requestId ?? null };
  const organisationId = await ownerAccess(deps, who, owner, true);
  if (actor.organisationId !== organisationId) throw new NotFoundError('not_found', 'No such case or request.');
  const policy = await policyOf(deps);
  const refused: { url: string; reason: string; message: string }[] = [];
  const urls: string[] = [];
  for (const raw of body.urls) {
    try {
      urls.push((await checkUrl(policy, raw)).href);
    } catch (err) {
      if (err instanceof CaptureRefusedError && err.reason === 'host_not_found') urls.push(raw);
      else if (err instanceof CaptureRefusedError) refused.push({ url: raw, reason: err.reason, message: err.message });
      else throw err;
    }
  }
  if (refused.length) {
    throw new ValidationError('capture_refused', refused.map((r) => `${r.url}: ${r.message}`).join(' '), { refused });
  }
  const id = randomUUID();
  const now = deps.now();
  const rows = urls.map((url, position) => ({ id: randomUUID(), capture_id: id, position, url, status: 'queued' as const, items: '[]', updated_at: now }));
  const capture = await auditedTransaction(deps, { actor, requestId: who.requestId, organisationId }, async (trx, audit) => {
    await trx.insertInto('evidence_captures').values({ id, organisation_id: organisationId, case_id: owner.caseId, request_id: owner.requestId, created_by: actor.userId, created_at: now, updated_at: now }).execute();
    await trx.insertInto('evidence_capture_urls').values(rows).execute();
    audit('evidence.capture.start', `capture:${id}`, { owner: owner.caseId ? { caseId: owner.caseId } : { requestId: owner.requestId }, urls });
    const c = await trx.selectFrom('evidence_captures').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    liveEvent(trx, c);
    return c;
  });
  for (const r of rows) await deps.enqueue(r.id);
  return captureView(capture, await urlsOf(deps.db, id));
}

/** The capture with its URLs, if the caller may read its case or request (404 otherwise). */
export async function readCapture(deps: CaptureDeps, who: PolicyWho, captureId: string): Promise<CaptureView> {
  const actor = requireActor(who);
  assertCan(actor.role, 'evidence:read');
  const c = await deps.db.selectFrom('evidence_captures').selectAll().where('id', '=', captureId).executeTakeFirst();
  if (!c || !canSeeOrganisation(actor, c.organisation_id)) throw new NotFoundError('not_found', 'No such capture.');
  await ownerAccess(deps, who, { caseId: c.case_id, requestId: c.request_id }, false);
  return captureView(c, await urlsOf(deps.db, c.id));
}

export async function listCaptures(deps: CaptureDeps, who: PolicyWho, owner: { caseId?: string | undefined; requestId?: string | undefined }): Promise<CaptureView[]> {
  const actor = requireActor(who);
  assertCan(actor.role, 'evidence:read');
  const o = { caseId: owner.caseId ?? null, requestId: owner.requestId ?? null };
  await ownerAccess(deps, who, o, false);
  let q = deps.db.selectFrom('evidence_captures').selectAll();
  q = o.caseId ? q.where('case_id', '=', o.caseId) : q.where('request_id', '=', o.requestId as string);
  const captures = await q.orderBy('created_at', 'desc').limit(50).execute();
  const out: CaptureView[] = [];
  for (const c of captures) out.push(captureView(c, await urlsOf(deps.db, c.id)));
  return out;
}

/** Queues a failed URL again. */
export async function retryCaptureUrl(deps: CaptureDeps, who: PolicyWho, captureId: string, urlId: string): Promise<CaptureView> {
  const actor = requireActor(who);
  assertCan(actor.role, 'evidence:add');
  const c = await deps.db.selectFrom('evidence_captures').selectAll().where('id', '=', captureId).executeTakeFirst();
  if (!c || !canSeeOrganisation(actor, c.organisation_id)) throw new NotFoundError('not_found', 'No such capture.');
  await ownerAccess(deps, who, { caseId: c.case_id, requestId: c.request_id }, true);
  await auditedTransaction(deps, { actor, requestId: who.requestId, organisationId: c.organisation_id }, async (trx, audit) => {
    const u = await trx.selectFrom('evidence_capture_urls').selectAll().where('id', '=', urlId).where('capture_id', '=', captureId).forUpdate().executeTakeFirst();
    if (!u) throw new NotFoundError('not_found', 'No such URL in this capture.');
    if (u.status !== 'failed') throw new ConflictError('capture_not_failed', `Only a failed URL can be retried; this one is ${u.status}.`, { status: u.status });
    await trx.updateTable('evidence_capture_urls').set({ status: 'queued', reason: null, message: null, updated_at: deps.now() }).where('id', '=', urlId).execute();
    audit('evidence.capture.retry', `capture:${captureId}`, { urlId, url: u.url, previousReason: u.reason });
    liveEvent(trx, c);
  });
  await deps.enqueue(urlId);
  return captureView(c, await urlsOf(deps.db, c.id));
}

/** The capturing user as an actor for the job (their current role and organisation). */
async function actorOf(db: Kysely<Database>, userId: string | null): Promise<Actor | null> {
  if (!userId) return null;
  const u = await findUser(db, userId);
  if (!u || u.disabled) return null;
  return { userId: u.id, email: u.email, role: u.role as Role, organisationId: u.organisation_id, mustChangePassword: false, via: 'token' };
}

async function setUrlState(
  deps: CaptureDeps,
  c: CaptureRow,
  actor: Actor | null,
  urlId: string,
  action: string,
  change: Record<string, unknown>,
  set: Partial<{ status: UrlRow['status']; reason: string | null; message: string | null; attempts: number; final_url: string | null; http_status: number | null; items: string; started_at: Date; finished_at: Date | null }>,
): Promise<void> {
  await auditedTransaction(deps, { actor, requestId: null, organisationId: c.organisation_id }, async (trx, audit) => {
    await trx
      .updateTable('evidence_capture_urls')
      .set({ ...set, updated_at: deps.now() })
      .where('id', '=', urlId)
      .execute();
    await trx.updateTable('evidence_captures').set({ updated_at: deps.now() }).where('id', '=', c.id).execute();
    audit(action, `capture:${c.id}`, { urlId, ...change });
    liveEvent(trx, c);
  });
}

const ITEM_FILES: { kind: CaptureItemKind; ext: string; type: string; title: string; pick: (r: CaptureResult) => Buffer }[] = [
  { kind: 'screenshot', ext: 'png', type: 'image/png', title: 'Screenshot', pick: (r) => r.screenshot },
  { kind: 'pdf', ext: 'pdf', type: 'application/pdf', title: 'PDF print', pick: (r) => r.pdf },
  { kind: 'html', ext: 'html', type: 'text/html', title: 'HTML', pick: (r) => r.html },
  { kind: 'wacz', ext: 'wacz', type: 'application/wacz', title: 'Web archive (WACZ)', pick: (r) => r.wacz },
  { kind: 'metadata', ext: 'json', type: 'application/json', title: 'Capture record', pick: (r) => Buffer.from(`${JSON.stringify(r.metadata, null, 2)}\n`, 'utf8') },
];

function fileStem(url: string): string {
  const u = new URL(url);
  return `${u.hostname}${u.pathname}`
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/**
 * The job: captures one URL and stores what it produced as evidence items. A URL that is no longer
 * queued (captured, or retried and picked up twice) is left alone.
 */
export async function runCaptureUrl(deps: CaptureDeps, urlId: string): Promise<void> {
  const u = await deps.db.selectFrom('evidence_capture_urls').selectAll().where('id', '=', urlId).executeTakeFirst();
  if (u?.status !== 'queued') return;
  const c = await deps.db.selectFrom('evidence_captures').selectAll().where('id', '=', u.capture_id).executeTakeFirstOrThrow();
  const actor = await actorOf(deps.db, c.created_by);
  const who: PolicyWho = { actor, requestId: null };
  const attempt = u.attempts + 1;
  // Claimed by one worker only: the update applies to a row still queued.
  const claimed = await auditedTransaction(deps, { actor, requestId: null, organisationId: c.organisation_id }, async (trx, audit) => {
    const res = await trx
      .updateTable('evidence_capture_urls')
      .set({ status: 'running', attempts: attempt, started_at: deps.now(), finished_at: null, updated_at: deps.now() })
      .where('id', '=', u.id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return false;
    audit('evidence.capture.run', `capture:${c.id}`, { urlId: u.id, url: u.url, attempt });
    liveEvent(trx, c);
    return true;
  });
  if (!claimed) return;
  try {
    if (!actor) throw new CaptureFailedError('not_allowed', 'The user who asked for this capture can no longer add evidence.');
    const policy = await policyOf(deps);
    const result = await deps.capturer.capture(u.url, { userId: actor.userId, nodeId: deps.nodeId }, { policy, timeoutMs: deps.settings.timeoutMs });
    const owner: CaptureOwner = c.case_id ? { caseId: c.case_id } : { requestId: c.request_id as string };
    const stem = fileStem(result.metadata.finalUrl);
    const items: { kind: CaptureItemKind; itemId: string }[] = [];
    for (const f of ITEM_FILES) {
      const item = await deps.ingest(who, {
        owner,
        title: `${f.title} of ${result.metadata.finalUrl}`.slice(0, 500),
        description: `Captured ${result.metadata.captureStartedAt} from ${u.url} (HTTP ${result.metadata.status}).`,
        source: {
          kind: 'captured',
          url: u.url,
          finalUrl: result.metadata.finalUrl,
          part: f.kind,
          captureId: c.id,
          capturedAt: result.metadata.captureStartedAt,
          httpStatus: result.metadata.status,
        },
        filename: `${stem}.${f.ext}`,
        mediaTypeHint: f.type,
        body: Readable.from([f.pick(result)]),
      });
      items.push({ kind: f.kind, itemId: item.id });
    }
    await setUrlState(
      deps,
      c,
      actor,
      u.id,
      'evidence.capture.done',
      { url: u.url, finalUrl: result.metadata.finalUrl, httpStatus: result.metadata.status, items },
      { status: 'captured', final_url: result.metadata.finalUrl, http_status: result.metadata.status, items: JSON.stringify(items), finished_at: deps.now() },
    );
  } catch (err) {
    const e = err as Error & { code?: string; reason?: string };
    const reason = e instanceof CaptureRefusedError || e instanceof CaptureFailedError ? e.reason : (e.code ?? 'capture_error');
    if (!(e instanceof CaptureRefusedError || e instanceof CaptureFailedError)) deps.log(`capture of ${u.url} failed`, err);
    await setUrlState(deps, c, actor, u.id, 'evidence.capture.failed', { url: u.url, reason, message: e.message }, { status: 'failed', reason, message: e.message.slice(0, 2000), finished_at: deps.now() });
  }
}

/**
 * URLs left queued or running by a node that stopped (called at start, before any worker runs):
 * a running one was interrupted and is queued again (audited, by the node); all are returned to
 * be put on the queue.
 */
export async function unfinishedUrlIds(deps: CaptureDeps): Promise<string[]> {
  const running = await deps.db.selectFrom('evidence_capture_urls').select(['id', 'capture_id', 'url']).where('status', '=', 'running').execute();
  if (running.length) {
    await auditedTransaction(deps, { actor: null, requestId: null }, async (trx, audit) => {
      for (const r of running) {
        await trx.updateTable('evidence_capture_urls').set({ status: 'queued', updated_at: deps.now() }).where('id', '=', r.id).where('status', '=', 'running').execute();
        audit('evidence.capture.requeue', `capture:${r.capture_id}`, { urlId: r.id, url: r.url, why: 'interrupted by a node stop' });
      }
    });
  }
  const rows = await deps.db.selectFrom('evidence_capture_urls').select('id').where('status', '=', 'queued').execute();
  return rows.map((r) => r.id);
}
