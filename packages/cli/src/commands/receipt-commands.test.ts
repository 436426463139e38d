// `comity receipt verify <file>`: a genuine receipt exits 0 and says who signed it; a changed,
// malformed or missing file exits 1 with the precise reason.
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { type CheckReceiptBody, NO_MATCH_NOTICE, RECEIPT_FORMAT, receiptFileText, receiptSigningText } from '@comity/core/cultural/receipt';
import { nodeIdFor } from '@comity/server/identity/node-keys';
import { runCliForTest } from '../testing/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'comity-receipt-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const body: CheckReceiptBody = {
  format: RECEIPT_FORMAT,
  checkId: '5d6c1f0e-4a8e-4d55-9a51-3b0c6f1c2a11',
  checkedAt: '2026-11-30T09:00:00.000Z',
  node: { id: nodeIdFor(publicKey), publicKey: publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64url') },
  query: { textSha256: 'a'.repeat(64), imageSha256: null, fields: ['title'] },
  registry: { publicRecords: 0, digest: 'c'.repeat(64) },
  result: { outcome: 'no-match', matches: [] },
  notice: NO_MATCH_NOTICE,
};
const text = receiptFileText({ ...body, signature: { algorithm: 'Ed25519', value: sign(null, Buffer.from(receiptSigningText(body)), privateKey).toString('base64url') } });
const file = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('comity receipt verify', () => {
  test('a genuine receipt: exit 0, the signing node and the notice', async () => {
    const r = await runCliForTest(['receipt', 'verify', file('ok.json', text)], {});
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, new RegExp(`receipt valid: signed by ${body.node.id}`));
    assert.match(r.out, /result: no match/);
    assert.match(r.out, /No match does not mean not stolen/);
  });

  test('a changed receipt, a malformed file and a missing file: exit 1 with the reason', async () => {
    const changed = await runCliForTest(['receipt', 'verify', file('changed.json', text.replace('"publicRecords":0', '"publicRecords":9'))], {});
    assert.equal(changed.code, 1);
    assert.match(changed.err, /NOT valid \(bad_signature\)/);
    const pretty = await runCliForTest(['receipt', 'verify', file('pretty.json', JSON.stringify(JSON.parse(text), null, 2))], {});
    assert.equal(pretty.code, 1);
    assert.match(pretty.err, /not_canonical/);
    const junk = await runCliForTest(['receipt', 'verify', file('junk.json', 'hello')], {});
    assert.equal(junk.code, 1);
    assert.match(junk.err, /not_json/);
    const missing = await runCliForTest(['receipt', 'verify', join(dir, 'nope.json')], {});
    assert.equal(missing.code, 1);
    assert.match(missing.err, /no such file/);
  });
});
