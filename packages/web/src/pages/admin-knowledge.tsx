// Admin: the knowledge base. Import depositary files as new versions, curate the facts the data
// lacks (a participation, a bilateral treaty, the effect of a reservation) with a source and a
// note, and settle the conflicts between curated facts and newer imports. Every change is audited.
import { type FormEvent, type ReactNode, useState } from 'react';
import { api, type CuratedFact, type Curation, type ImportReport } from '../api.ts';
import { CountryPicker } from '../components/country-picker.tsx';
import { ErrorAlert, Field, formatDate, Loading, Notice, SelectField } from '../components/ui.tsx';
import { useT } from '../i18n/use-t.tsx';
import { cooperationTypes, countryName, loadCountries, offenceIds } from '../knowledge.ts';
import { Link } from '../router.tsx';
import { useAsync } from '../use-async.ts';

const CONSENT_KINDS = ['ratification', 'accession', 'acceptance', 'approval', 'succession', 'definitive-signature', 'unknown'] as const;
const EFFECT_KINDS = [
  'no-treaty-basis-for-extradition',
  'treaty-basis-for-extradition',
  'central-authority',
  'languages',
  'territorial-exclusion',
  'dispute-settlement',
  'other',
] as const;
type EffectKind = (typeof EFFECT_KINDS)[number];

export function KnowledgeAdminPage() {
  const { t } = useT();
  // Bumped after every change so that the lists below reload.
  const [tick, setTick] = useState(0);
  const changed = () => setTick((n) => n + 1);
  return (
    <>
      <h1>{t('knowledgeAdmin.title')}</h1>
      <p>{t('knowledgeAdmin.intro')}</p>
      <Conflicts tick={tick} onChange={changed} />
      <Versions tick={tick} />
      <ImportForm onImported={changed} />
      <Curations tick={tick} onChange={changed} />
      <ParticipationForm onSaved={changed} />
      <BilateralForm onSaved={changed} />
      <EffectForm onSaved={changed} />
    </>
  );
}

function Versions({ tick }: { tick: number }) {
  const { t, lng } = useT();
  const versions = useAsync(() => api.knowledgeVersions(), [tick]);
  return (
    <section aria-labelledby="kn-versions" className="panel">
      <h2 id="kn-versions">{t('knowledgeAdmin.versions')}</h2>
      {versions.loading && !versions.data ? <Loading /> : null}
      <ErrorAlert error={versions.error} />
      {versions.data ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('knowledgeAdmin.version')}</th>
                <th scope="col">{t('knowledgeAdmin.createdAt')}</th>
                <th scope="col">{t('knowledgeAdmin.source')}</th>
                <th scope="col">{t('knowledgeAdmin.dataAsOf')}</th>
                <th scope="col">{t('knowledgeAdmin.digest')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.data.items.map((v) => (
                <tr key={v.version}>
                  <td>
                    {v.version}
                    {v.current ? <span className="flag">{t('knowledgeAdmin.current')}</span> : null}
                    {v.forced ? <span className="flag">{t('knowledgeAdmin.forced')}</span> : null}
                  </td>
                  <td>
                    {formatDate(v.createdAt, lng, true)}
                    {v.importedBy ? <small className="source"> · {v.importedBy}</small> : null}
                  </td>
                  <td>
                    <bdi>{v.source}</bdi>
                    {v.files.length > 0 ? (
                      <ul className="compact">
                        {v.files.map((f) => (
                          <li key={f.name}>
                            <Link to={`/instruments/${encodeURIComponent(f.instrument)}?version=${v.version}`}>{f.instrument}</Link>:{' '}
                            {t('knowledgeAdmin.fileSummary', { participations: f.participations, parties: f.parties, date: formatDate(f.asOf, lng) })}
                            {f.complete ? null : <span className="flag">{t('instruments.incomplete')}</span>}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                  <td>{formatDate(v.dataAsOf, lng)}</td>
                  <td>
                    <code className="digest" title={v.digest}>
                      {v.digest.slice(0, 16)}…
                    </code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** MTDSG files declare ISO-8859-1; the bytes are decoded as the file says, as the CLI does. */
async function readDepositaryFile(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /<\?xml[^>]*encoding=["']([^"']+)["']/i.exec(head)?.[1]?.toLowerCase();
  const latin = declared !== undefined && /^(iso-8859-1|latin-?1|windows-1252|cp1252)$/.test(declared);
  return new TextDecoder(latin ? 'latin1' : 'utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

function ImportForm({ onImported }: { onImported: () => void }) {
  const { t, ts, lng } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<'untc-xml' | 'coe-json'>('untc-xml');
  const [asOf, setAsOf] = useState('');
  const [force, setForce] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [report, setReport] = useState<ImportReport | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setReport(null);
    try {
      const content = await readDepositaryFile(file);
      setReport(await api.importKnowledge({ format, fileName: file.name, content, ...(asOf ? { asOf } : {}), ...(force ? { force } : {}) }));
      onImported();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="kn-import" className="panel">
      <h2 id="kn-import">{t('knowledgeAdmin.importTitle')}</h2>
      <form onSubmit={submit} className="form grid" aria-busy={busy}>
        <div className="field">
          <label htmlFor="kn-file">{t('knowledgeAdmin.file')}</label>
          <input
            id="kn-file"
            name="kn-file"
            type="file"
            accept=".xml,.json,application/xml,application/json"
            required
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              setFile(f);
              if (f) setFormat(/\.json$/i.test(f.name) ? 'coe-json' : 'untc-xml');
            }}
          />
        </div>
        <SelectField
          id="kn-format"
          label={t('knowledgeAdmin.format')}
          value={format}
          onChange={(e) => setFormat(e.target.value === 'coe-json' ? 'coe-json' : 'untc-xml')}
          options={[
            { value: 'untc-xml', label: ts('knowledgeAdmin.formatUntc') },
            { value: 'coe-json', label: ts('knowledgeAdmin.formatCoe') },
          ]}
        />
        <Field id="kn-asof" type="date" label={t('knowledgeAdmin.asOf')} value={asOf} required={format === 'untc-xml'} onChange={(e) => setAsOf(e.target.value)} />
        <div className="field checkbox">
          <input id="kn-force" type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
          <label htmlFor="kn-force">{t('knowledgeAdmin.force')}</label>
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !file}>
            {t('knowledgeAdmin.importSubmit')}
          </button>
        </div>
      </form>
      <ErrorAlert error={error} />
      {report ? (
        <Notice>
          {t('knowledgeAdmin.imported', { version: report.version })}{' '}
          {report.files.map((f) => (
            <span key={f.name}>
              {f.instrument}: {t('knowledgeAdmin.fileSummary', { participations: f.participations, parties: f.parties, date: formatDate(f.asOf, lng) })}
              {f.unmapped.length > 0 ? <> · {t('knowledgeAdmin.unmapped', { names: f.unmapped.join(', ') })}</> : null}{' '}
            </span>
          ))}
        </Notice>
      ) : null}
    </section>
  );
}

function describeFact(c: Curation): string {
  const f = c.fact as Record<string, unknown>;
  switch (c.kind) {
    case 'participation':
      return [f.consentKind, f.consent, f.signature ? `signature ${String(f.signature)}` : '', f.denunciation ? `denunciation ${String(f.denunciation)}` : '']
        .filter(Boolean)
        .join(' ');
    case 'bilateral-treaty':
      return `${String(f.title ?? '')} (${(f.states as string[] | undefined)?.join('–') ?? ''})`;
    case 'reservation-effect':
      return ((f.effects as { kind: string }[] | undefined) ?? []).map((e) => e.kind).join(', ');
    default:
      return '';
  }
}

function WithdrawControl({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('knowledgeAdmin.withdraw')}
      </button>
    );
  }
  return (
    <form
      className="inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(undefined);
        try {
          await api.withdrawCuration(id, note.trim());
          onDone();
        } catch (err) {
          setError(err);
        }
      }}
    >
      <Field id={`withdraw-${id}`} label={t('knowledgeAdmin.withdrawNote')} required value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="submit">{t('knowledgeAdmin.withdraw')}</button>
      <ErrorAlert error={error} />
    </form>
  );
}

function Curations({ tick, onChange }: { tick: number; onChange: () => void }) {
  const { t, label, lng } = useT();
  const [all, setAll] = useState(false);
  const curations = useAsync(() => api.curations(all), [tick, all]);
  return (
    <section aria-labelledby="kn-curations" className="panel">
      <h2 id="kn-curations">{t('knowledgeAdmin.curationsTitle')}</h2>
      <div className="field checkbox">
        <input id="kn-show-withdrawn" type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
        <label htmlFor="kn-show-withdrawn">{t('knowledgeAdmin.showWithdrawn')}</label>
      </div>
      {curations.loading && !curations.data ? <Loading /> : null}
      <ErrorAlert error={curations.error} />
      {curations.data?.items.length === 0 ? <p>{t('knowledgeAdmin.noCurations')}</p> : null}
      {curations.data && curations.data.items.length > 0 ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('knowledgeAdmin.kind')}</th>
                <th scope="col">{t('knowledgeAdmin.instrument')}</th>
                <th scope="col">{t('knowledgeAdmin.state')}</th>
                <th scope="col">{t('knowledgeAdmin.fact')}</th>
                <th scope="col">{t('knowledgeAdmin.factSource')}</th>
                <th scope="col">{t('knowledgeAdmin.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('knowledgeAdmin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {curations.data.items.map((c) => (
                <tr key={c.id} data-curation={c.id}>
                  <td>{label('curationKind', c.kind)}</td>
                  <td>
                    <Link to={`/instruments/${encodeURIComponent(c.instrument)}`}>{c.instrument}</Link>
                  </td>
                  <td>{c.state ?? '—'}</td>
                  <td>
                    <bdi>{describeFact(c)}</bdi>
                  </td>
                  <td>
                    <bdi>{c.source}</bdi>
                    <small className="source">
                      {' '}
                      · <bdi>{c.note}</bdi> · {t('knowledgeAdmin.curatedBy', { who: c.createdBy ?? '—', date: formatDate(c.createdAt, lng) })}
                    </small>
                  </td>
                  <td>
                    {c.withdrawnAt ? (
                      <span className="flag">{t('knowledgeAdmin.withdrawn')}</span>
                    ) : c.inConflict ? (
                      <span className="flag flag-warn">{t('knowledgeAdmin.inConflict')}</span>
                    ) : (
                      t('knowledgeAdmin.basedOn', { version: c.basedOnVersion })
                    )}
                  </td>
                  <td>{c.withdrawnAt ? null : <WithdrawControl id={c.id} onDone={onChange} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function Conflicts({ tick, onChange }: { tick: number; onChange: () => void }) {
  const { t } = useT();
  const conflicts = useAsync(() => api.knowledgeConflicts(), [tick]);
  const [error, setError] = useState<unknown>(undefined);
  return (
    <section aria-labelledby="kn-conflicts" className="panel">
      <h2 id="kn-conflicts">{t('knowledgeAdmin.conflicts')}</h2>
      <ErrorAlert error={conflicts.error ?? error} />
      {conflicts.data?.items.length === 0 ? <p>{t('knowledgeAdmin.noConflicts')}</p> : null}
      <ul className="conflicts">
        {(conflicts.data?.items ?? []).map((c) => (
          <li key={`${c.curationId}-${c.version}`} className="alert alert-warn">
            <strong>
              {c.instrument}
              {c.state ? ` · ${c.state}` : ''}
            </strong>{' '}
            — {t('knowledgeAdmin.conflictVersion', { version: c.version })}: <bdi lang="en">{c.message}</bdi>
            <dl className="facts">
              <dt>{t('knowledgeAdmin.curatedValue')}</dt>
              <dd>
                <code>{JSON.stringify(c.curated)}</code>
              </dd>
              <dt>{t('knowledgeAdmin.importedValue')}</dt>
              <dd>
                <code>{JSON.stringify(c.imported)}</code>
              </dd>
            </dl>
            <div className="actions">
              <button
                type="button"
                onClick={async () => {
                  setError(undefined);
                  try {
                    await api.confirmCuration(c.curationId);
                    onChange();
                  } catch (err) {
                    setError(err);
                  }
                }}
              >
                {t('knowledgeAdmin.confirm')}
              </button>
              <WithdrawControl id={c.curationId} onDone={onChange} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Source and note: every curated fact carries both. */
function SourceAndNote({ prefix, source, note, setSource, setNote }: { prefix: string; source: string; note: string; setSource: (v: string) => void; setNote: (v: string) => void }) {
  const { t } = useT();
  return (
    <>
      <Field id={`${prefix}-source`} label={t('knowledgeAdmin.factSource')} hint={t('knowledgeAdmin.sourceHint')} required value={source} onChange={(e) => setSource(e.target.value)} />
      <Field id={`${prefix}-note`} label={t('knowledgeAdmin.note')} required value={note} onChange={(e) => setNote(e.target.value)} />
    </>
  );
}

function useCurationSubmit(onSaved: () => void) {
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  async function save(fact: CuratedFact, source: string, note: string): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      await api.curate({ fact, source: source.trim(), note: note.trim() });
      setSaved(true);
      onSaved();
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { error, setError, saved, busy, save };
}

function Feedback({ error, saved }: { error: unknown; saved: boolean }): ReactNode {
  const { t } = useT();
  return (
    <>
      {error instanceof Error && error.message === 'country' ? (
        <ErrorAlert>{t('finder.pickCountry')}</ErrorAlert>
      ) : error instanceof Error && error.message === 'country-one' ? (
        <ErrorAlert>{t('finder.pickOneCountry')}</ErrorAlert>
      ) : (
        <ErrorAlert error={error} />
      )}
      {saved ? <Notice>{t('knowledgeAdmin.saved')}</Notice> : null}
    </>
  );
}

function useInstrumentOptions() {
  const instruments = useAsync(() => api.instruments(), []);
  return (instruments.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.id} — ${i.short}` }));
}

function ParticipationForm({ onSaved }: { onSaved: () => void }) {
  const { t, ts } = useT();
  const countries = useAsync(() => loadCountries(), []);
  const instruments = useInstrumentOptions();
  const [instrument, setInstrument] = useState('');
  const [state, setState] = useState<string | null>(null);
  const [consentKind, setConsentKind] = useState('');
  const [dates, setDates] = useState({ signature: '', consent: '', entryIntoForce: '', denunciation: '' });
  const [source, setSource] = useState('');
  const [note, setNote] = useState('');
  const submit = useCurationSubmit(onSaved);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!state) return submit.setError(new Error('country-one'));
    const fact: CuratedFact = {
      kind: 'participation',
      instrument,
      state,
      ...(consentKind ? { consentKind: consentKind as (typeof CONSENT_KINDS)[number] } : {}),
      ...Object.fromEntries(Object.entries(dates).filter(([, v]) => v)),
    };
    if (await submit.save(fact, source, note)) {
      setDates({ signature: '', consent: '', entryIntoForce: '', denunciation: '' });
      setSource('');
      setNote('');
    }
  }

  return (
    <section aria-labelledby="kn-participation" className="panel">
      <h2 id="kn-participation">{t('knowledgeAdmin.addParticipation')}</h2>
      <form onSubmit={onSubmit} className="form grid curation-form" aria-busy={submit.busy}>
        <SelectField
          id="cp-instrument"
          label={t('knowledgeAdmin.instrument')}
          required
          value={instrument}
          onChange={(e) => setInstrument(e.target.value)}
          options={[{ value: '', label: ts('finder.choose') }, ...instruments]}
        />
        <CountryPicker id="cp-state" label={ts('knowledgeAdmin.state')} countries={countries.data ?? []} value={state} onChange={setState} required />
        <SelectField
          id="cp-consent-kind"
          label={t('instrument.consentKind')}
          value={consentKind}
          onChange={(e) => setConsentKind(e.target.value)}
          options={[{ value: '', label: ts('knowledgeAdmin.signatoryOnly') }, ...CONSENT_KINDS.map((k) => ({ value: k, label: ts(`consentKind.${k}`) }))]}
        />
        <Field id="cp-consent" type="date" label={t('instrument.consent')} value={dates.consent} onChange={(e) => setDates({ ...dates, consent: e.target.value })} />
        <Field id="cp-signature" type="date" label={t('instrument.signature')} value={dates.signature} onChange={(e) => setDates({ ...dates, signature: e.target.value })} />
        <Field
          id="cp-eif"
          type="date"
          label={t('instrument.entryIntoForce')}
          value={dates.entryIntoForce}
          onChange={(e) => setDates({ ...dates, entryIntoForce: e.target.value })}
        />
        <Field
          id="cp-denunciation"
          type="date"
          label={t('knowledgeAdmin.denunciation')}
          value={dates.denunciation}
          onChange={(e) => setDates({ ...dates, denunciation: e.target.value })}
        />
        <SourceAndNote prefix="cp" source={source} note={note} setSource={setSource} setNote={setNote} />
        <div className="actions">
          <button type="submit" className="primary" disabled={submit.busy}>
            {t('knowledgeAdmin.save')}
          </button>
        </div>
      </form>
      <Feedback error={submit.error} saved={submit.saved} />
    </section>
  );
}

/** "1 | Obligation to assist" per line → articles. */
function parseArticles(text: string): { number: string; heading: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [number, ...heading] = line.split('|');
      return { number: (number ?? '').trim(), heading: heading.join('|').trim() };
    });
}

function BilateralForm({ onSaved }: { onSaved: () => void }) {
  const { t, ts, label, lng } = useT();
  const countries = useAsync(() => loadCountries(), []);
  const [stateA, setStateA] = useState<string | null>(null);
  const [stateB, setStateB] = useState<string | null>(null);
  const [id, setId] = useState('');
  const [title, setTitle] = useState('');
  const [adopted, setAdopted] = useState('');
  const [entryIntoForce, setEntryIntoForce] = useState('');
  const [offences, setOffences] = useState<string[]>(['*any-offence']);
  const [types, setTypes] = useState<Record<string, string>>({});
  const [articles, setArticles] = useState('');
  const [source, setSource] = useState('');
  const [note, setNote] = useState('');
  const submit = useCurationSubmit(onSaved);
  const byCode = new Map((countries.data ?? []).map((c) => [c.code, c]));
  const suggestedId = stateA && stateB ? `${stateA}-${stateB}-${Object.keys(types)[0]?.toUpperCase() ?? 'TREATY'}${adopted ? `-${adopted.slice(0, 4)}` : ''}` : '';

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!stateA || !stateB) return submit.setError(new Error('country'));
    const cooperation = Object.fromEntries(
      Object.entries(types).map(([type, numbers]) => [
        type,
        {
          articles: numbers
            .split(',')
            .map((n) => n.trim())
            .filter(Boolean),
        },
      ]),
    );
    const fact: CuratedFact = {
      kind: 'bilateral-treaty',
      id: id || suggestedId,
      title,
      states: [stateA, stateB],
      adopted: adopted || null,
      entryIntoForce: entryIntoForce || null,
      offences,
      cooperation,
      articles: parseArticles(articles),
    };
    await submit.save(fact, source, note);
  }

  return (
    <section aria-labelledby="kn-bilateral" className="panel">
      <h2 id="kn-bilateral">{t('knowledgeAdmin.addBilateral')}</h2>
      <form onSubmit={onSubmit} className="form grid curation-form" aria-busy={submit.busy}>
        <CountryPicker id="bt-state-a" label={ts('knowledgeAdmin.stateA')} countries={countries.data ?? []} value={stateA} onChange={setStateA} required />
        <CountryPicker id="bt-state-b" label={ts('knowledgeAdmin.stateB')} countries={countries.data ?? []} value={stateB} onChange={setStateB} required />
        <Field id="bt-title" label={t('knowledgeAdmin.treatyTitle')} required value={title} onChange={(e) => setTitle(e.target.value)} />
        <Field
          id="bt-id"
          label={t('knowledgeAdmin.treatyId')}
          placeholder={suggestedId}
          hint={t('knowledgeAdmin.treatyIdHint')}
          value={id}
          onChange={(e) => setId(e.target.value.toUpperCase())}
        />
        <Field id="bt-adopted" type="date" label={t('knowledgeAdmin.adopted')} value={adopted} onChange={(e) => setAdopted(e.target.value)} />
        <Field id="bt-eif" type="date" label={t('knowledgeAdmin.inForceSince')} value={entryIntoForce} onChange={(e) => setEntryIntoForce(e.target.value)} />
        <div className="field wide">
          <label htmlFor="bt-offences">{t('knowledgeAdmin.offences')}</label>
          <select
            id="bt-offences"
            multiple
            size={8}
            value={offences}
            onChange={(e) => setOffences([...e.target.selectedOptions].map((o) => o.value))}
          >
            <option value="*any-offence">{ts('knowledgeAdmin.anyOffence')}</option>
            <option value="*any-extraditable">{ts('knowledgeAdmin.anyExtraditable')}</option>
            {offenceIds.map((o) => (
              <option key={o} value={o}>
                {label('offence', o)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field wide">
          <legend>{t('knowledgeAdmin.types')}</legend>
          {cooperationTypes.map((type) => (
            <div key={type} className="field checkbox">
              <input
                id={`bt-type-${type}`}
                type="checkbox"
                checked={type in types}
                onChange={(e) => {
                  const next = { ...types };
                  if (e.target.checked) next[type] = '';
                  else delete next[type];
                  setTypes(next);
                }}
              />
              <label htmlFor={`bt-type-${type}`}>{label('type', type)}</label>
              {type in types ? (
                <Field
                  id={`bt-articles-${type}`}
                  label={t('knowledgeAdmin.articlesFor', { type: label('type', type) })}
                  value={types[type] ?? ''}
                  onChange={(e) => setTypes({ ...types, [type]: e.target.value })}
                />
              ) : null}
            </div>
          ))}
        </fieldset>
        <div className="field wide">
          <label htmlFor="bt-articles">{t('knowledgeAdmin.articles')}</label>
          <textarea id="bt-articles" rows={5} value={articles} onChange={(e) => setArticles(e.target.value)} dir="ltr" />
        </div>
        <SourceAndNote prefix="bt" source={source} note={note} setSource={setSource} setNote={setNote} />
        <div className="actions">
          <button type="submit" className="primary" disabled={submit.busy}>
            {t('knowledgeAdmin.save')}
          </button>
        </div>
      </form>
      {stateA && stateB ? (
        <p className="meta">
          {countryName(byCode.get(stateA), lng, stateA)} – {countryName(byCode.get(stateB), lng, stateB)}
        </p>
      ) : null}
      <Feedback error={submit.error} saved={submit.saved} />
    </section>
  );
}

function EffectForm({ onSaved }: { onSaved: () => void }) {
  const { t, ts, label } = useT();
  const countries = useAsync(() => loadCountries(), []);
  const instruments = useInstrumentOptions();
  const [instrument, setInstrument] = useState('');
  const [state, setState] = useState<string | null>(null);
  const detail = useAsync(() => (instrument ? api.instrument(instrument) : Promise.resolve(null)), [instrument]);
  const [reservationId, setReservationId] = useState('');
  const [text, setText] = useState('');
  const [effect, setEffect] = useState<EffectKind>('other');
  const [name, setName] = useState('');
  const [languages, setLanguages] = useState('');
  const [source, setSource] = useState('');
  const [note, setNote] = useState('');
  const submit = useCurationSubmit(onSaved);
  const reservations = (detail.data?.reservations ?? []).filter((r) => r.state === state);
  const chosen = reservations.find((r) => r.id === reservationId);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!state) return submit.setError(new Error('country-one'));
    const e =
      effect === 'central-authority'
        ? { kind: effect, name: name.trim() }
        : effect === 'languages'
          ? {
              kind: effect,
              languages: languages
                .split(',')
                .map((l) => l.trim())
                .filter(Boolean),
            }
          : effect === 'dispute-settlement'
            ? { kind: effect, relevantToCooperation: false as const }
            : { kind: effect };
    const fact: CuratedFact = {
      kind: 'reservation-effect',
      instrument,
      state,
      ...(chosen ? { reservationId: chosen.id } : {}),
      text: chosen ? chosen.text : text,
      effects: [e],
    };
    await submit.save(fact, source, note);
  }

  return (
    <section aria-labelledby="kn-effect" className="panel">
      <h2 id="kn-effect">{t('knowledgeAdmin.setEffect')}</h2>
      <form onSubmit={onSubmit} className="form grid curation-form" aria-busy={submit.busy}>
        <SelectField
          id="re-instrument"
          label={t('knowledgeAdmin.instrument')}
          required
          value={instrument}
          onChange={(e) => {
            setInstrument(e.target.value);
            setReservationId('');
          }}
          options={[{ value: '', label: ts('finder.choose') }, ...instruments]}
        />
        <CountryPicker
          id="re-state"
          label={ts('knowledgeAdmin.state')}
          countries={countries.data ?? []}
          value={state}
          onChange={(code) => {
            setState(code);
            setReservationId('');
          }}
          required
        />
        <SelectField
          id="re-reservation"
          label={t('knowledgeAdmin.reservation')}
          value={reservationId}
          onChange={(e) => setReservationId(e.target.value)}
          options={[
            { value: '', label: ts('knowledgeAdmin.newDeclaration') },
            ...reservations.map((r) => ({
              value: r.id,
              label: `${r.text.slice(0, 90)}${r.text.length > 90 ? '…' : ''} [${r.effects.map((x) => label('effect', x.kind)).join(', ')}]`,
            })),
          ]}
        />
        {chosen ? (
          <blockquote lang="en" dir="ltr" className="field wide">
            {chosen.text}
          </blockquote>
        ) : (
          <div className="field wide">
            <label htmlFor="re-text">{t('knowledgeAdmin.declarationText')}</label>
            <textarea id="re-text" rows={4} required value={text} onChange={(e) => setText(e.target.value)} />
          </div>
        )}
        <SelectField
          id="re-effect"
          label={t('knowledgeAdmin.effect')}
          value={effect}
          onChange={(e) => setEffect(e.target.value as EffectKind)}
          options={EFFECT_KINDS.map((k) => ({ value: k, label: label('effect', k) }))}
        />
        {effect === 'central-authority' ? (
          <Field id="re-name" label={t('knowledgeAdmin.centralAuthority')} required value={name} onChange={(e) => setName(e.target.value)} />
        ) : null}
        {effect === 'languages' ? (
          <Field id="re-languages" label={t('knowledgeAdmin.languages')} required value={languages} onChange={(e) => setLanguages(e.target.value)} />
        ) : null}
        <SourceAndNote prefix="re" source={source} note={note} setSource={setSource} setNote={setNote} />
        <div className="actions">
          <button type="submit" className="primary" disabled={submit.busy}>
            {t('knowledgeAdmin.save')}
          </button>
        </div>
      </form>
      <Feedback error={submit.error} saved={submit.saved} />
    </section>
  );
}
