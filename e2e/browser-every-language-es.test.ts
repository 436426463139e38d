// Every page in Spanish, as an administrator and as a practitioner, with no English fallback
// (the sweep itself is in support/every-language.ts).
import { test } from 'node:test';
import { sweepEveryPage } from './support/every-language.ts';

test('every page in Spanish, with no English fallback', async (t) => {
  await sweepEveryPage(t, ['es']);
});
