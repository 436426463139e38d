// Numbered migrations, applied in name order by `migrateToLatest` at start and by `comity migrate`.
import type { Migration } from 'kysely';
import * as m001 from './001-accounts-and-audit.ts';
import * as m002 from './002-outbox.ts';
import * as m003 from './003-knowledge.ts';
import * as m004 from './004-requests.ts';
import * as m005 from './005-federation.ts';
import * as m007 from './007-federation-sequence.ts';
import * as m013 from './013-notification-codes.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '001-accounts-and-audit': m001,
  '002-outbox': m002,
  '003-knowledge': m003,
  '004-requests': m004,
  '005-federation': m005,
  '007-federation-sequence': m007,
  '013-notification-codes': m013,
};
