// The ISO 3166 alpha-3 codes an organisation may name: the shipped country list
// (data/countries/countries.json, which includes EUU for the European Union); XXX stands for
// "not yet set" on a freshly bootstrapped node. A missing list is an installation error, not a
// reason to accept any three letters.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../config.ts';

let codes: Set<string> | undefined;

function load(): Set<string> {
  const path = join(REPO_ROOT, 'data/countries/countries.json');
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { countries: { code: string }[] };
  return new Set(['XXX', ...parsed.countries.map((c) => c.code.toUpperCase())]);
}

export function isKnownState(code: string): boolean {
  codes ??= load();
  return codes.has(code);
}
