// The case page's section of the registries: the seizures and maritime incidents recorded for the case.
import { useT } from '../i18n/use-t.tsx';
import { Link } from '../router.tsx';
import { seizuresApi } from '../seizures.ts';
import { useAsync } from '../use-async.ts';
import { ErrorAlert, Loading, formatDate } from './ui.tsx';

export function CaseSeizuresSection({ caseId }: { caseId: string }) {
  const { t, ts, lng } = useT();
  const loaded = useAsync(async () => ({ seizures: await seizuresApi.list({ caseId }), incidents: await seizuresApi.incidents({ caseId }) }), [caseId]);
  const d = loaded.data;
  return (
    <section className="panel case-seizures" aria-labelledby="case-seizures-title">
      <h2 id="case-seizures-title">{t('seizures.case.title')}</h2>
      <ErrorAlert error={loaded.error} />
      {!d && loaded.loading ? <Loading /> : null}
      {d && d.seizures.total + d.incidents.total === 0 ? <p className="muted">{t('seizures.case.none')}</p> : null}
      {d ? (
        <ul>
          {d.seizures.items.map((s) => (
            <li key={s.id}>
              <Link to={`/seizures/${s.id}`}>
                <bdi>{s.reference}</bdi>
              </Link>{' '}
              — {formatDate(s.occurredAt, lng)}, <bdi>{s.country}</bdi> — {s.domains.map((x) => ts(`seizures.domain.${x}`)).join(', ')}
            </li>
          ))}
          {d.incidents.items.map((i) => (
            <li key={i.id}>
              <Link to={`/incidents/${i.id}`}>
                <bdi>{i.reference}</bdi>
              </Link>{' '}
              — {formatDate(i.occurredAt, lng)}, {ts(`incidents.kind.${i.kind}`)} — <bdi>{i.vesselName}</bdi>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <Link to={`/seizures/import?case=${encodeURIComponent(caseId)}`}>{t('seizures.case.import')}</Link>
      </p>
    </section>
  );
}
