// The request statistics' charts, drawn by the one chart component (components/chart.tsx): requests
// by state per counterpart State and type as stacked bars, and days to acknowledge and to execute
// (median and 90th percentile) as grouped bars. Each series has its own hatching; right-to-left
// pages get mirrored charts. The page's table carries the same figures and more.
import { directionOf } from '../i18n/languages.ts';
import { useT } from '../i18n/use-t.tsx';
import type { RequestState, StatisticsGroup } from '../requests.ts';
import { ChartView } from './chart.tsx';

/** States drawn together so that a bar stays readable; the table lists every state. */
export const STATE_BUCKETS: readonly { id: string; states: readonly RequestState[] }[] = [
  { id: 'preparing', states: ['draft', 'awaiting-approval', 'approved'] },
  { id: 'open', states: ['transmitted', 'received', 'under-execution', 'more-information-requested', 'partially-executed', 'postponed'] },
  { id: 'executed', states: ['executed'] },
  { id: 'refused', states: ['refused'] },
  { id: 'withdrawn', states: ['withdrawn'] },
];

export function StateChart({ groups, rowLabel }: { groups: readonly StatisticsGroup[]; rowLabel: (g: StatisticsGroup) => string }) {
  const { ts, lng } = useT();
  return (
    <ChartView
      testId="state-chart"
      title={ts('requests.stats.stateChart')}
      spec={{
        kind: 'bar',
        horizontal: true,
        stacked: true,
        categories: groups.map(rowLabel),
        series: STATE_BUCKETS.map((b) => ({ id: b.id, label: ts(`requests.bucket.${b.id}`), values: groups.map((g) => b.states.reduce((sum, s) => sum + (g.byState[s] ?? 0), 0)) })),
        categoryTitle: ts('requests.stats.groupAxis'),
        valueTitle: ts('requests.stats.total'),
        lng,
        rtl: directionOf(lng) === 'rtl',
      }}
    />
  );
}

export function DurationChart({ groups, rowLabel }: { groups: readonly StatisticsGroup[]; rowLabel: (g: StatisticsGroup) => string }) {
  const { t, ts, lng } = useT();
  const rows = groups.filter((g) => g.acknowledge.count > 0 || g.execute.count > 0);
  if (rows.length === 0) return <p className="muted">{t('requests.stats.noDurations')}</p>;
  const series = [
    { id: 'acknowledge-median', label: ts('requests.stats.series.acknowledgeMedian'), values: rows.map((g) => g.acknowledge.medianDays) },
    { id: 'acknowledge-p90', label: ts('requests.stats.series.acknowledgeP90'), values: rows.map((g) => g.acknowledge.p90Days) },
    { id: 'execute-median', label: ts('requests.stats.series.executeMedian'), values: rows.map((g) => g.execute.medianDays) },
    { id: 'execute-p90', label: ts('requests.stats.series.executeP90'), values: rows.map((g) => g.execute.p90Days) },
  ];
  return (
    <ChartView
      testId="duration-chart"
      title={ts('requests.stats.durationChart')}
      spec={{
        kind: 'bar',
        horizontal: true,
        categories: rows.map(rowLabel),
        series,
        categoryTitle: ts('requests.stats.groupAxis'),
        valueTitle: ts('requests.stats.days'),
        lng,
        rtl: directionOf(lng) === 'rtl',
      }}
    />
  );
}
