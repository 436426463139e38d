// RFC 3161 token verification speed: the offline verifier (tsp.ts: pkijs + WebCrypto, every check
// including the chain) beside the bare cryptography it cannot avoid, measured in the same process on
// the same tokens: node:crypto's RSA-2048 verification of the token's signed attributes plus the
// TSA certificate's signature under the root. Also `openssl ts -verify` per token (a process each).
// Prints figures; asserts nothing about speed.
import { execFileSync } from 'node:child_process';
import { createPublicKey, verify, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import { buildTimestampRequest, parseTimestampResponse, pemCertificates, verifyTimestampToken } from '../../packages/server/src/evidence/timestamp/tsp.ts';
import { makeTestPki, replyWithOpenssl } from '../../packages/server/src/testing/local-tsa.ts';

const TOKENS = Number(process.env.BENCH_TOKENS ?? 40);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const pki = await makeTestPki();
try {
  const roots = pemCertificates(pki.rootPem);
  const tokens: { token: Uint8Array; hash: string }[] = [];
  for (let i = 0; i < TOKENS; i++) {
    const hash = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('hex');
    const resp = parseTimestampResponse(await replyWithOpenssl(pki, pki.tsa, buildTimestampRequest(hash).der));
    tokens.push({ token: resp.token as Uint8Array, hash });
  }
  // What the baseline verifies, taken out of the tokens beforehand (not timed).
  const tsaCert = new X509Certificate(pki.tsa.certPem);
  const rootKey = new X509Certificate(pki.rootPem).publicKey;
  const tsaKey = createPublicKey(pki.tsa.certPem);
  const bare = tokens.map(({ token }) => {
    const signed = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(token.slice().buffer).content });
    const si = signed.signerInfos[0] as pkijs.SignerInfo;
    return { attrs: Buffer.from(si.signedAttrs?.encodedValue ?? new ArrayBuffer(0)), signature: Buffer.from(si.signature.valueBlock.valueHexView) };
  });

  const perSecond = async (fn: () => Promise<void> | void): Promise<number> => {
    const rates: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const t0 = process.hrtime.bigint();
      await fn();
      rates.push(TOKENS / (Number(process.hrtime.bigint() - t0) / 1e9));
    }
    rates.sort((a, b) => a - b);
    return rates[Math.floor(rates.length / 2)] as number;
  };

  await verifyTimestampToken(tokens[0]?.token as Uint8Array, { sha256Hex: tokens[0]?.hash as string, roots }); // warm-up
  const baseline = await perSecond(() => {
    for (const b of bare) {
      if (!verify('sha256', b.attrs, tsaKey, b.signature)) throw new Error('baseline signature');
      if (!tsaCert.verify(rootKey)) throw new Error('baseline chain');
    }
  });
  const ours = await perSecond(async () => {
    for (const { token, hash } of tokens) {
      const v = await verifyTimestampToken(token, { sha256Hex: hash, roots });
      if (!v.ok) throw new Error(v.message);
    }
  });
  // openssl ts -verify: one process per token, as a command-line check would run.
  const dir = mkdtempSync(join(tmpdir(), 'comity-bench-tsa-'));
  writeFileSync(join(dir, 'root.pem'), pki.rootPem);
  const sample = tokens.slice(0, Math.min(10, TOKENS));
  for (const [i, { token }] of sample.entries()) writeFileSync(join(dir, `${i}.tok`), token);
  const t0 = process.hrtime.bigint();
  for (const [i, { hash }] of sample.entries()) execFileSync('openssl', ['ts', '-verify', '-token_in', '-in', `${i}.tok`, '-digest', hash, '-CAfile', 'root.pem'], { cwd: dir, stdio: 'pipe' });
  const openssl = sample.length / (Number(process.hrtime.bigint() - t0) / 1e9);
  rmSync(dir, { recursive: true, force: true });

  const fmt = (n: number) => n.toFixed(0).padStart(8);
  console.log(`RFC 3161 token verification, RSA-2048 TSA under one root, ${TOKENS} tokens, median of ${ROUNDS} rounds (Node ${process.version})`);
  console.log(`baseline node:crypto (2 RSA verifications) ${fmt(baseline)} tokens/s   1.00x`);
  console.log(`verifyTimestampToken (all checks)         ${fmt(ours)} tokens/s   ${(ours / baseline).toFixed(2)}x`);
  console.log(`openssl ts -verify (a process per token)  ${fmt(openssl)} tokens/s   ${(openssl / baseline).toFixed(2)}x`);
} finally {
  pki.close();
}
