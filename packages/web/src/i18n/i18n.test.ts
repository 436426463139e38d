// Checks the resource files themselves: the complete languages share exactly the same keys, the partial
// ones cover sign-in and navigation, and no placeholder is lost or invented in translation.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

type Tree = { [key: string]: string | Tree };

function load(lng: string): Tree {
  return JSON.parse(readFileSync(new URL(`./${lng}.json`, import.meta.url), 'utf8')) as Tree;
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] as string).sort();
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Keys with i18next plural suffixes folded into their base key: each language has the plural
 * forms its own grammar needs (Arabic six, Russian four, English two), so only the base keys are
 * compared across languages. */
function baseKeys(flat: Map<string, string>): Set<string> {
  return new Set([...flat.keys()].map((k) => k.replace(PLURAL, '')));
}

/** Every plural key of a language has all the forms Intl.PluralRules says the language uses. */
function missingPluralForms(lng: string, flat: Map<string, string>): string[] {
  const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
  const bases = new Set([...flat.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
  return [...bases].flatMap((b) => categories.filter((c) => !flat.has(`${b}_${c}`)).map((c) => `${b}_${c}`));
}

const en = flatten(load('en'));
const complete = ['fr', 'es', 'ar'] as const;
const partial = ['zh', 'ru'] as const;

test('English has the keys the UI is built on', () => {
  for (const key of ['signIn.email', 'nav.signOut', 'finder.requesting', 'offence.corruption', 'type.mla', 'outcome.unknown']) {
    assert.ok(en.has(key), `en.json lacks ${key}`);
  }
});

for (const lng of complete) {
  test(`${lng} has exactly the same keys as en`, () => {
    const other = flatten(load(lng));
    const enBase = baseKeys(en);
    const otherBase = baseKeys(other);
    const missing = [...enBase].filter((k) => !otherBase.has(k));
    const extra = [...otherBase].filter((k) => !enBase.has(k));
    assert.deepEqual(missing, [], `${lng}.json is missing keys`);
    assert.deepEqual(extra, [], `${lng}.json has keys that en.json lacks`);
    assert.deepEqual(missingPluralForms(lng, other), [], `${lng}.json lacks plural forms`);
  });

  test(`${lng} keeps every placeholder and leaves no string empty`, () => {
    const other = flatten(load(lng));
    for (const [key, text] of en) {
      // A plural key is checked through its "other" form, which every language has.
      const translated = other.get(key) ?? other.get(key.replace(PLURAL, '_other')) ?? '';
      assert.notEqual(translated.trim(), '', `${lng}:${key} is empty`);
      assert.deepEqual(placeholders(translated), placeholders(text), `${lng}:${key} placeholders differ`);
    }
  });
}

for (const lng of partial) {
  test(`${lng} covers sign-in, password change and navigation`, () => {
    const other = flatten(load(lng));
    const required = [...en.keys()].filter((k) => /^(signIn|nav|password)\./.test(k));
    assert.ok(required.length > 20);
    const missing = required.filter((k) => !other.has(k));
    assert.deepEqual(missing, [], `${lng}.json must translate sign-in and navigation`);
    const enBase = baseKeys(en);
    for (const [key, text] of other) {
      assert.ok(en.has(key) || enBase.has(key.replace(PLURAL, '')), `${lng}:${key} does not exist in en.json`);
      const english = en.get(key) ?? en.get(key.replace(PLURAL, '_other')) ?? '';
      assert.deepEqual(placeholders(text), placeholders(english), `${lng}:${key} placeholders differ`);
    }
    assert.deepEqual(missingPluralForms(lng, other), [], `${lng}.json lacks plural forms`);
  });
}

test('Arabic strings are in Arabic script, not copied English', () => {
  const ar = flatten(load('ar'));
  // Product name and a few neutral codes may stay Latin; almost everything else must not.
  const latinOnly = [...ar].filter(([, text]) => !/[\u0600-\u06FF]/.test(text));
  assert.ok(latinOnly.length <= 2, `untranslated Arabic strings: ${latinOnly.map(([k]) => k).join(', ')}`);
});

test('a key missing in Chinese is detected as untranslated while i18next falls back to English', async () => {
  // useT() marks fallback text by asking i18next whether the key exists without fallback; check that it can tell.
  const { createInstance } = await import('i18next');
  const i18n = createInstance();
  await i18n.init({
    lng: 'zh',
    fallbackLng: 'en',
    resources: { en: { translation: load('en') }, zh: { translation: load('zh') } },
  });
  assert.equal(i18n.exists('finder.title', { lng: 'zh', fallbackLng: [] }), false);
  assert.equal(i18n.t('finder.title'), en.get('finder.title'));
  assert.equal(i18n.exists('nav.signOut', { lng: 'zh', fallbackLng: [] }), true);
  assert.notEqual(i18n.t('nav.signOut'), en.get('nav.signOut'));
});
