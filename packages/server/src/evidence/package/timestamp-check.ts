// RFC 3161 token checks for the package verifier: the tsa capability's verifyTimestampToken (pkijs on
// WebCrypto, no node:* import), so the CLI and the offline page run the checks the node ran.
import type { TimestampCheck } from '@comity/core/evidence/package-verify';
import { verifyTimestampToken } from '../timestamp/tsp.ts';

export async function checkTimestampForPackage(token: Uint8Array, imprintSha256: string, roots: Uint8Array[]): Promise<TimestampCheck> {
  // A copy that owns its buffer: pkijs reads `.buffer` whole.
  const v = await verifyTimestampToken(token.slice(), { sha256Hex: imprintSha256, roots });
  if (v.ok) return { ok: true, genTime: v.facts.genTime };
  return { ok: false, genTime: v.facts?.genTime ?? null, reason: `${v.reason}: ${v.message}` };
}
