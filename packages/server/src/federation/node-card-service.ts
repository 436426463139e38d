// This node's own card: the authority it speaks for (an organisation on the node), where peers
// reach it, its public keys and what it accepts; signed by the node, and endorsed by the previous
// signing key after a rotation so that peers can follow the change without a new phone call.
import { type KeyObject, sign } from 'node:crypto';
import { canonicalJson, NotFoundError, ValidationError } from '@comity/core';
import { cardSigningText, endorsementSigningText, type NodeCard, type SignedNodeCard } from '@comity/core/federation/index';
import { type Database, findOrganisation, findOrganisationByName, getSetting, type OrganisationRow } from '@comity/db';
import type { Kysely } from 'kysely';
import type { NodeConfig } from '../config.ts';
import type { NodeKeys } from '../identity/node-keys.ts';
import { rawPublicKey, sha256HexOf } from './envelope-crypto.ts';
import type { FederationSettings } from './federation-config.ts';

export const PROFILE_SETTING = 'federation.profile';

/** What an administrator chose for the card (all optional; defaults come from the environment). */
export interface StoredProfile {
  organisationId?: string;
  endpoint?: string;
  requestTypes?: string[];
  languages?: string[];
}

export interface CardProfile {
  organisation: OrganisationRow;
  endpoint: string;
  requestTypes: string[];
  languages: string[];
}

/**
 * The organisation the node speaks for: the one an administrator chose, else the one named like
 * the node (COMITY_NODE_NAME), else the oldest organisation on the node.
 */
export async function authorityOrganisation(db: Kysely<Database>, config: Pick<NodeConfig, 'nodeName'>): Promise<OrganisationRow | undefined> {
  const stored = (await getSetting<StoredProfile>(db, PROFILE_SETTING)) ?? {};
  if (stored.organisationId) {
    const org = await findOrganisation(db, stored.organisationId);
    if (org) return org;
  }
  if (config.nodeName) {
    const org = await findOrganisationByName(db, config.nodeName);
    if (org) return org;
  }
  return db.selectFrom('organisations').selectAll().orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
}

export async function resolveProfile(
  db: Kysely<Database>,
  config: Pick<NodeConfig, 'nodeName' | 'host' | 'port'>,
  settings: FederationSettings,
  listenUrl?: string,
): Promise<CardProfile> {
  const stored = (await getSetting<StoredProfile>(db, PROFILE_SETTING)) ?? {};
  const organisation = await authorityOrganisation(db, config);
  if (!organisation) throw new NotFoundError('no_authority', 'This node has no organisation yet; start it once (or create one) before exporting its card.');
  // Without a public URL the node can only be reached where it listens (loopback demo and tests).
  const endpoint = settings.publicUrl ?? stored.endpoint ?? listenUrl ?? defaultListenUrl(config);
  if (!endpoint) throw new ValidationError('no_endpoint', 'The node does not know the URL peers reach it at: set COMITY_PUBLIC_URL.');
  return {
    organisation,
    endpoint: endpoint.replace(/\/+$/, ''),
    requestTypes: stored.requestTypes ?? settings.requestTypes,
    languages: stored.languages ?? settings.languages,
  };
}

function defaultListenUrl(config: Pick<NodeConfig, 'host' | 'port'>): string | undefined {
  if (!config.port) return undefined;
  const host = !config.host || config.host === '0.0.0.0' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host}:${config.port}`;
}

export function buildCard(keys: NodeKeys, profile: CardProfile, now: Date, validityDays: number): NodeCard {
  const issuedAt = now.toISOString();
  return {
    v: 1,
    nodeId: keys.nodeId,
    authority: { name: profile.organisation.name, state: profile.organisation.country, kind: profile.organisation.kind },
    endpoint: profile.endpoint,
    keys: {
      signing: { alg: 'Ed25519', publicKey: rawPublicKey(keys.signingPublic) },
      encryption: { alg: 'X25519', publicKey: rawPublicKey(keys.encryptionPublic) },
    },
    accepts: { requestTypes: [...profile.requestTypes], languages: [...profile.languages] },
    issuedAt,
    validFrom: issuedAt,
    validUntil: new Date(now.getTime() + validityDays * 86_400_000).toISOString(),
  };
}

function signText(key: KeyObject, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), key).toString('base64url');
}

/** Signs with the current key and, when the node rotated before, endorses with the key it replaced. */
export function signCard(keys: NodeKeys, card: NodeCard): SignedNodeCard {
  const signed: SignedNodeCard = { card, signature: signText(keys.signingPrivate, cardSigningText(card)) };
  const previous = keys.previous?.[0];
  if (previous) {
    const previousKey = rawPublicKey(previous.signingPublic);
    signed.endorsement = { signingKey: previousKey, signature: signText(previous.signingPrivate, endorsementSigningText(card, previousKey)) };
  }
  return signed;
}

/** What makes two cards "the same" for announcing: everything but the issue and validity times. */
export function cardDigest(card: NodeCard): string {
  const { issuedAt: _i, validFrom: _f, validUntil: _u, ...rest } = card;
  return sha256HexOf(canonicalJson(rest as never));
}

export async function ownSignedCard(
  deps: { db: Kysely<Database>; keys: NodeKeys; now: () => Date; config: Pick<NodeConfig, 'nodeName' | 'host' | 'port'> },
  settings: FederationSettings,
  listenUrl?: string,
): Promise<SignedNodeCard> {
  const profile = await resolveProfile(deps.db, deps.config, settings, listenUrl);
  return signCard(deps.keys, buildCard(deps.keys, profile, deps.now(), settings.cardValidityDays));
}
