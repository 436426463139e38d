// ICCS statistics of the registries (/statistics, issue 14 part 6): counts of seizures, maritime
// incidents and cooperation requests per period, country and ICCS category, from the rollup the
// job queue refreshes (its time shown). A bar chart (drawn as SVG like the request statistics:
// each source has its own hatching pattern and every bar its number written beside it, so colour
// is never needed), the same figures as a table, and the CSV and SDMX-CSV exports. Right-to-left
// pages get a mirrored chart.
import { type FormEvent, useState } from 'react';
import { ErrorAlert, Field, Loading, SelectField } from '../components/ui.tsx';
import { directionOf } from '../i18n/languages.ts';
import { useT } from '../i18n/use-t.tsx';
import { STATISTICS_SOURCES, type StatisticsFilter, type StatisticsView, registryAnalysisApi } from '../registry-analysis.ts';
import { useAsync } from '../use-async.ts';
import { CountsTable, ReceivedStatistics, ShareStatistics } from './statistics-shares.tsx';

const WIDTH = 720;
const LABEL = 90;
const BAR = 14;
const GROUP = STATISTICS_SOURCES.length * BAR + 14;
const PATTERNS: Record<(typeof STATISTICS_SOURCES)[number], { fill: string; path: string }> = {
  seizure: { fill: '#1f6feb', path: 'M0,6 L6,0' },
  incident: { fill: '#9a6700', path: 'M0,0 L6,6' },
  request: { fill: '#0a7f6f', path: 'M3,0 L3,6' },
};

function StatisticsChart({ totals }: { totals: StatisticsView['totals'] }) {
  const { ts, lng } = useT();
  const rtl = directionOf(lng) === 'rtl';
  const n = new Intl.NumberFormat(lng);
  const max = Math.max(1, ...totals.flatMap((p) => STATISTICS_SOURCES.map((s) => p[s])));
  // Room beside the longest bar for its words and number.
  const plot = WIDTH - LABEL - 180;
  const height = totals.length * GROUP + 10;
  const x = (left: number, w: number) => (rtl ? WIDTH - left - w : left);
  return (
    <figure className="chart" data-testid="statistics-chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby="stats-chart-title" className="chart-svg" preserveAspectRatio="xMinYMin meet">
        <title id="stats-chart-title">{ts('registry.statistics.chart')}</title>
        <defs>
          {STATISTICS_SOURCES.map((s) => (
            <pattern key={s} id={`hatch-${s}`} width="6" height="6" patternUnits="userSpaceOnUse">
              <rect width="6" height="6" fill={PATTERNS[s].fill} opacity="0.35" />
              <path d={PATTERNS[s].path} stroke={PATTERNS[s].fill} strokeWidth="2" />
            </pattern>
          ))}
        </defs>
        {totals.map((p, i) => (
          <g key={p.period}>
            <text x={rtl ? WIDTH - 8 : 8} y={i * GROUP + BAR * 2} className="chart-label" direction={rtl ? 'rtl' : 'ltr'}>
              {p.period}
            </text>
            {STATISTICS_SOURCES.map((s, j) => {
              const w = (p[s] / max) * plot;
              const y = i * GROUP + j * BAR + 4;
              const label = `${ts(`registry.statistics.source.${s}`)} ${n.format(p[s])}`;
              return (
                <g key={s}>
                  <rect x={x(LABEL, Math.max(w, 1))} y={y} width={Math.max(w, 1)} height={BAR - 2} fill={`url(#hatch-${s})`} stroke={PATTERNS[s].fill} />
                  <text x={rtl ? WIDTH - LABEL - w - 4 : LABEL + w + 4} y={y + BAR - 4} className="chart-value" textAnchor="start" direction={rtl ? 'rtl' : 'ltr'}>
                    {label}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </figure>
  );
}

export function RegistryStatisticsPage() {
  const { t, ts, lng } = useT();
  const [form, setForm] = useState<StatisticsFilter>({ period: 'year', source: '', country: '', from: '', to: '' });
  const [applied, setApplied] = useState(form);
  const clean = (f: StatisticsFilter): StatisticsFilter => ({ period: f.period, source: f.source || undefined, country: f.country?.toUpperCase() || undefined, from: f.from || undefined, to: f.to || undefined });
  const stats = useAsync(() => registryAnalysisApi.statistics(clean(applied)), [applied.period, applied.source, applied.country, applied.from, applied.to]);
  function apply(event: FormEvent) {
    event.preventDefault();
    setApplied(form);
  }
  const data = stats.data;
  return (
    <>
      <h1>{t('registry.statistics.title')}</h1>
      <p className="lead">{t('registry.statistics.intro')}</p>
      <section className="panel" aria-labelledby="registry-stats-filters">
        <h2 id="registry-stats-filters">{t('registry.statistics.filters')}</h2>
        <form className="form grid" onSubmit={apply}>
          <SelectField
            id="registry-stats-period"
            label={t('registry.statistics.period')}
            value={form.period}
            onChange={(e) => setForm({ ...form, period: e.target.value as StatisticsFilter['period'] })}
            options={(['month', 'quarter', 'year'] as const).map((p) => ({ value: p, label: ts(`registry.statistics.per.${p}`) }))}
          />
          <SelectField
            id="registry-stats-source"
            label={t('registry.statistics.sourceLabel')}
            value={form.source ?? ''}
            onChange={(e) => setForm({ ...form, source: e.target.value })}
            options={[{ value: '', label: ts('common.any') }, ...STATISTICS_SOURCES.map((s) => ({ value: s, label: ts(`registry.statistics.source.${s}`) }))]}
          />
          <Field id="registry-stats-country" label={t('registry.statistics.country')} value={form.country ?? ''} maxLength={3} onChange={(e) => setForm({ ...form, country: e.target.value })} />
          <Field id="registry-stats-from" type="month" label={t('registry.statistics.from')} value={form.from ?? ''} onChange={(e) => setForm({ ...form, from: e.target.value })} />
          <Field id="registry-stats-to" type="month" label={t('registry.statistics.to')} value={form.to ?? ''} onChange={(e) => setForm({ ...form, to: e.target.value })} />
          <div className="actions">
            <button type="submit">{t('registry.statistics.apply')}</button>
          </div>
        </form>
      </section>
      {stats.error ? <ErrorAlert error={stats.error} /> : null}
      {stats.loading && !data ? <Loading /> : null}
      {data ? (
        <section className="panel" aria-labelledby="registry-stats-results">
          <h2 id="registry-stats-results">{t('registry.statistics.results')}</h2>
          <p className="muted" data-testid="statistics-refreshed">
            {data.refreshedAt
              ? t('registry.statistics.refreshed', { time: new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(data.refreshedAt)) })
              : t('registry.statistics.notYet')}
          </p>
          <p>
            <a href={registryAnalysisApi.exportUrl(clean(applied), 'csv')} download>
              {t('registry.statistics.csv')}
            </a>{' '}
            ·{' '}
            <a href={registryAnalysisApi.exportUrl(clean(applied), 'sdmx-csv')} download>
              {t('registry.statistics.sdmx')}
            </a>
          </p>
          {data.totals.length === 0 ? <p>{t('registry.statistics.empty')}</p> : <StatisticsChart totals={data.totals} />}
          {data.rows.length ? (
            <CountsTable rows={data.rows} caption={t('registry.statistics.tableCaption')} testId="statistics-table" />
          ) : null}
        </section>
      ) : null}
      <ReceivedStatistics />
      <ShareStatistics />
    </>
  );
}
