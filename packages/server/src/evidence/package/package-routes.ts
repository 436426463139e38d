// HTTP routes of the court package: what a package of an item, a case or a request would hold
// (the release policy's export decision included, nothing recorded), and the package itself,
// streamed as application/zip. Downloading records `exported` in each item's custody.
import { EvidencePackageContents, EvidencePackageParams } from '@comity/contract/evidence-package';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../auth/authenticate.ts';
import { sendProblem } from '../../http/problem.ts';
import { policyTrailOf } from '../../policy/policy-routes-check.ts';
import { PdfUnavailableError } from '../../requests/documents/render-pdf.ts';
import { type PackageDeps, buildCourtPackage, packageContents } from './package-service.ts';

const TAGS = ['evidence'];

/** `attachment; filename*=UTF-8''…` so that a reference in any script survives. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function packageRoutes(deps: () => PackageDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const who = (request: FastifyRequest) => ({ actor: request.actor, requestId: String(request.id), trail: policyTrailOf(request) });

    r.get(
      '/api/v1/evidence/packages/:kind/:id/contents',
      {
        config: { policy: ['read', 'export'], permission: 'evidence:export' },
        schema: {
          tags: TAGS,
          summary: 'What the court package of an item, a case or a request would hold',
          description:
            'The items (originals only for a case or a request) with their sizes, after the release policy allowed each to be exported as a package (403 policy_denied names the item otherwise). Nothing is recorded in the custody logs.',
          params: EvidencePackageParams,
          response: { 200: EvidencePackageContents },
        },
      },
      async (request) => {
        requirePermission(request, 'evidence:export');
        return packageContents(deps(), who(request), request.params);
      },
    );

    r.get(
      '/api/v1/evidence/packages/:kind/:id',
      {
        config: { policy: ['read', 'export'], permission: 'evidence:export' },
        schema: {
          tags: TAGS,
          summary: 'Build and download the court package (ZIP) of an item, a case or a request',
          description:
            'A ZIP streamed as it is built: the evidence files, manifest.json (canonical JSON, RFC 8785) with every SHA-256 and SHA-512, the RFC 3161 tokens, the custody logs, the node card, the marking and use limitations; manifest.sig.json (Ed25519 by the node key); the report in the six UN languages (PDF); verifier.html, which checks the package offline in a browser. Each item gets an "exported" custody event naming the package (X-Package-Id). The SHA-256 of manifest.json is in X-Manifest-SHA256. Without Chromium (for the report): 503.',
          params: EvidencePackageParams,
        },
      },
      async (request, reply) => {
        requirePermission(request, 'evidence:export');
        try {
          const built = await buildCourtPackage(deps(), who(request), request.params);
          return reply
            .header('content-type', 'application/zip')
            .header('content-disposition', contentDisposition(built.filename))
            .header('x-package-id', built.packageId)
            .header('x-manifest-sha256', built.manifestSha256)
            .send(built.stream);
        } catch (err) {
          if (err instanceof PdfUnavailableError) return sendProblem(reply, 503, err.code, err.message, { install: 'apt-get install chromium fonts-noto-core fonts-noto-cjk' });
          throw err;
        }
      },
    );
  };
}
