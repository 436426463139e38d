// Turns what the API received (a new request, or a patch of a draft) into valid request content:
// the requested authority and its State agree, persons and measures have unique ids, measures fit
// the type, and a treaty basis is resolved against the knowledge base (title, articles, citation).
import { ValidationError } from '@comity/core';
import type { RequestedAuthorityRef } from '@comity/core/authorities/authority';
import type { KnowledgeIndex } from '@comity/core/knowledge/knowledge-index';
import { resolveInstrument } from '@comity/core/knowledge/resolve';
import {
  type LegalBasisChoice,
  MEASURES_BY_TYPE,
  type RequestContent,
  type RequestType,
  cooperationTypeOf,
} from '@comity/core/requests/request';
import type { PatchRequestBody } from '@comity/contract/requests';
import { findOrganisation } from '@comity/db';
import { findPeer } from '@comity/db/repos/federation-repo';
import { isKnownState } from '../accounts/states.ts';
import { resolveRequestedAuthority } from '../authorities/directory.ts';
import type { RequestDeps } from './request-deps.ts';

export type ContentPatch = Omit<PatchRequestBody, 'version'>;

export interface NormalisedContent {
  content: RequestContent;
  requested: { organisationId: string | null; name: string | null; state: string; nodeId?: string | null };
}

export function defaultContent(requestedState: string): RequestContent {
  return {
    title: '',
    requestedState,
    requestedOrganisationId: null,
    legalBasis: null,
    offences: [],
    proceedings: {},
    persons: [],
    measures: [],
    urgency: { urgent: false },
    deadline: null,
    confidentiality: { confidential: false },
    useLimitations: {},
    language: 'en',
    marking: 'AMBER',
  };
}

function resolveBasis(index: KnowledgeIndex | null, type: RequestType, input: NonNullable<ContentPatch['legalBasis']>): LegalBasisChoice {
  if (input.kind === 'reciprocity') return input.assurance?.trim() ? { kind: 'reciprocity', assurance: input.assurance.trim() } : { kind: 'reciprocity' };
  if (!index) return { kind: 'treaty', instrument: input.instrument.toUpperCase(), articles: input.articles ?? [] };
  const id = resolveInstrument(index, input.instrument);
  const instrument = index.instruments.get(id);
  const articles = input.articles?.length ? input.articles : (instrument?.cooperation[cooperationTypeOf(type)]?.articles ?? []);
  return {
    kind: 'treaty',
    instrument: id,
    articles: [...articles],
    title: instrument?.titles.en ?? instrument?.short ?? id,
    citation: articles.length ? `${id} art. ${articles.join(', ')}` : id,
  };
}

/** Applies `patch` to `base` (fields given replace the stored ones; lists are replaced whole). */
export async function normaliseContent(
  deps: Pick<RequestDeps, 'db' | 'knowledge'>,
  type: RequestType,
  base: RequestContent,
  patch: ContentPatch,
  requestingOrganisationId: string,
): Promise<NormalisedContent> {
  const next: RequestContent = { ...base };
  const copy = <K extends keyof RequestContent & keyof ContentPatch>(key: K) => {
    if (patch[key] !== undefined) (next as unknown as Record<string, unknown>)[key] = patch[key];
  };
  for (const key of [
    'title',
    'caseReference',
    'offences',
    'facts',
    'applicableLaw',
    'proceedings',
    'purpose',
    'persons',
    'measures',
    'procedure',
    'urgency',
    'deadline',
    'deadlineReason',
    'confidentiality',
    'useLimitations',
    'language',
    'marking',
    'handling',
    'handlingNote',
  ] as const) {
    copy(key);
  }
  if (patch.title !== undefined) next.title = patch.title.trim();
  // The ICCS code follows from the category where the taxonomy has an established one; a code the
  // drafter typed is kept as given.
  const iccsByCategory = new Map((deps.knowledge?.reference.offences ?? []).map((o) => [o.id, o.iccs]));
  next.offences = next.offences.map((o) => (o.iccs ? o : { ...o, iccs: iccsByCategory.get(o.category) ?? undefined }));

  let requested: NormalisedContent['requested'] = { organisationId: null, name: null, state: base.requestedState };
  // A directory entry (GET /api/v1/authorities): a peer-node entry is its node; any other is an
  // authority without a node, whose request is carried outside Comity and recorded.
  let authorityId = patch.requestedAuthorityId;
  let nodeFromDirectory: string | null = null;
  if (authorityId?.startsWith('peer:')) {
    nodeFromDirectory = authorityId.slice('peer:'.length);
    authorityId = null;
  }
  const choosingAuthority = typeof authorityId === 'string';
  const choosingOther = patch.requestedOrganisationId || patch.requestedNodeId || nodeFromDirectory;
  const orgId =
    patch.requestedOrganisationId !== undefined ? patch.requestedOrganisationId : choosingAuthority || nodeFromDirectory ? null : (base.requestedOrganisationId ?? null);
  // An authority on a peer node (from the directory); choosing a local organisation clears it.
  const nodeId =
    nodeFromDirectory ??
    (patch.requestedNodeId !== undefined ? patch.requestedNodeId : patch.requestedOrganisationId || choosingAuthority ? null : (base.requestedNodeId ?? null));
  let authority: RequestedAuthorityRef | null =
    choosingAuthority || authorityId === null || choosingOther ? null : (base.requestedAuthority ?? null);
  if ([orgId, nodeId, choosingAuthority ? authorityId : authority].filter(Boolean).length > 1) {
    throw new ValidationError('requested_authority_ambiguous', 'Give one requested authority: an organisation on this node, an authority on a peer node, or one from the directory.', {
      field: 'requestedNodeId',
    });
  }
  if (choosingAuthority) authority = await resolveRequestedAuthority(deps, authorityId as string);
  if (authority) {
    if (patch.requestedState && patch.requestedState !== authority.state) {
      throw new ValidationError('requested_state_mismatch', `${authority.name} is an authority of ${authority.state}, not of ${patch.requestedState}.`, { field: 'requestedState' });
    }
    requested = { organisationId: null, name: authority.name, state: authority.state, nodeId: null };
  } else if (nodeId) {
    const peer = await findPeer(deps.db, nodeId);
    if (peer?.status !== 'active') {
      throw new ValidationError('unknown_peer', 'The requested authority is not on a trusted peer node (see the directory).', { field: 'requestedNodeId' });
    }
    if (patch.requestedState && patch.requestedState !== peer.country) {
      throw new ValidationError('requested_state_mismatch', `${peer.authority_name} is an authority of ${peer.country}, not of ${patch.requestedState}.`, { field: 'requestedState' });
    }
    requested = { organisationId: null, name: peer.authority_name, state: peer.country, nodeId: peer.node_id };
  } else if (orgId) {
    const org = await findOrganisation(deps.db, orgId);
    if (!org) throw new ValidationError('unknown_organisation', 'The requested authority is not an organisation on this node.', { field: 'requestedOrganisationId' });
    if (org.id === requestingOrganisationId) {
      throw new ValidationError('requested_is_requesting', 'The requested authority must be another organisation than your own.', { field: 'requestedOrganisationId' });
    }
    if (patch.requestedState && patch.requestedState !== org.country) {
      throw new ValidationError('requested_state_mismatch', `${org.name} is an authority of ${org.country}, not of ${patch.requestedState}.`, { field: 'requestedState' });
    }
    requested = { organisationId: org.id, name: org.name, state: org.country };
  } else {
    const state = patch.requestedState ?? base.requestedState;
    if (!state || !isKnownState(state) || state === 'XXX') {
      throw new ValidationError('unknown_country', `"${state ?? ''}" is not an ISO 3166 alpha-3 code known to this node.`, { field: 'requestedState' });
    }
    requested = { organisationId: null, name: null, state };
  }
  next.requestedOrganisationId = requested.organisationId;
  next.requestedNodeId = requested.nodeId ?? null;
  next.requestedAuthority = authority;
  next.requestedState = requested.state;

  const personIds = new Set<string>();
  for (const p of next.persons) {
    if (personIds.has(p.id)) throw new ValidationError('duplicate_person_id', `Two persons have the id "${p.id}".`, { field: 'persons' });
    personIds.add(p.id);
  }
  const measureIds = new Set<string>();
  const allowed = MEASURES_BY_TYPE[type];
  for (const m of next.measures) {
    if (measureIds.has(m.id)) throw new ValidationError('duplicate_measure_id', `Two measures have the id "${m.id}".`, { field: 'measures' });
    measureIds.add(m.id);
    if (!allowed.includes(m.kind)) {
      throw new ValidationError('measure_not_for_type', `"${m.kind}" is not a measure of a ${type} request.`, { field: 'measures', allowed: [...allowed] });
    }
  }

  if (patch.legalBasis !== undefined) {
    next.legalBasis = patch.legalBasis === null ? null : resolveBasis(deps.knowledge ? await deps.knowledge.index() : null, type, patch.legalBasis);
  }
  return { content: next, requested };
}
