// "Related" on a seizure or maritime-incident page (issue 14 part 4): the other seizures and
// incidents, of every crime domain, that share a vessel, company, person, phone or account, route
// segment or port with this record within a time window — a list naming each shared element with
// a link to the other record, and a graph (cytoscape, loaded on demand like the entity graph) of
// this record, the shared elements and the related records. Shapes and labels, not colour alone,
// tell records from elements.
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/use-t.tsx';
import { type RelatedList, recordPath, registryAnalysisApi } from '../registry-analysis.ts';
import { Link, navigate } from '../router.tsx';
import { useAsync } from '../use-async.ts';
import { ErrorAlert, Loading } from './ui.tsx';

const WINDOWS = [30, 90, 365, 1825];

export function RelatedRecords({ kind, id }: { kind: 'seizure' | 'incident'; id: string }) {
  const { t, ts, lng } = useT();
  const [windowDays, setWindowDays] = useState(365);
  const related = useAsync(() => registryAnalysisApi.related(kind, id, windowDays), [kind, id, windowDays]);
  const date = (iso: string) => new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));
  return (
    <section className="panel" aria-labelledby="related-title" data-testid="related-records">
      <h2 id="related-title">{t('registry.related.title')}</h2>
      <p className="muted">{t('registry.related.intro')}</p>
      <label htmlFor="related-window">{t('registry.related.window')} </label>
      <select id="related-window" value={windowDays} onChange={(e) => setWindowDays(Number(e.target.value))}>
        {WINDOWS.map((d) => (
          <option key={d} value={d}>
            {ts('registry.related.days', { n: new Intl.NumberFormat(lng).format(d) })}
          </option>
        ))}
      </select>
      {related.error ? <ErrorAlert error={related.error} /> : null}
      {related.loading && !related.data ? <Loading /> : null}
      {related.data && related.data.items.length === 0 ? <p data-testid="related-none">{t('registry.related.none')}</p> : null}
      {related.data && related.data.items.length > 0 ? (
        <>
          <ul className="related-list" data-testid="related-list">
            {related.data.items.map((r) => (
              <li key={`${r.kind}:${r.id}`} data-kind={r.kind}>
                <Link to={recordPath(r.kind, r.id)}>{r.reference}</Link> — {ts(`registry.related.kind.${r.kind}`)}
                {r.domains.length ? ` (${r.domains.map((d) => ts(`seizures.domain.${d}`)).join(', ')})` : ''}, {date(r.occurredAt)}
                <ul>
                  {r.shared.map((e) => (
                    <li key={`${e.kind}:${e.value}`}>
                      {ts(`registry.related.shared.${e.kind}`)}: <bdi>{e.value}</bdi>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <RelatedGraph data={related.data} />
        </>
      ) : null}
      <p className="muted">{t('registry.related.otherNodes')}</p>
    </section>
  );
}

function RelatedGraph({ data }: { data: RelatedList }) {
  const { t, ts } = useT();
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let destroyed = false;
    let cy: { destroy(): void } | undefined;
    let watcher: ResizeObserver | undefined;
    void import('cytoscape')
      .then(({ default: cytoscape }) => {
        if (destroyed || !box.current) return;
        const elements: { data: Record<string, string>; classes?: string }[] = [{ data: { id: 'origin', label: data.origin.reference }, classes: 'record origin' }];
        const seen = new Set<string>();
        for (const r of data.items) {
          elements.push({ data: { id: `r:${r.id}`, label: r.reference, path: recordPath(r.kind, r.id) }, classes: 'record' });
          for (const e of r.shared) {
            const eid = `e:${e.kind}:${e.value}`;
            if (!seen.has(eid)) {
              seen.add(eid);
              elements.push({ data: { id: eid, label: `${ts(`registry.related.shared.${e.kind}`)}\n${e.value}` }, classes: 'element' });
              elements.push({ data: { id: `o:${eid}`, source: 'origin', target: eid } });
            }
            elements.push({ data: { id: `l:${r.id}:${eid}`, source: eid, target: `r:${r.id}` } });
          }
        }
        const instance = cytoscape({
          container: box.current,
          elements,
          style: [
            { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'text-wrap': 'wrap', 'text-max-width': '120px', 'text-valign': 'bottom', 'text-margin-y': 4 } },
            { selector: 'node.record', style: { shape: 'round-rectangle', 'background-color': '#1f6feb', width: 26, height: 18 } },
            { selector: 'node.origin', style: { 'border-width': 3, 'border-color': '#cf222e' } },
            { selector: 'node.element', style: { shape: 'diamond', 'background-color': '#9a6700', width: 18, height: 18 } },
            { selector: 'edge', style: { width: 1.5, 'line-color': '#8c959f', 'curve-style': 'bezier' } },
          ],
          layout: { name: 'cose', animate: false, randomize: false },
          wheelSensitivity: 0.3,
        });
        // A few nodes would be blown up to fill the box; keep them at a readable size.
        const fit = () => {
          instance.resize();
          instance.fit(undefined, 30);
          if (instance.zoom() > 1.2) {
            instance.zoom(1.2);
            instance.center();
          }
        };
        watcher = new ResizeObserver(fit);
        if (box.current) watcher.observe(box.current);
        fit();
        instance.on('tap', 'node.record', (ev) => {
          const path = ev.target.data('path') as string | undefined;
          if (path) navigate(path);
        });
        cy = instance;
      })
      .catch(() => setFailed(true));
    return () => {
      destroyed = true;
      watcher?.disconnect();
      cy?.destroy();
    };
  }, [data, ts]);
  if (failed) return <p className="muted">{t('entities.graph.failed')}</p>;
  return (
    <figure className="entity-graph-figure">
      <div ref={box} className="entity-graph" role="img" aria-label={ts('registry.related.graph', { n: String(data.items.length) })} data-testid="related-graph" />
      <figcaption className="muted">{t('registry.related.graph', { n: String(data.items.length) })}</figcaption>
    </figure>
  );
}
