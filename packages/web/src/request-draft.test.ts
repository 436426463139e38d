// The editor's pure steps: what it sends (clearing a field saves; blank details are left out), how
// it finds the fields two versions differ in (the basis of "re-apply my changes"), where the
// completeness panel's "go to field" lands, and which inputs it marks as asked for by the rules.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from './api.ts';
import { changedFields, contentOf, type Draft, draftOf, emptyDraft, fieldErrorsOf, prune } from './request-draft.ts';
import { fieldId, measureFieldLevels, measureFields, type RequestView, requestFieldLevels } from './requests.ts';

function view(overrides: Partial<RequestView> = {}): RequestView {
  return {
    id: '0190c2a4-0000-7000-8000-000000000001',
    reference: 'OUT-2026-00001',
    conversationId: '0190c2a4-0000-7000-8000-000000000002',
    side: 'requesting',
    state: 'draft',
    version: 3,
    type: 'mla',
    requesting: { organisationId: null, name: 'Parquet national financier', state: 'FRA' },
    requested: { organisationId: null, name: null, state: 'DEU' },
    title: 'Operation Meridian',
    requestedState: 'DEU',
    requestedOrganisationId: null,
    legalBasis: { kind: 'treaty', instrument: 'UNCAC', articles: ['46'], title: 'United Nations Convention against Corruption', citation: 'UNCAC art. 46' },
    offences: [{ category: 'corruption' }],
    facts: 'Bribes paid between 2022 and 2024.',
    proceedings: { stage: 'investigation' },
    persons: [{ id: 'p1', role: 'suspect', kind: 'natural', name: 'Jean DUPONT' }],
    measures: [{ id: 'm1', kind: 'bank-records', description: 'Statements' }],
    urgency: { urgent: false },
    deadline: null,
    confidentiality: { confidential: false },
    useLimitations: {},
    language: 'en',
    marking: 'AMBER',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    createdBy: null,
    lastEditedBy: null,
    submittedBy: null,
    approvedBy: null,
    submittedAt: null,
    approvedAt: null,
    transmittedAt: null,
    receivedAt: null,
    executionStartedAt: null,
    executedAt: null,
    closedAt: null,
    refusal: null,
    postponement: null,
    overdue: [],
    editable: true,
    allowedActions: ['submit', 'withdraw'],
    attachments: [],
    timeline: [],
    ...overrides,
  };
}

test('completeness paths lead to the editor input of the same field', () => {
  assert.equal(fieldId('title'), 'f-title');
  assert.equal(fieldId('proceedings.authority'), 'f-proceedings-authority');
  assert.equal(fieldId('measures[1].order.issuedOn'), 'f-measures-1-order-issuedOn');
  assert.equal(fieldId('persons[12].nationality'), 'f-persons-12-nationality');
});

test('the editor marks what the completeness rules ask for, per type and measure', () => {
  const request = requestFieldLevels('mla');
  assert.equal(request.get('facts'), 'essential');
  assert.equal(request.get('legalBasis'), 'essential');
  assert.equal(request.get('title'), 'recommended');
  const bank = measureFieldLevels('mla', 'bank-records');
  assert.equal(bank.get('custodian'), 'essential');
  assert.equal(bank.get('accounts'), 'essential');
  assert.equal(bank.get('period'), 'recommended');
  // A condition's field is shown too: whether by videoconference decides whether its reason is needed.
  assert.ok(measureFields('mla', 'witness-statement').has('videoconference'));
  assert.ok(measureFields('mla', 'witness-statement').has('videoconferenceReason'));
  assert.equal(measureFieldLevels('extradition', 'surrender-for-enforcement').get('sentence'), 'essential');
});

test('a saved request becomes a draft and back without change', () => {
  const saved = view();
  const draft = draftOf(saved);
  assert.deepEqual(draft.legalBasis, { kind: 'treaty', instrument: 'UNCAC', articles: ['46'] });
  assert.deepEqual(changedFields(draft, draftOf(saved)), []);
  const body = contentOf(draft);
  assert.equal(body.title, 'Operation Meridian');
  assert.equal(body.requestedState, 'DEU');
  assert.ok(!('type' in body), 'the type is fixed at creation, not edited');
  assert.equal(body.requestedNodeId, null);
  const peer = contentOf({ ...draft, requestedOrganisationId: null, requestedNodeId: 'node-4052e668426ae3d43b14' });
  assert.equal(peer.requestedNodeId, 'node-4052e668426ae3d43b14', 'an authority picked from the directory is sent by its node');
});

test('clearing a field is sent (as blank text or null); blank details inside lists are left out', () => {
  const draft: Draft = {
    ...draftOf(view()),
    facts: '',
    deadline: '',
    persons: [{ id: 'p1', role: 'witness', kind: 'natural', name: 'Anna SCHMIDT', nationality: '', location: '  ' }],
    urgency: { urgent: true, reason: '' },
  };
  const body = contentOf(draft);
  assert.equal(body.facts, '', 'a cleared text field must be sent so that the node clears it');
  assert.equal(body.deadline, null);
  assert.deepEqual(body.persons, [{ id: 'p1', role: 'witness', kind: 'natural', name: 'Anna SCHMIDT' }]);
  assert.deepEqual(body.urgency, { urgent: true });
  // A new draft without a State yet does not send an empty one.
  assert.ok(!('requestedState' in contentOf(emptyDraft('mla', 'fr'))));
  assert.equal(emptyDraft('mla', 'fr').language, 'fr');
  assert.equal(emptyDraft('mla', 'de').language, 'en', 'only the six UN languages are taken from the interface');
});

test('the fields two versions differ in are found, so edits can be re-applied on a newer version', () => {
  const base = draftOf(view());
  const theirs = draftOf(view({ version: 4, facts: 'Facts corrected by a colleague.' }));
  const mine: Draft = { ...base, title: 'Operation Meridian (bank records)', measures: [...(base.measures ?? []), { id: 'm2', kind: 'freezing' }] };
  assert.deepEqual(changedFields(base, theirs), ['facts']);
  assert.deepEqual(changedFields(base, mine), ['measures', 'title']);
});

test('prune drops blank strings and undefined at every depth but keeps false and zero', () => {
  assert.deepEqual(prune({ a: '', b: undefined, c: false, d: 0, e: [{ f: ' ', g: 'x' }], h: { i: '' } }), { c: false, d: 0, e: [{ g: 'x' }], h: {} });
});

test('a 400 answer marks the fields it names; other errors mark none', () => {
  const zod = new ApiError(400, 'invalid', 'validation_failed', [
    { path: 'body.persons.0.nationality', message: 'an ISO 3166 alpha-3 code such as FRA' },
    { path: 'body.deadline', message: 'expected YYYY-MM-DD' },
  ]);
  assert.deepEqual(
    [...fieldErrorsOf(zod)],
    [
      ['persons[0].nationality', 'an ISO 3166 alpha-3 code such as FRA'],
      ['deadline', 'expected YYYY-MM-DD'],
    ],
  );
  const service = new ApiError(400, 'Bundesamt für Justiz is an authority of DEU, not of FRA.', 'requested_state_mismatch', [], { field: 'requestedState' });
  assert.equal(fieldErrorsOf(service).get('requestedState'), 'Bundesamt für Justiz is an authority of DEU, not of FRA.');
  assert.equal(fieldErrorsOf(new ApiError(409, 'stale', 'version_conflict')).size, 0);
  assert.equal(fieldErrorsOf(new Error('x')).size, 0);
});
