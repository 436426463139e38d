import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LegalBasis, LegalBasisAnswer } from '../knowledge/engine.ts';
import { type CompletenessContext, checkCompleteness, citeRule } from './completeness.ts';
import { COMPLETENESS_RULES } from './completeness-rules.ts';
import { exampleRequest } from './examples.ts';
import { MEASURES_BY_TYPE, REQUEST_TYPES, type RequestDraft } from './request.ts';

const status = { state: 'party' as const, source: 'test', asOf: '2025-01-01' };

function basis(instrument: string, outcome: LegalBasis['outcome'], extra: Partial<LegalBasis> = {}): LegalBasis {
  return {
    instrument,
    title: instrument,
    titles: { en: instrument },
    short: instrument,
    kind: 'universal',
    outcome,
    articles: [{ number: '18', heading: 'Mutual legal assistance' }],
    status: { requesting: status, requested: status },
    conditions: [],
    conditionCodes: [],
    reservations: [],
    reasons: [`reason for ${instrument}`],
    reasonCodes: [],
    citation: `${instrument} art. 18`,
    rank: 1,
    ...extra,
  };
}

function answer(bases: LegalBasis[]): LegalBasisAnswer {
  return {
    query: { requesting: 'FRA', requested: 'DEU', type: 'mla', offence: 'money-laundering', date: '2025-06-01' },
    dataAsOf: '2025-01-01',
    bases,
    headline: { code: 'no-known-basis', params: { unknown: 0 }, text: '' },
    context: [],
  };
}

const ctx = (bases: LegalBasis[] = [basis('UNTOC', 'applicable')]): CompletenessContext => ({ date: '2025-06-01', basisAnswers: [answer(bases)] });

function complete(type: (typeof REQUEST_TYPES)[number]): RequestDraft {
  const r = exampleRequest(type, 'DEU', '00000000-0000-4000-8000-000000000001');
  r.legalBasis = { kind: 'treaty', instrument: 'UNTOC', articles: ['18'] };
  return r;
}

describe('completeness', () => {
  for (const type of REQUEST_TYPES) {
    test(`a complete ${type} request has nothing essential or recommended missing`, () => {
      const report = checkCompleteness(complete(type), ctx());
      assert.deepEqual(report.essentialMissing, [], JSON.stringify(report.essentialMissing, null, 1));
      assert.deepEqual(report.recommendedMissing, [], JSON.stringify(report.recommendedMissing, null, 1));
    });
  }

  test('an empty MLA draft lists what blocks it, each with the article that asks for it', () => {
    const r = complete('mla');
    Object.assign(r, { facts: '', purpose: '', measures: [], offences: [], legalBasis: null, requestedOrganisationId: null, proceedings: {} });
    const report = checkCompleteness(r, ctx());
    const byField = new Map(report.essentialMissing.map((i) => [i.field, i.citation]));
    // No legal basis chosen: citations show every instrument that asks for the item.
    assert.equal(byField.get('facts'), 'UNTOC art. 18(15)(c); UNCAC art. 46(15)(c); ETS-030 art. 14(2); ETS-024 art. 12(2)(b)');
    assert.equal(byField.get('purpose'), 'UNTOC art. 18(15)(f); UNCAC art. 46(15)(f); ETS-030 art. 14(1)(b)');
    for (const f of ['measures', 'offences', 'legalBasis', 'requestedOrganisationId', 'proceedings.authority', 'proceedings.stage']) {
      assert.ok(byField.has(f), `${f} missing from ${[...byField.keys()]}`);
    }
  });

  test('an authority from the directory without a node satisfies "choose the requested authority"', () => {
    const r = complete('mla');
    Object.assign(r, { requestedOrganisationId: null, requestedNodeId: null, requestedAuthority: null });
    const blocking = () => checkCompleteness(r, ctx()).essentialMissing.find((i) => i.rule === 'requested-authority');
    assert.ok(blocking(), 'no authority chosen: blocking');
    r.requestedAuthority = { id: 'admin:1', source: 'administrator', name: 'Ministério da Justiça', state: 'BRA' };
    assert.equal(blocking(), undefined);
  });

  test('citations follow the chosen legal basis, and a Protocol cites its Convention', () => {
    const r = complete('mla');
    r.purpose = '';
    r.legalBasis = { kind: 'treaty', instrument: 'UNCAC', articles: ['46'] };
    assert.equal(checkCompleteness(r, ctx([basis('UNCAC', 'applicable')])).essentialMissing[0]?.citation, 'UNCAC art. 46(15)(f)');
    r.legalBasis = { kind: 'treaty', instrument: 'UNTOC-TIP', articles: ['1'] };
    const viaProtocol = checkCompleteness(r, { ...ctx([basis('UNTOC-TIP', 'applicable')]), basisSupplements: 'UNTOC' });
    assert.equal(viaProtocol.essentialMissing[0]?.citation, 'UNTOC art. 18(15)(f)');
    assert.equal(citeRule({ UNTOC: 'art. 1' }, 'ETS-030', null), 'UNTOC art. 1');
  });

  test('facts are not needed when only documents are served (UNTOC art. 18(15)(c))', () => {
    const r = complete('mla');
    r.facts = '';
    r.measures = [{ id: 'm1', kind: 'service-of-documents', description: 'Serve the summons', items: 'Summons of 2025-03-01', personIds: ['p1'] }];
    assert.ok(!checkCompleteness(r, ctx()).essentialMissing.some((i) => i.field === 'facts'));
    r.measures.push({ id: 'm2', kind: 'obtain-records', description: 'Company register extract' });
    assert.ok(checkCompleteness(r, ctx()).essentialMissing.some((i) => i.field === 'facts'));
  });

  // Each measure's own rules: take the field away and the rule fires on that measure.
  const measureCases: [string, Partial<Record<string, unknown>>, string, string][] = [
    ['bank-records', { custodian: '' }, 'custodian', 'UNTOC art. 18(3)(f), 18(8)'],
    ['bank-records', { accounts: '' }, 'accounts', 'UNTOC art. 18(3)(f)'],
    ['witness-statement', { personIds: [] }, 'personIds', 'UNTOC art. 18(3)(a), 18(15)(e)'],
    ['witness-statement', { videoconferenceReason: '' }, 'videoconferenceReason', 'UNTOC art. 18(18)'],
    ['search-and-seizure', { location: '' }, 'location', 'UNTOC art. 18(3)(c)'],
    ['search-and-seizure', { items: '' }, 'items', 'UNTOC art. 18(3)(c)'],
    ['service-of-documents', { personIds: [] }, 'personIds', 'UNTOC art. 18(15)(e)'],
    ['freezing', { location: '' }, 'location', 'UNTOC art. 13(1)'],
    ['confiscation', { order: undefined }, 'order', 'UNTOC art. 13(3)(b)'],
    ['identify-trace-proceeds', { items: '' }, 'items', 'UNTOC art. 13(3)'],
    ['preserve-computer-data', { necessity: '' }, 'necessity', 'ETS-185 art. 29(2)(e)'],
    ['preserve-computer-data', { followUpRequestIntended: false }, 'followUpRequestIntended', 'ETS-185 art. 29(2)(f)'],
    ['subscriber-or-traffic-data', { items: '' }, 'items', 'UNTOC art. 18(15)(d)'],
    ['temporary-transfer-detained-person', { consentGiven: false }, 'consentGiven', 'UNTOC art. 18(10)(a)'],
  ];
  const fullMeasure: Record<string, Record<string, unknown>> = {
    'bank-records': { description: 'x', custodian: 'Bank', accounts: 'DE00', period: '2024' },
    'witness-statement': { description: 'x', personIds: ['p2'], questions: 'q', videoconference: true, videoconferenceReason: 'ill' },
    'search-and-seizure': { description: 'x', location: 'House', items: 'Phones' },
    'service-of-documents': { description: 'x', items: 'Summons', personIds: ['p1'] },
    freezing: { description: 'x', items: 'Account', location: 'Bank', estimatedValue: '1', order: { kind: 'freezing-order', reference: 'F1' } },
    confiscation: { description: 'x', items: 'House', location: 'Berlin', estimatedValue: '1', order: { kind: 'confiscation-order', reference: 'C1', issuedBy: 'Court' } },
    'identify-trace-proceeds': { description: 'x', items: 'Proceeds' },
    'preserve-computer-data': { description: 'x', items: 'Mailbox', relationToOffence: 'r', custodian: 'ISP', necessity: 'n', followUpRequestIntended: true },
    'subscriber-or-traffic-data': { description: 'x', items: 'Subscriber of IP', custodian: 'ISP', period: '2024' },
    'temporary-transfer-detained-person': { description: 'x', personIds: ['p1'], consentGiven: true, custodyArrangements: 'c' },
  };
  for (const [kind, change, field, citation] of measureCases) {
    test(`MLA measure ${kind}: without ${field} → essential, citing ${citation}`, () => {
      const r = complete('mla');
      r.measures = [{ id: 'mx', kind: kind as never, ...fullMeasure[kind], ...change }];
      const report = checkCompleteness(r, ctx());
      const hit = report.essentialMissing.find((i) => i.field === `measures[0].${field}`);
      assert.ok(hit, `${kind}.${field} not reported: ${JSON.stringify(report.essentialMissing)}`);
      assert.equal(hit.citation, citation);
      const whole = complete('mla');
      whole.measures = [{ id: 'mx', kind: kind as never, ...fullMeasure[kind] }];
      assert.deepEqual(checkCompleteness(whole, ctx()).essentialMissing, [], `complete ${kind} passes`);
    });
  }

  test('extradition: the supporting documents of ETS 24 art. 12 and the penalty are essential', () => {
    const r = complete('extradition');
    r.legalBasis = { kind: 'treaty', instrument: 'ETS-024', articles: ['1', '12'] };
    r.applicableLaw = '';
    r.offences[0]!.timeAndPlace = '';
    r.offences[0]!.maxPenalty = '';
    r.offences[0]!.limitation = '';
    r.persons[0]!.description = '';
    r.measures[0]!.order = undefined;
    const cites = Object.fromEntries(checkCompleteness(r, ctx([basis('ETS-024', 'applicable')])).essentialMissing.map((i) => [i.field, i.citation]));
    assert.deepEqual(cites, {
      applicableLaw: 'ETS-024 art. 12(2)(c)',
      'offences[0].timeAndPlace': 'ETS-024 art. 12(2)(b)',
      'offences[0].maxPenalty': 'ETS-024 art. 2(1)',
      'offences[0].limitation': 'ETS-024 art. 10',
      'persons[0].description': 'ETS-024 art. 12(2)(c)',
      'measures[0].order': 'ETS-024 art. 12(2)(a)',
    });
    r.persons = [];
    assert.ok(checkCompleteness(r, ctx()).essentialMissing.some((i) => i.field === 'persons' && i.rule === 'person-sought'));
  });

  test('surrender for enforcement needs the sentence; provisional arrest the announced request', () => {
    const r = complete('extradition');
    r.measures = [
      { id: 'm1', kind: 'surrender-for-enforcement', personIds: ['p1'], order: { kind: 'judgment', reference: 'J1', issuedBy: 'Court' } },
      { id: 'm2', kind: 'provisional-arrest', personIds: ['p1'], order: { kind: 'arrest-warrant', reference: 'W1' } },
    ];
    const rules = checkCompleteness(r, ctx()).essentialMissing.map((i) => `${i.rule}@${i.field}`);
    assert.deepEqual(rules, ['surrender-sentence@measures[0].sentence', 'provisional-arrest-follow-up@measures[1].followUpRequestIntended']);
  });

  test('asset recovery: final order, third parties and prior ownership under UNCAC arts. 55 and 57', () => {
    const r = complete('asset-recovery');
    r.legalBasis = { kind: 'treaty', instrument: 'UNCAC', articles: ['55', '57'] };
    delete r.measures[0]!.order!.final;
    r.measures[0]!.thirdPartyNotice = '';
    r.measures[1]!.priorOwnership = '';
    const cites = Object.fromEntries(checkCompleteness(r, ctx([basis('UNCAC', 'applicable')])).essentialMissing.map((i) => [i.field, i.citation]));
    assert.deepEqual(cites, {
      'measures[0].order.final': 'UNCAC art. 55(3)(b)',
      'measures[0].thirdPartyNotice': 'UNCAC art. 55(3)(b)',
      'measures[1].priorOwnership': 'UNCAC art. 57(3)(b)',
    });
    r.measures[1]!.disposalGround = 'uncac-57-3-c';
    assert.ok(!checkCompleteness(r, ctx()).essentialMissing.some((i) => i.field === 'measures[1].priorOwnership'), 'only (b) needs prior ownership');
  });

  test('JIT needs purpose, period and composition (ETS 182 art. 20); transfer of proceedings its reasons', () => {
    const jit = complete('jit');
    jit.measures[0] = { id: 'm1', kind: 'jit-setup' };
    assert.deepEqual(
      checkCompleteness(jit, ctx()).essentialMissing.map((i) => `${i.field} ${i.citation}`),
      ['measures[0].description UNTOC art. 19', 'measures[0].duration ETS-182 art. 20(1)', 'measures[0].composition ETS-182 art. 20(2)'],
    );
    const top = complete('transfer-of-proceedings');
    top.measures[0]!.reasons = '';
    assert.deepEqual(checkCompleteness(top, ctx()).essentialMissing.map((i) => i.field), ['measures[0].reasons']);
  });

  test('persons: witnesses and victims get protection, consent and information items; urgency needs a reason', () => {
    const r = complete('mla');
    r.persons = [{ id: 'p2', role: 'witness', kind: 'natural', name: 'W' }, { id: 'p3', role: 'victim', kind: 'natural', name: 'V' }];
    r.urgency = { urgent: true };
    const report = checkCompleteness(r, ctx());
    assert.deepEqual(report.essentialMissing.map((i) => i.field), ['urgency.reason']);
    const rec = report.recommendedMissing.map((i) => i.field);
    for (const f of ['persons[0].protectionNeeded', 'persons[0].consent', 'persons[1].protectionNeeded', 'persons[1].consent', 'persons[1].wishesToBeInformed']) {
      assert.ok(rec.includes(f), `${f} in ${rec}`);
    }
  });

  test('every rule cites at least one article and applies to real types and measures', () => {
    for (const rule of COMPLETENESS_RULES) {
      assert.ok(Object.keys(rule.citations).length > 0, rule.id);
      assert.ok(rule.types.length > 0, rule.id);
      if (rule.scope.on === 'measure') {
        const kinds = rule.scope.kinds;
        assert.ok(rule.types.some((t) => kinds.some((k) => MEASURES_BY_TYPE[t].includes(k))), `${rule.id} can fire`);
      }
    }
    assert.equal(new Set(COMPLETENESS_RULES.map((r) => r.id)).size, COMPLETENESS_RULES.length, 'rule ids unique');
  });
});

describe('consistency with the legal-basis engine', () => {
  test('a basis that does not apply is an error with the engine\u2019s reasons', () => {
    const r = complete('mla');
    const report = checkCompleteness(r, ctx([basis('UNTOC', 'not-applicable', { reasons: ['DEU was not party on 2025-06-01.'] })]));
    assert.equal(report.problems[0]?.severity, 'error');
    assert.equal(report.problems[0]?.rule, 'basis-not-applicable');
    assert.match(report.problems[0]?.reason ?? '', /DEU was not party/);
    assert.equal(report.problems[0]?.citation, 'UNTOC art. 18');
  });

  test('unknown status is a warning; conditions become questions to confirm', () => {
    const r = complete('mla');
    assert.equal(checkCompleteness(r, ctx([basis('UNTOC', 'unknown')])).problems[0]?.rule, 'basis-status-unknown');
    const cond = checkCompleteness(r, ctx([basis('UNTOC', 'conditional', { conditions: ['Is the offence transnational?'] })]));
    assert.deepEqual(cond.problems.map((p) => [p.severity, p.reason]), [['warning', 'UNTOC applies only if: Is the offence transnational?']]);
  });

  test('a basis the engine does not know for this type, and articles it does not list', () => {
    const r = complete('mla');
    r.legalBasis = { kind: 'treaty', instrument: 'CITES', articles: [] };
    assert.equal(checkCompleteness(r, ctx()).problems[0]?.rule, 'basis-not-found');
    r.legalBasis = { kind: 'treaty', instrument: 'UNTOC', articles: ['16'] };
    assert.equal(checkCompleteness(r, ctx()).problems[0]?.rule, 'basis-articles');
  });

  test('reciprocity: an applicable treaty is pointed out and the assurance asked for', () => {
    const r = complete('mla');
    r.legalBasis = { kind: 'reciprocity' };
    const rules = checkCompleteness(r, ctx()).problems.map((p) => p.rule);
    assert.deepEqual(rules, ['basis-treaty-available', 'reciprocity-assurance']);
  });

  test('language not among those the requested State declared acceptable; deadline past; unknown person', () => {
    const r = complete('mla');
    r.language = 'fr';
    r.deadline = '2025-01-01';
    r.measures[1]!.personIds = ['nobody'];
    const report = checkCompleteness(r, { ...ctx(), requestedLanguages: { languages: ['English', 'German'], instrument: 'UNTOC' } });
    assert.deepEqual(report.problems.map((p) => `${p.rule} ${p.citation}`), [
      'language-not-accepted UNTOC art. 18(14)',
      'deadline-past UNTOC art. 18(24)',
      'measure-unknown-person UNTOC art. 18(15)(e)',
    ]);
  });
});
