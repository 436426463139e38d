// Hand-written table types; each column matches the numbered migrations in ./migrations.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface OrganisationsTable {
  id: string;
  name: string;
  country: string;
  kind: string;
  created_at: Timestamp;
}

export interface UsersTable {
  id: string;
  organisation_id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  must_change_password: boolean;
  disabled: boolean;
  failed_count: number;
  first_failed_at: Timestamp | null;
  locked_until: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditEntriesTable {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_email: string | null;
  organisation_id: string | null;
  action: string;
  target: string;
  request_id: string | null;
  digest: string;
  prev_hash: string;
  hash: string;
  change: Json;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  signature: string;
  key_id: string;
}

export interface NodeSecretsTable {
  name: string;
  value: Json;
  created_at: Timestamp;
}

export interface SettingsTable {
  key: string;
  value: Json;
}

export interface OutboxTable {
  id: string;
  seq: Generated<number>;
  message_id: string;
  conversation_id: string;
  type: string;
  sender_organisation_id: string | null;
  recipient_organisation_id: string | null;
  recipient_node_id: string | null;
  payload: Json;
  state: ColumnType<'pending' | 'delivered' | 'failed', 'pending' | 'delivered' | 'failed' | undefined, 'pending' | 'delivered' | 'failed'>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
  last_error: string | null;
}

export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_entries: AuditEntriesTable;
  audit_head: AuditHeadTable;
  node_secrets: NodeSecretsTable;
  settings: SettingsTable;
  outbox: OutboxTable;
}
