// Numbered migrations, applied in name order by `migrateToLatest` at start and by `comity migrate`.
import type { Migration } from 'kysely';
import * as m001 from './001-accounts-and-audit.ts';
import * as m002 from './002-outbox.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '001-accounts-and-audit': m001,
  '002-outbox': m002,
};
