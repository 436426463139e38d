// Every FollowTheMoney schema a case holds and every property the entity page can show for it has a
// label in each of the six languages. The list comes from the FtM model itself and from core's
// schema lists, so a model upgrade or a new schema without labels fails here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import ftm from '@alephdata/followthemoney';
import { ENTITY_SCHEMAS, LINK_SCHEMAS, OFFERED_SCHEMAS } from '@comity/core/entities/entity';
import { ENTITY_SCHEMAS as FORM_SCHEMAS, LINK_SCHEMAS as FORM_LINKS } from '../entities.ts';
import { COUNTRY_PROPERTIES, countryValue, propertyLabelKey } from '../ftm-labels.ts';

type Tree = { [key: string]: string | Tree };
const LANGUAGES = ['en', 'fr', 'es', 'ar', 'zh', 'ru'] as const;

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}
const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Tree;
/** What i18next holds for a language: the main file with the FtM labels under "ftm" (i18n/setup.ts). */
const bundles = Object.fromEntries(LANGUAGES.map((l) => [l, flatten({ ...read(`./${l}.json`), ftm: read(`./ftm/${l}.json`) })])) as Record<
  (typeof LANGUAGES)[number],
  Map<string, string>
>;

const model = new ftm.Model(ftm.defaultModel);
/** [schema, property, English label] for every property an entity of the schema can carry (stubs are reverse links, never set on an entity). */
const shown = OFFERED_SCHEMAS.flatMap((s) =>
  [...model.getSchema(s).getProperties().values()].filter((p) => !p.stub).map((p) => [s, p.name, p.label] as const),
);

test('the model gives the schemas a case holds their properties (the list below is not empty)', () => {
  assert.equal(OFFERED_SCHEMAS.length, ENTITY_SCHEMAS.length + LINK_SCHEMAS.length);
  // Person alone has 82 settable properties in FtM 3.8.
  assert.ok(shown.filter(([s]) => s === 'Person').length >= 80);
  assert.ok(new Set(shown.map(([, p]) => p)).size >= 200);
});

for (const lng of LANGUAGES) {
  test(`${lng}: every property of every schema a case holds has a label`, () => {
    const bundle = bundles[lng];
    const missing = shown.filter(([s, p]) => {
      const key = propertyLabelKey(s, p, (k) => bundle.has(k));
      return !key || !bundle.get(key)?.trim();
    });
    assert.deepEqual(
      missing.map(([s, p]) => `${s}.${p}`),
      [],
    );
  });

  test(`${lng}: every schema a case holds and every link kind has a name`, () => {
    const bundle = bundles[lng];
    for (const s of OFFERED_SCHEMAS) assert.ok(bundle.get(`entities.schema.${s}`)?.trim(), `${lng} lacks entities.schema.${s}`);
    for (const s of LINK_SCHEMAS) assert.ok(bundle.get(`entities.edge.${s}`)?.trim(), `${lng} lacks entities.edge.${s}`);
  });
}

test('the English labels are the FtM model’s own', () => {
  for (const [s, p, label] of shown) {
    const key = propertyLabelKey(s, p, (k) => bundles.en.has(k)) as string;
    assert.equal(bundles.en.get(key), label, `${s}.${p}`);
  }
});

test('the label files of the six languages have the same keys, and none the model lacks', () => {
  const keys = (l: string) => [...flatten(read(`./ftm/${l}.json`)).keys()].sort();
  const en = keys('en');
  for (const l of LANGUAGES) assert.deepEqual(keys(l), en, `ftm/${l}.json keys differ from ftm/en.json`);
  const properties = new Set(shown.map(([, p]) => p));
  for (const key of en) {
    const [group, a, b] = key.split('.') as [string, string, string | undefined];
    if (group === 'property') assert.ok(properties.has(a), `${key}: no schema a case holds has it`);
    else assert.ok(b && shown.some(([s, p]) => s === a && p === b), `${key}: not a property of a schema a case holds`);
  }
});

test('Arabic, Chinese and Russian labels are written in their own script; French and Spanish are not English copies', () => {
  const scripts = { ar: /\p{Script=Arabic}/u, zh: /\p{Script=Han}/u, ru: /\p{Script=Cyrillic}/u } as const;
  for (const [lng, script] of Object.entries(scripts)) {
    const latin = [...flatten(read(`./ftm/${lng}.json`))].filter(([, text]) => !script.test(text)).map(([k]) => k);
    assert.deepEqual(latin, [], `${lng} labels without ${lng} script`);
  }
  const en = flatten(read('./ftm/en.json'));
  for (const lng of ['fr', 'es']) {
    // Registry codes (IBAN, SWIFT/BIC, PermID …) are the same everywhere; words are not.
    const copied = [...flatten(read(`./ftm/${lng}.json`))].filter(([k, text]) => text === en.get(k) && /[a-z]{3}/.test(text) && text.includes(' ')).map(([k]) => k);
    assert.deepEqual(copied, [], `${lng} copies English`);
  }
});

test('the add and link forms offer only schemas a case holds', () => {
  for (const s of [...FORM_SCHEMAS, ...FORM_LINKS]) assert.ok((OFFERED_SCHEMAS as readonly string[]).includes(s), s);
});

test('a schema’s own label wins over the shared one; an unknown or odd property has no key', () => {
  const has = (k: string) => bundles.fr.has(k);
  assert.equal(bundles.fr.get(propertyLabelKey('CryptoWallet', 'holder', has) as string), 'Titulaire du portefeuille');
  assert.equal(bundles.fr.get(propertyLabelKey('Passport', 'holder', has) as string), 'Titulaire de la pièce');
  assert.equal(bundles.ar.get(propertyLabelKey('Vessel', 'imoNumber', (k) => bundles.ar.has(k)) as string), 'رقم المنظمة البحرية الدولية');
  assert.equal(propertyLabelKey('Person', 'directorshipDirector', has), null);
  assert.equal(propertyLabelKey('Person', 'property.name', has), null);
});

test('a label missing in French is detected as such while English is shown', async () => {
  // useT() marks English shown in another language (lang="en", class "fallback") when i18next says the
  // key does not exist in that language without fallback; check that it can tell for an FtM label.
  const { createInstance } = await import('i18next');
  const i18n = createInstance();
  const fr = read('./ftm/fr.json');
  delete (fr.property as Tree).imoNumber;
  await i18n.init({
    lng: 'fr',
    fallbackLng: 'en',
    resources: { en: { translation: { ...read('./en.json'), ftm: read('./ftm/en.json') } }, fr: { translation: { ...read('./fr.json'), ftm: fr } } },
  });
  assert.equal(i18n.exists('ftm.property.imoNumber', { lng: 'fr', fallbackLng: [] }), false);
  assert.equal(i18n.t('ftm.property.imoNumber'), 'IMO Number');
  assert.equal(i18n.t('ftm.property.flag'), 'Pavillon');
});

test('country-typed properties show the country’s name: the list is the model’s', () => {
  const countries = new Set(OFFERED_SCHEMAS.flatMap((s) => [...model.getSchema(s).getProperties().values()].filter((p) => !p.stub && p.type.name === 'country').map((p) => p.name)));
  assert.deepEqual([...COUNTRY_PROPERTIES].sort(), [...countries].sort());
  assert.equal(countryValue('pa', 'fr'), 'Panama (PA)');
  assert.equal(countryValue('pa', 'ar'), 'بنما (PA)');
  // FtM's own codes for former countries are not ISO regions: shown as written.
  assert.equal(countryValue('suhh', 'fr'), 'suhh');
});
