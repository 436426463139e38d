// The court package of an item, a case or a request: the evidence files as stored, a canonical
// manifest with every hash, timestamp token and custody log, signed by the node (Ed25519), the
// report in the six UN languages (PDF), and the offline verifier page, streamed as one ZIP.
//
// Every item goes through the release policy as an export (`enforceRecord`, format zip) before
// anything is written; one refusal refuses the package. Each item's `exported` event naming the
// package is linked (hashed, signed) first, so the package carries the record of its own making,
// but it is stored only once everything else is built (files present in the store, the six
// reports rendered, the manifest signed): a build that fails records nothing. If an item's log
// grew meanwhile (someone viewed it), the package is built again on the new log. The ZIP is then
// streamed from the blob store (nothing buffered whole); a stream that stops early is audited.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  MANIFEST_PATH,
  MANIFEST_SIGNATURE_PATH,
  type ManifestSignature,
  manifestSigningText,
  NotFoundError,
  PACKAGE_FORMAT,
  PACKAGE_VERSION,
  type PackageDocument,
  type PackageItem,
  type PackageManifest,
  serialiseManifest,
  ValidationError,
} from '@comity/core';
import { type CustodyEvent, linkCustodyEvent } from '@comity/core/evidence/custody';
import type { SignedNodeCard } from '@comity/core/federation/node-card';
import { combineAll, type Marking } from '@comity/core/policy/marking';
import { sign } from 'node:crypto';
import { sha256Hex } from '../../identity/crypto-adapters.ts';
import type { NodeKeys } from '../../identity/node-keys.ts';
import { enforceRecord, markingLine } from '../../policy/policy-service.ts';
import type { Who } from '../../requests/request-deps.ts';
import { LETTER_LANGUAGES, type LetterLanguage } from '../../requests/documents/letter-text.ts';
import type { PdfRenderer } from '../../requests/documents/render-pdf.ts';
import { CustodyMovedError, type EvidenceDeps, type EvidenceItemRow, appendLinkedCustody, evidenceKey, listCustody } from '../evidence-service.ts';
import { auditedTransaction } from '../../deps.ts';
import { REPORT_TEXT } from './report-text.ts';
import { reportHtml } from './report.ts';
import { type PackageSubject, type PackageTimestampSource, itemsOfSubject, subjectFacts, timestampsOfItem } from './package-sources.ts';
import { verifierPageHtml } from './verifier-page-build.ts';
import { type ZipSourceEntry, zipStream } from './zip-writer.ts';

export type { PackageSubject } from './package-sources.ts';

export type PackageDeps = EvidenceDeps & {
  keys: NodeKeys;
  /** This node's signed card (the federation capability's, or one made for the package). */
  ownCard(): Promise<SignedNodeCard>;
  /** Renders the report; null when the node has no Chromium (the package is then refused with 503). */
  pdf: PdfRenderer;
  /** The timestamp authorities' roots the tokens chain to (DER). */
  timestampRoots: Uint8Array[];
  /** Cards of peers, for items received from them (by node id). */
  peerCard?(nodeId: string): Promise<SignedNodeCard | null>;
};

export interface BuiltPackage {
  packageId: string;
  filename: string;
  manifest: PackageManifest;
  /** SHA-256 of manifest.json: what the custody's `exported` events and the audit name. */
  manifestSha256: string;
  stream: Readable;
}

const EXT: Record<string, string> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'application/pdf': '.pdf',
  'text/html': '.html',
  'text/plain': '.txt',
  'application/json': '.json',
  'video/mp4': '.mp4',
  'video/webm': '.webm',
  'application/zip': '.zip',
  'application/warc': '.warc',
  'application/wacz': '.wacz',
};

/** A file name safe in every unzip tool: the recorded name when there is one, else the title, with the content's extension. */
export function packageFileName(item: Pick<EvidenceItemRow, 'filename' | 'title' | 'media_type'>): string {
  const base = (item.filename ?? item.title)
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')
    .replace(/^\.+/, '_')
    .trim()
    .slice(0, 120);
  const ext = EXT[item.media_type] ?? '';
  return base.toLowerCase().endsWith(ext) ? base || `content${ext}` : `${base || 'content'}${ext}`;
}

function rawPublicKeyOf(keys: NodeKeys): string {
  return keys.signingPublic.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64url');
}

function fingerprintOf(rawKeyB64url: string): string {
  return (
    sha256Hex(Buffer.from(rawKeyB64url, 'base64url'))
      .slice(0, 40)
      .match(/.{4}/g) ?? []
  ).join(' ');
}

const README = (packageId: string, fingerprint: string) => `COMITY EVIDENCE PACKAGE ${packageId}

manifest.json      every file of this package with its size and SHA-256 (SHA-512 when computed),
                   each item's timestamp tokens and custody log, the marking and use limitations,
                   and the card of the node that signed it (canonical JSON, RFC 8785)
manifest.sig.json  the node's Ed25519 signature over manifest.json
items/             the evidence files, custody logs (custody.json) and RFC 3161 tokens (.tsr)
report/            the report in Arabic, Chinese, English, French, Russian and Spanish (PDF)
verifier.html      checks all of the above in a web browser, offline: open it and choose this ZIP

Signing key fingerprint (SHA-256 of the node's Ed25519 public key): ${fingerprint}
Confirm it with the authority that built the package by another channel.
Command line: comity evidence verify <this file>.zip [--json]
`;

/** The items a package would hold, each allowed by the release policy to be exported; nothing recorded. */
export async function packageContents(deps: PackageDeps, who: Who, subject: PackageSubject) {
  const items = await exportableItems(deps, who, subject);
  return {
    kind: subject.kind,
    id: subject.id,
    items: items.map(({ item }) => ({ id: item.id, title: item.title, mediaType: item.media_type, size: Number(item.size_bytes), sha256: item.sha256 })),
    totalBytes: items.reduce((n, { item }) => n + Number(item.size_bytes), 0),
  };
}

async function exportableItems(deps: PackageDeps, who: Who, subject: PackageSubject) {
  const items = await itemsOfSubject(deps, who, subject);
  if (items.length === 0) throw new ValidationError('package_empty', `This ${subject.kind} has no evidence item to package.`);
  // The release policy decides for each item before anything is recorded or written.
  for (const { item, record } of items) {
    await enforceRecord(deps, who, { record, auditTarget: evidenceKey(item.id), details: { itemId: item.id, title: item.title, package: subject } }, { kind: 'export', format: 'zip' });
  }
  return items;
}

/** How many times a package is built again when an item's custody log grows during the build. */
const BUILD_ATTEMPTS = 3;

export async function buildCourtPackage(deps: PackageDeps, who: Who, subject: PackageSubject): Promise<BuiltPackage> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await buildOnce(deps, who, subject);
    } catch (err) {
      if (!(err instanceof CustodyMovedError) || attempt >= BUILD_ATTEMPTS) throw err;
    }
  }
}

async function buildOnce(deps: PackageDeps, who: Who, subject: PackageSubject): Promise<BuiltPackage> {
  const actor = who.actor;
  if (!actor) throw new ValidationError('actor_required', 'A court package is built by a user, who is named in it.');
  const items = await exportableItems(deps, who, subject);
  const facts = await subjectFacts(deps, subject, items[0]!.item);
  const packageId = randomUUID();
  const createdAt = deps.now().toISOString();
  const card = await deps.ownCard();
  if (card.card.keys.signing.publicKey !== rawPublicKeyOf(deps.keys)) throw new Error('the node card does not carry the current signing key');
  const fingerprint = fingerprintOf(card.card.keys.signing.publicKey);
  // Every file must be in the store before anything is recorded (a missing one would otherwise
  // only show half-way through the ZIP).
  for (const { item } of items) {
    if ((await deps.blobs.sizeOf(item.sha256)) !== Number(item.size_bytes)) {
      throw new NotFoundError('blob_missing', `The content of item ${item.id} (${item.sha256}) is missing from the store.`);
    }
  }

  const custody = new Map<string, CustodyEvent[]>();
  const stamps = new Map<string, PackageTimestampSource[]>();
  const manifestItems: PackageItem[] = [];
  const peers = new Map<string, SignedNodeCard>();
  const exported: CustodyEvent[] = [];
  for (const { item } of items) {
    const logged = await listCustody(deps.db, item.id);
    const last = logged.at(-1);
    // The export of this package, linked to the log as read now; stored below once the package is built.
    const event = linkCustodyEvent(deps.hasher, deps.signer, last ? { seq: last.seq, hash: last.hash } : null, {
      itemId: item.id,
      at: deps.now(),
      nodeId: deps.nodeId,
      kind: 'exported',
      actorUserId: actor.userId,
      actorEmail: actor.email,
      details: { format: 'court-package', packageId, subject },
    });
    exported.push(event);
    const events = [...logged, event];
    custody.set(item.id, events);
    for (const e of events) {
      if (e.nodeId !== card.card.nodeId && !peers.has(e.nodeId) && deps.peerCard) {
        const peer = await deps.peerCard(e.nodeId);
        if (peer) peers.set(e.nodeId, peer);
      }
    }
    const tokens = await timestampsOfItem(deps, item);
    stamps.set(item.id, tokens);
    const dir = `items/${item.id}`;
    const marking = item.marking as unknown as Marking;
    const custodyJson = Buffer.from(JSON.stringify(events), 'utf8');
    manifestItems.push({
      id: item.id,
      title: item.title,
      description: item.description || null,
      source: item.source as PackageItem['source'],
      acquiredAt: new Date(item.created_at).toISOString(),
      capturedBy: item.captured_by_email ?? null,
      marking: item.marking as PackageItem['marking'],
      useLimitations: (marking?.limitations ?? null) as unknown as PackageItem['useLimitations'],
      files: [
        {
          role: 'original',
          path: `${dir}/${packageFileName(item)}`,
          size: Number(item.size_bytes),
          sha256: item.sha256,
          sha512: item.sha512 ?? null,
          mediaType: item.media_type,
        },
      ],
      custody: { path: `${dir}/custody.json`, size: custodyJson.length, sha256: sha256Hex(custodyJson), events: events.length, headSeq: event.seq, headHash: event.hash },
      timestamps: tokens.map((t, i) => ({
        path: `${dir}/timestamp-${i + 1}.tsr`,
        size: t.token.length,
        sha256: sha256Hex(t.token),
        tsa: t.tsa,
        imprintSha256: t.imprintSha256,
        genTime: t.genTime,
      })),
    });
  }

  const base: Omit<PackageManifest, 'documents'> = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    createdAt,
    createdBy: { userId: actor.userId, email: actor.email, organisation: facts.organisationName },
    subject: { kind: subject.kind, id: subject.id, reference: facts.reference, title: facts.title },
    node: card,
    peers: [...peers.values()],
    timestampRoots: deps.timestampRoots.map((r) => Buffer.from(r).toString('base64')),
    items: manifestItems,
  };

  // Documents: the report in each language, the verifier page, the read-me.
  const marking = markingLine(combineAll(...(items.map((i) => i.item.marking) as unknown as [Marking, ...Marking[]])), REPORT_TEXT.en.limitationsApply);
  const docs: Array<{ doc: PackageDocument; bytes: Buffer }> = [];
  const addDoc = (path: string, role: PackageDocument['role'], language: LetterLanguage | null, bytes: Buffer) =>
    docs.push({ doc: { path, role, language, size: bytes.length, sha256: sha256Hex(bytes) }, bytes });
  for (const lang of LETTER_LANGUAGES) {
    addDoc(`report/report-${lang}.pdf`, 'report', lang, await deps.pdf.render(reportHtml(lang, { manifest: base, packageId, fingerprint, custody }), { marking }));
  }
  addDoc('verifier.html', 'verifier', null, Buffer.from(await verifierPageHtml(), 'utf8'));
  addDoc('README.txt', 'readme', null, Buffer.from(README(packageId, fingerprint), 'utf8'));

  const manifest: PackageManifest = { ...base, documents: docs.map((d) => d.doc) };
  const manifestJson = serialiseManifest(manifest);
  const signature: ManifestSignature = {
    alg: 'Ed25519',
    nodeId: card.card.nodeId,
    publicKey: card.card.keys.signing.publicKey,
    signature: sign(null, Buffer.from(manifestSigningText(manifestJson), 'utf8'), deps.keys.signingPrivate).toString('base64url'),
  };
  const manifestBytes = Buffer.from(manifestJson, 'utf8');
  const manifestSha256 = sha256Hex(manifestBytes);

  // Built: now the exports go into each item's custody (and the audit trail), in one transaction.
  await auditedTransaction(deps, { actor, requestId: who.requestId }, async (trx, audit) => {
    for (const event of exported) await appendLinkedCustody(trx, deps, event, audit);
    audit('evidence.package', `${subject.kind}:${subject.id}`, { packageId, manifestSha256, items: items.map((i) => i.item.id) });
  });

  async function* entries(): AsyncGenerator<ZipSourceEntry> {
    const small = (name: string, bytes: Buffer): ZipSourceEntry => ({ name, size: bytes.length, open: () => bytes });
    yield small(MANIFEST_PATH, manifestBytes);
    yield small(MANIFEST_SIGNATURE_PATH, Buffer.from(`${JSON.stringify(signature, null, 2)}\n`, 'utf8'));
    for (const d of docs) yield small(d.doc.path, d.bytes);
    for (const mi of manifestItems) {
      for (const f of mi.files) {
        const stream = await deps.blobs.openRead(f.sha256);
        if (!stream) throw new NotFoundError('blob_missing', `The content of item ${mi.id} (${f.sha256}) is missing from the store.`);
        yield { name: f.path, size: f.size, open: () => stream as AsyncIterable<Uint8Array> };
      }
      yield small(mi.custody.path, Buffer.from(JSON.stringify(custody.get(mi.id) ?? []), 'utf8'));
      const tokens = stamps.get(mi.id) ?? [];
      for (const [i, t] of mi.timestamps.entries()) yield small(t.path, Buffer.from(tokens[i]!.token));
    }
  }

  const ref = (facts.reference ?? subject.id).replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 60);
  const stream = zipStream(entries(), { modified: new Date(createdAt) });
  // The package exists (recorded above); whether it reached its reader is the stream's business.
  // One that stops before its last byte (a store read failing, a reader going away) is audited.
  let failure: string | null = null;
  stream.once('error', (err) => {
    failure = err instanceof Error ? err.message : String(err);
  });
  stream.once('close', () => {
    if (stream.readableEnded) return;
    auditedTransaction(deps, { actor, requestId: who.requestId }, async (_trx, audit) => {
      audit('evidence.package.incomplete', `${subject.kind}:${subject.id}`, { packageId, manifestSha256, reason: failure ?? 'the reader stopped before the end' });
    }).catch((err: unknown) => deps.log(`audit of the incomplete package ${packageId}`, err));
  });
  return {
    packageId,
    filename: `evidence-package-${ref}-${createdAt.slice(0, 10)}.zip`,
    manifest,
    manifestSha256,
    stream,
  };
}
