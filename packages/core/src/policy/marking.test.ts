// The combination rule, exhaustively over a small domain: a derived record takes the strictest of
// its sources on every axis, whatever the order in which they were combined.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  HANDLING_CODES,
  type Marking,
  type PermittedUse,
  TLP_MARKINGS,
  atLeastAsStrict,
  combine,
  combineAll,
  handlingRank,
  markingOfRequest,
  tlpRank,
} from './marking.ts';

const SPECIALITY: (string[] | null)[] = [null, ['A'], ['A', 'B']];
const USES: (PermittedUse[] | null)[] = [null, ['investigation'], ['investigation', 'trial']];
const REVIEW: (string | null)[] = [null, '2026-01-01', '2027-06-30'];

function domain(): Marking[] {
  const out: Marking[] = [];
  for (const tlp of TLP_MARKINGS)
    for (const handling of HANDLING_CODES)
      for (const speciality of SPECIALITY)
        for (const confidential of [false, true])
          for (const permittedUses of USES)
            for (const reviewOn of REVIEW)
              out.push({
                tlp,
                handling,
                handlingNotes: handling === 'H3' ? ['ask first'] : [],
                originators: [{ nodeId: null, organisationId: `org-${out.length % 3}`, name: `Org ${out.length % 3}`, state: 'FRA' }],
                limitations: { speciality, confidential, permittedUses, reviewOn, notes: [] },
              });
  return out;
}

/** Lists compared as sets: combination order changes list order, never content. */
function normal(m: Marking) {
  const sort = <T>(xs: readonly T[] | null, key: (x: T) => string = String) => (xs === null ? null : [...xs].sort((a, b) => key(a).localeCompare(key(b))));
  return {
    ...m,
    handlingNotes: sort(m.handlingNotes),
    originators: sort(m.originators, (o) => `${o.nodeId}/${o.organisationId}`),
    limitations: { ...m.limitations, speciality: sort(m.limitations.speciality), permittedUses: sort(m.limitations.permittedUses), notes: sort(m.limitations.notes) },
  };
}

const ALL = domain();

test('the domain covers every TLP, handling code and limitation value', () => {
  assert.equal(ALL.length, 5 * 4 * 3 * 2 * 3 * 3);
});

test('every pair: the combination is at least as strict as each source, the same either way round, and takes the stricter TLP and handling', () => {
  let pairs = 0;
  for (const a of ALL) {
    for (let j = 0; j < ALL.length; j += 7) {
      const b = ALL[j] as Marking;
      const c = combine(a, b);
      assert.ok(atLeastAsStrict(c, a) && atLeastAsStrict(c, b));
      assert.deepEqual(normal(c), normal(combine(b, a)));
      assert.equal(tlpRank(c.tlp), Math.max(tlpRank(a.tlp), tlpRank(b.tlp)));
      assert.equal(handlingRank(c.handling), Math.max(handlingRank(a.handling), handlingRank(b.handling)));
      assert.equal(c.limitations.confidential, a.limitations.confidential || b.limitations.confidential);
      pairs++;
    }
  }
  assert.ok(pairs > 150_000);
});

test('combining with itself changes nothing; grouping does not matter; and it is the least such marking', () => {
  for (const a of ALL) assert.deepEqual(normal(combine(a, a)), normal(a));
  for (let i = 0; i < ALL.length; i += 11) {
    for (let j = 3; j < ALL.length; j += 97) {
      for (let k = 5; k < ALL.length; k += 131) {
        const [a, b, c] = [ALL[i], ALL[j], ALL[k]] as [Marking, Marking, Marking];
        assert.deepEqual(normal(combine(combine(a, b), c)), normal(combine(a, combine(b, c))));
        const ab = combine(a, b);
        // Least upper bound: anything at least as strict as both is at least as strict as their combination.
        if (atLeastAsStrict(c, a) && atLeastAsStrict(c, b)) assert.ok(atLeastAsStrict(c, ab));
      }
    }
  }
});

test('speciality and permitted uses narrow to what every source allows; the earliest review date holds', () => {
  const base = ALL[0] as Marking;
  const m = combineAll(
    { ...base, limitations: { ...base.limitations, speciality: ['A', 'B'], permittedUses: ['investigation', 'trial'], reviewOn: '2027-06-30' } },
    { ...base, limitations: { ...base.limitations, speciality: ['B', 'C'], permittedUses: null, reviewOn: '2026-01-01' } },
    { ...base, limitations: { ...base.limitations, speciality: null, permittedUses: ['trial'] } },
  );
  assert.deepEqual(m.limitations.speciality, ['B']);
  assert.deepEqual(m.limitations.permittedUses, ['trial']);
  assert.equal(m.limitations.reviewOn, '2026-01-01');
});

test('a request’s fields make its marking: speciality names its case reference, H0 by default', () => {
  const originator = { nodeId: 'node-x', organisationId: null, name: 'Parquet de Paris', state: 'FRA' };
  const m = markingOfRequest(
    { title: 'Bank records', caseReference: 'PNF 21/123', marking: 'AMBER', confidentiality: { confidential: true, note: 'Do not tell the bank' }, useLimitations: { speciality: true, limits: 'Not for tax matters' } },
    originator,
  );
  assert.equal(m.handling, 'H0');
  assert.deepEqual(m.limitations.speciality, ['PNF 21/123']);
  assert.equal(m.limitations.confidential, true);
  assert.deepEqual(m.limitations.notes, ['Not for tax matters', 'Do not tell the bank']);
  assert.deepEqual(m.originators, [originator]);
  const plain = markingOfRequest({ title: 'T', marking: 'GREEN', handling: 'H3', handlingNote: 'Call first', confidentiality: { confidential: false }, useLimitations: {} }, originator);
  assert.equal(plain.limitations.speciality, null);
  assert.deepEqual(plain.handlingNotes, ['Call first']);
});
