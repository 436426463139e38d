// The one chart component of the UI: a spec (components/chart-config.ts) drawn with Chart.js on a
// canvas, with a spoken summary on the canvas (role="img") and the same figures as a table under
// it. Chart.js is loaded on demand; if it cannot be, the table still gives every figure.
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/use-t.tsx';
import { type ChartSpec, type ChartTheme, DEFAULT_THEME, LEGEND_SAMPLE_WIDTH, type SeriesStyle, chartConfig, highest, seriesStyles, styleOf } from './chart-config.ts';

/** The page's own colours and font, so the chart reads like the text around it. */
function pageTheme(): ChartTheme {
  const root = getComputedStyle(document.documentElement);
  const body = getComputedStyle(document.body);
  const v = (name: string, fallback: string) => root.getPropertyValue(name).trim() || fallback;
  return { ink: v('--ink', DEFAULT_THEME.ink), muted: v('--muted', DEFAULT_THEME.muted), grid: v('--line', DEFAULT_THEME.grid), font: body.fontFamily || DEFAULT_THEME.font };
}

/** A bar's hatching as a canvas pattern: a light wash of the colour under lines of the colour. */
function hatchPattern(style: SeriesStyle): string | CanvasPattern {
  const size = 10;
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const ctx = tile.getContext('2d');
  if (!ctx) return `${style.colour}59`;
  ctx.fillStyle = `${style.colour}40`;
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = style.colour;
  ctx.fillStyle = style.colour;
  ctx.lineWidth = 2;
  ctx.beginPath();
  switch (style.hatch) {
    case 'solid':
      ctx.fillStyle = `${style.colour}cc`;
      ctx.fillRect(0, 0, size, size);
      break;
    case 'forward':
      ctx.moveTo(0, size);
      ctx.lineTo(size, 0);
      ctx.moveTo(-size / 2, size / 2);
      ctx.lineTo(size / 2, -size / 2);
      ctx.moveTo(size / 2, size * 1.5);
      ctx.lineTo(size * 1.5, size / 2);
      break;
    case 'backward':
      ctx.moveTo(0, 0);
      ctx.lineTo(size, size);
      ctx.moveTo(size / 2, -size / 2);
      ctx.lineTo(size * 1.5, size / 2);
      ctx.moveTo(-size / 2, size / 2);
      ctx.lineTo(size / 2, size * 1.5);
      break;
    case 'vertical':
      ctx.moveTo(size / 2, 0);
      ctx.lineTo(size / 2, size);
      break;
    case 'cross':
      ctx.moveTo(0, size / 2);
      ctx.lineTo(size, size / 2);
      ctx.moveTo(size / 2, 0);
      ctx.lineTo(size / 2, size);
      break;
    case 'dots':
      ctx.arc(size / 2, size / 2, 1.8, 0, Math.PI * 2);
      ctx.fill();
      break;
  }
  ctx.stroke();
  return ctx.createPattern(tile, 'repeat') ?? `${style.colour}59`;
}

type DrawPoint = (ctx: CanvasRenderingContext2D, options: { pointStyle: SeriesStyle['point']; radius: number; borderWidth: number; rotation: number }, x: number, y: number) => void;

/** A line's sample for the legend: its dash with its point shape in the middle (Chart.js draws only one of them). */
function lineSample(style: SeriesStyle, drawPoint: DrawPoint): HTMLCanvasElement | null {
  const sample = document.createElement('canvas');
  sample.width = LEGEND_SAMPLE_WIDTH;
  sample.height = 14;
  const ctx = sample.getContext('2d');
  if (!ctx) return null;
  ctx.strokeStyle = style.colour;
  ctx.lineWidth = 2;
  ctx.setLineDash(style.dash);
  ctx.beginPath();
  ctx.moveTo(0, 7);
  ctx.lineTo(LEGEND_SAMPLE_WIDTH, 7);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = '#ffffff';
  drawPoint(ctx, { pointStyle: style.point, radius: 4.5, borderWidth: 2, rotation: 0 }, LEGEND_SAMPLE_WIDTH / 2, 7);
  return sample;
}

export function ChartView({ spec, title, testId, height }: { spec: ChartSpec; title: string; testId?: string; height?: number }) {
  const { t, ts } = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  const number = new Intl.NumberFormat(spec.lng, { maximumFractionDigits: 1 });
  // Redraw when what is drawn changes, not on every render of the page.
  const key = JSON.stringify(spec);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the spec's content.
  useEffect(() => {
    let destroyed = false;
    let chart: { destroy(): void } | undefined;
    void import('./chart-lib.ts')
      .then(({ Chart, drawPoint }) => {
        if (destroyed || !canvas.current) return;
        const config = chartConfig(spec, pageTheme(), hatchPattern);
        if (spec.kind === 'line') {
          const samples = spec.series.map((_, i) => lineSample(styleOf(i), drawPoint as DrawPoint));
          const base = Chart.defaults.plugins.legend.labels.generateLabels;
          // biome-ignore lint/suspicious/noExplicitAny: the legend options of a configuration typed for two chart kinds.
          (config.options as any).plugins.legend.labels.generateLabels = (c: Parameters<typeof base>[0]) =>
            base(c).map((item) => ({ ...item, pointStyle: samples[item.datasetIndex ?? -1] ?? item.pointStyle }));
        }
        chart = new Chart(canvas.current, config as never);
      })
      .catch(() => setFailed(true));
    return () => {
      destroyed = true;
      chart?.destroy();
    };
  }, [key]);

  const top = highest(spec);
  const list = new Intl.ListFormat(spec.lng, { type: 'conjunction' }).format(spec.series.map((s) => s.label));
  const summary = ts('chart.summary', {
    title,
    series: list,
    points: new Intl.NumberFormat(spec.lng).format(spec.categories.length),
    max: top ? number.format(top.value) : '—',
    where: top ? `${top.series}, ${top.category}` : '—',
  });
  // Room for the rows of horizontal bars, and for a legend that wraps onto several lines on a phone.
  const legendRoom = 40 + 12 * spec.series.length;
  const boxHeight = height ?? (spec.horizontal ? Math.max(200, spec.categories.length * (spec.stacked ? 30 : 16 * spec.series.length + 12) + 70 + legendRoom) : 320);
  const value = (v: number | null | undefined) => (v === null || v === undefined ? '—' : number.format(v));
  return (
    <figure className="chart" data-testid={testId} data-kind={spec.kind} data-series={spec.series.length} data-rtl={String(spec.rtl)} data-styles={JSON.stringify(seriesStyles(spec))}>
      <figcaption className="chart-title">{title}</figcaption>
      <div className="chart-box" style={{ height: `${boxHeight}px` }}>
        <canvas ref={canvas} role="img" aria-label={summary}>
          {summary}
        </canvas>
      </div>
      {failed ? <p className="muted">{t('chart.failed')}</p> : null}
      <details className="chart-figures">
        <summary className="chart-figures-toggle">{t('chart.figures')}</summary>
        <div className="table-scroll">
          <table className="stats-table" data-testid={testId ? `${testId}-table` : undefined}>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{spec.categoryTitle}</th>
                {spec.series.map((s) => (
                  <th scope="col" key={s.id} data-series-id={s.id}>
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {spec.categories.map((c, i) => (
                // Categories may repeat in words (two groups of one State); the position keeps rows apart.
                // biome-ignore lint/suspicious/noArrayIndexKey: the row is the category at this position.
                <tr key={`${i}-${c}`}>
                  <th scope="row">{c}</th>
                  {spec.series.map((s) => (
                    <td key={s.id}>{value(s.values[i])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
