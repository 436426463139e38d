// A sentence the engine says, as a stable code with its parameters (for a client to word in its
// reader's language) and its English text (for the CLI, scripts and clients that do not know the
// code). Parameters are data: State codes, instrument ids, dates, article citations, ids.
export type SaidParams = Record<string, string | number>;

export interface Said {
  code: string;
  params: SaidParams;
  text: string;
}

/** The fields a status fact carries for one sentence: its English `reason` and the coded `said`. */
export function because(code: string, params: SaidParams, text: string): { reason: string; said: Said[] } {
  return { reason: text, said: [{ code, params, text }] };
}

/** Every reason code the engine can say (status facts, the instrument's own status, static and
 * extradition reasons); a client keeps a wording for each. */
export const REASON_CODES = [
  // A State's status under a party list (status.ts).
  'signed-not-bound-list-complete',
  'not-in-complete-list',
  'joined-after-data-unknown',
  'signed-not-bound-list-incomplete',
  'not-in-incomplete-list',
  'denounced',
  'party-date-unknown',
  'consent-date-unknown',
  'consented-after-date',
  'consented-not-in-force.data',
  'consented-not-in-force.rule',
  'consented-not-in-force.instrument',
  'party-in-force.data',
  'party-in-force.rule',
  'party-in-force.instrument',
  'party-rule-not-shipped',
  'consented-rule-not-shipped',
  // Who may be party (knowledge-index.ts).
  'bilateral-between',
  'not-eligible',
  'by-invitation',
  // What the instrument covers and says (knowledge-index.ts, engine.ts).
  'applies-together',
  'covered-through',
  'articles-not-in-data',
  'articles-to-confirm',
  'adopted-after-date',
  'in-force-unknown',
  'in-force-after-date',
  'requested-no-treaty-basis',
  'context-only',
  'type-not-provided',
  'offence-not-covered',
  'context-not-basis',
] as const;

/** Condition codes that do not come from the catalogue (whose conditions' codes are their ids):
 * the requesting State's own declaration on extradition, and the offence wildcards' questions. */
export const ENGINE_CONDITION_CODES = ['requesting-no-treaty-basis', 'wildcard-electronic-evidence', 'wildcard-electronic-evidence-serious-crime'] as const;
