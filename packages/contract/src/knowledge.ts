// Knowledge API: legal-basis finder, instruments, countries, country profiles, the taxonomy, and
// the administration of knowledge versions (imports) and curated facts. Country codes are accepted
// as alpha-2 or alpha-3 in any case and resolved by the core; outputs use alpha-3.
import { COOPERATION_TYPES, OFFENCE_IDS } from '@comity/core/knowledge/taxonomy';
import { z } from 'zod';
import { Problem, StrictIsoDate } from './common.ts';
import { DeclaredDisagreement, ReceivedFacts } from './declared-facts.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** The problem document of the knowledge routes: what was typed and its close matches, or the
 * file and line of a malformed depositary file. */
export const KnowledgeProblem = Problem.extend({
  input: z.string().optional(),
  field: z.string().optional(),
  file: z.string().optional().describe('The depositary file that was refused'),
  line: z.number().int().optional().describe('Its line, where the parser can tell'),
  instrument: z.string().optional(),
  importedAsOf: z.string().optional(),
  currentAsOf: z.string().optional(),
  version: z.number().int().optional(),
}).meta({ id: 'KnowledgeProblem' });
export const CooperationType = z.enum(COOPERATION_TYPES);
export const OffenceId = z.enum(OFFENCE_IDS);
const StatusState = z.enum(['party', 'not-party', 'unknown']);
const Outcome = z.enum(['applicable', 'conditional', 'not-applicable', 'unknown']);
const InstrumentKind = z.enum(['universal', 'regional', 'bilateral']);
const ConsentKind = z.enum(['ratification', 'accession', 'acceptance', 'approval', 'succession', 'definitive-signature', 'unknown']);
const Flag = z.enum(['true', 'false']);
const EffectKind = z.enum([
  'no-treaty-basis-for-extradition',
  'treaty-basis-for-extradition',
  'central-authority',
  'languages',
  'territorial-exclusion',
  'dispute-settlement',
  'other',
]);

/** GET /api/v1/legal-basis query string. Values are strings; ids are checked by the core so that
 * unknown input gets close matches rather than a bare enum error. */
export const LegalBasisQuery = z
  .object({
    requesting: z.string().min(2).max(60).describe('Requesting State: alpha-2, alpha-3 (any case) or a name'),
    requested: z.string().min(2).max(60).describe('Requested State: alpha-2, alpha-3 (any case) or a name'),
    type: z.string().min(1).max(40).describe(`One of: ${COOPERATION_TYPES.join(', ')}`),
    offence: z.string().min(1).max(60).describe(`One of: ${OFFENCE_IDS.join(', ')}`),
    date: IsoDate.optional().describe('Date of the question (default: today)'),
    all: Flag.optional().describe('Also list the instruments that do not apply, with why'),
    includeText: Flag.optional().describe('Include the article texts (default: number and heading only)'),
  })
  // No component id: @fastify/swagger cannot resolve a $ref in query parameters.
  .strict();
export type LegalBasisQuery = z.infer<typeof LegalBasisQuery>;

/** A sentence of the legal-basis engine as a stable code with its parameters (State codes,
 * instrument ids, dates, citations) next to its English text; a client words the code in its
 * reader's language and shows the text when it does not know the code. */
export const CodedText = z
  .object({
    code: z.string().describe('Stable code: a reason (e.g. not-in-incomplete-list) or, for a catalogue condition, its id in the data'),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    text: z.string().describe('The English sentence'),
  })
  .meta({ id: 'CodedText' });

export const StatusSummary = z
  .object({
    state: StatusState,
    since: IsoDate.optional(),
    source: z.string(),
    asOf: IsoDate,
    signed: IsoDate.optional(),
    curated: z.boolean().optional(),
    inferredFrom: z.string().optional(),
    phase: z
      .enum(['consented-not-in-force', 'not-eligible', 'party-date-unknown'])
      .optional()
      .describe('consented-not-in-force: consent deposited, the treaty not yet in force for the State (not a basis yet); not-eligible: the State may not join (the article is in the reasons); party-date-unknown: party per the source, act and date unknown'),
    consent: IsoDate.optional().describe('Date of deposit of the instrument of consent'),
    consentKind: ConsentKind.optional(),
    entryIntoForceRule: z.string().optional().describe('The final-clause article that gives the entry into force for the State, e.g. "UNCAC art. 68(2)"; `since` is the date it gives'),
  })
  .meta({ id: 'StatusSummary' });

export const AnswerArticle = z.object({
  number: z.string(),
  heading: z.string(),
  text: z.string().optional(),
  toBeConfirmed: z.boolean().optional(),
});

export const AnswerReservation = z.object({
  state: z.string(),
  instrument: z.string(),
  text: z.string(),
  effect: EffectKind,
  description: z.string(),
  params: z.record(z.string(), z.string()).default({}).describe('The effect’s data beyond its kind: name (central authority), languages'),
  source: z.string(),
});

export const LegalBasis = z
  .object({
    instrument: z.string(),
    title: z.string(),
    titles: z.record(z.string(), z.string()).describe('Official titles by UN language code, where the data has them (source: the instrument page)'),
    short: z.string(),
    kind: InstrumentKind,
    outcome: Outcome,
    articles: z.array(AnswerArticle),
    status: z.object({ requesting: StatusSummary, requested: StatusSummary }),
    conditions: z.array(z.string()),
    conditionCodes: z.array(CodedText).default([]).describe('The conditions as codes with parameters, in the same order'),
    reservations: z.array(AnswerReservation),
    reasons: z.array(z.string()),
    reasonCodes: z.array(CodedText).default([]).describe('The reasons as coded sentences (a reason that joins two facts is two sentences here)'),
    citation: z.string(),
    appliesWith: z.string().optional(),
    rank: z.number().int().min(1).describe('Position in the answer, 1 for the best basis'),
  })
  .meta({ id: 'LegalBasis' });

export const LegalBasisHeadline = z
  .discriminatedUnion('code', [
    z.object({
      code: z.enum(['best-basis', 'conditional-basis']),
      params: z.object({
        instrument: z.string(),
        citation: z.string(),
        requesting: z.string(),
        requested: z.string(),
        requestingSince: z.string().nullable(),
        requestedSince: z.string().nullable(),
        conditions: z.number().int(),
      }),
      text: z.string(),
    }),
    z.object({ code: z.literal('no-known-basis'), params: z.object({ unknown: z.number().int() }), text: z.string() }),
  ])
  .describe('What a person reads first: the code and parameters for translation, and the English sentence')
  .meta({ id: 'LegalBasisHeadline' });

export const LegalBasisAnswer = z
  .object({
    query: z.object({
      requesting: z.string(),
      requested: z.string(),
      type: CooperationType,
      offence: OffenceId,
      date: IsoDate,
    }),
    dataAsOf: IsoDate,
    bases: z.array(LegalBasis),
    headline: LegalBasisHeadline,
    context: z.array(
      z.object({
        instrument: z.string(),
        title: z.string(),
        contextOnly: z.literal(true),
        status: z.object({ requesting: StatusSummary, requested: StatusSummary }),
        reasons: z.array(z.string()),
        reasonCodes: z.array(CodedText).default([]),
      }),
    ),
  })
  .meta({ id: 'LegalBasisAnswer' });
export type LegalBasisAnswer = z.infer<typeof LegalBasisAnswer>;

export const InstrumentSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    titles: z.record(z.string(), z.string()),
    short: z.string(),
    kind: InstrumentKind,
    openToNonMembers: z.boolean().optional(),
    depositary: z.string(),
    adopted: IsoDate.nullable(),
    entryIntoForce: IsoDate.nullable(),
    supplements: z.string().nullable(),
    contextOnly: z.boolean(),
    offences: z.array(z.string()),
    cooperationTypes: z.array(CooperationType),
    articlesChecked: z.boolean(),
    states: z.array(z.string()).optional().describe('The two States of a bilateral treaty'),
    curated: z.boolean().optional(),
    partyCount: z.number().int().describe('States party at the data date according to the list'),
    signatoryCount: z.number().int(),
    listComplete: z.boolean().describe('false: a State not listed is of unknown status, never "not party"'),
    dataAsOf: IsoDate.describe('As-of date of the party list'),
  })
  .meta({ id: 'InstrumentSummary' });
export type InstrumentSummary = z.infer<typeof InstrumentSummary>;

export const InstrumentList = z
  .object({ items: z.array(InstrumentSummary), dataAsOf: IsoDate, version: z.number().int() })
  .meta({ id: 'InstrumentList' });

export const InstrumentParty = z.object({
  state: z.string(),
  name: z.string().optional(),
  status: StatusState,
  since: IsoDate.optional(),
  reason: z.string(),
  reasonCodes: z.array(CodedText).default([]),
  signature: IsoDate.optional(),
  consent: IsoDate.optional(),
  consentKind: ConsentKind.optional(),
  entryIntoForce: IsoDate.optional(),
  denunciation: IsoDate.optional(),
  source: z.string(),
  asOf: IsoDate,
  curated: z.boolean().optional(),
  inferredFrom: z.string().optional(),
});

export const ReservationEffect = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('no-treaty-basis-for-extradition') }),
  z.strictObject({ kind: z.literal('treaty-basis-for-extradition') }),
  z.strictObject({ kind: z.literal('central-authority'), name: z.string().min(1).max(500) }),
  z.strictObject({ kind: z.literal('languages'), languages: z.array(z.string().min(1).max(40)).min(1).max(20) }),
  z.strictObject({ kind: z.literal('territorial-exclusion') }),
  z.strictObject({ kind: z.literal('dispute-settlement'), relevantToCooperation: z.literal(false) }),
  z.strictObject({ kind: z.literal('other') }),
]);

export const InstrumentReservation = z.object({
  id: z.string().describe('Stable across imports: instrument, State and a fingerprint of the text'),
  state: z.string(),
  kind: z.enum(['reservation', 'declaration', 'notification']),
  text: z.string(),
  source: z.string(),
  effects: z.array(ReservationEffect),
  curated: z.boolean().optional(),
});

export const InstrumentDetail = InstrumentSummary.extend({
  notes: z.string().nullable(),
  scopeConditions: z.array(z.object({ id: z.string(), question: z.string(), citation: z.string() })),
  cooperation: z.record(z.string(), z.object({ articles: z.array(z.string()), notes: z.string().optional() })),
  articles: z.array(z.object({ number: z.string(), heading: z.string(), text: z.string().optional(), toBeConfirmed: z.boolean().optional() })),
  parties: z.array(InstrumentParty),
  counts: z.object({ parties: z.number().int(), signatories: z.number().int(), listed: z.number().int() }),
  list: z.object({ complete: z.boolean(), source: z.string(), asOf: IsoDate }).nullable(),
  reservations: z.array(InstrumentReservation),
  date: IsoDate.describe('Date at which the parties’ status is given'),
  version: z.number().int().describe('Knowledge version shown'),
  currentVersion: z.number().int(),
}).meta({ id: 'InstrumentDetail' });
export type InstrumentDetail = z.infer<typeof InstrumentDetail>;

export const InstrumentQuery = z
  .object({
    version: z.coerce.number().int().min(1).optional().describe('An earlier knowledge version, as it was imported'),
    date: IsoDate.optional().describe('Date for the parties’ status (default: today)'),
  })
  .strict();
export const InstrumentParams = z.object({ id: z.string().min(1).max(80) });

export const Country = z
  .object({
    code: z.string().length(3),
    alpha2: z.string().length(2),
    kind: z.enum(['state', 'regional-organisation']),
    names: z.record(z.string(), z.string()),
    region: z.string().nullable(),
    subRegion: z.string().nullable(),
  })
  .meta({ id: 'Country' });
export type Country = z.infer<typeof Country>;

export const CountryList = z.object({ items: z.array(Country) }).meta({ id: 'CountryList' });
export const CountryParams = z.object({ code: z.string().min(2).max(60) });

const ProfileInstrument = z.object({
  instrument: z.string(),
  title: z.string(),
  state: StatusState,
  since: IsoDate.optional(),
  signed: IsoDate.optional(),
  source: z.string(),
  asOf: IsoDate,
  reason: z.string(),
  reasonCodes: z.array(CodedText).default([]),
});

const ProfileDeclaration = z.object({
  instrument: z.string(),
  effect: EffectKind,
  description: z.string(),
  params: z.record(z.string(), z.string()).default({}),
  text: z.string(),
  source: z.string(),
});

export const CountryProfile = z
  .object({
    country: Country,
    state: z.string(),
    date: IsoDate,
    dataAsOf: IsoDate,
    party: z.array(ProfileInstrument),
    signed: z.array(ProfileInstrument),
    unknown: z.array(ProfileInstrument),
    notParty: z.array(ProfileInstrument),
    declarations: z.record(z.string(), z.array(ProfileDeclaration)),
    declared: z.array(ReceivedFacts).default([]).describe('What the State’s own node declares (signed, with provenance); empty when no node of that State published facts here'),
    disagreements: z.array(DeclaredDisagreement).default([]).describe('Where those declared facts disagree with the depositary data'),
  })
  .meta({ id: 'CountryProfile' });
export type CountryProfile = z.infer<typeof CountryProfile>;

export const CountryProfileQuery = z.object({ date: IsoDate.optional() }).strict();

export const Taxonomy = z
  .object({
    cooperationTypes: z.array(z.object({ id: CooperationType, label: z.string() })),
    offences: z.array(z.object({ id: OffenceId, label: z.string(), iccs: z.string().nullable() })),
    outcomes: z.array(Outcome),
    statusStates: z.array(StatusState),
  })
  .meta({ id: 'Taxonomy' });

// ---- Versions and imports (administration) ----

export const ImportedFile = z.object({
  name: z.string(),
  format: z.enum(['untc-xml', 'coe-json']),
  digest: z.string(),
  instrument: z.string(),
  asOf: IsoDate,
  complete: z.boolean(),
  participations: z.number().int(),
  parties: z.number().int(),
  reservations: z.number().int().nullable(),
  unmapped: z.array(z.string()),
  previousAsOf: IsoDate.nullable(),
});

export const KnowledgeVersion = z
  .object({
    version: z.number().int(),
    current: z.boolean(),
    createdAt: z.string(),
    source: z.string(),
    digest: z.string().describe('SHA-256 of the imported file(s)'),
    dataAsOf: IsoDate,
    forced: z.boolean(),
    importedBy: z.string().nullable().optional().describe('Shown to administrators only'),
    files: z.array(ImportedFile),
  })
  .meta({ id: 'KnowledgeVersion' });
export const KnowledgeVersionList = z.object({ items: z.array(KnowledgeVersion) }).meta({ id: 'KnowledgeVersionList' });

export const ImportBody = z
  .strictObject({
    format: z.enum(['untc-xml', 'coe-json']),
    fileName: z.string().min(1).max(200),
    content: z.string().min(1).max(8 * 1024 * 1024),
    asOf: StrictIsoDate.optional().describe('Required for UNTC XML, which carries no date: the day it was downloaded'),
    force: z.boolean().optional().describe('Allow a snapshot older than the current data'),
  })
  .meta({ id: 'KnowledgeImportBody' });

export const ImportReport = z
  .object({
    version: z.number().int(),
    source: z.string(),
    digest: z.string(),
    dataAsOf: IsoDate,
    forced: z.boolean(),
    files: z.array(ImportedFile),
    skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
  })
  .meta({ id: 'KnowledgeImportReport' });

// ---- Curated facts (administration) ----

const State = z.string().regex(/^[A-Za-z]{3}$/, 'an ISO 3166 alpha-3 code such as FRA');
const InstrumentId = z.string().min(2).max(60);

export const CuratedParticipation = z.strictObject({
  kind: z.literal('participation'),
  instrument: InstrumentId,
  state: State,
  signature: IsoDate.optional(),
  consent: IsoDate.optional(),
  consentKind: ConsentKind.optional(),
  entryIntoForce: IsoDate.optional(),
  denunciation: IsoDate.optional(),
});

export const CuratedBilateralTreaty = z.strictObject({
  kind: z.literal('bilateral-treaty'),
  id: z.string().min(3).max(60).describe('e.g. FRA-BRA-MLA-1996'),
  title: z.string().min(1).max(500),
  states: z.tuple([State, State]),
  adopted: IsoDate.nullable(),
  entryIntoForce: IsoDate.nullable(),
  terminated: IsoDate.optional(),
  offences: z.array(z.string().min(1).max(60)).min(1).max(40),
  cooperation: z.partialRecord(CooperationType, z.strictObject({ articles: z.array(z.string().min(1).max(20)).max(40), notes: z.string().max(2000).optional() })),
  articles: z
    .array(z.strictObject({ number: z.string().min(1).max(20), heading: z.string().max(300), text: z.string().max(50_000).optional() }))
    .max(200),
  scopeConditions: z
    .array(z.strictObject({ id: z.string().min(1).max(60), question: z.string().min(1).max(1000), citation: z.string().min(1).max(200) }))
    .max(20)
    .default([]),
});

export const CuratedReservationEffect = z.strictObject({
  kind: z.literal('reservation-effect'),
  instrument: InstrumentId,
  state: State,
  reservationId: z.string().min(1).max(200).optional(),
  text: z.string().min(1).max(20_000),
  effects: z.array(ReservationEffect).min(1).max(10),
});

export const CuratedFact = z.discriminatedUnion('kind', [CuratedParticipation, CuratedBilateralTreaty, CuratedReservationEffect]);

export const CurationBody = z
  .strictObject({
    fact: CuratedFact,
    source: z.string().min(1).max(500).describe('Where the fact comes from (a gazette, a depositary notification, a treaty text)'),
    note: z.string().min(1).max(2000).describe('Why it is added or corrected'),
  })
  .meta({ id: 'KnowledgeCurationBody' });

export const Curation = z
  .object({
    id: z.string(),
    kind: z.enum(['participation', 'bilateral-treaty', 'reservation-effect']),
    instrument: z.string(),
    state: z.string().nullable(),
    fact: z.record(z.string(), z.unknown()),
    source: z.string(),
    note: z.string(),
    basedOnVersion: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    withdrawnBy: z.string().nullable(),
    withdrawalNote: z.string().nullable(),
    inConflict: z.boolean(),
  })
  .meta({ id: 'KnowledgeCuration' });
export const CurationList = z.object({ items: z.array(Curation) }).meta({ id: 'KnowledgeCurationList' });
export const CurationQuery = z.object({ all: Flag.optional().describe('Include withdrawn facts') }).strict();
export const CurationParams = z.object({ id: z.uuid() });
export const WithdrawBody = z.strictObject({ note: z.string().min(1).max(2000) });

export const CurationConflict = z
  .object({
    curationId: z.string(),
    kind: z.enum(['participation', 'bilateral-treaty', 'reservation-effect']),
    instrument: z.string(),
    state: z.string().optional(),
    version: z.number().int(),
    message: z.string(),
    curated: z.unknown(),
    imported: z.unknown(),
  })
  .meta({ id: 'KnowledgeConflict' });
export const ConflictList = z.object({ items: z.array(CurationConflict), version: z.number().int() }).meta({ id: 'KnowledgeConflictList' });
