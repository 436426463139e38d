// The investigators' side of the stolen cultural property registry (issue 15): the list with its
// filters (words, legal status, type of object, country) kept in the address, a search by photo
// (nearest first, with the distance), the CSV/XLSX import with its validation report, the record
// page with its photos, and the editor (create, or change with the version it was opened at).
import { type FormEvent, Fragment, useEffect, useState } from 'react';
import { ApiError } from '../api.ts';
import { casesApi } from '../cases.ts';
import { CountryPicker } from '../components/country-picker.tsx';
import { MarkingBadge } from '../components/request-badges.tsx';
import { ErrorAlert, Field, formatDate, Loading, Notice, SelectField } from '../components/ui.tsx';
import {
  CULTURAL_ORIGINS,
  type CreateCulturalBody,
  type CulturalFilter,
  type CulturalOrigin,
  type CulturalImportReport,
  type CulturalList,
  type CulturalObject,
  type CulturalSummary,
  LEGAL_STATUSES,
  type LegalStatus,
  LONG_FIELDS,
  OBJECT_ID_FIELDS,
  culturalApi,
} from '../cultural.ts';
import { useT } from '../i18n/use-t.tsx';
import { countryName, loadCountries } from '../knowledge.ts';
import { TLP_MARKINGS, type TlpMarking } from '../requests.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useAsync } from '../use-async.ts';

const FILTER_KEYS = ['q', 'legalStatus', 'objectType', 'country', 'origin'] as const;
const PHOTO_TYPES = 'image/jpeg,image/png,image/webp';

export function mayEditCultural(role: string | undefined): boolean {
  return role === 'supervisor' || role === 'practitioner' || role === 'analyst';
}

function StatusBadge({ status }: { status: LegalStatus }) {
  const { t } = useT();
  return <span className={`badge cultural-status cultural-${status}`}>{t(`culturalCheck.legalStatus.${status}`)}</span>;
}

export function CulturalListPage() {
  const { t, ts } = useT();
  const { session } = useSession();
  const { search } = useLocation();
  const urlKey = search.toString();
  const fromUrl = Object.fromEntries(FILTER_KEYS.map((k) => [k, search.get(k) ?? ''])) as Record<(typeof FILTER_KEYS)[number], string>;
  const [form, setForm] = useState(fromUrl);
  // biome-ignore lint/correctness/useExhaustiveDependencies: urlKey stands for every filter in the address
  useEffect(() => setForm(fromUrl), [urlKey]);
  const filter: CulturalFilter = {
    ...(fromUrl.q ? { q: fromUrl.q } : {}),
    ...(LEGAL_STATUSES.includes(fromUrl.legalStatus as LegalStatus) ? { legalStatus: fromUrl.legalStatus as LegalStatus } : {}),
    ...(fromUrl.objectType ? { objectType: fromUrl.objectType } : {}),
    ...(fromUrl.country ? { country: fromUrl.country } : {}),
    ...(CULTURAL_ORIGINS.includes(fromUrl.origin as CulturalOrigin) ? { origin: fromUrl.origin as CulturalOrigin } : {}),
  };
  const countries = useAsync(() => loadCountries(), []);
  const list = useAsync(() => culturalApi.list(filter), [urlKey]);
  const [photo, setPhoto] = useState<File | null>(null);
  const [byPhoto, setByPhoto] = useState<CulturalList | null>(null);
  const [photoError, setPhotoError] = useState<unknown>(undefined);
  const [searching, setSearching] = useState(false);

  function apply(event: FormEvent) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const k of FILTER_KEYS) {
      const v = form[k].trim();
      if (v) params.set(k, v);
    }
    const q = params.toString();
    setByPhoto(null);
    navigate(q ? `/cultural-property?${q}` : '/cultural-property');
  }

  async function searchPhoto(event: FormEvent) {
    event.preventDefault();
    if (!photo) return;
    setPhotoError(undefined);
    setSearching(true);
    try {
      setByPhoto(await culturalApi.searchByImage(photo, filter));
    } catch (err) {
      setPhotoError(err);
      setByPhoto(null);
    } finally {
      setSearching(false);
    }
  }

  return (
    <>
      <div className="page-head">
        <h1>{t('cultural.list.title')}</h1>
        {mayEditCultural(session?.user.role) ? (
          <Link to="/cultural-property/new" className="button primary">
            {t('cultural.list.new')}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t('cultural.list.intro')}</p>
      <p>
        <Link to="/cultural-property/checks">{t('cultural.list.checksLink')}</Link>
      </p>
      <section className="panel" aria-labelledby="cultural-filters">
        <h2 id="cultural-filters">{t('cultural.list.filters')}</h2>
        <form className="form grid" onSubmit={apply}>
          <Field id="cp-filter-q" type="search" label={t('cultural.list.words')} value={form.q} onChange={(e) => setForm({ ...form, q: e.target.value })} maxLength={500} />
          <SelectField
            id="cp-filter-status"
            label={t('culturalCheck.status')}
            value={form.legalStatus}
            onChange={(e) => setForm({ ...form, legalStatus: e.target.value })}
            options={[{ value: '', label: ts('common.any') }, ...LEGAL_STATUSES.map((v) => ({ value: v, label: ts(`culturalCheck.legalStatus.${v}`) }))]}
          />
          <Field id="cp-filter-type" label={t('cultural.field.objectType')} value={form.objectType} onChange={(e) => setForm({ ...form, objectType: e.target.value })} maxLength={200} />
          <CountryPicker
            key={`country-${urlKey}`}
            id="cp-filter-country"
            label={ts('cultural.field.country')}
            countries={countries.data ?? []}
            value={form.country || null}
            onChange={(code) => setForm((old) => ({ ...old, country: code ?? '' }))}
          />
          <SelectField
            id="cp-filter-origin"
            label={t('cultural.list.origin')}
            value={form.origin || 'all'}
            onChange={(e) => setForm({ ...form, origin: e.target.value === 'all' ? '' : e.target.value })}
            options={CULTURAL_ORIGINS.map((o) => ({ value: o, label: ts(`cultural.list.originOption.${o}`) }))}
          />
          <div className="actions">
            <button type="submit" className="primary">
              {t('common.apply')}
            </button>
            <button
              type="button"
              onClick={() => {
                setForm(Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])) as typeof form);
                setByPhoto(null);
                navigate('/cultural-property');
              }}
            >
              {t('common.reset')}
            </button>
          </div>
        </form>
      </section>
      <section className="panel" aria-labelledby="cultural-photo-search">
        <h2 id="cultural-photo-search">{t('cultural.list.photoTitle')}</h2>
        <form className="form" onSubmit={searchPhoto}>
          <div className="field">
            <label htmlFor="cp-search-photo">{t('cultural.list.photo')}</label>
            <input id="cp-search-photo" name="cp-search-photo" type="file" accept={PHOTO_TYPES} aria-describedby="cp-search-photo-hint" onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} />
            <small id="cp-search-photo-hint" className="hint">
              {t('cultural.list.photoHint')}
            </small>
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={!photo || searching}>
              {searching ? t('culturalCheck.checking') : t('cultural.list.photoSearch')}
            </button>
          </div>
        </form>
        <ErrorAlert error={photoError} />
      </section>
      {byPhoto ? (
        <section aria-labelledby="cultural-photo-results" aria-live="polite">
          <h2 id="cultural-photo-results">{t('cultural.list.photoResults', { count: byPhoto.total })}</h2>
          <RecordTable items={byPhoto.items} withDistance />
        </section>
      ) : (
        <section aria-labelledby="cultural-results">
          <h2 id="cultural-results" className="visually-hidden">
            {t('cultural.list.results')}
          </h2>
          {list.loading && !list.data ? <Loading /> : null}
          <ErrorAlert error={list.error} />
          {list.data ? (
            <>
              <p className="meta" role="status">
                {t('cultural.list.count', { count: list.data.total })}
              </p>
              <RecordTable items={list.data.items} />
            </>
          ) : null}
        </section>
      )}
      {mayEditCultural(session?.user.role) ? (
        <ImportPanel
          onDone={() => {
            setByPhoto(null);
            list.reload();
          }}
        />
      ) : null}
    </>
  );
}

function RecordTable({ items, withDistance = false }: { items: readonly CulturalSummary[]; withDistance?: boolean }) {
  const { t, ts, lng } = useT();
  const countries = useAsync(() => loadCountries(), []);
  const countryLabel = (code: string) => countryName(countries.data?.find((c) => c.code === code), lng, code);
  if (items.length === 0) return <p>{t('cultural.list.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="requests-table cultural-table">
        <thead>
          <tr>
            <th scope="col">{t('cultural.field.photo')}</th>
            <th scope="col">{t('cultural.field.reference')}</th>
            <th scope="col">{t('cultural.field.title')}</th>
            <th scope="col">{t('cultural.field.objectType')}</th>
            <th scope="col">{t('culturalCheck.status')}</th>
            <th scope="col">{t('requests.field.marking')}</th>
            {withDistance ? <th scope="col">{t('cultural.field.distance')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td className="cultural-thumb-cell">
                {r.firstImageId ? (
                  <img
                    src={r.origin ? culturalApi.publicImageUrl(r.firstImageId) : culturalApi.imageUrl(r.id, r.firstImageId)}
                    alt={ts('cultural.record.photoOf', { title: r.title })}
                    width={64}
                    height={64}
                    loading="lazy"
                  />
                ) : (
                  <span className="muted">{t('common.none')}</span>
                )}
              </td>
              <td>
                {r.origin ? (
                  // A peer's record is read-only here: its reference, not a link.
                  <span className="reference">
                    <bdi>{r.reference}</bdi>
                  </span>
                ) : (
                  <Link to={`/cultural-property/${r.id}`} className="reference">
                    <bdi>{r.reference}</bdi>
                  </Link>
                )}
              </td>
              <td className="title-cell">
                <bdi>{r.title}</bdi>
                <span className="origin-label">
                  {r.origin ? (
                    <>
                      {t('cultural.list.fromPeer')} <bdi>{r.origin.authority}</bdi> · <bdi>{countryLabel(r.origin.country)}</bdi>
                      <code className="origin-node" dir="ltr">
                        {r.origin.nodeId}
                      </code>
                    </>
                  ) : (
                    t('cultural.list.ours')
                  )}
                </span>
              </td>
              <td data-label={ts('cultural.field.objectType')}>
                <bdi>{r.objectType}</bdi>
              </td>
              <td data-label={ts('culturalCheck.status')}>
                <StatusBadge status={r.legalStatus} />
              </td>
              <td data-label={ts('requests.field.marking')}>
                <MarkingBadge marking={r.marking} />
              </td>
              {withDistance ? (
                <td data-label={ts('cultural.field.distance')} className="cultural-distance">
                  {r.imageDistance ?? '–'}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ImportPanel({ onDone }: { onDone: () => void }) {
  const { t } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<CulturalImportReport | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setReport(null);
    try {
      const r = await culturalApi.importFile(file);
      setReport(r);
      if (r.imported > 0) onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="cultural-import">
      <h2 id="cultural-import">{t('cultural.import.title')}</h2>
      <p className="hint">{t('cultural.import.intro')}</p>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="cp-import-file">{t('cultural.import.file')}</label>
          <input
            id="cp-import-file"
            name="cp-import-file"
            type="file"
            accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={!file || busy}>
            {t('cultural.import.submit')}
          </button>
        </div>
      </form>
      <ErrorAlert error={error} />
      {report ? (
        report.problems.length ? (
          <div className="cultural-import-report" role="alert">
            <p className="alert alert-error">{t('cultural.import.problems', { count: report.problems.length, rows: report.rows })}</p>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('cultural.import.line')}</th>
                    <th scope="col">{t('cultural.import.column')}</th>
                    <th scope="col">{t('cultural.import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.problems.map((p) => (
                    <tr key={`${p.line}-${p.field}-${p.message}`}>
                      <td>{p.line}</td>
                      <td>
                        <code>{p.field ?? '–'}</code>
                      </td>
                      <td lang="en" dir="ltr">
                        {p.message}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ) : (
          <Notice>{t('cultural.import.done', { count: report.imported })}</Notice>
        )
      ) : null}
    </section>
  );
}

export function CulturalRecordPage({ id }: { id: string }) {
  const { t, ts, lng } = useT();
  const { session } = useSession();
  const record = useAsync(() => culturalApi.get(id), [id]);
  const countries = useAsync(() => loadCountries(), []);
  const [photo, setPhoto] = useState<File | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState(false);

  if (record.loading && !record.data) return <Loading />;
  if (!record.data) return <ErrorAlert error={record.error} />;
  const r = record.data;
  const editable = mayEditCultural(session?.user.role) && session?.user.organisation.id === r.organisationId;

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (!photo) return;
    setBusy(true);
    setUploadError(undefined);
    setAdded(false);
    try {
      await culturalApi.addImage(id, photo);
      setAdded(true);
      setPhoto(null);
      (event.target as HTMLFormElement).reset();
      record.refresh();
    } catch (err) {
      setUploadError(err);
    } finally {
      setBusy(false);
    }
  }

  const objectFields = OBJECT_ID_FIELDS.filter((k) => r.objectId[k]);
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/cultural-property">{t('cultural.list.title')}</Link>
      </p>
      <div className="page-head">
        <h1>
          <bdi>{r.title}</bdi>{' '}
          <span className="reference">
            <bdi>{r.reference}</bdi>
          </span>
        </h1>
        {editable ? (
          <Link to={`/cultural-property/${r.id}/edit`} className="button">
            {t('cultural.record.edit')}
          </Link>
        ) : null}
      </div>
      <p className="badges">
        <StatusBadge status={r.legalStatus} /> <MarkingBadge marking={r.marking} />{' '}
        <span className="badge">{r.public ? t('cultural.record.public') : t('cultural.record.notPublic')}</span>
      </p>
      <section className="panel" aria-labelledby="cultural-images">
        <h2 id="cultural-images">{t('cultural.record.images', { count: r.images.length })}</h2>
        {r.images.length ? (
          <ul className="cultural-gallery">
            {r.images.map((img) => (
              <li key={img.id} className="cultural-gallery-item">
                <a href={culturalApi.imageUrl(r.id, img.id, 'original')} target="_blank" rel="noreferrer">
                  <img src={culturalApi.imageUrl(r.id, img.id)} alt={ts('cultural.record.photoOf', { title: r.title })} width={160} />
                </a>
                <small className="hint" dir="ltr">
                  {img.width}×{img.height}
                </small>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('cultural.record.noImages')}</p>
        )}
        {editable ? (
          <form className="form" onSubmit={upload}>
            <div className="field">
              <label htmlFor="cp-add-photo">{t('cultural.record.addPhoto')}</label>
              <input id="cp-add-photo" name="cp-add-photo" type="file" accept={PHOTO_TYPES} aria-describedby="cp-add-photo-hint" onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} />
              <small id="cp-add-photo-hint" className="hint">
                {t('culturalCheck.photoHint')}
              </small>
            </div>
            <div className="actions">
              <button type="submit" className="primary" disabled={!photo || busy}>
                {t('cultural.record.upload')}
              </button>
            </div>
            <ErrorAlert error={uploadError} />
            {added ? <Notice>{t('cultural.record.added')}</Notice> : null}
          </form>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="cultural-details">
        <h2 id="cultural-details">{t('cultural.record.details')}</h2>
        <dl className="facts">
          <dt>{t('cultural.field.objectType')}</dt>
          <dd>
            <bdi>{r.objectType}</bdi>
          </dd>
          {objectFields.map((k) => (
            <Fragment key={k}>
              <dt>{t(`cultural.field.${k}`)}</dt>
              <dd className="pre-wrap">
                <bdi>{r.objectId[k]}</bdi>
              </dd>
            </Fragment>
          ))}
          <dt>{t('cultural.field.authority')}</dt>
          <dd>
            <bdi>{r.reportingAuthority}</bdi>
          </dd>
          {r.theft ? (
            <>
              <dt>{t(`cultural.field.theftKind.${r.theft.kind}`)}</dt>
              <dd>
                {[r.theft.place, r.theft.country ? countryName(countries.data?.find((c) => c.code === r.theft?.country), lng, r.theft.country) : null, r.theft.date ? formatDate(r.theft.date, lng) : null].filter(Boolean).join(', ') || t('common.unknown')}
              </dd>
            </>
          ) : null}
          <dt>{t('cultural.field.case')}</dt>
          <dd>
            {r.case ? (
              <Link to={`/cases/${r.case.id}`}>
                <bdi>
                  {r.case.reference} — {r.case.title}
                </bdi>
              </Link>
            ) : (
              t('common.none')
            )}
          </dd>
          <dt>{t('cultural.record.updated')}</dt>
          <dd>
            {formatDate(r.updatedAt, lng, true)} · {t('cultural.record.version', { version: r.version })}
          </dd>
        </dl>
      </section>
    </>
  );
}

type FormState = {
  reference: string;
  title: string;
  objectType: string;
  objectId: Record<string, string>;
  theftKind: '' | 'theft' | 'excavation';
  country: string;
  place: string;
  date: string;
  reportingAuthority: string;
  caseId: string;
  legalStatus: LegalStatus;
  marking: TlpMarking;
};

function formOf(r: CulturalObject | undefined): FormState {
  return {
    reference: r?.reference ?? '',
    title: r?.title ?? '',
    objectType: r?.objectType ?? '',
    objectId: Object.fromEntries(OBJECT_ID_FIELDS.map((k) => [k, r?.objectId[k] ?? ''])),
    theftKind: r?.theft?.kind ?? '',
    country: r?.theft?.country ?? '',
    place: r?.theft?.place ?? '',
    date: r?.theft?.date ?? '',
    reportingAuthority: r?.reportingAuthority ?? '',
    caseId: r?.case?.id ?? '',
    legalStatus: r?.legalStatus ?? 'stolen',
    marking: r?.marking ?? 'AMBER',
  };
}

function bodyOf(f: FormState): Omit<CreateCulturalBody, 'reference'> {
  const objectId = Object.fromEntries(Object.entries(f.objectId).filter(([, v]) => v.trim() !== ''));
  const theft = f.theftKind
    ? { kind: f.theftKind, ...(f.country.trim() ? { country: f.country.trim() } : {}), ...(f.place.trim() ? { place: f.place.trim() } : {}), ...(f.date ? { date: f.date } : {}) }
    : undefined;
  return {
    title: f.title,
    objectType: f.objectType,
    objectId,
    ...(theft ? { theft } : {}),
    reportingAuthority: f.reportingAuthority,
    caseId: f.caseId || null,
    legalStatus: f.legalStatus,
    marking: f.marking,
  };
}

/** Create a record (with photos), or change one: the version it was opened at goes with the change. */
export function CulturalEditorPage({ id }: { id?: string }) {
  const { t } = useT();
  const existing = useAsync(() => (id ? culturalApi.get(id) : Promise.resolve(undefined)), [id]);
  if (id && existing.loading && !existing.data) return <Loading />;
  if (id && !existing.data) return <ErrorAlert error={existing.error} />;
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/cultural-property">{t('cultural.list.title')}</Link>
      </p>
      <h1>{id ? t('cultural.editor.editTitle') : t('cultural.editor.newTitle')}</h1>
      <CulturalForm key={existing.data ? `${existing.data.id}-${existing.data.version}` : 'new'} record={existing.data} onReload={existing.reload} />
    </>
  );
}

function CulturalForm({ record, onReload }: { record: CulturalObject | undefined; onReload: () => void }) {
  const { t, ts } = useT();
  const [f, setF] = useState(() => formOf(record));
  const [photos, setPhotos] = useState<File[]>([]);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const cases = useAsync(() => casesApi.list({ limit: 200, offset: 0 }), []);
  const countries = useAsync(() => loadCountries(), []);
  const conflict = error instanceof ApiError && error.code === 'version_conflict';
  const set = (patch: Partial<FormState>) => setF((old) => ({ ...old, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      let saved: CulturalObject;
      if (record) saved = await culturalApi.update(record.id, { version: record.version, ...bodyOf(f) });
      else saved = await culturalApi.create({ ...bodyOf(f), ...(f.reference.trim() ? { reference: f.reference.trim() } : {}) });
      for (const p of photos) await culturalApi.addImage(saved.id, p);
      navigate(`/cultural-property/${saved.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form panel cultural-editor" onSubmit={submit}>
      {record ? null : <Field id="cp-reference" label={t('cultural.field.reference')} hint={t('cultural.editor.referenceHint')} value={f.reference} onChange={(e) => set({ reference: e.target.value })} maxLength={64} />}
      <Field id="cp-title" label={t('cultural.field.title')} value={f.title} onChange={(e) => set({ title: e.target.value })} required maxLength={500} />
      <Field id="cp-type" label={t('cultural.field.objectType')} value={f.objectType} onChange={(e) => set({ objectType: e.target.value })} required maxLength={200} />
      <fieldset className="choice-group">
        <legend>{t('cultural.editor.objectId')}</legend>
        {OBJECT_ID_FIELDS.map((k) =>
          LONG_FIELDS.has(k) ? (
            <div className="field" key={k}>
              <label htmlFor={`cp-${k}`}>{t(`cultural.field.${k}`)}</label>
              <textarea id={`cp-${k}`} name={`cp-${k}`} rows={3} maxLength={10000} value={f.objectId[k] ?? ''} onChange={(e) => set({ objectId: { ...f.objectId, [k]: e.target.value } })} />
            </div>
          ) : (
            <Field key={k} id={`cp-${k}`} label={t(`cultural.field.${k}`)} value={f.objectId[k] ?? ''} onChange={(e) => set({ objectId: { ...f.objectId, [k]: e.target.value } })} maxLength={500} />
          ),
        )}
      </fieldset>
      <fieldset className="choice-group">
        <legend>{t('cultural.editor.theft')}</legend>
        <SelectField
          id="cp-theft-kind"
          label={t('cultural.field.theftKindLabel')}
          value={f.theftKind}
          onChange={(e) => set({ theftKind: e.target.value as FormState['theftKind'] })}
          options={[
            { value: '', label: ts('common.unknown') },
            { value: 'theft', label: ts('cultural.field.theftKind.theft') },
            { value: 'excavation', label: ts('cultural.field.theftKind.excavation') },
          ]}
        />
        {f.theftKind ? <CountryPicker id="cp-country" label={ts('cultural.field.country')} countries={countries.data ?? []} value={f.country || null} onChange={(code) => set({ country: code ?? '' })} /> : null}
        <Field id="cp-place" label={t('cultural.field.place')} value={f.place} onChange={(e) => set({ place: e.target.value })} maxLength={500} disabled={!f.theftKind} />
        <Field id="cp-date" type="date" label={t('cultural.field.date')} value={f.date} onChange={(e) => set({ date: e.target.value })} disabled={!f.theftKind} />
      </fieldset>
      <Field id="cp-authority" label={t('cultural.field.authority')} value={f.reportingAuthority} onChange={(e) => set({ reportingAuthority: e.target.value })} required maxLength={500} />
      <SelectField
        id="cp-status"
        label={t('culturalCheck.status')}
        value={f.legalStatus}
        onChange={(e) => set({ legalStatus: e.target.value as LegalStatus })}
        options={LEGAL_STATUSES.map((v) => ({ value: v, label: ts(`culturalCheck.legalStatus.${v}`) }))}
      />
      <div className="field">
        <label htmlFor="cp-marking">{t('requests.field.marking')}</label>
        <select id="cp-marking" name="cp-marking" value={f.marking} aria-describedby="cp-marking-hint" onChange={(e) => set({ marking: e.target.value as TlpMarking })}>
          {TLP_MARKINGS.map((m) => (
            <option key={m} value={m}>
              TLP:{m}
            </option>
          ))}
        </select>
        <small id="cp-marking-hint" className="hint">
          {f.marking === 'CLEAR' ? t('cultural.editor.markingPublic') : t('cultural.editor.markingRestricted')}
        </small>
      </div>
      <SelectField
        id="cp-case"
        label={t('cultural.field.case')}
        value={f.caseId}
        onChange={(e) => set({ caseId: e.target.value })}
        options={[
          { value: '', label: ts('common.none') },
          ...(cases.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.reference} — ${c.withheld ? ts('policy.withheld') : c.title}` })),
          ...(record?.case && !(cases.data?.items ?? []).some((c) => c.id === record.case?.id) ? [{ value: record.case.id, label: `${record.case.reference} — ${record.case.title}` }] : []),
        ]}
      />
      <div className="field">
        <label htmlFor="cp-photos">{t('cultural.editor.photos')}</label>
        <input id="cp-photos" name="cp-photos" type="file" multiple accept={PHOTO_TYPES} aria-describedby="cp-photos-hint" onChange={(e) => setPhotos([...(e.target.files ?? [])])} />
        <small id="cp-photos-hint" className="hint">
          {t('culturalCheck.photoHint')}
        </small>
      </div>
      <ErrorAlert error={error}>{conflict ? t('cultural.editor.conflict') : undefined}</ErrorAlert>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {record ? t('cultural.editor.save') : t('cultural.editor.create')}
        </button>
        {conflict ? (
          <button type="button" onClick={onReload}>
            {t('cultural.editor.reload')}
          </button>
        ) : null}
        <Link to={record ? `/cultural-property/${record.id}` : '/cultural-property'} className="button">
          {t('cultural.editor.cancel')}
        </Link>
      </div>
    </form>
  );
}
