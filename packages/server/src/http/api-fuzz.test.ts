// The API fuzz sweep on PGlite (see testing/api-fuzz-suite.ts for what it checks). PostgreSQL has
// its own file, api-fuzz-postgres.test.ts, so that each backend gets the runner's per-file timeout.
import { testBackends } from '@comity/db/testing';
import { apiFuzzSuite } from '../testing/api-fuzz-suite.ts';

for (const backend of testBackends()) if (backend.name === 'pglite') apiFuzzSuite(backend);
