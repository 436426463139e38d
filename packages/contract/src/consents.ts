// Consent of an originator for a use outside its limitations: the API (/api/v1/consents), the two
// federation messages that carry the question and the answer between nodes, and the report of
// denied attempts.
import { z } from 'zod';
import { StrictIsoDate } from './common.ts';

const Text = z.string().max(20_000);
export const ConsentAction = z.enum(['export', 'transmit', 'attach', 'remark']).meta({ id: 'ConsentAction' });
export const ConsentAnswer = z.enum(['granted', 'refused', 'granted-with-conditions']).meta({ id: 'ConsentAnswer' });
export const CONSENT_STATES = ['awaiting-approval', 'asked', 'answer-awaiting-approval', 'received', 'granted', 'refused', 'granted-with-conditions'] as const;
export const ConsentState = z.enum(CONSENT_STATES).meta({
  id: 'ConsentState',
  description:
    'asked side: awaiting-approval (a supervisor must agree before it is sent) → asked → granted | refused | granted-with-conditions; originator side: received → answer-awaiting-approval (a supervisor must agree) → the answer',
});

export const CreateConsentBody = z
  .strictObject({
    requestId: z.uuid().describe('The record the limitation comes from (a request received from the originator)'),
    itemId: z
      .uuid()
      .optional()
      .describe('An evidence item of that request received from the originator node: the consent is asked (and, granted, lifts the limitation) for this item only'),
    action: ConsentAction,
    proceedings: z.string().min(1).max(500).optional().describe('attach: the proceedings it is to be used in'),
    recipientNodeId: z.string().min(1).max(200).optional().describe('transmit: the node it is to go to'),
    purpose: z.string().trim().min(1).max(20_000).describe('Why, in words the originator will read'),
  })
  .meta({ id: 'CreateConsentBody' });
export type CreateConsentBody = z.infer<typeof CreateConsentBody>;

export const AnswerConsentBody = z
  .strictObject({
    answer: ConsentAnswer,
    conditions: z.string().trim().min(1).max(20_000).optional().describe('Required with granted-with-conditions'),
  })
  .meta({ id: 'AnswerConsentBody' });
export type AnswerConsentBody = z.infer<typeof AnswerConsentBody>;

export const ConsentView = z
  .object({
    id: z.uuid(),
    direction: z.enum(['asked', 'received']).describe('asked: this organisation asked an originator; received: an originator (this organisation) is asked'),
    exchangeId: z.uuid(),
    sourceKey: z.string(),
    /** The evidence item the consent is about (this node's id of it), or null for the request itself. */
    itemId: z.uuid().nullable(),
    requestId: z.uuid().nullable(),
    requestReference: z.string().nullable(),
    counterpart: z.object({ nodeId: z.string().nullable(), organisationId: z.string().nullable(), name: z.string() }),
    action: ConsentAction,
    proceedings: z.string().nullable(),
    recipientNodeId: z.string().nullable(),
    purpose: z.string(),
    state: ConsentState,
    answer: ConsentAnswer.nullable(),
    conditions: z.string().nullable(),
    askedBy: z.string().nullable(),
    answeredBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    answeredAt: z.string().nullable(),
    canApprove: z.boolean().describe('You may approve now (a supervisor other than the person who asked or answered)'),
    canAnswer: z.boolean(),
  })
  .meta({ id: 'Consent' });
export type ConsentView = z.infer<typeof ConsentView>;

export const ConsentList = z.object({ items: z.array(ConsentView) }).meta({ id: 'ConsentList' });
export const ConsentListQuery = z.strictObject({
  direction: z.enum(['asked', 'received']).optional(),
  requestId: z.uuid().optional(),
});

export const DeniedAttemptsQuery = z.strictObject({
  from: StrictIsoDate.optional(),
  to: StrictIsoDate.optional(),
});
export const DeniedAttemptsReport = z
  .object({
    users: z.array(
      z.object({
        userId: z.string().nullable(),
        email: z.string().nullable(),
        count: z.number().int(),
        byRule: z.record(z.string(), z.number().int()),
        last: z.string(),
      }),
    ),
    recent: z.array(
      z.object({ at: z.string(), email: z.string().nullable(), action: z.string(), rule: z.string(), reason: z.string(), target: z.string(), reference: z.string().nullable() }),
    ),
  })
  .meta({ id: 'DeniedAttemptsReport', description: 'Denied attempts per user, from the audit trail' });

// ---- federation: consent.request and consent.answer ------------------------------------------------

export const ConsentRequestPayload = z
  .object({
    v: z.literal(1),
    exchangeId: z.uuid().describe('The asker’s id of this exchange; the answer carries it back'),
    conversationId: z.uuid().describe('The request the limitation comes from (its conversation)'),
    action: ConsentAction,
    proceedings: z.string().max(500).nullable(),
    recipientNodeId: z.string().max(200).nullable(),
    purpose: Text,
    /** For an evidence item the originator sent: its own id of the item and the transfer it went by. */
    item: z.object({ id: z.uuid(), transferId: z.uuid() }).nullable().optional(),
    askedBy: z.object({ organisation: z.string().max(500), state: z.string().regex(/^[A-Z]{3}$/) }),
    askedAt: z.string(),
  })
  .meta({ id: 'ConsentRequestPayload' });
export type ConsentRequestPayload = z.infer<typeof ConsentRequestPayload>;

export const ConsentAnswerPayload = z
  .object({
    v: z.literal(1),
    exchangeId: z.uuid(),
    conversationId: z.uuid(),
    answer: ConsentAnswer,
    conditions: Text.nullable(),
    answeredBy: z.object({ organisation: z.string().max(500) }),
    answeredAt: z.string(),
  })
  .meta({ id: 'ConsentAnswerPayload' });
export type ConsentAnswerPayload = z.infer<typeof ConsentAnswerPayload>;

export const ConsentRequestResult = z
  .strictObject({ state: z.literal('received') })
  .meta({ description: 'consent.request: the originator recorded the question' });
export const ConsentAnswerResult = z
  .strictObject({ state: ConsentAnswer })
  .meta({ description: 'consent.answer: the asker recorded the answer' });
export type ConsentRequestResult = z.infer<typeof ConsentRequestResult>;
export type ConsentAnswerResult = z.infer<typeof ConsentAnswerResult>;
