// `npm run openapi:sync`: writes the API document the server produces (packages/contract/openapi.json,
// sorted and stable) and the TypeScript types generated from it (packages/contract/src/generated/
// openapi.ts). `-- --check` writes nothing and exits 1 when either file is out of date, listing the
// changes that would break existing clients.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { REPO_ROOT } from '../packages/server/src/config.ts';
import { breakingChanges } from '../packages/server/src/openapi/breaking-changes.ts';
import {
  buildOpenApiDocument,
  CONTRACT_DOCUMENT_PATH,
  CONTRACT_TYPES_PATH,
  generateTypes,
  readCommitted,
  renderDocument,
} from '../packages/server/src/openapi/contract-files.ts';

const check = process.argv.includes('--check');
const document = renderDocument(await buildOpenApiDocument());
const types = await generateTypes(document);
const committedDocument = readCommitted(CONTRACT_DOCUMENT_PATH);
const breaking = committedDocument ? breakingChanges(JSON.parse(committedDocument), JSON.parse(document)) : [];
if (breaking.length) {
  console.log(`Breaking changes against the committed document (${breaking.length}):`);
  for (const line of breaking) console.log(`  - ${line}`);
  console.log('Accept them only on purpose: see "Changing the HTTP API" in CONTRIBUTING.md.');
}

let stale = 0;
for (const [path, text] of [
  [CONTRACT_DOCUMENT_PATH, document],
  [CONTRACT_TYPES_PATH, types],
] as const) {
  const name = relative(REPO_ROOT, path);
  if (readCommitted(path) === text) {
    console.log(`${name}: up to date`);
    continue;
  }
  stale++;
  if (check) {
    console.log(`${name}: out of date`);
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`${name}: written`);
  }
}
if (check && stale) {
  console.log('Run `npm run openapi:sync` and commit the result.');
  process.exitCode = 1;
}
