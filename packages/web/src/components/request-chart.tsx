// Hand-drawn SVG charts for the request statistics (no chart library): requests by state per
// counterpart State and type as stacked bars, and days to acknowledge and execute (median bar, 90th
// percentile tick). Right-to-left pages get mirrored charts. The tables beside them carry the same
// figures for screen readers.
import { directionOf } from '../i18n/languages.ts';
import { useT } from '../i18n/use-t.tsx';
import type { RequestState, StatisticsGroup } from '../requests.ts';

/** States drawn together so that a bar stays readable; the table lists every state. */
export const STATE_BUCKETS: readonly { id: string; states: readonly RequestState[] }[] = [
  { id: 'preparing', states: ['draft', 'awaiting-approval', 'approved'] },
  { id: 'open', states: ['transmitted', 'received', 'under-execution', 'more-information-requested', 'partially-executed', 'postponed'] },
  { id: 'executed', states: ['executed'] },
  { id: 'refused', states: ['refused'] },
  { id: 'withdrawn', states: ['withdrawn'] },
];

const LABEL_WIDTH = 230;
const ROW = 30;
const BAR = 18;
const WIDTH = 720;

// The language decides the direction (the document's dir attribute is updated only after the
// language change has re-rendered the page).
function useRtl(): boolean {
  return directionOf(useT().lng) === 'rtl';
}

function useMirror(): (x: number, w: number) => number {
  const rtl = useRtl();
  return (x, w) => (rtl ? WIDTH - x - w : x);
}

export function StateChart({ groups, rowLabel }: { groups: readonly StatisticsGroup[]; rowLabel: (g: StatisticsGroup) => string }) {
  const { t, ts } = useT();
  const mirror = useMirror();
  const rtl = useRtl();
  const max = Math.max(1, ...groups.map((g) => g.total));
  const plot = WIDTH - LABEL_WIDTH - 50;
  const height = groups.length * ROW + 50;
  const scale = (n: number) => (n / max) * plot;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-labelledby="state-chart-title state-chart-desc"
        className="chart-svg"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id="state-chart-title">{ts('requests.stats.stateChart')}</title>
        <desc id="state-chart-desc">{ts('requests.stats.stateChartDesc')}</desc>
        {groups.map((g, i) => {
          const y = i * ROW + 6;
          let x = LABEL_WIDTH;
          return (
            <g key={`${g.counterpartState}-${g.type}`}>
              <text x={rtl ? WIDTH - 8 : 8} y={y + BAR - 4} className="chart-label" textAnchor="start" direction={rtl ? 'rtl' : 'ltr'}>
                {clip(rowLabel(g))}
              </text>
              {STATE_BUCKETS.map((b) => {
                const n = b.states.reduce((sum, s) => sum + (g.byState[s] ?? 0), 0);
                if (n === 0) return null;
                const w = scale(n);
                const rect = (
                  <rect key={b.id} x={mirror(x, w)} y={y} width={w} height={BAR} className={`bucket-${b.id}`}>
                    <title>{`${rowLabel(g)} — ${ts(`requests.bucket.${b.id}`)}: ${n}`}</title>
                  </rect>
                );
                x += w;
                return rect;
              })}
              <text x={mirror(x + 6, 0)} y={y + BAR - 4} className="chart-value" textAnchor={rtl ? 'end' : 'start'}>
                {g.total}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="legend">
          {STATE_BUCKETS.map((b) => (
            <li key={b.id}>
              <svg width="14" height="14" aria-hidden="true" focusable="false">
                <rect width="14" height="14" className={`bucket-${b.id}`} />
              </svg>{' '}
              {t(`requests.bucket.${b.id}`)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

export function DurationChart({ groups, rowLabel }: { groups: readonly StatisticsGroup[]; rowLabel: (g: StatisticsGroup) => string }) {
  const { t, ts } = useT();
  const mirror = useMirror();
  const rtl = useRtl();
  const rows = groups.filter((g) => g.acknowledge.count > 0 || g.execute.count > 0);
  if (rows.length === 0) return <p className="muted">{t('requests.stats.noDurations')}</p>;
  const max = Math.max(1, ...rows.flatMap((g) => [g.acknowledge.p90Days ?? 0, g.execute.p90Days ?? 0, g.acknowledge.medianDays ?? 0, g.execute.medianDays ?? 0]));
  const plot = WIDTH - LABEL_WIDTH - 60;
  const scale = (n: number) => (n / max) * plot;
  const rowHeight = 2 * BAR - 4 + 14;
  const height = rows.length * rowHeight + 40;
  const ticks = niceTicks(max);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby="duration-chart-title duration-chart-desc" className="chart-svg">
        <title id="duration-chart-title">{ts('requests.stats.durationChart')}</title>
        <desc id="duration-chart-desc">{ts('requests.stats.durationChartDesc')}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={mirror(LABEL_WIDTH + scale(tick), 0)} x2={mirror(LABEL_WIDTH + scale(tick), 0)} y1={0} y2={height - 24} className="chart-grid" />
            <text x={mirror(LABEL_WIDTH + scale(tick), 0)} y={height - 8} className="chart-axis" textAnchor="middle">
              {tick}
            </text>
          </g>
        ))}
        {rows.map((g, i) => {
          const y = i * rowHeight + 4;
          const series = [
            { id: 'acknowledge', d: g.acknowledge, y },
            { id: 'execute', d: g.execute, y: y + BAR - 4 },
          ] as const;
          return (
            <g key={`${g.counterpartState}-${g.type}`}>
              <text x={rtl ? WIDTH - 8 : 8} y={y + BAR} className="chart-label" textAnchor="start" direction={rtl ? 'rtl' : 'ltr'}>
                {clip(rowLabel(g))}
              </text>
              {series.map((s) =>
                s.d.medianDays === null ? null : (
                  <g key={s.id}>
                    <rect x={mirror(LABEL_WIDTH, scale(s.d.medianDays))} y={s.y} width={Math.max(1, scale(s.d.medianDays))} height={BAR - 6} className={`series-${s.id}`}>
                      <title>{`${rowLabel(g)} — ${ts(`requests.stats.${s.id}`)}: ${ts('requests.stats.medianP90', { median: s.d.medianDays, p90: s.d.p90Days ?? '—', count: s.d.count })}`}</title>
                    </rect>
                    {s.d.p90Days !== null ? (
                      <line
                        x1={mirror(LABEL_WIDTH + scale(s.d.p90Days), 0)}
                        x2={mirror(LABEL_WIDTH + scale(s.d.p90Days), 0)}
                        y1={s.y - 2}
                        y2={s.y + BAR - 4}
                        className={`p90 series-${s.id}`}
                      />
                    ) : null}
                  </g>
                ),
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="legend">
          {(['acknowledge', 'execute'] as const).map((s) => (
            <li key={s}>
              <svg width="14" height="14" aria-hidden="true" focusable="false">
                <rect width="14" height="14" className={`series-${s}`} />
              </svg>{' '}
              {t(`requests.stats.${s}`)}
            </li>
          ))}
          <li>{t('requests.stats.p90Legend')}</li>
        </ul>
      </figcaption>
    </figure>
  );
}

/** Row labels must fit the label column; the full label is in the table and the bar's tooltip. */
function clip(text: string): string {
  return text.length > 32 ? `${text.slice(0, 31)}…` : text;
}

/** Round axis marks (1, 2, 5 × 10^n) for a maximum number of days. */
export function niceTicks(max: number): number[] {
  const raw = max / 5;
  const pow = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? pow * 10;
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) out.push(Math.round(v * 100) / 100);
  return out;
}
