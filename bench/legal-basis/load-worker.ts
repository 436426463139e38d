// Load generator for http-latency.ts, run in a worker thread so that it does not share the node's
// event loop: `connections` keep-alive connections each send the next request as soon as the
// previous one is answered, until `count` requests were sent (after `warmup` unmeasured ones).
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

export interface LoadSpec {
  url: string;
  paths: string[];
  connections: number;
  warmup: number;
  count: number;
}

export interface LoadResult {
  latenciesMs: number[];
  seconds: number;
  errors: number;
  firstError: string | null;
}

const spec = workerData as LoadSpec;
const agent = new Agent({ keepAlive: true, maxSockets: spec.connections });
const target = new URL(spec.url);

function get(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: target.hostname, port: target.port, path, agent, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function run(total: number, measure: boolean): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: string | null = null;
  const started = performance.now();
  const connection = async () => {
    for (let i = next++; i < total; i = next++) {
      const path = spec.paths[i % spec.paths.length] as string;
      const t = performance.now();
      try {
        const status = await get(path);
        if (status !== 200) {
          errors++;
          firstError ??= `HTTP ${status} for ${path}`;
        }
      } catch (err) {
        errors++;
        firstError ??= (err as Error).message;
      }
      if (measure) latenciesMs.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: spec.connections }, connection));
  return { latenciesMs, seconds: (performance.now() - started) / 1000, errors, firstError };
}

await run(spec.warmup, false);
const result = await run(spec.count, true);
agent.destroy();
parentPort?.postMessage(result);
