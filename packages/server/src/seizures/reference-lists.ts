// The shipped reference lists of the registries (data/registries: ICCS codes, species with their
// CITES appendix, drugs and precursors), read once. A missing list is an installation error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IccsEntry, ReferenceLists, SpeciesEntry, SubstanceEntry } from '@comity/core/seizures/seizure';
import { REPO_ROOT } from '../config.ts';

let lists: ReferenceLists | undefined;

export function referenceLists(): ReferenceLists {
  if (lists) return lists;
  const read = <T>(name: string): T => JSON.parse(readFileSync(join(REPO_ROOT, 'data/registries', name), 'utf8')) as T;
  lists = {
    iccs: read<{ codes: IccsEntry[] }>('iccs.json').codes,
    species: read<{ species: SpeciesEntry[] }>('species.json').species,
    substances: read<{ substances: SubstanceEntry[] }>('substances.json').substances,
  };
  return lists;
}
