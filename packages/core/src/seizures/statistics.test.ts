// Statistics folding and exports: hand-computed quarters and years, and the SDMX-CSV 2.0 header and rows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type MonthlyCount, foldStatistics, periodOf, statisticsCsv, statisticsSdmxCsv, totalsByPeriod } from './statistics.ts';

const months: MonthlyCount[] = [
  { source: 'seizure', month: '2026-01', country: 'KEN', iccsCode: '0601', count: 2 },
  { source: 'seizure', month: '2026-03', country: 'KEN', iccsCode: '0601', count: 3 },
  { source: 'seizure', month: '2026-04', country: 'KEN', iccsCode: '0601', count: 1 },
  { source: 'incident', month: '2026-02', country: '_X', iccsCode: '0401', count: 4 },
  { source: 'request', month: '2025-12', country: 'FRA', iccsCode: '0703', count: 1 },
];

test('months fold into quarters and years with the counts a person would add by hand', () => {
  assert.equal(periodOf('2026-12', 'quarter'), '2026-Q4');
  assert.equal(periodOf('2026-04', 'quarter'), '2026-Q2');
  assert.deepEqual(foldStatistics(months, 'quarter'), [
    { period: '2025-Q4', country: 'FRA', source: 'request', iccsCode: '0703', count: 1 },
    { period: '2026-Q1', country: '_X', source: 'incident', iccsCode: '0401', count: 4 },
    { period: '2026-Q1', country: 'KEN', source: 'seizure', iccsCode: '0601', count: 5 },
    { period: '2026-Q2', country: 'KEN', source: 'seizure', iccsCode: '0601', count: 1 },
  ]);
  assert.deepEqual(
    totalsByPeriod(foldStatistics(months, 'year')),
    [
      { period: '2025', seizure: 0, incident: 0, request: 1 },
      { period: '2026', seizure: 6, incident: 4, request: 0 },
    ],
  );
});

test('SDMX-CSV 2.0: STRUCTURE, STRUCTURE_ID, ACTION, the dimensions, then OBS_VALUE', () => {
  const text = statisticsSdmxCsv(foldStatistics(months, 'quarter'), 'quarter');
  const lines = text.trimEnd().split('\r\n');
  assert.equal(lines[0], 'STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,SOURCE,ICCS,TIME_PERIOD,OBS_VALUE');
  assert.equal(lines[3], 'dataflow,COMITY:DF_ICCS_REGISTRY(1.0),I,Q,KEN,SEIZURE,0601,2026-Q1,5');
  assert.equal(lines.length, 5);
});

test('plain CSV names the ICCS category and quotes what needs quoting', () => {
  const text = statisticsCsv(foldStatistics(months, 'year'), (c) => (c === '0601' ? 'Unlawful acts involving controlled drugs, or precursors' : undefined));
  assert.match(text, /^period,country,source,iccs_code,iccs_title,count\r\n/);
  assert.match(text, /2026,KEN,seizure,0601,"Unlawful acts involving controlled drugs, or precursors",6\r\n/);
});
