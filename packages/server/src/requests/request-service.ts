// Request use cases shared by the HTTP routes and the CLI: draft, edit (optimistic locking),
// check completeness, move through the lifecycle (four eyes, outbox message in the same
// transaction), attach files, print the formal letter, and count. Work that needs the knowledge
// base or another query runs before the transaction: PGlite has a single connection.
import { randomUUID } from 'node:crypto';
import { ConflictError, DomainError, ForbiddenError, NODE_WIDE_ROLES, NotFoundError, ValidationError, assertCan, canSeeOrganisation } from '@comity/core';
import { KnowledgeInputError } from '@comity/core/knowledge/errors';
import { type CompletenessReport, checkCompleteness, type CompletenessProblem } from '@comity/core/requests/completeness';
import { type RequestEvent, transition } from '@comity/core/requests/lifecycle';
import { resolveRefusalGrounds } from '@comity/core/requests/refusal-grounds';
import { type RequestContent, type RequestDraft, type RequestState, type RequestType, type Side, cooperationTypeOf } from '@comity/core/requests/request';
import { computeStatistics, type Statistics } from '@comity/core/requests/statistics';
import type { CreateRequestBody, PatchRequestBody, TransitionBody } from '@comity/contract/requests';
import { findOrganisation } from '@comity/db';
import {
  findRequest,
  findRequestForUpdate,
  insertAttachment,
  insertRequest,
  listAttachments,
  markAttachmentsSent,
  type RequestAttachmentRow,
  type RequestRow,
  statisticsRows,
  updateRequest,
} from '@comity/db/repos/requests-repo';
import { auditedTransaction, type Actor } from '../deps.ts';
import { markingOfRequest, type RequestMarkingFields } from '@comity/core/policy/marking';
import type { MarkedSource } from '@comity/core/policy/decide';
import { effectiveMarkingOf, enforce, markedRecordOf, markingLine, originatorOfRow, requestKey } from '../policy/policy-service.ts';
import { legalBasisFor, todayOf } from '../knowledge/knowledge-service.ts';
import { declaredAuthorityId } from '../authorities/directory.ts';
import { listDeclaredCentralAuthorities } from '../knowledge/declared-facts-service.ts';
import { findAuthority } from '@comity/db/repos/authorities-repo';
import { sha256OfBytes } from '../storage/blob-store.ts';
import { buildLetter, type LetterLookups, type LetterSource } from './documents/letter.ts';
import { type LetterWarning, letterWarnings } from './documents/letter-warnings.ts';
import { LETTER_TEXT, type LetterLanguage } from './documents/letter-text.ts';
import { renderLetterDocx } from './documents/render-docx.ts';
import { renderLetterHtml } from './documents/render-html.ts';
import { concernedUsers, handlersOf, label, notify, requestParams } from './notify.ts';
import { type ContentPatch, defaultContent, normaliseContent } from './request-content.ts';
import type { AnswerEvidenceRef, RequestDeps, Who } from './request-deps.ts';
import {
  contentOf,
  effectsToUpdate,
  enqueueMessage,
  factsOf,
  isRecordedCounterpart,
  recordEvent,
  referenceFor,
  statusPayload,
  transmitPayload,
} from './request-messages.ts';

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

/** The request, if the caller may see it and the release policy lets the caller read it. */
export async function loadReadable(deps: RequestDeps, who: Who, id: string): Promise<RequestRow> {
  const row = await loadVisible(deps, who.actor, id);
  await enforce(deps, who, row, { kind: 'read' });
  return row;
}

const MARKING_FIELDS = ['marking', 'handling', 'handlingNote', 'confidentiality', 'useLimitations', 'caseReference', 'title'] as const;

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

/** States in which a side may add files to return with its next answer. */
const ANSWER_FILE_STATES: Record<Side, readonly RequestState[]> = {
  requested: ['received', 'under-execution', 'partially-executed'],
  requesting: ['more-information-requested'],
};
/** Answers that carry the files waiting to be sent. */
const ANSWERS_WITH_FILES: readonly string[] = ['execute', 'partially-execute', 'provide-more-info'];

/**
 * May files be added now? A draft's (false: they go with the transmission), or an answer's (true:
 * the requested side's documents and evidence while it executes, the requesting side's while it
 * answers a request for more information). Otherwise the reason why not.
 */
function requireFilesAllowed(row: RequestRow): boolean {
  if (row.side === 'requesting' && row.state === 'draft') return false;
  if (ANSWER_FILE_STATES[row.side as Side].includes(row.state as RequestState)) return true;
  if (row.side === 'requesting') requireDraft(row);
  throw new ConflictError(
    'request_not_editable',
    'Files can be added to a received request while it is acknowledged or under execution, to return them with the execution.',
    { state: row.state },
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
  if (fields.some((f) => (MARKING_FIELDS as readonly string[]).includes(f))) {
    // Changing the marking of a record that contains others' material is a re-marking.
    await enforce(deps, who, row, { kind: 'remark', to: markingOfRequest(content as RequestMarkingFields & { title: string }, originatorOfRow(row)) });
  } else {
    await enforce(deps, who, row, { kind: 'read' });
  }
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
      return { action: body.action, reason, essentialMissing: (await requestCompleteness(deps, row)).essentialMissing };
    case 'transmit': {
      const essentialMissing = (await requestCompleteness(deps, row)).essentialMissing;
      if (!isRecordedCounterpart(row)) {
        if (body.transmission) throw new ValidationError('transmission_not_recorded', 'This request travels through Comity; there is no channel to record.', { field: 'transmission' });
        return { action: 'transmit', reason, essentialMissing };
      }
      if (!body.transmission) {
        throw new ValidationError('transmission_required', 'The requested authority has no node: say how and when the letter was sent (transmission.channel, transmission.sentOn).', {
          field: 'transmission',
        });
      }
      return { action: 'transmit', reason, essentialMissing, recorded: { ...body.transmission, letterProduced: await letterProducedSinceApproval(deps, row) } };
    }
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

/** What the timeline says of a file that travelled with an answer. */
function fileDetail(f: RequestAttachmentRow, item?: AnswerEvidenceRef) {
  return { attachmentId: f.id, filename: f.filename, sha256: f.sha256, size: f.size_bytes, mediaType: f.media_type, ...(item ? { evidenceItemId: item.itemId, transferId: item.transferId } : {}) };
}

/** The ids of the files that go with this answer: those asked for, or every file waiting. */
async function filesForAnswer(deps: Pick<RequestDeps, 'db'>, row: RequestRow, body: TransitionBody): Promise<string[]> {
  const carries = ANSWERS_WITH_FILES.includes(body.action);
  if (!carries) {
    if (body.attachmentIds?.length) {
      throw new ValidationError('attachments_not_allowed', `Files can be returned with an execution, a partial execution or an answer for more information, not with "${body.action}".`, {
        field: 'attachmentIds',
      });
    }
    return [];
  }
  const waiting = (await listAttachments(deps.db, row.id)).filter((a) => a.supplied_by === row.side && a.sent_with === null);
  if (body.attachmentIds === undefined) return waiting.map((a) => a.id);
  const ids = [...new Set(body.attachmentIds)];
  const unknown = ids.filter((i) => !waiting.some((a) => a.id === i));
  if (unknown.length) {
    throw new ValidationError('attachment_not_waiting', 'These files are not attached by your side to this request, or were already sent: add them to the request first.', {
      field: 'attachmentIds',
      attachmentIds: unknown,
    });
  }
  return ids;
}

export async function transitionRequest(deps: RequestDeps, who: Who, id: string, body: TransitionBody): Promise<RequestRow> {
  const actor = requireActor(who);
  for (let attempt = 0; ; attempt++) {
    const row = await loadVisible(deps, actor, id);
    requireOwnOrganisation(actor, row);
    if (body.version !== undefined && body.version !== row.version) throw versionConflict(row.version);
    // Sending is a transmission of the record and of everything it was made from; every other
    // transition works on a record the actor reads.
    await enforce(
      deps,
      who,
      row,
      body.action === 'transmit'
        ? { kind: 'transmit', to: { nodeId: row.counterpart_node_id, organisationId: row.counterpart_node_id ? null : row.requested_organisation_id } }
        : { kind: 'read' },
    );
    const event = await eventFor(deps, row, body);
    const files = await filesForAnswer(deps, row, body);
    // To a peer node, the answer's files travel as evidence items through the evidence transfer
    // (made and read here, outside the transaction; offered ahead of the answer inside it).
    const asEvidence =
      files.length > 0 && row.counterpart_node_id && deps.answerEvidence && (body.action === 'execute' || body.action === 'partially-execute' || body.action === 'provide-more-info')
        ? await deps.answerEvidence.prepare(
            who,
            row,
            (await listAttachments(deps.db, row.id)).filter((a) => files.includes(a.id)),
            body.action,
          )
        : null;
    const itemOf = new Map((asEvidence?.refs ?? []).map((r) => [r.attachmentId, r]));
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
        const sent = await markAttachmentsSent(trx, id, files, result.action, now);
        if (sent.length !== files.length) throw versionConflict(locked.version);
        await asEvidence?.queue(trx, audit);
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
            ...(result.audit.change.recorded ? { recorded: result.audit.change.recorded, recordedBy: 'requesting-side' } : {}),
            ...(sent.length ? { files: sent.map((f) => fileDetail(f, itemOf.get(f.id))) } : {}),
          },
        });
        audit(result.audit.action, `request:${id}`, {
          ...result.audit.change,
          reference: updated.reference,
          version: updated.version,
          ...(sent.length ? { files: sent.map((f) => ({ attachment: f.id, sha256: f.sha256, ...(itemOf.has(f.id) ? { evidenceItem: itemOf.get(f.id)!.itemId } : {}) })) } : {}),
        });
        // A request to an authority without a node sends nothing: its steps are recorded here.
        if (isRecordedCounterpart(updated)) {
          // nothing to enqueue
        } else if (result.message === 'request.transmit') {
          await enqueueMessage(trx, now, updated, 'request.transmit', transmitPayload(updated, await listAttachments(trx, id)));
        } else if (result.message === 'request.status') {
          await enqueueMessage(trx, now, updated, 'request.status', statusPayload(updated, result, now, orgName, reason, sent.filter((f) => !itemOf.has(f.id)), asEvidence?.refs ?? []));
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
        return { updated, sent: result.message !== null && !isRecordedCounterpart(updated) };
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

/** Whether a letter of request was produced since the request was approved (so it is the approved text). */
async function letterProducedSinceApproval(deps: Pick<RequestDeps, 'db'>, row: RequestRow): Promise<boolean> {
  let q = deps.db.selectFrom('request_events').select('id').where('request_id', '=', row.id).where('action', '=', 'document');
  if (row.approved_at) q = q.where('at', '>=', new Date(row.approved_at));
  return (await q.executeTakeFirst()) !== undefined;
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
  const forAnswer = requireFilesAllowed(row);
  assertCan(actor.role, row.side === 'requested' ? 'request:execute' : 'request:draft');
  // The file joins a record the uploader must be allowed to read; it takes on its marking.
  await enforce(deps, who, row, { kind: 'read' });
  const stored = await deps.blobs.put(file.bytes);
  const now = deps.now();
  return auditedTransaction(deps, who, async (trx, audit) => {
    const locked = await findRequestForUpdate(trx, id);
    if (!locked) throw new NotFoundError('not_found', 'No such request.');
    if (requireFilesAllowed(locked) !== forAnswer) throw versionConflict(locked.version);
    const a = await insertAttachment(trx, {
      id: randomUUID(),
      request_id: id,
      sha256: stored.sha256,
      filename,
      media_type: file.mediaType || 'application/octet-stream',
      size_bytes: stored.size,
      uploaded_by: actor.email,
      uploaded_at: now,
      supplied_by: locked.side as Side,
      // A draft's files travel with the transmission; an answer's wait for the answer.
      sent_with: forAnswer ? null : 'transmit',
    });
    if (forAnswer) {
      // Not an edit of the request: its version stays, the timeline says a file awaits the answer.
      await recordEvent(trx, locked, {
        at: now,
        action: 'attach',
        from: locked.state as RequestState,
        to: locked.state as RequestState,
        side: locked.side as Side,
        origin: 'own',
        actorId: actor.userId,
        actorEmail: actor.email,
        actorOrganisation: locked.side === 'requesting' ? locked.requesting_organisation_name : (locked.requested_organisation_name ?? ''),
        reason: null,
        details: { filename, sha256: stored.sha256, size: stored.size, pending: true },
      });
      audit('request.attachment-add', `request:${id}`, { attachment: a.id, filename, sha256: stored.sha256, size: stored.size, forAnswer: true });
      return a;
    }
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

/**
 * Puts a file of one request (typically one received) into a draft of the same organisation: the
 * release policy decides ("attach" on the source, for the draft's proceedings and use), and the
 * draft takes on the source's markings (a derived record takes the strictest of its sources).
 */
export async function copyAttachment(
  deps: RequestDeps,
  who: Who,
  targetId: string,
  from: { requestId: string; attachmentId: string },
): Promise<RequestAttachmentRow> {
  const actor = requireActor(who);
  const target = await loadVisible(deps, actor, targetId);
  requireOwnOrganisation(actor, target);
  requireDraft(target);
  const source = await loadVisible(deps, actor, from.requestId);
  requireOwnOrganisation(actor, source);
  const file = (await listAttachments(deps.db, source.id)).find((a) => a.id === from.attachmentId);
  if (!file) throw new NotFoundError('not_found', 'No such attachment.');
  const content = contentOf(target);
  const decision = await enforce(deps, who, source, {
    kind: 'attach',
    to: { key: requestKey(target), proceedings: content.caseReference?.trim() || content.title.trim() || null, use: content.proceedings?.stage ?? null },
  });
  const now = deps.now();
  return auditedTransaction(deps, who, async (trx, audit) => {
    const locked = await findRequestForUpdate(trx, targetId);
    if (!locked) throw new NotFoundError('not_found', 'No such request.');
    requireDraft(locked);
    const a = await insertAttachment(trx, {
      id: randomUUID(),
      request_id: targetId,
      sha256: file.sha256,
      filename: file.filename,
      media_type: file.media_type,
      size_bytes: file.size_bytes,
      uploaded_by: actor.email,
      uploaded_at: now,
      source: JSON.stringify({ requestId: source.id, conversationId: source.conversation_id, attachmentId: file.id, reference: source.reference }),
    });
    // The draft keeps the markings of everything it was made from (the source's own and its sources').
    const known = new Map(((locked.marking_sources as MarkedSource[] | null) ?? []).map((m) => [m.key, m]));
    for (const m of markedRecordOf(source).sources) if (!known.has(m.key) && m.key !== requestKey(locked)) known.set(m.key, m);
    await trx
      .updateTable('requests')
      .set({ marking_sources: JSON.stringify([...known.values()]), last_edited_by: actor.userId, updated_at: now, version: locked.version + 1 })
      .where('id', '=', targetId)
      .execute();
    const updated = await findRequestForUpdate(trx, targetId);
    if (updated) {
      await recordDraftEvent(trx, updated, actor, now, 'attach', updated.requesting_organisation_name, {
        filename: file.filename,
        sha256: file.sha256,
        size: file.size_bytes,
        from: source.reference,
      });
    }
    audit('request.attachment-copy', `request:${targetId}`, {
      attachment: a.id,
      filename: file.filename,
      sha256: file.sha256,
      from: { request: source.id, reference: source.reference, attachment: file.id },
      decision: decision.rule,
      consent: decision.consentId ?? null,
    });
    return a;
  });
}

export async function readAttachment(deps: RequestDeps, who: Who, id: string, attachmentId: string): Promise<{ file: RequestAttachmentRow; bytes: Buffer }> {
  const row = await loadVisible(deps, who.actor, id);
  // A file inherits the marking of its request (and of the request it was copied from).
  await enforce(deps, who, row, { kind: 'export', format: 'api-download' });
  const file = (await listAttachments(deps.db, id)).find((a) => a.id === attachmentId);
  if (!file) throw new NotFoundError('not_found', 'No such attachment.');
  const bytes = await deps.blobs.get(file.sha256);
  if (!bytes) throw new NotFoundError('attachment_not_here', 'The file has not arrived on this node yet.');
  return { file, bytes };
}

// ── Documents ─────────────────────────────────────────────────────────────────────────────────

export interface GeneratedDocument {
  bytes: Buffer;
  /** What checkDocument would have said: the export went ahead regardless. */
  warnings: LetterWarning[];
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
    hasInstrumentTitle: (id, lang) => Boolean(index?.instruments.get(id)?.titles[lang]),
    supplements: (id) => index?.instruments.get(id)?.supplements ?? null,
  };
}

export function documentLanguage(row: RequestRow, requested: LetterLanguage | undefined): LetterLanguage {
  if (requested) return requested;
  const lang = contentOf(row).language;
  return (['en', 'fr', 'es', 'ar', 'ru', 'zh'] as const).find((l) => l === lang) ?? 'en';
}

/** Who the letter is addressed to, when the caller knows more than the request row (a directory entry). */
export interface LetterAddressee {
  name?: string | null | undefined;
  /** Postal address, one line per line. */
  address?: string | null | undefined;
}

/**
 * The postal address of a requested authority without a node, from the directory entry the
 * request was addressed to (an administrator's entry or a central authority a State's node
 * declared); null when the directory has none (treaty designations carry no address).
 */
async function directoryAddress(deps: RequestDeps, authorityId: string | undefined): Promise<string | null> {
  if (!authorityId) return null;
  if (authorityId.startsWith('admin:')) {
    const id = authorityId.slice('admin:'.length);
    return /^[0-9a-f-]{36}$/i.test(id) ? ((await findAuthority(deps.db, id))?.address ?? null) : null;
  }
  if (authorityId.startsWith('declared:')) {
    const declared = await listDeclaredCentralAuthorities(deps.db);
    return declared.find((c) => declaredAuthorityId(c) === authorityId)?.address || null;
  }
  return null;
}

/** The request as the letter sees it: its content, the approver's profile as signatory, the annexes. */
async function letterSource(deps: RequestDeps, row: RequestRow, addressee: LetterAddressee | undefined): Promise<LetterSource> {
  const content = contentOf(row) as RequestContent & { counterpartReference?: string };
  const approver = row.approved_by
    ? await deps.db.selectFrom('users').select(['email', 'name', 'title', 'signature_block']).where('id', '=', row.approved_by).executeTakeFirst()
    : undefined;
  const files = await listAttachments(deps.db, row.id);
  const address = addressee?.address ?? (await directoryAddress(deps, content.requestedAuthority?.id));
  return {
    type: row.type as RequestType,
    reference: row.reference,
    counterpartReference: content.counterpartReference,
    requesting: { name: row.requesting_organisation_name, state: row.requesting_state },
    requested: { name: addressee?.name ?? row.requested_organisation_name, state: row.requested_state, address },
    content,
    approvedBy: approver?.name ?? (row.approved_at ? row.requesting_organisation_name : null),
    signatory: approver ? { name: approver.name, title: approver.title, block: approver.signature_block } : null,
    approvedAt: row.approved_at ? new Date(row.approved_at) : null,
    transmittedAt: row.transmitted_at ? new Date(row.transmitted_at) : null,
    attachments: files.map((f) => ({ filename: f.filename, size: f.size_bytes, sha256: f.sha256 })),
    date: row.transmitted_at ? new Date(row.transmitted_at) : deps.now(),
  };
}

/** What to look at before exporting the letter in `lang` (free text in another language, a signatory without a title). */
export async function checkDocument(
  deps: RequestDeps,
  actor: Actor | null,
  id: string,
  opts: { lang?: LetterLanguage | undefined; addressee?: LetterAddressee | undefined } = {},
): Promise<{ lang: LetterLanguage; warnings: LetterWarning[] }> {
  const row = await loadVisible(deps, actor, id);
  const lang = documentLanguage(row, opts.lang);
  return { lang, warnings: letterWarnings(await letterSource(deps, row, opts.addressee), lang) };
}

export async function generateDocument(
  deps: RequestDeps,
  who: Who,
  id: string,
  opts: { format: 'pdf' | 'docx'; lang?: LetterLanguage | undefined; addressee?: LetterAddressee | undefined },
): Promise<GeneratedDocument> {
  const row = await loadVisible(deps, who.actor, id);
  await enforce(deps, who, row, { kind: 'export', format: opts.format });
  const lang = documentLanguage(row, opts.lang);
  const source = await letterSource(deps, row, opts.addressee);
  const warnings = letterWarnings(source, lang);
  const letter = buildLetter(source, lang, await letterLookups(deps));
  // Header and footer carry the effective marking (a draft made from RED material prints RED), its
  // handling code and, when it has any, the title of the letter's limitations section.
  letter.marking = markingLine(effectiveMarkingOf(row), LETTER_TEXT[lang].section.confidentiality);
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
    audit('request.document', `request:${id}`, {
      reference: row.reference,
      format: opts.format,
      lang,
      sha256,
      bytes: bytes.byteLength,
      version: row.version,
      // What the exporter was warned of (and chose to export anyway).
      ...(warnings.length ? { warnings: warnings.map((w) => (w.code === 'free-text-language' ? `${w.code}:${w.path}` : w.code)) } : {}),
    });
  });
  return {
    bytes,
    sha256,
    warnings,
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
