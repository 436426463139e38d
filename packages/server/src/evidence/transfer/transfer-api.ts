// The user's side of evidence transfers: send an item of a request to the request's counterpart
// node (the requesting side with its request, the requested side with its answer), and see each
// transfer of an item (offered, sending with its progress, accepted, refused with the reason).
// Whether the item may go is the release policy's decision (`enforceRecord`, in sendEvidence).
import { IdParams } from '@comity/contract';
import { EvidenceTransferList, EvidenceTransferView, SendEvidenceBody } from '@comity/contract/evidence-transfer';
import { ConflictError } from '@comity/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../auth/authenticate.ts';
import type { AppDeps } from '../../deps.ts';
import { policyTrailOf } from '../../policy/policy-routes-check.ts';
import { evidenceOf } from '../evidence-capability.ts';
import { readEvidenceItem } from '../evidence-service.ts';
import { listItemTransfers, sendEvidence } from './transfer-service.ts';

export async function transferApiRoutes(app: FastifyInstance, appDeps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const who = (request: FastifyRequest) => ({ actor: request.actor, requestId: String(request.id), trail: policyTrailOf(request) });

  r.post(
    '/api/v1/evidence/:id/transfers',
    {
      config: { permission: 'evidence:export', policy: ['read', 'transmit'] },
      schema: {
        tags: ['evidence'],
        summary: "Send the item to the counterpart node of its request (with the request, or with the answer)",
        description:
          'The item leaves with its hashes, time-stamp tokens, custody log and the combined limitations of its marking and its request; the release policy decides whether it may go to that node (403 policy_denied otherwise). ' +
          'An item of a case travels with one of the case’s linked requests (`requestId`; 409 request_required without it, item_not_on_request when the request is not linked to the case). ' +
          '409 no_counterpart_node when the request is not exchanged with a peer node. The transfer is then followed on GET /api/v1/evidence/{id}/transfers.',
        params: IdParams,
        body: SendEvidenceBody,
        response: { 202: EvidenceTransferView },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'evidence:export');
      const evidence = evidenceOf(appDeps);
      if (!evidence) throw new ConflictError('evidence_unavailable', 'This node keeps no evidence.');
      // Only someone who may read the item learns whether it can travel.
      const { item } = await readEvidenceItem(evidence, who(request), request.params.id);
      const requestId = item.request_id ?? request.body.requestId;
      if (!requestId) throw new ConflictError('request_required', 'An item of a case travels with one of the case’s requests: name it (requestId).');
      if (item.request_id && request.body.requestId && request.body.requestId !== item.request_id) {
        throw new ConflictError('item_not_on_request', 'An item of a request travels with its own request only.');
      }
      const { transferId } = await sendEvidence(appDeps, who(request), { requestId, itemId: item.id, sentWith: request.body.sentWith });
      const view = (await listItemTransfers(appDeps, who(request), item.id)).find((t) => t.transferId === transferId);
      if (!view) throw new Error(`transfer ${transferId} was queued but is not listed`);
      return reply.code(202).send(view);
    },
  );

  r.get(
    '/api/v1/evidence/:id/transfers',
    {
      config: { permission: 'evidence:read', policy: ['read'] },
      schema: {
        tags: ['evidence'],
        summary: 'The transfers of an item: sent from this node, and the one it arrived by',
        params: IdParams,
        response: { 200: EvidenceTransferList },
      },
    },
    async (request) => {
      requirePermission(request, 'evidence:read');
      return { items: await listItemTransfers(appDeps, who(request), request.params.id) };
    },
  );
}
