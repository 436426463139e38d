// The committed API contract: packages/contract/openapi.json (sorted, byte-stable) and the
// TypeScript types generated from it, which the web UI compiles against. `npm run openapi:sync`
// writes both; openapi-contract.test.ts fails when either differs from what the server produces.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from '../app.ts';
import { REPO_ROOT } from '../config.ts';
import type { AppDeps } from '../deps.ts';
import { createMetrics } from '../http/metrics.ts';
import { openNodeStore, VERSION } from '../node-store.ts';
import { loadCapabilities } from '../routes/registry.ts';

export const CONTRACT_DOCUMENT_PATH = join(REPO_ROOT, 'packages/contract/openapi.json');
export const CONTRACT_TYPES_PATH = join(REPO_ROOT, 'packages/contract/src/generated/openapi.ts');
export const SYNC_COMMAND = 'npm run openapi:sync';

type Json = Record<string, unknown>;

/** The document a node serves, built in-process on a throw-away PGlite node (nothing listens). */
export async function buildOpenApiDocument(): Promise<Json> {
  const dataDir = mkdtempSync(join(tmpdir(), 'comity-openapi-'));
  const store = await openNodeStore({ dataDir, purpose: 'openapi' });
  try {
    const config = { port: 0, host: '127.0.0.1', dataDir, log: false, announce: () => {}, webDir: join(dataDir, 'no-web') };
    const deps: AppDeps = { ...store.deps, config, metrics: createMetrics(), version: VERSION };
    const capabilities = await loadCapabilities(deps);
    const app = await buildApp(
      deps,
      capabilities.flatMap((c) => (c.routes ? [c.routes] : [])),
    );
    try {
      await app.ready();
      return structuredClone(app.swagger()) as unknown as Json;
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Object keys sorted at every depth; arrays keep their order (it can carry meaning). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    const out: Json = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Json)[key]);
    return out;
  }
  return value;
}

export function renderDocument(document: unknown): string {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}

const TYPES_HEADER = `// GENERATED FILE, do not edit. Written by \`${SYNC_COMMAND}\` with openapi-typescript from
// packages/contract/openapi.json, the document the server serves at /api/openapi.json.
`;

/** TypeScript types (`paths`, `components`, `operations`) for the rendered document. */
export async function generateTypes(renderedDocument: string): Promise<string> {
  // defaultNonNullable off: a field with a default may be left out of a request body.
  const ast = await openapiTS(JSON.parse(renderedDocument) as Parameters<typeof openapiTS>[0], { defaultNonNullable: false });
  return TYPES_HEADER + astToString(ast);
}

export function readCommitted(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
