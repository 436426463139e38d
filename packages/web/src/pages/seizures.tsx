// The seizure and maritime-incident registries: the list with filters, one seizure, the import
// (of seizures or of maritime incidents: the kind chooses the fields the columns map to)
// (choose a file, check the guessed column mapping, read the per-row report in your language,
// then import — all or nothing), and the maritime incidents.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api.ts';
import { MarkingBadge } from '../components/request-badges.tsx';
import { RecordPeerHits } from '../components/record-peer-hits.tsx';
import { RelatedRecords } from '../components/related-records.tsx';
import { ErrorAlert, Field, Loading, Notice, SelectField, formatDate } from '../components/ui.tsx';
import { useT } from '../i18n/use-t.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { IMPORT_KINDS, INCIDENT_KINDS, type ImportKind, type ImportProblem, SEIZURE_DOMAINS, type SeizureFilters, type SeizureImportReport, fileAsBase64, seizuresApi } from '../seizures.ts';
import { useAsync } from '../use-async.ts';

type Tlp = Parameters<typeof MarkingBadge>[0]['marking'];
type Ts = (key: string, vars?: Record<string, string | number>) => string;
const FILTER_KEYS = ['domain', 'country', 'from', 'to', 'name', 'q'] as const;

function RegistryNav() {
  const { t } = useT();
  return (
    <nav className="registry-nav" aria-label={t('seizures.nav.label') as string}>
      <Link to="/seizures">{t('seizures.nav.seizures')}</Link> · <Link to="/incidents">{t('seizures.nav.incidents')}</Link> · <Link to="/seizures/map">{t('seizureMap.nav')}</Link> · <Link to="/seizures/import">{t('seizures.nav.import')}</Link> · <Link to="/statistics">{t('registry.statistics.nav')}</Link>
    </nav>
  );
}

export function SeizureListPage() {
  const { t, ts, lng } = useT();
  const { search: params } = useLocation();
  const search = params.toString();
  const current = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<(typeof FILTER_KEYS)[number], string>;
  const offset = Number(params.get('offset') ?? '0') || 0;
  const [form, setForm] = useState(current);
  const list = useAsync(() => {
    const f: SeizureFilters = { offset };
    for (const k of FILTER_KEYS) if (current[k]) (f as Record<string, string>)[k] = current[k];
    return seizuresApi.list(f);
  }, [search]);
  const go = (values: Record<string, string>, at = 0) => {
    const q = new URLSearchParams(Object.entries(values).filter(([, v]) => v));
    if (at) q.set('offset', String(at));
    navigate(`/seizures${q.size ? `?${q}` : ''}`);
  };
  const apply = (e: FormEvent) => {
    e.preventDefault();
    go(form);
  };
  return (
    <>
      <div className="page-head">
        <h1>{t('seizures.list.title')}</h1>
        <Link to="/seizures/import" className="button primary">
          {t('seizures.nav.import')}
        </Link>
      </div>
      <RegistryNav />
      <p className="lead">{t('seizures.list.intro')}</p>
      <section className="panel" aria-labelledby="seizure-filters">
        <h2 id="seizure-filters">{t('seizures.list.filters')}</h2>
        <form className="form grid" onSubmit={apply}>
          <SelectField
            id="seizure-filter-domain"
            label={t('seizures.field.domain')}
            value={form.domain}
            onChange={(e) => setForm({ ...form, domain: e.target.value })}
            options={[{ value: '', label: ts('common.any') }, ...SEIZURE_DOMAINS.map((d) => ({ value: d, label: ts(`seizures.domain.${d}`) }))]}
          />
          <Field id="seizure-filter-name" type="search" label={t('seizures.list.name')} hint={t('seizures.list.nameHint')} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          <Field id="seizure-filter-country" label={t('seizures.field.country')} hint={t('seizures.list.countryHint')} maxLength={3} value={form.country} onChange={(e) => setForm({ ...form, country: e.target.value.toUpperCase() })} />
          <Field id="seizure-filter-from" type="date" label={t('seizures.list.from')} value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
          <Field id="seizure-filter-to" type="date" label={t('seizures.list.to')} value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
          <Field id="seizure-filter-q" type="search" label={t('seizures.list.search')} value={form.q} onChange={(e) => setForm({ ...form, q: e.target.value })} />
          <div className="actions">
            <button type="submit" className="primary">
              {t('common.apply')}
            </button>
            <button
              type="button"
              onClick={() => {
                const empty = Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])) as typeof form;
                setForm(empty);
                go(empty);
              }}
            >
              {t('common.reset')}
            </button>
          </div>
        </form>
      </section>
      {list.loading && !list.data ? <Loading /> : null}
      <ErrorAlert error={list.error} />
      {list.data ? (
        <>
          <p className="meta" role="status">
            {t('seizures.list.count', { count: list.data.total })}
          </p>
          {list.data.items.length === 0 ? (
            <p>{t('seizures.list.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="requests-table seizures-table">
                <thead>
                  <tr>
                    <th scope="col">{t('seizures.field.reference')}</th>
                    <th scope="col">{t('seizures.field.date')}</th>
                    <th scope="col">{t('seizures.field.where')}</th>
                    <th scope="col">{t('seizures.field.items')}</th>
                    <th scope="col">{t('seizures.field.iccs')}</th>
                    <th scope="col">{t('requests.field.marking')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((s) => (
                    <tr key={s.id}>
                      <td>
                        <Link to={`/seizures/${s.id}`} className="reference">
                          <bdi>{s.reference}</bdi>
                        </Link>
                      </td>
                      <td data-label={ts('seizures.field.date')}>{formatDate(s.occurredAt, lng)}</td>
                      <td data-label={ts('seizures.field.where')}>
                        <bdi>{[s.locationPoint ?? s.place, s.country].filter(Boolean).join(', ')}</bdi>
                      </td>
                      <td data-label={ts('seizures.field.items')}>
                        {s.withheld ? (
                          <span className="muted">{t('policy.withheld')}</span>
                        ) : (
                          <ul className="plain">
                            {s.items.map((i) => (
                              <li key={`${i.domain}:${i.name}:${i.quantity}`}>
                                <span className={`badge domain domain-${i.domain}`}>{t(`seizures.domain.${i.domain}`)}</span> <bdi className={i.domain === 'wildlife' ? 'scientific-name' : undefined}>{i.name}</bdi>
                                {i.quantity !== null ? <span className="muted"> — {quantityText(i.quantity, i.unit, lng, ts)}</span> : null}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td data-label={ts('seizures.field.iccs')}>
                        <code dir="ltr">{s.iccsCode}</code>
                      </td>
                      <td data-label={ts('requests.field.marking')}>
                        <MarkingBadge marking={s.marking.effectiveTlp as Tlp} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {list.data.total > 50 ? (
            <nav className="pager" aria-label={ts('seizures.list.pages')}>
              <button type="button" disabled={offset === 0} onClick={() => go(current, Math.max(0, offset - 50))}>
                {t('common.newer')}
              </button>
              <button type="button" disabled={offset + 50 >= list.data.total} onClick={() => go(current, offset + 50)}>
                {t('common.older')}
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
    </>
  );
}

function quantityText(quantity: number, unit: string | null, lng: string, ts: Ts): string {
  const n = new Intl.NumberFormat(lng).format(quantity);
  return unit ? ts(`seizures.unit.${unit}`, { n }) : n;
}

export function SeizurePage({ id }: { id: string }) {
  const { t, ts, lng } = useT();
  const loaded = useAsync(() => seizuresApi.get(id), [id]);
  const s = loaded.data;
  if (loaded.loading && !s) return <Loading />;
  if (!s) return <ErrorAlert error={loaded.error} />;
  const conveyance = Object.entries(s.conveyance).filter(([, v]) => v);
  return (
    <article className="seizure-page">
      <RegistryNav />
      <h1>
        {t('seizures.one.title')} <bdi>{s.reference}</bdi>
      </h1>
      <p>
        {s.domains.map((d) => (
          <span key={d} className={`badge domain domain-${d}`}>
            {t(`seizures.domain.${d}`)}
          </span>
        ))}{' '}
        <MarkingBadge marking={s.marking.effectiveTlp as Tlp} /> {s.marking.handling !== 'H0' ? <span className="flag">{s.marking.handling}</span> : null}
      </p>
      <dl className="entity-properties seizure-facts">
        <div>
          <dt>{t('seizures.field.date')}</dt>
          <dd>{formatDate(s.occurredAt, lng, s.timeKnown)}</dd>
        </div>
        <div>
          <dt>{t('seizures.field.where')}</dt>
          <dd>
            <bdi>{[s.locationPoint, s.place, s.country].filter(Boolean).join(', ')}</bdi> <span className="muted">({ts(`seizures.locationKind.${s.locationKind}`)})</span>
            {s.latitude !== null && s.longitude !== null ? (
              <span className="muted" dir="ltr">
                {' '}
                {s.latitude.toFixed(4)}, {s.longitude.toFixed(4)}
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('seizures.field.authority')}</dt>
          <dd>
            <bdi>{s.authority}</bdi> — {ts(`seizures.detection.${s.detectionMethod}`)}
          </dd>
        </div>
        <div>
          <dt>{t('seizures.field.conveyance')}</dt>
          <dd>
            {ts(`seizures.conveyanceType.${s.conveyanceType}`)}
            {conveyance.length ? ' ' : null}
            {conveyance.length ? (
              <span dir="ltr">
                {conveyance.map(([k, v]) => (k === 'vesselImo' ? `IMO ${v}` : v)).join(' · ')}
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('seizures.field.iccs')}</dt>
          <dd>
            <code dir="ltr">{s.iccsCode}</code>
          </dd>
        </div>
        {s.case ? (
          <div>
            <dt>{t('seizures.field.case')}</dt>
            <dd>
              <Link to={`/cases/${s.case.id}`}>
                <bdi>{s.case.reference}</bdi> — <bdi>{s.case.title}</bdi>
              </Link>
            </dd>
          </div>
        ) : null}
        {s.summary ? (
          <div>
            <dt>{t('seizures.field.summary')}</dt>
            <dd dir="auto">{s.summary}</dd>
          </div>
        ) : null}
      </dl>
      <section aria-labelledby="seizure-items-title">
        <h2 id="seizure-items-title">{t('seizures.field.items')}</h2>
        <ul className="seizure-items">
          {s.items.map((i) => (
            <li key={JSON.stringify(i)}>
              <span className={`badge domain domain-${i.domain}`}>{t(`seizures.domain.${String(i.domain)}`)}</span> <ItemText item={i} />
            </li>
          ))}
        </ul>
      </section>
      {s.route.length ? (
        <section aria-labelledby="seizure-route-title">
          <h2 id="seizure-route-title">{t('seizures.field.route')}</h2>
          <ol className="seizure-route">
            {s.route.map((r) => (
              <li key={`${r.stage}:${r.country}:${r.port}`}>
                <span className="muted">{ts(`seizures.stage.${r.stage}`)}:</span> <bdi>{[r.port, r.country].filter(Boolean).join(', ')}</bdi>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {s.parties.length ? (
        <section aria-labelledby="seizure-parties-title">
          <h2 id="seizure-parties-title">{t('seizures.field.parties')}</h2>
          <ul>
            {s.parties.map((p) => (
              <li key={`${p.role}:${p.name}:${p.identifier}`}>
                <span className="muted">{ts(`seizures.role.${p.role}`)}:</span> {p.entityId ? <Link to={`/entities/${p.entityId}`}>{p.name}</Link> : <bdi>{p.name}</bdi>}
                {p.identifier ? (
                  <span className="muted" dir="ltr">
                    {' '}
                    ({p.identifier})
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <RelatedRecords key={s.id} kind="seizure" id={s.id} />
      <RecordPeerHits key={`peers-${s.id}`} kind="seizure" id={s.id} caseId={s.case?.id ?? null} />
    </article>
  );
}

function ItemText({ item }: { item: Record<string, string | number | null> }) {
  const { t, ts, lng } = useT();
  const q = typeof item.quantity === 'number' ? quantityText(item.quantity, typeof item.unit === 'string' ? item.unit : null, lng, ts) : '';
  switch (item.domain) {
    case 'wildlife':
      return (
        <>
          <i className="scientific-name" lang="la">
            {item.species}
          </i>{' '}
          — {ts(`seizures.specimen.${item.specimenType}`)}, {q}
          {item.citesAppendix ? <span className="flag">{t('seizures.cites', { appendix: item.citesAppendix })}</span> : null}
        </>
      );
    case 'drugs':
      return (
        <>
          <bdi>{item.substance}</bdi> — {q}
          {typeof item.purity === 'number' ? <> — {t('seizures.purity', { purity: item.purity })}</> : null}
        </>
      );
    case 'medical':
      return (
        <>
          <bdi>{item.product}</bdi> — {q}
          {item.activeIngredient ? <> — <bdi>{item.activeIngredient}</bdi></> : null}
          {item.batch ? <span dir="ltr"> ({item.batch})</span> : null}
        </>
      );
    case 'tobacco':
      return (
        <>
          <bdi>{item.brand ?? ''}</bdi> — {q}
          {item.taxStamps ? <> — {ts(`seizures.taxStamps.${item.taxStamps}`)}</> : null}
        </>
      );
    default:
      return (
        <>
          <bdi>{item.description}</bdi> {q ? <>— {q}</> : null} {item.currency ? <span dir="ltr">{item.currency}</span> : null}
        </>
      );
  }
}

/** A field's label: an incident's own wording where it differs from a seizure's (its date, its coastal State). */
function fieldLabel(kind: ImportKind, field: string, ts: Ts): string {
  if (kind === 'incident') {
    const key = `incidents.importField.${field}`;
    const own = ts(key);
    if (own !== key) return own;
  }
  return ts(`seizures.importField.${field}`);
}

/** One problem of the import report, in the reader's language (the node sends a code and its parameters). */
function problemText(p: ImportProblem, kind: ImportKind, ts: Ts): string {
  const params = (p.params ?? {}) as Record<string, string | number | string[]>;
  const suggestions = Array.isArray(params.suggestions) && params.suggestions.length ? ts('seizures.problem.suggestions', { names: params.suggestions.join(', ') }) : '';
  const key = `seizures.problem.${p.code}`;
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
  const text = ts(key, { ...flat, value: flat.value ?? '', field: params.field ? fieldLabel(kind, String(params.field), ts) : p.field });
  return (text === key ? ts('seizures.problem.other', { field: p.field, code: p.code }) : text) + (suggestions ? ` ${suggestions}` : '');
}

export function SeizureImportPage() {
  const { t, ts } = useT();
  const search = useLocation().search;
  // Opened from a case page: every imported record belongs to that case. Opened from the incident
  // list (`?kind=incident`): the rows are maritime incidents.
  const caseId = search.get('case') ?? undefined;
  const [kind, setKind] = useState<ImportKind>(search.get('kind') === 'incident' ? 'incident' : 'seizure');
  const [file, setFile] = useState<{ name: string; format: 'csv' | 'xlsx'; content: string } | null>(null);
  const [report, setReport] = useState<SeizureImportReport | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<SeizureImportReport | null>(null);

  const check = async (f: NonNullable<typeof file>, k: ImportKind, m?: Record<string, string>) => {
    setBusy(true);
    setError(null);
    try {
      const r = await seizuresApi.importFile(k, { format: f.format, content: f.content, dryRun: true, caseId, ...(m ? { mapping: m as Record<string, ''> } : {}) });
      setReport(r);
      setMapping(r.mapping);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const choose = async (picked: File | undefined) => {
    setReport(null);
    setDone(null);
    if (!picked) return setFile(null);
    const format = /\.xlsx$/i.test(picked.name) ? 'xlsx' : 'csv';
    const f = { name: picked.name, format, content: format === 'xlsx' ? await fileAsBase64(picked) : await picked.text() } as const;
    setFile(f);
    await check(f, kind);
  };
  // Another kind has other fields: the file is checked again with a mapping guessed for that kind.
  const chooseKind = async (k: ImportKind) => {
    setKind(k);
    setReport(null);
    setDone(null);
    if (file) await check(file, k);
  };
  const commit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setDone(await seizuresApi.importFile(kind, { format: file.format, content: file.content, caseId, mapping: mapping as Record<string, ''> }));
    } catch (err) {
      // A rejected import carries the same report as the check.
      if (err instanceof ApiError && err.code === 'import_rejected') setReport(err.problem as unknown as SeizureImportReport);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const problems = report?.problems ?? [];
  return (
    <>
      <h1>{kind === 'incident' ? t('seizures.import.titleIncident') : t('seizures.import.title')}</h1>
      <RegistryNav />
      <p className="lead">{kind === 'incident' ? t('seizures.import.introIncident') : t('seizures.import.intro')}</p>
      <section className="panel" aria-labelledby="import-file-title">
        <h2 id="import-file-title">{t('seizures.import.step1')}</h2>
        <fieldset className="field wide choice-group">
          <legend>{t('seizures.import.kind')}</legend>
          {IMPORT_KINDS.map((k) => (
            <div key={k} className="field checkbox">
              <input id={`import-kind-${k}`} type="radio" name="import-kind" value={k} checked={kind === k} disabled={busy} onChange={() => void chooseKind(k)} />
              <label htmlFor={`import-kind-${k}`}>{k === 'incident' ? t('seizures.import.kindIncident') : t('seizures.import.kindSeizure')}</label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="seizure-import-file">{t('seizures.import.file')}</label>
          <input id="seizure-import-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void choose(e.target.files?.[0])} />
        </div>
      </section>
      {busy ? <Loading /> : null}
      <ErrorAlert error={error} />
      {done ? (
        <Notice>
          {kind === 'incident' ? (
            <>
              {t('seizures.import.doneIncident', { count: done.imported, rows: done.rows })} <Link to="/incidents">{t('seizures.import.toIncidents')}</Link>
            </>
          ) : (
            <>
              {t('seizures.import.done', { count: done.imported, rows: done.rows })} <Link to="/seizures">{t('seizures.import.toList')}</Link>
            </>
          )}
        </Notice>
      ) : null}
      {report && file && !done ? (
        <>
          <section className="panel" aria-labelledby="import-mapping-title">
            <h2 id="import-mapping-title">{t('seizures.import.step2')}</h2>
            <p className="hint">{t('seizures.import.mappingHint')}</p>
            <div className="table-scroll">
              <table className="requests-table import-mapping">
                <thead>
                  <tr>
                    <th scope="col">{t('seizures.import.column')}</th>
                    <th scope="col">{t('seizures.import.field')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.columns.map((c, n) => (
                    <tr key={c || n}>
                      <td>
                        <label htmlFor={`map-${n}`}>
                          <bdi>{c}</bdi>
                        </label>
                      </td>
                      <td>
                        <select id={`map-${n}`} value={mapping[c] ?? ''} onChange={(e) => setMapping({ ...mapping, [c]: e.target.value })}>
                          <option value="">{ts('seizures.import.ignore')}</option>
                          {report.fields.map((f) => (
                            <option key={f} value={f}>
                              {fieldLabel(kind, f, ts)}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="actions">
              <button type="button" disabled={busy} onClick={() => void check(file, kind, mapping)}>
                {t('seizures.import.recheck')}
              </button>
            </div>
          </section>
          <section className="panel" aria-labelledby="import-report-title">
            <h2 id="import-report-title">{t('seizures.import.step3')}</h2>
            <p role="status" className={problems.length ? 'alert alert-error' : 'alert alert-ok'}>
              {problems.length ? t('seizures.import.problems', { count: problems.length, rows: report.rows }) : t('seizures.import.clean', { rows: report.rows })}
            </p>
            {problems.length ? (
              <div className="table-scroll">
                <table className="requests-table import-report">
                  <thead>
                    <tr>
                      <th scope="col">{t('seizures.import.row')}</th>
                      <th scope="col">{t('seizures.import.column')}</th>
                      <th scope="col">{t('seizures.import.problem')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {problems.map((p) => (
                      <tr key={`${p.row}:${p.field}:${p.code}`}>
                        <td>{p.row}</td>
                        <td>
                          <bdi>{p.column ?? '—'}</bdi>
                        </td>
                        <td>{problemText(p, kind, ts)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            <div className="actions">
              <button type="button" className="primary" disabled={busy || problems.length > 0} onClick={() => void commit()}>
                {t('seizures.import.commit', { rows: report.rows })}
              </button>
            </div>
          </section>
        </>
      ) : null}
    </>
  );
}

export function IncidentListPage() {
  const { t, ts, lng } = useT();
  const [kind, setKind] = useState('');
  const list = useAsync(() => seizuresApi.incidents(kind ? { kind: kind as (typeof INCIDENT_KINDS)[number] } : {}), [kind]);
  return (
    <>
      <div className="page-head">
        <h1>{t('incidents.list.title')}</h1>
        <Link to="/seizures/import?kind=incident" className="button primary">
          {t('incidents.list.import')}
        </Link>
      </div>
      <RegistryNav />
      <p className="lead">{t('incidents.list.intro')}</p>
      <form className="form grid" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="incident-filter-kind"
          label={t('incidents.field.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          options={[{ value: '', label: ts('common.any') }, ...INCIDENT_KINDS.map((k) => ({ value: k, label: ts(`incidents.kind.${k}`) }))]}
        />
      </form>
      {list.loading && !list.data ? <Loading /> : null}
      <ErrorAlert error={list.error} />
      {list.data ? (
        <>
          <p className="meta" role="status">
            {t('incidents.list.count', { count: list.data.total })}
          </p>
          <div className="table-scroll">
            <table className="requests-table">
              <thead>
                <tr>
                  <th scope="col">{t('seizures.field.reference')}</th>
                  <th scope="col">{t('seizures.field.date')}</th>
                  <th scope="col">{t('incidents.field.kind')}</th>
                  <th scope="col">{t('incidents.field.vessel')}</th>
                  <th scope="col">{t('seizures.field.where')}</th>
                  <th scope="col">{t('requests.field.marking')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <Link to={`/incidents/${i.id}`} className="reference">
                        <bdi>{i.reference}</bdi>
                      </Link>
                    </td>
                    <td data-label={ts('seizures.field.date')}>{formatDate(i.occurredAt, lng, true)}</td>
                    <td data-label={ts('incidents.field.kind')}>{ts(`incidents.kind.${i.kind}`)}</td>
                    <td data-label={ts('incidents.field.vessel')}>{i.withheld ? <span className="muted">{t('policy.withheld')}</span> : <bdi>{i.vesselName}</bdi>}</td>
                    <td data-label={ts('seizures.field.where')}>
                      <bdi>{i.area ?? ''}</bdi>
                    </td>
                    <td data-label={ts('requests.field.marking')}>
                      <MarkingBadge marking={i.marking.effectiveTlp as Tlp} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}

export function IncidentPage({ id }: { id: string }) {
  const { t, ts, lng } = useT();
  const loaded = useAsync(() => seizuresApi.incident(id), [id]);
  const i = loaded.data;
  if (loaded.loading && !i) return <Loading />;
  if (!i) return <ErrorAlert error={loaded.error} />;
  const crew = Object.entries(i.crew).filter(([, n]) => n > 0);
  return (
    <article>
      <RegistryNav />
      <h1>
        {ts(`incidents.kind.${i.kind}`)} — <bdi>{i.reference}</bdi>
      </h1>
      <p>
        <MarkingBadge marking={i.marking.effectiveTlp as Tlp} />
      </p>
      <dl className="entity-properties">
        <div>
          <dt>{t('seizures.field.date')}</dt>
          <dd>{formatDate(i.occurredAt, lng, i.timeKnown)}</dd>
        </div>
        <div>
          <dt>{t('seizures.field.where')}</dt>
          <dd>
            <bdi>{[i.area, i.country].filter(Boolean).join(', ')}</bdi>{' '}
            <span className="muted" dir="ltr">
              {i.latitude.toFixed(4)}, {i.longitude.toFixed(4)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('incidents.field.vessel')}</dt>
          <dd>
            <bdi>{i.vessel.name}</bdi> <span dir="ltr">{i.vessel.imo ? `IMO ${i.vessel.imo}` : ''}</span> — <bdi>{i.vessel.type}</bdi>
            {i.vessel.flag ? <span className="muted"> ({i.vessel.flag})</span> : null} — {ts(`incidents.status.${i.vesselStatus}`)}
          </dd>
        </div>
        <div>
          <dt>{t('incidents.field.narrative')}</dt>
          <dd dir="auto">{i.narrative}</dd>
        </div>
        <div>
          <dt>{t('incidents.field.crew')}</dt>
          <dd>{crew.length ? crew.map(([k, n]) => ts(`incidents.crew.${k}`, { count: n })).join(', ') : t('incidents.noCrewHarm')}</dd>
        </div>
        <div>
          <dt>{t('incidents.field.source')}</dt>
          <dd>
            <bdi>{i.reportingSource}</bdi>
          </dd>
        </div>
      </dl>
      <RelatedRecords key={i.id} kind="incident" id={i.id} />
      <RecordPeerHits key={`peers-${i.id}`} kind="incident" id={i.id} caseId={i.case?.id ?? null} />
    </article>
  );
}
