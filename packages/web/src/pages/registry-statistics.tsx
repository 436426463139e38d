// ICCS statistics of the registries (/statistics, issue 14 part 6): counts of seizures, maritime
// incidents and cooperation requests per period, country and ICCS category, from the rollup the
// job queue refreshes (its time shown). A trend chart (components/chart.tsx: one line per kind of
// record, country or ICCS category, each with its own dash and point shape, so colour is never
// needed; mirrored for right-to-left languages), the same figures as a table, and the CSV and
// SDMX-CSV exports.
import { type FormEvent, useState } from 'react';
import { ChartView } from '../components/chart.tsx';
import { type CountRow, formatPeriod, trendSeries } from '../components/chart-config.ts';
import { ErrorAlert, Field, Loading, SelectField } from '../components/ui.tsx';
import { directionOf } from '../i18n/languages.ts';
import { useT } from '../i18n/use-t.tsx';
import { countryName, loadCountries } from '../knowledge.ts';
import { STATISTICS_SOURCES, type StatisticsFilter, type StatisticsView, registryAnalysisApi } from '../registry-analysis.ts';
import { useAsync } from '../use-async.ts';
import { CountsTable, ReceivedStatistics, ShareStatistics } from './statistics-shares.tsx';

/** What one line of the trend chart stands for. */
export const TREND_BY = ['source', 'country', 'iccs'] as const;
export type TrendBy = (typeof TREND_BY)[number];

function StatisticsChart({ data, by }: { data: StatisticsView; by: TrendBy }) {
  const { ts, lng } = useT();
  const countries = useAsync(() => loadCountries(), []);
  const byCode = new Map((countries.data ?? []).map((c) => [c.code, c]));
  const titles = new Map(data.rows.map((r) => [r.iccsCode, r.iccsTitle]));
  const rows: CountRow[] =
    by === 'source'
      ? data.totals.flatMap((p) => STATISTICS_SOURCES.map((s) => ({ period: p.period, key: s, count: p[s] })))
      : data.rows.map((r) => ({ period: r.period, key: by === 'country' ? r.country : r.iccsCode, count: r.count }));
  const label = (key: string): string => {
    if (by === 'source') return ts(`registry.statistics.source.${key}`);
    if (key === '_X') return ts('registry.statistics.unspecified');
    if (by === 'country') return countryName(byCode.get(key), lng, key);
    const title = titles.get(key);
    return title ? `${key} ${title}` : key;
  };
  const { periods, series } = trendSeries(rows, label, ts('chart.other'));
  // By kind of record, all three lines are drawn even when one stays at zero (the zero is the news).
  const shown = by === 'source' ? series : series.filter((s) => s.values.some((v) => (v ?? 0) > 0));
  return (
    <ChartView
      testId="statistics-chart"
      title={ts('registry.statistics.chart', { by: ts(`registry.statistics.by.${by}`) })}
      spec={{
        kind: 'line',
        categories: periods.map((p) => formatPeriod(p, lng, (quarter, year) => ts('chart.quarter', { quarter, year }))),
        series: shown,
        categoryTitle: ts('registry.statistics.periodCol'),
        valueTitle: ts('registry.statistics.count'),
        lng,
        rtl: directionOf(lng) === 'rtl',
      }}
    />
  );
}

export function RegistryStatisticsPage() {
  const { t, ts, lng } = useT();
  const [form, setForm] = useState<StatisticsFilter>({ period: 'year', source: '', country: '', from: '', to: '' });
  const [applied, setApplied] = useState(form);
  const [by, setBy] = useState<TrendBy>('source');
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
          {data.totals.length === 0 ? (
            <p>{t('registry.statistics.empty')}</p>
          ) : (
            <>
              <div className="chart-controls">
                <SelectField
                id="registry-stats-by"
                label={t('registry.statistics.linesBy')}
                value={by}
                onChange={(e) => setBy(e.target.value as TrendBy)}
                options={TREND_BY.map((b) => ({ value: b, label: ts(`registry.statistics.by.${b}`) }))}
              />
              </div>
              <StatisticsChart data={data} by={by} />
            </>
          )}
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
