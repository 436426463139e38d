import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { generateDemoData } from './demo-data.ts';
import { type ReferenceLists, checkIncident, checkSeizure } from './seizure.ts';

const read = (name: string) => JSON.parse(readFileSync(new URL(`../../../../data/registries/${name}`, import.meta.url), 'utf8'));
const lists: ReferenceLists = { iccs: read('iccs.json').codes, species: read('species.json').species, substances: read('substances.json').substances };

test('the demo data is the same for a seed, passes every check, and shares vessels and companies across domains', () => {
  const opts = { seed: 3, seizures: 300, incidents: 40, until: '2026-06-30' };
  const a = generateDemoData(lists, opts);
  assert.deepEqual(generateDemoData(lists, opts), a);
  assert.notDeepEqual(generateDemoData(lists, { ...opts, seed: 4 }).seizures[0], a.seizures[0]);
  const now = new Date('2026-07-01T00:00:00Z');
  for (const s of a.seizures) assert.ok(checkSeizure(lists, s, now).ok, s.reference);
  for (const i of a.incidents) assert.ok(checkIncident(lists, i, now).ok, i.reference);
  assert.deepEqual(new Set(a.seizures.flatMap((s) => s.items.map((i) => i.domain))), new Set(['wildlife', 'drugs', 'medical', 'tobacco', 'other']));
  // The same vessel carries seizures of different domains, and appears in incidents.
  const domainsByImo = new Map<string, Set<string>>();
  for (const s of a.seizures) {
    const imo = s.conveyance?.vesselImo;
    if (imo) domainsByImo.set(imo, new Set([...(domainsByImo.get(imo) ?? []), ...s.items.map((i) => i.domain)]));
  }
  assert.ok([...domainsByImo.values()].some((d) => d.has('wildlife') && d.has('tobacco')));
  assert.ok(a.incidents.some((i) => domainsByImo.has(i.vessel.imo ?? '')));
  const consignorDomains = new Map<string, Set<string>>();
  for (const s of a.seizures) for (const p of s.parties ?? []) consignorDomains.set(p.name, new Set([...(consignorDomains.get(p.name) ?? []), ...s.items.map((i) => i.domain)]));
  assert.ok([...consignorDomains.values()].some((d) => d.has('drugs') && d.has('wildlife')));
});
