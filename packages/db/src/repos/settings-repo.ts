// Node settings and node secrets (key material encrypted under COMITY_MASTER_KEY).
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export async function getSetting<T>(db: Kysely<Database>, key: string): Promise<T | undefined> {
  const r = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return r ? (r.value as T) : undefined;
}

export async function putSetting(db: Kysely<Database>, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db.insertInto('settings').values({ key, value: json }).onConflict((oc) => oc.column('key').doUpdateSet({ value: json })).execute();
}

export async function getSecret<T>(db: Kysely<Database>, name: string): Promise<T | undefined> {
  const r = await db.selectFrom('node_secrets').select('value').where('name', '=', name).executeTakeFirst();
  return r ? (r.value as T) : undefined;
}

export async function putSecretIfAbsent(db: Kysely<Database>, name: string, value: unknown, now: Date): Promise<void> {
  await db
    .insertInto('node_secrets')
    .values({ name, value: JSON.stringify(value), created_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}
