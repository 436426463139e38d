// Files returned with an answer to a peer node travel as evidence (issue 12 part 5). Each file the
// answer takes becomes an item of the request in this node's vault (custody `acquired` and
// `hashed`, time-stamp and SHA-512 jobs queued like any upload; the content is already in the
// node's blob store, so nothing is copied), and is offered to the peer through the evidence
// transfer ahead of the answer's `request.status`, in the same conversation and transaction: the
// status waits for each item's acceptance (a refused one does not hold it back) and names the
// items instead of carrying the files as `attachment.chunk` messages.
import { ConflictError } from '@comity/core';
import type { RequestAttachmentRow } from '@comity/db/repos/requests-repo';
import { sql } from 'kysely';
import type { AppDeps } from '../../deps.ts';
import type { AnswerEvidencePort, AnswerEvidenceRef } from '../../requests/request-deps.ts';
import { HEAD_BYTES } from '../../storage/blob-store.ts';
import { evidenceOf } from '../evidence-capability.ts';
import { type EvidenceDeps, type EvidenceItemRow, prepareIngest, recordIngested } from '../evidence-service.ts';
import { type PreparedSend, prepareSend, queueSend } from './transfer-service.ts';

async function headOf(evidence: EvidenceDeps, sha256: string, size: number): Promise<Buffer> {
  if (size === 0) return Buffer.alloc(0);
  const stream = await evidence.blobs.openRead(sha256, { start: 0, end: Math.min(size, HEAD_BYTES) - 1 });
  if (!stream) throw new ConflictError('content_missing', `The file ${sha256} is not in this node's store.`);
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** The vault item a returned file became: the one made for it before (a retried answer), or a new one. */
async function itemOfFile(evidence: EvidenceDeps, who: Parameters<AnswerEvidencePort['prepare']>[0], file: RequestAttachmentRow): Promise<EvidenceItemRow> {
  const made = await evidence.db
    .selectFrom('evidence_items')
    .selectAll()
    .where('request_id', '=', file.request_id)
    .where('source_kind', '=', 'uploaded')
    .where(sql<boolean>`source->>'attachmentId' = ${file.id}`)
    .executeTakeFirst();
  if (made) return made;
  const size = await evidence.blobs.sizeOf(file.sha256);
  if (size === null) throw new ConflictError('content_missing', `The file ${file.filename} (${file.sha256}) is not in this node's store.`);
  const meta = {
    owner: { requestId: file.request_id },
    title: file.filename,
    source: { kind: 'uploaded', attachmentId: file.id },
    filename: file.filename,
    mediaTypeHint: file.media_type,
  } as const;
  const prepared = await prepareIngest(evidence, who, meta);
  return recordIngested(evidence, who, prepared, meta, { sha256: file.sha256, size, head: await headOf(evidence, file.sha256, size) });
}

export function answerEvidencePort(appDeps: AppDeps): AnswerEvidencePort {
  return {
    async prepare(who, row, files, sentWith) {
      const evidence = evidenceOf(appDeps);
      if (!evidence) throw new ConflictError('evidence_unavailable', 'This node keeps no evidence.');
      const sends: PreparedSend[] = [];
      const refs: AnswerEvidenceRef[] = [];
      for (const file of files) {
        const item = await itemOfFile(evidence, who, file);
        // The same checks as a send from the item page: the caller reads the item, the release
        // policy lets it go to the request's counterpart node, with the request's limitations.
        const send = await prepareSend(appDeps, who, { requestId: row.id, itemId: item.id, sentWith });
        sends.push(send);
        refs.push({ attachmentId: file.id, itemId: item.id, transferId: send.offer.transferId, sha256: item.sha256, title: item.title });
      }
      return {
        refs,
        async queue(trx, audit) {
          for (const send of sends) await queueSend(trx, appDeps, audit, send);
        },
      };
    },
  };
}
