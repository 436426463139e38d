// The MapLibre GL map of the registries. MapLibre (and its worker, served by the node, so the CSP's
// script-src 'self' allows it) is loaded only here, in a chunk of its own. The basemap is the
// Natural Earth GeoJSON shipped in data/basemap (static assets of the build): no tiles, glyphs or
// sprites are fetched, so the map draws no text; point shapes are drawn on a canvas
// (map-shapes.tsx) and cluster sizes step with the count (the exact counts are in the table).
import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent, StyleSpecification } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import coastlinesUrl from '../../../../data/basemap/coastlines.geojson?url';
import countriesUrl from '../../../../data/basemap/countries.geojson?url';
import { SHAPE_KEYS, shapeImage } from './map-shapes.tsx';

export interface MapPoint {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { id: string; reference: string; kind: 'seizure' | 'incident'; domain: string; label: string; link: string };
}
export interface MapRoute {
  type: 'Feature';
  geometry: { type: 'LineString'; coordinates: [number, number][] };
  properties: { id: string; reference: string; domain: string };
}

interface Props {
  points: MapPoint[];
  routes: MapRoute[];
  /** Accessible name of the map region. */
  label: string;
  /** Shown when WebGL is missing or the map fails. */
  onUnavailable: () => void;
  /** Follows a popup's link in-app. */
  onOpen: (link: string) => void;
  openLabel: string;
  rtl: boolean;
}

function webglAvailable(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return !!(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

const absolute = (url: string) => new URL(url, window.location.href).href;

function baseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: absolute(countriesUrl) },
      coastlines: { type: 'geojson', data: absolute(coastlinesUrl) },
      points: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, cluster: true, clusterRadius: 40, clusterMaxZoom: 8 },
      routes: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#dce9f2' } },
      { id: 'countries', type: 'fill', source: 'countries', paint: { 'fill-color': '#f6f4ee', 'fill-outline-color': '#b9b4a6' } },
      { id: 'borders', type: 'line', source: 'countries', paint: { 'line-color': '#b9b4a6', 'line-width': 0.6 } },
      { id: 'coast', type: 'line', source: 'coastlines', paint: { 'line-color': '#7a8d99', 'line-width': 0.8 } },
      { id: 'routes', type: 'line', source: 'routes', paint: { 'line-color': '#5a3e85', 'line-width': 2, 'line-opacity': 0.7, 'line-dasharray': [3, 2] } },
      {
        id: 'clusters',
        type: 'circle',
        source: 'points',
        filter: ['has', 'point_count'],
        paint: {
          'circle-color': '#f5c542',
          'circle-stroke-color': '#111',
          'circle-stroke-width': 1.5,
          'circle-radius': ['step', ['get', 'point_count'], 12, 10, 17, 50, 23, 200, 30],
        },
      },
      {
        id: 'points',
        type: 'symbol',
        source: 'points',
        filter: ['!', ['has', 'point_count']],
        layout: { 'icon-image': ['concat', 'shape-', ['get', 'domain']], 'icon-allow-overlap': true, 'icon-size': 0.9 },
      },
    ],
  };
}

/** Frames the points: one in the middle, several within the view (padding scaled to small screens). */
function frame(m: MapLibreMap, points: readonly MapPoint[]): void {
  const first = points[0]?.geometry.coordinates;
  if (!first) return;
  if (points.length === 1) {
    m.jumpTo({ center: first, zoom: Math.max(m.getZoom(), 4) });
    return;
  }
  let [west, south, east, north] = [first[0], first[1], first[0], first[1]];
  for (const p of points) {
    const [lon, lat] = p.geometry.coordinates;
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const padding = Math.min(60, Math.round(m.getContainer().clientWidth / 8));
  m.fitBounds([west, south, east, north], { padding, maxZoom: 5, animate: false });
}

export default function MapCanvas({ points, routes, label, onUnavailable, onOpen, openLabel, rtl }: Props) {
  const holder = useRef<HTMLElement>(null);
  const map = useRef<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  const shown = useRef<readonly MapPoint[]>([]);
  const latest = useRef({ onOpen, openLabel, onUnavailable });
  latest.current = { onOpen, openLabel, onUnavailable };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is made once; text direction is read at creation
  useEffect(() => {
    if (!webglAvailable()) {
      latest.current.onUnavailable();
      return;
    }
    let cancelled = false;
    (async () => {
      const [maplibregl, { default: workerUrl }] = await Promise.all([import('maplibre-gl'), import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'), import('maplibre-gl/dist/maplibre-gl.css')]);
      if (cancelled || !holder.current) return;
      maplibregl.setWorkerUrl(absolute(workerUrl));
      let m: MapLibreMap;
      try {
        m = new maplibregl.Map({ container: holder.current, style: baseStyle(), center: [20, 15], zoom: 1, attributionControl: false, renderWorldCopies: false });
      } catch {
        latest.current.onUnavailable();
        return;
      }
      map.current = m;
      m.addControl(new maplibregl.NavigationControl({ showCompass: false }), rtl ? 'top-left' : 'top-right');
      m.addControl(new maplibregl.AttributionControl({ compact: true, customAttribution: 'Natural Earth' }), rtl ? 'bottom-left' : 'bottom-right');
      for (const key of SHAPE_KEYS) m.addImage(`shape-${key}`, shapeImage(key), { pixelRatio: 2 });
      m.on('load', () => setReady(true));
      // A turned phone or a narrower window: frame the same points again.
      m.on('resize', () => {
        const el = holder.current;
        if (el) el.dataset.idle = 'false';
        frame(m, shown.current);
        m.once('idle', () => {
          if (el) el.dataset.idle = 'true';
        });
      });
      m.on('click', 'clusters', async (e: MapMouseEvent & { features?: { properties: Record<string, unknown>; geometry: unknown }[] }) => {
        const f = e.features?.[0];
        if (!f) return;
        const zoom = await (m.getSource('points') as GeoJSONSource).getClusterExpansionZoom(Number(f.properties.cluster_id));
        m.easeTo({ center: (f.geometry as { coordinates: [number, number] }).coordinates, zoom });
      });
      m.on('click', 'points', (e: MapMouseEvent & { features?: { properties: Record<string, unknown>; geometry: unknown }[] }) => {
        const f = e.features?.[0];
        if (!f) return;
        const p = f.properties as MapPoint['properties'];
        const box = document.createElement('div');
        box.className = 'map-popup';
        const title = document.createElement('p');
        title.textContent = p.label;
        const a = document.createElement('a');
        a.href = p.link;
        a.textContent = `${latest.current.openLabel} ${p.reference}`;
        a.addEventListener('click', (ev) => {
          if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
          ev.preventDefault();
          latest.current.onOpen(p.link);
        });
        box.append(title, a);
        new maplibregl.Popup({ closeButton: true, maxWidth: '280px' }).setLngLat((f.geometry as { coordinates: [number, number] }).coordinates).setDOMContent(box).addTo(m);
      });
      for (const layer of ['clusters', 'points']) {
        m.on('mouseenter', layer, () => {
          m.getCanvas().style.cursor = 'pointer';
        });
        m.on('mouseleave', layer, () => {
          m.getCanvas().style.cursor = '';
        });
      }
      m.on('error', (e) => {
        if (String(e.error?.message ?? '').includes('WebGL')) latest.current.onUnavailable();
      });
    })().catch(() => latest.current.onUnavailable());
    return () => {
      cancelled = true;
      map.current?.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m || !ready) return;
    const el = holder.current;
    if (el) el.dataset.idle = 'false';
    (m.getSource('points') as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: points });
    (m.getSource('routes') as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: routes });
    shown.current = points;
    frame(m, points);
    m.once('idle', () => {
      if (el) {
        el.dataset.points = String(points.length);
        el.dataset.idle = 'true';
      }
    });
  }, [points, routes, ready]);

  return <section ref={holder} className="map-canvas" aria-label={label} data-ready={ready ? 'true' : 'false'} />;
}
