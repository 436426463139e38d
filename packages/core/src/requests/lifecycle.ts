// The request lifecycle as a pure state machine. Each side (requesting, requested) keeps its own
// record of the shared lifecycle; an action is taken by one side and mirrored on the other when
// its message arrives. `transition` decides and returns what to write; it never writes.
import { can, type Permission, type Role } from '../policy/policy.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.ts';
import type { CompletenessItem } from './completeness.ts';
import type { RefusalGroundChoice } from './refusal-grounds.ts';
import type { TransmissionChannel } from '../authorities/authority.ts';
import { OPEN_AFTER_TRANSMISSION, type RequestState, type Side } from './request.ts';

export const REQUEST_ACTIONS = [
  'submit',
  'return-to-draft',
  'approve',
  'transmit',
  'receive',
  'start-execution',
  'request-more-info',
  'provide-more-info',
  'partially-execute',
  'execute',
  'refuse',
  'postpone',
  'withdraw',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export interface ActionRule {
  side: Side;
  from: readonly RequestState[];
  to: RequestState;
  reasonRequired: boolean;
  permission: Permission;
}

const BEFORE_END: readonly RequestState[] = [
  'draft',
  'awaiting-approval',
  'approved',
  'transmitted',
  'received',
  'under-execution',
  'more-information-requested',
  'partially-executed',
  'postponed',
];

/** The lifecycle table: who may take each action, from which states, to which state. */
export const LIFECYCLE: Readonly<Record<RequestAction, ActionRule>> = {
  submit: { side: 'requesting', from: ['draft'], to: 'awaiting-approval', reasonRequired: false, permission: 'request:draft' },
  'return-to-draft': { side: 'requesting', from: ['awaiting-approval', 'approved'], to: 'draft', reasonRequired: true, permission: 'request:draft' },
  approve: { side: 'requesting', from: ['awaiting-approval'], to: 'approved', reasonRequired: false, permission: 'request:approve' },
  transmit: { side: 'requesting', from: ['approved'], to: 'transmitted', reasonRequired: false, permission: 'request:transmit' },
  receive: { side: 'requested', from: ['transmitted'], to: 'received', reasonRequired: false, permission: 'request:execute' },
  'start-execution': { side: 'requested', from: ['received', 'postponed'], to: 'under-execution', reasonRequired: false, permission: 'request:execute' },
  'request-more-info': {
    side: 'requested',
    from: ['received', 'under-execution', 'partially-executed'],
    to: 'more-information-requested',
    reasonRequired: true,
    permission: 'request:execute',
  },
  'provide-more-info': { side: 'requesting', from: ['more-information-requested'], to: 'under-execution', reasonRequired: true, permission: 'request:draft' },
  'partially-execute': { side: 'requested', from: ['under-execution', 'partially-executed'], to: 'partially-executed', reasonRequired: false, permission: 'request:execute' },
  execute: { side: 'requested', from: ['under-execution', 'partially-executed'], to: 'executed', reasonRequired: false, permission: 'request:execute' },
  refuse: {
    side: 'requested',
    from: ['received', 'under-execution', 'more-information-requested', 'partially-executed', 'postponed'],
    to: 'refused',
    reasonRequired: true,
    permission: 'request:execute',
  },
  postpone: { side: 'requested', from: ['received', 'under-execution', 'partially-executed'], to: 'postponed', reasonRequired: true, permission: 'request:execute' },
  withdraw: { side: 'requesting', from: BEFORE_END, to: 'withdrawn', reasonRequired: true, permission: 'request:draft' },
};

/** What the machine needs to know about one side's record. */
export interface LifecycleFacts {
  state: RequestState;
  side: Side;
  createdBy: string | null;
  submittedBy: string | null;
  lastEditedBy: string | null;
}

export interface ActorRef {
  userId: string;
  email: string;
  role: Role;
}

export type RequestEvent =
  | { action: 'submit'; reason?: string | undefined; essentialMissing: readonly CompletenessItem[] }
  | { action: 'return-to-draft'; reason: string }
  | { action: 'approve'; reason?: string | undefined }
  | { action: 'transmit'; reason?: string | undefined; essentialMissing: readonly CompletenessItem[]; recorded?: RecordedTransmission | undefined }
  | { action: 'receive'; reason?: string | undefined }
  | { action: 'start-execution'; reason?: string | undefined }
  | { action: 'request-more-info'; reason: string }
  | { action: 'provide-more-info'; reason: string }
  | { action: 'partially-execute'; reason?: string | undefined }
  | { action: 'execute'; reason?: string | undefined }
  | { action: 'refuse'; reason: string; grounds: readonly RefusalGroundChoice[] }
  | { action: 'postpone'; reason: string; until: string }
  | { action: 'withdraw'; reason: string };

/** Columns a transition sets on the record. */
export interface TransitionEffects {
  submittedBy?: string | null;
  submittedAt?: Date | null;
  approvedBy?: string | null;
  approvedAt?: Date | null;
  transmittedAt?: Date;
  receivedAt?: Date;
  executionStartedAt?: Date;
  executedAt?: Date;
  closedAt?: Date;
  refusal?: { grounds: RefusalGroundChoice[]; reason: string };
  postponement?: { reason: string; until: string } | null;
}

export interface TransitionResult {
  action: RequestAction;
  from: RequestState;
  to: RequestState;
  effects: TransitionEffects;
  audit: { action: string; change: Record<string, unknown> };
  /** What the other side must be told: the whole request on transmission, a status after it. */
  message: 'request.transmit' | 'request.status' | null;
}

/** Actions this side may take in this state (regardless of who asks). */
export function allowedActions(facts: Pick<LifecycleFacts, 'state' | 'side'>): RequestAction[] {
  return REQUEST_ACTIONS.filter((a) => LIFECYCLE[a].side === facts.side && LIFECYCLE[a].from.includes(facts.state));
}

/** Actions this actor may take now: the side's actions, their permission, and four eyes. */
export function actionsFor(facts: LifecycleFacts, actor: { userId: string; role: Role }): RequestAction[] {
  return allowedActions(facts).filter((a) => {
    if (!can(actor.role, LIFECYCLE[a].permission)) return false;
    if (a === 'approve' && involvedInDrafting(facts, actor.userId)) return false;
    return true;
  });
}

function involvedInDrafting(facts: LifecycleFacts, userId: string): boolean {
  return facts.createdBy === userId || facts.submittedBy === userId || facts.lastEditedBy === userId;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Decide one transition. `origin: 'own'` is an action taken on this record by its own side;
 * `'counterpart'` mirrors an action the other side took (its state is the truth for its actions).
 */
export function transition(
  facts: LifecycleFacts,
  event: RequestEvent,
  ctx: { actor: ActorRef | null; at: Date; origin: 'own' | 'counterpart' },
): TransitionResult {
  const rule = LIFECYCLE[event.action];
  const allowed = allowedActions(facts);
  if (ctx.origin === 'own' && rule.side !== facts.side) {
    throw new ForbiddenError('wrong_side', `"${event.action}" is an action of the ${rule.side} side; this is the ${facts.side} side's record.`, {
      allowed,
      state: facts.state,
    });
  }
  if (ctx.origin === 'counterpart' && rule.side === facts.side) {
    throw new ConflictError('counterpart_action_invalid', `The counterpart cannot take "${event.action}" on the ${facts.side} side's record.`);
  }
  if (!rule.from.includes(facts.state)) {
    throw new ConflictError('illegal_transition', `A request that is ${facts.state} cannot be ${event.action === 'submit' ? 'submitted' : `moved by "${event.action}"`}.`, {
      allowed,
      state: facts.state,
    });
  }
  const reason = event.reason?.trim() ?? '';
  if (rule.reasonRequired && !reason) {
    throw new ValidationError('reason_required', `"${event.action}" needs a reason.`);
  }
  const at = ctx.at;
  const effects: TransitionEffects = {};
  const change: Record<string, unknown> = { from: facts.state, to: rule.to };
  if (reason) change.reason = reason;

  switch (event.action) {
    case 'submit':
      if (event.essentialMissing.length > 0) {
        throw new ConflictError('request_incomplete', `${event.essentialMissing.length} essential item(s) are missing; complete them before submitting.`, {
          essentialMissing: event.essentialMissing,
        });
      }
      effects.submittedBy = ctx.actor?.userId ?? null;
      effects.submittedAt = at;
      break;
    case 'return-to-draft':
      effects.submittedBy = null;
      effects.submittedAt = null;
      effects.approvedBy = null;
      effects.approvedAt = null;
      break;
    case 'approve':
      if (ctx.origin === 'own') {
        if (!ctx.actor || !can(ctx.actor.role, 'request:approve')) {
          throw new ForbiddenError('approval_requires_supervisor', 'Only a supervisor can approve a request.');
        }
        if (involvedInDrafting(facts, ctx.actor.userId)) {
          throw new ForbiddenError('self_approval', 'Four eyes: a request must be approved by a supervisor who did not draft, edit or submit it.');
        }
      }
      effects.approvedBy = ctx.actor?.userId ?? null;
      effects.approvedAt = at;
      break;
    case 'transmit':
      if (event.essentialMissing.length > 0) {
        throw new ConflictError('request_incomplete', `${event.essentialMissing.length} essential item(s) are missing.`, {
          essentialMissing: event.essentialMissing,
        });
      }
      if (event.recorded) {
        // The requested authority has no node: the letter goes by another channel and the
        // requesting side records when it left. Nothing travels through Comity.
        if (!event.recorded.letterProduced) {
          throw new ConflictError('letter_not_produced', 'Produce the letter of request (PDF or DOCX) before recording how it was sent.');
        }
        effects.transmittedAt = recordedDate(event.recorded.sentOn, at, 'sentOn');
        change.recorded = { channel: event.recorded.channel, sentOn: event.recorded.sentOn };
      } else {
        effects.transmittedAt = at;
      }
      break;
    case 'receive':
      effects.receivedAt = at;
      break;
    case 'start-execution':
      effects.executionStartedAt = at;
      effects.postponement = null;
      break;
    case 'request-more-info':
    case 'provide-more-info':
    case 'partially-execute':
      break;
    case 'execute':
      effects.executedAt = at;
      effects.closedAt = at;
      break;
    case 'refuse':
      if (event.grounds.length === 0) {
        throw new ValidationError('refusal_grounds_required', 'A refusal must give at least one ground with its article.');
      }
      effects.refusal = { grounds: [...event.grounds], reason };
      effects.closedAt = at;
      change.grounds = event.grounds.map((g) => ({ ground: g.ground, citation: g.citation }));
      break;
    case 'postpone':
      if (!DATE.test(event.until)) throw new ValidationError('invalid_date', 'Postpone "until" must be a date YYYY-MM-DD.');
      if (event.until < at.toISOString().slice(0, 10)) {
        throw new ValidationError('postpone_until_past', `Cannot postpone until ${event.until}: that date is past.`);
      }
      effects.postponement = { reason, until: event.until };
      change.until = event.until;
      break;
    case 'withdraw':
      effects.closedAt = at;
      break;
    default: {
      const never: never = event;
      return never;
    }
  }

  let message: TransitionResult['message'] = null;
  if (ctx.origin === 'own' && !(event.action === 'transmit' && event.recorded)) {
    if (rule.to === 'transmitted') message = 'request.transmit';
    else if (OPEN_AFTER_TRANSMISSION.includes(facts.state)) message = 'request.status';
  }
  return {
    action: event.action,
    from: facts.state,
    to: rule.to,
    effects,
    audit: { action: `request.${event.action}`, change },
    message,
  };
}

// ── Requests to an authority without a node ─────────────────────────────────────────────────────
// The requesting side sends the letter by another channel and records what happened on its own
// record: when and how the letter left (a recorded `transmit`), and each answer the requested
// authority gave (`recordAnswer`). Timeline, deadlines and statistics read the same columns as
// between nodes; the events say they were recorded by the requesting side.

/** How and when the letter was sent, as the requesting side records it. */
export interface RecordedTransmission {
  channel: TransmissionChannel;
  /** YYYY-MM-DD, not in the future. */
  sentOn: string;
  /** Whether a letter of request (PDF or DOCX) was produced from the approved request. */
  letterProduced: boolean;
}

export const RECORDED_ANSWERS = ['acknowledged', 'more-information-requested', 'partially-executed', 'executed', 'refused'] as const;
export type RecordedAnswer = (typeof RECORDED_ANSWERS)[number];

/** Which requested-side action each answer stands for, and from which states of the requesting
 * record it can be recorded (the requesting side does not see the steps in between). */
export const RECORDED_ANSWER_RULES: Readonly<Record<RecordedAnswer, { action: RequestAction; from: readonly RequestState[]; to: RequestState; reasonRequired: boolean }>> = {
  acknowledged: { action: 'receive', from: ['transmitted'], to: 'received', reasonRequired: false },
  'more-information-requested': {
    action: 'request-more-info',
    from: ['transmitted', 'received', 'under-execution', 'partially-executed', 'postponed'],
    to: 'more-information-requested',
    reasonRequired: true,
  },
  'partially-executed': { action: 'partially-execute', from: ['transmitted', 'received', 'under-execution', 'partially-executed'], to: 'partially-executed', reasonRequired: false },
  executed: { action: 'execute', from: ['transmitted', 'received', 'under-execution', 'partially-executed'], to: 'executed', reasonRequired: false },
  refused: { action: 'refuse', from: OPEN_AFTER_TRANSMISSION, to: 'refused', reasonRequired: true },
};

export interface RecordAnswerInput {
  answer: RecordedAnswer;
  /** YYYY-MM-DD: when the answer was received; not in the future, not before transmission. */
  receivedOn: string;
  reason?: string | undefined;
  grounds?: readonly RefusalGroundChoice[] | undefined;
}

/** Answers the requesting side may record now on a record whose counterpart has no node. */
export function recordableAnswers(facts: Pick<LifecycleFacts, 'state' | 'side'>, counterpartHasNode: boolean): RecordedAnswer[] {
  if (facts.side !== 'requesting' || counterpartHasNode) return [];
  return RECORDED_ANSWERS.filter((a) => RECORDED_ANSWER_RULES[a].from.includes(facts.state));
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A recorded date: today's keeps the time of recording; an earlier day is noon UTC of that day. */
function recordedDate(day: string, at: Date, field: string): Date {
  const parsed = new Date(`${day}T00:00:00Z`);
  if (!DAY.test(day) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) throw new ValidationError('invalid_date', `"${field}" must be a date YYYY-MM-DD.`, { field });
  const today = at.toISOString().slice(0, 10);
  if (day > today) throw new ValidationError('date_in_future', `"${field}" cannot be in the future (${day}).`, { field });
  return day === today ? at : new Date(`${day}T12:00:00Z`);
}

/** Decide a recorded answer. Like `transition`, it returns what to write and never writes. */
export function recordAnswer(
  facts: LifecycleFacts & { counterpartHasNode: boolean; transmittedAt: Date | null },
  input: RecordAnswerInput,
  ctx: { actor: ActorRef; at: Date },
): TransitionResult {
  if (facts.side !== 'requesting') {
    throw new ForbiddenError('wrong_side', 'Only the requesting side records the answers of an authority without a node.');
  }
  if (facts.counterpartHasNode) {
    throw new ConflictError('counterpart_has_node', 'The requested authority answers through its node; its answers arrive by themselves.');
  }
  if (!can(ctx.actor.role, 'request:transmit')) throw new ForbiddenError('forbidden', 'You do not have permission to record answers.');
  const rule = RECORDED_ANSWER_RULES[input.answer];
  if (!rule.from.includes(facts.state)) {
    throw new ConflictError('illegal_transition', `An answer "${input.answer}" cannot be recorded on a request that is ${facts.state}.`, {
      allowed: recordableAnswers(facts, false),
      state: facts.state,
    });
  }
  const reason = input.reason?.trim() ?? '';
  if (rule.reasonRequired && !reason) throw new ValidationError('reason_required', `Recording "${input.answer}" needs what the authority said.`);
  const receivedAt = recordedDate(input.receivedOn, ctx.at, 'receivedOn');
  if (facts.transmittedAt && input.receivedOn < facts.transmittedAt.toISOString().slice(0, 10)) {
    throw new ValidationError('received_before_sent', `The answer cannot have been received (${input.receivedOn}) before the request was sent.`, { field: 'receivedOn' });
  }
  const effects: TransitionEffects = {};
  const change: Record<string, unknown> = { from: facts.state, to: rule.to, answer: input.answer, receivedOn: input.receivedOn, recordedBy: 'requesting-side' };
  if (reason) change.reason = reason;
  switch (input.answer) {
    case 'acknowledged':
      effects.receivedAt = receivedAt;
      break;
    case 'more-information-requested':
    case 'partially-executed':
      break;
    case 'executed':
      effects.executedAt = receivedAt;
      effects.closedAt = receivedAt;
      break;
    case 'refused':
      if (!input.grounds?.length) throw new ValidationError('refusal_grounds_required', 'A refusal must give at least one ground with its article.');
      effects.refusal = { grounds: [...input.grounds], reason };
      effects.closedAt = receivedAt;
      change.grounds = input.grounds.map((g) => ({ ground: g.ground, citation: g.citation }));
      break;
    default: {
      const never: never = input.answer;
      return never;
    }
  }
  // The acknowledgement is when the authority received the request; an answer that comes first
  // implies it, so the service-level clock stops there too.
  if (input.answer !== 'acknowledged' && facts.state === 'transmitted') effects.receivedAt = receivedAt;
  return { action: rule.action, from: facts.state, to: rule.to, effects, audit: { action: 'request.record-answer', change }, message: null };
}
