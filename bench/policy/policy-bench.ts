// Release-policy benchmark (not a test): the cost of one `decide` call in core (the common case —
// a request of the caller's own organisation — and harder ones: a received request under
// speciality, a derived record with several sources and a consent), then the read throughput of
// GET /api/v1/requests (50 rows a page, each asked `decide`) against the same route with the
// list's policy check switched off, in the same run and process (phases interleaved
// on → off → on, so that drift shows).
// Usage: npm run bench:policy   (PostgreSQL too when DATABASE_URL or TEST_DATABASE_URL is set)
// Settings: BENCH_SECONDS (measured seconds per phase, default 5), BENCH_WARMUP (default 1),
// BENCH_CALLS (decide calls per case, default 1 000 000).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MarkedRecord, type PolicyAction, type PolicyActor, type PolicyContext, decide } from '@comity/core/policy/decide';
import { type Marking, NO_LIMITATIONS } from '@comity/core/policy/marking';
import { exampleRequest } from '@comity/core/requests/examples';
import { startNode } from '@comity/server';
import { LIST_POLICY } from '@comity/server/policy/policy-service';
import { ApiClient, makeUser } from '@comity/server/testing/test-node';
import { type Figures, dropSchema, figures, httpLoad, loadAverage, machine, markdownTable } from '../support/load.ts';

const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const CALLS = Number(process.env.BENCH_CALLS ?? 1_000_000);
const PASSWORD = 'benchmark-password-2024';
const ROWS = 200;

// ── decide in core ────────────────────────────────────────────────────────────────────────────

const own = (tlp: Marking['tlp']): Marking => ({
  tlp,
  handling: 'H0',
  handlingNotes: [],
  originators: [{ nodeId: null, organisationId: 'org-a', name: 'Holder', state: 'FRA' }],
  limitations: NO_LIMITATIONS,
});
const received: Marking = {
  tlp: 'AMBER',
  handling: 'H1',
  handlingNotes: [],
  originators: [{ nodeId: 'node-b', organisationId: null, name: 'Peer', state: 'DEU' }],
  limitations: { ...NO_LIMITATIONS, speciality: ['Case 1'], confidential: true },
};
const actor: PolicyActor = { userId: 'u', role: 'practitioner', organisationId: 'org-a' };
const ctx: PolicyContext = { today: '2026-11-29', consents: [] };
const CASES: { label: string; action: PolicyAction; record: MarkedRecord; context: PolicyContext }[] = [
  { label: 'read, own request (common case)', action: { kind: 'read' }, record: { key: 'r1', organisationId: 'org-a', sources: [{ key: 'r1', marking: own('AMBER') }] }, context: ctx },
  { label: 'read, received under speciality', action: { kind: 'read' }, record: { key: 'r2', organisationId: 'org-a', sources: [{ key: 'r2', marking: received }] }, context: ctx },
  {
    label: 'attach, received under speciality (denied)',
    action: { kind: 'attach', to: { key: 'r9', proceedings: 'Case 2', use: 'prosecution' } },
    record: { key: 'r2', organisationId: 'org-a', sources: [{ key: 'r2', marking: received }] },
    context: ctx,
  },
  {
    label: 'transmit, derived from 3 sources, one consent',
    action: { kind: 'transmit', to: { nodeId: 'node-c', organisationId: null } },
    record: {
      key: 'r3',
      organisationId: 'org-a',
      sources: [
        { key: 'r3', marking: own('GREEN') },
        { key: 's1', marking: { ...received, tlp: 'GREEN', handling: 'H0', limitations: { ...NO_LIMITATIONS, speciality: ['Case 1'] } } },
        { key: 's2', marking: own('CLEAR') },
        { key: 's3', marking: { ...received, tlp: 'CLEAR', handling: 'H0', limitations: NO_LIMITATIONS } },
      ],
    },
    context: { today: '2026-11-29', consents: [{ id: 'c1', sourceKey: 's1', action: 'transmit', recipientNodeId: 'node-c' }] },
  },
];

function benchDecide(): { label: string; nsPerCall: number; allow: boolean }[] {
  return CASES.map((c) => {
    let allowed = 0;
    for (let i = 0; i < 50_000; i++) if (decide(actor, c.action, c.record, c.context).allow) allowed++; // warm-up
    const t0 = process.hrtime.bigint();
    allowed = 0;
    for (let i = 0; i < CALLS; i++) if (decide(actor, c.action, c.record, c.context).allow) allowed++;
    const ns = Number(process.hrtime.bigint() - t0) / CALLS;
    return { label: c.label, nsPerCall: ns, allow: allowed === CALLS };
  });
}

// ── GET /api/v1/requests with and without decide ───────────────────────────────────────────────

async function benchList(kind: 'pglite' | 'postgres', databaseUrl?: string): Promise<Figures[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'comity-bench-policy-'));
  const schema = databaseUrl ? `bench_${randomBytes(4).toString('hex')}` : undefined;
  const node = await startNode({ port: 0, host: '127.0.0.1', dataDir, databaseUrl, databaseSchema: schema, log: false, announce: () => {}, webDir: join(dataDir, 'no-web'), loginRateLimit: 1000 });
  try {
    const admin = new ApiClient(node.url);
    await admin.signIn(node.admin!.email, node.admin!.oneTimePassword);
    await admin.call('POST', '/api/v1/account/password', { currentPassword: node.admin!.oneTimePassword, newPassword: PASSWORD }, 204);
    const drafter = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Parquet national financier' });
    const exec = await makeUser(admin, { role: 'practitioner', country: 'DEU', orgName: 'Bundesamt für Justiz' });
    const token = await drafter.client.call<{ token: string }>('POST', '/api/v1/account/tokens', { name: 'benchmark' }, 201);
    const { type, ...content } = exampleRequest('mla', 'DEU', exec.organisationId);
    const markings = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];
    console.error(`${kind}: creating ${ROWS} requests…`);
    for (let i = 0; i < ROWS; i++) {
      await drafter.client.call('POST', '/api/v1/requests', { type, ...content, title: `Request ${i}`, marking: markings[i % 5], useLimitations: { speciality: i % 2 === 0 } }, 201);
    }
    const phase = async (label: string, on: boolean) => {
      LIST_POLICY.decide = on;
      console.error(`${kind}: ${label} (${WARMUP} s warm-up + ${SECONDS} s, ${CONNECTIONS} connections)…`);
      const r = await httpLoad({
        url: node.url,
        headers: { authorization: `Bearer ${token.body.token}` },
        connections: CONNECTIONS,
        steps: [{ name: 'list', method: 'GET', paths: ['/api/v1/requests?limit=50'], expectStatus: 200 }],
        timing: { warmupSeconds: WARMUP, seconds: SECONDS },
      });
      if (r.errors) console.error(`  ${r.errors} errors, first: ${r.firstError}`);
      return figures(label, r);
    };
    const on1 = await phase('GET /api/v1/requests, decide on every row', true);
    const off = await phase('GET /api/v1/requests, list check off (baseline)', false);
    const on2 = await phase('GET /api/v1/requests, decide on every row (again)', true);
    LIST_POLICY.decide = true;
    for (const f of [on1, on2]) f.note = `${(f.perSecond / off.perSecond).toFixed(3)}× baseline`;
    return [off, on1, on2];
  } finally {
    LIST_POLICY.decide = true;
    await node.close();
    rmSync(dataDir, { recursive: true, force: true });
    await dropSchema(databaseUrl, schema);
  }
}

const databaseUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
console.log(`machine: ${machine()}`);
console.log(`load average before: ${loadAverage()}\n`);
const calls = benchDecide();
console.log(markdownTable(['decide case', 'ns per call', 'allowed'], calls.map((c) => [c.label, c.nsPerCall.toFixed(0), c.allow ? 'yes' : 'no'])));
const lists = [{ kind: 'pglite', rows: await benchList('pglite') }];
if (databaseUrl) lists.push({ kind: 'postgres', rows: await benchList('postgres', databaseUrl) });
console.log(`\nload average after: ${loadAverage()}\n`);
console.log(
  markdownTable(
    ['backend', 'phase', 'per second', 'p50 ms', 'p99 ms', 'errors', 'note'],
    lists.flatMap((l) => l.rows.map((f) => [l.kind, f.label, f.perSecond.toFixed(1), f.p50.toFixed(1), f.p99.toFixed(1), f.errors, f.note])),
  ),
);
