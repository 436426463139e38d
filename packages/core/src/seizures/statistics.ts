// Registry statistics (issue 14 part 6), pure: monthly counts folded into months, quarters or years,
// and written as JSON rows, plain CSV or SDMX-CSV 2.0.
//
// The SDMX dataflow is COMITY:DF_ICCS_REGISTRY(1.0), with the dimensions FREQ (M, Q, A),
// REF_AREA (ISO 3166-1 alpha-3, '_X' unspecified), SOURCE (SEIZURE, INCIDENT, REQUEST),
// ICCS (the ICCS 1.0 code, '_X' unspecified) and TIME_PERIOD (2026-03, 2026-Q1, 2026), and the
// measure OBS_VALUE (a count). Each row is an observation to insert or replace (ACTION 'I').

export type StatisticsPeriod = 'month' | 'quarter' | 'year';
export type StatisticsSource = 'seizure' | 'incident' | 'request';
export const STATISTICS_SOURCES: readonly StatisticsSource[] = ['seizure', 'incident', 'request'];
export const SDMX_DATAFLOW = 'COMITY:DF_ICCS_REGISTRY(1.0)';

export interface MonthlyCount {
  source: StatisticsSource;
  /** YYYY-MM */
  month: string;
  country: string;
  iccsCode: string;
  count: number;
}

export interface StatisticsRow {
  period: string;
  country: string;
  source: StatisticsSource;
  iccsCode: string;
  count: number;
}

/** The period a month (YYYY-MM) falls in: itself, YYYY-Qn or YYYY. */
export function periodOf(month: string, period: StatisticsPeriod): string {
  if (period === 'month') return month;
  const year = month.slice(0, 4);
  if (period === 'year') return year;
  return `${year}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Sums monthly counts per period, country, source and ICCS code; ordered by period, source, country, code. */
export function foldStatistics(rows: readonly MonthlyCount[], period: StatisticsPeriod): StatisticsRow[] {
  const out = new Map<string, StatisticsRow>();
  for (const r of rows) {
    const p = periodOf(r.month, period);
    const k = [p, r.source, r.country, r.iccsCode].join('\u0000');
    const have = out.get(k);
    if (have) have.count += r.count;
    else out.set(k, { period: p, country: r.country, source: r.source, iccsCode: r.iccsCode, count: r.count });
  }
  return [...out.values()].sort((a, b) => cmp(a.period, b.period) || cmp(a.source, b.source) || cmp(a.country, b.country) || cmp(a.iccsCode, b.iccsCode));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Totals per period (all countries, sources and codes) — what the chart draws. */
export function totalsByPeriod(rows: readonly StatisticsRow[]): { period: string; seizure: number; incident: number; request: number }[] {
  const out = new Map<string, { period: string; seizure: number; incident: number; request: number }>();
  for (const r of rows) {
    let t = out.get(r.period);
    if (!t) {
      t = { period: r.period, seizure: 0, incident: 0, request: 0 };
      out.set(r.period, t);
    }
    t[r.source] += r.count;
  }
  return [...out.values()].sort((a, b) => cmp(a.period, b.period));
}

/** RFC 4180 field: quoted when it holds a comma, a quote or a line break; a leading =+-@ is neutralised for spreadsheets. */
export function csvField(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(lines: (string | number)[][]): string {
  return `${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Plain CSV, one line per period, country, source and ICCS code. */
export function statisticsCsv(rows: readonly StatisticsRow[], iccsTitle: (code: string) => string | undefined): string {
  return csv([['period', 'country', 'source', 'iccs_code', 'iccs_title', 'count'], ...rows.map((r) => [r.period, r.country, r.source, r.iccsCode, iccsTitle(r.iccsCode) ?? '', r.count])]);
}

const FREQ: Record<StatisticsPeriod, string> = { month: 'M', quarter: 'Q', year: 'A' };

/** SDMX-CSV 2.0 of the dataflow above. */
export function statisticsSdmxCsv(rows: readonly StatisticsRow[], period: StatisticsPeriod): string {
  return csv([
    ['STRUCTURE', 'STRUCTURE_ID', 'ACTION', 'FREQ', 'REF_AREA', 'SOURCE', 'ICCS', 'TIME_PERIOD', 'OBS_VALUE'],
    ...rows.map((r) => ['dataflow', SDMX_DATAFLOW, 'I', FREQ[period], r.country, r.source.toUpperCase(), r.iccsCode, r.period, r.count]),
  ]);
}
