// Request use cases shared by the HTTP routes and the CLI: draft, edit (optimistic locking),
// check completeness, move through the lifecycle (four eyes, outbox message in the same
// transaction), attach files, print the formal letter, and count. Work that needs the knowledge
// base or another query runs before the transaction: PGlite has a single connection.
import { randomUUID } from 'node:crypto';
import { ConflictError, DomainError, ForbiddenError, NODE_WIDE_ROLES, NotFoundError, ValidationError, canSeeOrganisation } from '@comity/core';
import { KnowledgeInputError } from '@comity/core/knowledge/errors';
import { type CompletenessReport, checkCompleteness, type CompletenessProblem } from '@comity/core/requests/completeness';
import { type RequestEvent, transition } from '@comity/core/requests/lifecycle';
import { resolveRefusalGrounds } from '@comity/core/requests/refusal-grounds';
import { type RequestContent, type RequestDraft, type RequestState, type RequestType, cooperationTypeOf } from '@comity/core/requests/request';
import { computeStatistics, type Statistics } from '@comity/core/requests/statistics';
import type { CreateRequestBody, PatchRequestBody, TransitionBody } from '@comity/contract/requests';
import { findOrganisation } from '@comity/db';
import {
  findRequest,
  findRequestForUpdate,
  insertAttachment,
  insertRequest,
  listAttachments,
  type RequestAttachmentRow,
  type RequestRow,
  statisticsRows,
  updateRequest,
} from '@comity/db/repos/requests-repo';
import { auditedTransaction, type Actor } from '../deps.ts';
import { legalBasisFor, todayOf } from '../knowledge/knowledge-service.ts';
import { sha256OfBytes } from './blob-store.ts';
import { buildLetter, type LetterLookups } from './documents/letter.ts';
import type { LetterLanguage } from './documents/letter-text.ts';
import { renderLetterDocx } from './documents/render-docx.ts';
import { renderLetterHtml } from './documents/render-html.ts';
import { concernedUsers, handlersOf, label, notify, requestParams } from './notify.ts';
import { type ContentPatch, defaultContent, normaliseContent } from './request-content.ts';
import type { RequestDeps, Who } from './request-deps.ts';
import { contentOf, effectsToUpdate, enqueueMessage, factsOf, recordEvent, referenceFor, statusPayload, transmitPayload } from './request-messages.ts';

/** An attachment larger than the node accepts: the route answers 413 and stores nothing. */
export class AttachmentTooLargeError extends DomainError {}

function requireActor(who: Who): Actor {
  if (!who.actor) throw new ForbiddenError('actor_required', 'This action needs a signed-in user.');
  return who.actor;
}

/** The request, if the caller may see it (another organisation's record is a 404, not a 403). */
export async function loadVisible(deps: Pick<RequestDeps, 'db'>, actor: Actor | null, id: string): Promise<RequestRow> {
  const row = await findRequest(deps.db, id);
  if (!row || (actor && !canSeeOrganisation(actor, row.organisation_id))) throw new NotFoundError('not_found', 'No such request.');
  return row;
}

function requireOwnOrganisation(actor: Actor, row: RequestRow): void {
  if (actor.organisationId !== row.organisation_id) {
    throw new ForbiddenError('not_your_organisation', 'Only the organisation that holds this request can change it.');
  }
}

function requireDraft(row: RequestRow): void {
  if (row.side !== 'requesting') {
    throw new ConflictError('request_not_editable', 'A request received from another authority cannot be edited.', { state: row.state });
  }
  if (row.state === 'draft') return;
  const sent = row.transmitted_at !== null;
  throw new ConflictError(
    'request_not_editable',
    sent ? 'The request has been transmitted; it can no longer be edited.' : `A request that is ${row.state} cannot be edited; return it to draft first.`,
    { state: row.state, allowed: sent ? [] : ['return-to-draft'] },
  );
}

/** Timeline entry for the drafting side's own work on a draft (create, edit, attach). */
function recordDraftEvent(
  trx: Parameters<typeof recordEvent>[0],
  row: RequestRow,
  actor: Actor,
  at: Date,
  action: 'create' | 'edit' | 'attach',
  organisationName: string,
  details?: Record<string, unknown>,
): Promise<void> {
  return recordEvent(trx, row, {
    at,
    action,
    from: action === 'create' ? null : 'draft',
    to: 'draft',
    side: 'requesting',
    origin: 'own',
    actorId: actor.userId,
    actorEmail: actor.email,
    actorOrganisation: organisationName,
    reason: null,
    ...(details ? { details } : {}),
  });
}

function versionConflict(current: number | undefined): ConflictError {
  return new ConflictError('version_conflict', 'The request was changed by someone else meanwhile; reload it, reapply your change and save again.', {
    currentVersion: current ?? null,
  });
}

// ── Drafting ──────────────────────────────────────────────────────────────────────────────────

export async function createRequest(deps: RequestDeps, who: Who, body: CreateRequestBody): Promise<RequestRow> {
  const actor = requireActor(who);
  const org = await findOrganisation(deps.db, actor.organisationId);
  if (!org) throw new NotFoundError('not_found', 'Your organisation no longer exists.');
  if (!body.requestedState && !body.requestedOrganisationId) {
    throw new ValidationError('requested_state_required', 'Say which State the request is for (requestedState) or which authority (requestedOrganisationId).', {
      field: 'requestedState',
    });
  }
  const { type, ...patch } = body;
  const base = defaultContent(body.requestedState ?? 'XXX');
  const { content, requested } = await normaliseContent(deps, type, base, patch, org.id);
  const now = deps.now();
  const row = await auditedTransaction(deps, who, async (trx, audit) => {
    const id = randomUUID();
    const row = await insertRequest(trx, {
      id,
      conversation_id: id,
      organisation_id: org.id,
      side: 'requesting',
      reference: await referenceFor(trx, org.id, 'requesting', now),
      type,
      state: 'draft',
      title: content.title,
      requesting_organisation_id: org.id,
      requesting_organisation_name: org.name,
      requesting_state: org.country,
      requested_organisation_id: requested.organisationId,
      requested_organisation_name: requested.name,
      requested_state: requested.state,
      counterpart_node_id: requested.nodeId ?? null,
      content: JSON.stringify(content),
      marking: content.marking,
      urgent: content.urgency.urgent,
      deadline: content.deadline ?? null,
      created_by: actor.userId,
      last_edited_by: actor.userId,
      submitted_by: null,
      approved_by: null,
      created_at: now,
      updated_at: now,
      submitted_at: null,
      approved_at: null,
      transmitted_at: null,
      received_at: null,
      execution_started_at: null,
      executed_at: null,
      closed_at: null,
      refusal: null,
      postponement: null,
    });
    await recordDraftEvent(trx, row, actor, now, 'create', org.name);
    audit('request.create', `request:${id}`, { reference: row.reference, type, requestedState: requested.state, requestedOrganisationId: requested.organisationId });
    return row;
  });
  return row;
}

export async function updateRequestContent(deps: RequestDeps, who: Who, id: string, body: PatchRequestBody): Promise<RequestRow> {
  const actor = requireActor(who);
  const row = await loadVisible(deps, actor, id);
  requireOwnOrganisation(actor, row);
  requireDraft(row);
  if (body.version !== row.version) throw versionConflict(row.version);
  const { version, ...patch } = body;
  const { content, requested } = await normaliseContent(deps, row.type as RequestType, contentOf(row), patch as ContentPatch, row.organisation_id);
  const fields = Object.keys(patch).filter((k) => (patch as Record<string, unknown>)[k] !== undefined);
  const now = deps.now();
  return auditedTransaction(deps, who, async (trx, audit) => {
    const locked = await findRequestForUpdate(trx, id);
    if (!locked || locked.version !== version) throw versionConflict(locked?.version);
    requireDraft(locked);
    const updated = await updateRequest(trx, id, version, {
      content: JSON.stringify(content),
      title: content.title,
      requested_organisation_id: requested.organisationId,
      requested_organisation_name: requested.name,
      requested_state: requested.state,
      counterpart_node_id: requested.nodeId ?? null,
      marking: content.marking,
      urgent: content.urgency.urgent,
      deadline: content.deadline ?? null,
      last_edited_by: actor.userId,
      updated_at: now,
    });
    if (!updated) throw versionConflict(locked.version);
    await recordDraftEvent(trx, updated, actor, now, 'edit', updated.requesting_organisation_name, { fields, version: updated.version });
    audit('request.update', `request:${id}`, { fields, version: updated.version });
    return updated;
  });
}

// ── Completeness ──────────────────────────────────────────────────────────────────────────────

/** The completeness of a request, with the legal-basis engine's view of the chosen basis. */
export async function completenessOf(
  deps: Pick<RequestDeps, 'knowledge' | 'now'>,
  draft: RequestDraft,
  requestingState: string,
  date: string = todayOf(deps.now()),
): Promise<CompletenessReport> {
  const extra: CompletenessProblem[] = [];
  const answers = [];
  let supplements: string | null = null;
  let languages: { languages: string[]; instrument: string } | null = null;
  if (!deps.knowledge) {
    extra.push({ field: 'legalBasis', severity: 'warning', rule: 'knowledge-unavailable', reason: 'The legal-basis engine is not loaded on this node; the basis was not checked.', citation: '' });
  } else {
    const index = await deps.knowledge.index();
    for (const offence of new Set(draft.offences.map((o) => o.category))) {
      try {
        answers.push(
          await legalBasisFor(deps, { requesting: requestingState, requested: draft.requestedState, type: cooperationTypeOf(draft.type), offence, date, all: true, includeText: false }),
        );
      } catch (err) {
        if (!(err instanceof KnowledgeInputError)) throw err;
        extra.push({ field: err.code === 'unknown_country' ? 'requestedState' : 'offences', severity: 'error', rule: 'basis-unavailable', reason: `The legal basis cannot be checked: ${err.message}`, citation: '' });
        break;
      }
    }
    const basis = draft.legalBasis;
    if (basis?.kind === 'treaty') supplements = index.instruments.get(basis.instrument)?.supplements ?? null;
    // Languages the requested State declared acceptable: under the chosen instrument if it did, else any.
    const declared = (index.reservationsByState.get(draft.requestedState) ?? []).flatMap((r) =>
      r.effects.flatMap((e) => (e.kind === 'languages' ? [{ instrument: r.instrument, languages: e.languages }] : [])),
    );
    const chosen = basis?.kind === 'treaty' ? declared.find((d) => d.instrument === basis.instrument || d.instrument === supplements) : undefined;
    const pick = chosen ?? declared[0];
    if (pick) languages = { instrument: pick.instrument, languages: [...pick.languages] };
  }
  const report = checkCompleteness(draft, { date, basisAnswers: answers, basisSupplements: supplements, requestedLanguages: languages });
  report.problems.unshift(...extra);
  return report;
}

export function draftOf(row: RequestRow): RequestDraft {
  return { ...contentOf(row), type: row.type as RequestType };
}

export async function requestCompleteness(deps: RequestDeps, row: RequestRow): Promise<CompletenessReport> {
  const date = row.transmitted_at ? new Date(row.transmitted_at).toISOString().slice(0, 10) : todayOf(deps.now());
  return completenessOf(deps, draftOf(row), row.requesting_state, date);
}

/** Checks content that is not stored (the API's check endpoint, `comity request check --file`). */
export async function checkUnsaved(
  deps: RequestDeps,
  input: { type: RequestType; requestingState: string } & ContentPatch,
  requestingOrganisationId: string | null,
): Promise<CompletenessReport> {
  const { type, requestingState, ...patch } = input;
  if (!patch.requestedState && !patch.requestedOrganisationId) {
    throw new ValidationError('requested_state_required', 'Say which State the request is for (requestedState).', { field: 'requestedState' });
  }
  const { content } = await normaliseContent(deps, type, defaultContent(patch.requestedState ?? 'XXX'), patch, requestingOrganisationId ?? '');
  return completenessOf(deps, { ...content, type }, requestingState);
}

// ── Lifecycle ─────────────────────────────────────────────────────────────────────────────────

async function eventFor(deps: RequestDeps, row: RequestRow, body: TransitionBody): Promise<RequestEvent> {
  const reason = body.reason?.trim() ?? '';
  switch (body.action) {
    case 'submit':
    case 'transmit':
      return { action: body.action, reason, essentialMissing: (await requestCompleteness(deps, row)).essentialMissing };
    case 'refuse':
      return { action: 'refuse', reason, grounds: resolveRefusalGrounds(row.type as RequestType, body.grounds ?? []) };
    case 'postpone':
      if (!body.until) throw new ValidationError('until_required', 'Postponing needs the date until which execution is postponed ("until").');
      return { action: 'postpone', reason, until: body.until };
    case 'return-to-draft':
    case 'request-more-info':
    case 'provide-more-info':
    case 'withdraw':
      return { action: body.action, reason };
    case 'approve':
    case 'receive':
    case 'start-execution':
    case 'partially-execute':
    case 'execute':
      return { action: body.action, reason };
    default: {
      const never: never = body.action;
      return never;
    }
  }
}

export async function transitionRequest(deps: RequestDeps, who: Who, id: string, body: TransitionBody): Promise<RequestRow> {
  const actor = requireActor(who);
  for (let attempt = 0; ; attempt++) {
    const row = await loadVisible(deps, actor, id);
    requireOwnOrganisation(actor, row);
    if (body.version !== undefined && body.version !== row.version) throw versionConflict(row.version);
    const event = await eventFor(deps, row, body);
    const now = deps.now();
    try {
      const done = await auditedTransaction(deps, who, async (trx, audit) => {
        const locked = await findRequestForUpdate(trx, id);
        if (!locked || locked.version !== row.version) throw versionConflict(locked?.version);
        const result = transition(factsOf(locked), event, { actor: { userId: actor.userId, email: actor.email, role: actor.role }, at: now, origin: 'own' });
        const updated = await updateRequest(trx, id, locked.version, { ...effectsToUpdate(result.effects), state: result.to, updated_at: now });
        if (!updated) throw versionConflict(locked.version);
        const orgName = updated.side === 'requesting' ? updated.requesting_organisation_name : (updated.requested_organisation_name ?? '');
        const reason = body.reason?.trim() || null;
        await recordEvent(trx, updated, {
          at: now,
          action: result.action,
          from: result.from,
          to: result.to,
          side: updated.side as 'requesting' | 'requested',
          origin: 'own',
          actorId: actor.userId,
          actorEmail: actor.email,
          actorOrganisation: orgName,
          reason,
          details: {
            ...(result.effects.refusal ? { grounds: result.effects.refusal.grounds } : {}),
            ...(result.effects.postponement ? { until: result.effects.postponement.until } : {}),
          },
        });
        audit(result.audit.action, `request:${id}`, { ...result.audit.change, reference: updated.reference, version: updated.version });
        if (result.message === 'request.transmit') {
          await enqueueMessage(trx, now, updated, 'request.transmit', transmitPayload(updated, await listAttachments(trx, id)));
        } else if (result.message === 'request.status') {
          await enqueueMessage(trx, now, updated, 'request.status', statusPayload(updated, result, now, orgName, reason));
        }
        if (result.action === 'submit') {
          const supervisors = (await handlersOf(trx, updated.organisation_id, new Set(['supervisor']))).filter((u) => u !== actor.userId);
          await notify(trx, now, { userIds: supervisors, organisationId: updated.organisation_id, requestId: id, kind: 'approval-requested', message: {
              code: 'approval-requested',
              params: { ...requestParams(updated), by: actor.email },
              text: `${label(updated)} awaits approval (submitted by ${actor.email}).`,
            },
          });
        }
        if (result.action === 'return-to-draft') {
          await notify(trx, now, {
            userIds: (await concernedUsers(trx, updated)).filter((u) => u !== actor.userId),
            organisationId: updated.organisation_id,
            requestId: id,
            kind: 'status-changed',
            message: {
              code: 'returned-to-draft',
              params: { ...requestParams(updated), by: actor.email, reason: reason ?? null },
              text: `${label(updated)} was returned to draft by ${actor.email}: ${reason ?? ''}`,
            },
          });
        }
        return { updated, sent: result.message !== null };
      });
      if (done.sent) await deps.afterCommit();
      return done.updated;
    } catch (err) {
      // Someone else moved the request between our read and our lock: read again, unless the
      // caller pinned the version it saw.
      if (err instanceof ConflictError && err.code === 'version_conflict' && body.version === undefined && attempt < 2) continue;
      throw err;
    }
  }
}

// ── Attachments ───────────────────────────────────────────────────────────────────────────────

export async function addAttachment(
  deps: RequestDeps,
  who: Who,
  id: string,
  file: { filename: string; mediaType: string; bytes: Buffer },
): Promise<RequestAttachmentRow> {
  const actor = requireActor(who);
  if (file.bytes.byteLength > deps.settings.attachmentMaxBytes) {
    throw new AttachmentTooLargeError('attachment_too_large', `The file is ${file.bytes.byteLength} bytes; this node accepts at most ${deps.settings.attachmentMaxBytes}.`, {
      limit: deps.settings.attachmentMaxBytes,
    });
  }
  const filename = file.filename.replace(/[\\/]|\p{Cc}/gu, '_').trim().slice(0, 255);
  if (!filename) throw new ValidationError('filename_required', 'Give the file a name.');
  const row = await loadVisible(deps, actor, id);
  requireOwnOrganisation(actor, row);
  requireDraft(row);
  const stored = await deps.blobs.put(file.bytes);
  const now = deps.now();
  return auditedTransaction(deps, who, async (trx, audit) => {
    const locked = await findRequestForUpdate(trx, id);
    if (!locked) throw new NotFoundError('not_found', 'No such request.');
    requireDraft(locked);
    const a = await insertAttachment(trx, {
      id: randomUUID(),
      request_id: id,
      sha256: stored.sha256,
      filename,
      media_type: file.mediaType || 'application/octet-stream',
      size_bytes: stored.size,
      uploaded_by: actor.email,
      uploaded_at: now,
    });
    // Adding a file is an edit: the person who added it cannot approve (four eyes).
    const updated = await updateRequest(trx, id, null, { last_edited_by: actor.userId, updated_at: now });
    if (updated) {
      await recordDraftEvent(trx, updated, actor, now, 'attach', updated.requesting_organisation_name, {
        filename,
        sha256: stored.sha256,
        size: stored.size,
      });
    }
    audit('request.attachment-add', `request:${id}`, { attachment: a.id, filename, sha256: stored.sha256, size: stored.size });
    return a;
  });
}

export async function readAttachment(deps: RequestDeps, actor: Actor | null, id: string, attachmentId: string): Promise<{ file: RequestAttachmentRow; bytes: Buffer }> {
  await loadVisible(deps, actor, id);
  const file = (await listAttachments(deps.db, id)).find((a) => a.id === attachmentId);
  if (!file) throw new NotFoundError('not_found', 'No such attachment.');
  const bytes = await deps.blobs.get(file.sha256);
  if (!bytes) throw new NotFoundError('attachment_not_here', 'The file has not arrived on this node yet.');
  return { file, bytes };
}

// ── Documents ─────────────────────────────────────────────────────────────────────────────────

export interface GeneratedDocument {
  bytes: Buffer;
  sha256: string;
  filename: string;
  contentType: string;
}

export async function letterLookups(deps: Pick<RequestDeps, 'knowledge'>): Promise<LetterLookups> {
  const index = deps.knowledge ? await deps.knowledge.index() : null;
  const countries = new Map((deps.knowledge?.reference.countries ?? []).map((c) => [c.code, c]));
  return {
    stateName: (code, lang) => countries.get(code)?.names[lang] ?? countries.get(code)?.names.en ?? code,
    instrumentTitle: (id, lang) => {
      const i = index?.instruments.get(id);
      return i?.titles[lang] ?? i?.titles.en ?? i?.short ?? id;
    },
    supplements: (id) => index?.instruments.get(id)?.supplements ?? null,
  };
}

export function documentLanguage(row: RequestRow, requested: LetterLanguage | undefined): LetterLanguage {
  if (requested) return requested;
  const lang = contentOf(row).language;
  return (['en', 'fr', 'es', 'ar', 'ru', 'zh'] as const).find((l) => l === lang) ?? 'en';
}

export async function generateDocument(
  deps: RequestDeps,
  who: Who,
  id: string,
  opts: { format: 'pdf' | 'docx'; lang?: LetterLanguage | undefined },
): Promise<GeneratedDocument> {
  const row = await loadVisible(deps, who.actor, id);
  const lang = documentLanguage(row, opts.lang);
  const content = contentOf(row) as RequestContent & { counterpartReference?: string };
  const approver = row.approved_by ? await deps.db.selectFrom('users').select('email').where('id', '=', row.approved_by).executeTakeFirst() : undefined;
  const files = await listAttachments(deps.db, id);
  const letter = buildLetter(
    {
      type: row.type as RequestType,
      reference: row.reference,
      counterpartReference: content.counterpartReference,
      requesting: { name: row.requesting_organisation_name, state: row.requesting_state },
      requested: { name: row.requested_organisation_name, state: row.requested_state },
      content,
      approvedBy: approver?.email ?? (row.approved_at ? row.requesting_organisation_name : null),
      approvedAt: row.approved_at ? new Date(row.approved_at) : null,
      transmittedAt: row.transmitted_at ? new Date(row.transmitted_at) : null,
      attachments: files.map((f) => ({ filename: f.filename, size: f.size_bytes, sha256: f.sha256 })),
      date: row.transmitted_at ? new Date(row.transmitted_at) : deps.now(),
    },
    lang,
    await letterLookups(deps),
  );
  const bytes = opts.format === 'pdf' ? await deps.pdf.render(renderLetterHtml(letter), { marking: letter.marking }) : await renderLetterDocx(letter);
  const sha256 = sha256OfBytes(bytes);
  const now = deps.now();
  await auditedTransaction(deps, { actor: who.actor, requestId: who.requestId, organisationId: row.organisation_id }, async (trx, audit) => {
    await recordEvent(trx, row, {
      at: now,
      action: 'document',
      from: row.state as RequestState,
      to: row.state as RequestState,
      side: row.side as 'requesting' | 'requested',
      origin: 'own',
      actorId: who.actor?.userId ?? null,
      actorEmail: who.actor?.email ?? null,
      actorOrganisation: row.side === 'requesting' ? row.requesting_organisation_name : row.requested_organisation_name,
      reason: null,
      details: { format: opts.format, lang, sha256, bytes: bytes.byteLength },
    });
    audit('request.document', `request:${id}`, { reference: row.reference, format: opts.format, lang, sha256, bytes: bytes.byteLength, version: row.version });
  });
  return {
    bytes,
    sha256,
    filename: `${row.reference}-${lang}.${opts.format}`,
    contentType: opts.format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };
}

// ── Statistics ────────────────────────────────────────────────────────────────────────────────

export async function requestStatistics(
  deps: Pick<RequestDeps, 'db'>,
  actor: Actor | null,
  q: { side: 'requesting' | 'requested'; from?: string | undefined; to?: string | undefined; type?: string | undefined },
): Promise<Statistics> {
  const organisationId = actor && !NODE_WIDE_ROLES.includes(actor.role) ? actor.organisationId : undefined;
  const rows = await statisticsRows(deps.db, { organisationId, side: q.side, from: q.from, to: q.to, type: q.type });
  return computeStatistics(
    rows.map((r) => ({
      counterpartState: q.side === 'requesting' ? r.requested_state : r.requesting_state,
      type: r.type as RequestType,
      state: r.state as RequestState,
      transmittedAt: r.transmitted_at ? new Date(r.transmitted_at) : null,
      receivedAt: r.received_at ? new Date(r.received_at) : null,
      executedAt: r.executed_at ? new Date(r.executed_at) : null,
      refusalGrounds: ((r.refusal as { grounds?: { ground: string; citation: string }[] } | null)?.grounds ?? []).map((g) => ({ ground: g.ground, citation: g.citation })),
      overdue: ((r.overdue as unknown[] | null) ?? []).length > 0,
    })),
  );
}
