import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cleanParticipantName, parseUntcDate, parseUntcXml, sanitiseUntcXml, UntcXmlError } from './untc-xml.ts';

const dataDir = fileURLToPath(new URL('../../../../../data/untc-2018/', import.meta.url));
const xmlDir = join(dataDir, 'xml');
const anyName = () => 'XXX';

function derivedRows(): Map<string, string[]> {
  const byTreaty = new Map<string, string[]>();
  const lines = readFileSync(join(dataDir, 'participants-derived.csv'), 'utf8').trim().split('\n').slice(1);
  for (const line of lines) {
    // The derived CSV has no quoted fields (checked: no name or date contains a comma).
    const [no, participant, signature, consentDate, consentType] = line.split(',');
    const rows = byTreaty.get(no as string) ?? [];
    rows.push([participant, signature, consentDate, consentType].join('|'));
    byTreaty.set(no as string, rows);
  }
  return byTreaty;
}

describe('UNTC MTDSG XML importer', () => {
  it('reproduces participants-derived.csv for every fixture that has a participant table', () => {
    const expected = derivedRows();
    let checked = 0;
    for (const file of readdirSync(xmlDir).sort()) {
      const parsed = parseUntcXml(file, readFileSync(join(xmlDir, file), 'latin1'), { resolveName: anyName });
      const want = expected.get(parsed.mtdsgNo) ?? [];
      if (parsed.rows.length === 0) {
        assert.equal(want.length, 0, `${file} has rows in the CSV but none parsed`);
        continue;
      }
      const got = parsed.rows.map((r) => [r.participant, r.signature, r.consentDate, r.consentType].join('|'));
      assert.deepEqual(got, want, file);
      checked++;
    }
    assert.equal(checked, 24);
  });

  it('maps rows to participations with ISO dates and consent kinds, reading per-treaty headers', () => {
    const names: Record<string, string> = { Afghanistan: 'AFG', Albania: 'ALB', Belgium: 'BEL' };
    const tip = parseUntcXml('XVIII-12-a.en.xml', readFileSync(join(xmlDir, 'XVIII-12-a.en.xml'), 'latin1'), {
      resolveName: (n) => names[n],
      asOf: '2018-01-15',
    });
    assert.equal(tip.entryIntoForce, '2003-12-25');
    assert.equal(tip.parties, 173);
    assert.deepEqual(
      tip.participations.find((p) => p.state === 'AFG'),
      { state: 'AFG', source: 'UNTC MTDSG XVIII-12-a.en.xml', asOf: '2018-01-15', consent: '2014-08-15', consentKind: 'accession' },
    );
    assert.equal(tip.participations.find((p) => p.state === 'ALB')?.signature, '2000-12-12');
    assert.ok(tip.unmapped.includes('Algeria'));
    // VI-18 prints participation by virtue of the 1972 Protocol in column 2: that is consent, not signature.
    const vi18 = parseUntcXml('VI-18.en.xml', readFileSync(join(xmlDir, 'VI-18.en.xml'), 'latin1'), {
      resolveName: (n) => names[n],
    });
    assert.deepEqual(
      vi18.participations.find((p) => p.state === 'AFG'),
      { state: 'AFG', source: 'UNTC MTDSG VI-18.en.xml', asOf: '', consent: '2015-02-19', consentKind: 'unknown' },
    );
    assert.ok(tip.declarations.length > 30);
    // No C0 control character survives sanitising (they stood for quotes and dashes).
    const hasControl = (t: string) => [...t].some((ch) => ch.charCodeAt(0) < 0x20 && ch !== '\n' && ch !== '\t' && ch !== '\r');
    assert.ok(tip.declarations.every((d) => !hasControl(d.text)));
    assert.ok(tip.declarations.some((d) => d.text.includes('\u201c')));
  });

  it('reads notifications (e.g. central authority designations) as kind "notification", without their date line', () => {
    const som = parseUntcXml('XVIII-12-b.en.xml', readFileSync(join(xmlDir, 'XVIII-12-b.en.xml'), 'latin1'), { resolveName: anyName });
    const notifications = som.declarations.filter((d) => d.kind === 'notification');
    assert.equal(notifications.length, 26);
    const sweden = notifications.find((d) => d.participant === 'Sweden');
    assert.match(sweden?.text ?? '', /Sweden designates the Ministry of Justice, as central authority/);
    const guatemala = notifications.find((d) => d.participant === 'Guatemala');
    assert.ok(guatemala && !/^2 July 2007/.test(guatemala.text), 'the date line is not part of the text');
    // Declarations keep their own kinds.
    assert.ok(som.declarations.some((d) => d.kind !== 'notification'));
  });

  it('sanitises control characters, bare ampersands and footnote markers', () => {
    assert.equal(sanitiseUntcXml('<a>\u001cquoted\u001d & more\u0002</a>'), '<a>\u201cquoted\u201d &amp; more</a>');
    assert.equal(sanitiseUntcXml('<a>&amp; &lt;</a>'), '<a>&amp; &lt;</a>');
    assert.equal(cleanParticipantName('China<superscript>1,4</superscript>'), 'China');
    assert.equal(cleanParticipantName('Belgium 3'), 'Belgium');
    assert.equal(cleanParticipantName('Germany<superscript>8,\n9</superscript>'), 'Germany');
    assert.deepEqual(parseUntcDate('15 Aug 2014 a'), { date: '2014-08-15', suffix: 'a' });
  });

  it('fails on a malformed file naming the file and the line', () => {
    const broken = '<?xml version="1.0"?>\n<Document>\n  <Treaty>\n    <Header></Treaty>\n</Document>\n';
    assert.throws(
      () => parseUntcXml('broken.en.xml', broken, { resolveName: anyName }),
      (e: unknown) => e instanceof UntcXmlError && e.file === 'broken.en.xml' && e.line === 4 && /broken\.en\.xml:4/.test(e.message),
    );
    assert.throws(() => parseUntcXml('other.xml', '<root/>', { resolveName: anyName }), /other\.xml: no Document\/Treaty/);
    // A table cell that is not a date: the file and the line of the cell.
    const tip = readFileSync(join(xmlDir, 'XVIII-12-a.en.xml'), 'latin1').replace('15 Aug 2014 a', 'sometime in 2014');
    assert.throws(
      () => parseUntcXml('XVIII-12-a.en.xml', tip, { resolveName: anyName }),
      (e: unknown) =>
        e instanceof UntcXmlError &&
        e.line !== undefined &&
        tip.split('\n')[e.line - 1]?.includes('sometime in 2014') === true &&
        /^XVIII-12-a\.en\.xml:\d+: participant "Afghanistan": unreadable date "sometime in 2014"/.test(e.message),
    );
  });
});
