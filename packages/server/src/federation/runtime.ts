// What the federation parts of one running node share: settings, this node's identity, the
// handlers for incoming message types, and a way to wake the delivery worker.
import type { JsonValue, Signer } from '@comity/core';
import type { EnvelopeHeader } from '@comity/core/federation/index';
import type { Database } from '@comity/db';
import type { OutboxRow, PeerRow } from '@comity/db/repos/federation-repo';
import type { Kysely } from 'kysely';
import type { AppDeps, AuditFn } from '../deps.ts';
import { ed25519SignerFor } from './envelope-crypto.ts';
import type { FederationSettings } from './federation-config.ts';

export type FederationDeps = Pick<AppDeps, 'db' | 'dbKind' | 'keys' | 'hasher' | 'signer' | 'verifier' | 'now' | 'config' | 'logKeys'> & Partial<Pick<AppDeps, 'auditSequencer'>>;

export interface InboundContext<P> {
  trx: Kysely<Database>;
  header: EnvelopeHeader;
  payload: P;
  /** The sending peer as trusted before this message. */
  peer: PeerRow;
  /** The organisation on this node that the node card names: the receiving authority. */
  recipientOrganisationId: string | null;
  audit: AuditFn;
  runtime: FederationRuntime;
}

export interface InboundResult {
  /** Reported back in the signed receipt. */
  result?: { [key: string]: JsonValue };
  /** Keep the decrypted payload in the inbox row (notes and status messages; not file chunks). */
  keepPayload?: boolean;
  /** The organisation on this node the message turned out to be for (default: the card's authority). */
  recipientOrganisationId?: string;
}

/**
 * A use case for one incoming message type. `parse` validates the decrypted payload (a throw is
 * `payload_invalid`); `handle` runs inside the receiving transaction, so its effects commit
 * together with the inbox row and the audit entry, or not at all (a DomainError is `payload_rejected`).
 */
export interface InboundHandler<P = unknown> {
  parse(payload: unknown): P;
  handle(ctx: InboundContext<P>): Promise<InboundResult>;
}

export interface DeliveryFailure {
  row: OutboxRow;
  error: string;
}

/** Files a message refers to, sent ahead of it in chunks (the requests capability's attachments). */
export interface AttachmentSource {
  attachmentsOf(row: OutboxRow): { sha256: string; name: string; mediaType: string }[];
  read(sha256: string): Promise<Buffer | null>;
}

/** How sending what follows a message went (retryable failures are tried again with the message). */
export type FollowUpAttempt = { ok: true } | { ok: false; retryable: boolean; error: string; refused?: boolean };

/**
 * Sends what follows a message once the peer accepted it — the binary chunks of an evidence
 * transfer after its `evidence.offer`. The row is delivered only when this succeeds; a retry sends
 * the message again (the peer answers with its original receipt) and then only what is missing.
 */
export type FollowUp = (peer: PeerRow, row: OutboxRow, signal: AbortSignal) => Promise<FollowUpAttempt>;

export interface FederationRuntime {
  deps: FederationDeps;
  settings: FederationSettings;
  selfNodeId: string;
  handlers: Map<string, InboundHandler<never>>;
  /** Called in the transaction that marks a message failed (to notify the people concerned). */
  failureListeners: ((trx: Kysely<Database>, failure: DeliveryFailure) => Promise<void>)[];
  attachments: AttachmentSource | undefined;
  /** By outbox row type: content sent after the message (evidence chunks). */
  followUps: Map<string, FollowUp>;
  /** By outbox row type: the payload to seal, from the row's stored one (a key kept encrypted at rest). */
  outgoingPayload: Map<string, (stored: unknown) => unknown>;
  /**
   * Outbox row types a peer may refuse for good without holding back their conversation (an
   * evidence offer): such a row ends `refused` and the messages queued after it go on.
   */
  refusableTypes: Set<string>;
  /** Called in the transaction that trusts a new peer (to send it what was published before). */
  peerTrustedListeners: ((trx: Kysely<Database>, peer: PeerRow, audit: AuditFn) => Promise<void>)[];
  /** Where this node listens, once it does. */
  listenUrl: string | undefined;
  envelopeSigner(): Signer;
  /** Nudges the delivery worker to look for due messages now. */
  wake(): void;
  registerHandler<P>(type: string, handler: InboundHandler<P>): void;
}

export function createRuntime(deps: FederationDeps, settings: FederationSettings): FederationRuntime {
  let signer: Signer | undefined;
  const runtime: FederationRuntime = {
    deps,
    settings,
    selfNodeId: deps.keys.nodeId,
    handlers: new Map(),
    failureListeners: [],
    peerTrustedListeners: [],
    attachments: undefined,
    followUps: new Map(),
    outgoingPayload: new Map(),
    refusableTypes: new Set(),
    listenUrl: undefined,
    envelopeSigner() {
      signer ??= ed25519SignerFor(deps.keys.signingPrivate);
      return signer;
    },
    wake: () => {},
    registerHandler(type, handler) {
      runtime.handlers.set(type, handler as InboundHandler<never>);
    },
  };
  return runtime;
}
