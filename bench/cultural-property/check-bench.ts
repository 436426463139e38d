// Public checks per second with their receipts signed (issue 15), beside two baselines measured in
// the same run: GET /healthz (the HTTP stack alone) and Ed25519 signing of a receipt alone (the
// node's key, in this process). A real node on PGlite (or PostgreSQL with TEST_DATABASE_URL and
// BENCH_BACKENDS=postgres) holds `records` public records: `withImages` made through the API with
// a real photo, the rest written straight into the database in batches (as an import would, much
// faster than one POST each), `hashed` of those with an image row and 24 random hashes (so the
// photo check scans a large hash set). The load generator runs in a worker thread with
// `connections` keep-alive connections.
// Each check asks the node's registry index (registry-sync.ts: one read of the change counter,
// then memory), reads its matches from the database, signs the receipt, and stores the check and
// its audit entry in one transaction: it is an audited write, not a read.
// Run: node --import tsx bench/cultural-property/check-bench.ts [records] [withImages] [hashed]
//      (BENCH_SECONDS, BENCH_WARMUP, BENCH_CONNECTIONS to change the phases)
import { randomBytes, randomUUID, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { testBackends } from '../../packages/db/src/testing.ts';
import { RECEIPT_FORMAT, receiptSigningText } from '../../packages/core/src/cultural/receipt.ts';
import { ApiClient, makeUser, startTestNode } from '../../packages/server/src/testing/test-node.ts';
import { type Figures, figures, httpLoad, loadAverage, machine, markdownTable, runLoops } from '../support/load.ts';

const records = Number(process.argv[2] ?? 100_000);
const withImages = Number(process.argv[3] ?? 20);
const hashed = Number(process.argv[4] ?? 4_000);
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
    for (let i = 0; i < Math.min(records, withImages); i++) {
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
      const res = await fetch(`${node.url}/api/v1/cultural-property/${id}/images`, {
        method: 'POST',
        headers: { 'content-type': 'image/jpeg', cookie: lead.client.cookie ?? '', 'x-csrf-token': lead.client.csrf ?? '' },
        body: samples[i % 2],
      });
      if (res.status !== 201) throw new Error(`image upload: HTTP ${res.status}`);
    }
    // The rest in batches straight into the database (same columns as the service writes).
    const db = node.node.deps.db;
    const filled = process.hrtime.bigint();
    const tiny = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
    for (let from = withImages; from < records; from += 500) {
      await db.transaction().execute(async (trx) => {
        const now = new Date();
        const batch = Array.from({ length: Math.min(500, records - from) }, (_, k) => {
          const i = from + k;
          const title = i % 2 ? `Painted amphora number ${i}` : `Wooden mask number ${i}`;
          return {
            id: randomUUID(),
            organisation_id: lead.organisationId,
            reference: `B-${i}`,
            title,
            object_type: i % 2 ? 'vessel' : 'mask',
            object_id_fields: JSON.stringify({ materials: i % 2 ? 'terracotta' : 'wood', description: `Benchmark object ${i}` }),
            theft: 'null',
            theft_country: null,
            reporting_authority: 'Carabinieri TPC',
            case_id: null,
            legal_status: 'stolen',
            marking: 'CLEAR',
            handling: 'H0',
            search_text: `${title.toLowerCase()} ${i % 2 ? 'vessel' : 'mask'} b ${i} carabinieri tpc ${i % 2 ? 'terracotta' : 'wood'} benchmark object ${i}`,
            created_by: lead.userId,
            created_at: now,
            updated_at: now,
          };
        });
        await trx.insertInto('cultural_objects').values(batch).execute();
        const withHashes = batch.filter((_, k) => from + k < withImages + hashed);
        if (withHashes.length) {
          const images = withHashes.map((r) => ({ id: randomUUID(), object_id: r.id, media_type: 'image/jpeg', width: 1, height: 1, size_bytes: 4, sha256: randomBytes(32).toString('hex'), content: tiny, thumbnail: tiny, created_at: now }));
          await trx.insertInto('cultural_object_images').values(images).execute();
          const hashes = images.flatMap((img) => Array.from({ length: 24 }, (_, v) => ({ image_id: img.id, object_id: img.object_id, variant: `v${v}`, hash: randomBytes(8).toString('hex') })));
          for (let h = 0; h < hashes.length; h += 2000) await trx.insertInto('cultural_image_hashes').values(hashes.slice(h, h + 2000)).execute();
        }
      });
    }
    const fillSeconds = Number(process.hrtime.bigint() - filled) / 1e9;
    // The first check builds the node's index from the database (then kept current per change).
    const built = process.hrtime.bigint();
    const firstCheck = await fetch(`${node.url}/api/v1/cultural-property/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: { title: 'painted amphora' } }) });
    if (firstCheck.status !== 200) throw new Error(`first check: HTTP ${firstCheck.status}`);
    const firstCheckMs = Number(process.hrtime.bigint() - built) / 1e6;
    const registry = ((await firstCheck.json()) as { receipt: { registry: { publicRecords: number } } }).receipt.registry;
    if (registry.publicRecords !== records) throw new Error(`the receipt counts ${registry.publicRecords} public records, not ${records}`);

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
    console.log(`\n### Public checks with signed receipts, ${backend.name}: ${records} public records (${withImages} with a real photo, ${hashed} more with 24 random hashes each), ${CONNECTIONS} connections, ${TIMING.seconds} s per phase`);
    console.log(`filled in ${fillSeconds.toFixed(1)} s; first check (builds the index) ${firstCheckMs.toFixed(0)} ms`);
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
