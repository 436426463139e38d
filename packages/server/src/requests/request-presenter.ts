// Shapes a stored request (one side's record, its timeline and files) into what the API returns:
// the content as the practitioner wrote it, the lifecycle dates, and what the caller may do now.
import { type RequestAction, actionsFor, recordableAnswers } from '@comity/core/requests/lifecycle';
import { type RequestContent, type RequestState, type RequestType, type Side, TERMINAL_STATES } from '@comity/core/requests/request';
import type { RefusalGroundChoice } from '@comity/core/requests/refusal-grounds';
import type { OverdueReason } from '@comity/core/requests/deadlines';
import { can } from '@comity/core';
import type { RequestSummary, RequestView } from '@comity/contract/requests';
import type { Database } from '@comity/db';
import { listAttachments, listRequestEvents, type RequestAttachmentRow, type RequestRow } from '@comity/db/repos/requests-repo';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../deps.ts';
import { peersForState } from '../authorities/directory.ts';
import { effectiveMarkingOf, limitationFlags, policyView, readDecision, sourcesOf } from '../policy/policy-service.ts';
import { contentOf, factsOf, isRecordedCounterpart } from './request-messages.ts';
import { caseRefOfRequest } from '../cases/case-service.ts';

const iso = (d: Date | string | null): string | null => (d ? new Date(d).toISOString() : null);

function parties(row: RequestRow) {
  return {
    requesting: { organisationId: row.requesting_organisation_id, name: row.requesting_organisation_name, state: row.requesting_state },
    requested: { organisationId: row.requested_organisation_id, name: row.requested_organisation_name, state: row.requested_state },
  };
}

export function isEditable(row: RequestRow, actor: Actor | null): boolean {
  return row.side === 'requesting' && row.state === 'draft' && (!actor || (actor.organisationId === row.organisation_id && can(actor.role, 'request:draft')));
}

export function allowedFor(row: RequestRow, actor: Actor | null): RequestAction[] {
  if (!actor || actor.organisationId !== row.organisation_id) return [];
  return actionsFor(factsOf(row), { userId: actor.userId, role: actor.role });
}

/** How the request reaches the requested authority. */
export function deliveryOf(row: RequestRow): 'this-node' | 'peer-node' | 'recorded' | 'none' {
  if (row.counterpart_node_id) return 'peer-node';
  if (row.side === 'requested' || row.requested_organisation_id) return 'this-node';
  return (contentOf(row) as RequestContent).requestedAuthority ? 'recorded' : 'none';
}

/**
 * One list row. The release policy is asked about every row (reading); a row the caller may not
 * read keeps its reference, parties and marking but not its title, and says why.
 */
export function presentSummary(row: RequestRow, actor: Actor | null = null, today: string | null = null): z.infer<typeof RequestSummary> {
  const read = today === null ? null : readDecision(actor, row, today);
  const effective = effectiveMarkingOf(row);
  return {
    id: row.id,
    reference: row.reference,
    side: row.side as Side,
    state: row.state as RequestState,
    type: row.type as RequestType,
    title: read && !read.allow ? '' : row.title,
    version: row.version,
    ...parties(row),
    marking: effective.tlp,
    handling: effective.handling,
    limitations: limitationFlags(effective, sourcesOf(row).length > 0),
    withheld: read && !read.allow ? { rule: read.rule, citation: read.citation, reason: read.reason } : null,
    urgent: row.urgent,
    deadline: row.deadline,
    overdue: (row.overdue ?? []) as OverdueReason[],
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    transmittedAt: iso(row.transmitted_at),
  };
}

export async function presentRequest(db: Kysely<Database>, row: RequestRow, actor: Actor | null, now: Date = new Date()): Promise<RequestView> {
  const content = contentOf(row) as RequestContent & { counterpartReference?: string };
  const { counterpartReference, ...fields } = content;
  const ids = [row.created_by, row.last_edited_by, row.submitted_by, row.approved_by].filter((x): x is string => !!x);
  const users = ids.length ? await db.selectFrom('users').select(['id', 'email']).where('id', 'in', [...new Set(ids)]).execute() : [];
  const ref = (id: string | null) => {
    if (!id) return null;
    return users.find((u) => u.id === id) ?? { id, email: '(unknown user)' };
  };
  const [events, files] = await Promise.all([listRequestEvents(db, row.id), listAttachments(db, row.id)]);
  return {
    ...fields,
    id: row.id,
    reference: row.reference,
    conversationId: row.conversation_id,
    counterpartReference: counterpartReference ?? null,
    counterpartNodeId: row.counterpart_node_id,
    side: row.side as Side,
    state: row.state as RequestState,
    version: row.version,
    type: row.type as RequestType,
    ...parties(row),
    title: row.title,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    createdBy: ref(row.created_by),
    lastEditedBy: ref(row.last_edited_by),
    submittedBy: ref(row.submitted_by),
    approvedBy: ref(row.approved_by),
    submittedAt: iso(row.submitted_at),
    approvedAt: iso(row.approved_at),
    transmittedAt: iso(row.transmitted_at),
    receivedAt: iso(row.received_at),
    executionStartedAt: iso(row.execution_started_at),
    executedAt: iso(row.executed_at),
    closedAt: iso(row.closed_at),
    refusal: (row.refusal as { grounds: RefusalGroundChoice[]; reason: string } | null) ?? null,
    postponement: (row.postponement as { reason: string; until: string } | null) ?? null,
    overdue: (row.overdue ?? []) as OverdueReason[],
    delivery: deliveryOf(row),
    recordableAnswers: actor && actor.organisationId === row.organisation_id && can(actor.role, 'request:transmit') ? recordableAnswers(factsOf(row), !isRecordedCounterpart(row)) : [],
    linkCandidates:
      actor && can(actor.role, 'request:link') && isRecordedCounterpart(row) && !TERMINAL_STATES.includes(row.state as RequestState)
        ? (await peersForState(db, row.requested_state)).map((p) => ({ nodeId: p.node_id, name: p.authority_name }))
        : [],
    editable: isEditable(row, actor),
    allowedActions: allowedFor(row, actor),
    policy: await policyView(db, now, actor, row),
    case: await caseRefOfRequest({ db, now: () => now }, actor, row.id),
    attachments: files.map(presentAttachment),
    timeline: events.map((e) => ({
      seq: e.seq,
      at: new Date(e.at).toISOString(),
      action: e.action,
      fromState: (e.from_state as RequestState | null) ?? null,
      toState: e.to_state as RequestState,
      side: e.side as Side,
      origin: e.origin as 'own' | 'counterpart' | 'recorded',
      // The other side's staff are named by their organisation only; a recorded answer names who recorded it.
      actor: { email: e.origin === 'counterpart' ? null : e.actor_email, organisation: e.actor_organisation },
      reason: e.reason,
      details: (e.details ?? {}) as Record<string, unknown>,
    })),
  };
}

export function presentAttachment(f: RequestAttachmentRow) {
  return {
    id: f.id,
    filename: f.filename,
    mediaType: f.media_type,
    size: f.size_bytes,
    sha256: f.sha256,
    uploadedAt: new Date(f.uploaded_at).toISOString(),
    uploadedBy: f.uploaded_by,
    suppliedBy: f.supplied_by,
    sentWith: f.sent_with,
    sentAt: f.sent_at ? new Date(f.sent_at).toISOString() : null,
    answerEventId: f.answer_event_id ?? null,
  };
}
