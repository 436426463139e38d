import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CoeJsonError, parseCoeJson } from './coe-json.ts';

const fixture = readFileSync(new URL('../fixtures/coe-ets-185-signatures.json', import.meta.url), 'utf8');
// A small alpha-2 table stands in for the country list; the real one comes from data/countries.
const ALPHA3: Record<string, string> = { FR: 'FRA', JP: 'JPN', BR: 'BRA', IE: 'IRL', GR: 'GRC', GB: 'GBR' };
const options = { alpha2ToAlpha3: (a2: string) => ALPHA3[a2] };

describe('Council of Europe treaty-office JSON importer', () => {
  it('maps CoE codes to ISO alpha-3 and reads dates and consent kinds', () => {
    const r = parseCoeJson('coe-ets-185-signatures.json', fixture, options);
    assert.equal(r.treatyNumber, '185');
    assert.equal(r.asOf, '2025-06-01');
    assert.equal(r.entryIntoForce, '2004-07-01');
    assert.deepEqual(
      r.participations.map((p) => p.state),
      ['FRA', 'GBR', 'GRC', 'JPN', 'BRA', 'IRL'],
    );
    assert.deepEqual(r.participations[0], {
      state: 'FRA',
      source: 'Council of Europe Treaty Office, CETS 185 signatures (2025-06-01)',
      asOf: '2025-06-01',
      signature: '2001-11-23',
      consent: '2006-01-10',
      consentKind: 'ratification',
      entryIntoForce: '2006-05-01',
    });
    assert.equal(r.participations.find((p) => p.state === 'BRA')?.consentKind, 'accession');
    const ireland = r.participations.find((p) => p.state === 'IRL');
    assert.equal(ireland?.consentKind, undefined);
    assert.equal(ireland?.signature, '2002-02-28');
    assert.deepEqual(r.unmapped, [{ code: 'ZZ', name: 'Atlantis' }]);
  });

  it('rejects malformed files naming the file and the place', () => {
    assert.throws(
      () => parseCoeJson('x.json', '{\n  "treaty": {},\n  oops\n}', options),
      (e: unknown) => e instanceof CoeJsonError && e.line === 3 && /^x\.json:3: not JSON/.test(e.message),
    );
    const bad = JSON.stringify({ treaty: { number: '185' }, generatedAt: '2025-06-01', signatures: [{ country: { code: 'FR' } }, { country: { code: 'FR' }, consent: '31-12-2020' }] }, null, 1);
    assert.throws(
      () => parseCoeJson('y.json', bad, options),
      (e: unknown) => e instanceof CoeJsonError && /^y\.json:\d+: signatures\[1\]\.consent: unreadable date "31-12-2020"/.test(e.message) && bad.split('\n')[(e.line ?? 0) - 1]?.includes('31-12-2020') === true,
    );
    assert.throws(() => parseCoeJson('z.json', JSON.stringify({ treaty: {}, signatures: [] }), options), /z\.json: generatedAt/);
  });
});
