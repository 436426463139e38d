// What a chart draws, as plain data: the series with their styles and the Chart.js configuration
// built from them (pure, no Chart.js at run time, so node:test checks it). Every chart of the UI goes
// through `chartConfig` and is drawn by components/chart.tsx.
//
// Readable without colour: each series has its own dash pattern and point shape (lines) or hatching
// (bars), and the legend draws them. Right-to-left languages get a mirrored chart: the category axis
// runs from right to left (or the value axis, for horizontal bars), the value axis stands on the
// right, and the legend and tooltips are laid out right to left.
import type { ChartConfiguration, PointStyle } from 'chart.js';

export type Hatch = 'solid' | 'forward' | 'backward' | 'vertical' | 'cross' | 'dots';

export interface SeriesStyle {
  colour: string;
  /** Canvas line dash (empty: solid). */
  dash: number[];
  point: PointStyle;
  hatch: Hatch;
}

/** Six styles, distinct by dash, point and hatching alone (colours chosen to stay apart for common colour blindness too). */
export const SERIES_STYLES: readonly SeriesStyle[] = [
  { colour: '#0b5cad', dash: [], point: 'circle', hatch: 'solid' },
  { colour: '#b35900', dash: [10, 5], point: 'rect', hatch: 'forward' },
  { colour: '#1a7f37', dash: [2, 4], point: 'triangle', hatch: 'backward' },
  { colour: '#8250df', dash: [12, 4, 2, 4], point: 'rectRot', hatch: 'vertical' },
  { colour: '#b42318', dash: [5, 5], point: 'crossRot', hatch: 'cross' },
  { colour: '#57606a', dash: [1, 2], point: 'star', hatch: 'dots' },
];

export const MAX_SERIES = SERIES_STYLES.length;

/** Width of a line's sample in the legend (its dash and its point shape). */
export const LEGEND_SAMPLE_WIDTH = 36;

export interface ChartSeries {
  id: string;
  label: string;
  values: readonly (number | null)[];
}

export interface ChartSpec {
  kind: 'line' | 'bar';
  /** Category labels, already in the UI language (periods, counterpart States …). */
  categories: readonly string[];
  series: readonly ChartSeries[];
  categoryTitle: string;
  valueTitle: string;
  /** Bars only: stacked, and categories on the vertical axis. */
  stacked?: boolean;
  horizontal?: boolean;
  lng: string;
  rtl: boolean;
}

export interface ChartTheme {
  ink: string;
  muted: string;
  grid: string;
  font: string;
}

export const DEFAULT_THEME: ChartTheme = { ink: '#1f2328', muted: '#57606a', grid: '#d0d7de', font: 'system-ui, sans-serif' };

export function styleOf(index: number): SeriesStyle {
  return SERIES_STYLES[index % SERIES_STYLES.length] as SeriesStyle;
}

/** A long category label is cut on the axis; the table and the tooltip carry it whole. */
export function clipLabel(text: string, max = 28): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The Chart.js configuration of a spec. `fill` turns a style into a bar's fill (the component passes
 * a canvas pattern for the hatching; without a canvas, a translucent colour).
 */
export function chartConfig(spec: ChartSpec, theme: ChartTheme = DEFAULT_THEME, fill: (s: SeriesStyle) => string | CanvasPattern = (s) => `${s.colour}59`): ChartConfiguration<'line' | 'bar', (number | null)[], string> {
  const number = new Intl.NumberFormat(spec.lng, { maximumFractionDigits: 1 });
  const horizontal = spec.kind === 'bar' && spec.horizontal === true;
  const stacked = spec.kind === 'bar' && spec.stacked === true;
  const font = { family: theme.font, size: 12 };
  const datasets = spec.series.map((s, i) => {
    const style = styleOf(i);
    return spec.kind === 'line'
      ? {
          type: 'line' as const,
          label: s.label,
          data: [...s.values],
          borderColor: style.colour,
          backgroundColor: style.colour,
          borderWidth: 2,
          borderDash: style.dash,
          pointStyle: style.point,
          pointRadius: 5,
          pointHoverRadius: 7,
          pointBackgroundColor: '#ffffff',
          pointBorderColor: style.colour,
          pointBorderWidth: 2,
          tension: 0,
          spanGaps: false,
          // A point on the top or at either end is drawn whole, not cut by the plot's edge.
          clip: 8,
        }
      : {
          type: 'bar' as const,
          label: s.label,
          data: [...s.values],
          borderColor: style.colour,
          backgroundColor: fill(style),
          borderWidth: 1.5,
          // Side by side, a zero (a request acknowledged the same day) stays visible as a stub.
          minBarLength: stacked ? 0 : 3,
          // The hatching is the style; keep the legend box showing it.
          pointStyle: 'rect' as const,
        };
  });
  // Which axis carries the categories and which the values.
  const categoryAxis = horizontal ? 'y' : 'x';
  const valueAxis = horizontal ? 'x' : 'y';
  // Room between an axis title and the canvas edge (a vertical title on the right was cut otherwise).
  const title = (text: string) => ({ display: true, text, color: theme.ink, font: { ...font, weight: 'bold' as const }, padding: { top: 8, bottom: 4 } });
  const scales = {
    [categoryAxis]: {
      type: 'category' as const,
      stacked,
      // Mirrored for right-to-left: the first period on the right, the labels of horizontal bars on the right.
      reverse: !horizontal && spec.rtl,
      // Half a step of room at both ends: the first and last labels and points are drawn whole (a
      // reversed axis without it leaves Chart.js no padding for the label at the left end).
      offset: true,
      position: horizontal ? (spec.rtl ? ('right' as const) : ('left' as const)) : ('bottom' as const),
      // Horizontal bars name their rows on the axis; a vertical title beside them would only crowd
      // the legend (the chart's caption and its table say what the rows are).
      title: { ...title(spec.categoryTitle), display: !horizontal },
      grid: { display: !horizontal, color: theme.grid },
      ticks: {
        color: theme.ink,
        font,
        autoSkip: true,
        maxRotation: 45,
        callback(this: { getLabelForValue(v: number): string }, value: number | string) {
          return clipLabel(this.getLabelForValue(Number(value)));
        },
      },
    },
    [valueAxis]: {
      type: 'linear' as const,
      stacked,
      beginAtZero: true,
      reverse: horizontal && spec.rtl,
      position: horizontal ? ('bottom' as const) : spec.rtl ? ('right' as const) : ('left' as const),
      title: title(spec.valueTitle),
      grid: { color: theme.grid },
      ticks: {
        color: theme.muted,
        font,
        precision: 0,
        callback: (value: number | string) => number.format(Number(value)),
      },
    },
  };
  return {
    type: spec.kind,
    data: { labels: [...spec.categories], datasets: datasets as never },
    options: {
      locale: spec.lng,
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: { top: 6, left: 8, right: 8 } },
      indexAxis: horizontal ? 'y' : 'x',
      interaction: { mode: 'index', intersect: false, axis: horizontal ? 'y' : 'x' },
      scales: scales as never,
      plugins: {
        legend: {
          position: 'top',
          align: 'start',
          rtl: spec.rtl,
          textDirection: spec.rtl ? 'rtl' : 'ltr',
          labels: { usePointStyle: spec.kind === 'line', pointStyleWidth: LEGEND_SAMPLE_WIDTH, color: theme.ink, font, boxWidth: 28, boxHeight: 12, padding: 14 },
        },
        tooltip: {
          rtl: spec.rtl,
          textDirection: spec.rtl ? 'rtl' : 'ltr',
          usePointStyle: true,
          callbacks: {
            label: (item: { dataset: { label?: string }; raw: unknown }) => `${item.dataset.label ?? ''}: ${item.raw === null ? '—' : number.format(Number(item.raw))}`,
          },
        },
      },
    } as never,
  };
}

/** Each series with its dash, point and hatching, exposed on the figure (data-styles) for tests and tools. */
export function seriesStyles(spec: ChartSpec): { id: string; dash: number[]; point: PointStyle; hatch: Hatch }[] {
  return spec.series.map((s, i) => {
    const style = styleOf(i);
    return { id: s.id, dash: style.dash, point: style.point, hatch: style.hatch };
  });
}

/** The largest value of the chart and where it is (for the spoken summary). */
export function highest(spec: ChartSpec): { value: number; series: string; category: string } | null {
  let best: { value: number; series: string; category: string } | null = null;
  for (const s of spec.series) {
    s.values.forEach((v, i) => {
      if (v !== null && (best === null || v > best.value)) best = { value: v, series: s.label, category: spec.categories[i] ?? '' };
    });
  }
  return best;
}

// ---- periods of the registry statistics ('2026', '2026-Q2', '2026-03') ----

/** Every period from first to last, so that a period without records is drawn as 0, not skipped. */
export function periodRange(first: string, last: string): string[] {
  const parse = (p: string): { year: number; step: number; of: number } | null => {
    let m = /^(\d{4})$/.exec(p);
    if (m) return { year: Number(m[1]), step: 0, of: 1 };
    m = /^(\d{4})-Q([1-4])$/.exec(p);
    if (m) return { year: Number(m[1]), step: Number(m[2]) - 1, of: 4 };
    m = /^(\d{4})-(\d{2})$/.exec(p);
    if (m) return { year: Number(m[1]), step: Number(m[2]) - 1, of: 12 };
    return null;
  };
  const a = parse(first);
  const b = parse(last);
  if (!a || !b || a.of !== b.of) return first === last ? [first] : [first, last];
  const out: string[] = [];
  const start = a.year * a.of + a.step;
  const end = b.year * b.of + b.step;
  // A century of months at most: a typo in a filter must not freeze the page.
  for (let i = start; i <= end && out.length < 1200; i++) {
    const year = Math.floor(i / a.of);
    const step = i % a.of;
    out.push(a.of === 1 ? String(year) : a.of === 4 ? `${year}-Q${step + 1}` : `${year}-${String(step + 1).padStart(2, '0')}`);
  }
  return out;
}

/** A period in the UI language: months with the language's month names, quarters with its own words. */
export function formatPeriod(period: string, lng: string, quarter: (q: number, year: string) => string): string {
  let m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return new Intl.DateTimeFormat(lng, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) return quarter(Number(m[2]), new Intl.NumberFormat(lng, { useGrouping: false }).format(Number(m[1])));
  m = /^(\d{4})$/.exec(period);
  if (m) return new Intl.NumberFormat(lng, { useGrouping: false }).format(Number(m[1]));
  return period;
}

export interface CountRow {
  period: string;
  key: string;
  count: number;
}

/**
 * Lines over time from counts keyed by period and series (kind of record, country, ICCS category):
 * every period between the first and the last, the largest series first, and the ones beyond the
 * styles there are summed into one "other" line.
 */
export function trendSeries(rows: readonly CountRow[], label: (key: string) => string, otherLabel: string): { periods: string[]; series: ChartSeries[] } {
  if (rows.length === 0) return { periods: [], series: [] };
  const sorted = [...new Set(rows.map((r) => r.period))].sort();
  const periods = periodRange(sorted[0] as string, sorted.at(-1) as string);
  const index = new Map(periods.map((p, i) => [p, i]));
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.key, (totals.get(r.key) ?? 0) + r.count);
  const keys = [...totals.keys()].sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || a.localeCompare(b));
  const kept = keys.length > MAX_SERIES ? keys.slice(0, MAX_SERIES - 1) : keys;
  const other = keys.length > kept.length;
  const values = new Map<string, number[]>([...kept, ...(other ? ['\u0000other'] : [])].map((k) => [k, periods.map(() => 0)]));
  for (const r of rows) {
    const line = values.get(kept.includes(r.key) ? r.key : '\u0000other');
    const at = index.get(r.period);
    if (line && at !== undefined) line[at] = (line[at] ?? 0) + r.count;
  }
  return {
    periods,
    series: [...values].map(([k, v]) => (k === '\u0000other' ? { id: 'other', label: otherLabel, values: v } : { id: k, label: label(k), values: v })),
  };
}
