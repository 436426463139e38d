// `comity basis` and `comity knowledge import|refresh|versions` on every backend, run in-process
// on the same store a node uses: --json prints exactly the API's answer (curated facts included),
// bad input exits 2 with close matches, imports are versions, malformed files change nothing, and
// refresh fetches from the depositaries (here a local HTTP server serving the fixtures).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { REPO_ROOT } from '@comity/server';
import { ADMIN_PASSWORD, ApiClient, startTestNode } from '@comity/server/testing/test-node';
import type { CliIo } from '../cli-io.ts';
import { runCli } from '../program.ts';

const xmlDir = join(REPO_ROOT, 'data/untc-2018/xml');
const coeFixture = join(REPO_ROOT, 'packages/server/src/knowledge/fixtures/coe-ets-185-signatures.json');

async function run(argv: string[], env: Record<string, string | undefined>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => {
      out += t.endsWith('\n') ? t : `${t}\n`;
    },
    err: (t) => {
      err += t.endsWith('\n') ? t : `${t}\n`;
    },
    readStdin: async () => '',
    env: Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv,
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

/** Serves the 2018 MTDSG fixtures where the UN serves its files, and the CoE fixture. */
function depositaryServer(): Promise<{ url: string; requests: string[]; server: Server }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    const untc = /^\/mtdsg\/Volume%20(?:I|II)\/Chapter%20[IVXL]+\/([A-Z0-9-]+\.en\.xml)$/.exec(path);
    if (untc && existsSync(join(xmlDir, untc[1] as string))) {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(readFileSync(join(xmlDir, untc[1] as string)));
      return;
    }
    if (path === '/coe/185/signatures') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(readFileSync(coeFixture));
      return;
    }
    res.writeHead(404).end('not here');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}`, requests, server });
    });
  });
}

interface Versions {
  items: { version: number; digest: string; source: string; forced: boolean }[];
}

for (const backend of testBackends()) {
  describe(`comity basis and knowledge on ${backend.name}`, () => {
    let dataDir: string;
    let schema: string | undefined;
    let env: Record<string, string | undefined>;
    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'comity-cli-knowledge-'));
      schema = await backend.newSchema();
      env = { COMITY_DATA_DIR: dataDir, DATABASE_URL: backend.databaseUrl, COMITY_DATABASE_SCHEMA: schema, COMITY_LOG: '0' };
    });
    after(async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await backend.dropSchema(schema);
    });

    test('basis --json prints exactly the API response, curated facts included; the table cites articles', async () => {
      const node = await startTestNode(backend, { dataDir, databaseSchema: schema });
      const api: Record<string, string> = {};
      const queries = {
        plain: 'requesting=FRA&requested=BRA&type=mla&offence=corruption&date=2024-01-01',
        all: 'requesting=FRA&requested=BRA&type=mla&offence=corruption&date=2024-01-01&all=true',
        text: 'requesting=fr&requested=br&type=extradition&offence=terrorism&date=2017-06-01&includeText=true',
      };
      try {
        const admin = new ApiClient(node.url);
        await admin.signIn(node.admin.email, ADMIN_PASSWORD);
        const curated = await admin.call(
          'POST',
          '/api/v1/knowledge/curations',
          {
            fact: {
              kind: 'bilateral-treaty',
              id: 'FRA-BRA-MLA-1996',
              title: 'Agreement between France and Brazil on mutual legal assistance in criminal matters',
              states: ['FRA', 'BRA'],
              adopted: '1996-05-28',
              entryIntoForce: '1998-09-01',
              offences: ['*any-offence'],
              cooperation: { mla: { articles: ['1'] } },
              articles: [{ number: '1', heading: 'Obligation to assist' }],
            },
            source: 'Decree 3.324 of 1999-12-30',
            note: 'bilateral treaty in force',
          },
          201,
        );
        assert.equal(curated.status, 201);
        for (const [k, q] of Object.entries(queries)) api[k] = (await admin.call('GET', `/api/v1/legal-basis?${q}`, undefined, 200)).text;
      } finally {
        await node.close();
      }

      const base = ['basis', '--from', 'FRA', '--to', 'BRA', '--type', 'mla', '--offence', 'corruption', '--date', '2024-01-01'];
      const json = await run([...base, '--json'], env);
      assert.equal(json.code, 0, json.err);
      assert.deepEqual(JSON.parse(json.out), JSON.parse(api.plain as string));
      assert.equal(json.out.trim(), api.plain, 'byte for byte the same JSON');
      // The bilateral treaty between the two States comes before UNCAC (both applicable): UNCAC
      // art. 46(7) defers to a treaty the two States already have.
      const plain = JSON.parse(json.out) as { bases: { instrument: string; outcome: string }[] };
      assert.deepEqual(
        plain.bases.slice(0, 2).map((b) => [b.instrument, b.outcome]),
        [
          ['FRA-BRA-MLA-1996', 'applicable'],
          ['UNCAC', 'applicable'],
        ],
      );
      const all = await run([...base, '--all', '--json'], env);
      assert.deepEqual(JSON.parse(all.out), JSON.parse(api.all as string));
      const text = await run(['basis', '--from', 'fr', '--to', 'br', '--type', 'extradition', '--offence', 'terrorism', '--date', '2017-06-01', '--text', '--json'], env);
      assert.deepEqual(JSON.parse(text.out), JSON.parse(api.text as string));

      const table = await run(base, env);
      assert.equal(table.code, 0);
      assert.match(table.out, /^Legal bases: FRA → BRA, mla, corruption, 2024-01-01/);
      assert.match(table.out, /\nBest basis: FRA-BRA-MLA-1996 art\. 1\b/);
      assert.match(table.out, /1\. \[APPLICABLE\] FRA-BRA-MLA-1996/);
      assert.match(table.out, /2\. \[APPLICABLE\] UNCAC/);
      assert.match(table.out, /requesting FRA: party — consent deposited 2005-07-11, in force for it from 2005-12-14/);
      assert.match(table.out, /FRA-BRA-MLA-1996 art\. 1 — Obligation to assist/);
      assert.match(table.out, /UNCAC art\. 46 — Mutual legal assistance/);
      assert.match((await run([...base, '--lang', 'fr'], env)).out, /^Bases juridiques[\s\S]*Meilleure base : FRA-BRA-MLA-1996 art\. 1\b/);
      const drugs = await run(['basis', '--from', 'DEU', '--to', 'ARG', '--type', 'extradition', '--offence', 'drug-trafficking', '--date', '2026-11-29'], env);
      assert.match(drugs.out, /\nBest basis: DRUGS-1988 art\. 6 — both States parties \(Germany since 1994, Argentina since 1993\)\n/);
      assert.match(drugs.out, /1\. \[APPLICABLE\] DRUGS-1988/);
      const pending = await run(['basis', '--from', 'DEU', '--to', 'BRA', '--type', 'mla', '--offence', 'corruption', '--date', '2014-12-01', '--all'], env);
      assert.match(pending.out, /requesting DEU: consented, not yet in force — consent deposited 2014-11-12, in force for it from 2014-12-12 \(UNCAC art\. 68\(2\)\)/);
      const early = await run(['basis', '--from', 'DEU', '--to', 'BRA', '--type', 'mla', '--offence', 'corruption', '--date', '2013-01-01', '--all'], env);
      assert.match(early.out, /NOT-APPLICABLE\] UNCAC[\s\S]*?requesting DEU: not party/);
    });

    test('bad input exits 2 and names the close matches', async () => {
      const base = { from: 'FRA', to: 'BRA', type: 'mla', offence: 'corruption' };
      const cases: [Partial<typeof base> & { date?: string }, RegExp][] = [
        [{ from: 'FRX' }, /unknown country: "FRX"; did you mean FRA/],
        [{ to: 'Brasl' }, /did you mean BRA/],
        [{ offence: 'corruptoin' }, /unknown offence: "corruptoin"; did you mean corruption/],
        [{ type: 'extradtion' }, /did you mean extradition/],
        [{ date: '2024-02-30' }, /invalid date/],
      ];
      for (const [over, message] of cases) {
        const o = { ...base, ...over };
        const argv = ['basis', '--from', o.from, '--to', o.to, '--type', o.type, '--offence', o.offence, ...(o.date ? ['--date', o.date] : [])];
        const r = await run(argv, env);
        assert.equal(r.code, 2, `${argv.join(' ')}: ${r.err}`);
        assert.match(r.err, message);
        assert.equal(r.out, '');
      }
      assert.equal((await run(['basis', '--from', 'FRA'], env)).code, 2, 'missing options');
    });

    test('knowledge facts: lists the declared facts held (none on a fresh store); a bad State code is a usage error', async () => {
      const none = await run(['knowledge', 'facts', '--json'], env);
      assert.equal(none.code, 0, none.err);
      assert.deepEqual(JSON.parse(none.out), { items: [], disagreements: [] });
      assert.match((await run(['knowledge', 'facts', '--state', 'fra'], env)).out, /No facts declared for FRA are held here\./);
      const bad = await run(['knowledge', 'facts', '--state', 'France'], env);
      assert.equal(bad.code, 2);
      assert.match(bad.err, /alpha-3/);
    });

    test('knowledge import: each import is a version with its digest; malformed files and older snapshots change nothing', async () => {
      const tip = join(xmlDir, 'XVIII-12-a.en.xml');
      const before = JSON.parse((await run(['knowledge', 'versions', '--json'], env)).out) as Versions;
      const ok = await run(['knowledge', 'import', '--as-of', '2018-01-15', tip], env);
      assert.equal(ok.code, 0, ok.err);
      assert.match(ok.out, /XVIII-12-a\.en\.xml → UNTOC-TIP: 175 participations \(173 with consent\), as of 2018-01-15, list complete/);
      const after1 = JSON.parse((await run(['knowledge', 'versions', '--json'], env)).out) as Versions;
      assert.equal(after1.items.length, before.items.length + 1);
      assert.equal(after1.items[0]?.digest, createHash('sha256').update(readFileSync(tip)).digest('hex'));

      const broken = join(dataDir, 'broken.en.xml');
      writeFileSync(broken, '<?xml version="1.0"?>\n<Document>\n  <Treaty>\n    <Header></Treaty>\n</Document>\n');
      const bad = await run(['knowledge', 'import', '--as-of', '2018-01-15', join(xmlDir, 'XVIII-12-b.en.xml'), broken], env);
      assert.equal(bad.code, 1);
      assert.match(bad.err, /broken\.en\.xml:4: /);
      const older = await run(['knowledge', 'import', '--as-of', '2017-01-01', tip], env);
      assert.equal(older.code, 1);
      assert.match(older.err, /older than the UNTOC-TIP data .*--force/);
      assert.equal((await run(['knowledge', 'import', tip], env)).code, 1, 'UNTC files need --as-of');
      assert.equal((await run(['knowledge', 'import', '--as-of', '15/01/2018', tip], env)).code, 2);
      const unchanged = JSON.parse((await run(['knowledge', 'versions', '--json'], env)).out) as Versions;
      assert.deepEqual(unchanged, after1, 'nothing was imported');

      const forced = await run(['knowledge', 'import', '--as-of', '2017-01-01', '--force', tip], env);
      assert.equal(forced.code, 0, forced.err);
      assert.match(forced.out, /forced over newer data/);
      const listed = await run(['knowledge', 'versions'], env);
      assert.match(listed.out, /shipped snapshot/);
    });

    test('knowledge refresh fetches the depositaries’ files (local server with the fixtures) and imports them as one version', async () => {
      const depositary = await depositaryServer();
      try {
        const refreshEnv = { ...env, COMITY_UNTC_BASE_URL: `${depositary.url}/mtdsg`, COMITY_COE_BASE_URL: `${depositary.url}/coe` };
        const r = await run(['knowledge', 'refresh'], refreshEnv);
        assert.equal(r.code, 0, r.err);
        assert.ok(depositary.requests.includes('/mtdsg/Volume%20I/Chapter%20XVIII/XVIII-12-a.en.xml'));
        assert.ok(depositary.requests.includes('/mtdsg/Volume%20I/Chapter%20VI/VI-18.en.xml'));
        assert.ok(depositary.requests.includes('/mtdsg/Volume%20II/Chapter%20XXI/XXI-6.en.xml'));
        assert.ok(depositary.requests.includes('/coe/185/signatures'));
        assert.match(r.out, /skipped ETS-024 .*HTTP 404/);
        assert.match(r.out, /skipped XVIII-12\.en\.xml: .*no participant table/);
        assert.match(r.out, /coe-185-signatures\.json → ETS-185: 6 participations/);
        assert.match(r.out, /XVIII-15\.en\.xml → NUCLEAR-TERRORISM-2005/);
        const versions = JSON.parse((await run(['knowledge', 'versions', '--json'], env)).out) as Versions;
        assert.match(versions.items[0]?.source ?? '', /refresh from 127\.0\.0\.1:\d+/);

        // The refreshed data answers at once, offline: Budapest between France and Japan.
        const answer = JSON.parse((await run(['basis', '--from', 'FRA', '--to', 'JPN', '--type', 'mla', '--offence', 'cybercrime', '--date', '2024-01-01', '--json'], env)).out) as {
          bases: { instrument: string; status: { requesting: { state: string }; requested: { state: string } } }[];
        };
        const budapest = answer.bases.find((b) => b.instrument === 'ETS-185');
        assert.deepEqual([budapest?.status.requesting.state, budapest?.status.requested.state], ['party', 'party']);

        const one = await run(['knowledge', 'refresh', '--source-url', `${depositary.url}/coe/185/signatures`], refreshEnv);
        assert.equal(one.code, 0, one.err);
        assert.match(one.out, /Imported version \d+/);
        const nothing = await run(['knowledge', 'refresh', '--source-url', `${depositary.url}/nowhere.xml`], refreshEnv);
        assert.equal(nothing.code, 1);
        assert.match(nothing.err, /nothing could be fetched/);
      } finally {
        depositary.server.close();
      }
    });
  });
}
