// Requests API: drafting, completeness, lifecycle transitions, attachments, documents,
// statistics, notifications and service levels. Vocabularies come from the core so that the API,
// the rules and the UI cannot drift apart.
import { OFFENCE_IDS } from '@comity/core/knowledge/taxonomy';
import { AUTHORITY_SOURCES, TRANSMISSION_CHANNELS } from '@comity/core/authorities/authority';
import { RECORDED_ANSWERS, REQUEST_ACTIONS } from '@comity/core/requests/lifecycle';
import { OVERDUE_REASONS, REMINDER_KINDS } from '@comity/core/requests/deadlines';
import {
  DISPOSAL_GROUNDS,
  MEASURE_KINDS,
  ORDER_KINDS,
  PERSON_ROLES,
  PROCEEDING_STAGES,
  REQUEST_STATES,
  REQUEST_TYPES,
  SIDES,
  TLP_MARKINGS,
} from '@comity/core/requests/request';
import { z } from 'zod';
import { HANDLING_CODES, PERMITTED_USES } from '@comity/core/policy/marking';
import { StrictIsoDate } from './common.ts';

const IsoDate = StrictIsoDate;
const Alpha3 = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'an ISO 3166 alpha-3 code such as FRA')
  .transform((s) => s.toUpperCase());
const LocalId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ or -, at most 64');
const Short = z.string().max(500);
const Text = z.string().max(20_000);
const LongText = z.string().max(100_000);

export const RequestType = z.enum(REQUEST_TYPES).meta({ id: 'RequestType' });
export const RequestState = z.enum(REQUEST_STATES).meta({ id: 'RequestState' });
export const RequestAction = z.enum(REQUEST_ACTIONS).meta({ id: 'RequestAction' });
export const Side = z.enum(SIDES);
export const TlpMarking = z.enum(TLP_MARKINGS).meta({ id: 'TlpMarking', description: 'Traffic Light Protocol 2.0' });
export const HandlingCode = z.enum(HANDLING_CODES).meta({ id: 'HandlingCode', description: 'H0 no restriction within law enforcement; H1 not as evidence without permission; H2 not to be disseminated without permission; H3 other restrictions (handlingNote)' });
export const PermittedUse = z.enum(PERMITTED_USES).meta({ id: 'PermittedUse' });
export const UseLimitationsFields = {
  speciality: z.boolean().optional().describe('Speciality: use only for the proceedings of this request (UNTOC 18(19), UNCAC 46(19))'),
  limits: Text.optional(),
  permittedUses: z.array(PermittedUse).max(5).optional().describe('The uses permitted; absent: any lawful use'),
  reviewOn: IsoDate.nullable().optional().describe('After this date, uses beyond reading need the originator again'),
};
export const MeasureKind = z.enum(MEASURE_KINDS).meta({ id: 'MeasureKind' });

export const Order = z
  .strictObject({
    kind: z.enum(ORDER_KINDS),
    reference: Short.optional(),
    issuedBy: Short.optional(),
    issuedOn: IsoDate.optional(),
    final: z.boolean().optional(),
  })
  .meta({ id: 'Order', description: 'A warrant, judgment or order the request rests on or asks to enforce' });

const personShape = (country: z.ZodType<string, string>) => ({
    id: LocalId.describe('Chosen by the client; measures refer to persons by it'),
    role: z.enum(PERSON_ROLES),
    kind: z.enum(['natural', 'legal']).default('natural'),
    name: Short.optional(),
    aliases: Short.optional(),
    dateOfBirth: IsoDate.optional(),
    placeOfBirth: Short.optional(),
    nationality: country.optional(),
    identityDocuments: Short.optional(),
    location: Short.optional(),
    description: Text.optional().describe('Physical description (extradition)'),
    protectionNeeded: z.boolean().optional(),
    protectionDetails: Text.optional(),
    consent: z.enum(['given', 'refused', 'not-asked']).optional(),
    wishesToBeInformed: z.boolean().optional().describe('Victims: wish to be informed of the proceedings'),
    notes: Text.optional(),
});

export const Person = z.strictObject(personShape(Alpha3)).meta({ id: 'RequestPerson' });
/** A person as the API returns it (no input transforms). */
export const PersonView = z.object(personShape(z.string())).meta({ id: 'RequestPersonView' });

export const Measure = z
  .strictObject({
    id: LocalId,
    kind: MeasureKind,
    description: Text.optional(),
    personIds: z.array(LocalId).max(100).optional(),
    location: Text.optional(),
    custodian: Short.optional(),
    accounts: Text.optional(),
    period: Short.optional(),
    items: Text.optional(),
    questions: Text.optional(),
    videoconference: z.boolean().optional(),
    videoconferenceReason: Text.optional(),
    relationToOffence: Text.optional(),
    necessity: Text.optional(),
    followUpRequestIntended: z.boolean().optional(),
    consentGiven: z.boolean().optional(),
    custodyArrangements: Text.optional(),
    order: Order.optional(),
    sentence: Short.optional(),
    estimatedValue: Short.optional(),
    thirdPartyNotice: Text.optional(),
    disposalGround: z.enum(DISPOSAL_GROUNDS).optional(),
    disposalProposal: Text.optional(),
    priorOwnership: Text.optional(),
    reasons: Text.optional(),
    composition: Text.optional(),
    duration: Short.optional(),
    conditions: Text.optional(),
  })
  .meta({ id: 'RequestMeasure', description: 'One measure; which fields matter depends on its kind (see the completeness rules)' });

export const Offence = z
  .strictObject({
    category: z.enum(OFFENCE_IDS),
    iccs: z.string().regex(/^\d{2,6}$/, 'an ICCS code such as 07041').optional(),
    legalDescription: Text.optional(),
    provisions: Text.optional(),
    maxPenalty: Short.optional(),
    timeAndPlace: Text.optional(),
    limitation: Text.optional(),
  })
  .meta({ id: 'RequestOffence' });

export const LegalBasisChoiceInput = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('treaty'),
      instrument: z.string().min(2).max(60).describe('Instrument id from the legal-basis finder, e.g. UNTOC'),
      articles: z.array(z.string().min(1).max(20)).max(30).optional().describe('Default: the articles the engine gives for this kind of cooperation'),
    }),
    z.strictObject({ kind: z.literal('reciprocity'), assurance: Text.optional() }),
  ])
  .meta({ id: 'LegalBasisChoiceBody' });

export const LegalBasisChoice = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('treaty'),
      instrument: z.string(),
      articles: z.array(z.string()),
      title: z.string().optional(),
      citation: z.string().optional(),
    }),
    z.object({ kind: z.literal('reciprocity'), assurance: z.string().optional() }),
  ])
  .meta({ id: 'LegalBasisChoice' });

/** Content fields, all optional: drafts are saved incomplete and checked for completeness. */
const contentFields = {
  title: Short.optional(),
  caseReference: Short.optional(),
  requestedState: Alpha3.optional(),
  requestedOrganisationId: z.uuid().nullable().optional().describe('The requested authority, when it is an organisation on this node'),
  requestedNodeId: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{2,127}$/)
    .nullable()
    .optional()
    .describe('The requested authority, when it is on a trusted peer node (GET /api/v1/directory); federation carries the request there'),
  requestedAuthorityId: z
    .string()
    .min(3)
    .max(200)
    .nullable()
    .optional()
    .describe('The requested authority from GET /api/v1/authorities when it has no node (admin:…, treaty:…); a peer:… entry means requestedNodeId'),
  legalBasis: LegalBasisChoiceInput.nullable().optional(),
  offences: z.array(Offence).max(50).optional(),
  facts: LongText.optional(),
  applicableLaw: LongText.optional(),
  proceedings: z
    .strictObject({ stage: z.enum(PROCEEDING_STAGES).optional(), authority: Short.optional(), authorityFunctions: Short.optional() })
    .optional(),
  purpose: Text.optional(),
  persons: z.array(Person).max(200).optional(),
  measures: z.array(Measure).max(100).optional(),
  procedure: Text.optional(),
  urgency: z.strictObject({ urgent: z.boolean(), reason: Text.optional() }).optional(),
  deadline: IsoDate.nullable().optional(),
  deadlineReason: Text.optional(),
  confidentiality: z.strictObject({ confidential: z.boolean(), note: Text.optional() }).optional(),
  useLimitations: z.strictObject(UseLimitationsFields).optional(),
  handling: HandlingCode.optional(),
  handlingNote: Text.optional(),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, 'an ISO 639-1 code such as en')
    .optional(),
  marking: TlpMarking.optional(),
};

export const CreateRequestBody = z
  .strictObject({ type: RequestType, ...contentFields })
  .meta({ id: 'CreateRequestBody', description: 'Give requestedState or requestedOrganisationId; everything else can follow.' });
export type CreateRequestBody = z.infer<typeof CreateRequestBody>;

export const PatchRequestBody = z
  .strictObject({ version: z.number().int().min(1).describe('The version you edited; a stale version gives 409'), ...contentFields })
  .meta({ id: 'PatchRequestBody', description: 'Replaces the fields given (lists are replaced whole). Only drafts can be edited.' });
export type PatchRequestBody = z.infer<typeof PatchRequestBody>;

const UserRef = z.object({ id: z.string(), email: z.string() }).nullable();
const PartyRef = z.object({ organisationId: z.uuid().nullable(), name: z.string().nullable(), state: z.string() });

export const RefusalGroundChoice = z.object({ ground: z.string(), citation: z.string(), label: z.string(), note: z.string().optional() });

export const TimelineEvent = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    action: z.string(),
    fromState: RequestState.nullable(),
    toState: RequestState,
    side: Side.describe('Which side acted'),
    origin: z.enum(['own', 'counterpart', 'recorded']).describe('counterpart: mirrored from the other side; recorded: the requesting side recorded an answer of an authority without a node'),
    actor: z.object({ email: z.string().nullable(), organisation: z.string().nullable() }),
    reason: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'RequestTimelineEvent' });

export const Attachment = z
  .object({
    id: z.uuid(),
    filename: z.string(),
    mediaType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploadedAt: z.string(),
    uploadedBy: z.string().nullable(),
    answerEventId: z.uuid().nullable().optional().describe('Set when the file came with an answer the requesting side recorded'),
    suppliedBy: Side.describe('The side that supplied the file: the requesting side (with the request or an answer for more information) or the requested side (documents and evidence it returns)'),
    sentWith: z
      .string()
      .nullable()
      .describe("'transmit' when it is part of the request; the answer it was returned with ('execute', 'partially-execute', 'provide-more-info'); null while it waits to be sent with your next answer"),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'RequestAttachment' });

export const RequestedAuthorityRef = z
  .object({
    id: z.string(),
    source: z.enum(AUTHORITY_SOURCES),
    name: z.string(),
    state: z.string(),
    instrument: z.string().nullable().optional(),
    article: z.string().nullable().optional(),
    linkedNodeId: z.string().nullable().optional().describe('The node it joined with, once its requests were linked'),
  })
  .meta({ id: 'RequestedAuthorityRef' });
export const LimitationFlag = z.enum(['speciality', 'confidential', 'permitted-uses', 'review-date', 'handling-note', 'derived']).meta({ id: 'LimitationFlag' });
const Withheld = z.object({ rule: z.string(), citation: z.string(), reason: z.string() });
export const OriginatorView = z
  .object({ nodeId: z.string().nullable(), organisationId: z.string().nullable(), name: z.string(), state: z.string() })
  .meta({ id: 'Originator', description: 'Who marked it: an organisation on this node (nodeId null) or on a peer node' });
export const MarkingView = z
  .object({
    tlp: TlpMarking,
    handling: HandlingCode,
    handlingNotes: z.array(z.string()),
    originators: z.array(OriginatorView),
    limitations: z.object({
      speciality: z.array(z.string()).nullable().describe('Only for these proceedings; null: not limited'),
      confidential: z.boolean(),
      permittedUses: z.array(PermittedUse).nullable(),
      reviewOn: z.string().nullable(),
      notes: z.array(z.string()),
    }),
  })
  .meta({ id: 'Marking', description: 'TLP 2.0, handling code, originators and treaty use limitations' });
const PolicyView = z
  .object({
    effective: MarkingView.describe('The strictest of its own marking and those of what it was made from'),
    sources: z.array(z.object({ key: z.string(), marking: MarkingView })).describe('Its own marking first, then those of what it was made from'),
    exports: z.record(z.string(), z.object({ allow: z.boolean(), rule: z.string(), reason: z.string().optional() })).describe('Whether you may export it now, per format'),
  })
  .meta({ id: 'RequestPolicy' });

export const CopyAttachmentBody = z
  .strictObject({ requestId: z.uuid().describe('The request the file is in'), attachmentId: z.uuid() })
  .meta({ id: 'CopyAttachmentBody' });
export type CopyAttachmentBody = z.infer<typeof CopyAttachmentBody>;

/** The case a request is linked to (issue 12, cases): shown only to those who may read the case. */
export const CaseRef = z
  .object({ id: z.uuid(), reference: z.string(), title: z.string(), status: z.enum(['open', 'closed']) })
  .meta({ id: 'CaseRef', description: 'The case a request is linked to (shown only to those who may read the case)' });
export type CaseRef = z.infer<typeof CaseRef>;

export const RequestView = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    conversationId: z.uuid().describe('Shared by the requesting and the requested side\u2019s records'),
    counterpartReference: z.string().nullable().describe('The other side\u2019s reference, once known'),
    side: Side,
    state: RequestState,
    version: z.number().int(),
    type: RequestType,
    requesting: PartyRef,
    requested: PartyRef,
    title: z.string(),
    caseReference: z.string().optional(),
    case: CaseRef.nullable().optional().describe('The case this request is linked to, when you may read that case'),
    requestedState: z.string(),
    requestedOrganisationId: z.uuid().nullable().optional(),
    requestedNodeId: z.string().nullable().optional().describe('The peer node of the requested authority, when it is not on this node'),
    counterpartNodeId: z.string().nullable().describe('The other side\u2019s node when it is a peer; its messages are verified by signature'),
    requestedAuthority: RequestedAuthorityRef.nullable().optional(),
    delivery: z
      .enum(['this-node', 'peer-node', 'recorded', 'none'])
      .optional()
      .describe('How the request reaches the requested authority: on this node, by federation, or outside Comity with transmission and answers recorded by the requesting side'),
    recordableAnswers: z.array(z.enum(RECORDED_ANSWERS)).optional().describe('Answers you may record now (authorities without a node)'),
    linkCandidates: z.array(z.object({ nodeId: z.string(), name: z.string() })).optional().describe('Trusted peers of the requested State this request can be linked to'),
    legalBasis: LegalBasisChoice.nullable().optional(),
    offences: z.array(Offence),
    facts: z.string().optional(),
    applicableLaw: z.string().optional(),
    proceedings: z.object({ stage: z.enum(PROCEEDING_STAGES).optional(), authority: z.string().optional(), authorityFunctions: z.string().optional() }),
    purpose: z.string().optional(),
    persons: z.array(PersonView),
    measures: z.array(Measure),
    procedure: z.string().optional(),
    urgency: z.object({ urgent: z.boolean(), reason: z.string().optional() }),
    deadline: z.string().nullable().optional(),
    deadlineReason: z.string().optional(),
    confidentiality: z.object({ confidential: z.boolean(), note: z.string().optional() }),
    useLimitations: z.object(UseLimitationsFields),
    handling: HandlingCode.optional(),
    handlingNote: z.string().optional(),
    language: z.string(),
    marking: TlpMarking,
    policy: PolicyView,
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: UserRef,
    lastEditedBy: UserRef,
    submittedBy: UserRef,
    approvedBy: UserRef,
    submittedAt: z.string().nullable(),
    approvedAt: z.string().nullable(),
    transmittedAt: z.string().nullable(),
    receivedAt: z.string().nullable(),
    executionStartedAt: z.string().nullable(),
    executedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    refusal: z.object({ grounds: z.array(RefusalGroundChoice), reason: z.string() }).nullable(),
    postponement: z.object({ reason: z.string(), until: z.string() }).nullable(),
    overdue: z.array(z.enum(OVERDUE_REASONS)),
    editable: z.boolean(),
    allowedActions: z.array(RequestAction).describe('What you may do now (your side, your role, four eyes)'),
    attachments: z.array(Attachment),
    timeline: z.array(TimelineEvent),
  })
  .meta({ id: 'Request' });
export type RequestView = z.infer<typeof RequestView>;

export const RequestSummary = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    side: Side,
    state: RequestState,
    type: RequestType,
    title: z.string(),
    version: z.number().int(),
    requesting: PartyRef,
    requested: PartyRef,
    marking: TlpMarking,
    handling: HandlingCode,
    limitations: z.array(LimitationFlag).describe('The use limitations that apply (its own and those of what it was made from)'),
    withheld: Withheld.nullable().describe('Set when the policy does not let you read this record: the rule, and only the reference and marking are shown'),
    urgent: z.boolean(),
    deadline: z.string().nullable(),
    overdue: z.array(z.enum(OVERDUE_REASONS)),
    createdAt: z.string(),
    updatedAt: z.string(),
    transmittedAt: z.string().nullable(),
    case: CaseRef.nullable().optional().describe('The case this request is linked to, when you may read that case'),
  })
  .meta({ id: 'RequestSummary' });

export const RequestListQuery = z
  .strictObject({
    state: z.string().max(300).optional().describe('One state or several, comma-separated'),
    type: RequestType.optional(),
    side: Side.optional().describe('requesting = outgoing, requested = incoming'),
    counterpart: Alpha3.optional().describe('The other side\u2019s State'),
    q: z.string().max(200).optional().describe('Search in reference, title, facts and names'),
    overdue: z.enum(['true', 'false']).optional(),
    awaitingMyApproval: z.enum(['true', 'false']).optional().describe('The approval queue: awaiting approval, and not drafted by me'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  });

export const RequestList = z.object({ items: z.array(RequestSummary), total: z.number().int() }).meta({ id: 'RequestList' });

export const CompletenessItem = z
  .object({
    field: z.string().describe('Path of the field, e.g. measures[1].location'),
    reason: z.string(),
    citation: z.string().describe('The treaty article that asks for it'),
    rule: z.string().describe('Stable rule id; with params, words the reason in the reader’s language'),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional().describe('Parameters of the reason (instrument, States, dates, ids)'),
  })
  .meta({ id: 'CompletenessItem' });

export const Completeness = z
  .object({
    essentialMissing: z.array(CompletenessItem).describe('Block submission and transmission'),
    recommendedMissing: z.array(CompletenessItem).describe('Warnings'),
    problems: z.array(CompletenessItem.extend({ severity: z.enum(['error', 'warning', 'info']) })).describe('Consistency with the legal-basis engine and the requested State'),
  })
  .meta({ id: 'Completeness' });
export type Completeness = z.infer<typeof Completeness>;

export const CheckRequestBody = z
  .strictObject({ type: RequestType, requestingState: Alpha3.optional(), ...contentFields })
  .meta({ id: 'CheckRequestBody', description: 'Check a request that is not saved (e.g. from a file); requestingState defaults to your organisation\u2019s' });

export const TransitionBody = z
  .strictObject({
    action: RequestAction,
    reason: Text.optional(),
    version: z.number().int().min(1).optional().describe('When given, the transition fails with 409 if the request changed meanwhile'),
    grounds: z
      .array(z.strictObject({ ground: z.string().max(60), citation: Short.optional(), note: Text.optional() }))
      .max(20)
      .optional()
      .describe('refuse: the grounds, from GET /api/v1/requests/refusal-grounds'),
    until: IsoDate.optional().describe('postpone: until when'),
    transmission: z
      .strictObject({ channel: z.enum(TRANSMISSION_CHANNELS), sentOn: IsoDate.describe('The day the letter was sent; not in the future') })
      .optional()
      .describe('transmit to an authority without a node: how and when the letter was sent (produce the letter first)'),
    attachmentIds: z
      .array(z.uuid())
      .max(100)
      .optional()
      .describe(
        'execute, partially-execute, provide-more-info: the files (attached to this request by your side since transmission, not yet sent) that go to the other side with this answer. Omitted: every such file.',
      ),
  })
  .meta({ id: 'TransitionBody' });
export type TransitionBody = z.infer<typeof TransitionBody>;

export const AttachmentJsonBody = z
  .strictObject({
    filename: z.string().min(1).max(255),
    mediaType: z.string().max(200).optional(),
    contentBase64: z.string().describe('The file, base64-encoded'),
  })
  .meta({ id: 'AttachmentJsonBody' });

export const DocumentQuery = z
  .strictObject({
    format: z.enum(['pdf', 'docx']).default('pdf'),
    lang: z.enum(['en', 'fr', 'es', 'ar', 'ru', 'zh']).optional().describe('Template language (default: the request\u2019s language when a UN language, else en)'),
  });

export const DocumentCheckQuery = z.strictObject({
  lang: z.enum(['en', 'fr', 'es', 'ar', 'ru', 'zh']).optional().describe('Template language (default: as for the document)'),
});
const LetterLanguageCode = z.enum(['en', 'fr', 'es', 'ar', 'ru', 'zh']);
export const LetterWarning = z
  .discriminatedUnion('code', [
    z.object({
      code: z.literal('free-text-language'),
      path: z.string().describe('Where the text is, e.g. facts or measures.1.questions'),
      field: z.string().describe('The form field it belongs to, e.g. facts, measures'),
      expected: LetterLanguageCode,
      detected: LetterLanguageCode.nullable().describe('The language it seems to be in; null when only the script differs'),
      script: z.enum(['latin', 'arabic', 'cyrillic', 'han', 'none']),
      excerpt: z.string(),
      message: z.string(),
    }),
    z.object({ code: z.literal('signatory-without-title'), message: z.string() }),
  ])
  .meta({ id: 'LetterWarning' });
export const DocumentCheck = z
  .object({
    lang: LetterLanguageCode,
    warnings: z.array(LetterWarning).describe('Free text that seems to be in another language than the letter (script, then stop words), a signatory without a title'),
  })
  .meta({ id: 'DocumentCheck' });

export const RefusalGroundsQuery = z.strictObject({ type: RequestType.optional() });
export const RefusalGroundList = z
  .object({ items: z.array(z.object({ id: z.string(), label: z.string(), citation: z.string(), types: z.array(RequestType) })) })
  .meta({ id: 'RefusalGroundList' });

const Durations = z.object({ count: z.number().int(), medianDays: z.number().nullable(), p90Days: z.number().nullable() });
const Figures = {
  total: z.number().int(),
  byState: z.record(z.string(), z.number().int()),
  acknowledge: Durations.describe('Days from transmission to acknowledgement of receipt'),
  execute: Durations.describe('Days from transmission to execution'),
  refusalGrounds: z.array(z.object({ ground: z.string(), citation: z.string(), count: z.number().int() })),
  overdue: z.number().int(),
};
export const StatisticsQuery = z.strictObject({
  side: Side.default('requesting').describe('requesting: outgoing requests, by requested State; requested: incoming, by requesting State'),
  from: IsoDate.optional().describe('Requests created on or after'),
  to: IsoDate.optional().describe('Requests created on or before'),
  type: RequestType.optional(),
});
export const RequestStatistics = z
  .object({
    side: Side,
    groups: z.array(z.object({ counterpartState: z.string(), type: RequestType, ...Figures })),
    totals: z.object(Figures),
  })
  .meta({ id: 'RequestStatistics' });

export const Notification = z
  .object({
    id: z.uuid(),
    kind: z.string().describe(`One of: ${['incoming-request', 'approval-requested', 'status-changed', ...REMINDER_KINDS].join(', ')}`),
    message: z.string().describe('The notification in English'),
    code: z.string().nullable().describe('Stable message code (e.g. counterpart-action), for wording the notification in the reader’s language; null on older notifications'),
    params: z
      .record(z.string(), z.union([z.string(), z.number(), z.null()]))
      .nullable()
      .describe('Parameters of the message code: references, names, state and action ids, dates'),
    requestId: z.uuid().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
export const NotificationQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const NotificationList = z.object({ items: z.array(Notification), unread: z.number().int() }).meta({ id: 'NotificationList' });

export const ServiceLevel = z
  .object({
    counterpartOrganisationId: z.uuid().nullable(),
    counterpartState: z.string().nullable(),
    acknowledgeDays: z.number().int().nullable(),
    executeDays: z.number().int().nullable(),
    reminderDays: z.number().int().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ServiceLevel', description: 'What this organisation expects of a counterpart; neither organisation nor State = the default' });
export const ServiceLevelList = z.object({ items: z.array(ServiceLevel) }).meta({ id: 'ServiceLevelList' });
export const PutServiceLevelBody = z
  .strictObject({
    counterpartOrganisationId: z.uuid().optional(),
    counterpartState: Alpha3.optional(),
    acknowledgeDays: z.number().int().min(0).max(3650).nullable(),
    executeDays: z.number().int().min(0).max(3650).nullable(),
    reminderDays: z.number().int().min(0).max(365).nullable().default(3),
  })
  .meta({ id: 'PutServiceLevelBody' });
export const ServiceLevelKeyQuery = z.strictObject({ counterpartOrganisationId: z.uuid().optional(), counterpartState: Alpha3.optional() });

// ── Messages between the two sides (outbox payloads; federation carries them between nodes) ──────

const PartyPayload = z.object({ organisationId: z.uuid().nullable(), name: z.string().max(500), state: z.string().regex(/^[A-Z]{3}$/) });

/** The request as the requested side receives it: `request.transmit`. */
export const RequestTransmitPayload = z
  .object({
    v: z.literal(1),
    conversationId: z.uuid(),
    reference: z.string().max(100).describe('The requesting side\u2019s reference'),
    type: RequestType,
    requesting: PartyPayload,
    requested: PartyPayload,
    content: z.object({
      title: z.string().max(500),
      caseReference: z.string().max(500).optional(),
      requestedState: z.string(),
      legalBasis: LegalBasisChoice.nullable().optional(),
      offences: z.array(Offence),
      facts: LongText.optional(),
      applicableLaw: LongText.optional(),
      proceedings: z.object({ stage: z.enum(PROCEEDING_STAGES).optional(), authority: Short.optional(), authorityFunctions: Short.optional() }),
      purpose: Text.optional(),
      persons: z.array(Person),
      measures: z.array(Measure),
      procedure: Text.optional(),
      urgency: z.object({ urgent: z.boolean(), reason: Text.optional() }),
      deadline: IsoDate.nullable().optional(),
      deadlineReason: Text.optional(),
      confidentiality: z.object({ confidential: z.boolean(), note: Text.optional() }),
      useLimitations: z.object(UseLimitationsFields),
      handling: HandlingCode.optional(),
      handlingNote: Text.optional(),
      language: z.string().max(10),
      marking: TlpMarking,
    }),
    submittedAt: z.string().nullable(),
    approvedAt: z.string().nullable(),
    transmittedAt: z.string(),
    attachments: z.array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), filename: z.string().max(255), mediaType: z.string().max(200), size: z.number().int().min(0) })),
  })
  .meta({ id: 'RequestTransmitPayload' });
export type RequestTransmitPayload = z.infer<typeof RequestTransmitPayload>;

/** A file that travels with a message (its bytes go ahead as attachment.chunk messages). */
const AttachmentRef = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), filename: z.string().max(255), mediaType: z.string().max(200), size: z.number().int().min(0) });

/** A transition one side made, for the other side's record: `request.status`. */
export const RequestStatusPayload = z
  .object({
    v: z.literal(1),
    conversationId: z.uuid(),
    action: RequestAction,
    side: Side.describe('The side that acted'),
    reference: z.string().max(100).optional().describe('The acting side\u2019s own reference'),
    fromState: RequestState,
    toState: RequestState,
    at: z.string(),
    actorOrganisation: z.string().max(500),
    reason: z.string().max(20_000).nullable(),
    grounds: z.array(RefusalGroundChoice).optional(),
    until: IsoDate.optional(),
    attachments: z
      .array(AttachmentRef)
      .max(100)
      .optional()
      .describe('Files returned with this answer (execution, partial execution, more information); sent ahead as attachment.chunk messages like a request\u2019s own files. Nodes that speak the evidence transfer send `evidence` instead; this is still accepted from older nodes'),
    evidence: z
      .array(
        z.strictObject({
          transferId: z.uuid().describe('The evidence.offer that carried the item, queued ahead of this message in the conversation'),
          itemId: z.uuid().describe('The item in the sending node\u2019s vault (the offer\u2019s item.id)'),
          sha256: z.string().regex(/^[0-9a-f]{64}$/),
          title: z.string().max(500),
        }),
      )
      .max(100)
      .optional()
      .describe('Files returned with this answer as evidence items: each was offered (evidence.offer, binary chunks) ahead of this message, and the receiver links the item it accepted from that transfer to the answer'),
  })
  .meta({ id: 'RequestStatusPayload' });
export type RequestStatusPayload = z.infer<typeof RequestStatusPayload>;

/** What the receiving node reports in the receipt of a `request.transmit`: its own reference. */
export const RequestTransmitResult = z
  .strictObject({ reference: z.string().describe('The requested side\u2019s reference for the request it created') })
  .meta({ description: 'request.transmit: the reference the receiving node gave the request' });
/** ... of a `request.status` (and the more-information exchange): the request's state there now. */
export const RequestStatusResult = z
  .strictObject({ reference: z.string().describe('The receiving side\u2019s reference'), state: RequestState })
  .meta({ description: 'request.status, request.more-info, request.more-info-answer: the request on the receiving node after the change' });
export type RequestTransmitResult = z.infer<typeof RequestTransmitResult>;
export type RequestStatusResult = z.infer<typeof RequestStatusResult>;

export const AnswerDocument = z.strictObject({
  filename: z.string().min(1).max(255),
  mediaType: z.string().max(200).optional(),
  contentBase64: z.string().describe('The file, base64-encoded'),
});

export const RecordAnswerBody = z
  .strictObject({
    answer: z.enum(RECORDED_ANSWERS),
    receivedOn: IsoDate.describe('When the answer was received; not in the future, not before transmission'),
    reason: Text.optional().describe('What the authority said (required for more information and refusals)'),
    grounds: z
      .array(z.strictObject({ ground: z.string().max(60), citation: Short.optional(), note: Text.optional() }))
      .max(20)
      .optional()
      .describe('refused: the grounds given, from GET /api/v1/requests/refusal-grounds'),
    documents: z.array(AnswerDocument).max(20).optional().describe('Documents that came with the answer (e.g. the evidence returned on execution)'),
    version: z.number().int().min(1).optional(),
  })
  .meta({ id: 'RecordAnswerBody' });
export type RecordAnswerBody = z.infer<typeof RecordAnswerBody>;

export const LinkRequestBody = z
  .strictObject({ nodeId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{2,127}$/).describe('A trusted peer of the requested State') })
  .meta({ id: 'LinkRequestBody' });
export const WORKLIST_KEYS = [
  'drafts',
  'awaiting-my-approval',
  'to-acknowledge',
  'to-execute',
  'more-information-asked',
  'answers-received',
  'overdue',
  'failed-deliveries',
] as const;

export const WorklistGroup = z
  .object({
    key: z.enum(WORKLIST_KEYS).describe(
      'drafts: your drafts; awaiting-my-approval: submitted by others, for you as supervisor; to-acknowledge: received, not yet acknowledged; to-execute: acknowledged, under execution or postponed; more-information-asked: the requested authority asks you for more information; answers-received: requests with an answer you have not read yet (unread notifications); overdue: past a deadline or service level; failed-deliveries: messages to other nodes that could not be delivered (administrators)',
    ),
    count: z.number().int().min(0),
    items: z.array(RequestSummary).describe('The most recently changed, at most 5 (none for failed-deliveries)'),
  })
  .meta({ id: 'WorklistGroup' });

export const Worklist = z
  .object({ groups: z.array(WorklistGroup).describe('Only the groups that apply to your role, in this order, also when empty') })
  .meta({ id: 'Worklist' });
export type Worklist = z.infer<typeof Worklist>;
