// Reading and verifying the audit trail.
import {
  AuditCheckpoint,
  AuditCheckpointPage,
  AuditCheckpointQuery,
  AuditConsistencyProof,
  AuditConsistencyQuery,
  AuditInclusionProof,
  AuditInclusionQuery,
  AuditPage,
  AuditQuery,
  AuditVerification,
  AuditVerifyQuery,
  ReceiptProofParams,
  ReceiptProofView,
} from '@comity/contract';
import { NotFoundError } from '@comity/core';
import { listAudit, listCheckpoints } from '@comity/db';
import { collectWitnessed } from '../audit/witness-service.ts';
import { cosignaturesOf } from '../audit/witness-store.ts';
import { consistencyProof, inclusionProof } from '../audit/audit-service.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { verifyTrail } from '../audit/audit-service.ts';
import { storedReceiptProof } from '../audit/receipt-proof-service.ts';
import { requirePermission } from '../auth/authenticate.ts';
import type { AppDeps } from '../deps.ts';
import { presentAuditEntry } from '../http/presenters.ts';

export async function auditRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/audit',
    { config: { permission: 'audit:read' }, schema: { tags: ['audit'], summary: 'Audit entries, newest first (admin)', querystring: AuditQuery, response: { 200: AuditPage } } },
    async (request) => {
      requirePermission(request, 'audit:read');
      const q = request.query;
      const rows = await listAudit(deps.db, { ...q, limit: q.limit + 1 });
      const page = rows.slice(0, q.limit);
      return { items: page.map(presentAuditEntry), nextBefore: rows.length > q.limit ? (page[page.length - 1]?.seq ?? null) : null };
    },
  );
  r.get(
    '/api/v1/audit/verify',
    {
      config: { permission: 'audit:verify' },
      schema: {
        tags: ['audit'],
        summary: 'Verify the audit log: entries, tree, signed checkpoints, anchor (and, with peers=true, the checkpoints peers witnessed)',
        querystring: AuditVerifyQuery,
        response: { 200: AuditVerification },
      },
    },
    async (request) => {
      requirePermission(request, 'audit:verify');
      const witnessed = request.query.peers === 'true' ? (await collectWitnessed(deps)).heads : [];
      return verifyTrail(deps, witnessed);
    },
  );
  // The verifiable log (issue 16): signed checkpoints with the co-signatures peers returned, and
  // RFC 9162 proofs. Audit entries carry no marking: these routes decide nothing ('none').
  r.get(
    '/api/v1/audit/checkpoints',
    {
      config: { permission: 'audit:read', policy: 'none' },
      schema: { tags: ['audit'], summary: 'Signed checkpoints of the audit log, newest first, with co-signatures (admin)', querystring: AuditCheckpointQuery, response: { 200: AuditCheckpointPage } },
    },
    async (request) => {
      requirePermission(request, 'audit:read');
      const q = request.query;
      const rows = await listCheckpoints(deps.db, { before: q.before, limit: q.limit + 1 });
      const page = rows.slice(0, q.limit);
      const cosigned = await cosignaturesOf(deps.db, page.map((c) => c.id));
      return {
        items: page.map((c) => ({ ...c, cosignatures: cosigned.get(c.id) ?? [] })),
        nextBefore: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
      };
    },
  );
  r.get(
    '/api/v1/audit/checkpoints/latest',
    { config: { permission: 'audit:read', policy: 'none' }, schema: { tags: ['audit'], summary: 'The latest signed checkpoint (admin)', response: { 200: AuditCheckpoint } } },
    async (request) => {
      requirePermission(request, 'audit:read');
      const [latest] = await listCheckpoints(deps.db, { limit: 1 });
      if (!latest) throw new NotFoundError('audit_checkpoint_not_found', 'No checkpoint has been signed yet');
      const cosigned = await cosignaturesOf(deps.db, [latest.id]);
      return { ...latest, cosignatures: cosigned.get(latest.id) ?? [] };
    },
  );
  r.get(
    '/api/v1/audit/proofs/inclusion',
    {
      config: { permission: 'audit:read', policy: 'none' },
      schema: { tags: ['audit'], summary: "An entry's RFC 9162 inclusion proof against a signed checkpoint (admin)", querystring: AuditInclusionQuery, response: { 200: AuditInclusionProof } },
    },
    async (request) => {
      requirePermission(request, 'audit:read');
      return inclusionProof(deps.db, request.query);
    },
  );
  r.get(
    '/api/v1/audit/proofs/consistency',
    {
      config: { permission: 'audit:read', policy: 'none' },
      schema: { tags: ['audit'], summary: 'RFC 9162 consistency proof between two signed checkpoints (admin)', querystring: AuditConsistencyQuery, response: { 200: AuditConsistencyProof } },
    },
    async (request) => {
      requirePermission(request, 'audit:read');
      return consistencyProof(deps.db, request.query);
    },
  );
  r.get(
    '/api/v1/audit/receipts/:messageId',
    {
      config: { permission: 'audit:read', policy: 'none' },
      schema: {
        tags: ['audit'],
        summary: "A sent message's receipt with the receiver's audit inclusion proof, checked again now against the receiver's signed checkpoint (admin)",
        params: ReceiptProofParams,
        response: { 200: ReceiptProofView },
      },
    },
    async (request) => {
      requirePermission(request, 'audit:read');
      return storedReceiptProof(deps, request.params.messageId);
    },
  );
}
