// The request model: what a central authority writes when it asks another State for cooperation,
// and the fixed vocabularies (types, states, measures, persons, TLP 2.0 markings) it is built from.
import type { RequestedAuthorityRef } from '../authorities/authority.ts';
import type { CooperationType, OffenceId } from '../knowledge/taxonomy.ts';

export const REQUEST_TYPES = [
  'mla',
  'extradition',
  'asset-recovery',
  'transfer-of-proceedings',
  'jit',
  'spontaneous-information',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** Which kind of cooperation the legal-basis engine is asked about for each request type.
 * Spontaneous information is given under the MLA articles (UNTOC art. 18(4), UNCAC art. 46(4)). */
export function cooperationTypeOf(type: RequestType): CooperationType {
  switch (type) {
    case 'mla':
    case 'spontaneous-information':
      return 'mla';
    case 'extradition':
      return 'extradition';
    case 'asset-recovery':
      return 'asset-recovery';
    case 'transfer-of-proceedings':
      return 'transfer-of-proceedings';
    case 'jit':
      return 'jit';
    default: {
      const never: never = type;
      return never;
    }
  }
}

export const REQUEST_STATES = [
  'draft',
  'awaiting-approval',
  'approved',
  'transmitted',
  'received',
  'under-execution',
  'more-information-requested',
  'partially-executed',
  'executed',
  'refused',
  'withdrawn',
  'postponed',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const TERMINAL_STATES: readonly RequestState[] = ['executed', 'refused', 'withdrawn'];
/** States in which the requested side holds the request (after transmission, before the end). */
export const OPEN_AFTER_TRANSMISSION: readonly RequestState[] = [
  'transmitted',
  'received',
  'under-execution',
  'more-information-requested',
  'partially-executed',
  'postponed',
];

export const SIDES = ['requesting', 'requested'] as const;
export type Side = (typeof SIDES)[number];

/** Traffic Light Protocol 2.0 (FIRST). */
export const TLP_MARKINGS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type TlpMarking = (typeof TLP_MARKINGS)[number];

export const PERSON_ROLES = ['suspect', 'accused', 'convicted', 'witness', 'victim', 'expert', 'other'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
/** Roles of a person whose surrender can be sought. */
export const SOUGHT_ROLES: readonly PersonRole[] = ['suspect', 'accused', 'convicted'];

export const PROCEEDING_STAGES = ['investigation', 'prosecution', 'trial', 'enforcement'] as const;
export type ProceedingStage = (typeof PROCEEDING_STAGES)[number];

export const MEASURE_KINDS = [
  // Mutual legal assistance (UNTOC art. 18(3), UNCAC art. 46(3), ETS 185 arts. 29-31)
  'obtain-records',
  'bank-records',
  'witness-statement',
  'search-and-seizure',
  'service-of-documents',
  'freezing',
  'confiscation',
  'identify-trace-proceeds',
  'preserve-computer-data',
  'subscriber-or-traffic-data',
  'temporary-transfer-detained-person',
  // Extradition (ETS 24 arts. 1, 12, 16, 20)
  'surrender-for-prosecution',
  'surrender-for-enforcement',
  'provisional-arrest',
  'handing-over-of-property',
  // Asset recovery (UNCAC arts. 54, 55, 57)
  'return-of-assets',
  // Transfer of proceedings (UNTOC art. 21, UNCAC art. 47)
  'transfer-of-proceedings',
  // Joint investigation team (UNTOC art. 19, UNCAC art. 49, ETS 182 art. 20)
  'jit-setup',
  // Spontaneous information (UNTOC art. 18(4)-(5), UNCAC art. 46(4)-(5))
  'information',
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const MEASURES_BY_TYPE: Record<RequestType, readonly MeasureKind[]> = {
  mla: [
    'obtain-records',
    'bank-records',
    'witness-statement',
    'search-and-seizure',
    'service-of-documents',
    'freezing',
    'confiscation',
    'identify-trace-proceeds',
    'preserve-computer-data',
    'subscriber-or-traffic-data',
    'temporary-transfer-detained-person',
  ],
  extradition: ['surrender-for-prosecution', 'surrender-for-enforcement', 'provisional-arrest', 'handing-over-of-property'],
  'asset-recovery': ['identify-trace-proceeds', 'freezing', 'confiscation', 'return-of-assets'],
  'transfer-of-proceedings': ['transfer-of-proceedings'],
  jit: ['jit-setup'],
  'spontaneous-information': ['information'],
};

export const ORDER_KINDS = ['arrest-warrant', 'judgment', 'detention-order', 'freezing-order', 'confiscation-order', 'other'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

/** UNCAC art. 57(3): (a) embezzled public funds, (b) proceeds of other UNCAC offences, (c) all other cases. */
export const DISPOSAL_GROUNDS = ['uncac-57-3-a', 'uncac-57-3-b', 'uncac-57-3-c'] as const;
export type DisposalGround = (typeof DISPOSAL_GROUNDS)[number];

export interface Order {
  kind: OrderKind;
  reference?: string | undefined;
  issuedBy?: string | undefined;
  /** YYYY-MM-DD */
  issuedOn?: string | undefined;
  /** A confiscation order that is final (UNCAC art. 55(3)(b)). */
  final?: boolean | undefined;
}

export interface Person {
  id: string;
  role: PersonRole;
  kind: 'natural' | 'legal';
  name?: string | undefined;
  aliases?: string | undefined;
  dateOfBirth?: string | undefined;
  placeOfBirth?: string | undefined;
  /** ISO 3166-1 alpha-3 */
  nationality?: string | undefined;
  identityDocuments?: string | undefined;
  /** Where the person is believed to be. */
  location?: string | undefined;
  /** Physical description (extradition: ETS 24 art. 12(2)(c)). */
  description?: string | undefined;
  /** Witnesses and victims: protection needed (UNTOC arts. 24-25, UNCAC art. 32). */
  protectionNeeded?: boolean | undefined;
  protectionDetails?: string | undefined;
  /** Witnesses and victims: whether they consent to what is asked of them. */
  consent?: 'given' | 'refused' | 'not-asked' | undefined;
  /** Victims: whether they wish to be informed of the proceedings (UNTOC art. 25(3)). */
  wishesToBeInformed?: boolean | undefined;
  notes?: string | undefined;
}

export interface Measure {
  id: string;
  kind: MeasureKind;
  /** What is sought, in the requesting authority's words. */
  description?: string | undefined;
  personIds?: string[] | undefined;
  /** Premises to search, where property or data is, where the team would operate. */
  location?: string | undefined;
  /** Holder of the records, bank, service provider. */
  custodian?: string | undefined;
  accounts?: string | undefined;
  period?: string | undefined;
  /** Items or data to seize or produce; documents to serve. */
  items?: string | undefined;
  questions?: string | undefined;
  videoconference?: boolean | undefined;
  videoconferenceReason?: string | undefined;
  relationToOffence?: string | undefined;
  necessity?: string | undefined;
  followUpRequestIntended?: boolean | undefined;
  consentGiven?: boolean | undefined;
  custodyArrangements?: string | undefined;
  order?: Order | undefined;
  /** Sentence imposed and still to be served (surrender for enforcement). */
  sentence?: string | undefined;
  estimatedValue?: string | undefined;
  thirdPartyNotice?: string | undefined;
  disposalGround?: DisposalGround | undefined;
  disposalProposal?: string | undefined;
  priorOwnership?: string | undefined;
  /** Why proceedings should be transferred. */
  reasons?: string | undefined;
  /** JIT: proposed composition of the team (ETS 182 art. 20(2)). */
  composition?: string | undefined;
  /** JIT: the limited period (ETS 182 art. 20(1)). */
  duration?: string | undefined;
  /** Spontaneous information: conditions on use and confidentiality (UNTOC art. 18(5)). */
  conditions?: string | undefined;
}

export interface Offence {
  category: OffenceId;
  /** International Classification of Crime for Statistical Purposes code. */
  iccs?: string | undefined;
  legalDescription?: string | undefined;
  /** The requesting State's provisions that make the conduct an offence. */
  provisions?: string | undefined;
  maxPenalty?: string | undefined;
  timeAndPlace?: string | undefined;
  /** Whether and when prosecution or enforcement becomes time-barred (ETS 24 art. 10). */
  limitation?: string | undefined;
}

export type LegalBasisChoice =
  | { kind: 'treaty'; instrument: string; articles: string[]; title?: string | undefined; citation?: string | undefined }
  | { kind: 'reciprocity'; assurance?: string | undefined };

export interface RequestContent {
  title: string;
  /** The requesting authority's own file number. */
  caseReference?: string | undefined;
  requestedState: string;
  requestedOrganisationId?: string | null | undefined;
  /** The requested authority on a trusted peer node (federation carries the request there). */
  requestedNodeId?: string | null | undefined;
  /** The requested authority from the directory when it has no node (the letter goes by another channel). */
  requestedAuthority?: RequestedAuthorityRef | null | undefined;
  legalBasis?: LegalBasisChoice | null | undefined;
  offences: Offence[];
  facts?: string | undefined;
  applicableLaw?: string | undefined;
  proceedings: {
    stage?: ProceedingStage | undefined;
    authority?: string | undefined;
    authorityFunctions?: string | undefined;
  };
  purpose?: string | undefined;
  persons: Person[];
  measures: Measure[];
  procedure?: string | undefined;
  urgency: { urgent: boolean; reason?: string | undefined };
  /** YYYY-MM-DD */
  deadline?: string | null | undefined;
  deadlineReason?: string | undefined;
  confidentiality: { confidential: boolean; note?: string | undefined };
  useLimitations: {
    speciality?: boolean | undefined;
    limits?: string | undefined;
    /** The uses the originator permits (policy/marking.ts PERMITTED_USES); absent: any lawful use. */
    permittedUses?: ('investigation' | 'prosecution' | 'trial' | 'enforcement' | 'intelligence')[] | undefined;
    /** YYYY-MM-DD after which uses beyond reading need the originator again. */
    reviewOn?: string | null | undefined;
  };
  /** Handling code H0-H3 (policy/marking.ts); H3's restrictions in handlingNote. */
  handling?: 'H0' | 'H1' | 'H2' | 'H3' | undefined;
  handlingNote?: string | undefined;
  /** ISO 639-1 code of the language the request is written in. */
  language: string;
  marking: TlpMarking;
}

/** What the completeness check looks at: the content and its type. */
export interface RequestDraft extends RequestContent {
  type: RequestType;
}

export function emptyContent(type: RequestType, requestedState: string): RequestDraft {
  return {
    type,
    title: '',
    requestedState,
    offences: [],
    proceedings: {},
    persons: [],
    measures: [],
    urgency: { urgent: false },
    confidentiality: { confidential: false },
    useLimitations: {},
    language: 'en',
    marking: 'AMBER',
  };
}
