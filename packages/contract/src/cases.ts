// Cases API: an organisation's investigation file, its team and the requests linked to it.
// Vocabularies come from the core (statuses, team roles, offence categories, markings).
import { CASE_STATUSES, CASE_TEAM_ROLES } from '@comity/core/cases/case';
import { OFFENCE_IDS } from '@comity/core/knowledge/taxonomy';
import { z } from 'zod';
import { StrictIsoDate } from './common.ts';
import { HandlingCode, MarkingView, TlpMarking, UseLimitationsFields } from './requests.ts';

const Text = z.string().max(20_000);
const Title = z.string().trim().min(1, 'a title').max(500);
const CaseReference = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._/:#-]*$/u, 'letters, digits, spaces and . _ / : # -, starting with a letter or digit');

export const CaseStatus = z.enum(CASE_STATUSES).meta({ id: 'CaseStatus' });
export const CaseTeamRole = z.enum(CASE_TEAM_ROLES).meta({ id: 'CaseTeamRole', description: 'lead: edits the case and its team; member: works on it' });
export const CaseOffence = z.enum(OFFENCE_IDS).meta({ id: 'CaseOffence', description: 'An offence category of the taxonomy requests use' });

/** The marking of a case: the fields of a request's marking panel. */
const CaseMarkingInput = {
  marking: TlpMarking.optional().describe('TLP 2.0; AMBER when not given'),
  handling: HandlingCode.optional(),
  handlingNote: Text.optional(),
  confidentiality: z.strictObject({ confidential: z.boolean(), note: Text.optional() }).optional(),
  useLimitations: z.strictObject(UseLimitationsFields).optional(),
};

export const CreateCaseBody = z
  .strictObject({
    reference: CaseReference.optional().describe('Unique in your organisation; one like CASE-2026-0001 is given when absent'),
    title: Title,
    description: Text.optional(),
    offences: z.array(CaseOffence).max(19).optional(),
    ...CaseMarkingInput,
    openedOn: StrictIsoDate.optional().describe('When the investigation was opened; today when absent'),
  })
  .meta({ id: 'CreateCaseBody' });
export type CreateCaseBody = z.infer<typeof CreateCaseBody>;

export const PatchCaseBody = z
  .strictObject({
    version: z.number().int().describe('The version you edited (optimistic locking: 409 when it changed meanwhile)'),
    reference: CaseReference.optional(),
    title: Title.optional(),
    description: Text.optional(),
    offences: z.array(CaseOffence).max(19).optional(),
    ...CaseMarkingInput,
    status: CaseStatus.optional(),
    openedOn: StrictIsoDate.optional(),
    closedOn: StrictIsoDate.optional().describe('When closing: the date (today when absent)'),
    closingNote: Text.optional(),
  })
  .meta({ id: 'PatchCaseBody' });
export type PatchCaseBody = z.infer<typeof PatchCaseBody>;

export const CaseMemberBody = z
  .strictObject({ userId: z.uuid().describe('A user of the case\u2019s organisation'), teamRole: CaseTeamRole.default('member') })
  .meta({ id: 'CaseMemberBody' });
export type CaseMemberBody = z.infer<typeof CaseMemberBody>;

export const CaseLinkBody = z.strictObject({ requestId: z.uuid() }).meta({ id: 'CaseLinkBody' });
export type CaseLinkBody = z.infer<typeof CaseLinkBody>;

export const CaseListQuery = z.strictObject({
  status: CaseStatus.optional(),
  offence: CaseOffence.optional(),
  mine: z.enum(['true', 'false']).optional().describe('Only the cases whose team I am in'),
  q: z.string().max(200).optional().describe('Search in reference and title'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const CaseMemberView = z
  .object({ userId: z.uuid(), email: z.string(), name: z.string(), role: z.string(), teamRole: CaseTeamRole, disabled: z.boolean(), addedAt: z.string() })
  .meta({ id: 'CaseMember' });

export const CaseRef = z
  .object({ id: z.uuid(), reference: z.string(), title: z.string(), status: CaseStatus })
  .meta({ id: 'CaseRef', description: 'The case a request is linked to (shown only to those who may read the case)' });
export type CaseRef = z.infer<typeof CaseRef>;

export const CaseRequestView = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    side: z.enum(['requesting', 'requested']).describe('requesting = made for the case (outgoing), requested = received'),
    state: z.string(),
    title: z.string().describe('Empty when withheld'),
    marking: TlpMarking,
    counterpartState: z.string(),
    withheld: z.boolean().describe('The request\u2019s marking does not let you read it: only its reference and marking are shown'),
    linkedAt: z.string(),
  })
  .meta({ id: 'CaseRequest' });

export const CaseView = z
  .object({
    id: z.uuid(),
    organisation: z.object({ id: z.uuid(), name: z.string() }),
    reference: z.string(),
    title: z.string(),
    description: z.string(),
    offences: z.array(CaseOffence),
    status: CaseStatus,
    openedOn: z.string(),
    closedOn: z.string().nullable(),
    closingNote: z.string().nullable(),
    version: z.number().int(),
    marking: TlpMarking,
    handling: HandlingCode,
    handlingNote: z.string().optional(),
    confidentiality: z.object({ confidential: z.boolean(), note: z.string().optional() }),
    useLimitations: z.object(UseLimitationsFields),
    effectiveMarking: MarkingView,
    team: z.array(CaseMemberView),
    requests: z.array(CaseRequestView),
    myTeamRole: CaseTeamRole.nullable().describe('Your role in the team; null when you read it as a supervisor or node administrator'),
    may: z.object({ edit: z.boolean(), team: z.boolean(), link: z.boolean() }).describe('What you may do now'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Case' });
export type CaseView = z.infer<typeof CaseView>;

export const CaseSummary = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    title: z.string().describe('Empty when withheld'),
    organisation: z.object({ id: z.uuid(), name: z.string() }),
    offences: z.array(CaseOffence),
    status: CaseStatus,
    openedOn: z.string(),
    closedOn: z.string().nullable(),
    marking: TlpMarking,
    handling: HandlingCode,
    teamSize: z.number().int(),
    requestCount: z.number().int(),
    withheld: z.object({ rule: z.string(), citation: z.string(), reason: z.string() }).nullable().describe('Set when the marking does not let you read the case'),
    updatedAt: z.string(),
  })
  .meta({ id: 'CaseSummary' });

export const CaseList = z.object({ items: z.array(CaseSummary), total: z.number().int() }).meta({ id: 'CaseList' });
