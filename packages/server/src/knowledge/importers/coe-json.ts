// Importer for the Council of Europe Treaty Office's status JSON (the "signatures" endpoint of a
// treaty). No public snapshot was reachable when this was written, so the shape below is the one
// this importer accepts; adjust the field names here if the live endpoint differs.
//
// {
//   "treaty": { "number": "185", "title": "…", "openingDate": "23/11/2001", "entryIntoForce": "01/07/2004" },
//   "generatedAt": "2025-06-01",                       // as-of date of the list (ISO or dd/mm/yyyy)
//   "signatures": [
//     { "country": { "code": "FR", "name": "France" },  // CoE code: ISO alpha-2 except UK, EL, EU, KOS
//       "signature": "23/11/2001" | null,
//       "consent": "10/01/2006" | null,                 // deposit of the instrument of consent
//       "consentType": "R" | "A" | "S" | "Ac" | "Ap" | "Su" | null,
//       "entryIntoForce": "01/05/2006" | null, "denunciation": "…" | null,
//       "reservations": true, "declarations": true, "authorities": true }
//   ]
// }
import type { ConsentKind, IsoDate, Participation } from '@comity/core/knowledge/model';

export class CoeJsonError extends Error {
  readonly code = 'malformed_depositary_file';
  readonly file: string;
  readonly line: number | undefined;
  constructor(file: string, message: string, line?: number) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
    this.name = 'CoeJsonError';
    this.file = file;
    this.line = line;
  }
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Council of Europe codes that are not ISO 3166-1 alpha-2. */
export const COE_CODE_EXCEPTIONS: Record<string, string> = {
  UK: 'GBR',
  EL: 'GRC',
  EU: 'EUU',
  KOS: 'XKK',
  XK: 'XKK',
};

const CONSENT_TYPES: Record<string, ConsentKind> = {
  R: 'ratification',
  A: 'accession',
  Ac: 'acceptance',
  Ap: 'approval',
  Su: 'succession',
  S: 'definitive-signature',
};

export interface CoeImport {
  file: string;
  treatyNumber: string;
  title: string;
  asOf: IsoDate;
  entryIntoForce: IsoDate | null;
  participations: Participation[];
  unmapped: Array<{ code: string; name: string }>;
}

export interface CoeImportOptions {
  /** ISO alpha-2 → alpha-3 (undefined when unknown). */
  alpha2ToAlpha3: (alpha2: string) => string | undefined;
  source?: string;
}

function date(file: string, where: string, value: unknown, raw?: string): IsoDate | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const line = raw !== undefined ? lineOfValue(raw, value) : undefined;
  if (typeof value !== 'string') throw new CoeJsonError(file, `${where}: expected a date string`, line);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) return value;
  const eu = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  if (eu) return `${eu[3]}-${eu[2]}-${eu[1]}`;
  throw new CoeJsonError(file, `${where}: unreadable date "${value}"`, line);
}

/** Line of the first occurrence of a JSON value in the text, when it can be found. */
function lineOfValue(raw: string, value: unknown): number | undefined {
  const at = raw.indexOf(JSON.stringify(value));
  return at >= 0 ? lineAt(raw, at) : undefined;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseCoeJson(file: string, raw: string, options: CoeImportOptions): CoeImport {
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch (e) {
    const message = (e as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    throw new CoeJsonError(file, `not JSON (${message})`, position ? lineAt(raw, Number(position)) : undefined);
  }
  if (!isObject(doc) || !isObject(doc.treaty) || !Array.isArray(doc.signatures)) {
    throw new CoeJsonError(file, 'expected { treaty: {…}, signatures: [...] }');
  }
  const treaty = doc.treaty;
  const treatyNumber = String(treaty.number ?? '').padStart(3, '0');
  const asOf = date(file, 'generatedAt', doc.generatedAt);
  if (!asOf) throw new CoeJsonError(file, 'generatedAt (the as-of date of the list) is required');
  const source = options.source ?? `Council of Europe Treaty Office, CETS ${treatyNumber} signatures (${asOf})`;
  const participations: Participation[] = [];
  const unmapped: CoeImport['unmapped'] = [];
  doc.signatures.forEach((row: unknown, n: number) => {
    const where = `signatures[${n}]`;
    if (!isObject(row) || !isObject(row.country) || typeof row.country.code !== 'string') {
      throw new CoeJsonError(file, `${where}: country.code missing`);
    }
    const code = row.country.code.toUpperCase();
    const name = typeof row.country.name === 'string' ? row.country.name : code;
    const state = COE_CODE_EXCEPTIONS[code] ?? options.alpha2ToAlpha3(code);
    if (!state) {
      unmapped.push({ code, name });
      return;
    }
    const p: Participation = { state, source, asOf };
    const signature = date(file, `${where}.signature`, row.signature, raw);
    const consent = date(file, `${where}.consent`, row.consent, raw);
    const eif = date(file, `${where}.entryIntoForce`, row.entryIntoForce, raw);
    const denunciation = date(file, `${where}.denunciation`, row.denunciation, raw);
    if (signature) p.signature = signature;
    if (consent) {
      p.consent = consent;
      const t = typeof row.consentType === 'string' ? row.consentType : '';
      p.consentKind = CONSENT_TYPES[t] ?? 'unknown';
    }
    if (eif) p.entryIntoForce = eif;
    if (denunciation) p.denunciation = denunciation;
    participations.push(p);
  });
  return {
    file,
    treatyNumber,
    title: typeof treaty.title === 'string' ? treaty.title : '',
    asOf,
    entryIntoForce: date(file, 'treaty.entryIntoForce', treaty.entryIntoForce) ?? null,
    participations,
    unmapped,
  };
}
