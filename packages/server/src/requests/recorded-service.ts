// Requests to an authority without a node: the requesting side records the answers it receives
// (with the documents that came with them), and links open requests to the authority once it
// joins with a node, after which later steps travel by federation.
import { randomUUID } from 'node:crypto';
import { ConflictError, ForbiddenError, NODE_WIDE_ROLES, NotFoundError, ValidationError } from '@comity/core';
import { recordAnswer } from '@comity/core/requests/lifecycle';
import { resolveRefusalGrounds } from '@comity/core/requests/refusal-grounds';
import { OPEN_AFTER_TRANSMISSION, type RequestContent, type RequestState, TERMINAL_STATES, type RequestType } from '@comity/core/requests/request';
import type { RecordAnswerBody } from '@comity/contract/requests';
import { findRequestForUpdate, insertAttachment, listAttachments, type RequestRow, updateRequest } from '@comity/db/repos/requests-repo';
import { requireActivePeer } from '../authorities/directory.ts';
import { auditedTransaction, type Actor } from '../deps.ts';
import { concernedUsers, label, notify, requestParams } from './notify.ts';
import type { RequestDeps, Who } from './request-deps.ts';
import { contentOf, effectsToUpdate, enqueueMessage, factsOf, isRecordedCounterpart, recordEvent, transmitPayload } from './request-messages.ts';
import { enforce } from '../policy/policy-service.ts';
import { AttachmentTooLargeError, loadReadable } from './request-service.ts';

function requireActor(who: Who): Actor {
  if (!who.actor) throw new ForbiddenError('actor_required', 'This action needs a signed-in user.');
  return who.actor;
}

function stale(version: number | undefined): ConflictError {
  return new ConflictError('version_conflict', 'The request was changed by someone else meanwhile; reload it and record the answer again.', { currentVersion: version ?? null });
}

function decodeDocument(deps: Pick<RequestDeps, 'settings'>, d: NonNullable<RecordAnswerBody['documents']>[number], i: number) {
  const b64 = d.contentBase64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 === 1) {
    throw new ValidationError('invalid_base64', `documents[${i}].contentBase64 is not base64.`, { field: `documents[${i}].contentBase64` });
  }
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.byteLength > deps.settings.attachmentMaxBytes) {
    throw new AttachmentTooLargeError('attachment_too_large', `${d.filename} is ${bytes.byteLength} bytes; this node accepts at most ${deps.settings.attachmentMaxBytes}.`, {
      limit: deps.settings.attachmentMaxBytes,
    });
  }
  const filename = d.filename.replace(/[\\/]|\p{Cc}/gu, '_').trim().slice(0, 255);
  if (!filename) throw new ValidationError('filename_required', `documents[${i}] needs a file name.`);
  return { filename, mediaType: d.mediaType || 'application/octet-stream', bytes };
}

/** Records an answer the requested authority gave outside Comity, on the requesting side's record. */
export async function recordRequestAnswer(deps: RequestDeps, who: Who, id: string, body: RecordAnswerBody): Promise<RequestRow> {
  const actor = requireActor(who);
  // The answer joins a record the person must be allowed to read (the release policy).
  const row = await loadReadable(deps, who, id);
  if (actor.organisationId !== row.organisation_id) throw new ForbiddenError('not_your_organisation', 'Only the organisation that holds this request can record its answers.');
  if (body.version !== undefined && body.version !== row.version) throw stale(row.version);
  const grounds = body.answer === 'refused' ? resolveRefusalGrounds(row.type as RequestType, body.grounds ?? []) : undefined;
  const files = (body.documents ?? []).map((d, i) => decodeDocument(deps, d, i));
  // Decide before storing any file: a refused answer stores nothing.
  const input = { answer: body.answer, receivedOn: body.receivedOn, reason: body.reason, grounds };
  const decide = (r: RequestRow) =>
    recordAnswer(
      { ...factsOf(r), counterpartHasNode: !isRecordedCounterpart(r), transmittedAt: r.transmitted_at ? new Date(r.transmitted_at) : null },
      input,
      { actor: { userId: actor.userId, email: actor.email, role: actor.role }, at: deps.now() },
    );
  decide(row);
  const stored = await Promise.all(files.map(async (f) => ({ ...f, blob: await deps.blobs.put(f.bytes) })));
  const now = deps.now();
  return auditedTransaction(deps, who, async (trx, audit) => {
    const locked = await findRequestForUpdate(trx, id);
    if (!locked || locked.version !== row.version) throw stale(locked?.version);
    const result = decide(locked);
    const updated = await updateRequest(trx, id, locked.version, { ...effectsToUpdate(result.effects), state: result.to, updated_at: now });
    if (!updated) throw stale(locked.version);
    const eventId = randomUUID();
    const reason = body.reason?.trim() || null;
    await recordEvent(trx, updated, {
      id: eventId,
      at: now,
      action: result.action,
      from: result.from,
      to: result.to,
      side: 'requested',
      origin: 'recorded',
      actorId: actor.userId,
      actorEmail: actor.email,
      // The person who recorded it belongs to the requesting side; the side says whose answer it is.
      actorOrganisation: updated.requesting_organisation_name,
      reason,
      details: {
        answer: body.answer,
        receivedOn: body.receivedOn,
        recordedBy: 'requesting-side',
        ...(result.effects.refusal ? { grounds: result.effects.refusal.grounds } : {}),
        ...(stored.length ? { documents: stored.map((f) => ({ filename: f.filename, sha256: f.blob.sha256, size: f.blob.size })) } : {}),
      },
    });
    for (const f of stored) {
      await insertAttachment(trx, {
        id: randomUUID(),
        request_id: id,
        sha256: f.blob.sha256,
        filename: f.filename,
        media_type: f.mediaType,
        size_bytes: f.blob.size,
        uploaded_by: actor.email,
        uploaded_at: now,
        answer_event_id: eventId,
        // Documents that came with the requested authority's answer: supplied by that side, with that answer.
        supplied_by: 'requested',
        sent_with: result.action,
        sent_at: now,
      });
    }
    audit(result.audit.action, `request:${id}`, {
      ...result.audit.change,
      reference: updated.reference,
      version: updated.version,
      documents: stored.map((f) => ({ filename: f.filename, sha256: f.blob.sha256, size: f.blob.size })),
    });
    await notify(trx, now, {
      userIds: (await concernedUsers(trx, updated)).filter((u) => u !== actor.userId),
      organisationId: updated.organisation_id,
      requestId: id,
      kind: 'status-changed',
      message: {
        code: 'answer-recorded',
        params: { ...requestParams(updated), by: actor.email, answer: body.answer, requestState: result.to },
        text: `${label(updated)}: answer recorded by ${actor.email} \u2014 ${body.answer} (now ${result.to})`,
      },
    });
    return updated;
  });
}

/**
 * Links a request to an authority without a node to a trusted peer of the same State, once that
 * authority has joined with a node. A request already sent is transmitted to the peer as it
 * stands, so that the peer's later steps reach this record by federation.
 */
export async function linkRequest(deps: RequestDeps, who: Who, id: string, nodeId: string): Promise<RequestRow> {
  const actor = requireActor(who);
  const row = await loadReadable(deps, who, id);
  if (!NODE_WIDE_ROLES.includes(actor.role) && actor.organisationId !== row.organisation_id) {
    throw new ForbiddenError('not_your_organisation', 'Only the organisation that holds this request can link it.');
  }
  const peer = await requireActivePeer(deps.db, nodeId);
  // Linking sends the request to that node: the release policy decides as for any transmission.
  await enforce(deps, who, row, { kind: 'transmit', to: { nodeId: peer.node_id, organisationId: null } });
  const now = deps.now();
  const done = await auditedTransaction(deps, { ...who, organisationId: row.organisation_id }, async (trx, audit) => {
    const locked = await findRequestForUpdate(trx, id);
    if (!locked) throw new NotFoundError('not_found', 'No such request.');
    if (!isRecordedCounterpart(locked)) throw new ConflictError('not_linkable', 'Only a request to an authority without a node can be linked to a node.');
    if (TERMINAL_STATES.includes(locked.state as RequestState)) throw new ConflictError('request_closed', `The request is ${locked.state}; only open requests are linked.`, { state: locked.state });
    if (peer.country !== locked.requested_state) {
      throw new ValidationError('peer_state_mismatch', `${peer.authority_name} is an authority of ${peer.country}; the request is for ${locked.requested_state}.`, { field: 'nodeId' });
    }
    const content = contentOf(locked);
    const next: RequestContent = {
      ...content,
      requestedNodeId: peer.node_id,
      requestedAuthority: content.requestedAuthority ? { ...content.requestedAuthority, linkedNodeId: peer.node_id } : null,
    };
    const updated = await updateRequest(trx, id, locked.version, {
      counterpart_node_id: peer.node_id,
      requested_organisation_name: peer.authority_name,
      content: JSON.stringify(next),
      updated_at: now,
    });
    if (!updated) throw stale(locked.version);
    const sent = OPEN_AFTER_TRANSMISSION.includes(updated.state as RequestState);
    await recordEvent(trx, updated, {
      at: now,
      action: 'link',
      from: updated.state as RequestState,
      to: updated.state as RequestState,
      side: 'requesting',
      origin: 'own',
      actorId: actor.userId,
      actorEmail: actor.email,
      actorOrganisation: updated.requesting_organisation_name,
      reason: null,
      details: { nodeId: peer.node_id, authority: peer.authority_name, previousAuthority: locked.requested_organisation_name, transmitted: sent },
    });
    audit('request.link', `request:${id}`, { reference: updated.reference, nodeId: peer.node_id, authority: peer.authority_name, previousAuthority: locked.requested_organisation_name, transmitted: sent });
    if (sent) await enqueueMessage(trx, now, updated, 'request.transmit', transmitPayload(updated, await listAttachments(trx, id)));
    return { updated, sent };
  });
  if (done.sent) await deps.afterCommit();
  return done.updated;
}
