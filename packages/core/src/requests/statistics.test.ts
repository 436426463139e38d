import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessDeadlines, DEFAULT_SERVICE_LEVEL } from './deadlines.ts';
import { computeStatistics, median, percentile, type StatisticsRow } from './statistics.ts';

const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000);

function row(extra: Partial<StatisticsRow>): StatisticsRow {
  return { counterpartState: 'DEU', type: 'mla', state: 'executed', transmittedAt: day(0), receivedAt: null, executedAt: null, refusalGrounds: [], overdue: false, ...extra };
}

test('median and nearest-rank 90th percentile', () => {
  assert.equal(median([]), null);
  assert.equal(median([1, 3, 10]), 3);
  assert.equal(median([1, 3, 10, 20]), 6.5);
  const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  assert.equal(percentile(ten, 90), 9);
  assert.equal(percentile([5], 90), 5);
  assert.equal(percentile([1, 2], 90), 2);
});

test('statistics per counterpart State and type', () => {
  const rows: StatisticsRow[] = [
    row({ receivedAt: day(2), executedAt: day(30) }),
    row({ receivedAt: day(4), executedAt: day(50) }),
    row({ receivedAt: day(10), state: 'refused', refusalGrounds: [{ ground: 'mla-no-dual-criminality', citation: 'UNTOC art. 18(9)' }] }),
    row({ state: 'transmitted', overdue: true }),
    row({ counterpartState: 'ITA', type: 'extradition', state: 'received', receivedAt: day(1) }),
  ];
  const stats = computeStatistics(rows);
  assert.deepEqual(
    stats.groups.map((g) => [g.counterpartState, g.type, g.total]),
    [
      ['DEU', 'mla', 4],
      ['ITA', 'extradition', 1],
    ],
  );
  const deu = stats.groups[0]!;
  assert.deepEqual(deu.byState, { executed: 2, refused: 1, transmitted: 1 });
  assert.deepEqual(deu.acknowledge, { count: 3, medianDays: 4, p90Days: 10 });
  assert.deepEqual(deu.execute, { count: 2, medianDays: 40, p90Days: 50 });
  assert.deepEqual(deu.refusalGrounds, [{ ground: 'mla-no-dual-criminality', citation: 'UNTOC art. 18(9)', count: 1 }]);
  assert.equal(deu.overdue, 1);
  assert.equal(stats.totals.total, 5);
  assert.equal(stats.totals.acknowledge.count, 4);
});

test('deadlines: service levels make outgoing requests overdue; reminders are raised once', () => {
  const sent = day(0);
  const level = { acknowledgeDays: 5, executeDays: 60, reminderDays: 3 };
  const base = { side: 'requesting' as const, state: 'transmitted' as const, transmittedAt: sent, deadline: null, reminded: [] };
  assert.deepEqual(assessDeadlines(base, level, day(4)), { overdue: [], due: [] });
  assert.deepEqual(assessDeadlines(base, level, day(5)), { overdue: ['acknowledgement'], due: ['acknowledgement-overdue'] });
  assert.deepEqual(assessDeadlines({ ...base, reminded: ['acknowledgement-overdue'] }, level, day(6)).due, []);
  const received = { ...base, state: 'under-execution' as const, deadline: '2025-02-10' };
  assert.deepEqual(assessDeadlines(received, level, day(30)), { overdue: [], due: [] });
  assert.deepEqual(assessDeadlines(received, level, new Date('2025-02-07T09:00:00Z')).due, ['deadline-approaching']);
  assert.deepEqual(assessDeadlines(received, level, new Date('2025-02-10T23:00:00Z')).overdue, [], 'the deadline day itself is in time');
  assert.deepEqual(assessDeadlines(received, level, day(61)), { overdue: ['execution', 'deadline'], due: ['execution-overdue', 'deadline-passed'] });
  // The requested side sees the deadline, not the requesting side's service levels.
  assert.deepEqual(assessDeadlines({ ...received, side: 'requested' }, level, day(61)).overdue, ['deadline']);
  // Closed and not-yet-sent requests are never overdue.
  assert.deepEqual(assessDeadlines({ ...received, state: 'executed' }, level, day(90)).overdue, []);
  assert.deepEqual(assessDeadlines({ ...received, state: 'draft', transmittedAt: null }, DEFAULT_SERVICE_LEVEL, day(90)).overdue, []);
});
