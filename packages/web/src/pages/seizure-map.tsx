// The registries' map (issue 14 part 5): seizures and maritime incidents the user may see, with
// filters by domain, species or substance and time; clusters, routes as lines, a popup linking to
// the record; a legend by shape and word (not colour alone); and under the map a table of the same
// points, which is also the page's answer when the browser has no WebGL.
import { type FormEvent, Suspense, lazy, useMemo, useState } from 'react';
import type { MapPoint, MapRoute } from '../components/map-canvas.tsx';
import { SHAPE_KEYS, ShapeIcon } from '../components/map-shapes.tsx';
import { ErrorAlert, Field, Loading, Notice, SelectField } from '../components/ui.tsx';
import { formatDate } from '../format.ts';
import { directionOf } from '../i18n/languages.ts';
import { useT } from '../i18n/use-t.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { MAP_DOMAINS, type MapFilters, loadMap } from '../seizure-map.ts';
import { useAsync } from '../use-async.ts';

const MapCanvas = lazy(() => import('../components/map-canvas.tsx'));
const FILTER_KEYS = ['domain', 'name', 'from', 'to'] as const;
type FilterForm = Record<(typeof FILTER_KEYS)[number], string>;

interface Row {
  id: string;
  kind: 'seizure' | 'incident';
  reference: string;
  domain: string;
  occurredAt: string;
  where: string;
  what: string;
  link: string;
  precision: 'exact' | 'country';
}

export function SeizureMapPage() {
  const { t, ts, lng } = useT();
  const dir = directionOf(lng);
  const { search: params } = useLocation();
  const search = params.toString();
  const current = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as FilterForm;
  const [form, setForm] = useState(current);
  const [unavailable, setUnavailable] = useState(false);
  const data = useAsync(() => loadMap({ domain: (current.domain || undefined) as MapFilters['domain'], name: current.name || undefined, from: current.from || undefined, to: current.to || undefined }), [search]);

  const domainLabel = (d: string) => ts(`seizureMap.domain.${d}`);
  // biome-ignore lint/correctness/useExhaustiveDependencies: labels follow the language (ts and the label helper change with it)
  const { rows, points, routes } = useMemo(() => {
    const rows: Row[] = [];
    const points: MapPoint[] = [];
    for (const f of data.data?.seizures?.features ?? []) {
      const p = f.properties;
      const what = p.withheld ? ts('seizureMap.withheld') : p.names.join(', ') || p.domains.map(domainLabel).join(', ');
      const row: Row = { id: p.id, kind: 'seizure', reference: p.reference, domain: p.domain, occurredAt: p.occurredAt, where: [p.place, p.country].filter(Boolean).join(', '), what, link: `/seizures/${p.id}`, precision: p.precision };
      rows.push(row);
      points.push({ type: 'Feature', geometry: { type: 'Point', coordinates: f.geometry.coordinates as [number, number] }, properties: { id: p.id, reference: p.reference, kind: 'seizure', domain: p.domain, label: `${domainLabel(p.domain)} · ${formatDate(p.occurredAt, lng)} · ${what}`, link: row.link } });
    }
    for (const f of data.data?.incidents?.features ?? []) {
      const p = f.properties;
      const what = [ts(`seizureMap.incidentKind.${p.incidentKind}`), p.vesselName].filter(Boolean).join(' · ');
      const row: Row = { id: p.id, kind: 'incident', reference: p.reference, domain: 'maritime', occurredAt: p.occurredAt, where: [p.area, p.country].filter(Boolean).join(', '), what, link: `/incidents/${p.id}`, precision: 'exact' };
      rows.push(row);
      points.push({ type: 'Feature', geometry: { type: 'Point', coordinates: f.geometry.coordinates as [number, number] }, properties: { id: p.id, reference: p.reference, kind: 'incident', domain: 'maritime', label: `${domainLabel('maritime')} · ${formatDate(p.occurredAt, lng)} · ${what}`, link: row.link } });
    }
    rows.sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
    const routes = (data.data?.seizures?.routes.features ?? []) as unknown as MapRoute[];
    return { rows, points, routes };
  }, [data.data, lng]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const q = new URLSearchParams(Object.entries(form).filter(([, v]) => v));
    navigate(`/seizures/map${q.size ? `?${q}` : ''}`);
  };
  const seizureCount = data.data?.seizures?.features.length ?? 0;
  const incidentCount = data.data?.incidents?.features.length ?? 0;
  const truncated = !!(data.data?.seizures?.truncated || data.data?.incidents?.truncated);

  return (
    <>
      <div className="page-head">
        <h1>{t('seizureMap.title')}</h1>
      </div>
      <nav className="registry-nav" aria-label={ts('seizures.nav.label')}>
        <Link to="/seizures">{t('seizures.nav.seizures')}</Link> · <Link to="/incidents">{t('seizures.nav.incidents')}</Link> · <Link to="/seizures/map">{t('seizureMap.nav')}</Link>
      </nav>
      <p className="lead">{t('seizureMap.intro')}</p>
      <section className="panel" aria-labelledby="map-filters">
        <h2 id="map-filters">{t('seizureMap.filters')}</h2>
        <form className="form grid" onSubmit={apply}>
          <SelectField
            id="map-filter-domain"
            label={t('seizureMap.domainFilter')}
            value={form.domain}
            onChange={(e) => setForm({ ...form, domain: e.target.value })}
            options={[{ value: '', label: ts('seizureMap.allDomains') }, ...[...MAP_DOMAINS, 'maritime'].map((d) => ({ value: d, label: domainLabel(d) }))]}
          />
          <Field id="map-filter-name" type="search" label={t('seizureMap.name')} hint={t('seizureMap.nameHint')} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          <Field id="map-filter-from" type="date" label={t('seizureMap.from')} value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
          <Field id="map-filter-to" type="date" label={t('seizureMap.to')} value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
          <div className="actions">
            <button type="submit" className="primary">
              {t('seizureMap.apply')}
            </button>
            <button
              type="button"
              onClick={() => {
                setForm({ domain: '', name: '', from: '', to: '' });
                navigate('/seizures/map');
              }}
            >
              {t('seizureMap.clear')}
            </button>
          </div>
        </form>
      </section>

      <ErrorAlert error={data.error} />
      <p className="map-status" role="status" aria-live="polite">
        {data.loading ? t('seizureMap.loading') : data.data ? t('seizureMap.count', { seizures: seizureCount, incidents: incidentCount }) : null}
        {!data.loading && truncated ? ` ${ts('seizureMap.truncated')}` : null}
      </p>

      <div className="map-layout">
        <figure className="map-legend" aria-labelledby="map-legend-title">
          <figcaption id="map-legend-title">{t('seizureMap.legend')}</figcaption>
          <ul>
            {SHAPE_KEYS.map((k) => (
              <li key={k}>
                <ShapeIcon domain={k} /> {domainLabel(k)}
              </li>
            ))}
            <li>
              <span className="map-legend-cluster" aria-hidden="true" /> {t('seizureMap.cluster')}
            </li>
            <li>
              <span className="map-legend-route" aria-hidden="true" /> {t('seizureMap.route')}
            </li>
          </ul>
        </figure>
        {unavailable ? (
          <div className="map-unavailable">
            <Notice>{t('seizureMap.noWebgl')}</Notice>
          </div>
        ) : (
          <Suspense fallback={<Loading />}>
            <MapCanvas points={points} routes={routes} label={ts('seizureMap.mapLabel')} onUnavailable={() => setUnavailable(true)} onOpen={(link) => navigate(link)} openLabel={ts('seizureMap.open')} rtl={dir === 'rtl'} />
          </Suspense>
        )}
      </div>

      <section className="panel" aria-labelledby="map-table-title">
        <h2 id="map-table-title">{t('seizureMap.tableTitle')}</h2>
        {data.data && rows.length === 0 ? (
          <p>{t('seizureMap.empty')}</p>
        ) : (
          <div className="map-table-wrap">
            <table className="requests-table map-table">
              <caption className="visually-hidden">{t('seizureMap.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('seizureMap.col.domain')}</th>
                  <th scope="col">{t('seizureMap.col.reference')}</th>
                  <th scope="col">{t('seizureMap.col.date')}</th>
                  <th scope="col">{t('seizureMap.col.where')}</th>
                  <th scope="col">{t('seizureMap.col.what')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.kind}:${r.id}`}>
                    <td>
                      <ShapeIcon domain={r.domain} /> {domainLabel(r.domain)}
                    </td>
                    <td>
                      <Link to={r.link}>
                        <bdi>{r.reference}</bdi>
                      </Link>
                    </td>
                    <td>{formatDate(r.occurredAt, lng)}</td>
                    <td>
                      <bdi>{r.where}</bdi>
                      {r.precision === 'country' ? <span className="muted"> ({t('seizureMap.countryPoint')})</span> : null}
                    </td>
                    <td>
                      <bdi>{r.what}</bdi>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
