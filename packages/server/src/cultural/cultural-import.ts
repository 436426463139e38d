// CSV and XLSX import of cultural object records with a validation report: every row is checked
// against the same schema the API uses, every problem is reported with its line (the spreadsheet's
// row number) and column, and nothing is stored unless every row is good (all or none).
import { ValidationError } from '@comity/core';
import { parseCsv } from '@comity/core/shared/csv';
import { CreateCulturalObjectBody } from '@comity/contract/cultural-property';
import ExcelJS from 'exceljs';
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

export type ImportValidation = { bodies: { line: number; body: z.infer<typeof CreateCulturalObjectBody> }[]; problems: ImportProblem[]; rows: number };

export function validateCsv(text: string): ImportValidation {
  return validateRows(parseCsv(text));
}

/** Rows a spreadsheet may hold (a bigger register is imported in parts). */
export const XLSX_MAX_ROWS = 20_000;

/** A cell as text: dates as YYYY-MM-DD, formulas by their result, rich text and links by their text. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('hyperlink' in value) return String((value as ExcelJS.CellHyperlinkValue).text ?? '');
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/**
 * The first worksheet of an XLSX file as rows of text, each with its row number (the "line" of the
 * report, as the spreadsheet shows it); blank rows are left out, as in the CSV reader.
 */
export async function readXlsxRows(bytes: Buffer): Promise<{ line: number; cells: string[] }[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ValidationError('xlsx_unreadable', 'The file is not a readable XLSX workbook (save it from your spreadsheet as .xlsx, or export CSV).');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw new ValidationError('xlsx_empty', 'The workbook\u2019s first sheet is empty: it needs a header row.');
  if (sheet.rowCount > XLSX_MAX_ROWS + 1) throw new ValidationError('xlsx_too_many_rows', `The sheet has ${sheet.rowCount} rows; import at most ${XLSX_MAX_ROWS} at a time.`);
  const width = sheet.columnCount;
  const rows: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    // Trailing empty cells beyond the header's width are not columns.
    if (cells.some((x) => x.trim() !== '')) rows.push({ line, cells });
  });
  if (rows.length === 0) throw new ValidationError('xlsx_empty', 'The workbook\u2019s first sheet is empty: it needs a header row.');
  // The header decides the width: cells past its last named column are dropped when blank.
  const header = rows[0] as { line: number; cells: string[] };
  let named = header.cells.length;
  while (named > 0 && (header.cells[named - 1] ?? '').trim() === '') named--;
  for (const r of rows) {
    while (r.cells.length > named && (r.cells[r.cells.length - 1] ?? '').trim() === '') r.cells.pop();
    if (r === header) continue;
    while (r.cells.length < named) r.cells.push('');
  }
  return rows;
}

export async function validateXlsx(bytes: Buffer): Promise<ImportValidation> {
  return validateRows(await readXlsxRows(bytes));
}

/** The report for rows read from either format (the first row is the header). */
export function validateRows(rows: { line: number; cells: string[] }[]): ImportValidation {
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
