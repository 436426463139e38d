// A/B of the audited statement's round trips (not a test): the write the API bench measures
// (`POST /api/v1/organisations`: the organisation and its audit entry in one statement), done
// directly on a node's database without HTTP, alternately the way before 2026-11-30 h16 (the
// entry's number by a `nextval` round trip, then the statement) and now (the number and the hash
// taken in the statement itself), in rounds, at 32 concurrent writers. Prints per round writes/s
// and the node's main-thread CPU ms per write, so the two can be compared in one run on a loaded
// machine. Usage: TEST_DATABASE_URL=… node --import tsx bench/api/audit-write-ab.ts
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuditInput, prepareAuditEntry } from '@comity/core';
import { type Database, insertOrganisationIfNameFree, writeWithAudit } from '@comity/db';
import { startNode } from '@comity/server';
import { type Compilable, type Kysely, type OperationNodeSource, sql } from 'kysely';
import { dropSchema, loadAverage, mainThreadCpuMs } from '../support/load.ts';

type Ports = { hasher: { sha256Hex(t: string): string }; now: () => Date };

/** The statement as it was before: a round trip for the numbers, then the change and the entries. */
async function twoRoundTrips<R>(db: Kysely<Database>, ports: Ports, change: Compilable<R> & OperationNodeSource, inputs: readonly AuditInput[]): Promise<R[]> {
  const numbers = await sql<{ seq: number }>`select nextval('audit_entries_seq_gen')::integer as seq from generate_series(1, ${inputs.length})`.execute(db);
  const seqs = numbers.rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
  const entries = inputs.map((input, i) => prepareAuditEntry(ports.hasher, seqs[i]!, input, ports.now()));
  const audits = entries.map(
    (e, i) => sql`audit_${sql.raw(String(i))} as (insert into audit_entries (seq, at, actor_id, actor_email, organisation_id, action, target, request_id, digest, prev_hash, hash, change)
      select ${e.seq}::integer, ${e.at}::text, ${e.actorId}::uuid, ${e.actorEmail}::text, ${e.organisationId}::uuid, ${e.action}::text, ${e.target}::text,
        ${e.requestId}::text, ${e.digest}::text, ${e.prevHash}::text, ${e.hash}::text, ${JSON.stringify(e.change)}::jsonb
      where exists (select 1 from change))`,
  );
  return (await sql<R>`with change as (${change}), ${sql.join(audits)} select * from change`.execute(db)).rows;
}

const databaseUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
const WRITES = Number(process.env.BENCH_WRITES ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const dataDir = mkdtempSync(join(tmpdir(), 'comity-bench-'));
const schema = databaseUrl ? `bench_${randomBytes(4).toString('hex')}` : undefined;
const node = await startNode({ port: 0, host: '127.0.0.1', dataDir, databaseUrl, databaseSchema: schema, log: false, announce: () => {}, webDir: join(dataDir, 'no-web') });
try {
  const { db, hasher, now } = node.deps;
  const run = async (mode: 'before' | 'after') => {
    let next = 0;
    const one = async () => {
      const id = randomUUID();
      const name = `AB ${mode} ${id}`;
      const change = insertOrganisationIfNameFree(db, { id, name, country: 'FRA', kind: 'police', createdAt: now() });
      const audit = [{ actorId: null, actorEmail: 'bench@example.org', organisationId: null, action: 'organisation.create', target: `organisation:${id}`, requestId: 'bench', change: { name, country: 'FRA', kind: 'police' } }];
      if (mode === 'before') await twoRoundTrips(db, { hasher, now }, change, audit);
      else await writeWithAudit(db, { hasher, now }, change, audit);
    };
    const cpu0 = mainThreadCpuMs();
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 32 }, async () => {
      while (next++ < WRITES) await one();
    }));
    const seconds = (performance.now() - t0) / 1000;
    return { perSecond: WRITES / seconds, cpuMs: (mainThreadCpuMs() - cpu0) / WRITES };
  };
  console.log(`${databaseUrl ? 'postgres' : 'pglite'}, ${WRITES} writes per round, 32 concurrent, load before ${loadAverage()}`);
  console.log('| round | before: writes/s | before: CPU ms/write | after: writes/s | after: CPU ms/write | after ÷ before writes/s |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  await run('after'); // warm-up of both paths
  await run('before');
  for (let r = 1; r <= ROUNDS; r++) {
    const b = await run('before');
    const a = await run('after');
    console.log(`| ${r} | ${b.perSecond.toFixed(0)} | ${b.cpuMs.toFixed(3)} | ${a.perSecond.toFixed(0)} | ${a.cpuMs.toFixed(3)} | ${(a.perSecond / b.perSecond).toFixed(2)} |`);
  }
  await node.deps.auditSequencer?.flush();
  console.log(`load after ${loadAverage()}`);
} finally {
  await node.close();
  rmSync(dataDir, { recursive: true, force: true });
  await dropSchema(databaseUrl, schema);
}
