// Refusal and postponement grounds as data, each with the article that allows it, so that a
// refusal is structured (which ground, which article) and can be counted in the statistics.
import { ValidationError } from '../shared/errors.ts';
import type { RequestType } from './request.ts';

export interface RefusalGround {
  id: string;
  label: string;
  citation: string;
  types: readonly RequestType[];
}

const MLA_LIKE: readonly RequestType[] = ['mla', 'asset-recovery', 'spontaneous-information'];
const ALL: readonly RequestType[] = ['mla', 'extradition', 'asset-recovery', 'transfer-of-proceedings', 'jit', 'spontaneous-information'];

export const REFUSAL_GROUNDS: readonly RefusalGround[] = [
  // Mutual legal assistance
  { id: 'mla-not-in-conformity', label: 'The request does not conform to the article on mutual legal assistance', citation: 'UNTOC art. 18(21)(a); UNCAC art. 46(21)(a)', types: MLA_LIKE },
  { id: 'mla-essential-interests', label: 'Prejudice to sovereignty, security, ordre public or other essential interests', citation: 'UNTOC art. 18(21)(b); UNCAC art. 46(21)(b); ETS-030 art. 2(b)', types: MLA_LIKE },
  { id: 'mla-domestic-law-prohibits', label: 'Domestic law would prohibit the action for a similar domestic offence', citation: 'UNTOC art. 18(21)(c); UNCAC art. 46(21)(c)', types: MLA_LIKE },
  { id: 'mla-contrary-to-legal-system', label: 'Contrary to the legal system of the requested State relating to mutual legal assistance', citation: 'UNTOC art. 18(21)(d); UNCAC art. 46(21)(d)', types: MLA_LIKE },
  { id: 'mla-no-dual-criminality', label: 'Absence of dual criminality', citation: 'UNTOC art. 18(9); UNCAC art. 46(9)(b)', types: MLA_LIKE },
  { id: 'mla-political-or-fiscal', label: 'Political offence, offence connected with a political offence, or fiscal offence', citation: 'ETS-030 art. 2(a)', types: MLA_LIKE },
  { id: 'mla-de-minimis', label: 'Matter of a de minimis nature (non-coercive assistance)', citation: 'UNCAC art. 46(9)(b)', types: MLA_LIKE },
  // Asset recovery
  { id: 'ar-offence-not-covered', label: 'The offence is not an offence covered by the Convention', citation: 'UNTOC art. 13(7)', types: ['asset-recovery'] },
  { id: 'ar-insufficient-evidence', label: 'Insufficient or untimely evidence, or property of de minimis value', citation: 'UNCAC art. 55(7)', types: ['asset-recovery'] },
  // Extradition
  { id: 'ext-political-offence', label: 'Political offence', citation: 'ETS-024 art. 3(1)', types: ['extradition'] },
  { id: 'ext-discrimination', label: 'Request made to prosecute or punish on account of sex, race, religion, nationality, ethnic origin or political opinions', citation: 'UNTOC art. 16(14); UNCAC art. 44(15); ETS-024 art. 3(2)', types: ['extradition'] },
  { id: 'ext-military-offence', label: 'Military offence', citation: 'ETS-024 art. 4', types: ['extradition'] },
  { id: 'ext-fiscal-offence', label: 'Fiscal offence (where not agreed otherwise)', citation: 'ETS-024 art. 5', types: ['extradition'] },
  { id: 'ext-nationality', label: 'The person sought is a national of the requested State', citation: 'ETS-024 art. 6; UNTOC art. 16(10)', types: ['extradition'] },
  { id: 'ext-place-of-commission', label: 'Offence committed in the territory of the requested State', citation: 'ETS-024 art. 7', types: ['extradition'] },
  { id: 'ext-pending-proceedings', label: 'Proceedings pending in the requested State for the same offence', citation: 'ETS-024 art. 8', types: ['extradition'] },
  { id: 'ext-non-bis-in-idem', label: 'Final judgment already passed for the same offence (non bis in idem)', citation: 'ETS-024 art. 9', types: ['extradition'] },
  { id: 'ext-lapse-of-time', label: 'Immunity from prosecution or punishment by lapse of time', citation: 'ETS-024 art. 10', types: ['extradition'] },
  { id: 'ext-capital-punishment', label: 'Capital punishment without sufficient assurance', citation: 'ETS-024 art. 11', types: ['extradition'] },
  { id: 'ext-domestic-conditions', label: 'Conditions of the requested State\u2019s law or treaties (e.g. minimum penalty) not met', citation: 'UNTOC art. 16(7); UNCAC art. 44(8)', types: ['extradition'] },
  // Transfer of proceedings and joint investigation teams rest on agreement, not on a duty.
  { id: 'top-not-in-interest-of-justice', label: 'Transfer not in the interests of the proper administration of justice', citation: 'UNTOC art. 21; UNCAC art. 47', types: ['transfer-of-proceedings'] },
  { id: 'jit-no-agreement', label: 'No agreement to set up a joint investigation team', citation: 'UNTOC art. 19; UNCAC art. 49; ETS-182 art. 20(1)', types: ['jit'] },
  // Anything else: the refusing authority gives the article itself.
  { id: 'other', label: 'Other ground (give the provision)', citation: '', types: ALL },
];

export const POSTPONEMENT_CITATION: Record<RequestType, string> = {
  mla: 'UNTOC art. 18(25); UNCAC art. 46(25)',
  'asset-recovery': 'UNTOC art. 18(25); UNCAC art. 46(25)',
  'spontaneous-information': 'UNTOC art. 18(25); UNCAC art. 46(25)',
  extradition: 'ETS-024 art. 19 (postponed surrender)',
  'transfer-of-proceedings': 'UNTOC art. 21',
  jit: 'ETS-182 art. 20(1)',
};

/** A ground as recorded on a refused request. */
export interface RefusalGroundChoice {
  ground: string;
  citation: string;
  label: string;
  note?: string | undefined;
}

export function groundsFor(type: RequestType): RefusalGround[] {
  return REFUSAL_GROUNDS.filter((g) => g.types.includes(type));
}

/** Checks the chosen grounds against the type's list; 'other' must name its provision. */
export function resolveRefusalGrounds(
  type: RequestType,
  chosen: readonly { ground: string; citation?: string | undefined; note?: string | undefined }[],
): RefusalGroundChoice[] {
  if (chosen.length === 0) {
    throw new ValidationError('refusal_grounds_required', 'A refusal must give at least one ground (UNTOC art. 18(23): reasons shall be given for any refusal).');
  }
  const allowed = groundsFor(type);
  return chosen.map((c) => {
    const g = allowed.find((a) => a.id === c.ground);
    if (!g) {
      throw new ValidationError('unknown_refusal_ground', `"${c.ground}" is not a refusal ground for a ${type} request.`, {
        allowed: allowed.map((a) => a.id),
      });
    }
    const citation = g.id === 'other' ? (c.citation ?? '').trim() : g.citation;
    if (!citation) throw new ValidationError('refusal_citation_required', 'Ground "other" needs the provision it rests on (citation).');
    const out: RefusalGroundChoice = { ground: g.id, citation, label: g.label };
    if (c.note?.trim()) out.note = c.note.trim();
    return out;
  });
}
