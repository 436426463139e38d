// Statistics per counterpart State and request type: how many requests are in which state, how
// long the counterpart takes to acknowledge and to execute (median and 90th percentile), on which
// grounds it refuses, and how many are overdue. Pure: the caller passes the rows.
import type { RequestState, RequestType } from './request.ts';

export interface StatisticsRow {
  counterpartState: string;
  type: RequestType;
  state: RequestState;
  transmittedAt: Date | null;
  receivedAt: Date | null;
  executedAt: Date | null;
  refusalGrounds: readonly { ground: string; citation: string }[];
  overdue: boolean;
}

export interface DurationStats {
  /** How many requests the figures are computed from. */
  count: number;
  medianDays: number | null;
  p90Days: number | null;
}

export interface StatisticsFigures {
  total: number;
  byState: Partial<Record<RequestState, number>>;
  /** Transmission to acknowledgement of receipt. */
  acknowledge: DurationStats;
  /** Transmission to full execution. */
  execute: DurationStats;
  refusalGrounds: { ground: string; citation: string; count: number }[];
  overdue: number;
}

export interface StatisticsGroup extends StatisticsFigures {
  counterpartState: string;
  type: RequestType;
}

export interface Statistics {
  groups: StatisticsGroup[];
  totals: StatisticsFigures;
}

const DAY_MS = 86_400_000;

export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  return sorted[Math.min(rank, n) - 1] as number;
}

function round2(x: number | null): number | null {
  return x === null ? null : Math.round(x * 100) / 100;
}

function durations(values: number[]): DurationStats {
  values.sort((a, b) => a - b);
  return { count: values.length, medianDays: round2(median(values)), p90Days: round2(percentile(values, 90)) };
}

function figures(rows: readonly StatisticsRow[]): StatisticsFigures {
  const byState: Partial<Record<RequestState, number>> = {};
  const ack: number[] = [];
  const exec: number[] = [];
  const grounds = new Map<string, { ground: string; citation: string; count: number }>();
  let overdue = 0;
  for (const r of rows) {
    byState[r.state] = (byState[r.state] ?? 0) + 1;
    if (r.transmittedAt && r.receivedAt) ack.push(Math.max(0, r.receivedAt.getTime() - r.transmittedAt.getTime()) / DAY_MS);
    if (r.transmittedAt && r.executedAt) exec.push(Math.max(0, r.executedAt.getTime() - r.transmittedAt.getTime()) / DAY_MS);
    for (const g of r.refusalGrounds) {
      const key = `${g.ground}|${g.citation}`;
      const entry = grounds.get(key) ?? { ground: g.ground, citation: g.citation, count: 0 };
      entry.count++;
      grounds.set(key, entry);
    }
    if (r.overdue) overdue++;
  }
  return {
    total: rows.length,
    byState,
    acknowledge: durations(ack),
    execute: durations(exec),
    refusalGrounds: [...grounds.values()].sort((a, b) => b.count - a.count || a.ground.localeCompare(b.ground)),
    overdue,
  };
}

export function computeStatistics(rows: readonly StatisticsRow[]): Statistics {
  const byGroup = new Map<string, StatisticsRow[]>();
  for (const r of rows) {
    const key = `${r.counterpartState}|${r.type}`;
    const list = byGroup.get(key);
    if (list) list.push(r);
    else byGroup.set(key, [r]);
  }
  const groups: StatisticsGroup[] = [...byGroup.values()].map((list) => {
    const first = list[0] as StatisticsRow;
    return { counterpartState: first.counterpartState, type: first.type, ...figures(list) };
  });
  groups.sort((a, b) => a.counterpartState.localeCompare(b.counterpartState) || a.type.localeCompare(b.type));
  return { groups, totals: figures(rows) };
}
