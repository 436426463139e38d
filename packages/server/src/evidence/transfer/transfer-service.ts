// The use case that sends an evidence item to the counterpart node of a request: the caller must
// see and read the request, the release policy must let it transmit to that node (`enforce`), and
// the item leaves with the request's marking and use limitations. The offer is queued in the
// request's conversation in an audited transaction; the delivery worker sends it and its chunks.
import { ConflictError } from '@comity/core';
import type { EvidenceOfferPayload } from '@comity/contract/evidence-transfer';
import type { AppDeps } from '../../deps.ts';
import { auditedTransaction } from '../../deps.ts';
import { federationOf } from '../../federation/capability.ts';
import { effectiveMarkingOf, enforce, type PolicyWho } from '../../policy/policy-service.ts';
import { loadReadable } from '../../requests/request-service.ts';
import { requestsOf } from '../../requests/requests-capability.ts';
import { buildOffer, type ContentSource, queueOffer } from './transfer-sender.ts';

export const DEFAULT_TRANSFER_CHUNK = 8 * 1024 * 1024;

export interface SendEvidenceInput {
  requestId: string;
  sentWith: EvidenceOfferPayload['sentWith'];
  item: Omit<EvidenceOfferPayload['item'], 'size'>;
  source: ContentSource;
  chunkSize?: number;
}

export function limitationsOf(marking: ReturnType<typeof effectiveMarkingOf>): EvidenceOfferPayload['limitations'] {
  return {
    tlp: marking.tlp,
    handling: marking.handling,
    handlingNotes: marking.handlingNotes,
    speciality: marking.limitations.speciality,
    confidential: marking.limitations.confidential,
    permittedUses: marking.limitations.permittedUses,
    reviewOn: marking.limitations.reviewOn,
    notes: marking.limitations.notes,
  };
}

export async function sendEvidence(appDeps: AppDeps, who: PolicyWho, input: SendEvidenceInput): Promise<{ transferId: string; messageId: string }> {
  const requests = requestsOf(appDeps);
  const runtime = federationOf(appDeps);
  if (!requests || !runtime) throw new ConflictError('federation_unavailable', 'This node does not run requests and federation.');
  const row = await loadReadable(requests, who, input.requestId);
  if (!row.counterpart_node_id) throw new ConflictError('no_counterpart_node', 'This request has no counterpart node; evidence can only travel to a peer.');
  await enforce(appDeps, who, row, { kind: 'transmit', to: { nodeId: row.counterpart_node_id, organisationId: null } });
  const offer = await buildOffer({
    peerNodeId: row.counterpart_node_id,
    conversationId: row.conversation_id,
    senderOrganisationId: row.organisation_id,
    sentWith: input.sentWith,
    item: input.item,
    limitations: limitationsOf(effectiveMarkingOf(row)),
    source: input.source,
    chunkSize: input.chunkSize ?? DEFAULT_TRANSFER_CHUNK,
  });
  const queued = await auditedTransaction(appDeps, { actor: who.actor, requestId: who.requestId, organisationId: row.organisation_id }, async (trx, audit) => {
    const written = await queueOffer(trx, appDeps.now(), { peerNodeId: row.counterpart_node_id!, senderOrganisationId: row.organisation_id, offer });
    audit('evidence.transfer.send', `transfer:${offer.transferId}`, {
      requestId: row.id,
      peer: row.counterpart_node_id,
      messageId: written.message_id,
      sentWith: offer.sentWith,
      item: { id: offer.item.id, title: offer.item.title, sha256: offer.item.sha256, size: offer.item.size },
      limitations: offer.limitations,
      chunkSize: offer.content.chunkSize,
      chunkCount: offer.content.chunkCount,
    });
    return written;
  });
  runtime.wake();
  return { transferId: offer.transferId, messageId: queued.message_id };
}
