// The list of codes the legal-basis engine says is complete and worded in every locale: each code
// written in the engine's sources is listed, and each listed code (and each condition id in the
// shipped catalogue) has a key in the six locale files of the web. The run over the shipped data
// is packages/server/src/knowledge/legal-basis-codes.test.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ENGINE_CONDITION_CODES, REASON_CODES } from '@comity/core/knowledge/said';

type Tree = { [key: string]: string | Tree };
// In server, not core: it reads files (core stays free of I/O, tests included). Paths are from core's knowledge folder.
const read = (path: string) => readFileSync(new URL(path, new URL('../../../core/src/knowledge/', import.meta.url)), 'utf8');
function has(tree: Tree, key: string): boolean {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' && node.length > 0;
}

test('every reason code written in the engine is in REASON_CODES', () => {
  const listed = new Set<string>(REASON_CODES);
  const written = new Set<string>();
  for (const file of ['./status.ts', './knowledge-index.ts', './engine.ts']) {
    const source = read(file);
    for (const m of source.matchAll(/because\(\s*'([a-z0-9-]+)'/g)) written.add(m[1] as string);
    for (const m of source.matchAll(/\bcode: '([a-z0-9-]+)'/g)) written.add(m[1] as string);
    for (const m of source.matchAll(/\bsay\('([a-z0-9-]+)'/g)) written.add(m[1] as string);
    for (const m of source.matchAll(/`(consented-not-in-force|party-in-force)\.\$\{howCode\}`/g)) {
      for (const how of ['data', 'rule', 'instrument']) written.add(`${m[1]}.${how}`);
    }
  }
  const conditions = new Set<string>(ENGINE_CONDITION_CODES);
  // The headline's codes are worded by the finder's own keys (finder.headline*).
  const headline = new Set(['best-basis', 'conditional-basis', 'no-known-basis']);
  const unlisted = [...written].filter((c) => !listed.has(c) && !conditions.has(c) && !headline.has(c));
  assert.deepEqual(unlisted, []);
  assert.ok(written.size >= REASON_CODES.length - 1, `the scan found the engine's codes (${written.size})`);
});

test('every listed code and every catalogue condition has a wording in the six locale files', () => {
  const catalogue = JSON.parse(read('../../../../data/instruments/catalogue.json')) as { instruments: Array<{ id: string; scopeConditions?: Array<{ id?: string }> }> };
  const ids = catalogue.instruments.flatMap((i) => (i.scopeConditions ?? []).map((c) => c.id));
  assert.ok(ids.length > 5 && ids.every((id) => typeof id === 'string' && id.length > 0), 'every catalogue condition has an id');
  const missing: string[] = [];
  for (const lng of ['en', 'fr', 'es', 'ar', 'ru', 'zh']) {
    const tree = JSON.parse(read(`../../../web/src/i18n/${lng}.json`)) as Tree;
    for (const code of REASON_CODES) if (!has(tree, `legalBasisText.reason.${code}`)) missing.push(`${lng}: reason ${code}`);
    for (const code of [...ENGINE_CONDITION_CODES, ...(ids as string[])]) if (!has(tree, `legalBasisText.condition.${code}`)) missing.push(`${lng}: condition ${code}`);
  }
  assert.deepEqual(missing, []);
});
