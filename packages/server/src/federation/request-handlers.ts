// Requests between nodes: the incoming request (with its files, sent ahead in chunks and checked
// against their SHA-256) and every transition of the other side, handed to the requests
// capability's own use cases (applyTransmit / applyStatus) inside the receiving transaction; the
// files of an outgoing request; and telling the people concerned when a transmission fails.
import { ValidationError } from '@comity/core';
import { RequestStatusPayload, type RequestStatusResult, RequestTransmitPayload, type RequestTransmitResult } from '@comity/contract/requests';
import { type Database, findOrganisation } from '@comity/db';
import { deleteChunks, type PeerRow } from '@comity/db/repos/federation-repo';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../deps.ts';
import { concernedUsers, label, notify, requestParams } from '../requests/notify.ts';
import { applyStatus, applyTransmit } from '../requests/request-messages.ts';
import type { RequestDeps } from '../requests/request-deps.ts';
import { requestsOf } from '../requests/requests-capability.ts';
import { assembleAttachment } from './handlers.ts';
import type { FederationRuntime, InboundHandler } from './runtime.ts';

/** The status payload travels under a more precise envelope type for the more-information exchange. */
export const STATUS_ENVELOPE_TYPES = { 'request-more-info': 'request.more-info', 'provide-more-info': 'request.more-info-answer' } as const;

export function envelopeTypeOf(rowType: string, payload: unknown): string {
  if (rowType !== 'request.status') return rowType;
  const action = (payload as { action?: string } | null)?.action;
  return action && action in STATUS_ENVELOPE_TYPES ? STATUS_ENVELOPE_TYPES[action as keyof typeof STATUS_ENVELOPE_TYPES] : rowType;
}

function requestsDeps(appDeps: AppDeps) {
  const deps = requestsOf(appDeps);
  if (!deps) throw new ValidationError('requests_unavailable', 'This node does not run the requests capability.');
  return deps;
}

/**
 * The sender is who its card says: a peer may only send requests as the authority and State its
 * card names, and only to this node's State. The signature proves which node sent the request;
 * without this check a trusted peer could file a request in another authority's or State's name.
 */
async function checkTransmitParties(
  trx: Kysely<Database>,
  peer: PeerRow,
  recipientOrganisationId: string | null,
  payload: RequestTransmitPayload,
): Promise<void> {
  const { requesting, requested } = payload;
  if (requesting.state !== peer.country || requesting.name !== peer.authority_name) {
    throw new ValidationError(
      'requesting_party_mismatch',
      `The request names ${requesting.name} (${requesting.state}) as the requesting authority, but the sending node’s card is that of ${peer.authority_name} (${peer.country}).`,
    );
  }
  const own = recipientOrganisationId ? await findOrganisation(trx, recipientOrganisationId) : undefined;
  if (!own) throw new ValidationError('unknown_recipient', 'This node names no authority on its card; it cannot receive requests.');
  for (const [what, state] of [
    ['requested State', requested.state],
    ['content.requestedState', payload.content.requestedState],
  ] as const) {
    if (state !== own.country) throw new ValidationError('requested_state_mismatch', `The request's ${what} is ${state}; this node is in ${own.country}.`);
  }
}

/** Puts together the files a message carries from their chunks, checked by SHA-256, into the blob store. */
async function storeFiles(trx: Kysely<Database>, deps: Pick<RequestDeps, 'blobs'>, files: readonly { sha256: string; size: number }[]): Promise<void> {
  for (const file of files) {
    if (await deps.blobs.has(file.sha256)) continue;
    // Content-addressed and idempotent: storing before the commit cannot leave a wrong file.
    const bytes = await assembleAttachment(trx, { sha256: file.sha256, size: file.size });
    await deps.blobs.put(bytes);
    await deleteChunks(trx, file.sha256);
  }
}

export function registerRequestHandlers(runtime: FederationRuntime, appDeps: AppDeps): void {
  const transmit: InboundHandler<RequestTransmitPayload> = {
    parse: (p) => RequestTransmitPayload.parse(p),
    async handle({ trx, header, payload, peer, recipientOrganisationId, audit }) {
      const deps = requestsDeps(appDeps);
      if (payload.conversationId !== header.conversationId) throw new ValidationError('conversation_mismatch', 'The request belongs to another conversation than its envelope.');
      await checkTransmitParties(trx, peer, recipientOrganisationId, payload);
      await storeFiles(trx, deps, payload.attachments);
      const row = await applyTransmit(trx, deps, audit, { messageId: header.messageId, recipientOrganisationId, senderNodeId: header.sender, payload });
      return { result: { reference: row.reference } satisfies RequestTransmitResult, recipientOrganisationId: row.organisation_id };
    },
  };

  const status: InboundHandler<RequestStatusPayload> = {
    parse: (p) => RequestStatusPayload.parse(p),
    async handle({ trx, header, payload, audit }) {
      const deps = requestsDeps(appDeps);
      if (payload.conversationId !== header.conversationId) throw new ValidationError('conversation_mismatch', 'The status belongs to another conversation than its envelope.');
      // A peer may only move the requests it is the counterpart of.
      const mine = await trx
        .selectFrom('requests')
        .select(['organisation_id'])
        .where('conversation_id', '=', payload.conversationId)
        .where('counterpart_node_id', '=', header.sender)
        .where('side', '=', payload.side === 'requesting' ? 'requested' : 'requesting')
        .executeTakeFirst();
      if (!mine) throw new ValidationError('unknown_conversation', `No request of conversation ${payload.conversationId} with node ${header.sender} on this node.`);
      // Documents returned with an execution (or an answer) arrived ahead in chunks, like a request's.
      await storeFiles(trx, deps, payload.attachments ?? []);
      const row = await applyStatus(trx, deps, audit, { messageId: header.messageId, recipientOrganisationId: mine.organisation_id, senderNodeId: header.sender, payload });
      // The column is text; the lifecycle only ever writes a RequestState into it.
      const state = row.state as RequestStatusResult['state'];
      return { result: { reference: row.reference, state } satisfies RequestStatusResult, keepPayload: true, recipientOrganisationId: row.organisation_id };
    },
  };

  runtime.registerHandler('request.transmit', transmit);
  runtime.registerHandler('request.status', status);
  runtime.registerHandler('request.more-info', status);
  runtime.registerHandler('request.more-info-answer', status);

  runtime.attachments = {
    attachmentsOf(row) {
      // A request's own files, and the files returned with an answer (request.status).
      if (row.type !== 'request.transmit' && row.type !== 'request.status') return [];
      const files = (row.payload as { attachments?: { sha256: string; filename: string; mediaType: string }[] }).attachments ?? [];
      return files.map((f) => ({ sha256: f.sha256, name: f.filename, mediaType: f.mediaType }));
    },
    async read(sha256) {
      return (await requestsOf(appDeps)?.blobs.get(sha256)) ?? null;
    },
  };

  runtime.failureListeners.push(async (trx, { row, error }) => {
    if (!row.type.startsWith('request.') || !row.sender_organisation_id) return;
    const request = await trx
      .selectFrom('requests')
      .selectAll()
      .where('conversation_id', '=', row.conversation_id)
      .where('organisation_id', '=', row.sender_organisation_id)
      .executeTakeFirst();
    if (!request) return;
    const peer = await trx.selectFrom('federation_peers').select('authority_name').where('node_id', '=', row.recipient_node_id ?? '').executeTakeFirst();
    await notify(trx, runtime.deps.now(), {
      userIds: await concernedUsers(trx, request),
      organisationId: request.organisation_id,
      requestId: request.id,
      // The requests capability's kinds; a failed transmission is a change of the request's status as seen here.
      kind: 'status-changed',
      message: {
        code: row.type === 'request.transmit' ? 'transmission-failed' : 'message-failed',
        params: { ...requestParams(request), to: peer?.authority_name ?? null, error },
        text: `${label(request)}: the ${row.type === 'request.transmit' ? 'transmission' : 'message'} to ${peer?.authority_name ?? row.recipient_node_id} could not be delivered (${error}). An administrator can send it again.`,
      },
    });
  });
}
