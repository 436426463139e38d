// RFC 3161 against a real TSA: certificates made by openssl at test time, tokens issued by
// `openssl ts -reply` behind a local HTTP endpoint, checked by the offline verifier.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import * as pkijs from 'pkijs';
import { type LocalTsa, makeTestPki, opensslQuery, opensslVerify, replyWithOpenssl, resignTstInfo, startLocalTsa, type TestPki, unreachableUrl } from '../../testing/local-tsa.ts';
import { parseTsaRoots, parseTsaUrls, requestTimestamp } from './tsa-client.ts';
import { buildTimestampRequest, parseTimestampResponse, pemCertificates, readTimestampToken, verifyTimestampToken } from './tsp.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const flip = (bytes: Uint8Array, at: number) => {
  bytes[at] = (bytes[at] as number) ^ 0x01;
};

describe('RFC 3161 time-stamps', () => {
  let pki: TestPki;
  let roots: Uint8Array[];
  let tsa: LocalTsa;
  let tsa2: LocalTsa;
  const itemHash = sha256('the seized ledger, page 1');

  before(async () => {
    pki = await makeTestPki();
    roots = pemCertificates(pki.rootPem);
    tsa = await startLocalTsa(pki, pki.tsa);
    tsa2 = await startLocalTsa(pki, pki.tsa2);
  });
  after(async () => {
    await tsa?.close();
    await tsa2?.close();
    pki?.close();
  });

  /** A good token for `hash` from openssl directly, with the nonce of our own request. */
  async function goodToken(hash = itemHash, signer = pki.tsa) {
    const req = buildTimestampRequest(hash);
    const resp = parseTimestampResponse(await replyWithOpenssl(pki, signer, req.der));
    assert.ok(resp.granted && resp.token);
    return { token: resp.token, nonceHex: req.nonceHex };
  }

  test('our TimeStampReq is one openssl reads: SHA-256 imprint of the item, a nonce, certReq', async () => {
    const req = buildTimestampRequest(itemHash);
    const resp = parseTimestampResponse(await replyWithOpenssl(pki, pki.tsa, req.der));
    assert.equal(resp.status, 0);
    const facts = await readTimestampToken(resp.token as Uint8Array);
    assert.equal(facts.imprintHex, itemHash);
    assert.equal(facts.hashAlgorithm, 'SHA-256');
    assert.equal(facts.nonceHex, req.nonceHex);
    assert.equal(facts.policy, '1.3.6.1.4.1.59999.1');
    assert.match(facts.signer?.subject ?? '', /CN=Test TSA/);
    // certReq true: the TSA put its certificate in the token.
    assert.ok(facts.signer);
    assert.ok(Math.abs(Date.parse(facts.genTime) - Date.now()) < 60_000);
    // Two requests never share a nonce.
    assert.notEqual(buildTimestampRequest(itemHash).nonceHex, req.nonceHex);
  });

  test('a good token verifies, with the chain to the configured root', async () => {
    const { token, nonceHex } = await goodToken();
    const v = await verifyTimestampToken(token, { sha256Hex: itemHash, roots, nonceHex });
    assert.equal(v.ok, true, v.ok ? '' : v.message);
    assert.ok(v.ok);
    assert.deepEqual(
      v.chain.map((c) => c.subject.replace(/ [0-9a-f]{8}$/, '')),
      ['O=Comity tests, CN=Test TSA', 'O=Comity tests, CN=Test TSA Root'],
    );
    // Offline (no nonce known) it verifies too; uppercase hex is the same hash.
    assert.equal((await verifyTimestampToken(token, { sha256Hex: itemHash.toUpperCase(), roots })).ok, true);
  });

  test('an EC (P-256) TSA verifies as well as an RSA one', async () => {
    const { token, nonceHex } = await goodToken(itemHash, pki.tsa2);
    const v = await verifyTimestampToken(token, { sha256Hex: itemHash, roots, nonceHex });
    assert.equal(v.ok, true, v.ok ? '' : v.message);
  });

  test('the wrong hash fails: imprint_mismatch names both hashes', async () => {
    const { token } = await goodToken();
    const other = sha256('another file');
    const v = await verifyTimestampToken(token, { sha256Hex: other, roots });
    assert.equal(v.ok, false);
    assert.ok(!v.ok);
    assert.equal(v.reason, 'imprint_mismatch');
    assert.ok(v.message.includes(itemHash) && v.message.includes(other));
  });

  test('a token for another nonce fails: nonce_mismatch', async () => {
    const { token } = await goodToken();
    const v = await verifyTimestampToken(token, { sha256Hex: itemHash, roots, nonceHex: buildTimestampRequest(itemHash).nonceHex });
    assert.ok(!v.ok);
    assert.equal(v.reason, 'nonce_mismatch');
  });

  test('an untrusted root fails: untrusted_chain; no root at all: no_roots', async () => {
    const { token } = await goodToken();
    const v = await verifyTimestampToken(token, { sha256Hex: itemHash, roots: pemCertificates(pki.otherRootPem) });
    assert.ok(!v.ok);
    assert.equal(v.reason, 'untrusted_chain');
    const none = await verifyTimestampToken(token, { sha256Hex: itemHash, roots: [] });
    assert.ok(!none.ok);
    assert.equal(none.reason, 'no_roots');
  });

  test('a tampered byte is detected: in the TSTInfo, in the signature, in the certificate', async () => {
    const { token } = await goodToken();
    const facts = await readTimestampToken(token);
    const at = (needle: Uint8Array) => {
      for (let i = 0; i + needle.length <= token.length; i++) if (needle.every((b, j) => token[i + j] === b)) return i;
      return -1;
    };
    // genTime "YYYYMMDDhhmmss": change one digit of the seconds.
    const genTime = new TextEncoder().encode(facts.genTime.replace(/[-:T]/g, '').slice(0, 14));
    const timeAt = at(genTime);
    assert.ok(timeAt > 0);
    const changedTime = token.slice();
    changedTime[timeAt + 13] = changedTime[timeAt + 13] === 0x30 ? 0x31 : 0x30;
    const t1 = await verifyTimestampToken(changedTime, { sha256Hex: itemHash, roots });
    assert.ok(!t1.ok);
    assert.equal(t1.reason, 'content_digest_mismatch');

    // The last byte of the token is the end of the RSA signature.
    const changedSig = token.slice();
    flip(changedSig, changedSig.length - 1);
    const t2 = await verifyTimestampToken(changedSig, { sha256Hex: itemHash, roots });
    assert.ok(!t2.ok);
    assert.equal(t2.reason, 'signature_invalid');

    // A byte of the TSA certificate's public key: the signature no longer verifies under it.
    const cert = pkijs.Certificate.fromBER((pemCertificates(pki.tsa.certPem)[0] as Uint8Array).slice().buffer);
    const key = cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
    const keyAt = at(key);
    assert.ok(keyAt > 0);
    const changedCert = token.slice();
    flip(changedCert, keyAt + 100);
    const t3 = await verifyTimestampToken(changedCert, { sha256Hex: itemHash, roots });
    assert.ok(!t3.ok);
    assert.equal(t3.reason, 'signature_invalid');

    const garbage = await verifyTimestampToken(new TextEncoder().encode('not a token'), { sha256Hex: itemHash, roots });
    assert.ok(!garbage.ok);
    assert.equal(garbage.reason, 'malformed_token');
  });

  test('a certificate expired before the token was made fails: signer_not_valid_at_time', async () => {
    const { token } = await goodToken(itemHash, pki.expired);
    const v = await verifyTimestampToken(token, { sha256Hex: itemHash, roots });
    assert.ok(!v.ok);
    assert.equal(v.reason, 'signer_not_valid_at_time');
    assert.match(v.message, /2020-02-01/);
  });

  test('a signer certified for code signing, not time-stamping, fails: signer_eku', async () => {
    const { token } = await goodToken();
    const forged = await resignTstInfo(pki, token, pki.codeSigning);
    const v = await verifyTimestampToken(forged, { sha256Hex: itemHash, roots });
    assert.ok(!v.ok);
    assert.equal(v.reason, 'signer_eku');
    assert.match(v.message, /1\.3\.6\.1\.5\.5\.7\.3\.3/);
    // The same TSTInfo re-signed by the real TSA key through cms lacks the ESS attribute.
    const noEss = await resignTstInfo(pki, token, pki.tsa);
    const w = await verifyTimestampToken(noEss, { sha256Hex: itemHash, roots });
    assert.ok(!w.ok);
    assert.equal(w.reason, 'signing_certificate_mismatch');
  });

  test('over HTTP: a granted token from the local TSA, then from two TSAs', async () => {
    const before = tsa.queries.length;
    const one = await requestTimestamp(tsa.url, itemHash, roots);
    assert.equal(one.kind, 'granted', one.kind === 'granted' ? '' : one.error);
    assert.ok(one.kind === 'granted');
    assert.equal(tsa.queries.length, before + 1);
    assert.equal(one.facts.nonceHex, one.nonceHex);
    const both = await Promise.all([tsa.url, tsa2.url].map((u) => requestTimestamp(u, itemHash, roots)));
    assert.deepEqual(both.map((b) => b.kind), ['granted', 'granted']);
    const signers = both.map((b) => (b.kind === 'granted' ? b.facts.signer?.subject : ''));
    assert.match(signers[0] ?? '', /Test TSA/);
    assert.match(signers[1] ?? '', /Second TSA/);
  });

  test('over HTTP: every bad answer is refused with its reason, an absent TSA is "unavailable"', async () => {
    const bad = await startLocalTsa(pki, pki.tsa);
    try {
      const expect = async (mode: LocalTsa['mode'], kind: string, reason?: string) => {
        bad.mode = mode;
        const r = await requestTimestamp(bad.url, itemHash, roots);
        assert.equal(r.kind, kind, `${mode}: ${JSON.stringify(r)}`);
        if (reason) assert.equal(r.kind === 'refused' ? r.reason : '', reason, mode);
        return r;
      };
      await expect('wrong-nonce', 'refused', 'nonce_mismatch');
      await expect('wrong-imprint', 'refused', 'imprint_mismatch');
      const rejected = await expect('rejected', 'refused', 'rejected');
      assert.match(rejected.kind === 'refused' ? rejected.error : '', /badAlg/);
      await expect('garbage', 'refused', 'bad_response');
      const down = await expect('down', 'unavailable');
      assert.match(down.kind === 'unavailable' ? down.error : '', /HTTP 503/);
    } finally {
      await bad.close();
    }
    const gone = await requestTimestamp(await unreachableUrl(), itemHash, roots);
    assert.equal(gone.kind, 'unavailable');
    assert.match(gone.kind === 'unavailable' ? gone.error : '', /could not be reached: ECONNREFUSED/);
    // A token checked against roots that do not include the TSA's is refused, not stored.
    const untrusted = await requestTimestamp(tsa.url, itemHash, pemCertificates(pki.otherRootPem));
    assert.equal(untrusted.kind === 'refused' ? untrusted.reason : untrusted.kind, 'untrusted_chain');
  });

  test('openssl ts -verify agrees with the verifier on good and bad tokens', async () => {
    // A second, independent implementation judges the same bytes.
    const good = parseTimestampResponse(await replyWithOpenssl(pki, pki.tsa, await opensslQuery(pki, itemHash))).token as Uint8Array;
    const flipped = good.slice();
    flip(flipped, flipped.length - 1);
    const expired = (await goodToken(itemHash, pki.expired)).token;
    const cases: [string, Uint8Array, string, string][] = [
      ['good', good, itemHash, pki.rootPem],
      ['other hash', good, sha256('x'), pki.rootPem],
      ['other root', good, itemHash, pki.otherRootPem],
      ['flipped signature', flipped, itemHash, pki.rootPem],
      ['expired signer', expired, itemHash, pki.rootPem],
    ];
    for (const [name, token, hash, ca] of cases) {
      const ours = (await verifyTimestampToken(token, { sha256Hex: hash, roots: pemCertificates(ca) })).ok;
      assert.equal(ours, await opensslVerify(pki, token, hash, ca), name);
      assert.equal(ours, name === 'good', name);
    }
  });

  test('settings: URLs are http(s) only, roots are PEM text or a PEM file', () => {
    assert.deepEqual(parseTsaUrls('http://a.example/tsa, https://b.example/ts  http://a.example/tsa'), ['http://a.example/tsa', 'https://b.example/ts']);
    assert.throws(() => parseTsaUrls('ftp://x/tsa'), /not an http\(s\) URL/);
    assert.equal(parseTsaRoots(pki.rootPem).length, 1);
    assert.equal(parseTsaRoots(`${pki.dir}/root.pem`).length, 1);
    assert.throws(() => parseTsaRoots('/nonexistent/roots.pem'), /cannot read/);
  });
});
