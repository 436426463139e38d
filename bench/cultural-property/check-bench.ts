// Public checks per second with their receipts signed (issue 15), beside two baselines measured in
// the same run: GET /healthz (the HTTP stack alone) and Ed25519 signing of a receipt alone (the
// node's key, in this process). A real node on PGlite (or PostgreSQL with TEST_DATABASE_URL and
// BENCH_BACKENDS=postgres) holds `records` public records, `withImages` of them with a photo; the
// load generator runs in a worker thread with `connections` keep-alive connections.
// Each check reads the public set, computes the registry digest, signs the receipt, and stores the
// check and its audit entry in one transaction: it is an audited write, not a read.
// Run: node --import tsx bench/cultural-property/check-bench.ts [records] [withImages]
//      (BENCH_SECONDS, BENCH_WARMUP, BENCH_CONNECTIONS to change the phases)
import { sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { testBackends } from '../../packages/db/src/testing.ts';
import { RECEIPT_FORMAT, receiptSigningText } from '../../packages/core/src/cultural/receipt.ts';
import { ApiClient, makeUser, startTestNode } from '../../packages/server/src/testing/test-node.ts';
import { type Figures, figures, httpLoad, loadAverage, machine, markdownTable, runLoops } from '../support/load.ts';

const records = Number(process.argv[2] ?? 200);
const withImages = Number(process.argv[3] ?? 20);
const TIMING = { warmupSeconds: Number(process.env.BENCH_WARMUP ?? 1), seconds: Number(process.env.BENCH_SECONDS ?? 5) };
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const SAMPLES = new URL('../../data/cultural-property/samples/', import.meta.url).pathname;

process.env.COMITY_CULTURAL_CHECK_RATE = '100000000';
const wanted = process.env.BENCH_BACKENDS;
const backends = testBackends().filter((b) => !wanted || wanted.split(',').includes(b.name));

for (const backend of backends) {
  const node = await startTestNode(backend);
  try {
    const admin = new ApiClient(node.url);
    await admin.signIn(node.admin.email, node.admin.password);
    const lead = await makeUser(admin, { role: 'practitioner', orgName: 'Carabinieri TPC', country: 'ITA' });
    const samples = ['amphora-01', 'mask-01'].map((n) => readFileSync(`${SAMPLES}${n}.jpg`));
    for (let i = 0; i < records; i++) {
      const body = {
        reference: `B-${i}`,
        title: i % 2 ? `Painted amphora number ${i}` : `Wooden mask number ${i}`,
        objectType: i % 2 ? 'vessel' : 'mask',
        objectId: { materials: i % 2 ? 'terracotta' : 'wood', description: `Benchmark object ${i}` },
        reportingAuthority: 'Carabinieri TPC',
        legalStatus: 'stolen',
        marking: 'CLEAR',
      };
      const { id } = (await lead.client.call<{ id: string }>('POST', '/api/v1/cultural-property', body, 201)).body;
      if (i < withImages) {
        const res = await fetch(`${node.url}/api/v1/cultural-property/${id}/images`, {
          method: 'POST',
          headers: { 'content-type': 'image/jpeg', cookie: lead.client.cookie ?? '', 'x-csrf-token': lead.client.csrf ?? '' },
          body: samples[i % 2],
        });
        if (res.status !== 201) throw new Error(`image upload: HTTP ${res.status}`);
      }
    }

    const rows: Figures[] = [];
    const http = async (label: string, step: Parameters<typeof httpLoad>[0]['steps'][0]) => {
      const r = await httpLoad({ url: node.url, headers: { accept: 'application/json' }, connections: CONNECTIONS, steps: [step], timing: TIMING });
      if (r.errors) console.error(`  ${label}: ${r.errors} errors, first: ${r.firstError}`);
      rows.push(figures(label, r));
    };
    await http('GET /healthz', { method: 'GET', paths: ['/healthz'], expectStatus: 200 });

    // Signing alone: a receipt of the size the checks produce (20 matches), with the node's key.
    const matches = Array.from({ length: 20 }, (_, i) => ({ recordId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, reference: `B-${i}`, title: `Painted amphora number ${i}`, reportingAuthority: 'Carabinieri TPC', imageDistance: null, textScore: 1 }));
    const body = {
      format: RECEIPT_FORMAT,
      checkId: '00000000-0000-4000-8000-000000000000',
      checkedAt: new Date().toISOString(),
      node: { id: node.node.deps.keys.nodeId, publicKey: 'x'.repeat(43) },
      query: { textSha256: 'a'.repeat(64), imageSha256: null, fields: ['title'] },
      registry: { publicRecords: records, digest: 'b'.repeat(64) },
      result: { outcome: 'possible-matches', matches },
      notice: 'No match does not mean not stolen.',
    };
    const signing = await runLoops(1, TIMING, async () => {
      sign(null, Buffer.from(receiptSigningText(body as never), 'utf8'), node.node.deps.keys.signingPrivate);
    });
    rows.push(figures('Ed25519 signing of a receipt alone (in process)', signing));

    const textBody = JSON.stringify({ text: { title: 'painted amphora' } });
    await http('POST /check, text (20 matches shown)', { method: 'POST', paths: ['/api/v1/cultural-property/check'], body: textBody, expectStatus: 200 });
    const noMatch = JSON.stringify({ text: { title: 'gilded reliquary' } });
    await http('POST /check, text, no match', { method: 'POST', paths: ['/api/v1/cultural-property/check'], body: noMatch, expectStatus: 200 });
    const photo = JSON.stringify({ image: (samples[0] as Buffer).toString('base64') });
    await http('POST /check, photo 640×480 JPEG', { method: 'POST', paths: ['/api/v1/cultural-property/check'], body: photo, expectStatus: 200 });

    const base = rows[0] as Figures;
    console.log(`\n### Public checks with signed receipts, ${backend.name}: ${records} public records (${withImages} with a photo), ${CONNECTIONS} connections, ${TIMING.seconds} s per phase`);
    console.log(`${machine()}; load average ${loadAverage()} at the end\n`);
    console.log(
      markdownTable(
        ['phase', 'per second', 'vs /healthz', 'p50 ms', 'p99 ms', 'errors'],
        rows.map((r) => [r.label, r.perSecond.toFixed(0), (r.perSecond / base.perSecond).toFixed(3), r.p50.toFixed(2), r.p99.toFixed(2), r.errors]),
      ),
    );
  } finally {
    await node.close();
  }
}
