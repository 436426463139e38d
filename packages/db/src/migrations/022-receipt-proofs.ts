// Receipts with proofs (issue 16, part 4). At the receiver, the audit entry of a received message
// is found again by its target (a partial index: only those entries pay for it). At the sender, the
// receiver's inclusion proof is kept beside its signed receipt, with what the check found.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index audit_entries_message_receive_idx on audit_entries (target) where action = 'federation.message.receive'`.execute(db);
  await db.schema.alterTable('federation_receipts').addColumn('audit_proof', 'jsonb').execute();
  // 'verified' or the problems found ('; '-joined); null while no proof came with the receipt.
  await db.schema.alterTable('federation_receipts').addColumn('audit_proof_check', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('federation_receipts').dropColumn('audit_proof_check').execute();
  await db.schema.alterTable('federation_receipts').dropColumn('audit_proof').execute();
  await sql`drop index audit_entries_message_receive_idx`.execute(db);
}
