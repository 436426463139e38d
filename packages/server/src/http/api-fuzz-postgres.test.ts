// The API fuzz sweep on PostgreSQL, when TEST_DATABASE_URL is set (see testing/api-fuzz-suite.ts).
import { testBackends } from '@comity/db/testing';
import { apiFuzzSuite } from '../testing/api-fuzz-suite.ts';

for (const backend of testBackends()) if (backend.name === 'postgres') apiFuzzSuite(backend);
