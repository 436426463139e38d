// The link graph of a case or of one entity, drawn with cytoscape (loaded on demand, so pages
// without a graph do not carry it). Thousands of nodes stay responsive: above a few hundred the
// layout is a plain grid instead of the force-directed one, labels are drawn only when zoomed in,
// and edges are hidden while the view moves.
import { useEffect, useRef, useState } from 'react';
import { type EntityGraph, LINK_ENDS } from '../entities.ts';
import { useT } from '../i18n/use-t.tsx';
import { navigate } from '../router.tsx';

const FORCE_LAYOUT_MAX = 300;
const COLOURS: Record<string, string> = {
  Person: '#1f6feb',
  Company: '#8250df',
  Organization: '#8250df',
  Vessel: '#0a7f6f',
  Vehicle: '#0a7f6f',
  Airplane: '#0a7f6f',
  Address: '#9a6700',
  BankAccount: '#bf3989',
  CryptoWallet: '#bf3989',
  UserAccount: '#cf222e',
  Passport: '#57606a',
  Identification: '#57606a',
};

/** Words for an edge: the link's kind, or for a property naming another entity, holder or a generic "names". */
function edgeKey(e: EntityGraph['edges'][number]): string {
  if (LINK_ENDS[e.schema]) return `entities.edge.${e.schema}`;
  return e.label === 'holder' ? 'entities.edge.holder' : 'entities.edge.ref';
}

export function EntityGraphView({ graph, focus }: { graph: EntityGraph; focus?: string }) {
  const { t, ts, lng } = useT();
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let destroyed = false;
    let cy: { destroy(): void } | undefined;
    let watcher: ResizeObserver | undefined;
    void import('cytoscape')
      .then(({ default: cytoscape }) => {
        if (destroyed || !box.current) return;
        const big = graph.nodes.length > FORCE_LAYOUT_MAX;
        const instance = cytoscape({
          container: box.current,
          elements: [
            ...graph.nodes.map((n, i) => ({
              data: { id: n.id, label: n.withheld ? ts('entities.withheld') : `${n.caption}\n${ts(`entities.schema.${n.schema}`)}`, colour: COLOURS[n.schema] ?? '#57606a' },
              // The force layout starts from these (randomize: false): nodes on a circle, not all on one
              // point, from which it sometimes left them piled on each other.
              position: { x: 200 * Math.cos((2 * Math.PI * i) / graph.nodes.length), y: 200 * Math.sin((2 * Math.PI * i) / graph.nodes.length) },
              classes: n.id === focus ? 'focus' : '',
            })),
            ...graph.edges.map((e) => ({ data: { id: `e:${e.id}`, source: e.source, target: e.target, label: ts(edgeKey(e)) }, classes: e.directed ? 'directed' : '' })),
          ],
          style: [
            {
              selector: 'node',
              style: {
                'background-color': 'data(colour)',
                label: 'data(label)',
                'font-size': 10,
                'text-wrap': 'wrap',
                'text-max-width': '120px',
                'text-valign': 'bottom',
                'text-margin-y': 4,
                'min-zoomed-font-size': 7,
                width: 22,
                height: 22,
              },
            },
            { selector: 'node.focus', style: { 'border-width': 3, 'border-color': '#cf222e', width: 30, height: 30 } },
            { selector: 'edge', style: { width: 1.5, 'line-color': '#8c959f', 'curve-style': big ? 'haystack' : 'bezier', label: big ? '' : 'data(label)', 'font-size': 8, 'min-zoomed-font-size': 8, 'text-rotation': 'autorotate' } },
            { selector: 'edge.directed', style: { 'target-arrow-shape': 'triangle', 'target-arrow-color': '#8c959f' } },
          ],
          layout: big ? { name: 'grid', avoidOverlap: true } : { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 8000, idealEdgeLength: () => 90 },
          textureOnViewport: big,
          hideEdgesOnViewport: big,
          pixelRatio: big ? 1 : 'auto',
          wheelSensitivity: 0.3,
        });
        instance.on('tap', 'node', (ev) => navigate(`/entities/${ev.target.id()}`));
        // A phone turned, a window narrowed: keep the whole graph in view.
        watcher = new ResizeObserver(() => {
          instance.resize();
          instance.fit(undefined, 20);
          // A few nodes would be blown up to fill the box; keep them at a readable size.
          if (instance.zoom() > 1.2) {
            instance.zoom(1.2);
            instance.center();
          }
        });
        watcher.observe(box.current);
        cy = instance;
      })
      .catch(() => setFailed(true));
    return () => {
      destroyed = true;
      watcher?.disconnect();
      cy?.destroy();
    };
  }, [graph, focus, ts]);
  if (failed) return <p className="muted">{t('entities.graph.failed')}</p>;
  return (
    <figure className="entity-graph-figure">
      <div ref={box} className="entity-graph" role="img" aria-label={ts('entities.graph.label', { nodes: new Intl.NumberFormat(lng).format(graph.nodes.length), edges: new Intl.NumberFormat(lng).format(graph.edges.length) })} data-nodes={graph.nodes.length} data-edges={graph.edges.length} />
      <figcaption className="muted">
        {t('entities.graph.label', { nodes: new Intl.NumberFormat(lng).format(graph.nodes.length), edges: new Intl.NumberFormat(lng).format(graph.edges.length) })}
        {graph.truncated ? ` ${ts('entities.graph.truncated')}` : ''}
      </figcaption>
    </figure>
  );
}
