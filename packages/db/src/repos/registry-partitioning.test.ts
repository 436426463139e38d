// The partitioned registry layout of docs/registries-partitioning.md, on PostgreSQL (issue 14
// part 7): the doc's DDL (its `-- [partitioned layout]` blocks) builds the layout in a schema of its
// own; a few hundred generated seizures and incidents go into it and into the plain layout of
// migration 023; the list and backtracking queries of the product return the same records on both,
// and EXPLAIN shows that a query for a period reads only the partitions of that period.
// PGlite: skipped (one in-process database, no point testing a layout for large servers there).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { generateDemoData } from '@comity/core/seizures/demo-data';
import { type IccsEntry, type ReferenceLists, type SpeciesEntry, type SubstanceEntry, checkIncident, checkSeizure, itemName, nameKey, normaliseImo } from '@comity/core/seizures/seizure';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from '../migrate.ts';
import type { Database } from '../schema.ts';
import { testBackends } from '../testing.ts';
import { type RelatedHit, backtrackOrigin, findRelated } from './backtracking-repo.ts';
import { listSeizures } from './seizures-repo.ts';

const DOC = new URL('../../../../docs/registries-partitioning.md', import.meta.url);
const UNTIL = '2026-10-31';

/** The doc's ```sql blocks that start with `-- [partitioned layout]`, in order. */
export function partitionedLayoutDdl(markdown: string): string {
  const blocks = [...markdown.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1] as string).filter((b) => b.startsWith('-- [partitioned layout]'));
  if (blocks.length === 0) throw new Error('no "-- [partitioned layout]" sql block in the partitioning guide');
  return blocks.join('\n');
}

interface Handle {
  db: Kysely<Database>;
  pool: pg.Pool;
  logged: { sql: string; parameters: readonly unknown[] }[];
}

function open(url: string, schema: string): Handle {
  const pool = new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` });
  const logged: Handle['logged'] = [];
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: (e) => void logged.push({ sql: e.query.sql, parameters: e.query.parameters }) });
  return { db, pool, logged };
}

// The shipped reference lists (data/registries), as the server reads them.
const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../../../data/registries/${name}`, import.meta.url), 'utf8')) as T;
const LISTS: ReferenceLists = {
  iccs: read<{ codes: IccsEntry[] }>('iccs.json').codes,
  species: read<{ species: SpeciesEntry[] }>('species.json').species,
  substances: read<{ substances: SubstanceEntry[] }>('substances.json').substances,
};

const backends = testBackends();
const postgres = backends.find((b) => b.name === 'postgres');
if (backends.some((b) => b.name === 'pglite')) console.log('# registry-partitioning: skipped on PGlite — declarative partitioning is for PostgreSQL servers; runs with TEST_DATABASE_URL');

describe('the partitioned registry layout on postgres', { skip: postgres ? false : 'PostgreSQL only (set TEST_DATABASE_URL)' }, () => {
  let plainSchema: string | undefined;
  let partSchema: string | undefined;
  let plain: Handle;
  let part: Handle;
  const org = randomUUID();
  const seizureIds: string[] = [];
  const imos: string[] = [];

  before(async () => {
    const backend = postgres as NonNullable<typeof postgres>;
    const url = backend.databaseUrl as string;
    plainSchema = await backend.newSchema();
    partSchema = await backend.newSchema();
    plain = open(url, plainSchema as string);
    part = open(url, partSchema as string);
    await migrateToLatest(plain.db);
    await migrateToLatest(part.db);
    // The partitioned schema: the registry tables of migration 023 replaced by the guide's.
    await sql`drop table registry_parties, seizure_route_stops, seizure_items, seizures, maritime_incidents`.execute(part.db);
    await sql.raw(partitionedLayoutDdl(readFileSync(DOC, 'utf8'))).execute(part.db);
    await sql`select registry_add_month(m::date) from generate_series(date '2024-10-01', date '2026-11-01', interval '1 month') m`.execute(part.db);

    const now = new Date(`${UNTIL}T12:00:00Z`);
    const data = generateDemoData(LISTS, { seed: 7, seizures: 300, incidents: 40, until: UNTIL });
    const rows = { seizures: [] as Record<string, unknown>[], items: [] as Record<string, unknown>[], stops: [] as Record<string, unknown>[], parties: [] as Record<string, unknown>[], incidents: [] as Record<string, unknown>[], seizureRefs: [] as Record<string, unknown>[], incidentRefs: [] as Record<string, unknown>[] };
    for (const input of data.seizures) {
      const c = checkSeizure(LISTS, input, now);
      assert.ok(c.ok, `generated seizure ${input.reference} is valid`);
      const s = c.seizure;
      const id = randomUUID();
      seizureIds.push(id);
      if (s.conveyance?.vesselImo) imos.push(normaliseImo(s.conveyance.vesselImo));
      rows.seizures.push({ id, organisation_id: org, reference: input.reference, occurred_at: c.at, time_known: c.timeKnown, country: s.country, place: s.place ?? null, latitude: s.latitude ?? null, longitude: s.longitude ?? null, location_kind: s.locationKind, location_point: s.locationPoint ?? null, authority: s.authority, detection_method: s.detectionMethod, conveyance_type: s.conveyanceType, conveyance: JSON.stringify(s.conveyance ?? {}), vessel_imo: s.conveyance?.vesselImo ? normaliseImo(s.conveyance.vesselImo) : null, iccs_code: s.iccsCode, marking: 'AMBER', handling: 'H0', sources: '[]', search_text: nameKey([input.reference, s.place, ...s.items.map(itemName), ...(s.parties ?? []).map((p) => p.name)].join(' ')), created_at: now, updated_at: now });
      rows.seizureRefs.push({ organisation_id: org, reference: input.reference, seizure_id: id, occurred_at: c.at });
      for (const [position, item] of s.items.entries()) rows.items.push({ id: randomUUID(), seizure_id: id, position, domain: item.domain, name: itemName(item), name_key: nameKey(itemName(item)), quantity: item.quantity ?? null, unit: item.unit ?? null, details: JSON.stringify(item), _at: c.at });
      for (const [position, stop] of (s.route ?? []).entries()) rows.stops.push({ seizure_id: id, position, stage: stop.stage, country: stop.country, port: stop.port ?? null, port_key: stop.port ? nameKey(stop.port) : null, _at: c.at });
      for (const [position, p] of (s.parties ?? []).entries()) rows.parties.push({ id: randomUUID(), seizure_id: id, incident_id: null, position, role: p.role, party_kind: p.kind, name: p.name, name_key: nameKey(p.name), identifier: p.identifier ?? null, identifier_key: p.identifier ? p.identifier.replace(/\D/g, '') : null, _at: c.at });
    }
    for (const input of data.incidents) {
      const c = checkIncident(LISTS, input, now);
      assert.ok(c.ok, `generated incident ${input.reference} is valid`);
      const i = c.incident;
      const id = randomUUID();
      rows.incidents.push({ id, organisation_id: org, reference: input.reference, occurred_at: c.at, time_known: c.timeKnown, latitude: i.latitude, longitude: i.longitude, area: i.area ?? null, country: i.country ?? null, vessel_name: i.vessel.name, vessel_imo: i.vessel.imo ?? null, vessel_flag: i.vessel.flag ?? null, vessel_type: i.vessel.type, vessel_status: i.vesselStatus, kind: i.kind, narrative: i.narrative, crew: JSON.stringify(i.crew ?? {}), reporting_source: i.reportingSource, iccs_code: i.iccsCode as string, marking: 'AMBER', handling: 'H0', sources: '[]', search_text: nameKey(input.reference), created_at: now, updated_at: now });
      rows.incidentRefs.push({ organisation_id: org, reference: input.reference, incident_id: id, occurred_at: c.at });
      for (const [position, p] of (i.parties ?? []).entries()) rows.parties.push({ id: randomUUID(), seizure_id: null, incident_id: id, position, role: p.role, party_kind: p.kind, name: p.name, name_key: nameKey(p.name), identifier: null, identifier_key: null, _at: c.at });
    }
    const strip = (xs: Record<string, unknown>[]) => xs.map(({ _at, ...r }) => r);
    const withKey = (xs: Record<string, unknown>[], col: string) => xs.map(({ _at, ...r }) => ({ ...r, [col]: _at }));
    for (const h of [plain, part]) await h.db.insertInto('organisations').values({ id: org, name: 'Customs KEN', country: 'KEN', kind: 'customs', created_at: now } as never).execute();
    // The same rows in both; the partitioned layout's children carry their record's time (the guide's change 1).
    const load = async (h: Handle, partitioned: boolean) => {
      const ins = (table: string, values: Record<string, unknown>[]) => (values.length ? h.db.insertInto(table as 'seizures').values(values as never).execute() : Promise.resolve());
      await ins('seizures', rows.seizures);
      await ins('maritime_incidents', rows.incidents);
      await ins('seizure_items', partitioned ? withKey(rows.items, 'seizure_occurred_at') : strip(rows.items));
      await ins('seizure_route_stops', partitioned ? withKey(rows.stops, 'seizure_occurred_at') : strip(rows.stops));
      await ins('registry_parties', partitioned ? withKey(rows.parties, 'record_occurred_at') : strip(rows.parties));
      if (partitioned) {
        await ins('seizure_references', rows.seizureRefs);
        await ins('incident_references', rows.incidentRefs);
      }
      await sql`analyze`.execute(h.db);
    };
    await load(plain, false);
    await load(part, true);
  });

  after(async () => {
    await plain?.db.destroy();
    await part?.db.destroy();
    await postgres?.dropSchema(plainSchema);
    await postgres?.dropSchema(partSchema);
  });

  test('every record went to the partition of its month, none to the default partitions', async () => {
    const counts = await sql<{ table: string; n: number }>`
      select tableoid::regclass::text as table, count(*)::int as n from seizures group by 1`.execute(part.db);
    assert.ok(counts.rows.length >= 20, `seizures spread over ${counts.rows.length} monthly partitions`);
    assert.ok(counts.rows.every((r) => /^seizures_\d{4}_\d{2}$/.test(r.table)));
    for (const t of ['seizures_default', 'seizure_items_default', 'seizure_route_stops_default', 'registry_parties_default', 'maritime_incidents_default']) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(part.db);
      assert.equal(rows[0]?.n, 0, `${t} is empty`);
    }
    // One partition holds exactly that month's seizures.
    const march = await sql<{ n: number }>`select count(*)::int as n from seizures_2026_03`.execute(part.db);
    const plainMarch = await sql<{ n: number }>`select count(*)::int as n from seizures where occurred_at >= '2026-03-01T00:00:00Z' and occurred_at < '2026-04-01T00:00:00Z'`.execute(plain.db);
    assert.equal(march.rows[0]?.n, plainMarch.rows[0]?.n);
    assert.ok((plainMarch.rows[0]?.n ?? 0) > 0);
  });

  test('the filtered list returns the same seizures, in the same order, on both layouts', async () => {
    const filters = [
      { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-05-01T00:00:00Z') },
      { domain: 'wildlife' },
      { country: 'KEN', from: new Date('2025-06-01T00:00:00Z') },
      { nameKey: 'cocaine', to: new Date('2026-01-01T00:00:00Z') },
      { vesselImo: imos[0] },
      { search: 'blue ocean' },
      { iccsCode: '1003', from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-12-31T00:00:00Z') },
    ];
    for (const f of filters) {
      for (const offset of [0, 20]) {
        const a = await listSeizures(plain.db, { organisationId: org, ...f, limit: 20, offset });
        const b = await listSeizures(part.db, { organisationId: org, ...f, limit: 20, offset });
        assert.ok(a.total > 0, `the filter ${JSON.stringify(f)} finds something`);
        assert.equal(b.total, a.total, `same total for ${JSON.stringify(f)}`);
        assert.deepEqual(
          b.rows.map((r) => r.reference),
          a.rows.map((r) => r.reference),
        );
        assert.deepEqual(b.rows, a.rows);
      }
    }
  });

  const sorted = (h: RelatedHit) => ({ ...h, shared: [...h.shared].sort((x, y) => `${x.kind} ${x.value}`.localeCompare(`${y.kind} ${y.value}`)) });

  test('backtracking finds the same records with the same shared elements on both layouts', async () => {
    for (const id of seizureIds.slice(0, 12)) {
      const origin = await backtrackOrigin(plain.db, 'seizure', id);
      const originPart = await backtrackOrigin(part.db, 'seizure', id);
      assert.ok(origin);
      assert.deepEqual(originPart, origin);
      for (const windowDays of [30, 365]) {
        const a = await findRelated(plain.db, origin, { windowDays, scope: { organisationId: org }, limit: 500 });
        const b = await findRelated(part.db, origin, { windowDays, scope: { organisationId: org }, limit: 500 });
        assert.ok(a.length > 0);
        // The elements of one hit come in the order their queries answered (they run in parallel).
        assert.deepEqual(b.map(sorted), a.map(sorted));
      }
    }
  });

  /** The partitions a statement reads, from its EXPLAIN. */
  async function partitionsRead(h: Handle, statement: { sql: string; parameters: readonly unknown[] }, table: string): Promise<string[]> {
    const { rows } = await h.pool.query(`explain (costs off) ${statement.sql}`, statement.parameters as unknown[]);
    const plan = rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    return [...new Set([...plan.matchAll(new RegExp(`\\b(${table}_(?:\\d{4}_\\d{2}|default))\\b`, 'g'))].map((m) => m[1] as string))].sort();
  }

  test('a list for a period reads only the partitions of that period', async () => {
    part.logged.length = 0;
    await listSeizures(part.db, { organisationId: org, from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-05-01T00:00:00Z'), limit: 20, offset: 0 });
    const statement = part.logged.find((q) => /from "seizures"/.test(q.sql) && /limit/.test(q.sql));
    assert.ok(statement, 'the list statement was seen');
    assert.deepEqual(await partitionsRead(part, statement, 'seizures'), ['seizures_2026_03', 'seizures_2026_04']);
    // Without a period every month is read (and the default partition): pruning is what the period buys.
    part.logged.length = 0;
    await listSeizures(part.db, { organisationId: org, limit: 20, offset: 0 });
    const all = part.logged.find((q) => /from "seizures"/.test(q.sql) && /limit/.test(q.sql));
    assert.ok(all);
    const every = await partitionsRead(part, all, 'seizures');
    assert.ok(every.length > 20 && every.includes('seizures_default'), `an unrestricted list reads ${every.length} partitions`);
  });

  test('backtracking within a window reads only the months of the window', async () => {
    const id = seizureIds.find((_, i) => imos[i]) as string;
    const origin = await backtrackOrigin(part.db, 'seizure', id);
    assert.ok(origin?.vesselImo);
    part.logged.length = 0;
    await findRelated(part.db, origin, { windowDays: 30, scope: { organisationId: org }, limit: 100 });
    const vessel = part.logged.find((q) => /from "seizures" as "s"/.test(q.sql) && /"vessel_imo" =/.test(q.sql));
    assert.ok(vessel, 'the vessel statement was seen');
    const read = await partitionsRead(part, vessel, 'seizures');
    const months = new Set<string>();
    for (let d = origin.occurredAt.getTime() - 30 * 86_400_000; d <= origin.occurredAt.getTime() + 30 * 86_400_000; d += 86_400_000) months.add(`seizures_${new Date(d).toISOString().slice(0, 7).replace('-', '_')}`);
    // Months after the last partition created fall in the default partition.
    const expected = [...months].map((m) => (m > 'seizures_2026_11' ? 'seizures_default' : m));
    assert.deepEqual(read, [...new Set(expected)].sort());
    assert.ok(read.length <= 3);
  });

  test('children are pruned too when the query carries their partition key (the guide’s change 3)', async () => {
    const statement = { sql: `select i.name from seizures s join seizure_items i on i.seizure_id = s.id and i.seizure_occurred_at = s.occurred_at where s.occurred_at >= $1 and s.occurred_at < $2 and i.seizure_occurred_at >= $1 and i.seizure_occurred_at < $2`, parameters: ['2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'] };
    assert.deepEqual(await partitionsRead(part, statement, 'seizure_items'), ['seizure_items_2026_03']);
    // Joined by id alone, every month's items are probed.
    const byId = { sql: 'select i.name from seizures s join seizure_items i on i.seizure_id = s.id where s.occurred_at >= $1 and s.occurred_at < $2', parameters: statement.parameters };
    assert.ok((await partitionsRead(part, byId, 'seizure_items')).length > 20);
  });

  test('the reference stays unique per organisation through seizure_references', async () => {
    const first = await sql<{ reference: string }>`select reference from seizures limit 1`.execute(part.db);
    const reference = first.rows[0]?.reference as string;
    await assert.rejects(
      sql`insert into seizure_references (organisation_id, reference, seizure_id, occurred_at) select organisation_id, reference, id, occurred_at from seizures where reference = ${reference}`.execute(part.db),
      (err: Error & { code?: string }) => err.code === '23505',
    );
  });
});
