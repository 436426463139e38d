// The ISO 3166 alpha-3 codes an organisation may name: the shipped country list (data/countries)
// plus EUU for the European Union; XXX stands for "not yet set" on a freshly bootstrapped node.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../config.ts';

let codes: Set<string> | undefined;

function load(): Set<string> {
  const path = join(REPO_ROOT, 'data/countries/countries.json');
  const set = new Set<string>(['EUU', 'XXX']);
  if (existsSync(path)) {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    const list = Array.isArray(parsed) ? parsed : ((parsed as { countries?: unknown[] }).countries ?? []);
    for (const c of list as { code?: string; alpha3?: string }[]) {
      const code = c.code ?? c.alpha3;
      if (code) set.add(code.toUpperCase());
    }
  }
  return set;
}

export function isKnownState(code: string): boolean {
  codes ??= load();
  // Before the country list is shipped, fall back to the shape of an alpha-3 code.
  if (codes.size <= 2) return /^[A-Z]{3}$/.test(code);
  return codes.has(code);
}
