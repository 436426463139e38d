// Import of seizures from CSV or XLSX (issue 14 part 3): the file's columns are mapped to fields
// (given by the user, otherwise guessed from the headers), every row is checked by the same schema
// and the same core checks as the API, and every problem is reported with its row, column, code
// and parameters (the UI words them in the user's language). Rows that share a reference are the
// items of one seizure. Nothing is stored unless every row is good (one transaction for all).
import { ValidationError } from '@comity/core';
import { type RecordProblem, defaultSeizureIccs, nameKey } from '@comity/core/seizures/seizure';
import { parseCsv } from '@comity/core/shared/csv';
import { CreateSeizureBody, SEIZURE_IMPORT_FIELDS } from '@comity/contract/seizures';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { checkSeizure } from '@comity/core/seizures/seizure';
import { referenceLists } from './reference-lists.ts';

export type ImportField = (typeof SEIZURE_IMPORT_FIELDS)[number];
type Body = z.infer<typeof CreateSeizureBody>;
export interface ImportProblem {
  row: number;
  column: string | null;
  field: string;
  code: string;
  params?: RecordProblem['params'];
}
export interface ImportTable {
  columns: string[];
  headerRow: number;
  rows: { row: number; cells: string[] }[];
}

/** Other names a column may carry for a field (compared without case, spaces or punctuation). */
const SYNONYMS: Partial<Record<ImportField, string[]>> = {
  occurredAt: ['date', 'datetime', 'seizuredate', 'when', 'eventdate'],
  country: ['countryofseizure', 'seizurecountry', 'state'],
  latitude: ['lat'],
  longitude: ['lon', 'lng', 'long'],
  locationPoint: ['port', 'borderpoint', 'airport', 'location', 'locode'],
  authority: ['agency', 'seizingauthority'],
  detectionMethod: ['detection', 'method'],
  conveyanceType: ['conveyance', 'transport', 'mode'],
  vesselName: ['vessel', 'ship'],
  vesselImo: ['imo', 'imonumber'],
  vesselFlag: ['flag'],
  containerNumber: ['container'],
  flightNumber: ['flight'],
  originCountry: ['origin'],
  destinationCountry: ['destination'],
  transitCountry: ['transit'],
  domain: ['category', 'commodity', 'crimedomain'],
  itemName: ['species', 'substance', 'drug', 'product', 'goods', 'item', 'description', 'scientificname'],
  specimenType: ['specimen'],
  quantity: ['qty', 'amount'],
  purity: ['puritypercent'],
  iccsCode: ['iccs'],
  summary: ['notes', 'remarks'],
};

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** The field a header names, if any. */
export function guessField(header: string): ImportField | null {
  const h = squash(header);
  for (const f of SEIZURE_IMPORT_FIELDS) if (squash(f) === h) return f;
  for (const [f, names] of Object.entries(SYNONYMS)) if (names.includes(h)) return f as ImportField;
  return null;
}

export function mappingFor(columns: readonly string[], given: Record<string, string> | undefined): Record<string, ImportField | ''> {
  const mapping: Record<string, ImportField | ''> = {};
  const used = new Set<string>();
  for (const c of columns) {
    const g = given?.[c];
    const f = g !== undefined ? (g as ImportField | '') : (guessField(c) ?? '');
    // A field is taken by the first column that names it.
    mapping[c] = f && !used.has(f) ? f : '';
    if (f) used.add(f);
  }
  return mapping;
}

export function readCsvTable(text: string): ImportTable {
  const rows = parseCsv(text);
  const header = rows.shift();
  if (!header) throw new ValidationError('import_empty', 'The file has no header row.');
  return { columns: header.cells.map((c) => c.trim()), headerRow: header.line, rows: rows.map((r) => ({ row: r.line, cells: r.cells })) };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

/** The first worksheet of an XLSX file: its first non-empty row is the header. */
export async function readXlsxTable(bytes: Buffer): Promise<ImportTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ValidationError('xlsx_unreadable', 'The file is not an XLSX workbook that can be read.');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new ValidationError('import_empty', 'The workbook has no worksheet.');
  let columns: string[] | null = null;
  let headerRow = 1;
  const rows: ImportTable['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    const width = columns ? columns.length : row.cellCount;
    for (let i = 1; i <= width; i++) cells.push(cellText(row.getCell(i).value).trim());
    if (!columns) {
      columns = cells;
      headerRow = n;
    } else if (cells.some((c) => c !== '')) rows.push({ row: n, cells });
  });
  if (!columns) throw new ValidationError('import_empty', 'The worksheet has no header row.');
  return { columns, headerRow, rows };
}

const REQUIRED: ImportField[] = ['occurredAt', 'country', 'authority', 'domain', 'itemName'];

function num(v: string | undefined): number | undefined | string {
  if (v === undefined || v === '') return undefined;
  const n = Number(v.replace(',', '.'));
  return Number.isFinite(n) ? n : v;
}

function itemOf(rec: Partial<Record<ImportField, string>>): Record<string, unknown> {
  const base = { quantity: num(rec.quantity), unit: rec.unit || undefined };
  switch (rec.domain) {
    case 'wildlife':
      return { domain: 'wildlife', species: rec.itemName, specimenType: rec.specimenType || 'other', ...base };
    case 'drugs':
      return { domain: 'drugs', substance: rec.itemName, purity: num(rec.purity), ...base };
    case 'medical':
      return { domain: 'medical', product: rec.itemName, activeIngredient: rec.activeIngredient || undefined, batch: rec.batch || undefined, claimedManufacturer: rec.claimedManufacturer || undefined, ...base };
    case 'tobacco':
      return { domain: 'tobacco', productType: rec.productType || 'cigarettes', brand: rec.itemName || undefined, taxStamps: rec.taxStamps || undefined, ...base };
    default:
      return { domain: rec.domain, description: rec.itemName, currency: rec.currency || undefined, ...base };
  }
}

function seizureOf(rec: Partial<Record<ImportField, string>>, items: Record<string, unknown>[], defaults: { caseId?: string | null | undefined; marking?: string | undefined }): Record<string, unknown> {
  const route = [
    ...(rec.originCountry ? [{ stage: 'origin', country: rec.originCountry, port: rec.originPort || undefined }] : []),
    ...(rec.transitCountry ? rec.transitCountry.split(/[;|]/).map((c, i) => ({ stage: 'transit', country: c.trim(), port: rec.transitPort?.split(/[;|]/)[i]?.trim() || undefined })) : []),
    ...(rec.destinationCountry ? [{ stage: 'destination', country: rec.destinationCountry, port: rec.destinationPort || undefined }] : []),
  ];
  const parties = (['consignor', 'consignee', 'carrier', 'owner', 'payer'] as const).filter((r) => rec[r]).map((role) => ({ role, kind: role === 'carrier' || /\b(ltd|llc|co|inc|sa|sarl|gmbh|trading|shipping|logistics|company|corp)\b/i.test(rec[role] ?? '') ? 'company' : 'person', name: rec[role] }));
  const conveyance = Object.fromEntries(
    (['vesselName', 'vesselImo', 'vesselFlag', 'containerNumber', 'flightNumber'] as const).filter((k) => rec[k]).map((k) => [k, rec[k]]),
  );
  const firstDomain = (items[0]?.domain as string | undefined) ?? 'other';
  return {
    reference: rec.reference || undefined,
    occurredAt: rec.occurredAt,
    country: rec.country,
    place: rec.place || undefined,
    latitude: num(rec.latitude),
    longitude: num(rec.longitude),
    locationKind: rec.locationKind || 'other',
    locationPoint: rec.locationPoint || undefined,
    authority: rec.authority,
    detectionMethod: rec.detectionMethod || 'other',
    conveyanceType: rec.conveyanceType || (rec.vesselName || rec.vesselImo ? 'vessel' : 'other'),
    conveyance: Object.keys(conveyance).length ? conveyance : undefined,
    route: route.length ? route : undefined,
    parties: parties.length ? parties : undefined,
    items,
    iccsCode: rec.iccsCode || (firstDomain in { wildlife: 1, drugs: 1, medical: 1, tobacco: 1, other: 1 } ? defaultSeizureIccs(firstDomain as 'other') : '08082'),
    summary: rec.summary || undefined,
    caseId: defaults.caseId ?? undefined,
    marking: (rec.marking || defaults.marking || undefined)?.toUpperCase(),
  };
}

/** Where a body field came from, for the report. */
function columnOf(field: string, mapping: Record<string, ImportField | ''>): string | null {
  const byField = new Map(Object.entries(mapping).filter(([, f]) => f).map(([c, f]) => [f, c]));
  const f = field.replace(/^items\.\d+\./, 'items.');
  const table: Record<string, ImportField> = {
    'items.species': 'itemName',
    'items.substance': 'itemName',
    'items.product': 'itemName',
    'items.brand': 'itemName',
    'items.description': 'itemName',
    'items.quantity': 'quantity',
    'items.unit': 'unit',
    'items.purity': 'purity',
    'items.specimenType': 'specimenType',
    'items.citesAppendix': 'itemName',
    'items.productType': 'productType',
    'items.taxStamps': 'taxStamps',
    'items.currency': 'currency',
    'items.domain': 'domain',
    items: 'domain',
    'conveyance.vesselImo': 'vesselImo',
    'conveyance.vesselFlag': 'vesselFlag',
  };
  const target = table[f] ?? (f.startsWith('route') ? 'originCountry' : (f.split('.')[0] as ImportField));
  return byField.get(target) ?? null;
}

export interface ValidatedImport {
  columns: string[];
  mapping: Record<string, ImportField | ''>;
  rows: number;
  problems: ImportProblem[];
  seizures: { row: number; body: Body; checked: Extract<ReturnType<typeof checkSeizure>, { ok: true }> }[];
}

/** Checks every row of the table; returns the seizures to store, or the problems (all of them). */
export function validateImport(table: ImportTable, given: Record<string, string> | undefined, defaults: { caseId?: string | null | undefined; marking?: string | undefined }, now: Date): ValidatedImport {
  const mapping = mappingFor(table.columns, given);
  const problems: ImportProblem[] = [];
  for (const [column, field] of Object.entries(given ?? {})) {
    if (!table.columns.includes(column)) problems.push({ row: table.headerRow, column, field: field || '', code: 'import_column_unknown', params: { value: column } });
  }
  const mapped = new Set(Object.values(mapping));
  for (const need of REQUIRED) if (!mapped.has(need)) problems.push({ row: table.headerRow, column: null, field: need, code: 'import_field_unmapped', params: { field: need } });
  const result: ValidatedImport = { columns: table.columns, mapping, rows: table.rows.length, problems, seizures: [] };
  if (problems.length) return result;

  // Rows sharing a reference are one seizure with several items (seizure fields from the first).
  const groups: { rows: number[]; rec: Partial<Record<ImportField, string>>; items: Record<string, unknown>[] }[] = [];
  const byRef = new Map<string, (typeof groups)[number]>();
  for (const r of table.rows) {
    if (r.cells.length > table.columns.length && r.cells.slice(table.columns.length).some((c) => c.trim())) {
      problems.push({ row: r.row, column: null, field: '', code: 'import_row_too_long', params: { cells: r.cells.length, columns: table.columns.length } });
      continue;
    }
    const rec: Partial<Record<ImportField, string>> = {};
    table.columns.forEach((c, i) => {
      const f = mapping[c];
      const v = (r.cells[i] ?? '').trim();
      if (f && v !== '') rec[f] = v;
    });
    if (rec.domain) rec.domain = rec.domain.toLowerCase();
    for (const f of ['country', 'originCountry', 'destinationCountry', 'transitCountry', 'vesselFlag'] as const) if (rec[f]) rec[f] = (rec[f] as string).toUpperCase();
    const ref = rec.reference ? nameKey(rec.reference) : '';
    const existing = ref ? byRef.get(ref) : undefined;
    if (existing) {
      existing.rows.push(r.row);
      existing.items.push(itemOf(rec));
    } else {
      const g = { rows: [r.row], rec, items: [itemOf(rec)] };
      groups.push(g);
      if (ref) byRef.set(ref, g);
    }
  }
  const lists = referenceLists();
  for (const g of groups) {
    const row = g.rows[0] as number;
    const rowOfField = (field: string) => {
      const m = /^items\.(\d+)/.exec(field);
      return m ? (g.rows[Number(m[1])] ?? row) : row;
    };
    const parsed = CreateSeizureBody.safeParse(seizureOf(g.rec, g.items, defaults));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.join('.');
        problems.push({ row: rowOfField(field), column: columnOf(field, mapping), field, code: 'value_invalid', params: { message: issue.message } });
      }
      continue;
    }
    const checked = checkSeizure(lists, parsed.data, now);
    if (!checked.ok) {
      for (const p of checked.problems) problems.push({ row: rowOfField(p.field), column: columnOf(p.field, mapping), field: p.field, code: p.code, params: p.params });
      continue;
    }
    result.seizures.push({ row, body: parsed.data, checked });
  }
  problems.sort((a, b) => a.row - b.row);
  return result;
}

export async function readImportTable(format: 'csv' | 'xlsx', content: string | Buffer): Promise<ImportTable> {
  if (format === 'csv') return readCsvTable(Buffer.isBuffer(content) ? content.toString('utf8') : content);
  return readXlsxTable(Buffer.isBuffer(content) ? content : Buffer.from(content, 'base64'));
}
