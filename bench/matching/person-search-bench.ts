// Local person search at scale on PostgreSQL (issue 13 part 2, "local search p99 on one million entities").
// Not a test: it prints figures.
//
// A node is started on a fresh schema; a practitioner creates one case (through the API) and BENCH_ENTITIES
// Person entities are generated for it (names written in Latin, Cyrillic, Greek or Han script, built from
// syllables or common Chinese name characters, with a birth date and a nationality) and written by COPY
// into `entities` and `entity_person_keys` (the keys computed by `personKeysOfEntity`, what every entity
// write stores). Then BENCH_QUERIES searches go through `searchPersons` as the route calls it, for that
// practitioner (so the case-team restriction is in the SQL): half for planted persons, written in Latin
// letters with noise (a letter changed in one name part, day and month swapped or the year off by one),
// half for persons absent from the database. Prints p50/p99/max, the recall of the planted persons (found
// among the hits at the default threshold) and the hits returned for the absent ones.
//
// Usage (PostgreSQL only):
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/matching/person-search-bench.ts
//   BENCH_ENTITIES=1000000 BENCH_QUERIES=200 … (the 1M run)
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { captionKey } from '@comity/core/entities/entity';
import { personKeysOfEntity } from '@comity/core/matching/ftm-person';
import { startNode } from '@comity/server';
import type { Actor } from '@comity/server/deps';
import { searchPersons } from '@comity/server/entities/person-search';
import { ApiClient, makeUser } from '@comity/server/testing/test-node';
import { sql } from 'kysely';
import pg from 'pg';
import { copyText, copyValue } from '../support/copy.ts';
import { dropSchema, machine, percentile } from '../support/load.ts';

const int = (name: string, dflt: number) => {
  const v = Number(process.env[name] ?? dflt);
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a whole number above 0 (got ${process.env[name]})`);
  return v;
};
const ENTITIES = int('BENCH_ENTITIES', 100_000);
const QUERIES = int('BENCH_QUERIES', 200);
const WARMUP = 10;
const CHUNK = 20_000;
const PASSWORD = 'benchmark-password-2024';
const databaseUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
if (!databaseUrl) {
  console.error('person-search-bench runs on PostgreSQL only: set TEST_DATABASE_URL (or DATABASE_URL).');
  process.exit(2);
}
const uptime = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

// ---- generated persons (seeded) -------------------------------------------------------------------

// mulberry32: a full-period 32-bit generator (integer arithmetic with Math.imul, no float overflow).
let seed = 13;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

const ONSETS = ['b', 'd', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'g', 'f'];
const VOWELS = ['a', 'e', 'i', 'o', 'u'];
const syllable = () => pick(ONSETS) + pick(VOWELS);
const latinPart = () => {
  const n = 2 + Math.floor(rnd() * 2);
  let s = '';
  for (let i = 0; i < n; i++) s += syllable();
  if (rnd() < 0.5) s += pick(['n', 'r', 's', 'v']);
  return s[0]!.toUpperCase() + s.slice(1);
};
const CYRILLIC: Record<string, string> = { a: 'а', b: 'б', d: 'д', e: 'е', f: 'ф', g: 'г', i: 'и', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', z: 'з' };
const GREEK: Record<string, string> = { a: 'α', b: 'μπ', d: 'ντ', e: 'ε', f: 'φ', g: 'γκ', i: 'ι', k: 'κ', l: 'λ', m: 'μ', n: 'ν', o: 'ο', p: 'π', r: 'ρ', s: 'σ', t: 'τ', u: 'ου', v: 'β', z: 'ζ' };
const inScript = (latin: string, map: Record<string, string>) => {
  const s = [...latin.toLowerCase()].map((c) => map[c] ?? c).join('');
  return s[0]!.toUpperCase() + s.slice(1);
};
const HAN_SURNAMES: [string, string][] = [['王', 'Wang'], ['李', 'Li'], ['张', 'Zhang'], ['刘', 'Liu'], ['陈', 'Chen'], ['杨', 'Yang'], ['黄', 'Huang'], ['赵', 'Zhao'], ['吴', 'Wu'], ['周', 'Zhou'], ['徐', 'Xu'], ['孙', 'Sun'], ['马', 'Ma'], ['朱', 'Zhu'], ['胡', 'Hu'], ['郭', 'Guo']];
const HAN_GIVEN: [string, string][] = [['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'], ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'], ['秀', 'xiu'], ['英', 'ying'], ['华', 'hua'], ['平', 'ping'], ['刚', 'gang'], ['桂', 'gui'], ['文', 'wen'], ['辉', 'hui']];

interface Person {
  /** As stored. */
  name: string;
  /** The same name in Latin letters (what a requesting authority would write). */
  latin: string;
  birthDate: string;
  nationality: string;
}

function person(): Person {
  const y = 1940 + Math.floor(rnd() * 65);
  const m = 1 + Math.floor(rnd() * 12);
  const d = 1 + Math.floor(rnd() * 28);
  const birthDate = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const script = rnd();
  if (script < 0.15) {
    const [sh, sl] = pick(HAN_SURNAMES);
    const given = rnd() < 0.7 ? [pick(HAN_GIVEN), pick(HAN_GIVEN)] : [pick(HAN_GIVEN)];
    return { name: sh + given.map((g) => g[0]).join(''), latin: `${sl} ${given.map((g, i) => (i ? g[1] : g[1][0]!.toUpperCase() + g[1].slice(1))).join('')}`, birthDate, nationality: 'cn' };
  }
  const given = latinPart();
  const surname = latinPart();
  const latin = `${given} ${surname}`;
  if (script < 0.45) return { name: `${inScript(given, CYRILLIC)} ${inScript(surname, CYRILLIC)}`, latin, birthDate, nationality: 'ru' };
  if (script < 0.55) return { name: `${inScript(given, GREEK)} ${inScript(surname, GREEK)}`, latin, birthDate, nationality: 'gr' };
  return { name: latin, latin, birthDate, nationality: pick(['fr', 'de', 'it', 'es', 'nl', 'ke', 'ng', 'br']) };
}

/** The planted person as a requesting authority might write it: Latin letters, one letter changed, the date a little off. */
function noisy(p: Person): { name: string; birthDate: string } {
  const parts = p.latin.split(' ');
  const i = Math.floor(rnd() * parts.length);
  const w = parts[i]!;
  if (w.length > 4 && rnd() < 0.5) {
    const at = 1 + Math.floor(rnd() * (w.length - 2));
    parts[i] = w.slice(0, at) + pick(VOWELS) + w.slice(at + 1);
  }
  if (rnd() < 0.3) parts.reverse();
  const [y, m, d] = p.birthDate.split('-');
  const r = rnd();
  // Day and month swapped only where the swap is a date (day ≤ 12); otherwise the year is off by one.
  const birthDate = r < 0.33 && Number(d) <= 12 ? `${y}-${d}-${m}` : r < 0.66 ? `${Number(y) + (rnd() < 0.5 ? -1 : 1)}-${m}-${d}` : p.birthDate;
  return { name: parts.join(' '), birthDate };
}

// ---- COPY -----------------------------------------------------------------------------------------


// ---- the run --------------------------------------------------------------------------------------

const dataDir = mkdtempSync(join(tmpdir(), 'comity-bench-search-'));
const schema = `bench_search_${randomBytes(4).toString('hex')}`;
console.log(`machine: ${machine()}`);
console.log(`load average before (1/5/15 min): ${uptime()}`);
console.log(`sizes: ${ENTITIES} Person entities in one case; ${QUERIES} searches (half planted with noise, half absent) + ${WARMUP} warm-up`);
const node = await startNode({ port: 0, host: '127.0.0.1', dataDir, databaseUrl, databaseSchema: schema, log: false, announce: () => {}, webDir: join(dataDir, 'no-web'), loginRateLimit: 1000 });
const client = new pg.Client({ connectionString: databaseUrl, options: `-c search_path=${schema}` });
await client.connect();
try {
  const version = (await sql<{ v: string }>`select version() as v`.execute(node.deps.db)).rows[0]?.v ?? '?';
  console.log(`database: ${version.split(' on ')[0]} (schema ${schema})\n`);
  const admin = new ApiClient(node.url);
  await admin.signIn(node.admin?.email ?? '', node.admin?.oneTimePassword ?? '');
  await admin.call('POST', '/api/v1/account/password', { currentPassword: node.admin?.oneTimePassword, newPassword: PASSWORD }, 204);
  const user = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Parquet national financier' });
  const actor: Actor = { userId: user.userId, email: user.email, role: 'practitioner', organisationId: user.organisationId, mustChangePassword: false, via: 'token' };
  const who = { actor, requestId: 'bench-person-search' };
  const caseId = (await user.client.call<{ id: string }>('POST', '/api/v1/cases', { title: 'Bench', marking: 'AMBER' }, 201)).body.id;
  // One entity through the API: its marking is the one every generated entity gets.
  const first = (await user.client.call<{ id: string }>('POST', `/api/v1/cases/${caseId}/entities`, { schema: 'Person', properties: { name: ['Seed Person'] } }, 201)).body.id;
  const marking = (await node.deps.db.selectFrom('entities').select('marking').where('id', '=', first).executeTakeFirstOrThrow()).marking;

  // Fill: generated persons, COPY into entities and entity_person_keys. Every 10th one (at most QUERIES/2) is planted.
  const planted: { id: string; person: Person }[] = [];
  const plantEvery = Math.max(1, Math.floor(ENTITIES / (QUERIES / 2)));
  const now = new Date().toISOString();
  const t0 = performance.now();
  let keyCount = 0;
  for (let start = 0; start < ENTITIES; start += CHUNK) {
    const entityLines: string[] = [];
    const keyLines: string[] = [];
    for (let i = start; i < Math.min(ENTITIES, start + CHUNK); i++) {
      const p = person();
      const id = randomUUID();
      const properties = { name: [p.name], birthDate: [p.birthDate], nationality: [p.nationality] };
      entityLines.push(
        `${[id, actor.organisationId, caseId, `p-${i}`, 'Person', 'f', p.name, captionKey(p.name), JSON.stringify(properties), JSON.stringify(marking), '[]', 1, actor.userId, now, now].map(copyValue).join('\t')}\n`,
      );
      for (const k of personKeysOfEntity('Person', properties)) keyLines.push(`${copyValue(k)}\t${id}\n`);
      if (i % plantEvery === 0 && planted.length < QUERIES / 2) planted.push({ id, person: p });
    }
    keyCount += keyLines.length;
    await copyText(client, 'copy entities (id, organisation_id, case_id, ftm_id, schema, is_link, caption, caption_key, properties, marking, sources, version, created_by, created_at, updated_at) from stdin', entityLines);
    await copyText(client, 'copy entity_person_keys (key, entity_id) from stdin', keyLines);
    process.stderr.write(`filled ${Math.min(ENTITIES, start + CHUNK)} … \r`);
  }
  await client.query('analyze entities');
  await client.query('analyze entity_person_keys');
  const fillS = (performance.now() - t0) / 1000;
  console.log(`fill: ${ENTITIES} entities and ${keyCount} keys (${(keyCount / ENTITIES).toFixed(1)} per entity) in ${fillS.toFixed(1)} s (keys computed, COPY, ANALYZE)`);

  // Queries: planted (noisy) and absent, interleaved.
  const queries: { name: string; birthDate: string; expect: string | null }[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const plant = planted[i >> 1];
    if (i % 2 === 0 && plant) queries.push({ ...noisy(plant.person), expect: plant.id });
    else {
      const p = person();
      queries.push({ name: p.latin, birthDate: p.birthDate, expect: null });
    }
  }
  for (let i = 0; i < WARMUP; i++) await searchPersons(node.deps, who, queries[i % queries.length]!);
  const ms: number[] = [];
  let found = 0;
  let plantedAsked = 0;
  let absentHits = 0;
  let candidates = 0;
  const missed: string[] = [];
  for (const q of queries) {
    const t = performance.now();
    const r = await searchPersons(node.deps, who, { name: q.name, birthDate: q.birthDate });
    ms.push(performance.now() - t);
    candidates += r.candidates;
    if (q.expect) {
      plantedAsked++;
      if (r.hits.some((h) => h.row.id === q.expect)) found++;
      else if (missed.length < 5) missed.push(`${q.name} ${q.birthDate}`);
    } else absentHits += r.hits.length;
  }
  ms.sort((a, b) => a - b);
  console.log(`searches: ${queries.length}; p50 ${percentile(ms, 50).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms, max ${ms[ms.length - 1]?.toFixed(1)} ms; ${(candidates / queries.length).toFixed(0)} candidates scored per search on average`);
  console.log(`recall of planted persons (threshold 0.7): ${found}/${plantedAsked} = ${((100 * found) / Math.max(1, plantedAsked)).toFixed(1)} %; hits returned for ${queries.length - plantedAsked} absent persons: ${absentHits}`);
  if (missed.length) console.log(`some missed: ${missed.join('; ')}`);
  console.log(`\nload average after (1/5/15 min): ${uptime()}`);
} finally {
  await client.end().catch(() => {});
  await node.close();
  rmSync(dataDir, { recursive: true, force: true });
  await dropSchema(databaseUrl, schema);
}
