// The court package's manifest: what a package holds and what each byte of it must hash to, signed
// by the node. It is canonical JSON (RFC 8785) so that the signed bytes are the file's bytes and a
// second implementation can rebuild them. Pure: the node writes it, the CLI and the offline page
// read it with the same code.
import type { SignedNodeCard } from '../federation/node-card.ts';
import { type JsonValue, canonicalJson } from '../shared/canonical-json.ts';

export const PACKAGE_FORMAT = 'comity-evidence-package';
export const PACKAGE_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';
export const MANIFEST_SIGNATURE_PATH = 'manifest.sig.json';

export interface PackageFile {
  /** Path inside the ZIP. */
  path: string;
  size: number;
  sha256: string;
  /** Present when the node computed it (courts that ask for SHA-512). */
  sha512?: string | null | undefined;
}

export interface PackageItemFile extends PackageFile {
  /** `original` for the evidence itself; a capture adds `screenshot`, `pdf`, `html`, `warc`, `wacz`, `metadata`. */
  role: string;
  mediaType: string;
}

export interface PackageTimestamp extends PackageFile {
  /** The timestamp authority the token came from (its URL as configured on the node). */
  tsa: string;
  /** The SHA-256 the token stamps: one of the item's files. */
  imprintSha256: string;
  /** The time the authority signed, as the node read it from the token. */
  genTime: string | null;
}

export interface PackageItem {
  id: string;
  title: string;
  description: string | null;
  /** How the item came to the node, as the vault records it (uploaded, captured, received from node X). */
  source: JsonValue;
  acquiredAt: string;
  capturedBy: string | null;
  marking: JsonValue;
  /** The use limitations attached to the item (speciality, confidentiality), as recorded. */
  useLimitations: JsonValue;
  files: PackageItemFile[];
  /** The custody log, a JSON array of events as the node recorded them. */
  custody: PackageFile & { events: number; headSeq: number; headHash: string };
  timestamps: PackageTimestamp[];
}

export interface PackageDocument extends PackageFile {
  role: 'report' | 'verifier' | 'readme';
  language: string | null;
}

export interface PackageManifest {
  format: typeof PACKAGE_FORMAT;
  version: typeof PACKAGE_VERSION;
  createdAt: string;
  createdBy: { userId: string; email: string; organisation: string };
  subject: { kind: 'item' | 'case' | 'request'; id: string; reference: string | null; title: string | null };
  /** The node that signed the manifest and the custody events it recorded. */
  node: SignedNodeCard;
  /** Cards of other nodes whose keys signed custody events of items received from them. */
  peers: SignedNodeCard[];
  /** Certificates (DER, base64) the timestamp tokens are checked against, as configured on the node. */
  timestampRoots: string[];
  items: PackageItem[];
  documents: PackageDocument[];
}

export interface ManifestSignature {
  alg: 'Ed25519';
  nodeId: string;
  /** Raw public key, base64url: the node card's signing key. */
  publicKey: string;
  /** Over `manifestSigningText(manifest bytes)`, base64url. */
  signature: string;
}

/** What the node signs: the manifest's exact text under a purpose, so the signature means nothing elsewhere. */
export function manifestSigningText(manifestJson: string): string {
  return `comity-evidence-package-v1:${manifestJson}`;
}

export function serialiseManifest(m: PackageManifest): string {
  return canonicalJson(m as unknown as JsonValue);
}

/** Every file the manifest names, with what it must hash to. */
export function manifestFiles(m: PackageManifest): Array<PackageFile & { itemId: string | null; what: string }> {
  const out: Array<PackageFile & { itemId: string | null; what: string }> = [];
  for (const item of m.items) {
    for (const f of item.files) out.push({ ...f, itemId: item.id, what: f.role });
    out.push({ ...item.custody, itemId: item.id, what: 'custody' });
    for (const t of item.timestamps) out.push({ ...t, itemId: item.id, what: 'timestamp' });
  }
  for (const d of m.documents) out.push({ ...d, itemId: null, what: d.role });
  return out;
}

const HEX64 = /^[0-9a-f]{64}$/;
const HEX128 = /^[0-9a-f]{128}$/;

/** Why a parsed manifest is not one this verifier understands, or null. Names the first bad field. */
export function manifestShapeProblem(v: unknown): string | null {
  const obj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  const str = (x: unknown) => typeof x === 'string';
  const strOrNull = (x: unknown) => x === null || typeof x === 'string';
  const size = (x: unknown) => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
  const file = (f: unknown, at: string): string | null => {
    if (!obj(f)) return `${at} is not an object`;
    if (!str(f.path)) return `${at}.path is missing`;
    if (!size(f.size)) return `${at}.size is not a size`;
    if (!str(f.sha256) || !HEX64.test(f.sha256 as string)) return `${at}.sha256 is not a SHA-256`;
    if (f.sha512 !== undefined && f.sha512 !== null && (!str(f.sha512) || !HEX128.test(f.sha512 as string))) return `${at}.sha512 is not a SHA-512`;
    return null;
  };
  const card = (c: unknown, at: string): string | null => {
    if (!obj(c) || !obj(c.card) || !str(c.signature)) return `${at} is not a signed node card`;
    const k = (c.card as Record<string, unknown>).keys;
    if (!obj(k) || !obj(k.signing) || !str((k.signing as Record<string, unknown>).publicKey)) return `${at} has no signing key`;
    if (!str((c.card as Record<string, unknown>).nodeId)) return `${at} has no node id`;
    return null;
  };
  if (!obj(v)) return 'the manifest is not a JSON object';
  if (v.format !== PACKAGE_FORMAT) return `format is not "${PACKAGE_FORMAT}"`;
  if (v.version !== PACKAGE_VERSION) return `version ${String(v.version)} is not supported (this verifier reads version ${PACKAGE_VERSION})`;
  if (!str(v.createdAt)) return 'createdAt is missing';
  if (!obj(v.createdBy) || !str(v.createdBy.userId) || !str(v.createdBy.organisation)) return 'createdBy is missing';
  if (!obj(v.subject) || !['item', 'case', 'request'].includes(v.subject.kind as string) || !str(v.subject.id)) return 'subject is missing';
  const nodeProblem = card(v.node, 'node');
  if (nodeProblem) return nodeProblem;
  if (!Array.isArray(v.peers)) return 'peers is not a list';
  for (const [i, p] of v.peers.entries()) {
    const pp = card(p, `peers[${i}]`);
    if (pp) return pp;
  }
  if (!Array.isArray(v.timestampRoots) || !v.timestampRoots.every(str)) return 'timestampRoots is not a list of certificates';
  if (!Array.isArray(v.items) || v.items.length === 0) return 'items is empty';
  for (const [i, it] of v.items.entries()) {
    const at = `items[${i}]`;
    if (!obj(it) || !str(it.id) || !str(it.title) || !strOrNull(it.description) || !str(it.acquiredAt)) return `${at} is missing its id, title or acquisition time`;
    if (!Array.isArray(it.files) || it.files.length === 0) return `${at}.files is empty`;
    for (const [j, f] of it.files.entries()) {
      const fp = file(f, `${at}.files[${j}]`) ?? (!str((f as Record<string, unknown>).role) ? `${at}.files[${j}].role is missing` : null);
      if (fp) return fp;
    }
    const cp = file(it.custody, `${at}.custody`);
    if (cp) return cp;
    const c = it.custody as Record<string, unknown>;
    if (!size(c.events) || !size(c.headSeq) || !str(c.headHash)) return `${at}.custody has no head`;
    if (!Array.isArray(it.timestamps)) return `${at}.timestamps is not a list`;
    for (const [j, t] of it.timestamps.entries()) {
      const tp = file(t, `${at}.timestamps[${j}]`);
      if (tp) return tp;
      const tt = t as Record<string, unknown>;
      if (!str(tt.tsa) || !str(tt.imprintSha256) || !HEX64.test(tt.imprintSha256 as string)) return `${at}.timestamps[${j}] has no authority or imprint`;
    }
  }
  if (!Array.isArray(v.documents)) return 'documents is not a list';
  for (const [i, d] of v.documents.entries()) {
    const dp = file(d, `documents[${i}]`);
    if (dp) return dp;
  }
  const paths = manifestFiles(v as unknown as PackageManifest).map((f) => f.path);
  const dup = paths.find((p, i) => paths.indexOf(p) !== i);
  if (dup) return `the manifest names "${dup}" twice`;
  if (paths.includes(MANIFEST_PATH) || paths.includes(MANIFEST_SIGNATURE_PATH)) return 'the manifest lists itself';
  return null;
}
