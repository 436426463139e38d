// Builds the map's basemap, data/basemap/*.geojson, from Natural Earth data shipped in the npm
// package world-atlas (TopoJSON, public domain), converted with topojson-client: country shapes,
// coastlines, and one label point per country (data/basemap/centroids.json, by ISO alpha-3) that
// the map API draws routes through. Nothing is fetched at run time. Run: node scripts/build-basemap.mjs
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature, mesh } from 'topojson-client';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'data', 'basemap');
const countriesTopo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'));
const landTopo = JSON.parse(readFileSync(require.resolve('world-atlas/land-110m.json'), 'utf8'));
const iso = JSON.parse(readFileSync(join(root, 'data', 'countries', 'countries.json'), 'utf8')).countries;
const alpha3ByNumeric = new Map(iso.filter((c) => c.m49).map((c) => [c.m49.padStart(3, '0'), c.code]));
// Shapes Natural Earth draws without an ISO numeric code: Taiwan and Kosovo have an alpha-3 in the
// country list (TWN, XKK); N. Cyprus and Somaliland stay without a code (drawn, no route point).
const CODE_BY_NAME = { Taiwan: 'TWN', Kosovo: 'XKK' };

const r = (n) => Math.round(n * 100) / 100; // 1:110m: two decimals (~1 km) lose nothing visible
const roundCoords = (c) => (typeof c[0] === 'number' ? [r(c[0]), r(c[1])] : c.map(roundCoords));

/** Area-weighted centroid of the largest polygon (a country's label point; good enough at this scale). */
function centroid(geometry) {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = null;
  for (const poly of polys) {
    const ring = poly[0];
    let a = 0, cx = 0, cy = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = ring[i];
      const [x1, y1] = ring[i + 1];
      const f = x0 * y1 - x1 * y0;
      a += f;
      cx += (x0 + x1) * f;
      cy += (y0 + y1) * f;
    }
    if (a === 0) continue;
    const c = { area: Math.abs(a / 2), lon: cx / (3 * a), lat: cy / (3 * a) };
    if (!best || c.area > best.area) best = c;
  }
  return best ? [r(best.lon), r(best.lat)] : null;
}

const countries = feature(countriesTopo, countriesTopo.objects.countries);
const centroids = {};
const features = [];
for (const f of countries.features) {
  const code = alpha3ByNumeric.get(String(f.id ?? '').padStart(3, '0')) ?? CODE_BY_NAME[f.properties.name] ?? null;
  if (!f.geometry) continue;
  features.push({ type: 'Feature', properties: { code, name: f.properties.name }, geometry: { type: f.geometry.type, coordinates: roundCoords(f.geometry.coordinates) } });
  if (code) {
    const c = centroid(f.geometry);
    if (c) centroids[code] = c;
  }
}
const coast = mesh(landTopo, landTopo.objects.land);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'countries.geojson'), `${JSON.stringify({ type: 'FeatureCollection', features })}\n`);
writeFileSync(join(outDir, 'coastlines.geojson'), `${JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: coast.type, coordinates: roundCoords(coast.coordinates) } }] })}\n`);
writeFileSync(join(outDir, 'centroids.json'), `${JSON.stringify(Object.fromEntries(Object.entries(centroids).sort()), null, 0)}\n`);
console.log(`${features.length} countries (${Object.keys(centroids).length} with a code), coastlines written to data/basemap`);
