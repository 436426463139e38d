// Statistics per counterpart State and request type (/requests/statistics): how many requests are in
// which state, how long the counterpart takes to acknowledge and to execute (median, 90th
// percentile), on which grounds it refuses, and how many are overdue — charts and the same figures
// as a table.
import { type FormEvent, useState } from 'react';
import { DurationChart, StateChart } from '../components/request-chart.tsx';
import { ErrorAlert, Field, Loading, SelectField } from '../components/ui.tsx';
import { useServerText } from '../i18n/server-text.tsx';
import { useT } from '../i18n/use-t.tsx';
import { countryName, loadCountries } from '../knowledge.ts';
import { REQUEST_STATES, REQUEST_TYPES, type StatisticsFilter, type StatisticsGroup, requestsApi } from '../requests.ts';
import { useAsync } from '../use-async.ts';

export function RequestStatisticsPage() {
  const { t, ts, lng, label } = useT();
  const server = useServerText();
  const countries = useAsync(() => loadCountries(), []);
  const [form, setForm] = useState<Required<StatisticsFilter>>({ side: 'requesting', type: '', from: '', to: '' });
  const [applied, setApplied] = useState(form);
  const stats = useAsync(
    () => requestsApi.statistics({ side: applied.side, type: applied.type || undefined, from: applied.from || undefined, to: applied.to || undefined }),
    [applied.side, applied.type, applied.from, applied.to],
  );
  const byCode = new Map((countries.data ?? []).map((c) => [c.code, c]));
  const rowLabel = (g: StatisticsGroup) => `${countryName(byCode.get(g.counterpartState), lng, g.counterpartState)} · ${ts(`requests.typeShort.${g.type}`)}`;
  const days = (n: number | null) => (n === null ? '—' : new Intl.NumberFormat(lng, { maximumFractionDigits: 1 }).format(n));

  function apply(event: FormEvent) {
    event.preventDefault();
    setApplied(form);
  }

  const data = stats.data;
  return (
    <>
      <h1>{t('requests.stats.title')}</h1>
      <p className="lead">{t('requests.stats.intro')}</p>
      <section className="panel" aria-labelledby="stats-filters">
        <h2 id="stats-filters">{t('requests.list.filters')}</h2>
        <form className="form grid" onSubmit={apply}>
          <SelectField
            id="stats-side"
            label={t('requests.list.direction')}
            value={form.side}
            onChange={(e) => setForm({ ...form, side: e.target.value })}
            options={[
              { value: 'requesting', label: ts('requests.stats.outgoing') },
              { value: 'requested', label: ts('requests.stats.incoming') },
            ]}
          />
          <SelectField
            id="stats-type"
            label={t('requests.field.type')}
            value={form.type}
            onChange={(e) => setForm({ ...form, type: e.target.value })}
            options={[{ value: '', label: ts('common.any') }, ...REQUEST_TYPES.map((v) => ({ value: v, label: ts(`requests.type.${v}`) }))]}
          />
          <Field id="stats-from" type="date" label={t('requests.stats.from')} value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
          <Field id="stats-to" type="date" label={t('requests.stats.to')} value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
          <div className="actions">
            <button type="submit" className="primary">
              {t('common.apply')}
            </button>
          </div>
        </form>
      </section>
      {stats.loading && !data ? <Loading /> : null}
      <ErrorAlert error={stats.error} />
      {data ? (
        <>
          <dl className="facts totals" aria-label={ts('requests.stats.totals')}>
            <dt>{t('requests.stats.total')}</dt>
            <dd>{data.totals.total}</dd>
            <dt>{t('requests.stats.acknowledge')}</dt>
            <dd>{t('requests.stats.medianP90', { median: days(data.totals.acknowledge.medianDays), p90: days(data.totals.acknowledge.p90Days), count: data.totals.acknowledge.count })}</dd>
            <dt>{t('requests.stats.execute')}</dt>
            <dd>{t('requests.stats.medianP90', { median: days(data.totals.execute.medianDays), p90: days(data.totals.execute.p90Days), count: data.totals.execute.count })}</dd>
            <dt>{t('requests.stats.overdue')}</dt>
            <dd>{data.totals.overdue}</dd>
          </dl>
          {data.groups.length === 0 ? (
            <p>{t('requests.stats.none')}</p>
          ) : (
            <>
              <section aria-labelledby="stats-state-title">
                <h2 id="stats-state-title">{t('requests.stats.byState')}</h2>
                <StateChart groups={data.groups} rowLabel={rowLabel} />
              </section>
              <section aria-labelledby="stats-duration-title">
                <h2 id="stats-duration-title">{t('requests.stats.durations')}</h2>
                <DurationChart groups={data.groups} rowLabel={rowLabel} />
              </section>
              <section aria-labelledby="stats-table-title">
                <h2 id="stats-table-title">{t('requests.stats.table')}</h2>
                <div className="table-scroll">
                  <table className="stats-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('requests.list.counterpart')}</th>
                        <th scope="col">{t('requests.field.type')}</th>
                        <th scope="col">{t('requests.stats.total')}</th>
                        <th scope="col">{t('requests.stats.byState')}</th>
                        <th scope="col">{t('requests.stats.acknowledge')}</th>
                        <th scope="col">{t('requests.stats.execute')}</th>
                        <th scope="col">{t('requests.stats.refusals')}</th>
                        <th scope="col">{t('requests.stats.overdue')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.groups.map((g) => (
                        <tr key={`${g.counterpartState}-${g.type}`}>
                          <th scope="row">
                            {countryName(byCode.get(g.counterpartState), lng, g.counterpartState)} <span className="code">{g.counterpartState}</span>
                          </th>
                          <td>{ts(`requests.type.${g.type}`)}</td>
                          <td>{g.total}</td>
                          <td>
                            <ul className="compact">
                              {REQUEST_STATES.filter((s) => (g.byState[s] ?? 0) > 0).map((s) => (
                                <li key={s}>
                                  {ts(`requests.state.${s}`)}: {g.byState[s]}
                                </li>
                              ))}
                            </ul>
                          </td>
                          <td>{t('requests.stats.medianP90', { median: days(g.acknowledge.medianDays), p90: days(g.acknowledge.p90Days), count: g.acknowledge.count })}</td>
                          <td>{t('requests.stats.medianP90', { median: days(g.execute.medianDays), p90: days(g.execute.p90Days), count: g.execute.count })}</td>
                          <td>
                            {g.refusalGrounds.length === 0 ? (
                              '—'
                            ) : (
                              <ul className="compact">
                                {g.refusalGrounds.map((r) => (
                                  <li key={r.ground}>
                                    {label('requests.refusalGround', r.ground)} {r.citation ? <cite className="citation">{server.citation(r.citation)}</cite> : null}: {r.count}
                                  </li>
                                ))}
                              </ul>
                            )}
                          </td>
                          <td>{g.overdue}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            </>
          )}
        </>
      ) : null}
    </>
  );
}
