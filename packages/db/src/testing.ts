// Test support: the database backends every integration test runs on. PGlite (in memory or in a
// temporary folder) always; PostgreSQL too when TEST_DATABASE_URL is set, each test in its own schema.
// TEST_BACKENDS (comma-separated names) narrows the list.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestBackend {
  name: 'pglite' | 'postgres';
  databaseUrl?: string;
  /** A fresh schema for one test on PostgreSQL; undefined on PGlite. */
  newSchema(): Promise<string | undefined>;
  dropSchema(schema: string | undefined): Promise<void>;
}

export function testBackends(): TestBackend[] {
  const backends: TestBackend[] = [
    { name: 'pglite', newSchema: async () => undefined, dropSchema: async () => {} },
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    backends.push({
      name: 'postgres',
      databaseUrl: url,
      async newSchema() {
        const schema = `t_${randomBytes(6).toString('hex')}`;
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`create schema ${schema}`);
        } finally {
          await client.end();
        }
        return schema;
      },
      async dropSchema(schema) {
        if (!schema) return;
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`drop schema if exists ${schema} cascade`);
        } finally {
          await client.end();
        }
      },
    });
  }
  // TEST_BACKENDS=postgres (or pglite) runs one of them only, e.g. to re-run a PostgreSQL failure.
  const only = process.env.TEST_BACKENDS?.split(',').map((b) => b.trim()).filter(Boolean);
  return only?.length ? backends.filter((b) => only.includes(b.name)) : backends;
}
