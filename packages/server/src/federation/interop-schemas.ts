// JSON Schemas of federation protocol version 1 (interop/federation/schemas/*.json), generated from
// the zod schemas the node validates with, so that another implementation reads the same rules the
// node enforces. Regenerate with: node --import tsx packages/server/src/federation/interop-schemas.ts --write
// (interop-schemas.test.ts fails when the files differ from what this produces).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MESSAGE_TYPES, type MessageType, REJECTION_REASONS } from '@comity/core/federation/index';
import {
  AttachmentChunkPayload,
  AttachmentChunkResult,
  Envelope,
  EnvelopeHeader,
  InboxAccepted,
  NodeCard,
  NodeCardPayload,
  NodeCardResult,
  NotePayload,
  NoteResult,
  SignedNodeCard,
  SignedReceipt,
} from '@comity/contract/federation';
import { EvidenceOfferPayload, EvidenceOfferResult, TransferChunkAccepted, TransferStatus } from '@comity/contract/evidence-transfer';
import { ConsentAnswerPayload, ConsentAnswerResult, ConsentRequestPayload, ConsentRequestResult } from '@comity/contract/consents';
import { RequestStatusPayload, RequestStatusResult, RequestTransmitPayload, RequestTransmitResult } from '@comity/contract/requests';
import { isJsonValue } from '@comity/contract/common';
import { KnowledgeFactsPayload, KnowledgeFactsResult, SignedDeclaredFacts } from '@comity/contract/declared-facts';
import {
  HitsAnswerPayload,
  HitsAnswerResult,
  HitsDisclosurePayload,
  HitsDisclosureResult,
  HitsExpiredPayload,
  HitsExpiredResult,
  HitsMatchedPayload,
  HitsMatchedResult,
  HitsQueryPayload,
  HitsQueryResult,
} from '@comity/contract/hits';
import { CulturalRecordPayload, CulturalRecordResult } from '@comity/contract/cultural-property';
import { StatisticsSharePayload, StatisticsShareResult } from '@comity/contract/statistics-share';
import { z } from 'zod';
import { INTEROP_DIR } from './interop-vectors.ts';

export const SCHEMA_DIR = join(INTEROP_DIR, 'schemas');

/** The payload each message type carries (decrypted), and what its receipt's `result` holds. */
export const MESSAGE_SCHEMAS: Record<MessageType, { payload: z.ZodType; result: z.ZodType }> = {
  'request.transmit': { payload: RequestTransmitPayload, result: RequestTransmitResult },
  'request.status': { payload: RequestStatusPayload, result: RequestStatusResult },
  'request.more-info': { payload: RequestStatusPayload, result: RequestStatusResult },
  'request.more-info-answer': { payload: RequestStatusPayload, result: RequestStatusResult },
  'message.note': { payload: NotePayload, result: NoteResult },
  'attachment.chunk': { payload: AttachmentChunkPayload, result: AttachmentChunkResult },
  'node.card': { payload: NodeCardPayload, result: NodeCardResult },
  'knowledge.facts': { payload: KnowledgeFactsPayload, result: KnowledgeFactsResult },
  'consent.request': { payload: ConsentRequestPayload, result: ConsentRequestResult },
  'consent.answer': { payload: ConsentAnswerPayload, result: ConsentAnswerResult },
  'evidence.offer': { payload: EvidenceOfferPayload, result: EvidenceOfferResult },
  'hits.query': { payload: HitsQueryPayload, result: HitsQueryResult },
  'hits.answer': { payload: HitsAnswerPayload, result: HitsAnswerResult },
  'hits.matched': { payload: HitsMatchedPayload, result: HitsMatchedResult },
  'hits.disclosure': { payload: HitsDisclosurePayload, result: HitsDisclosureResult },
  'hits.expired': { payload: HitsExpiredPayload, result: HitsExpiredResult },
  'cultural.record': { payload: CulturalRecordPayload, result: CulturalRecordResult },
  'statistics.share': { payload: StatisticsSharePayload, result: StatisticsShareResult },
};

/**
 * The body of every inbox rejection, as `server/src/http/problem.ts` writes it. Documented here
 * rather than validated by the node (the node writes it; a sender reads it).
 */
export const InboxProblem = z.object({
  type: z.string().describe('https://comity.dev/problems/<code>'),
  title: z.string(),
  status: z.number().int(),
  code: z.enum(Object.keys(REJECTION_REASONS) as [string, ...string[]]).describe('The rejection reason; see rejections.json'),
  retryable: z.boolean().describe('Whether sending the same message again (re-sealed, same message id) could succeed'),
  detail: z.string().optional(),
  instance: z.string().optional(),
  correlationId: z.string().describe('Quote it to the receiving node’s operator'),
});

function schemaOf(schema: z.ZodType, title: string, io: 'input' | 'output'): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    // The contract's JsonValue is a checked z.custom (any JSON value): written as the empty schema
    // with its description. Any other unrepresentable type still fails the generator.
    unrepresentable: 'any',
    override: (ctx) => {
      const def = (ctx.zodSchema as { _zod: { def: { type: string; fn?: unknown } } })._zod.def;
      if (def.type !== 'custom') return;
      // zod hands the override both the registered JsonValue and the unnamed copy .meta() made.
      if (def.fn !== isJsonValue) throw new Error(`${title}: a custom zod type cannot be written as JSON Schema`);
      ctx.jsonSchema.description = 'Any JSON value';
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: `https://comity.dev/schemas/federation/v1/${title}.json`, title, ...rest };
}

/** File name → JSON Schema. What the node receives is described as input, what it sends as output. */
export function buildInteropSchemas(): Record<string, unknown> {
  const out: Record<string, unknown> = {
    'envelope.json': schemaOf(Envelope, 'envelope', 'input'),
    'envelope-header.json': schemaOf(EnvelopeHeader, 'envelope-header', 'input'),
    'inbox-accepted.json': schemaOf(InboxAccepted, 'inbox-accepted', 'output'),
    'signed-receipt.json': schemaOf(SignedReceipt, 'signed-receipt', 'output'),
    'inbox-problem.json': schemaOf(InboxProblem, 'inbox-problem', 'output'),
    'node-card.json': schemaOf(NodeCard, 'node-card', 'input'),
    'signed-node-card.json': schemaOf(SignedNodeCard, 'signed-node-card', 'input'),
    'signed-declared-facts.json': schemaOf(SignedDeclaredFacts, 'signed-declared-facts', 'input'),
    // The answers of the evidence transfer routes (section 8.2).
    'transfer-status.json': schemaOf(TransferStatus, 'transfer-status', 'output'),
    'transfer-chunk-accepted.json': schemaOf(TransferChunkAccepted, 'transfer-chunk-accepted', 'output'),
  };
  for (const type of MESSAGE_TYPES) {
    out[`payload.${type}.json`] = schemaOf(MESSAGE_SCHEMAS[type].payload, `payload.${type}`, 'input');
    out[`result.${type}.json`] = schemaOf(MESSAGE_SCHEMAS[type].result, `result.${type}`, 'output');
  }
  out['rejections.json'] = {
    description:
      'Every reason code the inbox answers a rejected envelope with, and whether sending the same message again could succeed (generated from REJECTION_REASONS in core/src/federation/receive.ts).',
    reasons: Object.entries(REJECTION_REASONS).map(([code, r]) => ({ code, retryable: r.retryable, meaning: r.message })),
  };
  return out;
}

export function serialiseSchema(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv.includes('--write')) {
  mkdirSync(SCHEMA_DIR, { recursive: true });
  const files = buildInteropSchemas();
  for (const name of readdirSync(SCHEMA_DIR)) if (!(name in files)) rmSync(join(SCHEMA_DIR, name));
  for (const [name, value] of Object.entries(files)) writeFileSync(join(SCHEMA_DIR, name), serialiseSchema(value));
  process.stdout.write(`wrote ${Object.keys(files).length} files to ${SCHEMA_DIR}\n`);
}
