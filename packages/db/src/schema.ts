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
  /** Official title printed under the signature of a letter (migration 010). */
  title: string | null;
  /** Free lines printed under the title: service, authority, address (migration 010). */
  signature_block: string | null;
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
  /** Position in the audit Merkle tree; null until the sequencer places it (migration 016). */
  leaf_index: Generated<number | null>;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  signature: string;
  key_id: string;
}

// Audit log (migration 016): complete subtrees, signed checkpoints, co-signatures, witnessed heads.
export interface AuditTreeNodesTable {
  level: number;
  idx: number;
  hash: string;
}

export interface AuditCheckpointsTable {
  id: Generated<number>;
  size: number;
  root: string;
  at: string;
  key_id: string;
  note: string;
}

export interface AuditLogStateTable {
  id: number;
  size: number;
  root: string;
}

export interface AuditCosignaturesTable {
  checkpoint_id: number;
  peer_node_id: string;
  line: string;
  received_at: Timestamp;
}

export interface AuditWitnessedTable {
  peer_node_id: string;
  size: number;
  root: string;
  note: string;
  cosignature: string;
  witnessed_at: Timestamp;
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

export type OutboxState = 'pending' | 'delivered' | 'failed' | 'skipped' | 'refused';

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
  /**
   * 'skipped': a failed message to a peer an operator chose to let its conversation go on without.
   * 'refused': a message the peer refused for good whose type does not hold back its conversation (an evidence offer).
   */
  state: ColumnType<OutboxState, OutboxState | undefined, OutboxState>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
  last_error: string | null;
  /** Set by federation's migration (005): envelope header fields for messages to peers. */
  in_reply_to: ColumnType<string | null, string | null | undefined, string | null>;
  marking: ColumnType<string | null, string | null | undefined, string | null>;
  leased_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Migration 007: position in its (peer, conversation), assigned by a trigger on insert. */
  sequence: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface FederationPeersTable {
  node_id: string;
  authority_name: string;
  country: string;
  kind: string;
  endpoint: string;
  signing_key: string;
  encryption_key: string;
  signing_fingerprint: string;
  encryption_fingerprint: string;
  request_types: Json;
  languages: Json;
  valid_from: Timestamp;
  valid_until: Timestamp;
  card: Json;
  status: ColumnType<'active' | 'suspended' | 'revoked', 'active' | 'suspended' | 'revoked' | undefined, 'active' | 'suspended' | 'revoked'>;
  status_reason: string | null;
  announced_card_digest: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Migration 007: when the card of ours this peer last got expires (renewed well before). */
  announced_card_valid_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface FederationInboxTable {
  message_id: string;
  seq: Generated<number>;
  sender_node_id: string;
  recipient_organisation_id: string | null;
  type: string;
  conversation_id: string;
  in_reply_to: string | null;
  marking: string;
  header: Json;
  payload: ColumnType<unknown, string | null, string | null>;
  payload_sha256: string;
  receipt: Json;
  received_at: Timestamp;
  /** Migration 007: the header's sequence, and 'gap' or 'late' when it was not the next one. */
  sequence: ColumnType<number | null, number | null | undefined, number | null>;
  sequence_flag: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface FederationReceiptsTable {
  message_id: string;
  peer_node_id: string;
  receipt: Json;
  received_at: Timestamp;
  /** The receiver's inclusion proof of its audit entry for the message (migration 022). */
  audit_proof: ColumnType<unknown, string | null | undefined, string | null>;
  audit_proof_check: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface FederationChunksTable {
  attachment_sha256: string;
  chunk_index: number;
  chunk_count: number;
  chunk_sha256: string;
  data: string;
  sender_node_id: string;
  conversation_id: string;
  received_at: Timestamp;
}

export interface KnowledgeVersionsTable {
  number: number;
  created_at: Timestamp;
  actor_id: string | null;
  actor_email: string | null;
  source: string;
  digest: string;
  data_as_of: string;
  forced: ColumnType<boolean, boolean | undefined, boolean>;
  summary: Json;
}

export interface KnowledgeRecordsTable {
  version: number;
  kind: string;
  key: string;
  data: Json;
}

export interface KnowledgeCurationsTable {
  id: string;
  seq: Generated<number>;
  kind: string;
  instrument: string;
  state: string | null;
  fact: Json;
  source: string;
  note: string;
  based_on_version: number;
  created_at: Timestamp;
  created_by_id: string | null;
  created_by_email: string | null;
  confirmed_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
  withdrawn_by_email: string | null;
  withdrawal_note: string | null;
}

export interface RequestsTable {
  id: string;
  conversation_id: string;
  organisation_id: string;
  side: string;
  reference: string;
  type: string;
  state: string;
  version: ColumnType<number, number | undefined, number>;
  title: string;
  requesting_organisation_id: string | null;
  requesting_organisation_name: string;
  requesting_state: string;
  requested_organisation_id: string | null;
  requested_organisation_name: string | null;
  requested_state: string;
  counterpart_node_id: string | null;
  content: Json;
  marking: string;
  urgent: boolean;
  deadline: string | null;
  created_by: string | null;
  last_edited_by: string | null;
  submitted_by: string | null;
  approved_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: Timestamp | null;
  approved_at: Timestamp | null;
  transmitted_at: Timestamp | null;
  received_at: Timestamp | null;
  execution_started_at: Timestamp | null;
  executed_at: Timestamp | null;
  closed_at: Timestamp | null;
  refusal: ColumnType<unknown, string | null, string | null>;
  postponement: ColumnType<unknown, string | null, string | null>;
  overdue: ColumnType<unknown, string | undefined, string>;
  reminded: ColumnType<unknown, string | undefined, string>;
  /** Migration 012: the markings of what the request was made from ({ key, marking }[]). */
  marking_sources: ColumnType<unknown, string | undefined, string>;
}

export interface RequestEventsTable {
  id: string;
  seq: Generated<number>;
  request_id: string;
  at: Timestamp;
  action: string;
  from_state: string | null;
  to_state: string;
  side: string;
  origin: string;
  actor_id: string | null;
  actor_email: string | null;
  actor_organisation: string | null;
  reason: string | null;
  details: Json;
  message_id: string | null;
}

export interface RequestAttachmentsTable {
  id: string;
  request_id: string;
  sha256: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
  /** The recorded answer this file came with (migration 009); null for the request's own files. */
  answer_event_id: Generated<string | null>;
  /** The side that supplied the file (migration 011). */
  supplied_by: ColumnType<'requesting' | 'requested', 'requesting' | 'requested' | undefined, never>;
  /** 'transmit' (part of the request), the answer's action it was returned with, or null while waiting to be sent. */
  sent_with: ColumnType<string | null, string | null | undefined, string | null>;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Migration 012: where a copied file came from ({ requestId, conversationId, attachmentId }). */
  source: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface AuthoritiesTable {
  id: string;
  name: string;
  state: string;
  address: string | null;
  channel: string | null;
  languages: Json;
  email: string | null;
  notes: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RequestCountersTable {
  organisation_id: string;
  prefix: string;
  next: number;
}

export interface ServiceLevelsTable {
  organisation_id: string;
  counterpart: string;
  acknowledge_days: number | null;
  execute_days: number | null;
  reminder_days: number | null;
  updated_at: Timestamp;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  organisation_id: string;
  request_id: string | null;
  kind: string;
  message: string;
  /** Stable message code (notifications.message.<code> in the web's locale files) and its parameters. */
  code: string | null;
  params: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

/** Migration 008: this node's declared facts, draft and published versions. */
export interface DeclaredFactsOwnTable {
  id: string;
  version: number;
  status: 'draft' | 'submitted' | 'published' | 'superseded';
  content: Json;
  signed: ColumnType<unknown, string | null | undefined, string | null>;
  edited_by_id: string | null;
  edited_by_email: string | null;
  edited_at: Timestamp;
  submitted_by_id: ColumnType<string | null, string | null | undefined, string | null>;
  submitted_by_email: ColumnType<string | null, string | null | undefined, string | null>;
  submitted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  approved_by_id: ColumnType<string | null, string | null | undefined, string | null>;
  approved_by_email: ColumnType<string | null, string | null | undefined, string | null>;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** Migration 008: the latest declared facts each peer published. */
export interface DeclaredFactsReceivedTable {
  node_id: string;
  state: string;
  authority: string;
  version: number;
  signed_at: Timestamp;
  signed: Json;
  message_id: string;
  received_at: Timestamp;
}

/** Migration 012: consent asked of an originator for a use outside its limitations, on both sides. */
export interface ConsentsTable {
  id: string;
  organisation_id: string;
  direction: 'asked' | 'received';
  exchange_id: string;
  source_key: string;
  request_id: string | null;
  conversation_id: string;
  counterpart_node_id: string | null;
  counterpart_organisation_id: string | null;
  counterpart_name: string;
  action: string;
  recipient_node_id: string | null;
  proceedings: string | null;
  purpose: string;
  state: string;
  answer: string | null;
  conditions: string | null;
  asked_by: string | null;
  asked_by_email: string | null;
  approved_by: string | null;
  answered_by: string | null;
  answered_by_email: string | null;
  answer_approved_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  answered_at: Timestamp | null;
}

/** Migration 014: an organisation's investigation file. */
export interface CasesTable {
  id: string;
  organisation_id: string;
  reference: string;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  /** Offence categories (OFFENCE_IDS) as a JSON array. */
  offences: Json;
  /** TLP of the case's marking. */
  marking: string;
  /** handling, handlingNote, confidentiality, useLimitations: the fields a request's content holds. */
  marking_fields: Json;
  status: string;
  /** YYYY-MM-DD */
  opened_on: string;
  closed_on: string | null;
  closing_note: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  last_edited_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Migration 014: the case's team (users of its organisation). */
export interface CaseMembersTable {
  case_id: string;
  user_id: string;
  /** lead | member */
  team_role: string;
  added_by: string | null;
  added_at: Timestamp;
}

/** Migration 014: requests made or received for a case (at most one case per request). */
export interface CaseRequestsTable {
  case_id: string;
  request_id: string;
  linked_by: string | null;
  linked_at: Timestamp;
}

/** Migration 015: an evidence item, held for a case or a request; its bytes are in the blob store under `sha256`. */
export interface EvidenceItemsTable {
  id: string;
  organisation_id: string;
  case_id: string | null;
  request_id: string | null;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  source_kind: 'uploaded' | 'captured' | 'received' | 'working-copy';
  source: Json;
  filename: string | null;
  captured_by: string | null;
  captured_by_email: string | null;
  sha256: string;
  sha512: ColumnType<string | null, string | null | undefined, string | null>;
  /** bigint: PostgreSQL gives it back as a string; read it with Number(). */
  size_bytes: ColumnType<string | number, number, number>;
  media_type: string;
  media_type_hint: string | null;
  marking: Json;
  role: ColumnType<'original' | 'working-copy', 'original' | 'working-copy' | undefined, never>;
  derived_from: string | null;
  sealed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  sealed_by: ColumnType<string | null, string | null | undefined, string | null>;
  timestamp_state: ColumnType<string, string | undefined, string>;
  custody_seq: number;
  custody_head: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Migration 015: one custody event of an item (hash-linked per item, signed by the node). */
export interface EvidenceCustodyTable {
  item_id: string;
  seq: number;
  at: Timestamp;
  kind: string;
  actor_user_id: string | null;
  actor_email: string | null;
  node_id: string;
  details: Json;
  prev_hash: string;
  hash: string;
  signature: string;
  key_id: string;
}

/** Migration 015: a resumable upload that becomes an evidence item when its last byte arrives. */
export interface EvidenceUploadsTable {
  id: string;
  organisation_id: string;
  user_id: string;
  case_id: string | null;
  request_id: string | null;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  filename: string | null;
  media_type_hint: string | null;
  marking: ColumnType<unknown, string | null | undefined, string | null>;
  length: ColumnType<string | number, number, number>;
  received: ColumnType<string | number, number | undefined, number>;
  state: ColumnType<'open' | 'complete' | 'expired', 'open' | 'complete' | 'expired' | undefined, 'open' | 'complete' | 'expired'>;
  item_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  expires_at: Timestamp;
}

/** Migration 018: an evidence item's RFC 3161 time-stamp from one authority. */
export interface EvidenceTimestampsTable {
  id: string;
  item_id: string;
  tsa_url: string;
  status: 'pending' | 'granted' | 'failed';
  sha256: string;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  token: ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;
  nonce: string | null;
  gen_time: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  serial: string | null;
  policy: string | null;
  tsa_name: string | null;
  signer: string | null;
  error_reason: string | null;
  error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_entries: AuditEntriesTable;
  audit_head: AuditHeadTable;
  audit_tree_nodes: AuditTreeNodesTable;
  audit_checkpoints: AuditCheckpointsTable;
  audit_log_state: AuditLogStateTable;
  audit_cosignatures: AuditCosignaturesTable;
  audit_witnessed: AuditWitnessedTable;
  node_secrets: NodeSecretsTable;
  settings: SettingsTable;
  outbox: OutboxTable;
  requests: RequestsTable;
  request_events: RequestEventsTable;
  request_attachments: RequestAttachmentsTable;
  authorities: AuthoritiesTable;
  request_counters: RequestCountersTable;
  service_levels: ServiceLevelsTable;
  notifications: NotificationsTable;
  knowledge_versions: KnowledgeVersionsTable;
  knowledge_records: KnowledgeRecordsTable;
  knowledge_curations: KnowledgeCurationsTable;
  federation_peers: FederationPeersTable;
  federation_inbox: FederationInboxTable;
  federation_receipts: FederationReceiptsTable;
  federation_chunks: FederationChunksTable;
  declared_facts_own: DeclaredFactsOwnTable;
  declared_facts_received: DeclaredFactsReceivedTable;
  consents: ConsentsTable;
  evidence_transfers: EvidenceTransfersTable;
  evidence_transfer_chunks: EvidenceTransferChunksTable;
  cases: CasesTable;
  cultural_objects: CulturalObjectsTable;
  cultural_object_images: CulturalObjectImagesTable;
  cultural_image_hashes: CulturalImageHashesTable;
  cultural_checks: CulturalChecksTable;
  cultural_check_photos: CulturalCheckPhotosTable;
  cultural_federation_peers: CulturalFederationPeersTable;
  cultural_index_state: CulturalIndexStateTable;
  cultural_index_changes: CulturalIndexChangesTable;
  cultural_publications: CulturalPublicationsTable;
  cultural_federated_records: CulturalFederatedRecordsTable;
  cultural_federated_images: CulturalFederatedImagesTable;
  case_members: CaseMembersTable;
  case_requests: CaseRequestsTable;
  evidence_items: EvidenceItemsTable;
  evidence_custody: EvidenceCustodyTable;
  evidence_uploads: EvidenceUploadsTable;
  evidence_timestamps: EvidenceTimestampsTable;
  evidence_captures: EvidenceCapturesTable;
  evidence_capture_urls: EvidenceCaptureUrlsTable;
  entities: EntitiesTable;
  entity_refs: EntityRefsTable;
  entity_mentions: EntityMentionsTable;
  entity_person_keys: EntityPersonKeysTable;
  hit_offers: HitOffersTable;
  hit_queries: HitQueriesTable;
  hits: HitsTable;
  hit_query_pages: HitQueryPagesTable;
  seizures: SeizuresTable;
  seizure_items: SeizureItemsTable;
  seizure_route_stops: SeizureRouteStopsTable;
  maritime_incidents: MaritimeIncidentsTable;
  registry_parties: RegistryPartiesTable;
  statistics_rollup: StatisticsRollupTable;
  statistics_refresh: StatisticsRefreshTable;
  statistics_dirty: StatisticsDirtyTable;
  statistics_shares: StatisticsSharesTable;
  statistics_received: StatisticsReceivedTable;
}

/** Migration 020: a FollowTheMoney entity held for a case (links are entities of an FtM edge schema). */
export interface EntitiesTable {
  id: string;
  organisation_id: string;
  case_id: string;
  ftm_id: string;
  schema: string;
  is_link: boolean;
  caption: string;
  caption_key: string;
  /** FtM properties: { property: [values] }; entity-typed values are FtM ids in the same case. */
  properties: Json;
  /** The entity's own marking (core/policy Marking). */
  marking: Json;
  /** Where the information came from (free-text descriptions). */
  sources: Json;
  version: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Migration 020: one entity-typed property value, resolved to the row it names. */
export interface EntityRefsTable {
  entity_id: string;
  property: string;
  target_id: string;
}

/** Migration 034: one blocking key of a person-like entity (the matcher's `blockingKeys`), for the local person search. */
export interface EntityPersonKeysTable {
  key: string;
  entity_id: string;
}

/** Migration 020: an entity mentioned in a request or an evidence item. */
export interface EntityMentionsTable {
  id: string;
  entity_id: string;
  request_id: string | null;
  evidence_id: string | null;
  note: ColumnType<string, string | undefined, string>;
  created_by: string | null;
  created_at: Timestamp;
}

/** A list of URLs captured for a case or a request (migration 017). */
export interface EvidenceCapturesTable {
  id: string;
  organisation_id: string;
  case_id: string | null;
  request_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type CaptureUrlStatus = 'queued' | 'running' | 'captured' | 'failed';

/** One URL of a capture and its outcome. */
export interface EvidenceCaptureUrlsTable {
  id: string;
  capture_id: string;
  position: number;
  url: string;
  status: CaptureUrlStatus;
  reason: string | null;
  message: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  final_url: string | null;
  http_status: number | null;
  /** [{ kind, itemId }] */
  items: Json;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  updated_at: Timestamp;
}

/** Evidence arriving over federation in binary chunks (migration 019). */
export interface EvidenceTransfersTable {
  transfer_id: string;
  sender_node_id: string;
  conversation_id: string;
  message_id: string;
  recipient_organisation_id: string | null;
  offer: Json;
  content_key: string | null;
  /** bigint: the driver gives back a string. */
  size: ColumnType<string, number | string, number | string>;
  sha256: string;
  chunk_size: number;
  chunk_count: number;
  chunk_sha256: ColumnType<string[], string, string>;
  state: 'receiving' | 'accepted' | 'refused';
  refusal: string | null;
  item_id: string | null;
  created_at: Timestamp;
  completed_at: Timestamp | null;
}

export interface EvidenceTransferChunksTable {
  transfer_id: string;
  index: number;
  received_at: ColumnType<Date, Date | undefined, Date>;
}

/** Migration 021: a stolen or illicitly exported cultural object (Object ID fields in jsonb). */
export interface CulturalObjectsTable {
  id: string;
  organisation_id: string;
  reference: string;
  title: string;
  object_type: string;
  object_id_fields: Json;
  theft: Json;
  theft_country: string | null;
  reporting_authority: string;
  case_id: string | null;
  legal_status: string;
  marking: string;
  handling: string;
  search_text: string;
  version: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CulturalObjectImagesTable {
  id: string;
  object_id: string;
  media_type: string;
  width: number;
  height: number;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  thumbnail: Uint8Array;
  created_at: Timestamp;
}

export interface CulturalImageHashesTable {
  image_id: string;
  object_id: string;
  variant: string;
  hash: string;
}

/** Migration 031: the counter of changes to what the node-resident cultural index holds (one row, id 1). */
export interface CulturalIndexStateTable {
  id: number;
  generation: string | number | bigint;
}

/** Migration 031: one line per changed row, written by triggers: a local record id, 'origin/record', or 'peer:node'. */
export interface CulturalIndexChangesTable {
  generation: string | number | bigint;
  key: string;
}

/** Migration 025: the peers this node publishes its public cultural property records to. */
export interface CulturalFederationPeersTable {
  peer_node_id: string;
  publish: Generated<boolean>;
  /** Migration 030: accept the records this peer publishes (false: none kept, none stored). */
  accept: Generated<boolean>;
  changed_by: string | null;
  changed_at: Timestamp;
}

/** Migration 025: what was last sent of a record to a peer (a withdrawal, or a version). */
export interface CulturalPublicationsTable {
  record_id: string;
  peer_node_id: string;
  version: number;
  withdrawn: boolean;
  sent_at: Timestamp;
}

/** Migration 025: a public record a peer published to this node. */
export interface CulturalFederatedRecordsTable {
  origin_node_id: string;
  record_id: string;
  version: number;
  record: Json;
  search_text: string;
  received_at: Timestamp;
}

/** Migration 025: a photo of a federated record: its perceptual hashes and its thumbnail. */
export interface CulturalFederatedImagesTable {
  id: string;
  origin_node_id: string;
  record_id: string;
  position: number;
  hashes: Json;
  thumbnail: Uint8Array;
}

export interface CulturalChecksTable {
  id: string;
  checked_at: Timestamp;
  text_sha256: string | null;
  image_sha256: string | null;
  requester: Json | null;
  registry_count: number;
  registry_digest: string;
  outcome: string;
  matches: Json;
  receipt: Json;
}

/** Migration 032: a public check's photo, kept only when the person ticked keepPhoto. */
export interface CulturalCheckPhotosTable {
  check_id: string;
  media_type: string;
  width: number;
  height: number;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  thumbnail: Uint8Array;
}

/** Migration 023: a seizure event (issue 14); items, route stops and parties in their own tables. */
export interface SeizuresTable {
  id: string;
  organisation_id: string;
  case_id: string | null;
  reference: string;
  occurred_at: Timestamp;
  time_known: boolean;
  country: string;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  location_kind: string;
  location_point: string | null;
  authority: string;
  detection_method: string;
  conveyance_type: string;
  conveyance: Json;
  vessel_imo: string | null;
  iccs_code: string;
  summary: string | null;
  marking: string;
  handling: string;
  sources: Json;
  search_text: string;
  version: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SeizureItemsTable {
  id: string;
  seizure_id: string;
  position: number;
  domain: string;
  name: string;
  name_key: string;
  quantity: number | null;
  unit: string | null;
  details: Json;
}

export interface SeizureRouteStopsTable {
  seizure_id: string;
  position: number;
  stage: string;
  country: string;
  port: string | null;
  port_key: string | null;
}

/** Migration 023: a maritime incident (piracy, armed robbery at sea, boarding, hijacking, kidnapping of crew). */
export interface MaritimeIncidentsTable {
  id: string;
  organisation_id: string;
  case_id: string | null;
  reference: string;
  occurred_at: Timestamp;
  time_known: boolean;
  latitude: number;
  longitude: number;
  area: string | null;
  country: string | null;
  vessel_name: string;
  vessel_imo: string | null;
  vessel_flag: string | null;
  vessel_type: string;
  vessel_status: string;
  kind: string;
  narrative: string;
  crew: Json;
  reporting_source: string;
  iccs_code: string;
  marking: string;
  handling: string;
  sources: Json;
  search_text: string;
  version: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A party of a seizure or an incident: an entity of the record's case, or a name as the source gave it. */
export interface RegistryPartiesTable {
  id: string;
  seizure_id: string | null;
  incident_id: string | null;
  position: number;
  role: string;
  entity_id: string | null;
  party_kind: string;
  name: string;
  name_key: string;
  identifier: string | null;
  identifier_key: string | null;
}

/** Migration 024: what this node offers a peer for hit/no-hit, and the peer's limits. */
export interface HitOffersTable {
  peer_node_id: string;
  schemas: Json;
  max_tlp: string;
  max_queries_per_hour: number;
  max_items_per_hour: number;
  suspended_at: Timestamp | null;
  suspended_reason: string | null;
  resumed_at: Timestamp | null;
  updated_at: Timestamp;
}

/** Migration 024: a hit/no-hit query sent to or received from a peer. */
export interface HitQueriesTable {
  id: string;
  direction: 'sent' | 'received';
  peer_node_id: string;
  organisation_id: string | null;
  case_id: string | null;
  kind: string;
  state: string;
  item_count: number;
  offered_count: number | null;
  hit_count: number | null;
  secret: string | null;
  entity_ids: Json;
  /** Migration 027: pages of the query (received) or of the answer (sent); the pages seen so far; the offered identifiers until the answer is out. */
  pages: number | null;
  pages_seen: Json | null;
  pending_identifiers: Json | null;
  /** Migration 033: received names queries, the epoch of their first page (every page carries the same). */
  epoch: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Migration 024: a possible match of one of this node's records with a peer's. */
export interface HitsTable {
  id: string;
  query_id: string;
  peer_node_id: string;
  organisation_id: string;
  entity_id: string;
  contact_reference: string;
  state: 'pending' | 'revealed' | 'declined';
  own_disclosure: Json | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  peer_disclosure: Json | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Migration 026: counts per organisation, source (seizure, incident, request), month, country and ICCS code. */
export interface StatisticsRollupTable {
  organisation_id: string;
  source: string;
  month: string;
  country: string;
  iccs_code: string;
  count: number;
}

/** Migration 026: when a rollup was last recomputed. */
export interface StatisticsRefreshTable {
  name: string;
  refreshed_at: Timestamp;
  rows: number;
}

/** Months of the registries changed since the last rollup refresh (migration 028's triggers). */
export interface StatisticsDirtyTable {
  source: string;
  month: string;
}

/** Migration 027: one answer page of a sent identifiers query, kept until every page is in. */
export interface HitQueryPagesTable {
  query_id: string;
  page: number;
  doubled: Json;
  offered: Json;
}

/** Migration 029: statistics a supervisor shared with a peer (the counts travelled in the message). */
export interface StatisticsSharesTable {
  id: string;
  organisation_id: string;
  peer_node_id: string;
  period: string;
  from_month: string;
  to_month: string;
  sources: Json;
  tlp: string;
  handling: string;
  note: string | null;
  rows: number;
  shared_by: string;
  shared_at: Timestamp;
}

/** Migration 029: statistics peers shared with this node, per (origin node, share id). */
export interface StatisticsReceivedTable {
  origin_node_id: string;
  share_id: string;
  period: string;
  from_month: string;
  to_month: string;
  sources: Json;
  tlp: string;
  handling: string;
  note: string | null;
  shared_by: Json;
  shared_at: Timestamp;
  rows: Json;
  received_at: Timestamp;
}
