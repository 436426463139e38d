// "Do we already hold this person?" (/entities/search): a name (any script), optionally a birth date and a
// nationality; the person entities of the cases the user may read that the matcher scores above the
// threshold, best first, each with its case and what matched (the score's parts).
import { type FormEvent, useState } from 'react';
import { ErrorAlert, Field, Loading } from '../components/ui.tsx';
import { type PersonSearchResult, entitiesApi } from '../entities.ts';
import { useT } from '../i18n/use-t.tsx';
import { Link } from '../router.tsx';

export function PersonSearchPage() {
  const { t, label } = useT();
  const [name, setName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [nationality, setNationality] = useState('');
  const [result, setResult] = useState<PersonSearchResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      setResult(await entitiesApi.personSearch({ name, ...(birthDate.trim() ? { birthDate: birthDate.trim() } : {}), ...(nationality.trim() ? { nationality: nationality.trim() } : {}) }));
    } catch (err) {
      setResult(null);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>{t('personSearch.title')}</h1>
      <p className="lead">{t('personSearch.intro')}</p>
      <form onSubmit={submit} className="panel person-search">
        <Field id="ps-name" label={t('personSearch.name')} value={name} onChange={(e) => setName(e.target.value)} required maxLength={500} />
        <Field id="ps-dob" label={t('personSearch.birthDate')} hint={t('personSearch.birthDateHint')} value={birthDate} onChange={(e) => setBirthDate(e.target.value)} maxLength={40} />
        <Field id="ps-nat" label={t('personSearch.nationality')} value={nationality} onChange={(e) => setNationality(e.target.value)} maxLength={60} />
        <button type="submit" disabled={busy}>
          {t('personSearch.submit')}
        </button>
      </form>
      {busy ? <Loading /> : null}
      <ErrorAlert error={error} />
      {result && result.items.length === 0 ? <p className="muted">{t('personSearch.none')}</p> : null}
      {result?.items.length ? (
        <div className="table-scroll">
        <table className="person-hits">
          <thead>
            <tr>
              <th>{t('personSearch.score')}</th>
              <th>{t('personSearch.person')}</th>
              <th>{t('personSearch.case')}</th>
              <th>{t('personSearch.why')}</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((h) => (
              <tr key={h.id} data-entity={h.id}>
                <td>{Math.round(h.score * 100)} %</td>
                <td>
                  <Link to={`/entities/${h.id}`}>
                    <bdi>{h.caption}</bdi>
                  </Link>
                </td>
                <td>
                  <Link to={`/cases/${h.caseId}`}>
                    <bdi>{h.caseReference}</bdi>
                  </Link>{' '}
                  <span className="muted">
                    <bdi>{h.caseTitle}</bdi>
                  </span>
                </td>
                <td>
                  <ul className="score-parts">
                    {h.parts.map((p) => (
                      <li key={p.part}>
                        {label('personSearch.part', p.part)}: {Math.round(p.similarity * 100)} % × {Math.round(p.weight * 100)} % — <bdi dir="ltr">{p.detail}</bdi>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      ) : null}
    </>
  );
}
