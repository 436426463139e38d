// interop/federation/schemas/ is exactly what the node's zod schemas generate, one payload and one
// result schema per message type, and the rejection table names every reason with its `retryable`.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { MESSAGE_TYPES, REJECTION_REASONS } from '@comity/core/federation/index';
import { INTEROP_DIR } from './interop-vectors.ts';
import { SCHEMA_DIR, buildInteropSchemas, serialiseSchema } from './interop-schemas.ts';

test('the schema files are exactly what the zod schemas generate, and nothing else is in the folder', () => {
  const generated = buildInteropSchemas();
  assert.deepEqual(readdirSync(SCHEMA_DIR).sort(), Object.keys(generated).sort(), 'schemas/ holds the generated files only (regenerate with interop-schemas.ts --write)');
  for (const [name, value] of Object.entries(generated)) {
    assert.equal(readFileSync(join(SCHEMA_DIR, name), 'utf8'), serialiseSchema(value), `schemas/${name} is current (regenerate with interop-schemas.ts --write)`);
  }
});

test('every message type has a payload and a result schema; the header schema forbids extra keys', () => {
  const generated = buildInteropSchemas();
  for (const type of MESSAGE_TYPES) {
    assert.ok(generated[`payload.${type}.json`], `payload schema of ${type}`);
    assert.ok(generated[`result.${type}.json`], `result schema of ${type}`);
  }
  const doc = generated['envelope-header.json'] as { $defs: Record<string, { additionalProperties: boolean; required: string[] }> };
  const header = doc.$defs.EnvelopeHeader!;
  assert.equal(header.additionalProperties, false);
  assert.ok(header.required.includes('conversationId') && header.required.includes('inReplyTo'));
});

test('the README table of rejection codes gives each code the status and retryable value the node uses', () => {
  const readme = readFileSync(join(INTEROP_DIR, 'README.md'), 'utf8');
  const rows = new Map<string, { status: number; retryable: boolean }>();
  for (const m of readme.matchAll(/^\| `([a-z_]+)` \| (\d{3}) \| (yes|no) \|/gm)) rows.set(m[1]!, { status: Number(m[2]), retryable: m[3] === 'yes' });
  assert.deepEqual([...rows.keys()].sort(), Object.keys(REJECTION_REASONS).sort(), 'the README lists every rejection code once');
  for (const [code, r] of Object.entries(REJECTION_REASONS)) assert.equal(rows.get(code)?.retryable, r.retryable, `retryable of ${code}`);
  const table = JSON.parse(readFileSync(join(SCHEMA_DIR, 'rejections.json'), 'utf8')) as { reasons: { code: string; retryable: boolean }[] };
  for (const r of table.reasons) assert.equal(rows.get(r.code)?.retryable, r.retryable);
});
