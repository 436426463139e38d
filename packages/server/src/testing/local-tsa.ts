// Test fixture: a real RFC 3161 time-stamp authority on this machine. Certificates are made at test
// time with Debian's openssl (a root CA, TSA certificates with a critical timeStamping EKU, an
// expired one, one for code signing, a second unrelated root) and tokens are issued by
// `openssl ts -reply` behind a small HTTP endpoint on a loopback port, as a public TSA answers
// `application/timestamp-query` POSTs. Other helpers' tests (court package, transfer) use it too.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as pkijs from 'pkijs';
import { pemCertificates, toHex } from '../evidence/timestamp/tsp.ts';

const run = promisify(execFile);

async function openssl(args: string[], cwd: string): Promise<void> {
  try {
    await run('openssl', args, { cwd });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`openssl ${args[0]} ${args[1] ?? ''} failed: ${e.stderr || e.message}`);
  }
}

const EXTENSIONS = `
[v3_root]
basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
[v3_tsa]
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=critical,timeStamping
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
[v3_codesign]
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=critical,codeSigning
subjectKeyIdentifier=hash
`;

// `openssl ca` is used only to back-date the expired certificate (x509 -req cannot set dates).
const CA_CONFIG = `
[ca]
default_ca=test_ca
[test_ca]
database=./index.txt
new_certs_dir=./issued
serial=./ca-serial
default_md=sha256
policy=policy_any
unique_subject=no
copy_extensions=none
[policy_any]
commonName=supplied
`;

function tsaConfig(serialFile: string, policy: string): string {
  return `
[tsa]
default_tsa=tsa_config
[tsa_config]
serial=${serialFile}
crypto_device=builtin
signer_digest=sha256
default_policy=${policy}
digests=sha256,sha384,sha512
accuracy=secs:1
ordering=no
tsa_name=yes
ess_cert_id_chain=no
ess_cert_id_alg=sha256
`;
}

export interface TestSigner {
  name: string;
  keyFile: string;
  certFile: string;
  certPem: string;
  configFile: string;
}

export interface TestPki {
  dir: string;
  /** The root that signs every TSA certificate below. */
  rootPem: string;
  rootDer: Uint8Array;
  /** A root that signed nothing here ("untrusted root" tests configure this one). */
  otherRootPem: string;
  /** RSA 2048 TSA certificate, critical EKU timeStamping, valid now. */
  tsa: TestSigner;
  /** A second TSA (EC P-256) under the same root. */
  tsa2: TestSigner;
  /** A TSA certificate that expired in 2020. */
  expired: TestSigner;
  /** A certificate with a critical EKU of codeSigning instead of timeStamping. */
  codeSigning: TestSigner;
  close(): void;
}

/** Makes the certificates of a test TSA (about a second: two RSA keys, three EC keys). */
export async function makeTestPki(): Promise<TestPki> {
  const dir = mkdtempSync(join(tmpdir(), 'comity-tsa-'));
  writeFileSync(join(dir, 'ext.cnf'), EXTENSIONS);
  writeFileSync(join(dir, 'ca.cnf'), CA_CONFIG);
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'ca-serial'), '1000\n');
  mkdirSync(join(dir, 'issued'));
  const rootSubject = `/O=Comity tests/CN=Test TSA Root ${toHex(globalThis.crypto.getRandomValues(new Uint8Array(4)))}`;
  await openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'root.key', '-out', 'root.pem', '-subj', rootSubject, '-days', '3', '-config', 'ext.cnf', '-extensions', 'v3_root'], dir);
  await openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'other-root.key', '-out', 'other-root.pem', '-subj', '/O=Elsewhere/CN=Other Root', '-days', '3', '-config', 'ext.cnf', '-extensions', 'v3_root'], dir);

  let serial = 100;
  const signer = async (cn: string, keySpec: string[], how: 'now' | 'expired', extensions: string, policy: string): Promise<TestSigner> => {
    const name = cn.toLowerCase().replace(/\s+/g, '-');
    await openssl(['req', '-new', '-newkey', ...keySpec, '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/O=Comity tests/CN=${cn}`], dir);
    if (how === 'now') {
      await openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'root.pem', '-CAkey', 'root.key', '-set_serial', String(serial++), '-days', '2', '-extfile', 'ext.cnf', '-extensions', extensions, '-out', `${name}.pem`], dir);
    } else {
      await openssl(['ca', '-batch', '-config', 'ca.cnf', '-cert', 'root.pem', '-keyfile', 'root.key', '-in', `${name}.csr`, '-out', `${name}.pem`, '-startdate', '20200101000000Z', '-enddate', '20200201000000Z', '-extfile', 'ext.cnf', '-extensions', extensions, '-notext'], dir);
    }
    writeFileSync(join(dir, `${name}.serial`), '01\n');
    writeFileSync(join(dir, `${name}.cnf`), tsaConfig(`./${name}.serial`, policy));
    return { name, keyFile: `${name}.key`, certFile: `${name}.pem`, certPem: readFileSync(join(dir, `${name}.pem`), 'utf8'), configFile: `${name}.cnf` };
  };
  const [tsa, tsa2, expired, codeSigning] = await Promise.all([
    signer('Test TSA', ['rsa:2048'], 'now', 'v3_tsa', '1.3.6.1.4.1.59999.1'),
    signer('Second TSA', ['ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], 'now', 'v3_tsa', '1.3.6.1.4.1.59999.2'),
    signer('Expired TSA', ['ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], 'expired', 'v3_tsa', '1.3.6.1.4.1.59999.3'),
    signer('Code Signer', ['ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], 'now', 'v3_codesign', '1.3.6.1.4.1.59999.4'),
  ]);
  const rootPem = readFileSync(join(dir, 'root.pem'), 'utf8');
  return {
    dir,
    rootPem,
    rootDer: pemCertificates(rootPem)[0] as Uint8Array,
    otherRootPem: readFileSync(join(dir, 'other-root.pem'), 'utf8'),
    tsa: tsa as TestSigner,
    tsa2: tsa2 as TestSigner,
    expired: expired as TestSigner,
    codeSigning: codeSigning as TestSigner,
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

let fileCounter = 0;

/** `openssl ts -reply` for a TimeStampReq: the TimeStampResp bytes. */
export async function replyWithOpenssl(pki: TestPki, signer: TestSigner, query: Uint8Array): Promise<Uint8Array> {
  const base = `q${process.pid}-${++fileCounter}`;
  writeFileSync(join(pki.dir, `${base}.tsq`), query);
  try {
    await openssl(['ts', '-reply', '-queryfile', `${base}.tsq`, '-config', signer.configFile, '-inkey', signer.keyFile, '-signer', signer.certFile, '-chain', 'root.pem', '-out', `${base}.tsr`], pki.dir);
    return new Uint8Array(readFileSync(join(pki.dir, `${base}.tsr`)));
  } finally {
    rmSync(join(pki.dir, `${base}.tsq`), { force: true });
    rmSync(join(pki.dir, `${base}.tsr`), { force: true });
  }
}

/** A query made by openssl itself (its own random nonce) for a SHA-256 hash. */
export async function opensslQuery(pki: TestPki, sha256Hex: string): Promise<Uint8Array> {
  const base = `o${process.pid}-${++fileCounter}`;
  try {
    await openssl(['ts', '-query', '-digest', sha256Hex, '-sha256', '-cert', '-out', `${base}.tsq`], pki.dir);
    return new Uint8Array(readFileSync(join(pki.dir, `${base}.tsq`)));
  } finally {
    rmSync(join(pki.dir, `${base}.tsq`), { force: true });
  }
}

/**
 * The TSTInfo of a good token signed again with `openssl cms` by another certificate. openssl ts
 * refuses to sign with a certificate that lacks the timeStamping EKU, so a token from a wrongly
 * certified signer can only be made this way. No signing-certificate attribute is added.
 */
export async function resignTstInfo(pki: TestPki, token: Uint8Array, signer: TestSigner): Promise<Uint8Array> {
  const info = pkijs.ContentInfo.fromBER(token.slice().buffer);
  const signed = new pkijs.SignedData({ schema: info.content });
  const tstInfo = new Uint8Array((signed.encapContentInfo.eContent as { getValue(): ArrayBuffer }).getValue());
  const base = `r${process.pid}-${++fileCounter}`;
  writeFileSync(join(pki.dir, `${base}.tst`), tstInfo);
  try {
    await openssl(['cms', '-sign', '-binary', '-nodetach', '-nosmimecap', '-econtent_type', '1.2.840.113549.1.9.16.1.4', '-md', 'sha256', '-in', `${base}.tst`, '-signer', signer.certFile, '-inkey', signer.keyFile, '-certfile', 'root.pem', '-outform', 'DER', '-out', `${base}.p7`], pki.dir);
    return new Uint8Array(readFileSync(join(pki.dir, `${base}.p7`)));
  } finally {
    rmSync(join(pki.dir, `${base}.tst`), { force: true });
    rmSync(join(pki.dir, `${base}.p7`), { force: true });
  }
}

/** `openssl ts -verify` of a token for a SHA-256 hash against a CA file: an independent second opinion. */
export async function opensslVerify(pki: TestPki, token: Uint8Array, sha256Hex: string, caPem: string): Promise<boolean> {
  const base = `v${process.pid}-${++fileCounter}`;
  writeFileSync(join(pki.dir, `${base}.tok`), token);
  writeFileSync(join(pki.dir, `${base}.ca`), caPem);
  try {
    await run('openssl', ['ts', '-verify', '-token_in', '-in', `${base}.tok`, '-digest', sha256Hex, '-CAfile', `${base}.ca`], { cwd: pki.dir });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(join(pki.dir, `${base}.tok`), { force: true });
    rmSync(join(pki.dir, `${base}.ca`), { force: true });
  }
}

/** What the endpoint answers: a normal TSA, or one of the faults a client must survive. */
export type LocalTsaMode =
  | 'ok'
  /** HTTP 503, as an overloaded TSA. */
  | 'down'
  /** A granted token for another hash. */
  | 'wrong-imprint'
  /** A granted token for the same hash under another nonce (a replayed answer). */
  | 'wrong-nonce'
  /** Status rejection (the query is answered for a digest the TSA does not accept). */
  | 'rejected'
  /** Bytes that are not a TimeStampResp. */
  | 'garbage';

export interface LocalTsa {
  url: string;
  mode: LocalTsaMode;
  /** Queries received, in order (DER). */
  queries: Uint8Array[];
  close(): Promise<void>;
}

/** Starts the endpoint on a loopback port (`port`, or any free one). */
export async function startLocalTsa(pki: TestPki, signer: TestSigner = pki.tsa, mode: LocalTsaMode = 'ok', port = 0): Promise<LocalTsa> {
  const tsa: LocalTsa = { url: '', mode, queries: [], close: async () => {} };
  const answer = async (query: Uint8Array): Promise<{ status: number; type: string; body: Uint8Array }> => {
    const reply = (der: Uint8Array) => ({ status: 200, type: 'application/timestamp-reply', body: der });
    switch (tsa.mode) {
      case 'down':
        return { status: 503, type: 'text/plain', body: new TextEncoder().encode('busy') };
      case 'garbage':
        return reply(new TextEncoder().encode('<html>not a time-stamp</html>'));
      case 'wrong-imprint':
        return reply(await replyWithOpenssl(pki, signer, await opensslQuery(pki, 'ab'.repeat(32))));
      case 'wrong-nonce': {
        const req = pkijs.TimeStampReq.fromBER(query.slice().buffer);
        const hash = toHex(req.messageImprint.hashedMessage.valueBlock.valueHexView);
        return reply(await replyWithOpenssl(pki, signer, await opensslQuery(pki, hash)));
      }
      case 'rejected': {
        const base = `x${process.pid}-${++fileCounter}`;
        await openssl(['ts', '-query', '-digest', 'ab'.repeat(20), '-sha1', '-out', `${base}.tsq`], pki.dir);
        const q = new Uint8Array(readFileSync(join(pki.dir, `${base}.tsq`)));
        rmSync(join(pki.dir, `${base}.tsq`), { force: true });
        return reply(await replyWithOpenssl(pki, signer, q));
      }
      default:
        return reply(await replyWithOpenssl(pki, signer, query));
    }
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') {
        res.writeHead(415, { 'content-type': 'text/plain' }).end('POST application/timestamp-query');
        return;
      }
      const query = new Uint8Array(Buffer.concat(chunks));
      tsa.queries.push(query);
      answer(query).then(
        (a) => res.writeHead(a.status, { 'content-type': a.type }).end(a.body),
        (err: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(err.message),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  tsa.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
  tsa.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return tsa;
}

/** A loopback URL where nothing listens (a port taken and released). */
export async function unreachableUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/tsa`;
}
