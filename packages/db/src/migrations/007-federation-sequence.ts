// Federation hardening: a per-conversation sequence number on messages to peers (so the receiver
// can see a gap or a reordering), what the receiver noticed about it, skipped messages, and when
// the card last sent to each peer expires (so it is renewed well before).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('sequence', 'integer').execute();
  // Messages already queued to peers get their numbers in the order they were written.
  await sql`
    update outbox o set sequence = r.n
    from (select id, row_number() over (partition by recipient_node_id, conversation_id order by seq) as n
          from outbox where recipient_node_id is not null) r
    where o.id = r.id`.execute(db);
  await sql`create unique index outbox_sequence_idx on outbox (recipient_node_id, conversation_id, sequence) where recipient_node_id is not null`.execute(db);
  // Every writer of a message to a peer (federation's own use cases and the requests capability)
  // gets the next number of that (peer, conversation) inside its own transaction; the advisory lock
  // makes two concurrent writers of one conversation take turns instead of colliding.
  await sql`
    create function outbox_assign_sequence() returns trigger language plpgsql as $$
    begin
      if new.recipient_node_id is not null and new.sequence is null then
        perform pg_advisory_xact_lock(hashtext('outbox-sequence/' || new.recipient_node_id || '/' || new.conversation_id));
        select coalesce(max(sequence), 0) + 1 into new.sequence from outbox
          where recipient_node_id = new.recipient_node_id and conversation_id = new.conversation_id;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger outbox_assign_sequence before insert on outbox for each row execute function outbox_assign_sequence()`.execute(db);

  await db.schema.alterTable('federation_inbox').addColumn('sequence', 'integer').execute();
  // 'gap' (numbers missing before this one) or 'late' (a number at or below one already seen).
  await db.schema.alterTable('federation_inbox').addColumn('sequence_flag', 'text').execute();

  await db.schema.alterTable('federation_peers').addColumn('announced_card_valid_until', 'timestamptz').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('federation_peers').dropColumn('announced_card_valid_until').execute();
  await db.schema.alterTable('federation_inbox').dropColumn('sequence_flag').execute();
  await db.schema.alterTable('federation_inbox').dropColumn('sequence').execute();
  await sql`drop trigger if exists outbox_assign_sequence on outbox`.execute(db);
  await sql`drop function if exists outbox_assign_sequence()`.execute(db);
  await sql`drop index if exists outbox_sequence_idx`.execute(db);
  await db.schema.alterTable('outbox').dropColumn('sequence').execute();
}
