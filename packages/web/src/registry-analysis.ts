// Backtracking and registry statistics (issue 14 parts 4 and 6) for the web UI.
import type { components } from '@comity/contract/generated/openapi';
import { client, unwrap } from './api.ts';

export type RelatedList = components['schemas']['RelatedList'];
export type RelatedRecord = components['schemas']['RelatedRecord'];
export type StatisticsView = components['schemas']['StatisticsView'];
export type StatisticsPeriod = StatisticsView['period'];
export const STATISTICS_SOURCES = ['seizure', 'incident', 'request'] as const;
export type ReceivedShare = components['schemas']['ReceivedStatisticsShare'];
export type SentShare = components['schemas']['SentStatisticsShare'];
export type ShareBody = components['schemas']['ShareStatisticsBody'];
/** The markings a share may carry (the receiving node shows it to everyone there who reads statistics). */
export const SHARE_TLP = ['CLEAR', 'GREEN', 'AMBER'] as const;

export interface StatisticsFilter {
  period: StatisticsPeriod;
  source?: string | undefined;
  country?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export const registryAnalysisApi = {
  related: (kind: 'seizure' | 'incident', id: string, windowDays = 365) =>
    kind === 'seizure'
      ? unwrap(client.GET('/api/v1/seizures/{id}/related', { params: { path: { id }, query: { windowDays } } }))
      : unwrap(client.GET('/api/v1/incidents/{id}/related', { params: { path: { id }, query: { windowDays } } })),
  statistics: async (f: StatisticsFilter) => (await unwrap(client.GET('/api/v1/statistics', { params: { query: { ...f, format: 'json' } } }))) as StatisticsView,
  received: () => unwrap(client.GET('/api/v1/statistics/received')),
  sent: () => unwrap(client.GET('/api/v1/statistics/shares')),
  share: (body: ShareBody) => unwrap(client.POST('/api/v1/statistics/shares', { body })),
  /** The export's address (a plain link downloads it with the session cookie). */
  exportUrl: (f: StatisticsFilter, format: 'csv' | 'sdmx-csv') => {
    const q = new URLSearchParams({ period: f.period, format });
    for (const k of ['source', 'country', 'from', 'to'] as const) if (f[k]) q.set(k, f[k] as string);
    return `/api/v1/statistics?${q}`;
  },
};

export function recordPath(kind: 'seizure' | 'incident', id: string): string {
  return kind === 'seizure' ? `/seizures/${id}` : `/incidents/${id}`;
}
