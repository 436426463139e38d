// The native-speaker review list is current: every fixed text of every language is in
// docs/letters/REVIEW.md with a status, and a reviewer's status survives regeneration only while
// the text it was given for is unchanged.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../../config.ts';
import { LETTER_LANGUAGES, LETTER_TEXT } from './letter-text.ts';
import { shippedReviewInstruments } from './review-instruments.ts';
import { REVIEW_PATH, readStatuses, renderReviewList, TO_REVIEW } from './review-list.ts';

test('docs/letters/REVIEW.md is what the generator writes (run node --import tsx scripts/letters-review.ts)', async () => {
  const committed = readFileSync(join(REPO_ROOT, REVIEW_PATH), 'utf8');
  assert.equal(committed, renderReviewList(committed, await shippedReviewInstruments()));
  const statuses = readStatuses(committed);
  for (const lang of LETTER_LANGUAGES) {
    for (const key of ['intro', 'legalBasisTreaty', 'thanks', 'closing', 'addressee.label', 'unsigned', 'basis.UNCAC']) {
      assert.ok(statuses.get(`${lang} ${key}`)?.status, `${lang} ${key} has a status`);
    }
    assert.equal(statuses.get(`${lang} closing`)?.text, LETTER_TEXT[lang].closing);
  }
  assert.match(statuses.get('fr basis.UNCAC')?.text ?? '', /fondée sur la Convention des Nations Unies contre la corruption/);
});

test('a reviewer’s status is kept while the text is unchanged, and reset when it changes', async () => {
  const instruments = await shippedReviewInstruments();
  const fresh = renderReviewList(null, instruments);
  const reviewed = fresh.replace(
    `| \`closing\` | ${LETTER_TEXT.fr.closing} | ${TO_REVIEW} |`,
    `| \`closing\` | ${LETTER_TEXT.fr.closing} | reviewed by A. Martin, 2026-12-01 |`,
  );
  assert.notEqual(reviewed, fresh, 'the French closing row was found');
  assert.equal(readStatuses(renderReviewList(reviewed, instruments)).get('fr closing')?.status, 'reviewed by A. Martin, 2026-12-01');
  // The same status given for an older wording goes back to review.
  const older = reviewed.replace(`| \`closing\` | ${LETTER_TEXT.fr.closing} |`, '| `closing` | Veuillez agréer mes salutations. |');
  assert.equal(readStatuses(renderReviewList(older, instruments)).get('fr closing')?.status, TO_REVIEW);
  assert.equal(readStatuses(renderReviewList(reviewed, instruments)).get('en closing')?.status, TO_REVIEW, 'only that language');
});
