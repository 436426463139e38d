// The legal-basis finder: two States, an offence and a kind of cooperation → the instruments that apply.
// The query lives in the URL so that an answer can be bookmarked and shared.
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { type Article, api, type CodedText, type Country, type LegalBasis, type LegalBasisAnswer, type StatusFact } from '../api.ts';
import { CountryPicker } from '../components/country-picker.tsx';
import { ErrorAlert, Field, formatDate, Loading, SelectField } from '../components/ui.tsx';
import { type ServerText, useServerText } from '../i18n/server-text.tsx';
import { useT } from '../i18n/use-t.tsx';
import { cooperationTypes, countryName, loadCountries, loadInstrument, offenceIds } from '../knowledge.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useAsync } from '../use-async.ts';
import { EffectData } from '../components/effect-data.tsx';

export function LegalBasisPage() {
  const { t, ts, label } = useT();
  const { search } = useLocation();
  const countries = useAsync(() => loadCountries(), []);

  const fromUrl = {
    requesting: search.get('requesting') ?? '',
    requested: search.get('requested') ?? '',
    type: search.get('type') ?? '',
    offence: search.get('offence') ?? '',
    date: search.get('date') ?? '',
    all: search.get('all') === 'true',
  };
  const urlKey = search.toString();

  const [requesting, setRequesting] = useState<string | null>(fromUrl.requesting || null);
  const [requested, setRequested] = useState<string | null>(fromUrl.requested || null);
  const [type, setType] = useState(fromUrl.type);
  const [offence, setOffence] = useState(fromUrl.offence);
  const [date, setDate] = useState(fromUrl.date);
  const [all, setAll] = useState(fromUrl.all);
  const [formError, setFormError] = useState(false);

  // Back/forward through earlier queries refills the form.
  // biome-ignore lint/correctness/useExhaustiveDependencies: urlKey stands for every URL field
  useEffect(() => {
    setRequesting(fromUrl.requesting || null);
    setRequested(fromUrl.requested || null);
    setType(fromUrl.type);
    setOffence(fromUrl.offence);
    setDate(fromUrl.date);
    setAll(fromUrl.all);
  }, [urlKey]);

  const complete = Boolean(fromUrl.requesting && fromUrl.requested && fromUrl.type && fromUrl.offence);
  const answer = useAsync<LegalBasisAnswer | null>(
    () =>
      complete
        ? api.legalBasis({
            requesting: fromUrl.requesting,
            requested: fromUrl.requested,
            type: fromUrl.type,
            offence: fromUrl.offence,
            date: fromUrl.date || undefined,
            all: fromUrl.all,
          })
        : Promise.resolve(null),
    [urlKey],
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!requesting || !requested || !type || !offence) {
      setFormError(true);
      return;
    }
    setFormError(false);
    const params = new URLSearchParams({ requesting, requested, type, offence });
    if (date) params.set('date', date);
    if (all) params.set('all', 'true');
    navigate(`/legal-basis?${params.toString()}`);
  }

  const byCode = new Map((countries.data ?? []).map((c) => [c.code, c]));

  return (
    <>
      <h1>{t('finder.title')}</h1>
      <p>{t('finder.intro')}</p>
      <ErrorAlert error={countries.error} />
      <form onSubmit={submit} className="form grid finder-form" aria-label={ts('finder.title')}>
        <CountryPicker
          id="requesting"
          label={ts('finder.requesting')}
          countries={countries.data ?? []}
          value={requesting}
          onChange={setRequesting}
          required
        />
        <CountryPicker
          id="requested"
          label={ts('finder.requested')}
          countries={countries.data ?? []}
          value={requested}
          onChange={setRequested}
          required
        />
        <SelectField
          id="type"
          label={t('finder.type')}
          required
          value={type}
          onChange={(e) => setType(e.target.value)}
          options={[{ value: '', label: ts('finder.choose') }, ...cooperationTypes.map((id) => ({ value: id, label: label('type', id) }))]}
        />
        <SelectField
          id="offence"
          label={t('finder.offence')}
          required
          value={offence}
          onChange={(e) => setOffence(e.target.value)}
          options={[
            { value: '', label: ts('finder.choose') },
            ...offenceIds.map((id) => ({ value: id, label: label('offence', id) })),
          ]}
        />
        <Field id="date" type="date" label={t('finder.date')} value={date} onChange={(e) => setDate(e.target.value)} />
        <div className="field checkbox">
          <input id="all" type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
          <label htmlFor="all">{t('finder.all')}</label>
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t('finder.submit')}
          </button>
        </div>
      </form>
      {formError ? <ErrorAlert>{t('finder.pickCountry')}</ErrorAlert> : null}
      {complete ? (
        <section aria-labelledby="results-title" aria-busy={answer.loading} className="results">
          <h2 id="results-title">{t('finder.results')}</h2>
          {answer.loading ? <Loading /> : null}
          <ErrorAlert error={answer.error} />
          {answer.data && !answer.loading ? <Answer answer={answer.data} countries={byCode} /> : null}
        </section>
      ) : null}
    </>
  );
}

const LIST_SEPARATOR: Partial<Record<string, string>> = { ar: '، ', zh: '，' };

/** The sentence read first, built from the API's code and parameters in the UI's language. */
function Headline({ answer, countries }: { answer: LegalBasisAnswer; countries: Map<string, Country> }) {
  const { t, ts, lng } = useT();
  const server = useServerText();
  const h = answer.headline;
  if (h.code === 'no-known-basis') {
    return (
      <p className="headline headline-none" data-code={h.code}>
        {t('finder.headlineNone', { count: h.params.unknown })}
      </p>
    );
  }
  const name = (code: string) => countryName(countries.get(code), lng, code);
  const party = (code: string, since: string | null) => (since ? ts('finder.partySince', { state: name(code), year: since }) : ts('finder.partyDateUnknown', { state: name(code) }));
  const q = answer.query;
  const parties =
    q.requesting === q.requested
      ? party(q.requesting, h.params.requestingSince)
      : `${party(q.requesting, h.params.requestingSince)}${LIST_SEPARATOR[lng] ?? ', '}${party(q.requested, h.params.requestedSince)}`;
  return (
    <p className={`headline headline-${h.code}`} data-code={h.code}>
      {h.code === 'best-basis'
        ? t('finder.headlineBest', { citation: server.citation(h.params.citation), parties })
        : t('finder.headlineConditional', { citation: server.citation(h.params.citation), parties, conditions: h.params.conditions })}
    </p>
  );
}

function Answer({ answer, countries }: { answer: LegalBasisAnswer; countries: Map<string, Country> }) {
  const { t, lng } = useT();
  const server = useServerText();
  // Applicable and conditional cards open; the unknown ones folded under one line; the ones that
  // do not apply (asked for with the checkbox) after them.
  const open = answer.bases.filter((b) => b.outcome === 'applicable' || b.outcome === 'conditional');
  const unknown = answer.bases.filter((b) => b.outcome === 'unknown');
  const notApplicable = answer.bases.filter((b) => b.outcome === 'not-applicable');
  const card = (basis: LegalBasis) => <BasisCard key={basis.instrument} basis={basis} query={answer.query} countries={countries} />;
  return (
    <>
      <Headline answer={answer} countries={countries} />
      <p className="meta">
        {t('finder.queryDate', { date: formatDate(answer.query.date, lng) })} · {t('finder.asOf', { date: formatDate(answer.dataAsOf, lng) })}
      </p>
      {answer.bases.length === 0 ? <p>{t('finder.none')}</p> : null}
      <div className="cards">{open.map(card)}</div>
      {unknown.length > 0 ? (
        <details className="unknown-group">
          <summary>{t('finder.moreUnknown', { count: unknown.length })}</summary>
          <div className="cards">{unknown.map(card)}</div>
        </details>
      ) : null}
      {notApplicable.length > 0 ? <div className="cards">{notApplicable.map(card)}</div> : null}
      {answer.context.length > 0 ? (
        <section aria-labelledby="context-title">
          <h3 id="context-title">{t('finder.context')}</h3>
          <ul className="context">
            {answer.context.map((c) => (
              <li key={c.instrument}>
                <Link to={`/instruments/${encodeURIComponent(c.instrument)}`}>{c.title}</Link>{' '}
                <span className="code">{c.instrument}</span>
                <ul>
                  {codedOr(c.reasonCodes, c.reasons).map((r) => (
                    <li key={r.text}>{server.basis(r, 'reason')}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function BasisCard({
  basis,
  query,
  countries,
}: {
  basis: LegalBasis;
  query: LegalBasisAnswer['query'];
  countries: Map<string, Country>;
}) {
  const { t, label, lng } = useT();
  const server = useServerText();
  const titleId = `basis-${basis.instrument}`;
  const stateName = (code: string) => countryName(countries.get(code), lng, code);
  return (
    <article className={`card basis-card outcome-${basis.outcome}`} data-instrument={basis.instrument} aria-labelledby={titleId}>
      <header className="card-header">
        <h3 id={titleId}>
          {basis.titles[lng] ? <bdi>{basis.titles[lng]}</bdi> : <bdi lang="en">{basis.title}</bdi>} <span className="code">{basis.instrument}</span>
        </h3>
        <span className={`badge badge-${basis.outcome}`}>{label('outcome', basis.outcome)}</span>
      </header>
      {basis.outcome === 'unknown' ? <p className="why-unknown">
          {t('finder.whyUnknown')} <bdi>{whyUnknown(basis, server)}</bdi>
        </p> : null}
      <p className="meta">
        {label('instrumentKind', basis.kind)}
        {basis.appliesWith ? <> · {t('finder.appliesWith', { instrument: basis.appliesWith })}</> : null}
      </p>

      {basis.articles.length > 0 ? (
        <>
          <h4>{t('finder.articles')}</h4>
          <ul className="articles">
            {basis.articles.map((a) => (
              <li key={a.number}>
                <ArticleCitation instrument={basis.instrument} article={a} />
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {basis.conditions.length > 0 ? (
        <>
          <h4>{t('finder.conditions')}</h4>
          <ul className="questions">
            {codedOr(basis.conditionCodes, basis.conditions).map((c) => (
              <li key={c.text} data-code={c.code || undefined}>
                {server.basis(c, 'condition')}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h4>{t('finder.status')}</h4>
      <dl className="facts">
        <dt>{stateName(query.requesting)}</dt>
        <dd>
          <Status fact={basis.status.requesting} />
        </dd>
        <dt>{stateName(query.requested)}</dt>
        <dd>
          <Status fact={basis.status.requested} />
        </dd>
      </dl>

      {basis.reservations.length > 0 ? (
        <>
          <h4>{t('finder.reservations')}</h4>
          <ul className="reservations">
            {basis.reservations.map((r) => (
              <li key={`${r.state}:${r.instrument}:${r.text}`}>
                <strong>{stateName(r.state)}</strong> — {label('effect', r.effect)}
                <EffectData params={r.params} description={r.description} kind={r.effect} />
                <blockquote lang="en" dir="ltr">{r.text}</blockquote>
                <small className="source">{t('finder.source', { source: r.source })}</small>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {basis.reasons.length > 0 ? (
        <details className="reasons">
          <summary>{t('finder.reasons')}</summary>
          <ul>
            {codedOr(basis.reasonCodes, basis.reasons).map((r) => (
              <li key={r.text} data-code={r.code || undefined}>
                {server.basis(r, 'reason')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <p className="card-footer">
        <Link to={`/instruments/${encodeURIComponent(basis.instrument)}`}>{t('finder.openInstrument')}</Link>
      </p>
    </article>
  );
}

/** The coded sentences of an answer; a node that sends only the English texts gets them as
 * sentences without a code (shown marked as English). */
function codedOr(coded: CodedText[] | undefined, texts: string[]): CodedText[] {
  return coded && coded.length > 0 ? coded : texts.map((text) => ({ code: '', params: {}, text }));
}

/** The one reason that says what the data does not know, in the reader's language. */
function whyUnknown(basis: LegalBasis, server: ServerText): ReactNode {
  const reasons = codedOr(basis.reasonCodes, basis.reasons);
  const r = reasons.find((x) => /unknown|incomplete|not in the data/i.test(x.text)) ?? reasons[0];
  return r ? server.basis(r, 'reason') : '';
}

/** "Party — consent deposited …, in force for it from … (UNCAC art. 68(2))", source and date;
 * "Unknown" said plainly when the data does not know. */
function Status({ fact }: { fact: StatusFact }) {
  const { t, label, lng } = useT();
  const dates = fact.consent && fact.since && fact.phase !== 'party-date-unknown';
  return (
    <>
      <span className={`status status-${fact.state}`}>{label('status', fact.phase ?? fact.state)}</span>
      {fact.curated ? <span className="flag">{t('instrument.curated')}</span> : null}
      {fact.inferredFrom ? <span className="flag">{t('instrument.inferred', { instrument: fact.inferredFrom })}</span> : null}
      {dates ? (
        <>
          {' — '}
          {t('finder.inForce', { consent: formatDate(fact.consent ?? '', lng), since: formatDate(fact.since ?? '', lng) })}
          {fact.entryIntoForceRule ? (
            <>
              {' '}
              (<span className="code">{fact.entryIntoForceRule}</span>)
            </>
          ) : null}
        </>
      ) : fact.since ? (
        <> {t('finder.since', { date: formatDate(fact.since, lng) })}</>
      ) : null}
      {fact.signed && fact.state !== 'party' ? <> · {t('finder.signed', { date: formatDate(fact.signed, lng) })}</> : null}
      <small className="source">
        {' '}
        · {t('finder.source', { source: fact.source })} · {t('finder.statusAsOf', { date: formatDate(fact.asOf, lng) })}
      </small>
    </>
  );
}

/** Article number and heading; the text opens on demand (from the answer, or else from the instrument). */
export function ArticleCitation({ instrument, article }: { instrument: string; article: Article }) {
  const { t, ts } = useT();
  const [text, setText] = useState<string | null | undefined>(article.text ?? undefined);
  const [error, setError] = useState<unknown>(undefined);

  function onToggle(open: boolean) {
    if (!open || text !== undefined) return;
    loadInstrument(instrument).then(
      (detail) => setText(detail.articles.find((a) => a.number === article.number)?.text ?? null),
      (err: unknown) => setError(err),
    );
  }

  return (
    <details className="article" onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary>
        <span className="citation">{t('finder.article', { number: article.number })}</span>
        {article.heading ? (
          <>
            {' — '}
            <bdi lang="en">{article.heading}</bdi>
          </>
        ) : null}
        {article.toBeConfirmed ? (
          <span className="flag" title={ts('finder.toBeConfirmedTitle')}>
            {t('finder.toBeConfirmed')}
          </span>
        ) : null}
      </summary>
      <ErrorAlert error={error} />
      {text === undefined && !error ? <Loading /> : null}
      {text === null ? <p className="muted">{t('finder.noText')}</p> : null}
      {text ? (
        <div className="article-text" lang="en" dir="ltr">
          {text.split(/\n{2,}/).map((para, i) => (
            // Paragraphs of a fixed text never reorder, so their position is a stable key.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <p key={i}>{para}</p>
          ))}
        </div>
      ) : null}
    </details>
  );
}
