// Knowledge API: legal-basis finder, instruments, countries and country profiles. Country codes
// are accepted as alpha-2 or alpha-3 in any case and resolved by the core; outputs use alpha-3.
import { COOPERATION_TYPES, OFFENCE_IDS } from '@comity/core/knowledge/taxonomy';
import { z } from 'zod';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const CooperationType = z.enum(COOPERATION_TYPES);
export const OffenceId = z.enum(OFFENCE_IDS);
const StatusState = z.enum(['party', 'not-party', 'unknown']);
const Outcome = z.enum(['applicable', 'conditional', 'not-applicable', 'unknown']);
const InstrumentKind = z.enum(['universal', 'regional', 'bilateral']);

/** GET /api/v1/legal-basis query string. Values are strings; ids are checked by the core so that
 * unknown input gets close matches rather than a bare enum error. */
export const LegalBasisQuery = z
  .object({
    requesting: z.string().min(2).max(60),
    requested: z.string().min(2).max(60),
    type: z.string().min(1).max(40),
    offence: z.string().min(1).max(60),
    date: IsoDate.optional(),
    all: z.enum(['true', 'false']).optional(),
  })
  .strict()
  .meta({ id: 'LegalBasisQuery' });
export type LegalBasisQuery = z.infer<typeof LegalBasisQuery>;

export const StatusSummary = z
  .object({
    state: StatusState,
    since: IsoDate.optional(),
    source: z.string(),
    asOf: IsoDate,
    signed: IsoDate.optional(),
    curated: z.boolean().optional(),
    inferredFrom: z.string().optional(),
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
  effect: z.enum([
    'no-treaty-basis-for-extradition',
    'treaty-basis-for-extradition',
    'central-authority',
    'languages',
    'territorial-exclusion',
    'dispute-settlement',
    'other',
  ]),
  description: z.string(),
  source: z.string(),
});

export const LegalBasis = z
  .object({
    instrument: z.string(),
    title: z.string(),
    short: z.string(),
    kind: InstrumentKind,
    outcome: Outcome,
    articles: z.array(AnswerArticle),
    status: z.object({ requesting: StatusSummary, requested: StatusSummary }),
    conditions: z.array(z.string()),
    reservations: z.array(AnswerReservation),
    reasons: z.array(z.string()),
    citation: z.string(),
    appliesWith: z.string().optional(),
  })
  .meta({ id: 'LegalBasis' });

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
    context: z.array(
      z.object({
        instrument: z.string(),
        title: z.string(),
        contextOnly: z.literal(true),
        status: z.object({ requesting: StatusSummary, requested: StatusSummary }),
        reasons: z.array(z.string()),
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
  })
  .meta({ id: 'InstrumentSummary' });
export type InstrumentSummary = z.infer<typeof InstrumentSummary>;

export const InstrumentParty = z.object({
  state: z.string(),
  name: z.string().optional(),
  status: StatusState,
  signature: IsoDate.optional(),
  consent: IsoDate.optional(),
  consentKind: z
    .enum(['ratification', 'accession', 'acceptance', 'approval', 'succession', 'definitive-signature', 'unknown'])
    .optional(),
  entryIntoForce: IsoDate.optional(),
  denunciation: IsoDate.optional(),
  source: z.string(),
  asOf: IsoDate,
  curated: z.boolean().optional(),
  inferredFrom: z.string().optional(),
});

export const InstrumentDetail = InstrumentSummary.extend({
  notes: z.string().nullable(),
  scopeConditions: z.array(z.object({ id: z.string(), question: z.string(), citation: z.string() })),
  cooperation: z.record(z.string(), z.object({ articles: z.array(z.string()), notes: z.string().optional() })),
  articles: z.array(z.object({ number: z.string(), heading: z.string(), text: z.string().optional() })),
  parties: z.array(InstrumentParty),
  counts: z.object({ parties: z.number().int(), signatories: z.number().int(), listed: z.number().int() }),
  list: z.object({ complete: z.boolean(), source: z.string(), asOf: IsoDate }).nullable(),
  dataAsOf: IsoDate,
}).meta({ id: 'InstrumentDetail' });
export type InstrumentDetail = z.infer<typeof InstrumentDetail>;

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

const ProfileInstrument = z.object({
  instrument: z.string(),
  title: z.string(),
  state: StatusState,
  since: IsoDate.optional(),
  signed: IsoDate.optional(),
  source: z.string(),
  asOf: IsoDate,
  reason: z.string(),
});

const ProfileDeclaration = z.object({
  instrument: z.string(),
  effect: AnswerReservation.shape.effect,
  description: z.string(),
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
  })
  .meta({ id: 'CountryProfile' });
export type CountryProfile = z.infer<typeof CountryProfile>;

export const CountryProfileQuery = z.object({ date: IsoDate.optional() }).strict();
