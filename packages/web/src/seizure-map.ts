// The registries' map from the browser: typed calls to /api/v1/seizures/map and /api/v1/incidents/map.
import type { components } from '@comity/contract/generated/openapi';
import { client, unwrap } from './api.ts';

export type SeizureMapData = components['schemas']['SeizureMap'];
export type IncidentMapData = components['schemas']['IncidentMap'];
export type SeizurePoint = SeizureMapData['features'][number];
export type IncidentPoint = IncidentMapData['features'][number];

export const MAP_DOMAINS = ['wildlife', 'drugs', 'medical', 'tobacco', 'other'] as const;
export type MapDomain = (typeof MAP_DOMAINS)[number];

export interface MapFilters {
  domain?: MapDomain | 'maritime' | undefined;
  name?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Seizures and incidents for the filters: a domain of goods leaves incidents out, `maritime` leaves seizures out, a name keeps seizures only. */
export async function loadMap(f: MapFilters) {
  const period = { ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}) };
  const wantSeizures = f.domain !== 'maritime';
  const wantIncidents = (!f.domain || f.domain === 'maritime') && !f.name;
  const [seizures, incidents] = await Promise.all([
    wantSeizures
      ? unwrap(client.GET('/api/v1/seizures/map', { params: { query: { limit: 2000, ...period, ...(f.domain && f.domain !== 'maritime' ? { domain: f.domain } : {}), ...(f.name ? { name: f.name } : {}) } } }))
      : null,
    wantIncidents ? unwrap(client.GET('/api/v1/incidents/map', { params: { query: { limit: 2000, ...period } } })) : null,
  ]);
  return { seizures, incidents };
}
