// Verifies a court package offline: the ZIP's table of contents, the manifest's canonical form and
// Ed25519 signature, the node card that signed it, every file's size and SHA-256 (and SHA-512 when
// listed), every item's custody chain (with the vault's own `verifyCustodyChain`) and every RFC 3161
// timestamp token. Every problem is collected, each with a stable code and the file, item and event
// it concerns, so an expert learns exactly what differs. The same function runs in `comity evidence
// verify` (node:crypto) and in the verifier page (WebCrypto), through `PackageVerifierCrypto`.
import { cardSigningText, type SignedNodeCard } from '../federation/node-card.ts';
import { canonicalJson, type JsonValue } from '../shared/canonical-json.ts';
import type { Hasher } from '../shared/ports.ts';
import { type CustodyEvent, verifyCustodyChain } from './custody.ts';
import {
  MANIFEST_PATH,
  MANIFEST_SIGNATURE_PATH,
  type ManifestSignature,
  manifestFiles,
  manifestShapeProblem,
  manifestSigningText,
  type PackageManifest,
} from './package-manifest.ts';
import { decodeUtf8Strict, encodeUtf8, type RandomAccessSource, readZipToc, type ZipEntry, ZipFormatError } from './package-zip.ts';

export type DigestAlg = 'SHA-256' | 'SHA-512';

export interface TimestampCheck {
  ok: boolean;
  /** When the authority says it signed (from the token), when it could be read. */
  genTime: string | null;
  reason?: string;
}

export interface PackageVerifierCrypto {
  /** Hex digest of bytes. */
  digest(alg: DigestAlg, data: Uint8Array): Promise<string>;
  /** Hex digests of `length` bytes of the package from `offset`, for each algorithm asked. */
  digestRange(src: RandomAccessSource, offset: number, length: number, algs: DigestAlg[]): Promise<Partial<Record<DigestAlg, string>>>;
  /** Ed25519 over `message` with a raw public key; both key and signature base64url. */
  verifyEd25519(publicKey: string, message: Uint8Array, signature: string): Promise<boolean>;
  /** Checks an RFC 3161 token (DER) against the SHA-256 it must stamp and the trusted roots (DER). */
  checkTimestampToken(token: Uint8Array, imprintSha256: string, roots: Uint8Array[]): Promise<TimestampCheck>;
}

export type PackageProblemCode =
  | 'not_a_zip'
  | 'zip_corrupt'
  | 'zip_entry_compressed'
  | 'zip_entry_name'
  | 'zip_duplicate_entry'
  | 'zip_unexpected_bytes'
  | 'not_a_package'
  | 'manifest_invalid'
  | 'manifest_not_canonical'
  | 'signature_missing'
  | 'signature_invalid'
  | 'signature_key_mismatch'
  | 'node_card_invalid'
  | 'file_missing'
  | 'file_unexpected'
  | 'file_size_mismatch'
  | 'file_hash_mismatch'
  | 'custody_invalid'
  | `custody_${string}`
  | 'timestamp_imprint_unknown'
  | 'timestamp_invalid';

export interface PackageProblem {
  code: PackageProblemCode;
  message: string;
  path?: string;
  itemId?: string;
  seq?: number;
}

export interface PackageReport {
  ok: boolean;
  /** What the package says it is, when its manifest could be read. */
  package: {
    subject: PackageManifest['subject'];
    createdAt: string;
    createdBy: PackageManifest['createdBy'];
    node: { nodeId: string; authority: string; state: string; signingKeyFingerprint: string };
  } | null;
  items: Array<{
    id: string;
    title: string;
    sha256: string | null;
    files: number;
    custodyEvents: number;
    timestamps: Array<{ tsa: string; genTime: string | null; ok: boolean }>;
    ok: boolean;
  }>;
  checked: { files: number; bytes: number; custodyEvents: number; timestamps: number; signature: boolean };
  problems: PackageProblem[];
}

function base64Decode(s: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const clean = s.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const ch of clean) {
    const v = ch === '+' ? 62 : ch === '/' ? 63 : alphabet.indexOf(ch);
    if (v < 0) throw new Error('not base64');
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

function formatKeyFingerprint(hex: string): string {
  return (hex.slice(0, 40).match(/.{4}/g) ?? []).join(' ');
}

/**
 * Runs the vault's synchronous custody check with asynchronous crypto: a first pass records every
 * text it hashes and every signature it checks, those are computed with the port, and a second
 * pass answers from the results. The chain rules themselves are the vault's, unchanged.
 */
async function custodyWithAsyncCrypto(
  crypto: PackageVerifierCrypto,
  keysFor: (keyId: string) => string[],
  itemId: string,
  events: CustodyEvent[],
  head: { seq: number; hash: string },
) {
  const hashes = new Map<string, string>();
  const sigs = new Map<string, boolean>();
  let missing = false;
  const hasher: Hasher = {
    sha256Hex(text) {
      const h = hashes.get(text);
      if (h !== undefined) return h;
      missing = true;
      hashes.set(text, '');
      return '';
    },
  };
  const verifyWith = (keyId: string) => {
    const keys = keysFor(keyId);
    if (keys.length === 0) return null;
    return (text: string, signature: string) =>
      keys.some((k) => {
        const key = `${k}\u0000${signature}\u0000${text}`;
        const r = sigs.get(key);
        if (r !== undefined) return r;
        missing = true;
        sigs.set(key, false);
        return false;
      });
  };
  let result = verifyCustodyChain(hasher, verifyWith, itemId, events, head);
  for (let round = 0; missing && round < 3; round++) {
    missing = false;
    for (const [text, h] of hashes) if (h === '') hashes.set(text, await crypto.digest('SHA-256', encodeUtf8(text)));
    for (const [key, r] of sigs) {
      if (r) continue;
      const [k, signature, text] = key.split('\u0000') as [string, string, string];
      sigs.set(key, await crypto.verifyEd25519(k, encodeUtf8(text), signature).catch(() => false));
    }
    result = verifyCustodyChain(hasher, verifyWith, itemId, events, head);
  }
  return result;
}

export async function verifyPackage(src: RandomAccessSource, crypto: PackageVerifierCrypto): Promise<PackageReport> {
  const problems: PackageProblem[] = [];
  const report: PackageReport = {
    ok: false,
    package: null,
    items: [],
    checked: { files: 0, bytes: 0, custodyEvents: 0, timestamps: 0, signature: false },
    problems,
  };
  let entries: ZipEntry[];
  try {
    const toc = await readZipToc(src);
    entries = toc.entries;
    problems.push(...toc.problems);
  } catch (err) {
    if (err instanceof ZipFormatError) {
      problems.push({ code: err.code, message: err.message });
      return report;
    }
    throw err;
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  const readEntry = (e: ZipEntry) => src.read(e.dataOffset, e.size);

  const manifestEntry = byName.get(MANIFEST_PATH);
  if (!manifestEntry) {
    problems.push({ code: 'not_a_package', path: MANIFEST_PATH, message: `The ZIP has no ${MANIFEST_PATH}: it is not a Comity evidence package.` });
    return report;
  }
  const manifestBytes = await readEntry(manifestEntry);
  let manifestText: string;
  let manifest: PackageManifest;
  try {
    manifestText = decodeUtf8Strict(manifestBytes);
    const parsed: unknown = JSON.parse(manifestText);
    const shape = manifestShapeProblem(parsed);
    if (shape) {
      problems.push({ code: 'manifest_invalid', path: MANIFEST_PATH, message: `The manifest cannot be read: ${shape}.` });
      return report;
    }
    manifest = parsed as PackageManifest;
  } catch (err) {
    problems.push({ code: 'manifest_invalid', path: MANIFEST_PATH, message: `The manifest is not JSON (${(err as Error).message}).` });
    return report;
  }
  if (canonicalJson(manifest as unknown as JsonValue) !== manifestText) {
    problems.push({ code: 'manifest_not_canonical', path: MANIFEST_PATH, message: 'The manifest is not in canonical JSON form (RFC 8785): it was edited after the node wrote it.' });
  }

  // The node card, and the signature over the manifest by its signing key.
  const card = manifest.node;
  const nodeKey = card.card.keys.signing.publicKey;
  let nodeKeyBytes: Uint8Array = new Uint8Array();
  try {
    nodeKeyBytes = base64Decode(nodeKey);
  } catch {}
  report.package = {
    subject: manifest.subject,
    createdAt: manifest.createdAt,
    createdBy: manifest.createdBy,
    node: {
      nodeId: card.card.nodeId,
      authority: card.card.authority?.name ?? '',
      state: card.card.authority?.state ?? '',
      signingKeyFingerprint: formatKeyFingerprint(await crypto.digest('SHA-256', nodeKeyBytes)),
    },
  };
  const cardOk = async (c: SignedNodeCard) => crypto.verifyEd25519(c.card.keys.signing.publicKey, encodeUtf8(cardSigningText(c.card)), c.signature).catch(() => false);
  if (!(await cardOk(card))) {
    problems.push({ code: 'node_card_invalid', message: `The card of node ${card.card.nodeId} in the manifest is not signed by the key it names.` });
  }
  for (const peer of manifest.peers) {
    if (!(await cardOk(peer))) problems.push({ code: 'node_card_invalid', message: `The card of peer node ${peer.card.nodeId} is not signed by the key it names.` });
  }
  const sigEntry = byName.get(MANIFEST_SIGNATURE_PATH);
  if (!sigEntry) {
    problems.push({ code: 'signature_missing', path: MANIFEST_SIGNATURE_PATH, message: `The package has no ${MANIFEST_SIGNATURE_PATH}: nothing vouches for the manifest.` });
  } else {
    let sig: ManifestSignature | null = null;
    try {
      sig = JSON.parse(decodeUtf8Strict(await readEntry(sigEntry))) as ManifestSignature;
    } catch {}
    if (!sig || typeof sig.signature !== 'string' || typeof sig.publicKey !== 'string') {
      problems.push({ code: 'signature_invalid', path: MANIFEST_SIGNATURE_PATH, message: 'The manifest signature file cannot be read.' });
    } else if (sig.publicKey !== nodeKey) {
      problems.push({ code: 'signature_key_mismatch', path: MANIFEST_SIGNATURE_PATH, message: `The manifest is signed with a key that is not the signing key of node ${card.card.nodeId}.` });
    } else if (!(await crypto.verifyEd25519(nodeKey, encodeUtf8(manifestSigningText(manifestText)), sig.signature).catch(() => false))) {
      problems.push({ code: 'signature_invalid', path: MANIFEST_SIGNATURE_PATH, message: `The manifest signature does not verify with the key of node ${card.card.nodeId}: the manifest or the signature was changed.` });
    } else report.checked.signature = true;
  }

  // Every listed file: present, same size, same hashes; nothing else in the archive.
  const listed = manifestFiles(manifest);
  const listedPaths = new Set([...listed.map((f) => f.path), MANIFEST_PATH, MANIFEST_SIGNATURE_PATH]);
  for (const e of entries) {
    if (!listedPaths.has(e.name)) problems.push({ code: 'file_unexpected', path: e.name, message: `"${e.name}" is in the ZIP but not in the manifest: it was added after the package was built.` });
  }
  const fileOk = new Map<string, boolean>();
  for (const f of listed) {
    const e = byName.get(f.path);
    const about = { path: f.path, ...(f.itemId ? { itemId: f.itemId } : {}) };
    if (!e) {
      problems.push({ code: 'file_missing', ...about, message: `"${f.path}" (${f.what}) is listed in the manifest but missing from the ZIP.` });
      fileOk.set(f.path, false);
      continue;
    }
    let ok = true;
    if (e.size !== f.size) {
      problems.push({ code: 'file_size_mismatch', ...about, message: `"${f.path}" has ${e.size} bytes; the manifest says ${f.size}.` });
      ok = false;
    }
    const algs: DigestAlg[] = f.sha512 ? ['SHA-256', 'SHA-512'] : ['SHA-256'];
    const d = await crypto.digestRange(src, e.dataOffset, e.size, algs);
    report.checked.files++;
    report.checked.bytes += e.size;
    // One problem per changed file, naming every digest that differs (a changed byte changes both).
    const differs: string[] = [];
    if (d['SHA-256'] !== f.sha256) differs.push(`SHA-256 is ${d['SHA-256']}; the manifest says ${f.sha256}`);
    if (f.sha512 && d['SHA-512'] !== f.sha512) differs.push('SHA-512 does not match the manifest');
    if (differs.length) {
      problems.push({ code: 'file_hash_mismatch', ...about, message: `"${f.path}" was changed: its ${differs.join('; its ')}.` });
      ok = false;
    }
    fileOk.set(f.path, ok);
  }

  // Custody chains, checked with the signing keys the manifest's cards name (current and endorsed previous).
  const keysByNode = new Map<string, string[]>();
  for (const c of [card, ...manifest.peers]) {
    const keys = [c.card.keys.signing.publicKey, ...(c.endorsement ? [c.endorsement.signingKey] : [])];
    keysByNode.set(c.card.nodeId, [...(keysByNode.get(c.card.nodeId) ?? []), ...keys]);
  }
  const roots: Uint8Array[] = [];
  for (const r of manifest.timestampRoots) {
    try {
      roots.push(base64Decode(r));
    } catch {}
  }
  for (const item of manifest.items) {
    const before = problems.length;
    const summary: PackageReport['items'][number] = {
      id: item.id,
      title: item.title,
      sha256: item.files.find((f) => f.role === 'original')?.sha256 ?? item.files[0]?.sha256 ?? null,
      files: item.files.length,
      custodyEvents: 0,
      timestamps: [],
      ok: false,
    };
    const ce = byName.get(item.custody.path);
    if (ce) {
      let events: CustodyEvent[] | null = null;
      try {
        const parsed: unknown = JSON.parse(decodeUtf8Strict(await readEntry(ce)));
        if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'object' && x !== null)) events = parsed as CustodyEvent[];
      } catch {}
      if (!events) {
        problems.push({ code: 'custody_invalid', path: item.custody.path, itemId: item.id, message: `The custody log of item ${item.id} is not a JSON list of events.` });
      } else {
        const result = await custodyWithAsyncCrypto(crypto, (keyId) => keysByNode.get(keyId) ?? [], item.id, events, {
          seq: item.custody.headSeq,
          hash: item.custody.headHash,
        });
        summary.custodyEvents = result.events;
        report.checked.custodyEvents += result.events;
        for (const p of result.problems) {
          problems.push({ code: `custody_${p.kind}`, path: item.custody.path, itemId: item.id, seq: p.seq, message: `Custody of item ${item.id}: ${p.reason}.` });
        }
      }
    }
    for (const t of item.timestamps) {
      if (!item.files.some((f) => f.sha256 === t.imprintSha256)) {
        problems.push({ code: 'timestamp_imprint_unknown', path: t.path, itemId: item.id, message: `The timestamp "${t.path}" stamps a hash that is none of item ${item.id}'s files.` });
      }
      const te = byName.get(t.path);
      if (!te) {
        summary.timestamps.push({ tsa: t.tsa, genTime: t.genTime, ok: false });
        continue;
      }
      report.checked.timestamps++;
      let check: TimestampCheck;
      try {
        check = await crypto.checkTimestampToken(await readEntry(te), t.imprintSha256, roots);
      } catch (err) {
        check = { ok: false, genTime: null, reason: (err as Error).message };
      }
      summary.timestamps.push({ tsa: t.tsa, genTime: check.genTime ?? t.genTime, ok: check.ok });
      if (!check.ok) {
        problems.push({ code: 'timestamp_invalid', path: t.path, itemId: item.id, message: `The timestamp token "${t.path}" from ${t.tsa} does not verify: ${check.reason ?? 'invalid'}.` });
      }
    }
    summary.ok = problems.length === before && item.files.every((f) => fileOk.get(f.path)) && fileOk.get(item.custody.path) === true;
    report.items.push(summary);
  }
  report.ok = problems.length === 0;
  return report;
}
