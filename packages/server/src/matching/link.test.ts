// Matcher quality on the shipped FEBRL sets at the default thresholds of `comity match` (fixed here), in
// clear and private mode, and the WebAssembly Dice kernel against plain JavaScript.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { dice } from '@comity/core/matching/clk';
import { REPO_ROOT } from '../config.ts';
import { DiceIndex } from './dice-wasm.ts';
import { linkRecords, type MatchMode } from './link.ts';
import { PersonFileError, parsePersonFile } from './person-files.ts';

const febrl = (name: string) => {
  const path = join(REPO_ROOT, 'data/matching/febrl', name);
  return parsePersonFile(path, readFileSync(path, 'utf8'));
};
const entity = (id: string) => id.replace(/^rec-(\d+)-.*$/, '$1');

describe('quality on FEBRL 4 (5,000 × 5,000, 5,000 true pairs)', () => {
  const a = febrl('dataset4a.csv');
  const b = febrl('dataset4b.csv');
  // Thresholds and floors from bench/matching (README "Matching"): at these thresholds false hits stay under 1 %.
  const cases: { mode: MatchMode; threshold: number; minRecall: number }[] = [
    { mode: 'clear', threshold: 0.7, minRecall: 0.9 },
    { mode: 'private', threshold: 0.7, minRecall: 0.87 },
  ];
  for (const { mode, threshold, minRecall } of cases) {
    test(`${mode}: recall ≥ ${minRecall} with at most 1 % false hits at threshold ${threshold}`, () => {
      const pairs = linkRecords(a, b, { mode, threshold, secret: Buffer.from('a secret agreed for this test only') });
      const truePairs = pairs.filter((p) => entity(p.a) === entity(p.b)).length;
      const recall = truePairs / 5000;
      const falseShare = (pairs.length - truePairs) / pairs.length;
      assert.ok(recall >= minRecall, `recall ${recall}`);
      assert.ok(falseShare <= 0.01, `false hits ${falseShare}`);
    });
  }
});

describe('WebAssembly Dice', () => {
  test('equals the JavaScript Dice on random and edge-case encodings', () => {
    const encs = Array.from({ length: 300 }, (_, i) => {
      const e = new Uint32Array(randomBytes(128).buffer);
      if (i === 1) e.fill(0);
      if (i === 2) e.fill(0xffffffff);
      return e;
    });
    const index = new DiceIndex(encs);
    for (const q of [encs[0]!, encs[1]!, encs[2]!]) {
      const all = Array.from(index.diceAll(q));
      for (const [i, d] of all.entries()) assert.ok(Math.abs(d - dice(q, encs[i]!)) < 1e-6, `at ${i}: ${d} vs ${dice(q, encs[i]!)}`);
      assert.deepEqual(index.diceSome(q, [5, 7]), [all[5], all[7]]);
    }
    assert.equal(index.diceAll(encs[1]!)[1], 0);
    assert.throws(() => new DiceIndex([new Uint32Array(16)]), /512 bits/);
  });
});

describe('reading person files', () => {
  test('CSV quoting, header aliases, multiple identifiers; FtM JSON lines by schema', () => {
    const csv = parsePersonFile('x.csv', 'ID,Full Name,DOB,IBAN,Passport,Passport Country\n1,"Smith, John",1970-01-01,GB82WEST12345698765432;DE89370400440532013000,X123456,GBR\n');
    assert.deepEqual(csv, [{ id: '1', name: 'Smith, John', birthDate: '1970-01-01', iban: ['GB82WEST12345698765432', 'DE89370400440532013000'], passport: [{ number: 'X123456', country: 'GBR' }] }]);
    const ftm = parsePersonFile(
      'x.jsonl',
      '{"id":"p1","schema":"Person","properties":{"name":["Сергей Иванов"],"birthDate":["1975-04-03"]}}\n{"id":"v1","schema":"Vessel","properties":{"name":["Ever"],"imoNumber":["9074729"]}}\n{"id":"x","schema":"Note","properties":{}}\n',
    );
    assert.deepEqual(
      ftm.map((r) => r.id),
      ['p1', 'v1'],
    );
    assert.deepEqual(ftm[1]!.imo, ['9074729']);
  });
  test('every bad line is reported with its number and nothing is returned', () => {
    assert.throws(
      () => parsePersonFile('bad.csv', 'id,name\n1,Ann\n2,Bob,extra\n3,"open\n'),
      (e: unknown) => e instanceof PersonFileError && /line 4: a quoted field is not closed/.test(e.message),
    );
    assert.throws(
      () => parsePersonFile('bad.csv', 'id,name\n1,Ann\n2,Bob,extra\n1,Cy\n'),
      (e: unknown) => e instanceof PersonFileError && e.problems.length === 2 && /line 3: 3 fields/.test(e.problems[0]!) && /line 4: id "1" appears twice/.test(e.problems[1]!),
    );
    assert.throws(() => parsePersonFile('x.csv', 'id,colour\n1,red\n'), /no name column/);
    assert.throws(() => parsePersonFile('x.jsonl', '{"id":"a","schema":"Person","properties":{}}\n{not json\n'), /line 2: not JSON/);
  });
});
