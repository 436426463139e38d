import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ReferenceLists, type SeizureInput, checkIncident, checkSeizure, closeMatches, isValidImo, parseEventTime } from './seizure.ts';

const lists: ReferenceLists = {
  species: [
    { name: 'Manis javanica', common: 'Sunda pangolin', cites: 'I' },
    { name: 'Loxodonta africana', common: 'African elephant', cites: 'I/II' },
    { name: 'Totoaba macdonaldi', common: 'Totoaba', cites: 'I' },
  ],
  substances: [{ name: 'cocaine', aliases: ['crack'], control: '1961 Schedule I' }],
  iccs: [
    { code: '1003', level: 2, title: 'Trade in protected species', certain: true },
    { code: '06012', level: 3, title: 'Trafficking', certain: true },
    { code: '0401', level: 2, title: 'Robbery', certain: true },
    { code: '11012', level: 3, title: 'Piracy', certain: false },
  ],
};
const now = new Date('2026-06-15T12:00:00Z');
const base: SeizureInput = {
  occurredAt: '2026-03-02',
  country: 'KEN',
  locationKind: 'seaport',
  authority: 'Kenya Revenue Authority',
  detectionMethod: 'x-ray',
  conveyanceType: 'container',
  items: [{ domain: 'wildlife', species: 'manis javanica', specimenType: 'scales', quantity: 120, unit: 'kg' }],
  iccsCode: '1003',
};

test('IMO numbers are checked by their check digit', () => {
  assert.equal(isValidImo('9074729'), true);
  assert.equal(isValidImo('IMO 9074729'), true);
  assert.equal(isValidImo('9074728'), false);
  assert.equal(isValidImo('907472'), false);
});

test('a known species is stored as the list spells it, with its CITES appendix', () => {
  const r = checkSeizure(lists, base, now);
  assert.ok(r.ok);
  const item = r.seizure.items[0];
  assert.equal(item?.domain === 'wildlife' && item.species, 'Manis javanica');
  assert.equal(item?.domain === 'wildlife' && item.citesAppendix, 'I');
});

test('an unknown species is refused with the close names offered', () => {
  const r = checkSeizure(lists, { ...base, items: [{ domain: 'wildlife', species: 'Manis javanicus', specimenType: 'scales', quantity: 1, unit: 'kg' }] }, now);
  assert.equal(r.ok, false);
  const p = !r.ok ? r.problems[0] : undefined;
  assert.equal(p?.code, 'species_unknown');
  assert.deepEqual(p?.params?.suggestions, ['Manis javanica']);
});

test('an unknown substance offers its close names and aliases', () => {
  assert.deepEqual(closeMatches('cocain', ['cocaine', 'crack', 'heroin']), ['cocaine']);
  const r = checkSeizure(lists, { ...base, iccsCode: '06012', items: [{ domain: 'drugs', substance: 'cocain', quantity: 5, unit: 'kg' }] }, now);
  assert.equal(!r.ok && r.problems[0]?.code, 'substance_unknown');
});

test('impossible and future dates and out-of-range coordinates are refused, all at once', () => {
  const r = checkSeizure(lists, { ...base, occurredAt: '2026-02-31', latitude: 91, longitude: -181 }, now);
  assert.equal(r.ok, false);
  assert.deepEqual(!r.ok && r.problems.map((p) => p.code).sort(), ['date_impossible', 'latitude_out_of_range', 'longitude_out_of_range']);
  const problems: { field: string; code: string }[] = [];
  assert.equal(parseEventTime('2026-06-16', now, 'when', problems), null);
  assert.equal(problems[0]?.code, 'date_in_future');
  assert.ok(parseEventTime('2026-06-15', now, 'when', []));
  assert.equal(parseEventTime('2026-06-15T11:00:00+02:00', now, 'when', [])?.at.toISOString(), '2026-06-15T09:00:00.000Z');
});

test('a CITES appendix that contradicts the list is refused; a split listing accepts either', () => {
  const bad = checkSeizure(lists, { ...base, items: [{ domain: 'wildlife', species: 'Manis javanica', citesAppendix: 'II', specimenType: 'scales', quantity: 1, unit: 'kg' }] }, now);
  assert.equal(!bad.ok && bad.problems[0]?.code, 'cites_appendix_mismatch');
  const ok = checkSeizure(lists, { ...base, items: [{ domain: 'wildlife', species: 'Loxodonta africana', citesAppendix: 'II', specimenType: 'ivory', quantity: 1, unit: 'kg' }] }, now);
  assert.ok(ok.ok);
});

test('an incident needs a position and a valid IMO; piracy is coded 11012 by default', () => {
  const input = { occurredAt: '2026-05-01T02:10Z', latitude: 1.2, longitude: 103.9, vessel: { name: 'OCEAN STAR', imo: '9074729', type: 'bulk carrier' }, vesselStatus: 'underway' as const, kind: 'piracy' as const, narrative: 'Boarded', reportingSource: 'ReCAAP ISC' };
  const r = checkIncident(lists, input, now);
  assert.ok(r.ok);
  assert.equal(r.incident.iccsCode, '11012');
  const bad = checkIncident(lists, { ...input, vessel: { ...input.vessel, imo: '9074720' } }, now);
  assert.equal(!bad.ok && bad.problems[0]?.code, 'imo_invalid');
});
