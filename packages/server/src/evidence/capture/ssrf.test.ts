// The SSRF rules: which addresses a capture may reach, in every spelling an attacker could use,
// and that the address actually connected to is the one that was checked (no DNS rebinding gap).
import assert from 'node:assert/strict';
import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { guardedFetch } from './guarded-fetch.ts';
import { CaptureRefusedError, checkUrl, checkUrlForm, nonPublicReason, type SsrfPolicy } from './ssrf.ts';

const NONE: string[] = [];

describe('addresses that are not public', () => {
  const refused = [
    '127.0.0.1',
    '127.255.255.254',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '198.18.0.1',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::7f00:1',
    '64:ff9b::a00:1',
    '2002:7f00:1::1',
    '2002:c0a8:101::',
    '::127.0.0.1',
    '0:0:0:0:0:ffff:192.168.0.1',
    '2001:db8::1',
  ];
  for (const address of refused) {
    test(`${address} is refused`, () => {
      assert.ok(nonPublicReason(address, NONE), `${address} should not be public`);
    });
  }
  const publicOnes = ['8.8.8.8', '93.184.216.34', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '2a00:1450:4001::200e', '::ffff:8.8.8.8', '64:ff9b::808:808'];
  for (const address of publicOnes) {
    test(`${address} is public`, () => {
      assert.equal(nonPublicReason(address, NONE), null);
    });
  }
  test("the node's own public address is refused too", () => {
    assert.match(nonPublicReason('203.0.114.7', ['203.0.114.7']) ?? '', /own address/);
    assert.match(nonPublicReason('::ffff:203.0.114.7', ['203.0.114.7']) ?? '', /own address/);
  });
});

describe('URL forms', () => {
  for (const raw of ['file:///etc/passwd', 'data:text/html,<h1>x</h1>', 'ftp://example.org/file', 'javascript:alert(1)', 'gopher://example.org/']) {
    test(`${raw.split(':')[0]}: is refused`, () => {
      assert.throws(
        () => checkUrlForm(raw),
        (e: unknown) => e instanceof CaptureRefusedError && e.reason === 'scheme_not_allowed',
      );
    });
  }
  test('credentials in the URL are refused', () => {
    assert.throws(
      () => checkUrlForm('http://user:pw@example.org/'),
      (e: unknown) => e instanceof CaptureRefusedError && e.reason === 'credentials_in_url',
    );
  });
  test('not a URL', () => {
    assert.throws(
      () => checkUrlForm('example.org/page'),
      (e: unknown) => e instanceof CaptureRefusedError && e.reason === 'invalid_url',
    );
  });
  test('numeric spellings of loopback are normalised by the URL parser and refused', async () => {
    const policy: SsrfPolicy = { allowHosts: [], ownAddresses: NONE };
    for (const raw of ['http://2130706433/', 'http://0x7f.1/', 'http://0177.0.0.1/', 'http://[::ffff:127.0.0.1]/', 'http://[0:0:0:0:0:0:0:1]/']) {
      await assert.rejects(checkUrl(policy, raw), (e: unknown) => e instanceof CaptureRefusedError && e.reason === 'address_not_public', raw);
    }
  });
  test('a name resolving to loopback is refused; the same host allowlisted is accepted', async () => {
    const lookup = ((_h: string, _o: unknown, cb: (e: null, a: LookupAddress[]) => void) => cb(null, [{ address: '127.0.0.1', family: 4 }])) as unknown as SsrfPolicy['lookup'];
    await assert.rejects(checkUrl({ allowHosts: [], lookup, ownAddresses: NONE }, 'http://intranet.example/'), /127\.0\.0\.1.*allowlist/);
    const url = await checkUrl({ allowHosts: ['Intranet.Example'], lookup, ownAddresses: NONE }, 'http://intranet.example/');
    assert.equal(url.hostname, 'intranet.example');
  });
  test('a name with one private address among public ones is refused', async () => {
    const lookup = ((_h: string, _o: unknown, cb: (e: null, a: LookupAddress[]) => void) =>
      cb(null, [
        { address: '93.184.216.34', family: 4 },
        { address: '10.0.0.5', family: 4 },
      ])) as unknown as SsrfPolicy['lookup'];
    await assert.rejects(checkUrl({ allowHosts: [], lookup, ownAddresses: NONE }, 'https://mixed.example/'), /10\.0\.0\.5/);
  });
  test('allowing 127.0.0.1 does not allow localhost', async () => {
    await assert.rejects(checkUrl({ allowHosts: ['127.0.0.1'], ownAddresses: NONE }, 'http://localhost:9/'), (e: unknown) => e instanceof CaptureRefusedError);
  });
});

describe('the connection goes to the address that was checked', () => {
  let server: Server;
  let port = 0;
  let hits = 0;
  before(async () => {
    server = createServer((_req, res) => {
      hits++;
      res.end('internal secret');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  test('DNS rebinding: a name that answers a public address first and loopback next never reaches loopback', async () => {
    let calls = 0;
    const lookup = ((_h: string, _o: unknown, cb: (e: null, a: LookupAddress[]) => void) => {
      calls++;
      cb(null, [{ address: calls === 1 ? '93.184.216.34' : '127.0.0.1', family: 4 }]);
    }) as unknown as SsrfPolicy['lookup'];
    await assert.rejects(
      guardedFetch({ policy: { allowHosts: [], lookup, ownAddresses: NONE }, timeoutMs: 5000, maxBytes: 1e6 }, { url: `http://rebind.example:${port}/`, method: 'GET', headers: {}, body: null }),
      (e: unknown) => e instanceof CaptureRefusedError && /127\.0\.0\.1/.test(e.message),
    );
    assert.equal(calls, 2, 'checked once before and once at connection time');
    assert.equal(hits, 0, 'the local server was never reached');
  });

  test('the allowlisted local server is fetched, and the peer address is recorded', async () => {
    const x = await guardedFetch(
      { policy: { allowHosts: ['127.0.0.1'], ownAddresses: NONE }, timeoutMs: 5000, maxBytes: 1e6 },
      { url: `http://127.0.0.1:${port}/`, method: 'GET', headers: { accept: 'text/html' }, body: null },
    );
    assert.equal(x.status, 200);
    assert.equal(x.body.toString(), 'internal secret');
    assert.equal(x.remoteAddress, '127.0.0.1');
    assert.equal(hits, 1);
  });
});
