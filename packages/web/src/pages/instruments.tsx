// The instruments in the shipped knowledge, and one instrument with its articles and parties.
import { useMemo, useState } from 'react';
import { api, type InstrumentDetail, type Participation } from '../api.ts';
import { ErrorAlert, Field, formatDate, Loading, SelectField } from '../components/ui.tsx';
import { useT } from '../i18n/use-t.tsx';
import { countryName, loadCountries, loadInstrument } from '../knowledge.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useAsync } from '../use-async.ts';
import { ArticleCitation } from './legal-basis.tsx';

export function InstrumentsPage() {
  const { t, ts, label, lng } = useT();
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
                <th scope="col">{t('instruments.parties')}</th>
                <th scope="col">{t('instruments.asOf')}</th>
                <th scope="col">{t('instruments.depositary')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((i) => (
                <tr key={i.id}>
                  <td>
                    <Link to={`/instruments/${encodeURIComponent(i.id)}`}>{i.titles[lng] ?? <bdi lang="en">{i.title}</bdi>}</Link>{' '}
                    <span className="code">{i.short || i.id}</span>
                    {i.contextOnly ? <span className="flag">{t('instruments.contextOnly')}</span> : null}
                    {i.curated ? <span className="flag">{t('instrument.curated')}</span> : null}
                  </td>
                  <td>{label('instrumentKind', i.kind)}</td>
                  <td>{formatDate(i.adopted, lng)}</td>
                  <td>{formatDate(i.entryIntoForce, lng)}</td>
                  <td>
                    {i.partyCount}
                    {i.listComplete ? null : (
                      <span className="flag" title={ts('instrument.incomplete')}>
                        {t('instruments.incomplete')}
                      </span>
                    )}
                  </td>
                  <td>{formatDate(i.dataAsOf, lng)}</td>
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
  const { search } = useLocation();
  const requested = Number(search.get('version') ?? '');
  const version = Number.isInteger(requested) && requested > 0 ? requested : undefined;
  // An earlier version is fetched as such; the current one comes from the shared cache.
  const detail = useAsync(() => (version ? api.instrument(id, version) : loadInstrument(id)), [id, version]);
  const countries = useAsync(() => loadCountries(), []);
  const d = detail.data;
  return (
    <>
      {detail.loading ? <Loading /> : null}
      <ErrorAlert error={detail.error} />
      {d ? (
        <>
          <h1>
            {d.titles[lng] ?? <bdi lang="en">{d.title}</bdi>} <span className="code">{d.short || d.id}</span>
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
          {d.notes ? (
            <p className="meta" lang="en" dir="ltr">
              {d.notes}
            </p>
          ) : null}
          <VersionChooser id={d.id} shown={d.version} current={d.currentVersion} />
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
          <Reservations detail={d} names={(code) => countryName(countries.data?.find((c) => c.code === code), lng, code)} />
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
                <td>{p.consentKind ? label('consentKind', p.consentKind) : '—'}</td>
                <td>{formatDate(p.entryIntoForce, lng)}</td>
                <td className="source">
                  {p.curated ? <span className="flag">{t('instrument.curated')}</span> : null}
                  {p.inferredFrom ? <span className="flag">{t('instrument.inferred', { instrument: p.inferredFrom })}</span> : null}
                  <bdi>{p.source ?? '—'}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Which knowledge version is shown: the current one, or an earlier import as it was. */
function VersionChooser({ id, shown, current }: { id: string; shown: number; current: number }) {
  const { t, ts, lng } = useT();
  const versions = useAsync(() => api.knowledgeVersions(), []);
  const items = versions.data?.items ?? [];
  if (items.length < 2 && shown === current) return null;
  return (
    <div className="form grid version-chooser">
      <SelectField
        id="instrument-version"
        label={t('instrument.version')}
        value={String(shown)}
        onChange={(e) => {
          const v = Number(e.target.value);
          navigate(v === current ? `/instruments/${encodeURIComponent(id)}` : `/instruments/${encodeURIComponent(id)}?version=${v}`);
        }}
        options={(items.length ? items : [{ version: shown, current: shown === current, createdAt: '', source: '' }]).map((v) => ({
          value: String(v.version),
          label: `${v.version}${v.current ? ` (${ts('knowledgeAdmin.current')})` : ''}${v.createdAt ? ` · ${formatDate(v.createdAt, lng)}` : ''}${v.source ? ` · ${v.source}` : ''}`,
        }))}
      />
      {shown !== current ? (
        <p className="alert alert-warn">
          {t('instrument.versionNote', { version: shown, current })}{' '}
          <Link to={`/instruments/${encodeURIComponent(id)}`}>{t('instrument.showCurrent')}</Link>
        </p>
      ) : null}
    </div>
  );
}

/** Reservations and declarations, with the effect recognised (or set by a curator). */
function Reservations({ detail, names }: { detail: InstrumentDetail; names: (code: string) => string }) {
  const { t, label } = useT();
  const list = [...detail.reservations].sort((a, b) => names(a.state).localeCompare(names(b.state)));
  return (
    <section aria-labelledby="reservations-title">
      <h2 id="reservations-title">
        {t('instrument.reservations')} ({list.length})
      </h2>
      {list.length === 0 ? <p>{t('instrument.noReservations')}</p> : null}
      <ul className="reservations">
        {list.map((r) => (
          <li key={r.id}>
            <strong>{names(r.state)}</strong> — {r.effects.map((e) => label('effect', e.kind)).join(', ')}
            {r.curated ? <span className="flag">{t('instrument.curated')}</span> : null}
            <details>
              <summary>{t('instrument.readText')}</summary>
              <blockquote lang="en" dir="ltr">
                {r.text}
              </blockquote>
            </details>
            <small className="source">{t('finder.source', { source: r.source })}</small>
          </li>
        ))}
      </ul>
    </section>
  );
}
