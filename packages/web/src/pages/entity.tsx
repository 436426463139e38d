// One entity: its kind, properties (FtM property names), sources, marking, what it names and is
// mentioned in, and the graph around it (two links out).
import { EntityGraphView } from '../components/entity-graph.tsx';
import { MarkingBadge } from '../components/request-badges.tsx';
import { ErrorAlert, Loading } from '../components/ui.tsx';
import { entitiesApi } from '../entities.ts';
import { COUNTRY_PROPERTIES, countryValue, propertyLabelKey } from '../ftm-labels.ts';
import { useT } from '../i18n/use-t.tsx';
import { Link } from '../router.tsx';
import { useAsync } from '../use-async.ts';

export function EntityPage({ id }: { id: string }) {
  const { t, ts, has, lng } = useT();
  const loaded = useAsync(() => entitiesApi.get(id), [id]);
  const graph = useAsync(() => entitiesApi.graph(id, 2, 500), [id]);
  const e = loaded.data;
  if (loaded.loading && !e) return <Loading />;
  if (!e) return <ErrorAlert error={loaded.error} />;
  const props = Object.entries(e.properties ?? {});
  /** A property's label in the reader's language (English marked as such where missing), else its FtM name. */
  const propertyLabel = (name: string) => {
    const key = propertyLabelKey(e.schema, name, has);
    return key ? t(key) : <code dir="ltr">{name}</code>;
  };
  return (
    <article className="entity-page">
      <p>
        <Link to={`/cases/${e.caseId}`}>{t('entities.backToCase', { reference: e.caseReference })}</Link>
      </p>
      <h1 dir="auto">{e.caption ?? ts('entities.withheld')}</h1>
      <p>
        <span className="flag">{ts(`entities.schema.${e.schema}`)}</span> <MarkingBadge marking={e.marking.tlp} />
        {e.marking.handling !== 'H0' ? <span className="flag">{e.marking.handling}</span> : null}
      </p>
      <section aria-labelledby="entity-props-title">
        <h2 id="entity-props-title">{t('entities.properties')}</h2>
        <dl className="entity-properties">
          {props.map(([name, values]) => (
            <div key={name} data-property={name}>
              <dt>{propertyLabel(name)}</dt>
              <dd dir="auto">{(COUNTRY_PROPERTIES.has(name) ? values.map((v) => countryValue(v, lng)) : values).join(' · ')}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="entity-sources-title">
        <h2 id="entity-sources-title">{t('entities.sources')}</h2>
        {e.sources.length ? (
          <ul>
            {e.sources.map((s) => (
              <li key={s} dir="auto">
                {s}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('entities.noSources')}</p>
        )}
      </section>
      {e.references.length ? (
        <section aria-labelledby="entity-refs-title">
          <h2 id="entity-refs-title">{t('entities.references')}</h2>
          <ul>
            {e.references.map((r) => (
              <li key={`${r.property}:${r.id}`}>
                <span className="entity-ref-property" data-property={r.property}>
                  {propertyLabel(r.property)}
                </span>{' '}
                <Link to={`/entities/${r.id}`} dir="auto">
                  {r.caption}
                </Link>{' '}
                <span className="muted">({ts(`entities.schema.${r.schema}`)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="entity-mentions-title">
        <h2 id="entity-mentions-title">{t('entities.mentions')}</h2>
        {e.mentions.length ? (
          <ul>
            {e.mentions.map((m) => (
              <li key={m.id}>
                {m.requestId ? <Link to={`/requests/${m.requestId}`}>{t('entities.mentionRequest')}</Link> : <Link to={`/evidence/items/${m.evidenceId}`}>{t('entities.mentionEvidence')}</Link>}
                {m.note ? <span dir="auto"> — {m.note}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('entities.noMentions')}</p>
        )}
      </section>
      <section aria-labelledby="entity-graph-title">
        <h2 id="entity-graph-title">{t('entities.graph.title')}</h2>
        <ErrorAlert error={graph.error} />
        {graph.data ? <EntityGraphView graph={graph.data} focus={e.id} /> : <Loading />}
      </section>
    </article>
  );
}
