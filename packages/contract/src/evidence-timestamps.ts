// RFC 3161 time-stamps of an evidence item, as the API shows them (in the item and on their own).
import { z } from 'zod';

export const TIMESTAMP_FAILURES = [
  'malformed_token',
  'not_a_timestamp',
  'imprint_algorithm',
  'imprint_mismatch',
  'nonce_mismatch',
  'signer_not_found',
  'signed_attributes',
  'content_digest_mismatch',
  'signature_invalid',
  'signer_not_valid_at_time',
  'signer_eku',
  'signing_certificate_mismatch',
  'untrusted_chain',
  'no_roots',
  'crypto_unavailable',
] as const;

export const EvidenceTimestampStatus = z
  .enum(['pending', 'granted', 'failed'])
  .meta({ id: 'EvidenceTimestampStatus', description: 'pending: the authority has not answered yet and is asked again with back-off; granted: a token that verified; failed: an answer that will not verify, or no answer after every attempt' });

export const EvidenceTimestampSummary = z
  .enum(['none', 'pending', 'granted', 'failed'])
  .meta({ id: 'EvidenceTimestampSummary', description: 'granted when some authority granted a token; pending while one is still being asked ("timestamp pending"); failed when every authority failed; none when no authority is configured' });

export const EvidenceTimestamp = z
  .object({
    id: z.uuid(),
    tsaUrl: z.string().describe('The time-stamp authority asked (COMITY_TSA_URLS)'),
    status: EvidenceTimestampStatus,
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable().describe('pending: when the authority is asked again'),
    genTime: z.string().nullable().describe("granted: the authority's time (TSTInfo genTime)"),
    serial: z.string().nullable().describe('granted: the token serial number, hexadecimal'),
    policy: z.string().nullable(),
    tsaName: z.string().nullable(),
    signer: z.string().nullable().describe("The TSA certificate's subject"),
    errorReason: z.string().nullable().describe('unavailable, rejected, bad_response, or a token check that failed (imprint_mismatch, nonce_mismatch, untrusted_chain …)'),
    error: z.string().nullable(),
    verified: z
      .union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), reason: z.enum(TIMESTAMP_FAILURES), message: z.string() })])
      .nullable()
      .describe("granted: the token checked again now, against the item's SHA-256 and the configured roots"),
    token: z.string().nullable().describe('granted: the token (CMS ContentInfo, DER), base64'),
  })
  .meta({ id: 'EvidenceTimestamp' });
export type EvidenceTimestamp = z.infer<typeof EvidenceTimestamp>;

export const EvidenceTimestampList = z
  .object({ summary: EvidenceTimestampSummary, timestamps: z.array(EvidenceTimestamp) })
  .meta({ id: 'EvidenceTimestampList' });
export type EvidenceTimestampList = z.infer<typeof EvidenceTimestampList>;
