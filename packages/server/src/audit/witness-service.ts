// Witnessing by peers (issue 16, part 3). Every envelope a node POSTs carries its latest signed
// checkpoint in the `Comity-Audit-Checkpoint` HTTP header (base64 of the C2SP signed note; a header,
// so the envelope format and older receivers are untouched). The receiver checks the note's
// signature with the sender's key from its card, checks that it extends the last checkpoint it
// witnessed of that sender (RFC 9162 consistency proof, fetched from the sender's public
// `/federation/v1/audit/consistency` when needed), co-signs it (C2SP tlog-cosignature) and keeps
// it; the co-signature goes back in the 202 answer (`witness`). A checkpoint that does not extend
// what the receiver saw is answered `inconsistent`, with the receiver's witnessed checkpoint, and
// the sender raises an alarm (audited `audit.witness.alarm`, a process warning). A node asks its
// peers for the checkpoints they witnessed of it (`/federation/v1/audit/witnessed/<node id>`) to
// verify its own log against them: a truncated or rewritten log is exposed by any peer that saw a
// later or different head.
import {
  type WitnessedHead,
  bytesToHex,
  cosignCheckpoint,
  parseCheckpointNote,
  verifyCheckpointSignature,
  verifyConsistency,
  verifyCosignature,
} from '@comity/core';
import { type StoredCheckpointRow, checkpointOfSize, latestCheckpoint } from '@comity/db';
import type { PeerRow } from '@comity/db/repos/federation-repo';
import { auditedTransaction } from '../deps.ts';
import type { FederationDeps } from '../federation/runtime.ts';
import { consistencyProof } from './audit-service.ts';
import { witnessKeyName } from './audit-export.ts';
import { auditOrigin, rawPublicKeyHex, sha256Bytes, signBytesWith, verifyBytesWith } from './log-keys.ts';
import { latestWitnessed, recordCosignature, recordWitnessed, witnessedOf } from './witness-store.ts';
import { createPublicKey } from 'node:crypto';

export const CHECKPOINT_HEADER = 'comity-audit-checkpoint';

/** What the receiver answers about the sender's checkpoint (in the 202 body, `witness`). */
export type WitnessAnswer =
  | { status: 'cosigned'; size: number; root: string; cosignature: string }
  | { status: 'inconsistent'; size: number; root: string; witnessed: string; reason: string }
  | { status: 'unverified'; reason: string };

function peerKeyHex(peer: Pick<PeerRow, 'signing_key'>): string {
  return bytesToHex(new Uint8Array(Buffer.from(peer.signing_key, 'base64url')));
}

function peerVerify(peer: Pick<PeerRow, 'signing_key'>) {
  return verifyBytesWith(createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: peer.signing_key }, format: 'jwk' }));
}

/** The header value for our latest checkpoint (undefined before the first). */
export async function checkpointHeader(deps: Pick<FederationDeps, 'db'>): Promise<string | undefined> {
  const cp = await latestCheckpoint(deps.db);
  return cp ? Buffer.from(cp.note, 'utf8').toString('base64') : undefined;
}

class RefusedError extends Error {}

async function fetchJson(url: string, timeoutMs: number): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  // A 4xx means the node cannot give the proof: its log no longer holds what was witnessed. A 429
  // (we asked too often) and a 408 say nothing about the log: the checkpoint stays unverified.
  if (res.status >= 400 && res.status < 500 && res.status !== 429 && res.status !== 408) throw new RefusedError(`HTTP ${res.status} from ${url}`);
  if (res.status !== 200) throw new Error(`HTTP ${res.status} from ${url}`);
  return res.json();
}

/**
 * The receiver's side: verifies and co-signs the sender's checkpoint, or says why not. Never
 * throws: witnessing must not turn an accepted message into a failure.
 */
export async function witnessCheckpoint(deps: FederationDeps, peer: PeerRow, headerValue: string, timeoutMs = 5000): Promise<WitnessAnswer> {
  try {
    const noteText = Buffer.from(headerValue, 'base64').toString('utf8');
    const note = parseCheckpointNote(noteText);
    const origin = auditOrigin(peer.node_id);
    if (note.origin !== origin) return { status: 'unverified', reason: `the checkpoint's origin is not ${origin}` };
    if (!verifyCheckpointSignature(sha256Bytes, { name: origin, publicKey: peerKeyHex(peer) }, peerVerify(peer), note)) {
      return { status: 'unverified', reason: "the checkpoint is not signed with the sender's key" };
    }
    const last = await latestWitnessed(deps.db, peer.node_id);
    if (last) {
      const [small, large] = note.size >= last.size ? [{ size: last.size, root: last.root }, note] : [note, { size: last.size, root: last.root }];
      let consistent: boolean;
      if (small.size === large.size) consistent = small.root === large.root;
      else if (small.size === 0) consistent = true;
      else {
        // The proof comes from the sender, up to its checkpoint: the newer one when it extends what
        // we saw, the one we saw when it presents an older head.
        try {
          const proof = (await fetchJson(`${peer.endpoint}/federation/v1/audit/consistency?from=${small.size}&to=${large.size}`, timeoutMs)) as { path?: unknown };
          const path = Array.isArray(proof.path) ? proof.path.filter((p): p is string => typeof p === 'string') : [];
          consistent = verifyConsistency(sha256Bytes, small.size, large.size, small.root, large.root, path);
        } catch (err) {
          if (!(err instanceof RefusedError)) throw err;
          consistent = false;
        }
      }
      if (!consistent) {
        return {
          status: 'inconsistent',
          size: note.size,
          root: note.root,
          witnessed: last.note,
          reason: `this checkpoint of tree size ${note.size} does not extend the checkpoint of tree size ${last.size} this node witnessed on ${last.witnessedAt}`,
        };
      }
    }
    const self = deps.keys;
    const witnessKey = { name: witnessKeyName(self.nodeId), publicKey: rawPublicKeyHex(self.signingPublic) };
    const cosignature = cosignCheckpoint(sha256Bytes, witnessKey, signBytesWith(self.signingPrivate), note.body, deps.now());
    await recordWitnessed(deps.db, { peerNodeId: peer.node_id, size: note.size, root: note.root, note: noteText, cosignature, at: deps.now() });
    return { status: 'cosigned', size: note.size, root: note.root, cosignature };
  } catch (err) {
    return { status: 'unverified', reason: err instanceof Error ? err.message : String(err) };
  }
}

/** The sender's side: keeps a valid co-signature, raises the alarm on an inconsistency. */
export async function takeWitnessAnswer(deps: FederationDeps, peer: PeerRow, answer: unknown): Promise<void> {
  const a = answer as Partial<WitnessAnswer> | undefined;
  if (!a || typeof a !== 'object') return;
  if (a.status === 'cosigned' && typeof a.size === 'number' && typeof a.root === 'string' && typeof a.cosignature === 'string') {
    const cp: StoredCheckpointRow | null = await checkpointOfSize(deps.db, a.size);
    if (!cp || cp.root !== a.root) return;
    const body = parseCheckpointNote(cp.note).body;
    const key = { name: witnessKeyName(peer.node_id), publicKey: peerKeyHex(peer) };
    if (!verifyCosignature(sha256Bytes, key, peerVerify(peer), body, a.cosignature)) return;
    await recordCosignature(deps.db, { checkpointId: cp.id, peerNodeId: peer.node_id, line: a.cosignature, at: deps.now() });
    return;
  }
  if (a.status === 'inconsistent' && typeof a.witnessed === 'string') {
    let witnessed: { size: number; root: string } | null = null;
    try {
      const n = parseCheckpointNote(a.witnessed);
      // Only a head we signed ourselves is evidence; a peer cannot frame us with a made-up one.
      if (deps.logKeys.verifiers.some((v) => verifyCheckpointSignature(sha256Bytes, v.key, v.verify, n))) witnessed = { size: n.size, root: n.root };
    } catch {
      witnessed = null;
    }
    if (!witnessed) return;
    process.emitWarning(`audit log alarm: peer ${peer.node_id} witnessed our checkpoint of tree size ${witnessed.size} (root ${witnessed.root}), which our log does not extend`);
    await auditedTransaction(deps, { actor: null, requestId: 'audit-witness' }, async (_trx, audit) => {
      audit('audit.witness.alarm', `peer:${peer.node_id}`, { witnessedSize: witnessed.size, witnessedRoot: witnessed.root, reason: typeof a.reason === 'string' ? a.reason.slice(0, 500) : '' });
    });
  }
}

/** The public consistency proof a witness asks for. */
export async function publicConsistency(deps: Pick<FederationDeps, 'db'>, from: number, to: number) {
  return consistencyProof(deps.db, { from, to });
}

/** What this node witnessed of `nodeId`, for that node to check its own log against. */
export async function witnessedFor(deps: Pick<FederationDeps, 'db'>, nodeId: string) {
  return (await witnessedOf(deps.db, nodeId)).map((w) => ({ size: w.size, root: w.root, note: w.note, cosignature: w.cosignature, witnessedAt: w.witnessedAt }));
}

/**
 * Asks every active peer for the checkpoints it witnessed of this node and keeps those signed with
 * one of our keys and co-signed by that peer. Peers that cannot be reached are listed apart.
 */
export async function collectWitnessed(
  deps: Pick<FederationDeps, 'db' | 'keys' | 'logKeys'>,
  timeoutMs = 5000,
): Promise<{ heads: WitnessedHead[]; unreachable: string[] }> {
  const peers = await deps.db.selectFrom('federation_peers').selectAll().where('status', '=', 'active').execute();
  const heads: WitnessedHead[] = [];
  const unreachable: string[] = [];
  for (const peer of peers) {
    let items: unknown;
    try {
      items = ((await fetchJson(`${peer.endpoint}/federation/v1/audit/witnessed/${encodeURIComponent(deps.keys.nodeId)}`, timeoutMs)) as { items?: unknown }).items;
    } catch {
      unreachable.push(peer.node_id);
      continue;
    }
    if (!Array.isArray(items)) continue;
    const key = { name: witnessKeyName(peer.node_id), publicKey: peerKeyHex(peer as PeerRow) };
    for (const item of items as { note?: unknown; cosignature?: unknown }[]) {
      if (typeof item?.note !== 'string' || typeof item.cosignature !== 'string') continue;
      try {
        const n = parseCheckpointNote(item.note);
        const ours = deps.logKeys.verifiers.some((v) => verifyCheckpointSignature(sha256Bytes, v.key, v.verify, n));
        const cosigned = verifyCosignature(sha256Bytes, key, peerVerify(peer as PeerRow), n.body, item.cosignature) !== null;
        if (ours && cosigned) heads.push({ peer: peer.node_id, size: n.size, root: n.root });
      } catch {
        // a malformed item proves nothing
      }
    }
  }
  return { heads, unreachable };
}

