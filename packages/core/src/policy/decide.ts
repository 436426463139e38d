// The one decision point for marked records: `decide(actor, action, record, context)` answers
// allow or deny with the rule that decided and its source, for reading, exporting, transmitting,
// attaching to another record and re-marking. Rules are data (RULES) so every answer can cite one;
// an originator's recorded consent lifts its own limitation for that record and that use only.
import type { Role } from './policy.ts';
import { type Marking, type Originator, combineAll, handlingRank, tlpRank } from './marking.ts';

export const EXPORT_FORMATS = ['pdf', 'docx', 'zip', 'csv', 'api-download'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const POLICY_ACTIONS = ['read', 'export', 'transmit', 'attach', 'remark'] as const;
export type PolicyActionKind = (typeof POLICY_ACTIONS)[number];

/** Where a transmission goes: an organisation on this node (nodeId null) or a peer node. */
export interface Destination {
  nodeId: string | null;
  organisationId: string | null;
}

export type PolicyAction =
  | { kind: 'read' }
  | { kind: 'export'; format: ExportFormat }
  | { kind: 'transmit'; to: Destination }
  /** Into another request or case of the holder: its proceedings and, when known, the use. */
  | { kind: 'attach'; to: { key: string; proceedings: string | null; use: string | null } }
  | { kind: 'remark'; to: Marking };

export interface PolicyActor {
  userId: string;
  role: Role;
  organisationId: string;
}

/** A marked source of a record: the record itself, or one it was made from. */
export interface MarkedSource {
  /** Stable key of the source record (what consents are recorded against). */
  key: string;
  marking: Marking;
}

export interface MarkedRecord {
  key: string;
  /** The organisation on this node that holds the record. */
  organisationId: string;
  /** Its own marking first, then the markings of what it was made from. */
  sources: readonly MarkedSource[];
}

/** An originator's granted answer to a consent request: what it lifts, for one source record. */
export interface GrantedConsent {
  id: string;
  sourceKey: string;
  action: Exclude<PolicyActionKind, 'read'>;
  /** Limits the consent to one destination node (transmit) ... */
  recipientNodeId?: string | null | undefined;
  /** ... or to the named proceedings (attach). */
  proceedings?: string | null | undefined;
  conditions?: string | null | undefined;
}

export interface PolicyContext {
  /** YYYY-MM-DD, for review dates. */
  today: string;
  consents: readonly GrantedConsent[];
}

export const RULES = {
  'tlp-audience': { citation: 'TLP 2.0 (FIRST): AMBER+STRICT and RED stay with the recipient organisation', consentable: false },
  'tlp-amber-onward': { citation: 'TLP 2.0 (FIRST): AMBER is for the recipients’ organisation and its clients only', consentable: true },
  'tlp-red-recipients': { citation: 'TLP 2.0 (FIRST): RED is for the individual recipients only', consentable: false },
  'tlp-red-no-disclosure': { citation: 'TLP 2.0 (FIRST): RED may not be disclosed further', consentable: true },
  'handling-h1': { citation: 'Handling code H1: not to be used as evidence without the originator’s permission', consentable: true },
  'handling-h2': { citation: 'Handling code H2/H3: not to be disseminated without the originator’s permission', consentable: true },
  speciality: { citation: 'UNTOC art. 18(19); UNCAC art. 46(19): use only for the proceedings named in the request', consentable: true },
  confidentiality: { citation: 'UNTOC art. 18(20); UNCAC art. 46(20): keep the request and its content confidential', consentable: true },
  'confidentiality-need-to-know': { citation: 'UNTOC art. 18(20); UNCAC art. 46(20): only those executing the request', consentable: false },
  'permitted-uses': { citation: 'The originator’s permitted uses', consentable: true },
  'review-date-passed': { citation: 'The originator’s review date has passed', consentable: true },
  'originator-remarks': { citation: 'Only the originator may change a marking', consentable: true },
  'derived-not-below-sources': { citation: 'A derived record takes the strictest marking of its sources', consentable: false },
  'not-holder': { citation: 'Only the organisation holding the record may use it', consentable: false },
} as const;
export type PolicyRule = keyof typeof RULES;

export type Decision =
  | { allow: true; rule: 'allowed' | 'consent'; consentId?: string | undefined }
  | {
      allow: false;
      rule: PolicyRule;
      citation: string;
      reason: string;
      /** The source whose originator could lift this (when `consentable`). */
      sourceKey: string;
      originator: Originator | null;
      consentable: boolean;
    };

const HANDLERS: readonly Role[] = ['supervisor', 'practitioner'];
const BULK: readonly ExportFormat[] = ['zip', 'csv'];

function deny(rule: PolicyRule, reason: string, source: MarkedSource | null): Decision {
  return {
    allow: false,
    rule,
    citation: RULES[rule].citation,
    reason,
    sourceKey: source?.key ?? '',
    originator: source?.marking.originators[0] ?? null,
    consentable: RULES[rule].consentable && source !== null,
  };
}

/** Whether the actor's organisation on this node is the (only) originator of a source. */
function isOwn(actor: PolicyActor, m: Marking): boolean {
  return m.originators.length > 0 && m.originators.every((o) => o.nodeId === null && o.organisationId === actor.organisationId);
}

function goesBackToOriginator(to: Destination, m: Marking): boolean {
  return m.originators.every((o) => (o.nodeId === null ? to.nodeId === null && to.organisationId === o.organisationId : to.nodeId === o.nodeId));
}

function consentFor(action: PolicyAction, source: MarkedSource, consents: readonly GrantedConsent[]): GrantedConsent | undefined {
  if (action.kind === 'read') return undefined;
  return consents.find(
    (c) =>
      c.sourceKey === source.key &&
      c.action === action.kind &&
      (action.kind !== 'transmit' || c.recipientNodeId == null || c.recipientNodeId === action.to.nodeId) &&
      (action.kind !== 'attach' || c.proceedings == null || c.proceedings === action.to.proceedings),
  );
}

/** The limits of one source marked by someone else, for one action (null: nothing stands in the way). */
function foreignLimit(actor: PolicyActor, action: PolicyAction, s: MarkedSource, today: string): Decision | null {
  const m = s.marking;
  const l = m.limitations;
  const expired = l.reviewOn !== null && l.reviewOn < today;
  // Only a denial needs the names; `decide` runs on every row of every list, so nothing is built before.
  const by = { toString: () => m.originators.map((o) => o.name).join(', ') };
  switch (action.kind) {
    case 'read':
      if (m.tlp === 'RED' && !HANDLERS.includes(actor.role)) return deny('tlp-red-recipients', `${by} marked this TLP:RED; only the people handling it may read it.`, s);
      return null;
    case 'export':
      if (m.tlp === 'RED') return deny('tlp-red-no-disclosure', `${by} marked this TLP:RED; it may not leave the system as a file.`, s);
      if (l.confidential && !HANDLERS.includes(actor.role)) return deny('confidentiality-need-to-know', `${by} asked for confidentiality; only those executing the request may take copies.`, s);
      if (l.confidential && BULK.includes(action.format)) return deny('confidentiality', `${by} asked for confidentiality; it may not be exported in bulk (${action.format}).`, s);
      if (handlingRank(m.handling) >= 2 && BULK.includes(action.format)) return deny('handling-h2', `${by} marked this ${m.handling}; bulk export (${action.format}) is dissemination.`, s);
      if (expired) return deny('review-date-passed', `${by} set a review date (${l.reviewOn}) that has passed.`, s);
      return null;
    case 'transmit':
      if (goesBackToOriginator(action.to, m)) return null;
      if (m.tlp === 'AMBER+STRICT' || m.tlp === 'RED') return deny('tlp-audience', `${by} marked this TLP:${m.tlp}; it may not go to anyone else.`, s);
      if (m.tlp === 'AMBER') return deny('tlp-amber-onward', `${by} marked this TLP:AMBER; passing it on to another authority needs their agreement.`, s);
      if (handlingRank(m.handling) >= 2) return deny('handling-h2', `${by} marked this ${m.handling}: not to be disseminated without permission.`, s);
      if (l.speciality) return deny('speciality', `${by} gave this for ${l.speciality.join(', ') || 'named proceedings'} only; passing it to another authority needs their consent.`, s);
      if (l.confidential) return deny('confidentiality', `${by} asked for confidentiality; it may not be passed on.`, s);
      if (expired) return deny('review-date-passed', `${by} set a review date (${l.reviewOn}) that has passed.`, s);
      return null;
    case 'attach':
      if (m.tlp === 'RED') return deny('tlp-red-no-disclosure', `${by} marked this TLP:RED; it may not be reused elsewhere.`, s);
      if (l.speciality && !(action.to.proceedings !== null && l.speciality.includes(action.to.proceedings))) {
        return deny('speciality', `${by} gave this for ${l.speciality.join(', ') || 'named proceedings'} only; using it in ${action.to.proceedings ?? 'other proceedings'} needs their consent.`, s);
      }
      if (l.permittedUses && !(action.to.use !== null && (l.permittedUses as readonly string[]).includes(action.to.use))) {
        return deny('permitted-uses', `${by} permitted ${l.permittedUses.join(', ') || 'no use'}; ${action.to.use ?? 'an unstated use'} is not among them.`, s);
      }
      if (m.handling === 'H1') return deny('handling-h1', `${by} marked this H1: not to be used as evidence without permission.`, s);
      if (handlingRank(m.handling) >= 2) return deny('handling-h2', `${by} marked this ${m.handling}: not to be disseminated without permission.`, s);
      if (expired) return deny('review-date-passed', `${by} set a review date (${l.reviewOn}) that has passed.`, s);
      return null;
    case 'remark':
      return deny('originator-remarks', `${by} marked this; only they may change the marking.`, s);
    default: {
      const never: never = action;
      return never;
    }
  }
}

export function decide(actor: PolicyActor, action: PolicyAction, record: MarkedRecord, context: PolicyContext): Decision {
  const own = record.sources[0];
  if (!own) throw new Error('A marked record has at least its own marking.');
  // Outside the holding organisation (a node administrator, the CLI's operator): the TLP audience
  // decides; up to AMBER they may read and print, as the node's operators did before markings.
  if (actor.organisationId !== record.organisationId) {
    let strictest = own.marking.tlp;
    for (const s of record.sources) if (tlpRank(s.marking.tlp) > tlpRank(strictest)) strictest = s.marking.tlp;
    if (tlpRank(strictest) >= tlpRank('AMBER+STRICT')) return deny('tlp-audience', `TLP:${strictest} is for the holding organisation only.`, null);
    if (action.kind === 'read') return { allow: true, rule: 'allowed' };
    if (action.kind !== 'export') return deny('not-holder', 'Only the organisation holding the record may send, attach or re-mark it.', null);
    // An export by an outsider meets the limits of every source from outside the holding
    // organisation as a reader who does not handle it.
  }
  if (action.kind === 'remark' && isOwn(actor, own.marking)) {
    // The originator may re-mark its own marking, but a record made from others cannot go below them.
    const others = record.sources.slice(1).filter((d) => !isOwn(actor, d.marking)).map((d) => d.marking);
    if (others.length > 0) {
      const floor = combineAll(others[0] as Marking, ...others.slice(1));
      if (tlpRank(action.to.tlp) < tlpRank(floor.tlp) || handlingRank(action.to.handling) < handlingRank(floor.handling)) {
        return deny('derived-not-below-sources', `The record contains material marked TLP:${floor.tlp} ${floor.handling}; it cannot be marked lower.`, null);
      }
    }
    return { allow: true, rule: 'allowed' };
  }
  let consentId: string | undefined;
  const outsider = actor.organisationId !== record.organisationId;
  for (const s of record.sources) {
    if (isOwn(actor, s.marking)) continue;
    // The holder's own limitations bind its counterparts, not the node's operators printing its letter.
    if (outsider && isOwn({ ...actor, organisationId: record.organisationId }, s.marking)) continue;
    const limit = foreignLimit(actor, action, s, context.today);
    if (!limit) continue;
    const consent = limit.allow === false && limit.consentable ? consentFor(action, s, context.consents) : undefined;
    if (!consent) return limit;
    consentId = consent.id;
  }
  return consentId ? { allow: true, rule: 'consent', consentId } : { allow: true, rule: 'allowed' };
}
