// Every field the completeness check can point at, and every rule and problem it reports, has words
// in the locale files: the panel never falls back to an internal name such as requestedOrganisationId.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { REFUSAL_GROUNDS } from '@comity/core/requests/refusal-grounds';
import { COMPLETENESS_RULES } from '@comity/core/requests/completeness-rules';
import { fieldLabelParts } from './field-labels.ts';

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}
const en = flatten(JSON.parse(readFileSync(new URL('./i18n/en.json', import.meta.url), 'utf8')) as Tree);
const known = (key: string) => en.has(key);

const PREFIX = { request: '', measure: 'measures[0].', person: 'persons[1].', offence: 'offences[2].' } as const;
// Fields named by the consistency problems (core/requests/completeness.ts), not by rules.
const PROBLEM_FIELDS = ['legalBasis', 'legalBasis.assurance', 'legalBasis.articles', 'language', 'deadline', 'measures[3].personIds'];

test('every field a completeness rule or problem points at has a label, never the raw path', () => {
  const paths = [...COMPLETENESS_RULES.map((r) => PREFIX[r.scope.on] + r.field), ...PROBLEM_FIELDS];
  for (const path of paths) {
    const parts = fieldLabelParts(path, known);
    for (const part of parts) {
      assert.ok(known(part.key), `${path}: ${part.key} is not in en.json`);
      assert.notEqual(part.key, 'common.thisField', `${path} has no label`);
    }
  }
});

test('list items are numbered from 1 and name the item before the field', () => {
  assert.deepEqual(fieldLabelParts('measures[0].order.issuedOn', known), [
    { key: 'requests.editor.measureN', vars: { n: 1 } },
    { key: 'requests.order.issuedOn' },
  ]);
  assert.deepEqual(fieldLabelParts('body.persons.1.name', known), [{ key: 'requests.editor.personN', vars: { n: 2 } }, { key: 'requests.personField.name' }]);
  assert.deepEqual(fieldLabelParts('requestedOrganisationId', known), [{ key: 'requests.field.requestedOrganisationId' }]);
  // An unknown path says "this field", not its internal name.
  assert.deepEqual(fieldLabelParts('somethingInternal', known), [{ key: 'common.thisField' }]);
});

test('the English wording of each rule in en.json is the rule’s own reason in core (no drift)', () => {
  for (const rule of COMPLETENESS_RULES) assert.equal(en.get(`requests.rule.${rule.id}`), rule.reason, rule.id);
  for (const ground of REFUSAL_GROUNDS) assert.equal(en.get(`requests.refusalGround.${ground.id}`), ground.label, ground.id);
});

test('every problem code the completeness check emits has a translation key', () => {
  const source = readFileSync(new URL('../../core/src/requests/completeness.ts', import.meta.url), 'utf8');
  const codes = [...source.matchAll(/rule: '([a-z-]+)'/g)].map((m) => m[1] as string);
  assert.ok(codes.length >= 10, 'found the problem codes');
  for (const code of codes) assert.ok(en.has(`requests.problem.${code}`), `requests.problem.${code}`);
});

test('every notification code the server writes has a translation key', () => {
  const files = ['requests/request-service.ts', 'requests/request-messages.ts', 'requests/deadline-job.ts', 'federation/request-handlers.ts', 'evidence/download-requests.ts'];
  const codes = new Set<string>(['acknowledgement-overdue', 'execution-overdue', 'deadline-approaching', 'deadline-passed']);
  for (const f of files) {
    const source = readFileSync(new URL(`../../server/src/${f}`, import.meta.url), 'utf8');
    for (const m of source.matchAll(/code: '([a-z-]+)'/g)) codes.add(m[1] as string);
    for (const m of source.matchAll(/'(transmission-failed|message-failed)'/g)) codes.add(m[1] as string);
  }
  assert.ok(codes.size >= 10);
  for (const code of codes) assert.ok(en.has(`notifications.message.${code}`), `notifications.message.${code}`);
});
