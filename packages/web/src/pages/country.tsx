// A State's profile: the instruments it is party to, has signed, or whose status is unknown, and its
// declarations that matter for cooperation, grouped by the kind of cooperation they affect.
import type { ReactNode } from 'react';
import { api, type CountryProfile, type ProfileInstrument } from '../api.ts';
import { ErrorAlert, formatDate, Loading } from '../components/ui.tsx';
import { useT } from '../i18n/use-t.tsx';
import { countryName } from '../knowledge.ts';
import { Link } from '../router.tsx';
import { useAsync } from '../use-async.ts';
import { DisagreementList, FactsList } from '../components/declared-facts.tsx';
import { EffectData } from '../components/effect-data.tsx';

export function CountryPage({ code }: { code: string }) {
  const { t, lng } = useT();
  const profile = useAsync(() => api.country(code), [code]);
  const p = profile.data;
  return (
    <>
      {profile.loading ? <Loading /> : null}
      <ErrorAlert error={profile.error} />
      {p ? (
        <>
          <h1>
            {countryName(p.country, lng, p.state)} <span className="code">{p.state}</span>
          </h1>
          <p className="meta">
            {t('country.title')} · {t('finder.queryDate', { date: formatDate(p.date, lng) })} ·{' '}
            {t('finder.asOf', { date: formatDate(p.dataAsOf, lng) })}
          </p>
          <InstrumentList title={t('country.party')} items={p.party} id="party" />
          <InstrumentList title={t('country.signed')} items={p.signed} id="signed" />
          <InstrumentList title={t('country.unknown')} items={p.unknown} id="unknown" />
          <InstrumentList title={t('country.notParty')} items={p.notParty} id="not-party" />
          <Declarations declarations={p.declarations} />
          <Declared profile={p} />
        </>
      ) : null}
    </>
  );
}

function InstrumentList({ title, items, id }: { title: ReactNode; items: ProfileInstrument[]; id: string }) {
  const { t, lng } = useT();
  return (
    <section aria-labelledby={`list-${id}`}>
      <h2 id={`list-${id}`}>
        {title} ({items.length})
      </h2>
      {items.length === 0 ? <p>{t('country.none')}</p> : null}
      <ul>
        {items.map((i) => (
          <li key={i.instrument}>
            <Link to={`/instruments/${encodeURIComponent(i.instrument)}`}>{i.title}</Link> <span className="code">{i.instrument}</span>
            {i.since ? <> — {t('finder.since', { date: formatDate(i.since, lng) })}</> : null}
            {i.signed && i.state !== 'party' ? <> — {t('finder.signed', { date: formatDate(i.signed, lng) })}</> : null}
            <small className="source">
              {' '}
              · {t('finder.source', { source: i.source })} · {t('finder.statusAsOf', { date: formatDate(i.asOf, lng) })}
            </small>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Declarations({ declarations }: { declarations: CountryProfile['declarations'] }) {
  const { t, label } = useT();
  const groups = Object.entries(declarations).filter(([, list]) => list && list.length > 0);
  return (
    <section aria-labelledby="declarations-title">
      <h2 id="declarations-title">{t('country.declarations')}</h2>
      {groups.length === 0 ? <p>{t('country.none')}</p> : null}
      {groups.map(([group, list]) => (
        <section key={group} aria-labelledby={`declarations-${group}`}>
          <h3 id={`declarations-${group}`}>{group === 'general' ? t('country.general') : label('type', group)}</h3>
          <ul className="reservations">
            {(list ?? []).map((d) => (
              <li key={`${d.instrument}:${d.effect}:${d.text}`}>
                <strong>{d.instrument}</strong> — {label('effect', d.effect)}
                <EffectData params={d.params} description={d.description} kind={d.effect} />
                <blockquote lang="en" dir="ltr">{d.text}</blockquote>
                <small className="source">{t('finder.source', { source: d.source })}</small>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

/** What the State's own node declares (signed, with provenance), next to the depositary files above. */
function Declared({ profile }: { profile: CountryProfile }) {
  const { t, lng } = useT();
  const declared = profile.declared ?? [];
  const disagreements = profile.disagreements ?? [];
  return (
    <section aria-labelledby="declared-title" className="panel">
      <h2 id="declared-title">{t('country.declared')}</h2>
      <p className="meta">{t('country.declaredIntro')}</p>
      {declared.length === 0 ? <p>{t('country.noDeclared')}</p> : null}
      {declared.map((d) => (
        <section key={d.nodeId} aria-label={d.provenance}>
          <p>
            <small className="source" lang="en" dir="ltr">
              {d.provenance}
            </small>
            <br />
            <small>
              {t('country.declaredVersion', { version: d.version, date: formatDate(d.signedAt, lng) })}
              {d.own ? <> · {t('country.declaredHere')}</> : null}
            </small>
          </p>
          <FactsList content={d.facts} />
        </section>
      ))}
      {disagreements.length > 0 ? (
        <>
          <h3>{t('country.differences')}</h3>
          <DisagreementList items={disagreements} />
        </>
      ) : null}
    </section>
  );
}
