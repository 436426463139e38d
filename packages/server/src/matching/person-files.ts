// Reading person records for `comity match`: CSV with a header row (RFC 4180 quoting) or FollowTheMoney
// JSON lines. Every problem is reported with its line number; a file with any problem yields no records.
import type { PersonRecord } from '@comity/core/matching/matcher';
import { personRecordOfFtm } from '@comity/core/matching/ftm-person';

export class PersonFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.slice(0, 20).map((p) => `  ${p}`).join('\n')}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}`);
  }
}

// Accepted header names (lower case, spaces and hyphens as underscores) for each field.
const COLUMNS: Record<string, keyof PersonRecord | 'passportCountry'> = {
  id: 'id', rec_id: 'id', record_id: 'id',
  name: 'name', full_name: 'name', fullname: 'name',
  given_name: 'given', first_name: 'given', firstname: 'given', given: 'given', forename: 'given',
  surname: 'surname', last_name: 'surname', lastname: 'surname', family_name: 'surname',
  date_of_birth: 'birthDate', dob: 'birthDate', birth_date: 'birthDate', birthdate: 'birthDate',
  nationality: 'nationality', citizenship: 'nationality',
  iban: 'iban', imo: 'imo', imo_number: 'imo', phone: 'phone', telephone: 'phone', phone_number: 'phone',
  email: 'email', e_mail: 'email', email_address: 'email',
  passport: 'passport', passport_number: 'passport', passport_country: 'passportCountry',
  wallet: 'wallet', wallet_address: 'wallet', crypto_wallet: 'wallet',
};

/** Splits CSV text into rows of fields with the line on which each row starts. */
export function parseCsvRows(text: string): { line: number; fields: string[] }[] | { error: string } {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.some((f) => f.trim() !== '')) rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      line++;
      rowLine = line;
    } else field += ch;
  }
  if (quoted) return { error: `line ${rowLine}: a quoted field is not closed` };
  fields.push(field);
  if (fields.some((f) => f.trim() !== '')) rows.push({ line: rowLine, fields });
  return rows;
}

const split = (v: string) => v.split(';').map((s) => s.trim()).filter(Boolean);

export function parsePersonCsv(file: string, text: string): PersonRecord[] {
  const rows = parseCsvRows(text.replace(/^\ufeff/, ''));
  if ('error' in rows) throw new PersonFileError(file, [rows.error]);
  const [header, ...body] = rows;
  if (!header) throw new PersonFileError(file, ['the file is empty (a header row is expected)']);
  const columns = header.fields.map((h) => COLUMNS[h.trim().toLowerCase().replace(/[\s-]+/g, '_')]);
  const problems: string[] = [];
  if (!columns.includes('name') && !columns.includes('given') && !columns.includes('surname')) {
    problems.push(`line ${header.line}: no name column (expected one of: name, full_name, given_name, surname…); the header has: ${header.fields.map((h) => h.trim()).join(', ')}`);
    throw new PersonFileError(file, problems);
  }
  const records: PersonRecord[] = [];
  const ids = new Set<string>();
  for (const row of body) {
    if (row.fields.length !== header.fields.length) {
      problems.push(`line ${row.line}: ${row.fields.length} fields where the header has ${header.fields.length}`);
      continue;
    }
    const r: PersonRecord = { id: `line-${row.line}` };
    let passportCountry: string | undefined;
    row.fields.forEach((raw, i) => {
      const v = raw.trim();
      const col = columns[i];
      if (!v || !col) return;
      if (col === 'id') r.id = v;
      else if (col === 'name' || col === 'given' || col === 'surname' || col === 'birthDate' || col === 'nationality') r[col] = v;
      else if (col === 'passportCountry') passportCountry = v;
      else if (col === 'passport') r.passport = split(v).map((number) => ({ number }));
      else if (col === 'iban' || col === 'imo' || col === 'phone' || col === 'email' || col === 'wallet') r[col] = split(v);
    });
    if (passportCountry) for (const p of r.passport ?? []) p.country = passportCountry;
    if (ids.has(r.id)) problems.push(`line ${row.line}: id "${r.id}" appears twice`);
    ids.add(r.id);
    records.push(r);
  }
  if (problems.length) throw new PersonFileError(file, problems);
  return records;
}

/**
 * FollowTheMoney JSON lines: one entity per line ({"id", "schema", "properties": {prop: [values]}}). Person,
 * LegalEntity, Company and Organization give names, birth dates, nationality, phones, e-mail addresses and
 * passport numbers; Vessel its IMO number, BankAccount its IBAN, CryptoWallet its public key, UserAccount
 * its phone number and e-mail address. Other schemata are skipped.
 */
export function parsePersonFtm(file: string, text: string): PersonRecord[] {
  const problems: string[] = [];
  const records: PersonRecord[] = [];
  const ids = new Set<string>();
  text.split(/\r?\n/).forEach((lineText, i) => {
    if (!lineText.trim()) return;
    const line = i + 1;
    let e: unknown;
    try {
      e = JSON.parse(lineText);
    } catch (err) {
      problems.push(`line ${line}: not JSON (${(err as Error).message})`);
      return;
    }
    if (typeof e !== 'object' || e === null || Array.isArray(e)) {
      problems.push(`line ${line}: not a JSON object`);
      return;
    }
    const { id, schema, properties } = e as { id?: unknown; schema?: unknown; properties?: unknown };
    if (typeof id !== 'string' || !id || typeof schema !== 'string' || typeof properties !== 'object' || properties === null) {
      problems.push(`line ${line}: an FtM entity needs "id" (string), "schema" (string) and "properties" (object)`);
      return;
    }
    const r = personRecordOfFtm(id, schema, properties as Record<string, unknown>);
    if (!r) return;
    if (ids.has(id)) problems.push(`line ${line}: id "${id}" appears twice`);
    ids.add(id);
    records.push(r);
  });
  if (problems.length) throw new PersonFileError(file, problems);
  return records;
}

/** Reads a file by content: FtM JSON lines when its first non-blank character is "{", CSV otherwise. */
export function parsePersonFile(file: string, text: string): PersonRecord[] {
  return text.trimStart().startsWith('{') ? parsePersonFtm(file, text) : parsePersonCsv(file, text);
}
