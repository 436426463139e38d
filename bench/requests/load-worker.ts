// One load-generator thread for the requests benchmark: `connections` keep-alive HTTP connections,
// each creating a request and then submitting it (an audited transition that runs the
// completeness check), one after the other, as fast as the node answers.
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

export interface RequestLoadSpec {
  url: string;
  token: string;
  /** The JSON body of POST /api/v1/requests. */
  createBody: string;
  connections: number;
  warmupSeconds: number;
  seconds: number;
}

export interface RequestLoadResult {
  /** Milliseconds for create + submit, for every pair started inside the measured window. */
  latenciesMs: number[];
  errors: number;
  firstError: string | null;
  seconds: number;
}

function call(agent: Agent, spec: RequestLoadSpec, path: string, body: string): Promise<{ status: number; text: string }> {
  const target = new URL(path, spec.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: { authorization: `Bearer ${spec.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(spec: RequestLoadSpec): Promise<RequestLoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: spec.connections });
  const start = performance.now();
  const measureFrom = start + spec.warmupSeconds * 1000;
  const end = measureFrom + spec.seconds * 1000;
  const latenciesMs: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const connection = async () => {
    for (;;) {
      const t0 = performance.now();
      if (t0 >= end) return;
      try {
        const created = await call(agent, spec, '/api/v1/requests', spec.createBody);
        if (created.status !== 201) throw new Error(`create: HTTP ${created.status} ${created.text.slice(0, 200)}`);
        const id = (JSON.parse(created.text) as { id: string }).id;
        const submitted = await call(agent, spec, `/api/v1/requests/${id}/transitions`, JSON.stringify({ action: 'submit' }));
        if (submitted.status !== 200) throw new Error(`submit: HTTP ${submitted.status} ${submitted.text.slice(0, 200)}`);
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
  void run(workerData as RequestLoadSpec).then((result) => port.postMessage(result));
}
