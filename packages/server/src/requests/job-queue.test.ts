// The SQL splitter that lets pg-boss's migration scripts run through PGlite's one statement at a time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import PgBoss from 'pg-boss';
import { splitSqlStatements } from './job-queue.ts';

test('splits at top-level semicolons only', () => {
  const script = `
    BEGIN;
    SELECT 'a;b', "we;ird", $$ body; with; semicolons $$;
    CREATE FUNCTION f() RETURNS void AS $fn$ BEGIN PERFORM 1; END; $fn$ LANGUAGE plpgsql;
    -- a comment; with a semicolon
    /* block; comment */ SELECT 'it''s; fine';
    COMMIT;`;
  assert.deepEqual(splitSqlStatements(script), [
    'BEGIN',
    `SELECT 'a;b', "we;ird", $$ body; with; semicolons $$`,
    'CREATE FUNCTION f() RETURNS void AS $fn$ BEGIN PERFORM 1; END; $fn$ LANGUAGE plpgsql',
    `-- a comment; with a semicolon\n    /* block; comment */ SELECT 'it''s; fine'`,
    'COMMIT',
  ]);
  assert.deepEqual(splitSqlStatements('SELECT $1::int'), ['SELECT $1::int'], 'a parameter is not a dollar quote');
});

test('pg-boss\u2019s own schema script splits into statements that each stand alone', () => {
  const statements = splitSqlStatements(PgBoss.getConstructionPlans('pgboss'));
  assert.equal(statements[0], 'BEGIN');
  assert.equal(statements.at(-1), 'COMMIT');
  const fn = statements.find((s) => s.startsWith('CREATE FUNCTION pgboss.create_queue'));
  assert.ok(fn?.endsWith('LANGUAGE plpgsql'), 'a function body stays whole');
  assert.ok(statements.every((s) => s.length > 0));
});
