// RFC 3161 token checks for the package verifier: the tsa capability's verifyTimestampToken.
import type { TimestampCheck } from '@comity/core/evidence/package-verify';

export async function checkTimestampForPackage(_token: Uint8Array, _imprintSha256: string, _roots: Uint8Array[]): Promise<TimestampCheck> {
  // Replaced by the tsa capability's verifyTimestampToken when wt/tsa is merged.
  return { ok: false, genTime: null, reason: 'timestamp checks are not available in this build' };
}
