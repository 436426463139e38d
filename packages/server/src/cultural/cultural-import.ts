// CSV import of cultural object records with a validation report: every row is checked against
// the same schema the API uses, every problem is reported with its line and column, and nothing
// is stored unless every row is good (one audited transaction per record, all or none).
import { ValidationError } from '@comity/core';
import { parseCsv } from '@comity/core/shared/csv';
import { CreateCulturalObjectBody } from '@comity/contract/cultural-property';
import type { z } from 'zod';

export type ImportProblem = { line: number; field: string | null; message: string };

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
