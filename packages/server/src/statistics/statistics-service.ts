// Registry statistics (issue 14 part 6): ICCS-coded counts of seizures, maritime incidents and
// cooperation requests by country, period and category, read from the rollup (migration 026)
// that the job below recomputes on the job queue, never from the registries themselves. A
// supervisor or analyst sees its organisation's counts; a node administrator the node's.
import { ForbiddenError, assertCan } from '@comity/core';
import { type MonthlyCount, type StatisticsPeriod, SDMX_DATAFLOW, foldStatistics, statisticsCsv, statisticsSdmxCsv, totalsByPeriod } from '@comity/core/seizures/statistics';
import type { StatisticsQuery, StatisticsView } from '@comity/contract/registry-analysis';
import { readRollup, refreshRollup } from '@comity/db/repos/statistics-repo';
import type { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import type { PolicyWho } from '../policy/policy-service.ts';
import { referenceLists } from '../seizures/reference-lists.ts';

export const STATISTICS_QUEUE = 'registry.statistics';
export type StatisticsDeps = Pick<AppDeps, 'db' | 'now'> & Partial<Pick<AppDeps, 'knowledge'>>;

/** Recomputes the rollup (the job's work); the offence → ICCS mapping is the taxonomy's (data/instruments/taxonomy.json). */
export async function refreshStatistics(deps: StatisticsDeps): Promise<number> {
  const offences = (deps.knowledge?.reference.offences ?? []).map((o) => ({ id: o.id, iccs: o.iccs ?? null }));
  return refreshRollup(deps.db, offences, deps.now());
}

let titles: Map<string, string> | undefined;
export function iccsTitle(code: string): string | undefined {
  titles ??= new Map(referenceLists().iccs.map((e) => [e.code, e.title]));
  return titles.get(code);
}

export type StatisticsAnswer = { kind: 'json'; body: z.infer<typeof StatisticsView> } | { kind: 'csv'; body: string; filename: string; mediaType: string };

export async function readStatistics(deps: StatisticsDeps, who: PolicyWho, q: z.infer<typeof StatisticsQuery>): Promise<StatisticsAnswer> {
  const actor = who.actor;
  if (!actor) throw new ForbiddenError('actor_required', 'This action needs a signed-in user.');
  assertCan(actor.role, 'statistics:read');
  const period: StatisticsPeriod = q.period ?? 'year';
  const { rows, refreshedAt } = await readRollup(deps.db, {
    organisationId: actor.role === 'admin' ? undefined : actor.organisationId,
    sources: q.source ? q.source.split(',') : undefined,
    country: q.country,
    fromMonth: q.from,
    toMonth: q.to,
    iccs: q.iccs,
  });
  const folded = foldStatistics(rows as MonthlyCount[], period);
  if (q.format === 'sdmx-csv') return { kind: 'csv', body: statisticsSdmxCsv(folded, period), filename: `iccs-statistics-${period}.sdmx.csv`, mediaType: 'application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8' };
  if (q.format === 'csv') return { kind: 'csv', body: statisticsCsv(folded, iccsTitle), filename: `iccs-statistics-${period}.csv`, mediaType: 'text/csv; charset=utf-8' };
  return {
    kind: 'json',
    body: {
      period,
      refreshedAt: refreshedAt ? refreshedAt.toISOString() : null,
      dataflow: SDMX_DATAFLOW,
      rows: folded.map((r) => ({ ...r, iccsTitle: iccsTitle(r.iccsCode) ?? null })),
      totals: totalsByPeriod(folded),
    },
  };
}
