// Complete example requests, one per type, as a practitioner would write them. Tests, the
// benchmark and demonstrations start from these and take parts away.
import type { Measure, Person, RequestDraft, RequestType } from './request.ts';

const suspect: Person = {
  id: 'p1',
  role: 'suspect',
  kind: 'natural',
  name: 'Jean DUPONT',
  dateOfBirth: '1979-04-12',
  placeOfBirth: 'Lyon',
  nationality: 'FRA',
  location: 'Believed to reside at Hauptstrasse 5, 10115 Berlin',
  description: 'Male, 1.82 m, brown hair, scar on the left hand',
};

const witness: Person = {
  id: 'p2',
  role: 'witness',
  kind: 'natural',
  name: 'Anna SCHMIDT',
  nationality: 'DEU',
  location: 'Berlin',
  protectionNeeded: false,
  consent: 'given',
};

const victim: Person = {
  id: 'p3',
  role: 'victim',
  kind: 'natural',
  name: 'Maria ROSSI',
  nationality: 'ITA',
  location: 'Milan',
  protectionNeeded: true,
  protectionDetails: 'Identity not to be disclosed to the suspect',
  consent: 'given',
  wishesToBeInformed: true,
};

const base = (type: RequestType, requestedState: string, requestedOrganisationId: string | null): RequestDraft => ({
  type,
  title: 'Laundering of proceeds through shell companies (Operation Meridian)',
  caseReference: 'PNF-2025-0042',
  requestedState,
  requestedOrganisationId,
  legalBasis: { kind: 'treaty', instrument: 'UNTOC', articles: [] },
  offences: [
    {
      category: 'money-laundering',
      iccs: '07041',
      legalDescription: 'Laundering of the proceeds of organised fraud',
      provisions: 'Code pénal, articles 324-1 and 324-2',
      maxPenalty: '10 years\u2019 imprisonment and a fine of EUR 750,000',
      timeAndPlace: 'Paris and Berlin, January 2022 to March 2024',
      limitation: 'Six years from the last act (Code de procédure pénale, art. 8); not time-barred before 2030',
    },
  ],
  facts:
    'Between January 2022 and March 2024 the suspect transferred EUR 4.2 million obtained by investment fraud from accounts in France to accounts of shell companies in Germany.',
  applicableLaw: 'Code pénal, art. 324-1: "Le blanchiment est le fait de faciliter, par tout moyen, la justification mensongère de l\u2019origine des biens ou des revenus de l\u2019auteur d\u2019un crime ou d\u2019un délit …"',
  proceedings: { stage: 'investigation', authority: 'Parquet national financier, Paris', authorityFunctions: 'Public prosecutor directing the investigation' },
  purpose: 'To establish the flow of funds and identify the beneficial owners, as evidence for trial in France.',
  persons: [suspect, witness, victim],
  measures: [],
  procedure: 'Bank records certified by the bank as true copies; witness to be heard in the presence of a French investigator if possible.',
  urgency: { urgent: false },
  deadline: null,
  confidentiality: { confidential: true, note: 'Do not inform the account holders.' },
  useLimitations: { speciality: true, limits: 'For the proceedings stated in this request only (UNTOC art. 18(19)).' },
  language: 'en',
  marking: 'AMBER',
});

const MEASURES: Record<RequestType, Measure[]> = {
  mla: [
    {
      id: 'm1',
      kind: 'bank-records',
      description: 'Account opening documents, statements and transfer records',
      custodian: 'Berliner Handelsbank AG',
      accounts: 'DE89 3704 0044 0532 0130 00',
      period: '2022-01-01 to 2024-03-31',
    },
    {
      id: 'm2',
      kind: 'witness-statement',
      description: 'Hear the witness on the company\u2019s formation and directors',
      personIds: ['p2'],
      questions: 'Who instructed you to incorporate Meridian GmbH? Who operated its accounts?',
      videoconference: true,
      videoconferenceReason: 'The witness cannot travel to France for health reasons.',
    },
  ],
  extradition: [
    {
      id: 'm1',
      kind: 'surrender-for-prosecution',
      description: 'Surrender for prosecution for money laundering',
      personIds: ['p1'],
      order: { kind: 'arrest-warrant', reference: 'MA-2025-117', issuedBy: 'Juge d\u2019instruction, Tribunal judiciaire de Paris', issuedOn: '2025-02-03' },
    },
  ],
  'asset-recovery': [
    {
      id: 'm1',
      kind: 'confiscation',
      description: 'Enforce the confiscation order against the apartment bought with laundered funds',
      items: 'Apartment, Kastanienallee 12, 10435 Berlin (land register Prenzlauer Berg sheet 4711)',
      location: 'Berlin, Germany',
      estimatedValue: 'EUR 850,000',
      order: { kind: 'confiscation-order', reference: 'TJ Paris 24/118', issuedBy: 'Tribunal judiciaire de Paris', issuedOn: '2024-11-20', final: true },
      thirdPartyNotice: 'Notice served on the mortgage holder on 2024-09-01; no claim filed.',
    },
    {
      id: 'm2',
      kind: 'return-of-assets',
      description: 'Return of the net proceeds of sale to the French Republic',
      items: 'Net proceeds of the sale of the apartment',
      location: 'Berlin, Germany',
      estimatedValue: 'EUR 820,000 after costs',
      disposalGround: 'uncac-57-3-b',
      priorOwnership: 'The funds are proceeds of fraud against French investors; losses documented in annex 3.',
      disposalProposal: 'Return to France for compensation of the identified victims.',
    },
  ],
  'transfer-of-proceedings': [
    {
      id: 'm1',
      kind: 'transfer-of-proceedings',
      description: 'Take over the prosecution of the suspect',
      personIds: ['p1'],
      reasons: 'The suspect lives in the requested State, most evidence and witnesses are there, and he cannot be extradited (nationality).',
      items: 'Case file PNF-2025-0042 (1,240 pages) and seized devices',
    },
  ],
  jit: [
    {
      id: 'm1',
      kind: 'jit-setup',
      description: 'Joint investigation of the laundering network operating between both States',
      duration: '18 months from signature, renewable',
      composition: 'Two prosecutors and four investigators from each State; Europol analyst as participant',
      location: 'France and Germany',
    },
  ],
  'spontaneous-information': [
    {
      id: 'm1',
      kind: 'information',
      description: 'Bank statements showing transfers of EUR 1.1 million to an account held in the receiving State by a person under investigation there.',
      conditions: 'Use for intelligence only; ask before use as evidence (UNTOC art. 18(5)).',
    },
  ],
};

/** A request of `type` with every essential and recommended item given. */
export function exampleRequest(type: RequestType, requestedState = 'DEU', requestedOrganisationId: string | null = null): RequestDraft {
  const draft = base(type, requestedState, requestedOrganisationId);
  draft.measures = MEASURES[type].map((m) => ({ ...m }));
  if (type === 'extradition') {
    draft.persons = [suspect];
    draft.confidentiality = { confidential: false };
  }
  if (type === 'transfer-of-proceedings') draft.persons = [suspect, witness];
  if (type === 'spontaneous-information') draft.persons = [suspect];
  return JSON.parse(JSON.stringify(draft)) as RequestDraft;
}
