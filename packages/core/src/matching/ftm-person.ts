// The one mapping from a FollowTheMoney entity to a matcher PersonRecord, used by `comity match` on
// FtM files and by the local person search (its blocking keys are kept in `entity_person_keys`).
import { blockingKeys, type PersonRecord, preparePerson } from './matcher.ts';

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The schemata whose entities are persons or bodies with a name, a birth (or incorporation) date and identifiers. */
export const PERSON_LIKE_SCHEMATA: readonly string[] = ['Person', 'LegalEntity', 'Company', 'Organization'];

/**
 * Person, LegalEntity, Company and Organization give names, birth dates, nationality, phones, e-mail
 * addresses and passport numbers; Vessel its IMO number, BankAccount its IBAN, CryptoWallet its public
 * key, UserAccount its phone number and e-mail address. Other schemata give nothing (undefined).
 */
export function personRecordOfFtm(id: string, schema: string, properties: Record<string, unknown>): PersonRecord | undefined {
  const p = properties;
  const first = (k: string) => strings(p[k])[0];
  const r: PersonRecord = { id };
  if (PERSON_LIKE_SCHEMATA.includes(schema)) {
    r.name = first('name');
    r.given = first('firstName');
    r.surname = first('lastName');
    r.birthDate = first('birthDate');
    r.nationality = first('nationality') ?? first('citizenship');
    r.phone = strings(p.phone);
    r.email = strings(p.email);
    r.passport = strings(p.passportNumber).map((number) => ({ number }));
  } else if (schema === 'Vessel') {
    r.name = first('name');
    r.imo = strings(p.imoNumber);
  } else if (schema === 'BankAccount') {
    r.iban = strings(p.iban);
  } else if (schema === 'CryptoWallet') {
    r.wallet = strings(p.publicKey);
  } else if (schema === 'UserAccount') {
    r.phone = strings(p.number);
    r.email = strings(p.email);
  } else return undefined;
  return r;
}

/** The blocking keys a person-like entity is found by in the local search (none for other schemata). */
export function personKeysOfEntity(schema: string, properties: Record<string, unknown>): string[] {
  if (!PERSON_LIKE_SCHEMATA.includes(schema)) return [];
  const record = personRecordOfFtm('', schema, properties);
  return record ? blockingKeys(preparePerson(record)) : [];
}
