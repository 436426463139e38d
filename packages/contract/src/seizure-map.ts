// Map API of the seizure and maritime-incident registries (issue 14 part 5): the records the caller
// may see as GeoJSON points (newest first, up to a limit), and for seizures the route
// (origin → transit → destination) as lines through the countries' points of the shipped basemap.
import { INCIDENT_KINDS, SEIZURE_DOMAINS } from '@comity/core/seizures/seizure';
import { z } from 'zod';
import { Alpha3 } from './common.ts';

const Bbox = z
  .string()
  .max(120)
  .regex(/^\s*-?\d+(\.\d+)?\s*,\s*-?\d+(\.\d+)?\s*,\s*-?\d+(\.\d+)?\s*,\s*-?\d+(\.\d+)?\s*$/, 'four numbers: west,south,east,north')
  .describe('west,south,east,north in decimal degrees (longitudes -180 to 180, latitudes -90 to 90, south ≤ north; west > east crosses the antimeridian)');
const MapLimit = z.coerce.number().int().min(1).max(5000).default(1000);

export const SeizureMapQuery = z.strictObject({
  domain: z.enum(SEIZURE_DOMAINS).optional(),
  country: Alpha3.optional(),
  from: z.iso.date().optional().describe('From this day (inclusive)'),
  to: z.iso.date().optional().describe('Up to this day (inclusive)'),
  species: z.string().max(200).optional(),
  substance: z.string().max(200).optional(),
  name: z.string().max(200).optional().describe('Any item name: species, substance, product, brand'),
  bbox: Bbox.optional(),
  limit: MapLimit,
});

export const IncidentMapQuery = z.strictObject({
  kind: z.enum(INCIDENT_KINDS).optional(),
  country: Alpha3.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  bbox: Bbox.optional(),
  limit: MapLimit,
});

const Position = z.tuple([z.number(), z.number()]).describe('[longitude, latitude]');
const PointGeometry = z.object({ type: z.literal('Point'), coordinates: Position });
const MapMarking = z.object({ tlp: z.string(), effectiveTlp: z.string() });

const SeizurePointProps = z.object({
  id: z.string(),
  reference: z.string(),
  kind: z.literal('seizure'),
  occurredAt: z.string(),
  country: z.string(),
  place: z.string().nullable(),
  domains: z.array(z.string()).describe('Domains of the items; the first is the one the map draws'),
  domain: z.string().describe('The domain drawn (the first item’s), or `withheld`'),
  names: z.array(z.string()).describe('Item names: species, substances, products, brands'),
  precision: z.enum(['exact', 'country']).describe('`country` when the record has no coordinates (or they are withheld) and the point is the country’s'),
  withheld: z.boolean(),
  marking: MapMarking,
});

const IncidentPointProps = z.object({
  id: z.string(),
  reference: z.string(),
  kind: z.literal('incident'),
  occurredAt: z.string(),
  country: z.string().nullable(),
  incidentKind: z.string(),
  area: z.string().nullable().describe('The sea area as reported (null when withheld)'),
  vesselName: z.string(),
  domain: z.literal('maritime'),
  precision: z.literal('exact'),
  withheld: z.boolean(),
  marking: MapMarking,
});

const RouteFeature = z.object({
  type: z.literal('Feature'),
  geometry: z.object({ type: z.literal('LineString'), coordinates: z.array(Position) }),
  properties: z.object({ id: z.string(), reference: z.string(), domain: z.string(), countries: z.array(z.string()).describe('The route’s countries in order (stops without a point on the basemap left out)') }),
});

export const SeizureMap = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(z.object({ type: z.literal('Feature'), geometry: PointGeometry, properties: SeizurePointProps })),
    routes: z.object({ type: z.literal('FeatureCollection'), features: z.array(RouteFeature) }),
    total: z.number().int().describe('Records matching the filters (the map holds at most `limit`, newest first)'),
    truncated: z.boolean(),
    unplaced: z.number().int().describe('Records left off the map: no coordinates and a country with no point on the basemap'),
  })
  .meta({ id: 'SeizureMap' });

export const IncidentMap = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(z.object({ type: z.literal('Feature'), geometry: PointGeometry, properties: IncidentPointProps })),
    total: z.number().int(),
    truncated: z.boolean(),
  })
  .meta({ id: 'IncidentMap' });
