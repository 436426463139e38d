// The directory of requested authorities: a list of sources, each a function that gives the
// entries it knows for a State. One more source (e.g. node-declared central authorities) is one
// more line in DIRECTORY_SOURCES. Entries keep their source and provenance; nothing is merged or
// guessed: a designation whose name the text does not give plainly is shown with its text only.
import { NotFoundError, ValidationError } from '@comity/core';
import { type DirectoryAuthority, isTransmissionChannel, type RequestedAuthorityRef } from '@comity/core/authorities/authority';
import { extractDesignation, mentionsCentralAuthority } from '@comity/core/authorities/designations';
import { reservationId } from '@comity/core/knowledge/reservations';
import type { Reservation } from '@comity/core/knowledge/model';
import type { Database } from '@comity/db';
import { type AuthorityRow, findAuthority, listAuthorities } from '@comity/db/repos/authorities-repo';
import { findPeer, listPeers, type PeerRow } from '@comity/db/repos/federation-repo';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../deps.ts';
import { listDeclaredCentralAuthorities } from '../knowledge/declared-facts-service.ts';

export type DirectoryDeps = Pick<AppDeps, 'db' | 'knowledge'>;
export interface DirectoryQuery {
  state?: string | undefined;
}
export type AuthoritySourceFn = (deps: DirectoryDeps, q: DirectoryQuery) => Promise<DirectoryAuthority[]>;

const blank = {
  instrument: null,
  article: null,
  declarationText: null,
  nodeId: null,
  address: null,
  channel: null,
  languages: [] as string[],
  email: null,
  notes: null,
} satisfies Partial<DirectoryAuthority>;

/** (a) Central authorities States designated in declarations and notifications to the treaties. */
export const treatyDesignations: AuthoritySourceFn = async (deps, q) => {
  if (!deps.knowledge) return [];
  const index = await deps.knowledge.index();
  const reservations: Reservation[] = q.state ? (index.reservationsByState.get(q.state) ?? []) : [...index.reservationsByState.values()].flat();
  return reservations
    .filter((r) => r.effects.some((e) => e.kind === 'central-authority') || mentionsCentralAuthority(r.text))
    .map((r) => {
      const { name, article } = extractDesignation(r.text);
      return {
        ...blank,
        id: `treaty:${reservationId(r)}`,
        source: 'treaty-designation' as const,
        name,
        state: r.state,
        instrument: r.instrument,
        article,
        declarationText: r.text,
        provenance: r.source,
        asOf: /as of (\d{4}-\d{2}-\d{2})/.exec(r.source)?.[1] ?? index.dataAsOf,
        selectable: name !== null,
      };
    });
};

function fromPeer(p: PeerRow): DirectoryAuthority {
  return {
    ...blank,
    id: `peer:${p.node_id}`,
    source: 'peer-node',
    name: p.authority_name,
    state: p.country,
    nodeId: p.node_id,
    languages: (p.languages as string[]) ?? [],
    provenance: `Signed node card of ${p.node_id}`,
    asOf: new Date(p.updated_at).toISOString().slice(0, 10),
    selectable: true,
  };
}

/** (b) Authorities on trusted peer nodes: the authority each active peer's card names. */
export const peerNodeAuthorities: AuthoritySourceFn = async (deps, q) =>
  (await listPeers(deps.db, { status: 'active' })).filter((p) => !q.state || p.country === q.state).map(fromPeer);

export function fromAuthorityRow(a: AuthorityRow): DirectoryAuthority & { version: number } {
  return {
    ...blank,
    id: `admin:${a.id}`,
    source: 'administrator',
    name: a.name,
    state: a.state,
    address: a.address,
    channel: a.channel && isTransmissionChannel(a.channel) ? a.channel : null,
    languages: (a.languages as string[]) ?? [],
    email: a.email,
    notes: a.notes,
    provenance: 'Added by an administrator of this node',
    asOf: new Date(a.updated_at).toISOString().slice(0, 10),
    selectable: true,
    version: a.version,
  };
}

/** (c) Authorities an administrator of this node added. */
export const administratorAuthorities: AuthoritySourceFn = async (deps, q) => (await listAuthorities(deps.db, { state: q.state })).map(fromAuthorityRow);

/** The directory's sources, in the order their entries are listed. */
/** The directory id of a central authority a node declared (the request keeps it; the letter finds its address by it). */
export function declaredAuthorityId(c: { nodeId: string; instrument: string; name: string }): string {
  return `declared:${c.nodeId}:${c.instrument}:${c.name}`;
}

/**
 * (d) Central authorities a State's own node declared in its signed facts (issue 9, part 6). The
 * entry is the designated authority, which need not be the node's own organisation: a request to
 * it is recorded by the requesting side; the node's own authority is the peer-node entry.
 */
export const nodeDeclaredAuthorities: AuthoritySourceFn = async (deps, q) =>
  (await listDeclaredCentralAuthorities(deps.db, { ...(q.state ? { state: q.state } : {}) })).map((c) => ({
    ...blank,
    id: declaredAuthorityId(c),
    source: 'node-declaration' as const,
    name: c.name,
    state: c.state,
    instrument: c.instrument,
    nodeId: c.nodeId,
    address: c.address || null,
    channel: c.channels.find(isTransmissionChannel) ?? null,
    languages: c.languages,
    provenance: c.provenance,
    asOf: c.signedAt.slice(0, 10),
    selectable: true,
  }));

export const DIRECTORY_SOURCES: readonly AuthoritySourceFn[] = [treatyDesignations, nodeDeclaredAuthorities, peerNodeAuthorities, administratorAuthorities];

export async function authorityDirectory(
  deps: DirectoryDeps,
  q: DirectoryQuery & { source?: string | undefined; q?: string | undefined },
  sources: readonly AuthoritySourceFn[] = DIRECTORY_SOURCES,
): Promise<DirectoryAuthority[]> {
  const all = (await Promise.all(sources.map((s) => s(deps, { state: q.state })))).flat();
  const needle = q.q?.trim().toLowerCase();
  return all
    .filter((a) => !q.source || a.source === q.source)
    .filter((a) => !needle || [a.name, a.state, a.declarationText, a.instrument].some((v) => v?.toLowerCase().includes(needle)));
}

/**
 * The directory entry a request is addressed to, as the request keeps it. A peer-node entry is
 * not returned here: its requests travel by federation (requestedNodeId).
 */
export async function resolveRequestedAuthority(deps: DirectoryDeps, id: string): Promise<RequestedAuthorityRef> {
  const [prefix, rest] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
  let entry: DirectoryAuthority | undefined;
  if (prefix === 'admin') {
    const row = /^[0-9a-f-]{36}$/i.test(rest) ? await findAuthority(deps.db, rest) : undefined;
    entry = row ? fromAuthorityRow(row) : undefined;
  } else if (prefix === 'treaty') {
    const state = rest.split(':')[1];
    entry = state ? (await treatyDesignations(deps, { state })).find((a) => a.id === id) : undefined;
  } else {
    entry = (await authorityDirectory(deps, {})).find((a) => a.id === id && a.source !== 'peer-node');
  }
  if (!entry) throw new ValidationError('unknown_authority', `"${id}" is not an authority in the directory (GET /api/v1/authorities).`, { field: 'requestedAuthorityId' });
  if (!entry.selectable || !entry.name) {
    throw new ValidationError('authority_not_selectable', 'The declaration does not name the authority plainly; ask an administrator to add it with its name.', {
      field: 'requestedAuthorityId',
    });
  }
  return { id: entry.id, source: entry.source, name: entry.name, state: entry.state, instrument: entry.instrument, article: entry.article };
}

/** Peers whose card names the State of a request to an authority without a node (link candidates). */
export async function peersForState(db: Kysely<Database>, state: string): Promise<PeerRow[]> {
  return (await listPeers(db, { status: 'active' })).filter((p) => p.country === state);
}

export async function requireActivePeer(db: Kysely<Database>, nodeId: string): Promise<PeerRow> {
  const peer = await findPeer(db, nodeId);
  if (peer?.status !== 'active') throw new NotFoundError('unknown_peer', 'No trusted peer node with that id.');
  return peer;
}
