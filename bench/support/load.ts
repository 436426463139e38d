// The benchmarks' shared load generator and figures: concurrent loops bounded by time or by count,
// HTTP load from `connections` keep-alive connections in a worker thread (so that it does not share
// the event loop of the node under test), the plain-INSERT baseline, nearest-rank percentiles and
// Markdown tables.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Database } from '@comity/db';
import { type Kysely, sql } from 'kysely';

/**
 * How long a load runs. By time: every iteration started in the `seconds` after `warmupSeconds` is
 * measured. By count: `warmupRequests` unmeasured iterations, then `requests` measured ones.
 */
export type LoadTiming = { warmupSeconds: number; seconds: number } | { warmupRequests: number; requests: number };

export interface LoadResult {
  /** Milliseconds of every measured iteration that succeeded (failed ones are counted in `errors`). */
  latenciesMs: number[];
  errors: number;
  /** The first error of a measured iteration. */
  firstError: string | null;
  /** The measured seconds: the window when bounded by time, the elapsed time when bounded by count. */
  seconds: number;
}

interface Turn {
  /** The iteration's index within its phase (warm-up and measured phases each count from 0). */
  index: number;
  t0: number;
  measured: boolean;
}

async function drive(concurrency: number, next: () => Turn | null, iteration: (index: number) => Promise<unknown>): Promise<Omit<LoadResult, 'seconds'>> {
  const latenciesMs: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const loop = async () => {
    for (let turn = next(); turn; turn = next()) {
      try {
        await iteration(turn.index);
        if (turn.measured) latenciesMs.push(performance.now() - turn.t0);
      } catch (err) {
        if (turn.measured) {
          errors++;
          firstError ??= err instanceof Error ? err.message : String(err);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { latenciesMs, errors, firstError };
}

/** `concurrency` loops, each starting its next iteration as soon as its previous one ended. */
export async function runLoops(concurrency: number, timing: LoadTiming, iteration: (index: number) => Promise<unknown>): Promise<LoadResult> {
  if ('seconds' in timing) {
    const measureFrom = performance.now() + timing.warmupSeconds * 1000;
    const end = measureFrom + timing.seconds * 1000;
    let index = 0;
    const next = (): Turn | null => {
      const t0 = performance.now();
      return t0 >= end ? null : { index: index++, t0, measured: t0 >= measureFrom };
    };
    return { ...(await drive(concurrency, next, iteration)), seconds: timing.seconds };
  }
  const phase = async (count: number, measured: boolean): Promise<LoadResult> => {
    let index = 0;
    const started = performance.now();
    const next = (): Turn | null => (index < count ? { index: index++, t0: performance.now(), measured } : null);
    const tally = await drive(concurrency, next, iteration);
    return { ...tally, seconds: (performance.now() - started) / 1000 };
  };
  await phase(timing.warmupRequests, false);
  return phase(timing.requests, true);
}

// ---- HTTP load ----------------------------------------------------------------------------------

export interface HttpStep {
  /** Names the step in error messages (default: method and path). */
  name?: string;
  method: 'GET' | 'POST';
  /**
   * Paths on `url`, taken in turn: iteration i asks `paths[i % paths.length]`. `{id}` becomes the
   * `id` of the previous step's JSON answer.
   */
  paths: string[];
  /** JSON body; every `{n}` becomes a number unique within the run (unique names for writes). */
  body?: string;
  expectStatus: number;
}

export interface HttpLoadSpec {
  url: string;
  headers: Record<string, string>;
  connections: number;
  /** One iteration: these requests one after the other; its latency is from sending the first to reading the whole last answer. */
  steps: HttpStep[];
  timing: LoadTiming;
}

/** Runs the HTTP load in this thread; `httpLoad` runs it in a worker thread. */
export async function runHttpLoad(spec: HttpLoadSpec): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: spec.connections });
  const target = new URL(spec.url);
  // An answer is read only when the next step needs its id, or for the message of an error.
  const keepAnswer = spec.steps.map((_, i) => spec.steps[i + 1]?.paths.some((p) => p.includes('{id}')) ?? false);
  const send = (step: HttpStep, path: string, body: string | undefined, keep: boolean) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const headers = body === undefined ? spec.headers : { ...spec.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
      const req = request({ agent, host: target.hostname, port: target.port, path, method: step.method, headers }, (res) => {
        const status = res.statusCode ?? 0;
        res.on('error', reject);
        if (!keep && status === step.expectStatus) {
          res.resume();
          res.on('end', () => resolve({ status, text: '' }));
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status, text: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end(body);
    });
  let n = 0;
  const iteration = async (index: number) => {
    const unique = String(n++);
    let previous = '';
    for (const [i, step] of spec.steps.entries()) {
      let path = step.paths[index % step.paths.length]!;
      if (path.includes('{id}')) path = path.replaceAll('{id}', (JSON.parse(previous) as { id: string }).id);
      const body = step.body?.includes('{n}') ? step.body.replaceAll('{n}', unique) : step.body;
      const answer = await send(step, path, body, keepAnswer[i]!);
      if (answer.status !== step.expectStatus) throw new Error(`${step.name ?? `${step.method} ${path}`}: HTTP ${answer.status} ${answer.text.slice(0, 200)}`.trimEnd());
      previous = answer.text;
    }
  };
  try {
    return await runLoops(spec.connections, spec.timing, iteration);
  } finally {
    agent.destroy();
  }
}

/** Runs the HTTP load in its own thread (./load-worker.ts), so it does not share the node's event loop. */
export function httpLoad(spec: HttpLoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    // Worker threads on Node 20 do not inherit `--import tsx`; the worker registers tsx itself.
    const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((t) => { t.register(); return import(${JSON.stringify(new URL('./load-worker.ts', import.meta.url).href)}); });`;
    const worker = new Worker(boot, { eval: true, workerData: spec });
    worker.once('message', (r: LoadResult) => resolve(r));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`load generator exited with ${code}`)));
  });
}

// ---- the database: the plain-INSERT baseline, the throw-away schema ------------------------------

/**
 * Plain single-row INSERTs (autocommit) into a scratch table, the baseline for writes. On PostgreSQL
 * (`database.url`): `connections` loops on a pool of their own, so that every loop has a connection,
 * in the node's schema. On PGlite, one connection in the node's process: one loop, serially on that
 * connection (`nodeDb`).
 */
export async function insertBaseline(nodeDb: Kysely<Database>, database: { url?: string; schema?: string }, connections: number, timing: LoadTiming): Promise<Figures> {
  if (!database.url) return insertLoops(nodeDb, 1, timing);
  // Imported here, so that the load generator's worker thread, which imports this module, does not load it.
  const { openDatabase } = await import('@comity/db');
  const own = await openDatabase({ databaseUrl: database.url, schema: database.schema, poolSize: connections });
  try {
    return await insertLoops(own.db, connections, timing);
  } finally {
    await own.close();
  }
}

async function insertLoops(db: Kysely<Database>, concurrency: number, timing: LoadTiming): Promise<Figures> {
  await sql`create table if not exists bench_scratch (id uuid primary key, name text not null, created_at timestamptz not null)`.execute(db);
  const r = await runLoops(concurrency, timing, () => sql`insert into bench_scratch (id, name, created_at) values (${randomUUID()}, ${`row ${randomBytes(4).toString('hex')}`}, ${new Date()})`.execute(db));
  await sql`drop table bench_scratch`.execute(db);
  return figures('plain INSERT (baseline)', r, `${concurrency} concurrent`);
}

/** Drops a benchmark's throw-away PostgreSQL schema; nothing to do without a URL (PGlite). */
export async function dropSchema(databaseUrl: string | undefined, schema: string | undefined): Promise<void> {
  if (!databaseUrl || !schema) return;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
}

// ---- figures ------------------------------------------------------------------------------------

/** Nearest-rank percentile of ascending `sorted`; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

export interface Figures {
  label: string;
  /** Measured iterations that succeeded. */
  count: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  note: string;
}

export function figures(label: string, r: Pick<LoadResult, 'latenciesMs' | 'seconds' | 'errors'>, note = ''): Figures {
  const sorted = [...r.latenciesMs].sort((a, b) => a - b);
  return { label, count: sorted.length, perSecond: sorted.length / r.seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? Number.NaN, errors: r.errors, note };
}

/** A Markdown table: the head, a `---` row, then the rows. */
export function markdownTable(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** `2 × AMD EPYC…, 23.5 GiB RAM, Node v20…`: what the figures were measured on. */
export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`;
}

/**
 * CPU milliseconds (user + system) this process's main thread has used, from Linux's per-thread
 * /proc/self/task/<pid>/stat (10 ms resolution); NaN elsewhere. Unlike requests per second, it
 * hardly moves when other work on the machine takes the cores, so figures from a loaded machine can
 * still be compared. The load generator's worker thread is not counted.
 */
export function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name (which is in parentheses and may hold spaces): utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/** The 1-minute load average: other work on the machine skews every figure. */
export function loadAverage(): string {
  return loadavg()[0]!.toFixed(2);
}
