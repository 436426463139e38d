// The instruments in the shipped knowledge, and one instrument with its articles and parties.
import { useMemo, useState } from 'react';
import { api, type InstrumentDetail, type Participation } from '../api.ts';
import { ErrorAlert, Field, formatDate, Loading, SelectField } from '../components/ui.tsx';
import { useT } from '../i18n/use-t.tsx';
import { countryName, loadCountries, loadInstrument } from '../knowledge.ts';
import { Link } from '../router.tsx';
import { useAsync } from '../use-async.ts';
import { ArticleCitation } from './legal-basis.tsx';

export function InstrumentsPage() {
  const { t, label, lng } = useT();
  const list = useAsync(() => api.instruments(), []);
  return (
    <>
      <h1>{t('instruments.title')}</h1>
      {list.loading ? <Loading /> : null}
      <ErrorAlert error={list.error} />
      {list.data ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('instruments.name')}</th>
                <th scope="col">{t('instruments.kind')}</th>
                <th scope="col">{t('instruments.adopted')}</th>
                <th scope="col">{t('instruments.inForce')}</th>
                <th scope="col">{t('instruments.depositary')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((i) => (
                <tr key={i.id}>
                  <td>
                    <Link to={`/instruments/${encodeURIComponent(i.id)}`}>{i.titles[lng] ?? i.title}</Link>{' '}
                    <span className="code">{i.short || i.id}</span>
                    {i.contextOnly ? <span className="flag">{t('instruments.contextOnly')}</span> : null}
                  </td>
                  <td>{label('instrumentKind', i.kind)}</td>
                  <td>{formatDate(i.adopted, lng)}</td>
                  <td>{formatDate(i.entryIntoForce, lng)}</td>
                  <td>{i.depositary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

export function InstrumentPage({ id }: { id: string }) {
  const { t, label, lng } = useT();
  const detail = useAsync(() => loadInstrument(id), [id]);
  const countries = useAsync(() => loadCountries(), []);
  const d = detail.data;
  return (
    <>
      {detail.loading ? <Loading /> : null}
      <ErrorAlert error={detail.error} />
      {d ? (
        <>
          <h1>
            {d.titles[lng] ?? d.title} <span className="code">{d.short || d.id}</span>
          </h1>
          <dl className="facts">
            <dt>{t('instruments.kind')}</dt>
            <dd>{label('instrumentKind', d.kind)}</dd>
            <dt>{t('instruments.adopted')}</dt>
            <dd>{formatDate(d.adopted, lng)}</dd>
            <dt>{t('instruments.inForce')}</dt>
            <dd>{formatDate(d.entryIntoForce, lng)}</dd>
            <dt>{t('instruments.depositary')}</dt>
            <dd>{d.depositary}</dd>
          </dl>
          {d.contextOnly ? <p className="flag">{t('instruments.contextOnly')}</p> : null}
          <section aria-labelledby="articles-title">
            <h2 id="articles-title">{t('instrument.articles')}</h2>
            {d.articles.length === 0 ? <p>{t('instrument.noArticles')}</p> : null}
            <ul className="articles">
              {d.articles.map((a) => (
                <li key={a.number}>
                  <ArticleCitation instrument={d.id} article={{ ...a, toBeConfirmed: !d.articlesChecked }} />
                </li>
              ))}
            </ul>
          </section>
          <PartiesTable
            detail={d}
            names={(code) => countryName(countries.data?.find((c) => c.code === code), lng, code)}
          />
        </>
      ) : null}
    </>
  );
}

function PartiesTable({ detail, names }: { detail: InstrumentDetail; names: (code: string) => string }) {
  const { t, ts, label, lng } = useT();
  const parties: Participation[] = detail.parties;
  // No list at all, or a list marked incomplete: States not listed are "unknown", never "not party".
  const listComplete = detail.list?.complete === true;
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const p of parties) map.set(p.status, (map.get(p.status) ?? 0) + 1);
    return map;
  }, [parties]);
  const needle = text.trim().toLocaleLowerCase();
  const shown = parties.filter(
    (p) =>
      (!status || p.status === status) &&
      (!needle || names(p.state).toLocaleLowerCase().includes(needle) || p.state.toLowerCase().includes(needle)),
  );
  return (
    <section aria-labelledby="parties-title">
      <h2 id="parties-title">
        {t('instrument.parties')} ({parties.length})
      </h2>
      <p className="meta">
        {t('instrument.asOf', { date: formatDate(detail.list?.asOf ?? detail.dataAsOf, lng) })}
        {detail.list?.source ? <> · {t('finder.source', { source: detail.list.source })}</> : null}
      </p>
      <p className={listComplete ? 'meta' : 'alert alert-warn'}>
        {listComplete ? t('instrument.complete') : t('instrument.incomplete')}
      </p>
      <p className="meta">
        {t('instrument.counts', {
          parties: detail.counts.parties,
          signatories: detail.counts.signatories,
          listed: detail.counts.listed,
        })}
      </p>
      <p className="meta">
        {[...counts.entries()].map(([s, n]) => `${label('status', s)}: ${n}`).join(' · ')}
      </p>
      <div className="form grid">
        <Field id="parties-filter" type="search" label={t('instrument.filterText')} value={text} onChange={(e) => setText(e.target.value)} />
        <SelectField
          id="parties-status"
          label={t('instrument.filterStatus')}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={[
            { value: '', label: ts('instrument.all') },
            ...[...counts.keys()].map((s) => ({ value: s, label: `${label('status', s)} (${counts.get(s)})` })),
          ]}
        />
      </div>
      <p className="meta" role="status">
        {t('instrument.count', { shown: shown.length, total: parties.length })}
      </p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('instrument.state')}</th>
              <th scope="col">{t('instrument.filterStatus')}</th>
              <th scope="col">{t('instrument.signature')}</th>
              <th scope="col">{t('instrument.consent')}</th>
              <th scope="col">{t('instrument.consentKind')}</th>
              <th scope="col">{t('instrument.entryIntoForce')}</th>
              <th scope="col">{t('instrument.source')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.state}>
                <td>
                  <Link to={`/countries/${p.state}`}>{names(p.state)}</Link>
                </td>
                <td>{label('status', p.status)}</td>
                <td>{formatDate(p.signature, lng)}</td>
                <td>{formatDate(p.consent, lng)}</td>
                <td>{p.consentKind ?? '—'}</td>
                <td>{formatDate(p.entryIntoForce, lng)}</td>
                <td className="source">{p.source ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
