// Numbered migrations, applied in name order by `migrateToLatest` at start and by `comity migrate`.
import type { Migration } from 'kysely';
import * as m001 from './001-accounts-and-audit.ts';
import * as m002 from './002-outbox.ts';
import * as m003 from './003-knowledge.ts';
import * as m004 from './004-requests.ts';
import * as m005 from './005-federation.ts';
import * as m007 from './007-federation-sequence.ts';
import * as m008 from './008-declared-facts.ts';
import * as m009 from './009-authorities.ts';
import * as m010 from './010-user-signature.ts';
import * as m011 from './011-returned-files.ts';
import * as m012 from './012-markings-and-consents.ts';
import * as m013 from './013-notification-codes.ts';
import * as m014 from './014-cases.ts';
import * as m015 from './015-evidence.ts';
import * as m016 from './016-audit-log.ts';
import * as m017 from './017-evidence-captures.ts';
import * as m018 from './018-evidence-timestamps.ts';
import * as m019 from './019-evidence-transfers.ts';
import * as m020 from './020-entities.ts';
import * as m021 from './021-cultural-property.ts';
import * as m022 from './022-receipt-proofs.ts';
import * as m023 from './023-seizures.ts';
import * as m024 from './024-hits.ts';
import * as m025 from './025-cultural-federation.ts';
import * as m026 from './026-registry-statistics.ts';
import * as m027 from './027-hit-pages.ts';
import * as m028 from './028-registry-search.ts';
import * as m029 from './029-statistics-shares.ts';
import * as m030 from './030-cultural-accept.ts';
import * as m031 from './031-cultural-index.ts';
import * as m032 from './032-cultural-check-photo.ts';
import * as m034 from './034-entity-person-keys.ts';
import * as m033 from './033-hit-expiry.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '001-accounts-and-audit': m001,
  '002-outbox': m002,
  '003-knowledge': m003,
  '004-requests': m004,
  '005-federation': m005,
  '007-federation-sequence': m007,
  '008-declared-facts': m008,
  '009-authorities': m009,
  '010-user-signature': m010,
  '011-returned-files': m011,
  '012-markings-and-consents': m012,
  '013-notification-codes': m013,
  '014-cases': m014,
  '015-evidence': m015,
  '016-audit-log': m016,
  '017-evidence-captures': m017,
  '018-evidence-timestamps': m018,
  '019-evidence-transfers': m019,
  '020-entities': m020,
  '021-cultural-property': m021,
  '022-receipt-proofs': m022,
  '023-seizures': m023,
  '024-hits': m024,
  '025-cultural-federation': m025,
  '026-registry-statistics': m026,
  '027-hit-pages': m027,
  '028-registry-search': m028,
  '029-statistics-shares': m029,
  '030-cultural-accept': m030,
  '031-cultural-index': m031,
  '032-cultural-check-photo': m032,
  '033-hit-expiry': m033,
  '034-entity-person-keys': m034,
};
