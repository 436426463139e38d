// Writes docs/letters/REVIEW.md, the native-speaker review list of the letters' fixed texts
// (packages/server/src/requests/documents/review-list.ts), keeping the statuses reviewers set.
// `--check` writes nothing and exits 1 when the file is behind the code.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../packages/server/src/config.ts';
import { REVIEW_PATH, renderReviewList } from '../packages/server/src/requests/documents/review-list.ts';
import { shippedReviewInstruments } from '../packages/server/src/requests/documents/review-instruments.ts';

const file = join(REPO_ROOT, REVIEW_PATH);
const existing = existsSync(file) ? readFileSync(file, 'utf8') : null;
const next = renderReviewList(existing, await shippedReviewInstruments());
if (process.argv.includes('--check')) {
  if (existing !== next) {
    console.log(`${REVIEW_PATH} is behind the letter texts: run node --import tsx scripts/letters-review.ts`);
    process.exit(1);
  }
} else {
  writeFileSync(file, next);
  console.log(`${REVIEW_PATH}: written`);
}
