// Admin: the authorities (organisations) on this node.
import { type FormEvent, useState } from 'react';
import { api, type OrganisationKind, organisationKinds } from '../api.ts';
import { CountryPicker } from '../components/country-picker.tsx';
import { ErrorAlert, Field, formatDate, Loading, Notice, SelectField } from '../components/ui.tsx';
import { useT } from '../i18n/use-t.tsx';
import { countryName, loadCountries } from '../knowledge.ts';
import { useAsync } from '../use-async.ts';

export function OrganisationsPage() {
  const { t, ts, label, lng } = useT();
  const organisations = useAsync(() => api.listOrganisations(), []);
  const countries = useAsync(() => loadCountries(), []);
  const [name, setName] = useState('');
  const [country, setCountry] = useState<string | null>(null);
  const [kind, setKind] = useState<OrganisationKind>('central-authority');
  const [error, setError] = useState<unknown>(undefined);
  const [created, setCreated] = useState(false);

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setCreated(false);
    if (!country) return setError(new Error('country'));
    try {
      await api.createOrganisation({ name: name.trim(), country, kind });
      setName('');
      setCountry(null);
      setCreated(true);
      organisations.reload();
    } catch (err) {
      setError(err);
    }
  }

  const byCode = new Map((countries.data ?? []).map((c) => [c.code, c]));
  return (
    <>
      <h1>{t('orgs.title')}</h1>
      <section aria-labelledby="org-create" className="panel">
        <h2 id="org-create">{t('orgs.create')}</h2>
        <form onSubmit={create} className="form grid">
          <Field id="org-name" label={t('orgs.name')} required value={name} onChange={(e) => setName(e.target.value)} />
          <CountryPicker
            id="org-country"
            label={ts('orgs.country')}
            countries={countries.data ?? []}
            value={country}
            onChange={setCountry}
            required
          />
          <SelectField
            id="org-kind"
            label={t('orgs.kind')}
            value={kind}
            onChange={(e) => setKind(e.target.value as OrganisationKind)}
            options={organisationKinds.map((k) => ({ value: k, label: label('kind', k) }))}
          />
          <div className="actions">
            <button type="submit" className="primary">
              {t('orgs.submit')}
            </button>
          </div>
        </form>
        {error instanceof Error && error.message === 'country' ? (
          <ErrorAlert>{t('finder.pickOneCountry')}</ErrorAlert>
        ) : (
          <ErrorAlert error={error} />
        )}
        {created ? <Notice>{t('orgs.createdOk')}</Notice> : null}
      </section>
      {organisations.loading && !organisations.data ? <Loading /> : null}
      <ErrorAlert error={organisations.error} />
      {organisations.data?.items.length === 0 ? <p>{t('orgs.none')}</p> : null}
      {organisations.data && organisations.data.items.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('orgs.name')}</th>
              <th scope="col">{t('orgs.country')}</th>
              <th scope="col">{t('orgs.kind')}</th>
              <th scope="col">{t('orgs.createdAt')}</th>
            </tr>
          </thead>
          <tbody>
            {organisations.data.items.map((o) => (
              <tr key={o.id}>
                <td>{o.name}</td>
                <td>{countryName(byCode.get(o.country), lng, o.country)}</td>
                <td>{label('kind', o.kind)}</td>
                <td>{formatDate(o.createdAt, lng)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
