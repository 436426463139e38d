// The expected decisions of the release policy, written out as a table independent of decide.ts:
// every marking case × action × role × where the record came from. The pure matrix test
// (decide.test.ts) and the route matrix on a real database (server/src/policy/policy-matrix-api.test.ts)
// both check against it.
import type { PolicyAction, PolicyRule } from './decide.ts';
import { type Marking, NO_LIMITATIONS, type Originator } from './marking.ts';
import type { Role } from './policy.ts';

export const HOLDER = 'org-holder';
export const OTHER = 'org-other';
export const PEER = 'node-peer';
export const THIRD = 'node-third';
export const TODAY = '2026-11-29';

export const RELATIONS = ['same-org', 'other-org', 'peer-node'] as const;
export type Relation = (typeof RELATIONS)[number];

export function originatorOf(rel: Relation): Originator {
  if (rel === 'same-org') return { nodeId: null, organisationId: HOLDER, name: 'Holder', state: 'FRA' };
  if (rel === 'other-org') return { nodeId: null, organisationId: OTHER, name: 'Other authority', state: 'FRA' };
  return { nodeId: PEER, organisationId: null, name: 'Peer authority', state: 'DEU' };
}

export const MARKINGS = {
  CLEAR: { tlp: 'CLEAR' },
  GREEN: { tlp: 'GREEN' },
  AMBER: { tlp: 'AMBER' },
  'AMBER+STRICT': { tlp: 'AMBER+STRICT' },
  RED: { tlp: 'RED' },
  speciality: { tlp: 'GREEN', limitations: { speciality: ['Case 1'] } },
  confidential: { tlp: 'GREEN', limitations: { confidential: true } },
  H1: { tlp: 'GREEN', handling: 'H1' },
  H2: { tlp: 'GREEN', handling: 'H2' },
  H3: { tlp: 'GREEN', handling: 'H3', handlingNotes: ['Phone the originator first'] },
  'permitted-uses': { tlp: 'GREEN', limitations: { permittedUses: ['investigation'] } },
  'review-passed': { tlp: 'GREEN', limitations: { reviewOn: '2026-01-31' } },
} as const satisfies Record<string, { tlp: Marking['tlp']; handling?: Marking['handling']; handlingNotes?: string[]; limitations?: Partial<Marking['limitations']> }>;
export type MarkingCase = keyof typeof MARKINGS;

export function markingFor(c: MarkingCase, rel: Relation): Marking {
  const spec = MARKINGS[c] as { tlp: Marking['tlp']; handling?: Marking['handling']; handlingNotes?: string[]; limitations?: Partial<Marking['limitations']> };
  return {
    tlp: spec.tlp,
    handling: spec.handling ?? 'H0',
    handlingNotes: spec.handlingNotes ?? [],
    originators: [originatorOf(rel)],
    limitations: { ...NO_LIMITATIONS, ...(spec.limitations ?? {}) },
  };
}

export const ACTIONS = ['read', 'export:pdf', 'export:docx', 'export:zip', 'export:csv', 'export:api-download', 'transmit:originator', 'transmit:third', 'attach', 'remark'] as const;
export type ActionCase = (typeof ACTIONS)[number];

export function actionFor(a: ActionCase, rel: Relation): PolicyAction {
  if (a === 'read') return { kind: 'read' };
  if (a.startsWith('export:')) return { kind: 'export', format: a.slice(7) as 'pdf' };
  if (a === 'transmit:originator') return { kind: 'transmit', to: rel === 'peer-node' ? { nodeId: PEER, organisationId: null } : { nodeId: null, organisationId: rel === 'same-org' ? HOLDER : OTHER } };
  if (a === 'transmit:third') return { kind: 'transmit', to: { nodeId: THIRD, organisationId: null } };
  if (a === 'attach') return { kind: 'attach', to: { key: 'request:new', proceedings: 'Case 2', use: 'prosecution' } };
  return { kind: 'remark', to: markingFor('RED', rel) };
}

/** The expected answer for material marked by someone else; `null` is allow. Same-organisation material is always allowed. */
type Expected = PolicyRule | null | Partial<Record<Role, PolicyRule | null>> & { others: PolicyRule | null };
const ALLOW = null;
const HANDLERS_ONLY = (rule: PolicyRule): Expected => ({ supervisor: ALLOW, practitioner: ALLOW, others: rule });
const EXPECTED: Record<MarkingCase, Partial<Record<ActionCase, Expected>>> = {
  CLEAR: { remark: 'originator-remarks' },
  GREEN: { remark: 'originator-remarks' },
  AMBER: { 'transmit:third': 'tlp-amber-onward', remark: 'originator-remarks' },
  'AMBER+STRICT': { 'transmit:third': 'tlp-audience', remark: 'originator-remarks' },
  RED: {
    read: HANDLERS_ONLY('tlp-red-recipients'),
    'export:pdf': 'tlp-red-no-disclosure',
    'export:docx': 'tlp-red-no-disclosure',
    'export:zip': 'tlp-red-no-disclosure',
    'export:csv': 'tlp-red-no-disclosure',
    'export:api-download': 'tlp-red-no-disclosure',
    'transmit:third': 'tlp-audience',
    attach: 'tlp-red-no-disclosure',
    remark: 'originator-remarks',
  },
  speciality: { 'transmit:third': 'speciality', attach: 'speciality', remark: 'originator-remarks' },
  confidential: {
    'export:pdf': HANDLERS_ONLY('confidentiality-need-to-know'),
    'export:docx': HANDLERS_ONLY('confidentiality-need-to-know'),
    'export:api-download': HANDLERS_ONLY('confidentiality-need-to-know'),
    'export:zip': { supervisor: 'confidentiality', practitioner: 'confidentiality', others: 'confidentiality-need-to-know' },
    'export:csv': { supervisor: 'confidentiality', practitioner: 'confidentiality', others: 'confidentiality-need-to-know' },
    'transmit:third': 'confidentiality',
    remark: 'originator-remarks',
  },
  H1: { attach: 'handling-h1', remark: 'originator-remarks' },
  H2: { 'export:zip': 'handling-h2', 'export:csv': 'handling-h2', 'transmit:third': 'handling-h2', attach: 'handling-h2', remark: 'originator-remarks' },
  H3: { 'export:zip': 'handling-h2', 'export:csv': 'handling-h2', 'transmit:third': 'handling-h2', attach: 'handling-h2', remark: 'originator-remarks' },
  'permitted-uses': { attach: 'permitted-uses', remark: 'originator-remarks' },
  'review-passed': {
    'export:pdf': 'review-date-passed',
    'export:docx': 'review-date-passed',
    'export:zip': 'review-date-passed',
    'export:csv': 'review-date-passed',
    'export:api-download': 'review-date-passed',
    'transmit:third': 'review-date-passed',
    attach: 'review-date-passed',
    remark: 'originator-remarks',
  },
};

export function expectedRule(c: MarkingCase, a: ActionCase, role: Role, rel: Relation): PolicyRule | null {
  if (rel === 'same-org') return null;
  const e = EXPECTED[c][a];
  if (e === undefined || e === null || typeof e === 'string') return e ?? null;
  return role in e ? (e[role] ?? null) : e.others;
}

/**
 * Someone outside the holding organisation (a node administrator, the CLI's operator): nothing at
 * AMBER+STRICT or RED; otherwise reading, and exporting — freely the holder's own material, and
 * material from elsewhere as a reader who does not handle it; nothing else.
 */
export function expectedOutsider(c: MarkingCase, a: ActionCase, rel: Relation): PolicyRule | null {
  const tlp = MARKINGS[c].tlp;
  if (tlp === 'AMBER+STRICT' || tlp === 'RED') return 'tlp-audience';
  if (a === 'read') return null;
  if (a.startsWith('export:')) return rel === 'same-org' ? null : expectedRule(c, a, 'admin', 'peer-node');
  return 'not-holder';
}
