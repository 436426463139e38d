// The court package of evidence (GET /api/v1/evidence/packages/{kind}/{id} and its /contents).
import { z } from 'zod';

export const EvidencePackageKind = z.enum(['item', 'case', 'request']).meta({ id: 'EvidencePackageKind' });

export const EvidencePackageParams = z.strictObject({
  kind: EvidencePackageKind.describe('What to package: one item, or the original items of a case or a request'),
  id: z.uuid().describe('The id of the item, case or request'),
});

export const EvidencePackageContents = z
  .object({
    kind: EvidencePackageKind,
    id: z.string(),
    items: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        mediaType: z.string(),
        size: z.number().int().describe('bytes'),
        sha256: z.string(),
      }),
    ),
    totalBytes: z.number().int().describe('Sum of the items’ sizes (the ZIP adds the reports, custody logs and tokens)'),
  })
  .meta({ id: 'EvidencePackageContents' });
