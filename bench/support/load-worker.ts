// Worker-thread entry of the HTTP load generator: `httpLoad` in ./load.ts starts it with an
// `HttpLoadSpec` as its workerData, and it answers with the `LoadResult`.
import { parentPort, workerData } from 'node:worker_threads';
import { type HttpLoadSpec, runHttpLoad } from './load.ts';

if (parentPort) {
  const port = parentPort;
  void runHttpLoad(workerData as HttpLoadSpec).then((result) => port.postMessage(result));
}
