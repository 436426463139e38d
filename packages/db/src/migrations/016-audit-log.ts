// The audit trail becomes a verifiable log (issue 16). Writers no longer lock a chain head: an
// entry takes its number from a sequence and is stored unsequenced (leaf_index null), atomically
// with its change. The sequencer (server/src/audit/sequencer.ts) gives entries their tree
// positions in batches, keeps the complete subtrees of the RFC 9162 Merkle tree and signs one
// checkpoint per batch. The hash-chain entries already stored stay as they are and are left
// unsequenced here, so the first sequencing pass after this migration (at the node's next open,
// before it serves anything) carries them into the tree as its first leaves, in seq order: the
// leaf hash is computed over the canonical entry (RFC 8785), which SQL cannot produce. The old
// `audit_head` row stays as the signed head of the chain era and no longer moves.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create sequence audit_entries_seq_gen as integer`.execute(db);
  await sql`select setval('audit_entries_seq_gen', coalesce((select max(seq) from audit_entries), 0) + 1, false)`.execute(db);
  await sql`alter table audit_entries alter column seq set default nextval('audit_entries_seq_gen')`.execute(db);
  await sql`alter sequence audit_entries_seq_gen owned by audit_entries.seq`.execute(db);
  await db.schema.alterTable('audit_entries').addColumn('leaf_index', 'integer').execute();
  await sql`create unique index audit_entries_leaf_key on audit_entries (leaf_index)`.execute(db);
  await sql`create index audit_entries_unsequenced_idx on audit_entries (seq) where leaf_index is null`.execute(db);

  // Complete subtrees only (2^level leaves from idx * 2^level): they never change once written,
  // and any root or proof is made of at most log2(n) of them.
  await db.schema
    .createTable('audit_tree_nodes')
    .addColumn('level', 'smallint', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_tree_nodes_pkey', ['level', 'idx'])
    .execute();

  // One row per signed batch, in the order signed; `note` is the C2SP signed note.
  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('root', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_checkpoints_size_idx').on('audit_checkpoints').column('size').execute();

  // The single row the sequencer locks: the current tree size and root.
  await db.schema
    .createTable('audit_log_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('root', 'text', (c) => c.notNull())
    .execute();

  // Co-signatures peers returned for our checkpoints (tlog-cosignature lines).
  await db.schema
    .createTable('audit_cosignatures')
    .addColumn('checkpoint_id', 'integer', (c) => c.notNull().references('audit_checkpoints.id').onDelete('cascade'))
    .addColumn('peer_node_id', 'text', (c) => c.notNull())
    .addColumn('line', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_cosignatures_pkey', ['checkpoint_id', 'peer_node_id'])
    .execute();

  // Checkpoints of peers this node verified and co-signed, newest per peer last.
  await db.schema
    .createTable('audit_witnessed')
    .addColumn('peer_node_id', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('root', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('cosignature', 'text', (c) => c.notNull())
    .addColumn('witnessed_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_witnessed_pkey', ['peer_node_id', 'size'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['audit_witnessed', 'audit_cosignatures', 'audit_log_state', 'audit_checkpoints', 'audit_tree_nodes']) await db.schema.dropTable(t).execute();
  await sql`drop index audit_entries_unsequenced_idx`.execute(db);
  await sql`drop index audit_entries_leaf_key`.execute(db);
  await db.schema.alterTable('audit_entries').dropColumn('leaf_index').execute();
  await sql`alter table audit_entries alter column seq drop default`.execute(db);
  await sql`drop sequence audit_entries_seq_gen`.execute(db);
}
