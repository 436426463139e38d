// The signed receipt of a public check of the stolen cultural property registry (issue 15 part 4):
// what was asked (digests only), when, against which registry version, and what was found, signed
// by the node's Ed25519 key. The file is the RFC 8785 canonical JSON of the receipt and nothing
// else, so a change of any byte either breaks the JSON, breaks the canonical form or changes what
// the signature covers. Verification is pure; the caller passes the cryptography.
import { type JsonValue, canonicalJson } from '../shared/canonical-json.ts';

export const RECEIPT_FORMAT = 'comity.cultural-property.check-receipt/1';
export const NO_MATCH_NOTICE =
  'No match does not mean not stolen: the registry holds only the objects reported to it and marked public, and a photograph or description may miss a match.';

export interface ReceiptMatch {
  recordId: string;
  reference: string;
  title: string;
  reportingAuthority: string;
  /** Hamming distance of the nearest image hash (0–64), when the photo matched. */
  imageDistance: number | null;
  /** Share of the query's words found in the record (0–1), when the text matched. */
  textScore: number | null;
  /** A record another node published to this one: that node and its authority (absent for this node's own). */
  origin?: { nodeId: string; authority: string };
}

export interface CheckReceiptBody {
  format: typeof RECEIPT_FORMAT;
  checkId: string;
  checkedAt: string;
  node: { id: string; publicKey: string };
  /** photoKept: present (true) only when the person agreed to leave the photo with the registry; older receipts lack it. */
  query: { textSha256: string | null; imageSha256: string | null; fields: string[]; photoKept?: true };
  /**
   * The public set checked: this node's public records and those its peers published to it (the
   * peers listed with their counts, absent when none). The digest covers all of them.
   */
  registry: { publicRecords: number; digest: string; peers?: { nodeId: string; records: number }[] };
  result: { outcome: 'no-match' | 'possible-matches'; matches: ReceiptMatch[] };
  notice: string;
}

export interface CheckReceipt extends CheckReceiptBody {
  signature: { algorithm: 'Ed25519'; value: string };
}

export interface ReceiptCrypto {
  /** Ed25519 verification with the raw 32-byte public key given base64url. */
  verifyEd25519(publicKeyRaw: string, message: string, signature: string): boolean;
  sha256Hex(data: string | Uint8Array): string;
  decodeBase64url(text: string): Uint8Array;
}

/** The node id a signing key belongs to (`node-` and the first 20 hex digits of SHA-256 of the raw key). */
export function nodeIdOfRawKey(raw: Uint8Array, sha256Hex: ReceiptCrypto['sha256Hex']): string {
  return `node-${sha256Hex(raw).slice(0, 20)}`;
}

/** What the signature covers: the canonical body without the signature member. */
export function receiptSigningText(body: CheckReceiptBody): string {
  return canonicalJson(body as unknown as JsonValue);
}

/** The file's exact text. */
export function receiptFileText(receipt: CheckReceipt): string {
  return canonicalJson(receipt as unknown as JsonValue);
}

/**
 * Digest of the public registry: SHA-256 over the canonical list of [record id, version] pairs
 * sorted by id, so two nodes with the same public records at the same versions give the same one.
 * A record a peer published counts with the id "<peer node id>/<record id>".
 */
export function registryDigest(records: readonly { id: string; version: number }[], sha256Hex: ReceiptCrypto['sha256Hex']): string {
  const list = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((r) => [r.id, r.version]);
  return sha256Hex(canonicalJson(list));
}

export type ReceiptProblem =
  | 'not_json'
  | 'not_canonical'
  | 'wrong_format'
  | 'missing_field'
  | 'bad_public_key'
  | 'node_id_mismatch'
  | 'bad_signature'
  | 'inconsistent_result'
  | 'notice_missing';

export type ReceiptVerification = { ok: true; receipt: CheckReceipt } | { ok: false; problem: ReceiptProblem; reason: string };

const HEX64 = /^[0-9a-f]{64}$/;
const B64URL = /^[A-Za-z0-9_-]+$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(problem: ReceiptProblem, reason: string): ReceiptVerification {
  return { ok: false, problem, reason };
}

/** Checks a receipt file's bytes: form, every field, the key's node id, the signature. */
export function verifyReceiptText(text: string, crypto: ReceiptCrypto): ReceiptVerification {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return fail('not_json', `The file is not JSON: ${(err as Error).message}`);
  }
  if (!isObject(parsed)) return fail('wrong_format', 'The file is not a JSON object.');
  if (parsed.format !== RECEIPT_FORMAT) return fail('wrong_format', `The format is not ${RECEIPT_FORMAT}.`);
  let canonical: string;
  try {
    canonical = canonicalJson(parsed as JsonValue);
  } catch (err) {
    return fail('not_canonical', `The receipt holds a value canonical JSON cannot hold: ${(err as Error).message}`);
  }
  const trimmed = text.endsWith('\n') ? text.slice(0, -1) : text;
  if (trimmed !== canonical) return fail('not_canonical', 'The file is not in the canonical form it was signed in (RFC 8785): it was edited after signing.');
  const r = parsed as Record<string, unknown>;
  for (const key of ['checkId', 'checkedAt', 'node', 'query', 'registry', 'result', 'notice', 'signature'] as const) {
    if (r[key] === undefined) return fail('missing_field', `The receipt has no "${key}".`);
  }
  const node = r.node;
  const sig = r.signature;
  const query = r.query;
  const registry = r.registry;
  const result = r.result;
  if (!isObject(node) || typeof node.id !== 'string' || typeof node.publicKey !== 'string') return fail('missing_field', 'The receipt does not name the node and its public key.');
  if (!isObject(sig) || sig.algorithm !== 'Ed25519' || typeof sig.value !== 'string' || !B64URL.test(sig.value)) return fail('missing_field', 'The receipt has no Ed25519 signature.');
  if (!isObject(query) || !Array.isArray(query.fields)) return fail('missing_field', 'The receipt does not say what was asked.');
  for (const k of ['textSha256', 'imageSha256'] as const) {
    const v = query[k];
    if (v !== null && (typeof v !== 'string' || !HEX64.test(v))) return fail('missing_field', `query.${k} is not a SHA-256 digest.`);
  }
  if (query.photoKept !== undefined && (query.photoKept !== true || query.imageSha256 === null)) return fail('missing_field', 'query.photoKept is true, with a photo, or absent.');
  if (query.textSha256 === null && query.imageSha256 === null) return fail('missing_field', 'The receipt asks nothing (no text and no image digest).');
  if (!isObject(registry) || typeof registry.publicRecords !== 'number' || typeof registry.digest !== 'string' || !HEX64.test(registry.digest)) return fail('missing_field', 'The receipt does not name the registry version.');
  if (typeof r.checkedAt !== 'string' || Number.isNaN(Date.parse(r.checkedAt))) return fail('missing_field', 'checkedAt is not a date and time.');
  if (typeof r.notice !== 'string' || r.notice !== NO_MATCH_NOTICE) return fail('notice_missing', 'The receipt does not carry the notice that no match does not mean not stolen.');
  if (!isObject(result) || !Array.isArray(result.matches) || (result.outcome !== 'no-match' && result.outcome !== 'possible-matches')) return fail('missing_field', 'The receipt has no result.');
  if ((result.outcome === 'no-match') !== (result.matches.length === 0)) return fail('inconsistent_result', `The outcome "${result.outcome}" does not agree with ${result.matches.length} match(es) listed.`);
  if (!B64URL.test(node.publicKey)) return fail('bad_public_key', 'The public key is not base64url.');
  const raw = crypto.decodeBase64url(node.publicKey);
  if (raw.length !== 32) return fail('bad_public_key', `The public key is ${raw.length} bytes; an Ed25519 key is 32.`);
  const expectedId = nodeIdOfRawKey(raw, crypto.sha256Hex);
  if (expectedId !== node.id) return fail('node_id_mismatch', `The key belongs to ${expectedId}, not to ${node.id}.`);
  const { signature: _s, ...body } = r;
  if (!crypto.verifyEd25519(node.publicKey, receiptSigningText(body as unknown as CheckReceiptBody), sig.value)) {
    return fail('bad_signature', `The signature does not verify with the key of ${node.id}: the receipt was changed or was not signed by that node.`);
  }
  return { ok: true, receipt: parsed as unknown as CheckReceipt };
}
