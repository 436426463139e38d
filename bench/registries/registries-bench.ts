// The seizure registry at scale on PostgreSQL (issue 14 part 7). Not a test: it prints figures.
//
// 1. Import rate: BENCH_IMPORT_ROWS seizures from the shipped demo generator (fixed seed), as CSV
//    files of BENCH_IMPORT_BATCH seizures, through `runSeizureImport` (what POST
//    /api/v1/seizures/import and `comity seizures import` run: parse, map, check every row, one
//    audited transaction per file) — beside PostgreSQL COPY of the very rows that import stored
//    (dumped from its tables, not timed) into a fresh schema with the same tables and indexes.
// 2. Queries: the registry is filled up to BENCH_SEIZURES seizures (and BENCH_SEIZURES / 50
//    maritime incidents) by COPY of generated rows (built as the service builds them), analysed,
//    and then the filtered list (`searchSeizures`), the map (`seizureMap`) and backtracking
//    (`relatedRecords`, 365-day default window and 30 days) are called as their routes call them,
//    for a supervisor of the holding organisation, over BENCH_QUERIES random filters each; p50/p99.
//    At the end, EXPLAIN (ANALYZE, BUFFERS) of the slowest SQL statement of the slowest call.
//
// Usage (PostgreSQL only):
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:registries
//   BENCH_SEIZURES=1000000 BENCH_IMPORT_ROWS=100000 … (the real runs: 1M and 10M, on a quiet machine)
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoData, seizuresAsCsv } from '@comity/core/seizures/demo-data';
import { type IncidentInput, type SeizureInput, checkIncident, checkSeizure, defaultSeizureIccs, itemName, nameKey } from '@comity/core/seizures/seizure';
import { migrateToLatest, openDatabase } from '@comity/db';
import type { Database } from '@comity/db';
import { startNode } from '@comity/server';
import type { Actor } from '@comity/server/deps';
import { relatedRecords } from '@comity/server/seizures/backtracking-service';
import { seizureMap } from '@comity/server/seizures/map-service';
import { referenceLists } from '@comity/server/seizures/reference-lists';
import { runSeizureImport } from '@comity/server/seizures/seizure-routes';
import { identifierKey, incidentContentColumns, incidentSearchText, searchSeizures, seizureContentColumns, seizureSearchText } from '@comity/server/seizures/seizure-service';
import { ApiClient, makeUser } from '@comity/server/testing/test-node';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { copyText, copyValue } from '../support/copy.ts';
import { dropSchema, machine, markdownTable, percentile } from '../support/load.ts';

const int = (name: string, dflt: number) => {
  const v = Number(process.env[name] ?? dflt);
  if (!Number.isInteger(v) || v < 0) throw new Error(`${name} must be a whole number (got ${process.env[name]})`);
  return v;
};
const SEIZURES = int('BENCH_SEIZURES', 100_000);
const IMPORT_ROWS = Math.min(SEIZURES, int('BENCH_IMPORT_ROWS', 5_000));
const IMPORT_BATCH = Math.max(1, int('BENCH_IMPORT_BATCH', 1_000));
const QUERIES = Math.max(1, int('BENCH_QUERIES', 300));
const WARMUP = 20;
const SEED = int('BENCH_SEED', 14);
const CHUNK = 10_000;
const UNTIL = '2026-10-31';
const PASSWORD = 'benchmark-password-2024';

const databaseUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
if (!databaseUrl) {
  console.error('bench:registries runs on PostgreSQL only: set TEST_DATABASE_URL (or DATABASE_URL).');
  process.exit(2);
}
const uptime = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

// ---- generated data -------------------------------------------------------------------------------

const lists = referenceLists();
type Gen = SeizureInput & { reference: string };
/** Seizures [start, end) of the run: chunk k is the generator's output for seed SEED + k, renumbered. */
function* seizuresIn(start: number, end: number): Generator<Gen[]> {
  for (let k = Math.floor(start / CHUNK); k * CHUNK < end; k++) {
    const { seizures } = generateDemoData(lists, { seed: SEED + k, seizures: CHUNK, incidents: 0, until: UNTIL });
    const from = Math.max(start, k * CHUNK) - k * CHUNK;
    const to = Math.min(end, (k + 1) * CHUNK) - k * CHUNK;
    yield seizures.slice(from, to).map((s, i) => ({ ...s, reference: `BENCH-SZ-${String(k * CHUNK + from + i + 1).padStart(8, '0')}` }));
  }
}
function* incidentsIn(count: number): Generator<(IncidentInput & { reference: string })[]> {
  for (let k = 0; k * CHUNK < count; k++) {
    const n = Math.min(CHUNK, count - k * CHUNK);
    const { incidents } = generateDemoData(lists, { seed: SEED + 1_000_000 + k, seizures: 0, incidents: n, until: UNTIL });
    yield incidents.map((x, i) => ({ ...x, reference: `BENCH-MI-${String(k * CHUNK + i + 1).padStart(8, '0')}` }));
  }
}

// ---- rows as the service stores them (seizure-service.ts insertCheckedSeizure / createIncident) --

type Row = Record<string, unknown>;
interface Rows {
  seizures: Row[];
  seizure_items: Row[];
  seizure_route_stops: Row[];
  registry_parties: Row[];
  maritime_incidents: Row[];
}
const emptyRows = (): Rows => ({ seizures: [], seizure_items: [], seizure_route_stops: [], registry_parties: [], maritime_incidents: [] });

function partyRows(parties: SeizureInput['parties'], owner: Row): Row[] {
  return (parties ?? []).map((p, position) => ({ id: randomUUID(), ...owner, position, role: p.role, entity_id: null, party_kind: p.kind, name: p.name, name_key: nameKey(p.name), identifier: p.identifier ?? null, identifier_key: p.identifier ? identifierKey(p.identifier) : null }));
}

function addSeizure(out: Rows, org: string, user: string, now: Date, input: Gen): void {
  const c = checkSeizure(lists, input, now);
  if (!c.ok) throw new Error(`generated seizure ${input.reference} is invalid: ${JSON.stringify(c.problems)}`);
  const s = c.seizure;
  const id = randomUUID();
  out.seizures.push({
    id,
    organisation_id: org,
    case_id: null,
    reference: input.reference,
    ...seizureContentColumns(c),
    marking: 'AMBER',
    handling: 'H0',
    sources: '[]',
    search_text: seizureSearchText(input.reference, s),
    version: 1,
    created_by: user,
    created_at: now,
    updated_at: now,
  });
  s.items.forEach((item, position) => {
    const name = itemName(item);
    out.seizure_items.push({ id: randomUUID(), seizure_id: id, position, domain: item.domain, name, name_key: nameKey(name), quantity: item.quantity ?? null, unit: item.unit ?? null, details: JSON.stringify(item) });
  });
  for (const [position, stop] of (s.route ?? []).entries()) out.seizure_route_stops.push({ seizure_id: id, position, stage: stop.stage, country: stop.country, port: stop.port ?? null, port_key: stop.port ? nameKey(stop.port) : null });
  out.registry_parties.push(...partyRows(s.parties, { seizure_id: id, incident_id: null }));
}

function addIncident(out: Rows, org: string, user: string, now: Date, input: IncidentInput & { reference: string }): void {
  const c = checkIncident(lists, input, now);
  if (!c.ok) throw new Error(`generated incident ${input.reference} is invalid: ${JSON.stringify(c.problems)}`);
  const i = c.incident;
  const id = randomUUID();
  out.maritime_incidents.push({
    id,
    organisation_id: org,
    case_id: null,
    reference: input.reference,
    ...incidentContentColumns(c),
    marking: 'AMBER',
    handling: 'H0',
    sources: '[]',
    search_text: incidentSearchText(input.reference, i),
    version: 1,
    created_by: user,
    created_at: now,
    updated_at: now,
  });
  out.registry_parties.push(...partyRows(i.parties, { seizure_id: null, incident_id: id }));
}

// ---- COPY -----------------------------------------------------------------------------------------


/** COPY … FROM STDIN of `rows` (text format; columns from the first row), on `client`. */
async function copyRows(client: pg.Client, table: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0] as Row);
  const lines = rows.map((r) => `${cols.map((c) => copyValue(r[c])).join('\t')}\n`);
  await copyText(client, `copy ${table} (${cols.join(', ')}) from stdin`, lines);
}


async function dumpTable(client: pg.Client, statement: string): Promise<string[]> {
  const out: string[] = [];
  const stream = client.query(copyTo(statement));
  for await (const chunk of stream) out.push(String(chunk));
  return out;
}

async function pgClient(schema: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl, options: `-c search_path=${schema}` });
  await client.connect();
  return client;
}

const CHILD_TABLES = ['seizure_items', 'seizure_route_stops', 'registry_parties'] as const;
const ALL_TABLES = ['seizures', ...CHILD_TABLES] as const;

// ---- the run --------------------------------------------------------------------------------------

const loadBefore = uptime();
const dataDir = mkdtempSync(join(tmpdir(), 'comity-bench-reg-'));
const schema = `bench_reg_${randomBytes(4).toString('hex')}`;
const copySchema = `${schema}_copy`;
console.log(`machine: ${machine()}`);
console.log(`load average before (1/5/15 min): ${loadBefore}`);
console.log(`sizes: ${SEIZURES} seizures, ${Math.floor(SEIZURES / 50)} maritime incidents; import ${IMPORT_ROWS} seizures in files of ${IMPORT_BATCH}; ${QUERIES} queries per kind (+${WARMUP} warm-up); seed ${SEED}`);
const node = await startNode({ port: 0, host: '127.0.0.1', dataDir, databaseUrl, databaseSchema: schema, log: false, announce: () => {}, webDir: join(dataDir, 'no-web'), loginRateLimit: 1000 });
const client = await pgClient(schema);
try {
  const version = (await sql<{ v: string }>`select version() as v`.execute(node.deps.db)).rows[0]?.v ?? '?';
  console.log(`database: ${version.split(' on ')[0]} (schema ${schema})\n`);
  const admin = new ApiClient(node.url);
  await admin.signIn(node.admin?.email ?? '', node.admin?.oneTimePassword ?? '');
  await admin.call('POST', '/api/v1/account/password', { currentPassword: node.admin?.oneTimePassword, newPassword: PASSWORD }, 204);
  const user = await makeUser(admin, { role: 'supervisor', country: 'KEN', orgName: 'Kenya Revenue Authority' });
  const actor: Actor = { userId: user.userId, email: user.email, role: 'supervisor', organisationId: user.organisationId, mustChangePassword: false, via: 'token' };
  const who = { actor, requestId: 'bench-registries' };

  // 1. Import through the product path, then COPY of the same rows.
  let csvRows = 0;
  let importMs = 0;
  for (const batch of seizuresIn(0, IMPORT_ROWS)) {
    for (let i = 0; i < batch.length; i += IMPORT_BATCH) {
      const csv = seizuresAsCsv(batch.slice(i, i + IMPORT_BATCH));
      csvRows += csv.split('\n').length - 2;
      const t0 = performance.now();
      const r = await runSeizureImport(node.deps, who, { format: 'csv', content: csv });
      importMs += performance.now() - t0;
      if (r.problems.length) throw new Error(`import problems: ${JSON.stringify(r.problems.slice(0, 3))}`);
    }
    process.stderr.write(`imported up to ${(batch.at(-1) as Gen).reference} … \r`);
  }
  const dumps: Record<string, string[]> = {};
  for (const t of ALL_TABLES) dumps[t] = await dumpTable(client, `copy ${t} to stdout`);
  const opened = await openDatabase({ databaseUrl, schema: copySchema });
  try {
    await migrateToLatest(opened.db);
  } finally {
    await opened.close();
  }
  const copyClient = await pgClient(copySchema);
  let copyMs = 0;
  try {
    await copyClient.query(`insert into organisations select * from ${schema}.organisations where id = $1`, [actor.organisationId]);
    const t0 = performance.now();
    for (const t of ALL_TABLES) await copyText(copyClient, `copy ${t} from stdin`, dumps[t] ?? []);
    copyMs = performance.now() - t0;
    for (const t of ALL_TABLES) {
      const a = (await client.query(`select count(*)::int as n from ${t}`)).rows[0].n;
      const b = (await copyClient.query(`select count(*)::int as n from ${t}`)).rows[0].n;
      if (a !== b) throw new Error(`${t}: ${a} rows imported but ${b} copied`);
    }
  } finally {
    await copyClient.end();
  }
  const counts = (await client.query('select (select count(*) from seizure_items)::int as items, (select count(*) from seizure_route_stops)::int as stops, (select count(*) from registry_parties)::int as parties')).rows[0];
  const importRate = (IMPORT_ROWS * 1000) / importMs;
  const copyRate = (IMPORT_ROWS * 1000) / copyMs;
  console.log(`import: ${IMPORT_ROWS} seizures (${csvRows} CSV rows; ${counts.items} items, ${counts.stops} route stops, ${counts.parties} parties)`);
  console.log(
    markdownTable(
      ['path', 'seconds', 'seizures/s', 'CSV rows/s', 'vs COPY'],
      [
        ['runSeizureImport (CSV → checks → audited transaction per file)', (importMs / 1000).toFixed(1), importRate.toFixed(0), ((csvRows * 1000) / importMs).toFixed(0), `${(importRate / copyRate).toFixed(3)}×`],
        ['PostgreSQL COPY of the same rows (4 tables, same indexes)', (copyMs / 1000).toFixed(1), copyRate.toFixed(0), ((csvRows * 1000) / copyMs).toFixed(0), '1×'],
      ],
    ),
  );

  // 2. Fill the registry up to SEIZURES by COPY, then the queries.
  const now = node.deps.now();
  const t1 = performance.now();
  const sample = { species: new Set<string>(), substances: new Set<string>(), names: new Set<string>(), imos: new Set<string>() };
  for (const batch of seizuresIn(0, Math.min(SEIZURES, 2_000)))
    for (const s of batch) {
      for (const it of s.items) {
        if (it.domain === 'wildlife') sample.species.add(it.species);
        else if (it.domain === 'drugs') sample.substances.add(it.substance);
        else sample.names.add(itemName(it));
      }
      if (s.conveyance?.vesselImo) sample.imos.add(s.conveyance.vesselImo);
    }
  for (const batch of seizuresIn(IMPORT_ROWS, SEIZURES)) {
    const rows = emptyRows();
    for (const s of batch) addSeizure(rows, actor.organisationId, actor.userId, now, s);
    await client.query('begin');
    for (const t of ALL_TABLES) await copyRows(client, t, rows[t]);
    await client.query('commit');
    process.stderr.write(`loaded up to ${(batch.at(-1) as Gen).reference} … \r`);
  }
  for (const batch of incidentsIn(Math.floor(SEIZURES / 50))) {
    const rows = emptyRows();
    for (const x of batch) addIncident(rows, actor.organisationId, actor.userId, now, x);
    await client.query('begin');
    await copyRows(client, 'maritime_incidents', rows.maritime_incidents);
    await copyRows(client, 'registry_parties', rows.registry_parties);
    await client.query('commit');
  }
  await client.query('vacuum analyze seizures, seizure_items, seizure_route_stops, registry_parties, maritime_incidents');
  const loadMs = performance.now() - t1;
  const total = (await client.query('select count(*)::int as n from seizures')).rows[0].n;
  console.log(`\nregistry filled by COPY to ${total} seizures in ${(loadMs / 1000).toFixed(0)} s (with VACUUM ANALYZE)\n`);

  // Random filters (seeded), the kinds of question the list and the map are asked.
  let x = SEED * 2654435761;
  const rnd = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const countries = ['KEN', 'TZA', 'NGA', 'MYS', 'VNM', 'SGP', 'ARE', 'BEL', 'NLD', 'ECU', 'BRA', 'ESP', 'DEU', 'ETH', 'QAT'];
  const domains = ['wildlife', 'drugs', 'tobacco', 'medical', 'other'] as const;
  const words = ['blue ocean', 'sahel', 'jade dragon', 'mombasa', 'maersk', 'nova pharma', 'manchester'];
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const end = Date.parse(`${UNTIL}T00:00:00Z`);
  function period(): { from: string; to: string } {
    const days = pick([7, 30, 90, 365]);
    const start = end - Math.floor(rnd() * (730 - days)) * 86_400_000 - days * 86_400_000;
    return { from: day(start), to: day(start + days * 86_400_000) };
  }
  type F = Record<string, string | undefined>;
  const parts: (() => F)[] = [
    () => ({ domain: pick(domains) }),
    () => ({ country: pick(countries) }),
    () => period(),
    () => ({ species: pick([...sample.species]) }),
    () => ({ substance: pick([...sample.substances]) }),
    () => ({ name: pick([...sample.names]) }),
    () => ({ vesselImo: pick([...sample.imos]) }),
    () => ({ iccs: defaultSeizureIccs(pick(domains)) }),
    () => ({ q: pick(words) }),
  ];
  const filter = (forMap: boolean): F => {
    const f: F = {};
    const n = 1 + Math.floor(rnd() * 3);
    for (let i = 0; i < n; i++) Object.assign(f, pick(forMap ? parts.slice(0, 6) : parts)());
    if (f.species && f.substance) delete f.substance;
    if (f.from === undefined && rnd() < 0.3) Object.assign(f, period());
    return f;
  };
  const ids = (await client.query(`select id from seizures order by md5(id::text || $1) limit ${QUERIES + WARMUP}`, [String(SEED)])).rows.map((r: { id: string }) => r.id);

  interface Kind {
    label: string;
    call: (i: number, deps: typeof node.deps) => Promise<number>;
  }
  const kinds: Kind[] = [
    { label: 'filtered list (50 per page)', call: async (_i, deps) => (await searchSeizures(deps, who, { ...filter(false), limit: 50, offset: 0 })).total },
    { label: 'map (up to 1000 points)', call: async (_i, deps) => (await seizureMap(deps, who, { ...filter(true), ...(rnd() < 0.3 ? { bbox: '-20,-35,60,40' } : {}), limit: 1000 })).features.length },
    { label: 'backtracking, 365-day window', call: async (i, deps) => (await relatedRecords(deps, who, 'seizure', ids[i % ids.length] as string, {})).items.length },
    { label: 'backtracking, 30-day window', call: async (i, deps) => (await relatedRecords(deps, who, 'seizure', ids[i % ids.length] as string, { windowDays: 30 })).items.length },
  ];
  const results: string[][] = [];
  let slowest: { kind: Kind; i: number; rngState: number; ms: number } | undefined;
  for (const kind of kinds) {
    const ms: number[] = [];
    let hits = 0;
    for (let i = 0; i < WARMUP + QUERIES; i++) {
      const state = x;
      const t0 = performance.now();
      hits += await kind.call(i, node.deps);
      const took = performance.now() - t0;
      if (i < WARMUP) continue;
      ms.push(took);
      if (!slowest || took > slowest.ms) slowest = { kind, i, rngState: state, ms: took };
    }
    ms.sort((a, b) => a - b);
    results.push([kind.label, String(ms.length), percentile(ms, 50).toFixed(1), percentile(ms, 99).toFixed(1), (ms.at(-1) ?? 0).toFixed(1), (hits / (WARMUP + QUERIES)).toFixed(0)]);
    process.stderr.write(`${kind.label}: done          \n`);
  }
  console.log(`queries on ${total} seizures, called in-process as the routes call them, one after another:`);
  console.log(markdownTable(['query', 'calls', 'p50 ms', 'p99 ms', 'max ms', 'mean total / points / related'], results));

  // The slowest call again, on a logging handle: EXPLAIN the slowest statement it ran.
  if (slowest) {
    const logged: { sql: string; parameters: readonly unknown[]; ms: number }[] = [];
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, options: `-c search_path=${schema}` });
    const logDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: (e) => void logged.push({ sql: e.query.sql, parameters: e.query.parameters, ms: e.queryDurationMillis }) });
    try {
      x = slowest.rngState;
      await slowest.kind.call(slowest.i, { ...node.deps, db: logDb });
      const sum = logged.reduce((a, q) => a + q.ms, 0);
      // The slowest statement on the registry's own tables (the per-record look-ups are counted above).
      const worst = [...logged].sort((a, b) => b.ms - a.ms).find((q) => /"(seizures|seizure_items|seizure_route_stops|registry_parties|maritime_incidents)"/.test(q.sql));
      console.log(`\nslowest call: ${slowest.kind.label}, ${slowest.ms.toFixed(1)} ms; run again on a logging handle it sent ${logged.length} SQL statements, ${sum.toFixed(1)} ms in all`);
      if (worst) {
        const plan = await pool.query(`explain (analyze, buffers) ${worst.sql}`, worst.parameters as unknown[]);
        console.log(`its slowest statement on the registry tables (${worst.ms.toFixed(1)} ms):\n${worst.sql}\nparameters: ${JSON.stringify(worst.parameters).slice(0, 400)}\n`);
        console.log(plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
      }
    } finally {
      await logDb.destroy();
    }
  }
  console.log(`\nload average after (1/5/15 min): ${uptime()}`);
} finally {
  await client.end().catch(() => {});
  await node.close();
  rmSync(dataDir, { recursive: true, force: true });
  await dropSchema(databaseUrl, schema);
  await dropSchema(databaseUrl, copySchema);
}
