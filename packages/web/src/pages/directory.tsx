// The directory (/directory): counterpart authorities on the peer nodes this node trusts, with their
// State, kind, and the request types and languages they accept; searchable.
import { type FormEvent, useState } from 'react';
import { CountryPicker } from '../components/country-picker.tsx';
import { ErrorAlert, Field, Loading, SelectField } from '../components/ui.tsx';
import { useT } from '../i18n/use-t.tsx';
import { countryName, loadCountries } from '../knowledge.ts';
import { federationApi, REQUEST_TYPES } from '../requests.ts';
import { useAsync } from '../use-async.ts';

export function DirectoryPage() {
  const { t, ts, label, lng } = useT();
  const countries = useAsync(() => loadCountries(), []);
  const [form, setForm] = useState({ q: '', state: '', requestType: '', language: '' });
  const [applied, setApplied] = useState(form);
  const list = useAsync(
    () =>
      federationApi.directory({
        q: applied.q.trim() || undefined,
        state: applied.state || undefined,
        requestType: applied.requestType || undefined,
        language: applied.language.trim() || undefined,
      }),
    [applied.q, applied.state, applied.requestType, applied.language],
  );
  const byCode = new Map((countries.data ?? []).map((c) => [c.code, c]));

  function apply(event: FormEvent) {
    event.preventDefault();
    setApplied(form);
  }

  return (
    <>
      <h1>{t('directory.title')}</h1>
      <p className="lead">{t('directory.intro')}</p>
      <form className="form grid panel" onSubmit={apply} aria-label={ts('directory.filters')}>
        <Field id="directory-q" type="search" label={t('directory.search')} value={form.q} onChange={(e) => setForm({ ...form, q: e.target.value })} />
        <CountryPicker
          id="directory-state"
          label={ts('directory.state')}
          countries={countries.data ?? []}
          value={form.state || null}
          onChange={(code) => setForm({ ...form, state: code ?? '' })}
        />
        <SelectField
          id="directory-type"
          label={t('directory.requestType')}
          value={form.requestType}
          onChange={(e) => setForm({ ...form, requestType: e.target.value })}
          options={[{ value: '', label: ts('common.any') }, ...REQUEST_TYPES.map((rt) => ({ value: rt, label: ts(`requests.type.${rt}`) }))]}
        />
        <Field id="directory-language" label={t('directory.language')} value={form.language} onChange={(e) => setForm({ ...form, language: e.target.value })} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('common.apply')}
          </button>
        </div>
      </form>
      {list.loading && !list.data ? <Loading /> : null}
      <ErrorAlert error={list.error} />
      {list.data ? (
        <p className="meta" role="status">
          {t('directory.count', { count: list.data.items.length })}
        </p>
      ) : null}
      {list.data?.items.length === 0 ? <p>{t('directory.none')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('directory.authority')}</th>
                <th scope="col">{t('directory.state')}</th>
                <th scope="col">{t('directory.kind')}</th>
                <th scope="col">{t('directory.requestTypes')}</th>
                <th scope="col">{t('directory.languages')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((e) => (
                <tr key={e.nodeId}>
                  <td>
                    <strong>{e.name}</strong>
                    <div>
                      <code className="code">{e.nodeId}</code>
                    </div>
                  </td>
                  <td>
                    {countryName(byCode.get(e.state), lng, e.state)} <span className="code">{e.state}</span>
                  </td>
                  <td>{label('kind', e.kind)}</td>
                  <td>{e.requestTypes.map((rt) => label('requests.type', rt)).join(', ') || '—'}</td>
                  <td>{e.languages.join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
