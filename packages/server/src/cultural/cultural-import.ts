// CSV import of cultural object records with a validation report: every row is checked against
// the same schema the API uses, every problem is reported with its line and column, and nothing
// is stored unless every row is good (one audited transaction per record, all or none).
import { ValidationError } from '@comity/core';
import { CreateCulturalObjectBody } from '@comity/contract/cultural-property';
import type { z } from 'zod';

export type ImportProblem = { line: number; field: string | null; message: string };

/** RFC 4180 CSV: quoted fields with doubled quotes, CRLF or LF. Returns rows with their line numbers. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((c) => c !== '')) rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (quoted) throw new ValidationError('csv_unterminated_quote', `A quoted field opened on line ${rowLine} is never closed.`, { line: rowLine });
  cells.push(cell);
  if (cells.some((c) => c !== '')) rows.push({ line: rowLine, cells });
  return rows;
}

/** Column headers and where each goes in the create body. */
const COLUMNS: Record<string, string[]> = {
  reference: ['reference'],
  title: ['title'],
  object_type: ['objectType'],
  materials: ['objectId', 'materials'],
  techniques: ['objectId', 'techniques'],
  measurements: ['objectId', 'measurements'],
  inscriptions: ['objectId', 'inscriptions'],
  distinguishing_features: ['objectId', 'distinguishingFeatures'],
  subject: ['objectId', 'subject'],
  date_or_period: ['objectId', 'dateOrPeriod'],
  maker: ['objectId', 'maker'],
  description: ['objectId', 'description'],
  theft_kind: ['theft', 'kind'],
  theft_country: ['theft', 'country'],
  theft_place: ['theft', 'place'],
  theft_date: ['theft', 'date'],
  reporting_authority: ['reportingAuthority'],
  legal_status: ['legalStatus'],
  marking: ['marking'],
  handling: ['handling'],
};
export const CSV_COLUMNS = Object.keys(COLUMNS);

export function validateCsv(text: string): { bodies: { line: number; body: z.infer<typeof CreateCulturalObjectBody> }[]; problems: ImportProblem[]; rows: number } {
  const rows = parseCsv(text);
  const header = rows.shift();
  if (!header) throw new ValidationError('csv_empty', 'The file has no header line.');
  const problems: ImportProblem[] = [];
  const names = header.cells.map((c) => c.trim().toLowerCase().replace(/[\s-]+/g, '_'));
  names.forEach((n, i) => {
    if (!COLUMNS[n]) problems.push({ line: header.line, field: header.cells[i] ?? null, message: `Unknown column "${header.cells[i]}". Known columns: ${CSV_COLUMNS.join(', ')}.` });
  });
  for (const need of ['title', 'object_type', 'reporting_authority', 'legal_status']) {
    if (!names.includes(need)) problems.push({ line: header.line, field: need, message: `The column "${need}" is required.` });
  }
  if (problems.length) return { bodies: [], problems, rows: rows.length };
  const bodies: { line: number; body: z.infer<typeof CreateCulturalObjectBody> }[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (row.cells.length !== names.length) {
      problems.push({ line: row.line, field: null, message: `The row has ${row.cells.length} fields; the header has ${names.length}.` });
      continue;
    }
    const body: Record<string, unknown> = {};
    names.forEach((n, i) => {
      const value = (row.cells[i] ?? '').trim();
      if (value === '') return;
      const path = COLUMNS[n] as string[];
      if (path.length === 1) body[path[0] as string] = value;
      else {
        const key = path[0] as string;
        const group = (body[key] ?? {}) as Record<string, string>;
        group[path[1] as string] = value;
        body[key] = group;
      }
    });
    if (body.theft && !(body.theft as Record<string, string>).kind) (body.theft as Record<string, string>).kind = 'theft';
    const parsed = CreateCulturalObjectBody.safeParse(body);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = names.find((n) => (COLUMNS[n] as string[]).join('.') === issue.path.join('.')) ?? issue.path.join('.');
        problems.push({ line: row.line, field, message: issue.message });
      }
      continue;
    }
    const ref = parsed.data.reference;
    if (ref) {
      const first = seen.get(ref);
      if (first !== undefined) {
        problems.push({ line: row.line, field: 'reference', message: `The reference ${ref} is also on line ${first}.` });
        continue;
      }
      seen.set(ref, row.line);
    }
    bodies.push({ line: row.line, body: parsed.data });
  }
  return { bodies, problems, rows: rows.length };
}
