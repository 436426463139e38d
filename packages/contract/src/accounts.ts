// Accounts API: sessions, the signed-in user's account and tokens, organisations and users.
import { z } from 'zod';
import { Alpha3, IsoDateTime, Uuid } from './common.ts';

export const Role = z.enum(['admin', 'supervisor', 'practitioner', 'analyst', 'viewer']);
export const OrganisationKind = z.enum([
  'central-authority',
  'prosecution-service',
  'police',
  'financial-intelligence-unit',
  'customs',
  'court',
  'other',
]);

export const Organisation = z
  .object({ id: Uuid, name: z.string(), country: z.string(), kind: OrganisationKind, createdAt: IsoDateTime })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof Organisation>;

export const SessionUser = z
  .object({
    id: Uuid,
    email: z.string(),
    name: z.string(),
    role: Role,
    organisation: z.object({ id: Uuid, name: z.string(), country: z.string(), kind: OrganisationKind }),
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'SessionUser' });

export const SignInBody = z.strictObject({ email: z.string().min(3).max(320), password: z.string().min(1).max(1024) });
export const SessionResponse = z.object({ user: SessionUser, csrfToken: z.string() }).meta({ id: 'Session' });
/** GET /session/current: the session, or null before anyone signs in (a page asks this without a 401). */
export const CurrentSessionResponse = z.object({ session: SessionResponse.nullable() }).meta({ id: 'CurrentSession' });

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(12).max(1024),
  revokeApiTokens: z
    .boolean()
    .optional()
    .describe('Also revoke every personal API token of this account (default false: tokens are separate credentials and survive a password change)'),
});

export const ApiToken = z.object({ id: Uuid, name: z.string(), createdAt: IsoDateTime, lastUsedAt: IsoDateTime.nullable() });
export const ApiTokenList = z.object({ items: z.array(ApiToken) });
export const CreateApiTokenBody = z.strictObject({ name: z.string().trim().min(1).max(100) });
export const RevokedApiTokens = z.object({ revoked: z.number().int().min(0).describe('How many tokens were revoked') });
export const CreatedApiToken = z.object({ id: Uuid, name: z.string(), token: z.string().describe('Shown once; store it safely') });

export const OrganisationList = z.object({ items: z.array(Organisation) });
export const CreateOrganisationBody = z.strictObject({
  name: z.string().trim().min(2).max(200),
  country: Alpha3,
  kind: OrganisationKind,
});
export const UpdateOrganisationBody = z.strictObject({
  name: z.string().trim().min(2).max(200).optional(),
  country: Alpha3.optional(),
  kind: OrganisationKind.optional(),
});

export const User = z
  .object({
    id: Uuid,
    email: z.string(),
    name: z.string(),
    role: Role,
    organisationId: Uuid,
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'User' });
export const UserList = z.object({ items: z.array(User) });
export const UserQuery = z.strictObject({
  organisationId: Uuid.optional(),
  role: Role.optional(),
  q: z.string().max(200).optional(),
});
export const CreateUserBody = z.strictObject({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  role: Role,
  organisationId: Uuid,
  password: z.string().min(12).max(1024),
});
export const IdParams = z.strictObject({ id: Uuid });

export const NodeInfo = z.object({
  nodeId: z.string(),
  name: z.string(),
  signingKeyFingerprint: z.string(),
  encryptionKeyFingerprint: z.string(),
  keyStorage: z.enum(['files', 'database-encrypted']),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

export const PublicSettings = z.object({ requireSignInForKnowledge: z.boolean() });
export const UpdateSettingsBody = z.strictObject({ requireSignInForKnowledge: z.boolean() });

/** What a letter of request prints for its signatory (the approver): name, official title, signature block. */
export const AccountProfile = z
  .object({
    email: z.string(),
    name: z.string().describe('Display name, printed as the signatory of letters this person approves'),
    title: z.string().nullable().describe('Official title printed under the name (e.g. "Head of the Office for International Cooperation")'),
    signatureBlock: z.string().nullable().describe('Lines printed under the title: service, authority, address'),
    organisation: z.object({ id: Uuid, name: z.string(), country: z.string() }),
  })
  .meta({ id: 'AccountProfile' });
export const UpdateAccountProfileBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    title: z.string().trim().max(200).nullable().optional().describe('Empty or null clears it'),
    signatureBlock: z.string().trim().max(1000).nullable().optional().describe('Up to 8 lines; empty or null clears it'),
  })
  .refine((b) => b.name !== undefined || b.title !== undefined || b.signatureBlock !== undefined, { message: 'Give at least one of name, title, signatureBlock.' })
  .refine((b) => (b.signatureBlock ?? '').split('\n').length <= 8, { message: 'The signature block has at most 8 lines.', path: ['signatureBlock'] });
