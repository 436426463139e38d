// The explained matcher: birth-date tolerance, identifiers exact after normalisation (with their check
// digits), the score's parts and weights, blocking, and the keyed CLK encodings with the Dice coefficient.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import { CLK_BITS, clkFeatures, dice, encodeClk, type KeyedHash, lshKeys, lshPositions, popcount32 } from './clk.ts';
import { compareBirthDates, parseBirthDate } from './dates.ts';
import { normaliseEmail, normaliseIban, normaliseImo, normalisePassport, normalisePhone, normaliseWallet } from './identifiers.ts';
import { blockingKeys, candidatePairs, type PersonRecord, preparePerson, scorePair } from './matcher.ts';
import { jaroWinkler, levenshtein, skeleton, soundex } from './similarity.ts';

const score = (a: Omit<PersonRecord, 'id'>, b: Omit<PersonRecord, 'id'>) => scorePair(preparePerson({ id: 'a', ...a }), preparePerson({ id: 'b', ...b }));

describe('string measures', () => {
  test('Levenshtein, Jaro–Winkler, Soundex and skeleton on textbook cases', () => {
    assert.equal(levenshtein('kitten', 'sitting'), 3);
    assert.equal(Math.round(jaroWinkler('martha', 'marhta') * 1000), 961);
    assert.equal(Math.round(jaroWinkler('dixon', 'dicksonx') * 1000), 813);
    assert.equal(soundex('robert'), 'R163');
    assert.equal(soundex('rupert'), 'R163');
    assert.equal(soundex('tymczak'), 'T522');
    assert.equal(skeleton('mohammed'), 'mhmd');
    assert.equal(skeleton('muhammad'), 'mhmd');
  });
});

describe('birth dates', () => {
  test('formats parsed; impossible dates refused', () => {
    assert.deepEqual(parseBirthDate('1956-09-21'), { year: 1956, month: 9, day: 21 });
    assert.deepEqual(parseBirthDate('19560921'), { year: 1956, month: 9, day: 21 });
    assert.deepEqual(parseBirthDate('21.09.1956'), { year: 1956, month: 9, day: 21 });
    assert.equal(parseBirthDate('1956-13-01'), undefined);
    assert.equal(parseBirthDate('yesterday'), undefined);
  });
  test('day/month swap and one-year error keep most of the weight; other dates do not', () => {
    const d = (s: string) => parseBirthDate(s)!;
    assert.equal(compareBirthDates(d('1980-03-04'), d('1980-03-04')).agreement, 'exact');
    assert.equal(compareBirthDates(d('1980-03-04'), d('1980-04-03')).agreement, 'day-month-swapped');
    assert.equal(compareBirthDates(d('1980-03-04'), d('1981-03-04')).agreement, 'year-off-by-one');
    assert.equal(compareBirthDates(d('1980-03-04'), d('1983-03-04')).agreement, 'one-field-differs');
    assert.equal(compareBirthDates(d('1980-03-04'), d('1975-11-20')).weight, 0);
  });
});

describe('identifiers', () => {
  test('IBAN with mod-97 check', () => {
    assert.equal(normaliseIban('gb82 west 1234 5698 7654 32'), 'GB82WEST12345698765432');
    assert.equal(normaliseIban('GB82WEST12345698765433'), undefined);
  });
  test('IMO number with check digit', () => {
    assert.equal(normaliseImo('IMO 9074729'), '9074729');
    assert.equal(normaliseImo('9074728'), undefined);
  });
  test('phone to E.164; passport with country; wallet', () => {
    assert.equal(normalisePhone('+44 (20) 7946-0958'), '+442079460958');
    assert.equal(normalisePhone('0044 20 7946 0958'), '+442079460958');
    assert.equal(normalisePhone('020 7946 0958'), undefined);
    assert.equal(normalisePhone('020 7946 0958', '44'), '+442079460958');
    assert.equal(normalisePassport('12 345 678', 'fra'), 'FRA:12345678');
    assert.equal(normalisePassport('12345678', undefined), undefined);
    assert.equal(normaliseWallet('0xAbCdEf0123456789abcdef0123456789ABCDEF01'), '0xabcdef0123456789abcdef0123456789abcdef01');
    assert.equal(normaliseWallet('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'), '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa');
    assert.equal(normaliseWallet('not a wallet'), undefined);
    assert.equal(normaliseEmail('  Jane.Doe+tips@Example.ORG '), 'jane.doe+tips@example.org');
    assert.equal(normaliseEmail('mailto:info@bücher.de'), 'info@bücher.de');
    assert.equal(normaliseEmail('user@xn--80ak6aa92e.com'), 'user@xn--80ak6aa92e.com');
    for (const bad of ['jane.doe', 'a@b', '@example.org', 'a@@example.org', 'a b@example.org', 'a..b@example.org', 'a@-example.org', 'a@example.c0m', `${'x'.repeat(65)}@example.org`]) {
      assert.equal(normaliseEmail(bad), undefined, bad);
    }
  });
});

describe('combined score with explanation', () => {
  test('the same person across scripts with a swapped birth date scores high; the parts explain it', () => {
    const s = score({ name: 'Сергей Иванов', birthDate: '1975-04-03', nationality: 'RUS' }, { name: 'IVANOV, Sergey', birthDate: '1975-03-04', nationality: 'rus' });
    assert.ok(s.score > 0.85, String(s.score));
    assert.deepEqual(
      s.parts.map((p) => p.part),
      ['name', 'birth-date', 'nationality'],
    );
    assert.match(s.parts[1]!.detail, /day-month-swapped/);
    assert.ok(Math.abs(s.parts.reduce((sum, p) => sum + p.weight, 0) - 1) < 1e-9);
  });
  test('a different person with the same birth date scores low', () => {
    const s = score({ name: 'Сергей Иванов', birthDate: '1975-04-03' }, { name: 'Maria Lopez', birthDate: '1975-04-03' });
    assert.ok(s.score < 0.6, String(s.score));
  });
  test('a missing birth date is neutral: the same name alone scores below the same name and date', () => {
    const both = score({ name: 'John Smith', birthDate: '1970-01-01' }, { name: 'John Smith', birthDate: '1970-01-01' });
    const one = score({ name: 'John Smith', birthDate: '1970-01-01' }, { name: 'John Smith' });
    assert.equal(both.score, 1);
    assert.ok(one.score < 0.8 && one.score > 0.6, String(one.score));
    assert.match(one.parts[1]!.detail, /missing/);
  });
  test('a shared checked identifier makes a likely match whatever the name; a bad checksum never matches', () => {
    const s = score({ name: 'Vessel One', imo: ['9074729'] }, { name: 'MV Different', imo: ['IMO 9074729'] });
    assert.ok(s.score >= 0.9);
    assert.ok(s.parts.some((p) => p.part === 'imo' && p.similarity === 1));
    const bad = preparePerson({ id: 'x', name: 'A', imo: ['9074728'] });
    assert.equal(bad.identifiers.size, 0);
    assert.deepEqual(bad.rejected, ['imo "9074728"']);
  });
});

describe('blocking', () => {
  test('the same person shares a key despite typos and a wrong year; unrelated people do not', () => {
    const a = preparePerson({ id: 'a', given: 'michaela', surname: 'neumann', birthDate: '19151111' });
    const b = preparePerson({ id: 'b', given: 'michela', surname: 'neuman', birthDate: '19161111' });
    const c = preparePerson({ id: 'c', given: 'peter', surname: 'okafor', birthDate: '19800202' });
    const pairs = candidatePairs([blockingKeys(a)], [blockingKeys(b), blockingKeys(c)]);
    assert.deepEqual(pairs, [[0, 0]]);
  });
});

describe('keyed CLK encodings', () => {
  const keyed = (secret: string): KeyedHash => (field, feature) => createHmac('sha256', createHmac('sha256', secret).update(field).digest()).update(feature).digest();
  const h = keyed('pair secret');
  const enc = (r: Omit<PersonRecord, 'id'>, hash = h) => encodeClk(preparePerson({ id: 'x', ...r }), hash);
  const alice = { given: 'michaela', surname: 'neumann', birthDate: '1915-11-11' };

  test('1024 bits, deterministic under one secret, sparse enough', () => {
    const e = enc(alice);
    assert.equal(e.length * 32, CLK_BITS);
    assert.deepEqual(e, enc(alice));
    const ones = e.reduce((n, w) => n + popcount32(w), 0);
    assert.ok(ones > 100 && ones < 600, String(ones));
  });
  test('Dice: a typo and a day/month swap stay close, another person does not', () => {
    const e = enc(alice);
    assert.equal(dice(e, e), 1);
    const typo = dice(e, enc({ given: 'michela', surname: 'neumann', birthDate: '1915-11-11' }));
    const other = dice(e, enc({ given: 'peter', surname: 'okafor', birthDate: '1980-02-02' }));
    assert.ok(typo > 0.85, String(typo));
    assert.ok(other < 0.5, String(other));
    const dm = dice(enc({ given: 'ann', surname: 'lee', birthDate: '1980-03-04' }), enc({ given: 'ann', surname: 'lee', birthDate: '1980-04-03' }));
    assert.ok(dm > 0.75 && dm < 1, String(dm));
  });
  test('another secret gives unrelated encodings of the same record', () => {
    const d = dice(enc(alice), enc(alice, keyed('another secret')));
    assert.ok(d < 0.5, String(d));
  });
  test('features are per field, birth date split so that errors keep part of it', () => {
    const fields = new Set(clkFeatures(preparePerson({ id: 'x', ...alice })).map((f) => f.field));
    assert.deepEqual([...fields].sort(), ['dob-decade', 'dob-month-day', 'dob-sorted-month-day', 'dob-year', 'name', 'name-skeleton']);
  });
  test('LSH keys agree for near encodings and the JS popcount is right', () => {
    const positions = lshPositions(42);
    const a = lshKeys(enc(alice), positions);
    const b = lshKeys(enc({ given: 'michela', surname: 'neumann', birthDate: '1915-11-11' }), positions);
    assert.ok(a.some((k, i) => k === b[i]));
    assert.equal(popcount32(0xffffffff), 32);
    assert.equal(popcount32(0x80000001), 2);
  });
});
