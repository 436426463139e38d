import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.ts';
import { type ActorRef, LIFECYCLE, type LifecycleFacts, REQUEST_ACTIONS, type RequestEvent, actionsFor, allowedActions, recordAnswer, recordableAnswers, transition } from './lifecycle.ts';
import { resolveRefusalGrounds } from './refusal-grounds.ts';
import { REQUEST_STATES, TERMINAL_STATES } from './request.ts';

const drafter: ActorRef = { userId: 'u-drafter', email: 'd@x', role: 'practitioner' };
const supervisor: ActorRef = { userId: 'u-sup', email: 's@x', role: 'supervisor' };
const executor: ActorRef = { userId: 'u-exec', email: 'e@x', role: 'practitioner' };
const at = new Date('2025-06-01T10:00:00Z');

function facts(state: LifecycleFacts['state'], side: LifecycleFacts['side'] = 'requesting', extra: Partial<LifecycleFacts> = {}): LifecycleFacts {
  return { state, side, createdBy: drafter.userId, submittedBy: null, lastEditedBy: drafter.userId, ...extra };
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return 'no error';
}

describe('request lifecycle', () => {
  test('the happy path: draft to executed, each side taking its own actions', () => {
    let f = facts('draft');
    const steps: [RequestEvent, ActorRef, LifecycleFacts['side'], string][] = [
      [{ action: 'submit', essentialMissing: [] }, drafter, 'requesting', 'awaiting-approval'],
      [{ action: 'approve' }, supervisor, 'requesting', 'approved'],
      [{ action: 'transmit', essentialMissing: [] }, drafter, 'requesting', 'transmitted'],
      [{ action: 'receive' }, executor, 'requested', 'received'],
      [{ action: 'start-execution' }, executor, 'requested', 'under-execution'],
      [{ action: 'request-more-info', reason: 'Need the account numbers' }, executor, 'requested', 'more-information-requested'],
      [{ action: 'provide-more-info', reason: 'Accounts DE89…' }, drafter, 'requesting', 'under-execution'],
      [{ action: 'partially-execute', reason: 'Bank records sent' }, executor, 'requested', 'partially-executed'],
      [{ action: 'execute' }, executor, 'requested', 'executed'],
    ];
    const messages: (string | null)[] = [];
    for (const [event, actor, side, to] of steps) {
      const r = transition({ ...f, side }, event, { actor, at, origin: 'own' });
      assert.equal(r.to, to);
      assert.equal(r.audit.action, `request.${event.action}`);
      assert.equal(r.audit.change.from, f.state);
      messages.push(r.message);
      f = { ...f, state: r.to, submittedBy: r.effects.submittedBy === undefined ? f.submittedBy : r.effects.submittedBy };
    }
    // Nothing leaves before transmission; the whole request at transmission; a status after.
    assert.deepEqual(messages, [null, null, 'request.transmit', 'request.status', 'request.status', 'request.status', 'request.status', 'request.status', 'request.status']);
  });

  test('an illegal transition is a conflict that lists the allowed actions', () => {
    const err = (() => {
      try {
        transition(facts('draft'), { action: 'transmit', essentialMissing: [] }, { actor: drafter, at, origin: 'own' });
      } catch (e) {
        return e as ConflictError;
      }
    })();
    assert.ok(err instanceof ConflictError);
    assert.equal(err.code, 'illegal_transition');
    assert.deepEqual(err.details?.allowed, ['submit', 'withdraw']);
  });

  test('the other side\u2019s actions are refused with wrong_side', () => {
    assert.equal(code(() => transition(facts('transmitted'), { action: 'receive' }, { actor: drafter, at, origin: 'own' })), 'wrong_side');
    assert.equal(
      code(() => transition(facts('more-information-requested', 'requested'), { action: 'provide-more-info', reason: 'x' }, { actor: executor, at, origin: 'own' })),
      'wrong_side',
    );
    // Mirrored from the counterpart, the same actions are fine.
    assert.equal(transition(facts('transmitted'), { action: 'receive' }, { actor: executor, at, origin: 'counterpart' }).message, null);
  });

  test('four eyes: whoever drafted, edited or submitted cannot approve; only supervisors can', () => {
    const sup2: ActorRef = { userId: 'u-sup2', email: 's2@x', role: 'supervisor' };
    const awaiting = facts('awaiting-approval', 'requesting', { createdBy: sup2.userId, submittedBy: sup2.userId, lastEditedBy: sup2.userId });
    assert.equal(code(() => transition(awaiting, { action: 'approve' }, { actor: sup2, at, origin: 'own' })), 'self_approval');
    assert.ok(
      (() => {
        try {
          transition(awaiting, { action: 'approve' }, { actor: sup2, at, origin: 'own' });
        } catch (e) {
          return e instanceof ForbiddenError;
        }
      })(),
    );
    assert.equal(code(() => transition(awaiting, { action: 'approve' }, { actor: drafter, at, origin: 'own' })), 'approval_requires_supervisor');
    const ok = transition(awaiting, { action: 'approve' }, { actor: supervisor, at, origin: 'own' });
    assert.equal(ok.effects.approvedBy, supervisor.userId);
    assert.deepEqual(actionsFor(awaiting, sup2), ['return-to-draft', 'withdraw']);
    assert.deepEqual(actionsFor(awaiting, supervisor), ['return-to-draft', 'approve', 'withdraw']);
  });

  test('submit and transmit are blocked while essential items are missing', () => {
    const missing = [{ field: 'facts', reason: 'r', citation: 'UNTOC art. 18(15)(c)', rule: 'facts' }];
    const err = (() => {
      try {
        transition(facts('draft'), { action: 'submit', essentialMissing: missing }, { actor: drafter, at, origin: 'own' });
      } catch (e) {
        return e as ConflictError;
      }
    })();
    assert.equal(err?.code, 'request_incomplete');
    assert.deepEqual(err?.details?.essentialMissing, missing);
  });

  test('reasons, grounds with articles and postponement dates are required where the treaty asks for them', () => {
    const f = facts('under-execution', 'requested');
    assert.equal(code(() => transition(f, { action: 'refuse', reason: ' ', grounds: [] }, { actor: executor, at, origin: 'own' })), 'reason_required');
    assert.equal(code(() => transition(f, { action: 'refuse', reason: 'x', grounds: [] }, { actor: executor, at, origin: 'own' })), 'refusal_grounds_required');
    const grounds = resolveRefusalGrounds('mla', [{ ground: 'mla-essential-interests' }]);
    const refused = transition(f, { action: 'refuse', reason: 'Security', grounds }, { actor: executor, at, origin: 'own' });
    assert.equal(refused.to, 'refused');
    assert.deepEqual(refused.audit.change.grounds, [{ ground: 'mla-essential-interests', citation: 'UNTOC art. 18(21)(b); UNCAC art. 46(21)(b); ETS-030 art. 2(b)' }]);
    assert.equal(code(() => transition(f, { action: 'postpone', reason: 'Ongoing trial', until: '2020-01-01' }, { actor: executor, at, origin: 'own' })), 'postpone_until_past');
    const postponed = transition(f, { action: 'postpone', reason: 'Ongoing trial', until: '2025-09-01' }, { actor: executor, at, origin: 'own' });
    assert.deepEqual(postponed.effects.postponement, { reason: 'Ongoing trial', until: '2025-09-01' });
    assert.deepEqual(allowedActions({ state: 'postponed', side: 'requested' }), ['start-execution', 'refuse']);
  });

  test('refusal grounds are checked against the type, and "other" needs its provision', () => {
    assert.throws(() => resolveRefusalGrounds('mla', [{ ground: 'ext-nationality' }]), ValidationError);
    assert.throws(() => resolveRefusalGrounds('extradition', [{ ground: 'other' }]), ValidationError);
    assert.deepEqual(resolveRefusalGrounds('extradition', [{ ground: 'other', citation: 'Constitution art. 16', note: 'n' }]), [
      { ground: 'other', citation: 'Constitution art. 16', label: 'Other ground (give the provision)', note: 'n' },
    ]);
  });

  test('terminal states allow nothing; every non-terminal state has a way forward', () => {
    for (const state of REQUEST_STATES) {
      const all = [...allowedActions({ state, side: 'requesting' }), ...allowedActions({ state, side: 'requested' })];
      if (TERMINAL_STATES.includes(state)) assert.deepEqual(all, [], state);
      else assert.ok(all.length > 0, state);
    }
    for (const a of REQUEST_ACTIONS) assert.ok(LIFECYCLE[a].from.length > 0);
  });

  test('withdrawing before transmission tells nobody; after transmission it tells the requested side', () => {
    assert.equal(transition(facts('approved'), { action: 'withdraw', reason: 'Case closed' }, { actor: drafter, at, origin: 'own' }).message, null);
    const after = transition(facts('under-execution'), { action: 'withdraw', reason: 'Case closed' }, { actor: drafter, at, origin: 'own' });
    assert.equal(after.message, 'request.status');
    assert.equal(after.effects.closedAt, at);
  });
});

describe('requests to an authority without a node', () => {
  const recorded = (f: LifecycleFacts, extra: { counterpartHasNode?: boolean; transmittedAt?: Date | null } = {}) => ({
    ...f,
    counterpartHasNode: extra.counterpartHasNode ?? false,
    transmittedAt: extra.transmittedAt ?? new Date('2025-05-20T12:00:00Z'),
  });
  const grounds = resolveRefusalGrounds('mla', [{ ground: 'mla-essential-interests' }]);

  test('a recorded transmission needs a produced letter, sends no message and keeps the date it was sent', () => {
    const f = facts('approved');
    const event = (sentOn: string, letterProduced = true): RequestEvent => ({
      action: 'transmit',
      essentialMissing: [],
      recorded: { channel: 'diplomatic', sentOn, letterProduced },
    });
    assert.equal(code(() => transition(f, event('2025-05-30', false), { actor: drafter, at, origin: 'own' })), 'letter_not_produced');
    assert.equal(code(() => transition(f, event('2025-06-02'), { actor: drafter, at, origin: 'own' })), 'date_in_future');
    assert.equal(code(() => transition(f, event('2025-02-30'), { actor: drafter, at, origin: 'own' })), 'invalid_date');
    const earlier = transition(f, event('2025-05-30'), { actor: drafter, at, origin: 'own' });
    assert.equal(earlier.to, 'transmitted');
    assert.equal(earlier.message, null, 'nothing travels through Comity');
    assert.equal(earlier.effects.transmittedAt?.toISOString(), '2025-05-30T12:00:00.000Z');
    assert.deepEqual(earlier.audit.change.recorded, { channel: 'diplomatic', sentOn: '2025-05-30' });
    const today = transition(f, event('2025-06-01'), { actor: drafter, at, origin: 'own' });
    assert.equal(today.effects.transmittedAt, at);
    // Between nodes the transmission still carries the request.
    assert.equal(transition(f, { action: 'transmit', essentialMissing: [] }, { actor: drafter, at, origin: 'own' }).message, 'request.transmit');
  });

  test('answers follow the requested side’s lifecycle and set the same dates', () => {
    let f = recorded(facts('transmitted'));
    const ack = recordAnswer(f, { answer: 'acknowledged', receivedOn: '2025-05-25' }, { actor: drafter, at });
    assert.deepEqual([ack.action, ack.to, ack.message], ['receive', 'received', null]);
    assert.equal(ack.effects.receivedAt?.toISOString(), '2025-05-25T12:00:00.000Z');
    assert.equal(ack.audit.change.recordedBy, 'requesting-side');
    f = { ...f, state: 'received' };
    assert.deepEqual(recordableAnswers(f, false), ['more-information-requested', 'partially-executed', 'executed', 'refused']);
    assert.equal(code(() => recordAnswer(f, { answer: 'more-information-requested', receivedOn: '2025-05-28' }, { actor: drafter, at })), 'reason_required');
    const more = recordAnswer(f, { answer: 'more-information-requested', receivedOn: '2025-05-28', reason: 'Which accounts?' }, { actor: drafter, at });
    assert.equal(more.to, 'more-information-requested');
    // The requesting side answers with its own action, as between nodes.
    f = { ...f, state: 'under-execution' };
    const done = recordAnswer(f, { answer: 'executed', receivedOn: '2025-06-01' }, { actor: drafter, at });
    assert.deepEqual([done.to, done.effects.executedAt, done.effects.closedAt], ['executed', at, at]);
  });

  test('an answer received before any acknowledgement also dates the receipt', () => {
    const r = recordAnswer(recorded(facts('transmitted')), { answer: 'executed', receivedOn: '2025-05-31' }, { actor: drafter, at });
    assert.equal(r.effects.receivedAt?.toISOString(), '2025-05-31T12:00:00.000Z');
  });

  test('refusals need grounds and a reason; answers cannot predate the transmission or come from a node', () => {
    const f = recorded(facts('received'));
    assert.equal(code(() => recordAnswer(f, { answer: 'refused', receivedOn: '2025-05-28', reason: 'Security' }, { actor: drafter, at })), 'refusal_grounds_required');
    const refused = recordAnswer(f, { answer: 'refused', receivedOn: '2025-05-28', reason: 'Security', grounds }, { actor: drafter, at });
    assert.equal(refused.to, 'refused');
    assert.equal(refused.effects.refusal?.grounds[0]?.ground, 'mla-essential-interests');
    assert.equal(code(() => recordAnswer(f, { answer: 'executed', receivedOn: '2025-05-01' }, { actor: drafter, at })), 'received_before_sent');
    assert.equal(code(() => recordAnswer(f, { answer: 'executed', receivedOn: '2025-06-09' }, { actor: drafter, at })), 'date_in_future');
    assert.equal(code(() => recordAnswer(recorded(facts('received'), { counterpartHasNode: true }), { answer: 'executed', receivedOn: '2025-05-28' }, { actor: drafter, at })), 'counterpart_has_node');
    assert.equal(code(() => recordAnswer(recorded(facts('approved')), { answer: 'acknowledged', receivedOn: '2025-05-28' }, { actor: drafter, at })), 'illegal_transition');
    assert.equal(code(() => recordAnswer(recorded(facts('received', 'requested')), { answer: 'executed', receivedOn: '2025-05-28' }, { actor: drafter, at })), 'wrong_side');
    const viewer: ActorRef = { userId: 'u-v', email: 'v@x', role: 'viewer' };
    assert.equal(code(() => recordAnswer(f, { answer: 'executed', receivedOn: '2025-05-28' }, { actor: viewer, at })), 'forbidden');
    assert.deepEqual(recordableAnswers(facts('received'), true), [], 'a counterpart with a node answers by itself');
  });
});
