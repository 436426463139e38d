// `comity match`: links a CSV and an FtM JSON-lines file across scripts and prints every candidate pair with
// its explanation (--json one object per line), in clear and private mode; bad input exits non-zero with a
// readable message and prints no pairs.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runCliForTest } from '../testing/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'comity-match-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

const left = file(
  'left.csv',
  [
    'id,full_name,date_of_birth,nationality,iban,imo',
    'L1,"IVANOV, Sergey",1975-03-04,RUS,,',
    'L2,Wang Xiaoming,1988-11-02,CHN,,',
    'L3,Mohammed bin Salman,1985-08-31,SAU,,',
    'L4,Maria Lopez,1990-01-01,ESP,GB82 WEST 1234 5698 7654 32,',
    'L5,Ever Given,,,,9074729',
  ].join('\n'),
);
const right = file(
  'right.jsonl',
  [
    { id: 'R1', schema: 'Person', properties: { name: ['Сергей Иванов'], birthDate: ['1975-04-03'], nationality: ['rus'] } },
    { id: 'R2', schema: 'Person', properties: { name: ['王小明'], birthDate: ['1988-11-02'] } },
    { id: 'R3', schema: 'Person', properties: { name: ['محمد بن سلمان'], birthDate: ['1985-08-31'] } },
    { id: 'R4', schema: 'Person', properties: { name: ['Peter Okafor'], birthDate: ['1962-07-15'] } },
    { id: 'R5', schema: 'BankAccount', properties: { iban: ['GB82WEST12345698765432'] } },
    { id: 'R6', schema: 'Vessel', properties: { name: ['Ever Given'], imoNumber: ['IMO 9074729'] } },
  ]
    .map((e) => JSON.stringify(e))
    .join('\n'),
);

describe('comity match', () => {
  test('clear mode: each cross-script pair found and explained, the unrelated person not', async () => {
    const { code, out, err } = await runCliForTest(['match', left, right, '--json'], {});
    assert.equal(code, 0, err);
    const pairs = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { a: string; b: string; score: number; parts: { part: string; weight: number; detail: string }[] });
    assert.deepEqual(pairs.map((p) => `${p.a}-${p.b}`).sort(), ['L1-R1', 'L2-R2', 'L3-R3', 'L4-R5', 'L5-R6']);
    const ivanov = pairs.find((p) => p.a === 'L1')!;
    assert.ok(ivanov.parts.some((p) => p.part === 'birth-date' && /day-month-swapped/.test(p.detail)));
    assert.ok(pairs.find((p) => p.a === 'L4')!.parts.some((p) => p.part === 'iban' && /same iban GB82WEST12345698765432/.test(p.detail)));
    // Text output: one line per pair with its explanation, then a summary.
    const text = await runCliForTest(['match', left, right], {});
    assert.equal(text.code, 0);
    assert.match(text.out, /^L1\tR1\t0\.\d{4}\tname .*birth-date .*day-month-swapped/m);
    assert.match(text.out, /5 candidate pairs at or above 0\.7 \(clear mode; 5 × 6 records\)/);
  });

  test('private mode: the persons with names and dates are found through encodings; a shared secret file is used', async () => {
    const a = file('a.csv', 'id,given_name,surname,dob\nA1,michaela,neumann,19151111\nA2,peter,okafor,19800202\n');
    const b = file('b.csv', 'id,given_name,surname,dob\nB1,michela,neumann,19151111\nB2,anna,berg,19700707\n');
    const secret = file('secret.bin', 'sixteen bytes or more of secret');
    const { code, out, err } = await runCliForTest(['match', a, b, '--mode', 'private', '--secret-file', secret, '--json'], {});
    assert.equal(code, 0, err);
    const pairs = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { a: string; b: string; parts: { part: string }[] });
    assert.deepEqual(
      pairs.map((p) => `${p.a}-${p.b}`),
      ['A1-B1'],
    );
    assert.equal(pairs[0]!.parts[0]!.part, 'encoding');
    // With BLIP on the first file's encodings (as a node sends them), the same person is still found, and only they.
    const blipped = await runCliForTest(['match', a, b, '--mode', 'private', '--secret-file', secret, '--blip', '0.02', '--json'], {});
    assert.equal(blipped.code, 0, blipped.err);
    assert.deepEqual(
      blipped.out
        .trim()
        .split('\n')
        .map((l) => {
          const p = JSON.parse(l) as { a: string; b: string };
          return `${p.a}-${p.b}`;
        }),
      ['A1-B1'],
    );
  });

  test('bad input: readable message, non-zero exit, no pairs printed', async () => {
    const missing = await runCliForTest(['match', join(dir, 'nope.csv'), right], {});
    assert.equal(missing.code, 1);
    assert.match(missing.err, /cannot read .*nope\.csv: no such file/);
    const broken = file('broken.csv', 'id,name,dob\n1,Ann,1970-01-01\n2,Bob\n');
    const bad = await runCliForTest(['match', broken, right], {});
    assert.equal(bad.code, 1);
    assert.match(bad.err, /broken\.csv: 1 problem:\n {2}line 3: 2 fields where the header has 3\nNothing was matched\./);
    assert.equal(bad.out, '');
    const noName = await runCliForTest(['match', file('noname.csv', 'id,colour\n1,red\n'), right], {});
    assert.equal(noName.code, 1);
    assert.match(noName.err, /no name column/);
    const mode = await runCliForTest(['match', left, right, '--mode', 'fuzzy'], {});
    assert.equal(mode.code, 2);
    assert.match(mode.err, /--mode must be clear or private/);
    const threshold = await runCliForTest(['match', left, right, '--threshold', '1.5'], {});
    assert.equal(threshold.code, 2);
    assert.match(threshold.err, /--threshold must be a number from 0 to 1/);
    const shortSecret = await runCliForTest(['match', left, right, '--mode', 'private', '--secret-file', file('s.bin', 'short')], {});
    assert.equal(shortSecret.code, 1);
    assert.match(shortSecret.err, /at least 16 are needed/);
    const blip = await runCliForTest(['match', left, right, '--mode', 'private', '--blip', '0.6'], {});
    assert.equal(blip.code, 2);
    assert.match(blip.err, /--blip must be a number from 0 to 0\.2/);
    const blipClear = await runCliForTest(['match', left, right, '--blip', '0.02'], {});
    assert.equal(blipClear.code, 2);
    assert.match(blipClear.err, /--blip applies to --mode private only/);
  });
});
