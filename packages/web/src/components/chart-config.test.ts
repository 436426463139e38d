// The chart builder: what each series looks like without colour, how a right-to-left chart is
// mirrored, and how the registry statistics become lines over time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ChartSpec, SERIES_STYLES, chartConfig, formatPeriod, periodRange, trendSeries } from './chart-config.ts';

const spec = (over: Partial<ChartSpec> = {}): ChartSpec => ({
  kind: 'line',
  categories: ['2025', '2026'],
  series: [
    { id: 'seizure', label: 'Seizures', values: [3, 1200] },
    { id: 'incident', label: 'Incidents', values: [0, 2] },
    { id: 'request', label: 'Requests', values: [1, null] },
  ],
  categoryTitle: 'Period',
  valueTitle: 'Count',
  lng: 'en',
  rtl: false,
  ...over,
});

// biome-ignore lint/suspicious/noExplicitAny: the configuration is inspected as plain data.
const options = (c: ReturnType<typeof chartConfig>) => c.options as any;
// biome-ignore lint/suspicious/noExplicitAny: idem.
const datasets = (c: ReturnType<typeof chartConfig>) => c.data.datasets as any[];

test('every series style differs from the others by dash, point shape and hatching, not only by colour', () => {
  for (const field of ['dash', 'point', 'hatch'] as const) {
    const seen = SERIES_STYLES.map((s) => JSON.stringify(s[field]));
    assert.equal(new Set(seen).size, SERIES_STYLES.length, `${field} repeats`);
  }
  const lines = datasets(chartConfig(spec()));
  assert.deepEqual(
    lines.map((d) => [d.label, d.borderDash, d.pointStyle]),
    [
      ['Seizures', [], 'circle'],
      ['Incidents', [10, 5], 'rect'],
      ['Requests', [2, 4], 'triangle'],
    ],
  );
  assert.equal(options(chartConfig(spec())).plugins.legend.labels.usePointStyle, true, 'the legend shows each line’s point shape');
});

test('bars take their fill from the style (the component passes the hatching pattern)', () => {
  const bars = datasets(chartConfig(spec({ kind: 'bar', horizontal: true, stacked: true }), undefined, (s) => `hatch:${s.hatch}`));
  assert.deepEqual(
    bars.map((d) => d.backgroundColor),
    ['hatch:solid', 'hatch:forward', 'hatch:backward'],
  );
});

test('left to right: periods run left to right, values on the left, legend and tooltip left to right', () => {
  const o = options(chartConfig(spec()));
  assert.equal(o.scales.x.reverse, false);
  assert.equal(o.scales.y.position, 'left');
  assert.equal(o.plugins.legend.rtl, false);
  assert.equal(o.plugins.tooltip.rtl, false);
});

test('Arabic: the chart is mirrored — first period on the right, values on the right, legend and tooltip right to left', () => {
  const o = options(chartConfig(spec({ lng: 'ar', rtl: true })));
  assert.equal(o.scales.x.reverse, true);
  assert.equal(o.scales.y.position, 'right');
  assert.equal(o.plugins.legend.rtl, true);
  assert.equal(o.plugins.legend.textDirection, 'rtl');
  assert.equal(o.plugins.tooltip.rtl, true);
  assert.equal(o.locale, 'ar');
  // Horizontal bars: the value axis grows to the left and the category labels stand on the right.
  const bars = options(chartConfig(spec({ kind: 'bar', horizontal: true, lng: 'ar', rtl: true })));
  assert.equal(bars.indexAxis, 'y');
  assert.equal(bars.scales.x.reverse, true);
  assert.equal(bars.scales.y.position, 'right');
  assert.equal(bars.scales.y.title.display, false, 'the rows of horizontal bars are named on the axis, without a title beside them');
});

test('numbers on the axis and in the tooltip are written in the UI language', () => {
  const en = options(chartConfig(spec()));
  assert.equal(en.scales.y.ticks.callback(1200), '1,200');
  const fr = options(chartConfig(spec({ lng: 'fr' })));
  assert.equal(fr.scales.y.ticks.callback(1200), new Intl.NumberFormat('fr').format(1200));
  assert.equal(fr.plugins.tooltip.callbacks.label({ dataset: { label: 'Saisies' }, raw: 1200 }), `Saisies: ${new Intl.NumberFormat('fr').format(1200)}`);
  assert.equal(en.plugins.tooltip.callbacks.label({ dataset: { label: 'Requests' }, raw: null }), 'Requests: —');
  const ar = options(chartConfig(spec({ lng: 'ar', rtl: true })));
  assert.equal(ar.scales.y.ticks.callback(1200), new Intl.NumberFormat('ar').format(1200));
});

test('periods: gaps filled, months and quarters in the UI language', () => {
  assert.deepEqual(periodRange('2025-11', '2026-02'), ['2025-11', '2025-12', '2026-01', '2026-02']);
  assert.deepEqual(periodRange('2025-Q4', '2026-Q2'), ['2025-Q4', '2026-Q1', '2026-Q2']);
  assert.deepEqual(periodRange('2024', '2026'), ['2024', '2025', '2026']);
  assert.equal(formatPeriod('2026-03', 'en', () => ''), 'Mar 2026');
  assert.equal(formatPeriod('2026-03', 'fr', () => ''), new Intl.DateTimeFormat('fr', { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 2, 1))));
  assert.equal(
    formatPeriod('2026-Q2', 'en', (q, y) => `Q${q} ${y}`),
    'Q2 2026',
  );
  assert.equal(formatPeriod('2026', 'en', () => ''), '2026');
});

test('trend lines: one per key, largest first, zero where a period has no record, the rest summed as "other"', () => {
  const rows = [
    { period: '2026-01', key: 'KEN', count: 2 },
    { period: '2026-03', key: 'KEN', count: 1 },
    { period: '2026-03', key: 'TZA', count: 5 },
  ];
  const { periods, series } = trendSeries(rows, (k) => `country ${k}`, 'Other');
  assert.deepEqual(periods, ['2026-01', '2026-02', '2026-03']);
  assert.deepEqual(
    series.map((s) => [s.id, s.label, s.values]),
    [
      ['TZA', 'country TZA', [0, 0, 5]],
      ['KEN', 'country KEN', [2, 0, 1]],
    ],
  );
  // Eight countries: five lines of their own and one "other" line holding the three smallest.
  const many = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((k, i) => ({ period: '2026', key: k, count: 10 - i }));
  const lines = trendSeries(many, (k) => k, 'Other').series;
  assert.equal(lines.length, SERIES_STYLES.length);
  assert.deepEqual(lines.at(-1), { id: 'other', label: 'Other', values: [3 + 4 + 5] });
  assert.deepEqual(trendSeries([], (k) => k, 'Other'), { periods: [], series: [] });
});
