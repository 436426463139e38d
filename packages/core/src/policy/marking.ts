// Markings: what the originator of a record said may be done with it. One model for TLP 2.0
// (FIRST), the police handling codes H0-H3 and the treaties' use limitations (speciality,
// confidentiality, permitted uses, review date), carried by every record that can leave an
// organisation. A record made from others carries their markings as sources; its effective
// marking is the strictest of all of them (`combine`).
import { TLP_MARKINGS, type TlpMarking } from '../requests/request.ts';

export { TLP_MARKINGS, type TlpMarking };

/** TLP 2.0 audiences, in order of strictness (FIRST, "Traffic Light Protocol 2.0", 2022). */
export const TLP_AUDIENCE: Record<TlpMarking, string> = {
  CLEAR: 'No limit on disclosure (subject to copyright and the law).',
  GREEN: 'The community: may be shared with peers and partner organisations, not published.',
  AMBER: 'The recipients’ organisation and its clients, on a need-to-know basis.',
  'AMBER+STRICT': 'The recipients’ organisation only.',
  RED: 'The individual recipients only; no further disclosure.',
};

/** Handling codes of police information exchange, in order of strictness. */
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];
export const HANDLING_MEANING: Record<HandlingCode, string> = {
  H0: 'No restriction within law enforcement.',
  H1: 'Not to be used as evidence without the originator’s permission.',
  H2: 'Not to be disseminated without the originator’s permission.',
  H3: 'Other restrictions, stated in the note.',
};

/** The uses an originator may permit (the stages of proceedings, and intelligence). */
export const PERMITTED_USES = ['investigation', 'prosecution', 'trial', 'enforcement', 'intelligence'] as const;
export type PermittedUse = (typeof PERMITTED_USES)[number];

/** Who marked the record: an organisation on this node (nodeId null) or on a peer node. */
export interface Originator {
  nodeId: string | null;
  organisationId: string | null;
  name: string;
  state: string;
}

export interface UseLimitations {
  /** Speciality (UNTOC 18(19), UNCAC 46(19)): only for these proceedings; null when not limited. */
  speciality: string[] | null;
  /** Confidentiality of the request and its content (UNTOC 18(20), UNCAC 46(20)). */
  confidential: boolean;
  /** The uses permitted; null when any lawful use is. */
  permittedUses: PermittedUse[] | null;
  /** YYYY-MM-DD: after this date, uses beyond reading need the originator again. */
  reviewOn: string | null;
  /** Other limitations in the originator's words. */
  notes: string[];
}

export interface Marking {
  tlp: TlpMarking;
  handling: HandlingCode;
  /** H3's stated restrictions (and any handling note). */
  handlingNotes: string[];
  /** One for a record as marked; several for a record derived from others. */
  originators: Originator[];
  limitations: UseLimitations;
}

export const NO_LIMITATIONS: UseLimitations = { speciality: null, confidential: false, permittedUses: null, reviewOn: null, notes: [] };

export function tlpRank(tlp: TlpMarking): number {
  return TLP_MARKINGS.indexOf(tlp);
}
export function handlingRank(h: HandlingCode): number {
  return HANDLING_CODES.indexOf(h);
}

function union<T>(a: readonly T[], b: readonly T[], key: (x: T) => string = String): T[] {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((x) => !seen.has(key(x)) && seen.add(key(x)))];
}
/** null means "not limited": the intersection with a limit is the limit. */
function intersect<T>(a: readonly T[] | null, b: readonly T[] | null): T[] | null {
  if (a === null) return b === null ? null : [...b];
  if (b === null) return [...a];
  return a.filter((x) => b.includes(x));
}
export function originatorKey(o: Originator): string {
  return o.nodeId === null ? `local:${o.organisationId ?? ''}` : `node:${o.nodeId}`;
}

/** A derived record takes the strictest of its sources, on every axis. */
export function combine(a: Marking, b: Marking): Marking {
  const earlier = (x: string | null, y: string | null) => (x === null ? y : y === null ? x : x < y ? x : y);
  return {
    tlp: tlpRank(a.tlp) >= tlpRank(b.tlp) ? a.tlp : b.tlp,
    handling: handlingRank(a.handling) >= handlingRank(b.handling) ? a.handling : b.handling,
    handlingNotes: union(a.handlingNotes, b.handlingNotes),
    originators: union(a.originators, b.originators, originatorKey),
    limitations: {
      speciality: intersect(a.limitations.speciality, b.limitations.speciality),
      confidential: a.limitations.confidential || b.limitations.confidential,
      permittedUses: intersect(a.limitations.permittedUses, b.limitations.permittedUses),
      reviewOn: earlier(a.limitations.reviewOn, b.limitations.reviewOn),
      notes: union(a.limitations.notes, b.limitations.notes),
    },
  };
}

export function combineAll(first: Marking, ...rest: Marking[]): Marking {
  return rest.reduce(combine, first);
}

/** Whether `a` is at least as strict as `b` on every axis (the order `combine` is the join of). */
export function atLeastAsStrict(a: Marking, b: Marking): boolean {
  const la = a.limitations;
  const lb = b.limitations;
  const subset = <T>(x: readonly T[] | null, y: readonly T[] | null) => (y === null ? true : (x?.every((v) => y.includes(v)) ?? false));
  return (
    tlpRank(a.tlp) >= tlpRank(b.tlp) &&
    handlingRank(a.handling) >= handlingRank(b.handling) &&
    subset(la.speciality, lb.speciality) &&
    (la.confidential || !lb.confidential) &&
    subset(la.permittedUses, lb.permittedUses) &&
    (lb.reviewOn === null || (la.reviewOn !== null && la.reviewOn <= lb.reviewOn))
  );
}

/** The fields a request holds its marking in (its content), as the contract accepts them. */
export interface RequestMarkingFields {
  marking: TlpMarking;
  handling?: HandlingCode | undefined;
  handlingNote?: string | undefined;
  caseReference?: string | undefined;
  confidentiality: { confidential: boolean; note?: string | undefined };
  useLimitations: {
    speciality?: boolean | undefined;
    limits?: string | undefined;
    permittedUses?: PermittedUse[] | undefined;
    reviewOn?: string | null | undefined;
  };
}

/**
 * A request's own marking. Speciality names the request's own proceedings (its case reference, or
 * its title when it has none): material given for it may be used for those only.
 */
export function markingOfRequest(content: RequestMarkingFields & { title: string }, originator: Originator): Marking {
  const u = content.useLimitations;
  const proceedings = content.caseReference?.trim() || content.title.trim();
  return {
    tlp: content.marking,
    handling: content.handling ?? 'H0',
    handlingNotes: content.handlingNote?.trim() ? [content.handlingNote.trim()] : [],
    originators: [originator],
    limitations: {
      speciality: u.speciality ? [proceedings] : null,
      confidential: content.confidentiality.confidential,
      permittedUses: u.permittedUses && u.permittedUses.length > 0 ? [...u.permittedUses] : null,
      reviewOn: u.reviewOn ?? null,
      notes: [u.limits?.trim(), content.confidentiality.note?.trim()].filter((s): s is string => !!s),
    },
  };
}
