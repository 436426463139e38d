// The node-resident index of the cultural property registry (issue 15): every process that holds
// the index in memory must see, before it answers a check, every change any process committed to
// the records, their perceptual hashes, the peers' published records or the peers' status.
// Triggers (not the service code) write one numbered line per changed row, so a writer that
// forgets, another process, or a hand-made SQL update are seen the same way.
//
// The number comes from one counter row, locked at commit (constraint triggers deferred to the
// end of the transaction): numbers are handed out in commit order, so a reader that has applied
// every change up to n and then reads "> n" never skips one a slower transaction commits later.
// Taking the lock at commit rather than at the statement keeps a transaction from waiting for the
// counter while it holds a record's lock (no deadlock with another writer of the same record).
import { type Kysely, sql } from 'kysely';

const WATCHED: { table: string; key: string; when: string }[] = [
  { table: 'cultural_objects', key: "coalesce(n.id, o.id)::text", when: 'insert or update or delete' },
  { table: 'cultural_image_hashes', key: "coalesce(n.object_id, o.object_id)::text", when: 'insert or update or delete' },
  { table: 'cultural_federated_records', key: "coalesce(n.origin_node_id, o.origin_node_id) || '/' || coalesce(n.record_id, o.record_id)::text", when: 'insert or update or delete' },
  { table: 'cultural_federated_images', key: "coalesce(n.origin_node_id, o.origin_node_id) || '/' || coalesce(n.record_id, o.record_id)::text", when: 'insert or update or delete' },
  // A peer suspended, revoked or made active again: its records leave or join the public set.
  { table: 'federation_peers', key: "'peer:' || coalesce(n.node_id, o.node_id)", when: 'insert or update of status or delete' },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('cultural_index_state').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('generation', 'bigint', (c) => c.notNull()).execute();
  await sql`insert into cultural_index_state (id, generation) values (1, 0)`.execute(db);
  await db.schema
    .createTable('cultural_index_changes')
    .addColumn('generation', 'bigint', (c) => c.primaryKey())
    // A local record's id, 'origin-node/record-id' for a peer's record, or 'peer:node-id'.
    .addColumn('key', 'text', (c) => c.notNull())
    .execute();
  for (const w of WATCHED) {
    await sql
      .raw(`
      create function ${w.table}_index_change() returns trigger language plpgsql as $$
      declare
        n ${w.table};
        o ${w.table};
        g bigint;
      begin
        if tg_op <> 'DELETE' then n := new; end if;
        if tg_op <> 'INSERT' then o := old; end if;
        update cultural_index_state set generation = generation + 1 where id = 1 returning generation into g;
        insert into cultural_index_changes (generation, key) values (g, ${w.key});
        return null;
      end $$`)
      .execute(db);
    await sql
      .raw(`create constraint trigger ${w.table}_index_change after ${w.when} on ${w.table} deferrable initially deferred for each row execute function ${w.table}_index_change()`)
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const w of WATCHED) {
    await sql.raw(`drop trigger if exists ${w.table}_index_change on ${w.table}`).execute(db);
    await sql.raw(`drop function if exists ${w.table}_index_change()`).execute(db);
  }
  await db.schema.dropTable('cultural_index_changes').execute();
  await db.schema.dropTable('cultural_index_state').execute();
}
