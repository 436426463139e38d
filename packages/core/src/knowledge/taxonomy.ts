// The fixed vocabulary of the legal-basis engine: seven kinds of cooperation and nineteen offence
// categories (issue 3), with ICCS codes where the shipped taxonomy gives one.

export const COOPERATION_TYPES = [
  'mla',
  'extradition',
  'asset-recovery',
  'jit',
  'transfer-of-proceedings',
  'law-enforcement',
  'preservation',
] as const;
export type CooperationType = (typeof COOPERATION_TYPES)[number];

export const OFFENCE_IDS = [
  'organized-crime-participation',
  'corruption',
  'money-laundering',
  'drug-trafficking',
  'trafficking-in-persons',
  'migrant-smuggling',
  'firearms-trafficking',
  'terrorism',
  'terrorist-financing',
  'hostage-taking',
  'cybercrime',
  'wildlife-trafficking',
  'cultural-property-trafficking',
  'organ-trafficking',
  'falsified-medical-products',
  'tobacco-smuggling',
  'piracy',
  'fraud',
  'other-serious-crime',
] as const;
export type OffenceId = (typeof OFFENCE_IDS)[number];

/** Offence wildcards used in the catalogue instead of a list of offences. */
export const OFFENCE_WILDCARDS = {
  '*any-offence': { types: null, question: null },
  '*any-extraditable': { types: null, question: null },
  // Budapest arts. 14(2)(c), 23, 25: electronic evidence of any offence, but not extradition (art. 24).
  '*electronic-evidence': {
    types: ['mla', 'preservation', 'law-enforcement'],
    question: 'Does the request concern the collection of evidence in electronic form?',
  },
  '*electronic-evidence-serious-crime': {
    types: ['mla', 'preservation', 'law-enforcement'],
    question: 'Does the request concern electronic evidence of a serious crime as defined by the Convention?',
  },
} as const satisfies Record<string, { types: readonly CooperationType[] | null; question: string | null }>;
export type OffenceWildcard = keyof typeof OFFENCE_WILDCARDS;

export function isCooperationType(value: string): value is CooperationType {
  return (COOPERATION_TYPES as readonly string[]).includes(value);
}

export function isOffenceId(value: string): value is OffenceId {
  return (OFFENCE_IDS as readonly string[]).includes(value);
}

export function isOffenceWildcard(value: string): value is OffenceWildcard {
  return Object.hasOwn(OFFENCE_WILDCARDS, value);
}
