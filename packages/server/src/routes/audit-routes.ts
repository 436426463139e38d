// Reading and verifying the audit trail.
import { AuditPage, AuditQuery, AuditVerification } from '@comity/contract';
import { listAudit } from '@comity/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { verifyTrail } from '../audit/audit-service.ts';
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
    { config: { permission: 'audit:verify' }, schema: { tags: ['audit'], summary: 'Verify the hash chain and its signed head', response: { 200: AuditVerification } } },
    async (request) => {
      requirePermission(request, 'audit:verify');
      return verifyTrail(deps);
    },
  );
}
