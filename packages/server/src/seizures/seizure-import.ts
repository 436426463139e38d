// Import of seizures and maritime incidents from CSV or XLSX (issue 14 parts 2 and 3): the file's
// columns are mapped to fields (given by the user, otherwise guessed from the headers), every row is
// checked by the same schema and the same core checks as the API, and every problem is reported
// with its row, column, code and parameters (the UI words them in the user's language). The kind
// of record (`IMPORT_KINDS`) selects the fields, how a row becomes a body, its schema and its check;
// reading the file, the mapping, the report and the all-or-nothing rule are one machinery. For
// seizures, rows that share a reference are the items of one seizure; an incident is one row.
// Nothing is stored unless every row is good (one transaction for all).
import { ValidationError } from '@comity/core';
import { INCIDENT_PARTY_ROLES, type RecordProblem, checkIncident, checkSeizure, defaultSeizureIccs, nameKey } from '@comity/core/seizures/seizure';
import { parseCsv } from '@comity/core/shared/csv';
import { CreateIncidentBody, CreateSeizureBody, INCIDENT_IMPORT_FIELDS, SEIZURE_IMPORT_FIELDS } from '@comity/contract/seizures';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { referenceLists } from './reference-lists.ts';

export type ImportKind = 'seizure' | 'incident';
export type SeizureImportField = (typeof SEIZURE_IMPORT_FIELDS)[number];
export type IncidentImportField = (typeof INCIDENT_IMPORT_FIELDS)[number];
/** A field of either kind (the mapping is checked against the kind's own list by the contract). */
export type ImportField = SeizureImportField | IncidentImportField;
type Rec = Partial<Record<ImportField, string>>;
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
const SEIZURE_SYNONYMS: Partial<Record<SeizureImportField, string[]>> = {
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

const INCIDENT_SYNONYMS: Partial<Record<IncidentImportField, string[]>> = {
  occurredAt: ['date', 'datetime', 'incidentdate', 'when', 'eventdate', 'time', 'dateandtime', 'dateandtimeutc', 'datetimeutc', 'timeutc'],
  latitude: ['lat'],
  longitude: ['lon', 'lng', 'long'],
  area: ['location', 'place', 'position', 'locationdescription'],
  country: ['coastalstate', 'state', 'waters'],
  vesselName: ['vessel', 'ship', 'shipname'],
  vesselImo: ['imo', 'imonumber'],
  vesselFlag: ['flag'],
  vesselType: ['shiptype', 'typeofvessel', 'typeofship'],
  vesselStatus: ['status', 'shipstatus'],
  incidentKind: ['kind', 'incidenttype', 'attacktype', 'typeofattack', 'category'],
  narrative: ['description', 'details', 'whathappened', 'summary', 'narrations'],
  crewHostage: ['hostages', 'takenhostage'],
  crewKidnapped: ['kidnapped'],
  crewInjured: ['injured'],
  crewKilled: ['killed'],
  crewMissing: ['missing'],
  crewAssaulted: ['assaulted'],
  crewThreatened: ['threatened'],
  reportingSource: ['source', 'reportedby', 'reporter'],
  iccsCode: ['iccs'],
};

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** The field of the kind a header names, if any. */
export function guessField(kind: ImportKind, header: string): ImportField | null {
  const spec = IMPORT_KINDS[kind];
  const h = squash(header);
  for (const f of spec.fields) if (squash(f) === h) return f;
  for (const [f, names] of Object.entries(spec.synonyms)) if (names?.includes(h)) return f as ImportField;
  return null;
}

export function mappingFor(kind: ImportKind, columns: readonly string[], given: Record<string, string> | undefined): Record<string, ImportField | ''> {
  const mapping: Record<string, ImportField | ''> = {};
  const used = new Set<string>();
  for (const c of columns) {
    const g = given?.[c];
    const f = g !== undefined ? (g as ImportField | '') : (guessField(kind, c) ?? '');
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

function num(v: string | undefined): number | undefined | string {
  if (v === undefined || v === '') return undefined;
  const n = Number(v.replace(',', '.'));
  return Number.isFinite(n) ? n : v;
}

function itemOf(rec: Rec): Record<string, unknown> {
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

function seizureOf(rec: Rec, items: Record<string, unknown>[], defaults: ImportDefaults): Record<string, unknown> {
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

/** The import field a seizure body field came from, for the report's column. */
function seizureFieldOf(field: string): ImportField {
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
  return table[f] ?? (f.startsWith('route') ? 'originCountry' : (f.split('.')[0] as ImportField));
}

const CREW_FIELDS = { crewHostage: 'hostage', crewKidnapped: 'kidnapped', crewInjured: 'injured', crewKilled: 'killed', crewMissing: 'missing', crewAssaulted: 'assaulted', crewThreatened: 'threatened' } as const;

function incidentOf(rec: Rec, defaults: ImportDefaults): Record<string, unknown> {
  const crew = Object.fromEntries(
    Object.entries(CREW_FIELDS)
      .filter(([f]) => rec[f as ImportField])
      .map(([f, c]) => [c, num(rec[f as ImportField])]),
  );
  // A master is a person; the owner, operator, charterer and agent of a ship are companies.
  const parties = INCIDENT_PARTY_ROLES.filter((r) => rec[r]).map((role) => ({ role, kind: role === 'master' ? 'person' : 'company', name: rec[role] }));
  return {
    reference: rec.reference || undefined,
    occurredAt: rec.occurredAt,
    latitude: num(rec.latitude),
    longitude: num(rec.longitude),
    area: rec.area || undefined,
    country: rec.country || undefined,
    vessel: { name: rec.vesselName, imo: rec.vesselImo || undefined, flag: rec.vesselFlag || undefined, type: rec.vesselType },
    vesselStatus: rec.vesselStatus,
    kind: rec.incidentKind,
    narrative: rec.narrative,
    crew: Object.keys(crew).length ? crew : undefined,
    reportingSource: rec.reportingSource,
    iccsCode: rec.iccsCode || undefined,
    parties: parties.length ? parties : undefined,
    caseId: defaults.caseId ?? undefined,
    marking: (rec.marking || defaults.marking || undefined)?.toUpperCase(),
  };
}

/** The import field an incident body field came from, for the report's column. */
function incidentFieldOf(field: string): ImportField {
  const table: Record<string, ImportField> = { 'vessel.name': 'vesselName', 'vessel.imo': 'vesselImo', 'vessel.flag': 'vesselFlag', 'vessel.type': 'vesselType', vessel: 'vesselName', kind: 'incidentKind' };
  for (const [f, c] of Object.entries(CREW_FIELDS)) table[`crew.${c}`] = f as ImportField;
  return table[field] ?? (field.split('.')[0] as ImportField);
}

type SeizureBody = z.infer<typeof CreateSeizureBody>;
type IncidentBody = z.infer<typeof CreateIncidentBody>;
export interface ImportDefaults {
  caseId?: string | null | undefined;
  marking?: string | undefined;
}

/**
 * What differs between the kinds of record an import can create: the fields (and the names a
 * column may carry for them), the required ones, whether rows sharing a reference are one record,
 * how a record's rows become an API body, the body's schema and core's check.
 */
interface KindSpec<B, C> {
  fields: readonly ImportField[];
  synonyms: Partial<Record<ImportField, string[]>>;
  required: readonly ImportField[];
  upperCase: readonly ImportField[];
  lowerCase: readonly ImportField[];
  /** Rows sharing a reference are the parts (items) of one record. */
  groupsByReference: boolean;
  body: (rec: Rec, rows: Rec[], defaults: ImportDefaults) => Record<string, unknown>;
  schema: z.ZodType<B>;
  check: (body: B, now: Date) => { ok: true; checked: C } | { ok: false; problems: RecordProblem[] };
  fieldOf: (bodyField: string) => ImportField;
}

type SeizureChecked = Extract<ReturnType<typeof checkSeizure>, { ok: true }>;
type IncidentChecked = Extract<ReturnType<typeof checkIncident>, { ok: true }>;

const SEIZURE_KIND: KindSpec<SeizureBody, SeizureChecked> = {
  fields: SEIZURE_IMPORT_FIELDS,
  synonyms: SEIZURE_SYNONYMS,
  required: ['occurredAt', 'country', 'authority', 'domain', 'itemName'],
  upperCase: ['country', 'originCountry', 'destinationCountry', 'transitCountry', 'vesselFlag'],
  lowerCase: ['domain'],
  groupsByReference: true,
  body: (rec, rows, defaults) => seizureOf(rec, rows.map(itemOf), defaults),
  schema: CreateSeizureBody,
  check: (body, now) => {
    const r = checkSeizure(referenceLists(), body, now);
    return r.ok ? { ok: true, checked: r } : r;
  },
  fieldOf: seizureFieldOf,
};

const INCIDENT_KIND: KindSpec<IncidentBody, IncidentChecked> = {
  fields: INCIDENT_IMPORT_FIELDS,
  synonyms: INCIDENT_SYNONYMS,
  required: ['occurredAt', 'latitude', 'longitude', 'vesselName', 'vesselType', 'vesselStatus', 'incidentKind', 'narrative', 'reportingSource'],
  upperCase: ['country', 'vesselFlag'],
  lowerCase: ['vesselStatus', 'incidentKind'],
  groupsByReference: false,
  body: (rec, _rows, defaults) => incidentOf(rec, defaults),
  schema: CreateIncidentBody,
  check: (body, now) => {
    const r = checkIncident(referenceLists(), body, now);
    return r.ok ? { ok: true, checked: r } : r;
  },
  fieldOf: incidentFieldOf,
};

export const IMPORT_KINDS = { seizure: SEIZURE_KIND, incident: INCIDENT_KIND } as const;
export type ImportBodyOf<K extends ImportKind> = K extends 'seizure' ? SeizureBody : IncidentBody;
export type ImportCheckedOf<K extends ImportKind> = K extends 'seizure' ? SeizureChecked : IncidentChecked;

export interface ValidatedImport<K extends ImportKind> {
  columns: string[];
  mapping: Record<string, ImportField | ''>;
  fields: ImportField[];
  rows: number;
  problems: ImportProblem[];
  /** The records to store, with the file row each starts on. */
  records: { row: number; body: ImportBodyOf<K>; checked: ImportCheckedOf<K> }[];
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = body;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** A schema issue as a report problem: a missing value and a value outside a list get their own codes. */
function schemaProblem(issue: z.core.$ZodIssue, body: unknown): Pick<ImportProblem, 'code' | 'params'> {
  const value = valueAt(body, issue.path);
  if (issue.code === 'invalid_value' && (typeof value === 'string' || typeof value === 'number')) {
    return { code: 'value_not_allowed', params: { value: String(value), allowed: issue.values.map(String) } };
  }
  if (value === undefined && issue.code === 'invalid_type') return { code: 'value_missing', params: {} };
  if (issue.code === 'invalid_type' && issue.expected === 'number' && typeof value === 'string') return { code: 'number_invalid', params: { value } };
  return { code: 'value_invalid', params: { message: issue.message } };
}

/** Checks every row of the table; returns the records to store, or the problems (all of them). */
export function validateImport<K extends ImportKind>(kind: K, table: ImportTable, given: Record<string, string> | undefined, defaults: ImportDefaults, now: Date): ValidatedImport<K> {
  const spec = IMPORT_KINDS[kind] as unknown as KindSpec<ImportBodyOf<K>, ImportCheckedOf<K>>;
  const mapping = mappingFor(kind, table.columns, given);
  const problems: ImportProblem[] = [];
  for (const [column, field] of Object.entries(given ?? {})) {
    if (!table.columns.includes(column)) problems.push({ row: table.headerRow, column, field: field || '', code: 'import_column_unknown', params: { value: column } });
  }
  const mapped = new Set(Object.values(mapping));
  for (const need of spec.required) if (!mapped.has(need)) problems.push({ row: table.headerRow, column: null, field: need, code: 'import_field_unmapped', params: { field: need } });
  const result: ValidatedImport<K> = { columns: table.columns, mapping, fields: [...spec.fields], rows: table.rows.length, problems, records: [] };
  if (problems.length) return result;

  // Rows sharing a reference are one seizure with several items (seizure fields from the first);
  // for kinds that do not group, a reference given twice in the file is a problem of the later row.
  const groups: { rows: number[]; recs: Rec[] }[] = [];
  const byRef = new Map<string, (typeof groups)[number]>();
  for (const r of table.rows) {
    if (r.cells.length > table.columns.length && r.cells.slice(table.columns.length).some((c) => c.trim())) {
      problems.push({ row: r.row, column: null, field: '', code: 'import_row_too_long', params: { cells: r.cells.length, columns: table.columns.length } });
      continue;
    }
    const rec: Rec = {};
    table.columns.forEach((c, i) => {
      const f = mapping[c];
      const v = (r.cells[i] ?? '').trim();
      if (f && v !== '') rec[f] = v;
    });
    for (const f of spec.lowerCase) if (rec[f]) rec[f] = (rec[f] as string).toLowerCase();
    for (const f of spec.upperCase) if (rec[f]) rec[f] = (rec[f] as string).toUpperCase();
    const ref = rec.reference ? nameKey(rec.reference) : '';
    const existing = ref ? byRef.get(ref) : undefined;
    if (existing && spec.groupsByReference) {
      existing.rows.push(r.row);
      existing.recs.push(rec);
      continue;
    }
    if (existing) {
      const column = Object.entries(mapping).find(([, f]) => f === 'reference')?.[0] ?? null;
      problems.push({ row: r.row, column, field: 'reference', code: 'import_reference_repeated', params: { value: rec.reference as string, row: existing.rows[0] as number } });
      continue;
    }
    const g = { rows: [r.row], recs: [rec] };
    groups.push(g);
    if (ref) byRef.set(ref, g);
  }
  const byField = new Map(Object.entries(mapping).filter(([, f]) => f).map(([c, f]) => [f, c]));
  const columnOf = (field: string) => byField.get(spec.fieldOf(field)) ?? null;
  for (const g of groups) {
    const row = g.rows[0] as number;
    const rowOfField = (field: string) => {
      const m = /^items\.(\d+)/.exec(field);
      return m ? (g.rows[Number(m[1])] ?? row) : row;
    };
    const body = spec.body(g.recs[0] as Rec, g.recs, defaults);
    const parsed = spec.schema.safeParse(body);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.join('.');
        problems.push({ row: rowOfField(field), column: columnOf(field), field, ...schemaProblem(issue, body) });
      }
      continue;
    }
    const checked = spec.check(parsed.data, now);
    if (!checked.ok) {
      for (const p of checked.problems) problems.push({ row: rowOfField(p.field), column: columnOf(p.field), field: p.field, code: p.code, params: p.params });
      continue;
    }
    result.records.push({ row, body: parsed.data, checked: checked.checked });
  }
  problems.sort((a, b) => a.row - b.row);
  return result;
}

export async function readImportTable(format: 'csv' | 'xlsx', content: string | Buffer): Promise<ImportTable> {
  if (format === 'csv') return readCsvTable(Buffer.isBuffer(content) ? content.toString('utf8') : content);
  return readXlsxTable(Buffer.isBuffer(content) ? content : Buffer.from(content, 'base64'));
}
