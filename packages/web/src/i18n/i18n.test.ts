// Checks the resource files themselves: all six languages share exactly the same keys, and no
// placeholder is lost or invented in translation.
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
const complete = ['fr', 'es', 'ar', 'ru', 'zh'] as const;

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

const SCRIPTS = { ar: /[\u0600-\u06FF]/, ru: /[\u0400-\u04FF]/, zh: /[\u4E00-\u9FFF]/ } as const;

for (const [lng, script] of Object.entries(SCRIPTS)) {
  test(`${lng} strings are in their own script, not copied English`, () => {
    const flat = flatten(load(lng));
    // Product name and a few neutral codes (SHA-256, ICCS …) may stay Latin; everything else must not.
    const latinOnly = [...flat].filter(([, text]) => !script.test(text) && /[A-Za-z]/.test(text.replace(/\{\{\s*\w+\s*\}\}/g, '')));
    assert.ok(latinOnly.length <= 4, `untranslated ${lng} strings: ${latinOnly.map(([k]) => k).join(', ')}`);
  });
}

test('French and Spanish strings are not copies of the English ones', () => {
  for (const lng of ['fr', 'es']) {
    const flat = flatten(load(lng));
    // Short neutral words (SHA-256, TLP, Actions, Date …) may coincide; long sentences must not.
    const copied = [...en].filter(([key, text]) => text.length > 25 && flat.get(key) === text).map(([key]) => key);
    assert.deepEqual(copied, [], `${lng} copies English`);
  }
});

test('a key missing in Chinese is detected as untranslated while i18next falls back to English', async () => {
  // useT() marks fallback text by asking i18next whether the key exists without fallback; check that it can tell.
  const { createInstance } = await import('i18next');
  const i18n = createInstance();
  const zh = load('zh');
  delete (zh.finder as Tree).title;
  await i18n.init({
    lng: 'zh',
    fallbackLng: 'en',
    resources: { en: { translation: load('en') }, zh: { translation: zh } },
  });
  assert.equal(i18n.exists('finder.title', { lng: 'zh', fallbackLng: [] }), false);
  assert.equal(i18n.t('finder.title'), en.get('finder.title'));
  assert.equal(i18n.exists('nav.signOut', { lng: 'zh', fallbackLng: [] }), true);
  assert.notEqual(i18n.t('nav.signOut'), en.get('nav.signOut'));
});
