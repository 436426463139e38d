// The outbox delivery worker: claims the next message of each conversation for a peer, seals and
// signs it, POSTs it to the peer's inbox, checks the signed receipt, and marks it delivered. A
// failure is retried with exponential back-off and jitter until the horizon, then the message is
// marked failed, audited and the people concerned are told. At-least-once: a sender that dies after
// the peer committed sends again, and the peer answers with its original receipt.
import type { ReceiptProof } from '@comity/core';
import { checkReceiptProof } from '../audit/receipt-proof-service.ts';
import type { JsonValue, Signer } from '@comity/core';
import {
  type EnvelopeHeader,
  type Marking,
  MARKINGS,
  REJECTION_REASONS,
  buildEnvelope,
  isRejectionReason,
  isUuidV7,
  payloadPlaintext,
  planRetry,
  receiptSigningText,
  uuidv7,
  uuidv7Time,
} from '@comity/core/federation/index';
import { InboxAccepted } from '@comity/contract/federation';
import {
  type OutboxRow,
  type PeerRow,
  claimDeliverable,
  expiredPendingOutbox,
  findPeer,
  insertReceipt,
  markOutboxDelivered,
  markOutboxFailed,
  markOutboxRefused,
  postponeOutbox,
  releaseOutboxLeases,
  scheduleOutboxRetry,
} from '@comity/db/repos/federation-repo';
import { CHECKPOINT_HEADER, checkpointHeader, takeWitnessAnswer } from '../audit/witness-service.ts';
import { auditedTransaction } from '../deps.ts';
import { ed25519SignerFor, rawPublicKey, sha256HexOf, verifyWithRawKey, x25519Sealer } from './envelope-crypto.ts';
import { envelopeTypeOf } from './request-handlers.ts';
import type { FederationRuntime } from './runtime.ts';

const sealer = x25519Sealer();

/** `refused`: the peer itself answered that it will not take this message (not a transport failure). */
type Attempt = { ok: true } | { ok: false; retryable: boolean; error: string; code?: string; refused?: boolean };

function markingOf(row: OutboxRow, payload: unknown): Marking {
  const candidates = [row.marking, (payload as { marking?: unknown } | null)?.marking];
  for (const c of candidates) if (typeof c === 'string' && (MARKINGS as readonly string[]).includes(c)) return c as Marking;
  return 'AMBER';
}

/** Message ids of the chunks of one attachment, derived so that a retry sends the same ids. */
export function derivedMessageId(parent: string, part: string): string {
  const time = isUuidV7(parent) ? uuidv7Time(parent) : 0;
  return uuidv7(time, Buffer.from(sha256HexOf(`${parent}/${part}`), 'hex').subarray(0, 10));
}

async function postEnvelope(runtime: FederationRuntime, peer: PeerRow, body: string, messageId: string, signal: AbortSignal): Promise<{ status: number; json: unknown }> {
  // Our latest signed checkpoint travels with every envelope, for the peer to witness (audit log, part 3).
  const checkpoint = await checkpointHeader(runtime.deps).catch(() => undefined);
  const res = await fetch(`${peer.endpoint}/federation/v1/inbox`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': messageId, ...(checkpoint ? { [CHECKPOINT_HEADER]: checkpoint } : {}) },
    body,
    signal: AbortSignal.any([signal, AbortSignal.timeout(runtime.settings.requestTimeoutMs)]),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, json };
}

/** What a delivered envelope brought back: the signed receipt, and the receiver's audit proof with what its check found. */
interface Delivered {
  receipt?: unknown;
  duplicate?: boolean;
  auditProof?: unknown;
  auditProofCheck?: string | null;
}

/** Seals, signs and sends one envelope; checks the receipt and the receiver's audit proof. */
async function sendEnvelope(
  runtime: FederationRuntime,
  peer: PeerRow,
  header: EnvelopeHeader,
  payload: JsonValue,
  signers: Signer[],
  signal: AbortSignal,
): Promise<Attempt & Delivered> {
  const plaintextSha = sha256HexOf(payloadPlaintext(payload));
  let last: Attempt = { ok: false, retryable: true, error: 'not sent' };
  for (const signer of signers) {
    const envelope = buildEnvelope({ sealer, signer }, { header, payload, recipientEncryptionKey: peer.encryption_key });
    let res: { status: number; json: unknown };
    try {
      res = await postEnvelope(runtime, peer, JSON.stringify(envelope), header.messageId, signal);
    } catch (err) {
      const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
      const why = e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
      return { ok: false, retryable: true, error: `The peer could not be reached at ${peer.endpoint} (${e.name === 'TimeoutError' ? 'timed out' : why}).` };
    }
    if (res.status === 202) {
      const accepted = InboxAccepted.safeParse(res.json);
      if (!accepted.success) return { ok: false, retryable: true, error: 'The peer answered 202 without a valid receipt.' };
      const { receipt, signature } = accepted.data.receipt;
      const valid =
        receipt.messageId === header.messageId &&
        receipt.sender === runtime.selfNodeId &&
        receipt.recipient === peer.node_id &&
        receipt.payloadSha256 === plaintextSha &&
        verifyWithRawKey(peer.signing_key, receiptSigningText(receipt as never), signature.value);
      if (!valid) return { ok: false, retryable: true, error: 'The peer’s receipt does not verify (wrong message, payload digest or signature).' };
      await takeWitnessAnswer(runtime.deps, peer, accepted.data.witness).catch((err: unknown) => {
        process.emitWarning(`audit witness answer of ${peer.node_id} not kept: ${err instanceof Error ? err.message : String(err)}`);
      });
      // The receiver's proof that it logged the message: checked now, kept with the receipt either
      // way (a proof that does not hold is evidence too), its problems named.
      const auditProof = accepted.data.auditProof;
      let auditProofCheck: string | null = null;
      if (auditProof) {
        const problems = checkReceiptProof(runtime.deps, peer, auditProof as ReceiptProof, receipt);
        auditProofCheck = problems.length === 0 ? 'verified' : problems.join('; ');
        if (problems.length > 0) process.emitWarning(`the audit proof of ${peer.node_id} for message ${header.messageId} does not hold: ${auditProofCheck}`);
      }
      return { ok: true, receipt: accepted.data.receipt, duplicate: accepted.data.duplicate, auditProof, auditProofCheck };
    }
    const problem = (res.json ?? {}) as { code?: unknown; detail?: unknown; retryable?: unknown };
    const code = typeof problem.code === 'string' ? problem.code : `http_${res.status}`;
    const detail = typeof problem.detail === 'string' ? problem.detail : `HTTP ${res.status}`;
    const retryable =
      res.status >= 500 || res.status === 429 || res.status === 408
        ? true
        : typeof problem.retryable === 'boolean'
          ? problem.retryable
          : isRejectionReason(code)
            ? REJECTION_REASONS[code].retryable
            : false;
    last = { ok: false, retryable, code, refused: !retryable, error: `The peer refused the message: ${code} — ${detail}` };
    // A node card after our key rotation: the peer may still know an older key; try the next one.
    if (code !== 'bad_signature') break;
  }
  return last;
}

function signersFor(runtime: FederationRuntime, row: OutboxRow): Signer[] {
  const current = runtime.envelopeSigner();
  if (row.type !== 'node.card') return [current];
  const previous = (runtime.deps.keys.previous ?? []).map((k) => ed25519SignerFor(k.signingPrivate));
  const endorsedBy = (row.payload as { card?: { endorsement?: { signingKey?: string } } }).card?.endorsement?.signingKey;
  // Right after a rotation the peer knows the key that endorsed the card: try that first.
  const first = previous.find((_s, i) => rawPublicKey(runtime.deps.keys.previous![i]!.signingPublic) === endorsedBy);
  return [...(first ? [first] : []), current, ...previous.filter((s) => s !== first)];
}

async function fail(runtime: FederationRuntime, row: OutboxRow, error: string): Promise<void> {
  const { deps } = runtime;
  await auditedTransaction(deps, { actor: null, requestId: `delivery:${row.message_id}`, organisationId: row.sender_organisation_id }, async (trx, audit) => {
    const failed = await markOutboxFailed(trx, row.id, error);
    if (!failed) return;
    audit('federation.message.failed', `message:${row.message_id}`, {
      type: row.type,
      peer: row.recipient_node_id,
      conversationId: row.conversation_id,
      attempts: row.attempts,
      error,
    });
    for (const listener of runtime.failureListeners) await listener(trx, { row: failed, error });
    // The messages behind it in its conversation wait; say why, where the messages view shows it.
    if (failed.recipient_node_id !== null) {
      await trx
        .updateTable('outbox')
        .set({ last_error: `Waiting behind message ${failed.message_id}, which failed; an administrator can send it again or skip it.` })
        .where('state', '=', 'pending')
        .where('recipient_node_id', '=', failed.recipient_node_id)
        .where('conversation_id', '=', failed.conversation_id)
        .where('seq', '>', failed.seq)
        .execute();
    }
  });
}

/**
 * The peer refused a message whose type does not hold back its conversation (an evidence offer):
 * the row ends `refused` with the peer's reason, the people concerned are told as for a failure,
 * and the messages queued after it in the conversation go on.
 */
async function refuse(runtime: FederationRuntime, row: OutboxRow, error: string): Promise<void> {
  const { deps } = runtime;
  await auditedTransaction(deps, { actor: null, requestId: `delivery:${row.message_id}`, organisationId: row.sender_organisation_id }, async (trx, audit) => {
    const refused = await markOutboxRefused(trx, row.id, error);
    if (!refused) return;
    audit('federation.message.refused', `message:${row.message_id}`, {
      type: row.type,
      peer: row.recipient_node_id,
      conversationId: row.conversation_id,
      attempts: row.attempts,
      error,
    });
    for (const listener of runtime.failureListeners) await listener(trx, { row: refused, error });
  });
  runtime.wake();
}

async function sendAttachments(runtime: FederationRuntime, peer: PeerRow, row: OutboxRow, header: EnvelopeHeader, signal: AbortSignal): Promise<Attempt> {
  const source = runtime.attachments;
  if (!source) return { ok: true };
  const chunkBytes = runtime.settings.chunkBytes;
  for (const a of source.attachmentsOf(row)) {
    const file = await source.read(a.sha256);
    if (!file) return { ok: false, retryable: false, error: `Attachment ${a.name} (${a.sha256}) is not in this node's store.` };
    const chunkCount = Math.ceil(file.length / chunkBytes);
    const descriptor = { sha256: a.sha256, size: file.length, name: a.name, mediaType: a.mediaType, chunkSize: chunkBytes, chunkCount };
    for (let index = 0; index < chunkCount; index++) {
      const bytes = file.subarray(index * chunkBytes, (index + 1) * chunkBytes);
      const chunkHeader: EnvelopeHeader = {
        ...header,
        messageId: derivedMessageId(row.message_id, `${a.sha256}/${index}`),
        type: 'attachment.chunk',
        inReplyTo: null,
      };
      const payload = { attachment: descriptor, index, chunkSha256: sha256HexOf(bytes), data: bytes.toString('base64') };
      const sent = await sendEnvelope(runtime, peer, chunkHeader, payload, [runtime.envelopeSigner()], signal);
      if (!sent.ok) return { ...sent, error: `Attachment ${a.name}, chunk ${index + 1}/${chunkCount}: ${sent.error}` };
    }
  }
  return { ok: true };
}

export async function deliverRow(runtime: FederationRuntime, row: OutboxRow, signal: AbortSignal): Promise<'delivered' | 'retry' | 'failed' | 'refused' | 'postponed'> {
  const { deps } = runtime;
  const peer = await findPeer(deps.db, row.recipient_node_id!);
  if (!peer) {
    await fail(runtime, row, `Node ${row.recipient_node_id} is not a peer of this node.`);
    return 'failed';
  }
  if (peer.status === 'revoked') {
    await fail(runtime, row, 'The peer was revoked.');
    return 'failed';
  }
  if (peer.status === 'suspended') {
    await postponeOutbox(deps.db, row.id, new Date(deps.now().getTime() + 60_000), 'The peer is suspended on this node; the message waits until it is resumed.');
    return 'postponed';
  }
  if (!isUuidV7(row.message_id)) {
    await fail(runtime, row, `The message id ${row.message_id} is not a UUIDv7; federation cannot carry it.`);
    return 'failed';
  }
  // What the row keeps at rest may differ from what travels sealed (an evidence offer's content key).
  const payload = (runtime.outgoingPayload.get(row.type)?.(row.payload) ?? row.payload) as JsonValue;
  const header: EnvelopeHeader = {
    v: 1,
    messageId: row.message_id,
    sender: runtime.selfNodeId,
    recipient: peer.node_id,
    type: envelopeTypeOf(row.type, payload) as EnvelopeHeader['type'],
    createdAt: deps.now().toISOString(),
    inReplyTo: row.in_reply_to,
    conversationId: row.conversation_id,
    marking: markingOf(row, payload),
    // Fixed when the row was written (migration 007's trigger), so a retry carries the same number.
    ...(row.sequence !== null ? { sequence: row.sequence } : {}),
  };
  let attempt: Attempt & Delivered = await sendAttachments(runtime, peer, row, header, signal);
  if (attempt.ok) attempt = await sendEnvelope(runtime, peer, { ...header, createdAt: deps.now().toISOString() }, payload, signersFor(runtime, row), signal);
  const followUp = runtime.followUps.get(row.type);
  if (attempt.ok && followUp) {
    const followed = await followUp(peer, row, signal);
    if (!followed.ok) attempt = followed;
  }
  if (attempt.ok) {
    const receipt = attempt.receipt;
    const duplicate = attempt.duplicate ?? false;
    await auditedTransaction(deps, { actor: null, requestId: `delivery:${row.message_id}`, organisationId: row.sender_organisation_id }, async (trx, audit) => {
      const now = deps.now();
      await insertReceipt(trx, { messageId: row.message_id, peerNodeId: peer.node_id, receipt, receivedAt: now, auditProof: attempt.auditProof, auditProofCheck: attempt.auditProofCheck ?? null });
      await markOutboxDelivered(trx, row.id, now);
      audit('federation.message.deliver', `message:${row.message_id}`, {
        type: row.type,
        peer: peer.node_id,
        conversationId: row.conversation_id,
        attempts: row.attempts,
        receiptReceivedAt: (receipt as { receipt: { receivedAt: string } }).receipt.receivedAt,
        duplicate,
      });
    });
    return 'delivered';
  }
  if (signal.aborted) {
    // Shutting down: give the message back untouched for the next start.
    await postponeOutbox(deps.db, row.id, deps.now(), row.last_error ?? 'interrupted by shutdown');
    return 'postponed';
  }
  if (!attempt.retryable) {
    if (attempt.refused && runtime.refusableTypes.has(row.type)) {
      await refuse(runtime, row, attempt.error);
      return 'refused';
    }
    await fail(runtime, row, attempt.error);
    return 'failed';
  }
  const plan = planRetry(runtime.settings.retry, { attempts: row.attempts, createdAt: new Date(row.created_at), now: deps.now() }, runtime.settings.random);
  if (plan.kind === 'give-up') {
    await fail(runtime, row, `${attempt.error} Given up: ${plan.reason}.`);
    return 'failed';
  }
  await scheduleOutboxRetry(deps.db, row.id, plan.at, attempt.error);
  return 'retry';
}

export interface DeliveryWorker {
  wake(): void;
  /** Resolves when nothing is in flight and nothing is due (tests and the demo wait on it). */
  close(): Promise<void>;
}

export async function startDeliveryWorker(runtime: FederationRuntime, log: (msg: string, err?: unknown) => void): Promise<DeliveryWorker> {
  const { deps, settings } = runtime;
  // This process is (again) the one delivering: deliveries a killed run left leased may go now.
  await releaseOutboxLeases(deps.db, runtime.selfNodeId);
  const controller = new AbortController();
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;
  let wakeUp: (() => void) | null = null;
  let lastSweep = 0;
  const leaseMs = Math.max(60_000, settings.requestTimeoutMs * 4);

  const wake = () => {
    const w = wakeUp;
    wakeUp = null;
    w?.();
  };

  async function sweep(now: Date): Promise<void> {
    if (now.getTime() - lastSweep < 1000) return;
    lastSweep = now.getTime();
    const expired = await expiredPendingOutbox(deps.db, runtime.selfNodeId, new Date(now.getTime() - settings.retry.horizonMs), now, 100);
    for (const row of expired) {
      await fail(runtime, row, `${row.last_error ? `${row.last_error} ` : ''}Not delivered within the retry horizon${row.attempts === 0 ? ' (an earlier message of its conversation was not delivered)' : ''}.`);
    }
  }

  async function loop(): Promise<void> {
    while (!closed) {
      let claimed = 0;
      try {
        const now = deps.now();
        await sweep(now);
        const room = settings.concurrency - inFlight.size;
        if (room > 0) {
          const rows = await claimDeliverable(deps.db, { selfNodeId: runtime.selfNodeId, now, leaseUntil: new Date(now.getTime() + leaseMs), limit: room });
          claimed = rows.length;
          for (const row of rows) {
            const p: Promise<unknown> = deliverRow(runtime, row, controller.signal)
              .catch((err) => log(`delivery of ${row.message_id} failed unexpectedly`, err))
              .finally(() => {
                inFlight.delete(p);
                wake();
              });
            inFlight.add(p);
          }
        }
      } catch (err) {
        if (!closed) log('the delivery worker could not read the outbox', err);
      }
      if (closed) break;
      // Claim again at once when there was work and room; otherwise wait to be woken or polled.
      if (claimed > 0 && inFlight.size < settings.concurrency) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, settings.pollMs);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  const running = loop();
  return {
    wake,
    async close() {
      closed = true;
      controller.abort();
      wake();
      await running;
      await Promise.allSettled([...inFlight]);
    },
  };
}
