// Check receipts: a receipt signed with a node key verifies offline; changing any single byte of
// the file makes verification fail, and each kind of malformed receipt fails with its own reason.
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, test } from 'node:test';
import { type CheckReceipt, type CheckReceiptBody, NO_MATCH_NOTICE, RECEIPT_FORMAT, receiptFileText, receiptSigningText, verifyReceiptText } from '@comity/core/cultural/receipt';
import { nodeIdFor } from '../identity/node-keys.ts';
import { receiptCrypto } from './cultural-routes.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64url');

function signed(body: CheckReceiptBody, key = privateKey): CheckReceipt {
  return { ...body, signature: { algorithm: 'Ed25519', value: sign(null, Buffer.from(receiptSigningText(body)), key).toString('base64url') } };
}

const BODY: CheckReceiptBody = {
  format: RECEIPT_FORMAT,
  checkId: '0b7c1f0e-4a8e-4d55-9a51-3b0c6f1c2a11',
  checkedAt: '2026-11-30T09:00:00.000Z',
  node: { id: nodeIdFor(publicKey), publicKey: raw },
  query: { textSha256: 'a'.repeat(64), imageSha256: 'b'.repeat(64), fields: ['title'] },
  registry: { publicRecords: 3, digest: 'c'.repeat(64) },
  result: { outcome: 'possible-matches', matches: [{ recordId: 'r1', reference: 'CP-2026-0001', title: 'Amphora «Κόρινθος»', reportingAuthority: 'Hellenic Police', imageDistance: 2, textScore: null }] },
  notice: NO_MATCH_NOTICE,
};
const crypto = receiptCrypto();

describe('check receipts', () => {
  test('a signed receipt verifies; any changed byte fails', () => {
    const text = receiptFileText(signed(BODY));
    assert.equal(verifyReceiptText(text, crypto).ok, true);
    assert.equal(verifyReceiptText(`${text}\n`, crypto).ok, true, 'one final newline is allowed (editors add it)');
    const bytes = Buffer.from(text, 'utf8');
    const passed: number[] = [];
    for (let i = 0; i < bytes.length; i++) {
      for (const flip of [0x01, 0x20]) {
        const copy = Buffer.from(bytes);
        copy[i] = (copy[i] as number) ^ flip;
        if (verifyReceiptText(copy.toString('utf8'), crypto).ok) passed.push(i);
      }
    }
    assert.deepEqual(passed, [], 'no single-byte change verifies');
  });

  test('each malformed receipt fails with its reason', () => {
    const good = signed(BODY);
    const problem = (text: string) => {
      const v = verifyReceiptText(text, crypto);
      return v.ok ? 'ok' : v.problem;
    };
    assert.equal(problem('{"format":'), 'not_json');
    assert.equal(problem(JSON.stringify({ ...good, format: 'other' })), 'wrong_format');
    assert.equal(problem(JSON.stringify(good, null, 2)), 'not_canonical');
    const { notice: _n, ...noNotice } = good;
    assert.equal(problem(receiptFileText(noNotice as CheckReceipt)), 'missing_field');
    assert.equal(problem(receiptFileText({ ...good, node: { ...good.node, id: 'node-00000000000000000000' } })), 'node_id_mismatch');
    assert.equal(problem(receiptFileText({ ...good, node: { ...good.node, publicKey: 'AAAA' } })), 'bad_public_key');
    const other = generateKeyPairSync('ed25519');
    assert.equal(problem(receiptFileText(signed(BODY, other.privateKey))), 'bad_signature');
    assert.equal(problem(receiptFileText(signed({ ...BODY, result: { outcome: 'no-match', matches: BODY.result.matches } }))), 'inconsistent_result');
    assert.equal(problem(receiptFileText(signed({ ...BODY, notice: 'No match.' }))), 'notice_missing');
    // photoKept is true with a photo, or absent.
    assert.equal(problem(receiptFileText(signed({ ...BODY, query: { ...BODY.query, photoKept: false as unknown as true } }))), 'missing_field');
    assert.equal(problem(receiptFileText(signed({ ...BODY, query: { ...BODY.query, imageSha256: null, photoKept: true } }))), 'missing_field');
  });

  test('a receipt saying the photo was left verifies, as does one without the field (older receipts); dropping it breaks the signature', () => {
    const kept = receiptFileText(signed({ ...BODY, query: { ...BODY.query, photoKept: true } }));
    assert.ok(kept.includes('"photoKept":true'));
    assert.equal(verifyReceiptText(kept, crypto).ok, true);
    assert.equal(verifyReceiptText(receiptFileText(signed(BODY)), crypto).ok, true);
    const dropped = verifyReceiptText(kept.replace(',"photoKept":true', ''), crypto);
    assert.equal(dropped.ok ? 'ok' : dropped.problem, 'bad_signature');
  });
});
