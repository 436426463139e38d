// Every sentence the legal-basis engine says for the shipped data has a code that the web can word
// in all six languages: the engine runs over every State (against a few counterparts) × every
// cooperation type × every offence at several dates, and over every country profile; each code
// it emits must be one of the listed codes (or a catalogue condition's id), have a key in every
// locale file, and send every parameter that key's English wording uses.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { findLegalBases } from '@comity/core/knowledge/engine';
import { buildKnowledgeIndex } from '@comity/core/knowledge/knowledge-index';
import { countryProfile } from '@comity/core/knowledge/profile';
import { ENGINE_CONDITION_CODES, REASON_CODES, type Said } from '@comity/core/knowledge/said';
import { COOPERATION_TYPES, OFFENCE_IDS } from '@comity/core/knowledge/taxonomy';
import { loadShippedKnowledge } from './shipped-data.ts';

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}
const LANGUAGES = ['en', 'fr', 'es', 'ar', 'ru', 'zh'] as const;
const locales = new Map(
  LANGUAGES.map((lng) => [lng, flatten(JSON.parse(readFileSync(new URL(`../../../web/src/i18n/${lng}.json`, import.meta.url), 'utf8')) as Tree)]),
);
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] as string);

test('every reason and condition the engine says for the shipped data has a wording in all six languages', async () => {
  const snapshot = await loadShippedKnowledge();
  const index = buildKnowledgeIndex(snapshot);
  const states = snapshot.countries.filter((c) => c.kind === 'state').map((c) => c.code);
  const counterparts = ['FRA', 'BRA', 'USA', 'CHN', 'NGA'].filter((c) => states.includes(c));
  const dates = ['1995-06-01', '2004-01-15', index.dataAsOf, `${Number(index.dataAsOf.slice(0, 4)) + 3}-01-01`];
  const catalogueIds = new Set(snapshot.instruments.flatMap((i) => i.scopeConditions.map((c) => c.id)));

  // Per code: the parameters it was sent with (the union over its instances).
  const reasons = new Map<string, Set<string>>();
  const conditions = new Map<string, Set<string>>();
  const note = (into: Map<string, Set<string>>, said: Said) => {
    let params = into.get(said.code);
    if (!params) {
      params = new Set();
      into.set(said.code, params);
    }
    for (const k of Object.keys(said.params)) params.add(k);
    assert.ok(said.text.length > 0, `${said.code} has its English text`);
  };

  let answers = 0;
  for (const date of dates) {
    for (const requesting of states) {
      for (const requested of counterparts) {
        for (const type of COOPERATION_TYPES) {
          for (const offence of OFFENCE_IDS) {
            const a = findLegalBases(index, { requesting, requested, type, offence, date, all: true, includeText: false });
            answers++;
            for (const b of a.bases) {
              assert.deepEqual(
                b.conditionCodes.map((c) => c.text),
                b.conditions,
                `${b.instrument}: the coded conditions are the conditions`,
              );
              // A reason that joins a Protocol's parent's fact ("UNTOC: …") is the parent's sentences.
              assert.ok(b.reasonCodes.length >= b.reasons.length, `${b.instrument}: every reason is coded`);
              for (const c of b.conditionCodes) note(conditions, c);
              for (const r of b.reasonCodes) note(reasons, r);
            }
            for (const c of a.context) for (const r of c.reasonCodes) note(reasons, r);
          }
        }
      }
    }
    for (const state of states) {
      const p = countryProfile(index, state, date);
      for (const entry of [...p.party, ...p.signed, ...p.unknown, ...p.notParty]) {
        assert.equal(entry.reasonCodes.map((r) => r.text).join(' '), entry.reason, `${state} ${entry.instrument}: the coded sentences are the reason`);
        for (const r of entry.reasonCodes) note(reasons, r);
      }
    }
  }
  assert.ok(answers > 10_000, `a broad sample (${answers} answers)`);

  const knownReasons = new Set<string>(REASON_CODES);
  const knownConditions = new Set<string>([...ENGINE_CONDITION_CODES, ...catalogueIds]);
  for (const code of reasons.keys()) assert.ok(knownReasons.has(code), `reason code ${code} is listed in REASON_CODES`);
  for (const code of conditions.keys()) assert.ok(knownConditions.has(code), `condition code ${code} is a catalogue id or an engine condition`);
  // The shipped data makes the engine say most of what it can say.
  assert.ok(reasons.size >= 15, `reason codes met: ${[...reasons.keys()].join(', ')}`);
  assert.ok([...catalogueIds].every((id) => conditions.has(id)), 'every catalogue condition comes up in the sample');

  const missing: string[] = [];
  for (const [kind, codes, met] of [
    ['reason', knownReasons, reasons],
    ['condition', knownConditions, conditions],
  ] as const) {
    for (const code of codes) {
      for (const lng of LANGUAGES) {
        const text = locales.get(lng)?.get(`legalBasisText.${kind}.${code}`);
        if (!text) {
          missing.push(`${lng}: legalBasisText.${kind}.${code}`);
          continue;
        }
        // Each parameter the wording uses is one the engine sends with that code.
        const sent = met.get(code);
        if (sent) for (const name of placeholders(text)) if (!sent.has(name)) missing.push(`${lng}: ${kind} ${code} uses {{${name}}}, which the engine does not send`);
      }
    }
  }
  assert.deepEqual(missing, []);
});
