// One load-generator thread, apart from the node's event loop: `connections` keep-alive HTTP
// connections, each sending its next request as soon as the previous answer arrived.
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  /** JSON body; every `{n}` becomes a number unique within the run (unique names for writes). */
  bodyTemplate?: string;
  connections: number;
  warmupSeconds: number;
  seconds: number;
  expectStatus: number;
}

export interface LoadResult {
  /** Latency in milliseconds of every request started inside the measured window. */
  latenciesMs: number[];
  errors: number;
  firstError: string | null;
  seconds: number;
}

function once(agent: Agent, spec: LoadSpec, body: string | undefined): Promise<number> {
  const target = new URL(spec.path, spec.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: spec.method,
        headers: { ...spec.headers, ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }) },
      },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: spec.connections });
  const start = performance.now();
  const measureFrom = start + spec.warmupSeconds * 1000;
  const end = measureFrom + spec.seconds * 1000;
  const latenciesMs: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let n = 0;
  const connection = async () => {
    for (;;) {
      const t0 = performance.now();
      if (t0 >= end) return;
      const body = spec.bodyTemplate?.replaceAll('{n}', String(n++));
      try {
        const status = await once(agent, spec, body);
        if (status !== spec.expectStatus) throw new Error(`HTTP ${status}`);
        if (t0 >= measureFrom) latenciesMs.push(performance.now() - t0);
      } catch (err) {
        if (t0 >= measureFrom) errors++;
        firstError ??= (err as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: spec.connections }, connection));
  agent.destroy();
  return { latenciesMs, errors, firstError, seconds: spec.seconds };
}

if (parentPort) {
  const port = parentPort;
  void run(workerData as LoadSpec).then((result) => port.postMessage(result));
}
