// Facts this node declares about its own State, and those its peers declare about theirs.
// An administrator edits the draft and submits it; a second person (administrator or supervisor)
// approves it, which signs it with the node key and sends it as `knowledge.facts` to every
// trusted peer in the same audited transaction. A peer trusted later gets the current version
// when it is trusted. Received facts are verified (sender, signature by the key on record, the
// sender's own State only) and kept as a knowledge source with their provenance.
import { randomUUID, sign } from 'node:crypto';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@comity/core';
import {
  type DeclaredCentralAuthorityView,
  type DeclaredFacts,
  type DeclaredFactsContent,
  type SignedDeclaredFacts,
  checkDeclaredFacts,
  checkOwnStateOnly,
  declaredCentralAuthorities,
  declaredFactsSigningText,
  declaredProvenance,
} from '@comity/core/knowledge/declared-facts';
import { KnowledgeFactsPayload, type KnowledgeFactsResult } from '@comity/contract/declared-facts';
import type { Database } from '@comity/db';
import {
  type OwnFactsRow,
  findFactsDraft,
  findPublishedFacts,
  findReceivedFacts,
  insertFactsDraft,
  maxOwnFactsVersion,
  publishFactsDraft,
  submitFactsDraft,
  updateFactsDraft,
  upsertReceivedFacts,
} from '@comity/db/repos/declared-facts-repo';
import { type PeerRow, listPeers } from '@comity/db/repos/federation-repo';
import type { Kysely } from 'kysely';
import { type Actor, type AppDeps, type AuditFn, auditedTransaction } from '../deps.ts';
import { federationOf } from '../federation/capability.ts';
import { verifyWithRawKey } from '../federation/envelope-crypto.ts';
import { authorityOrganisation } from '../federation/node-card-service.ts';
import { enqueuePeerMessage } from '../federation/outbox-service.ts';
import type { FederationRuntime, InboundHandler } from '../federation/runtime.ts';
import { loadDeclaredSources } from './knowledge-store.ts';

export const FACTS_MESSAGE_TYPE = 'knowledge.facts';

interface Who {
  actor: Actor;
  requestId: string | null;
}

type Deps = Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now' | 'config' | 'keys' | 'knowledge'>;

/** The authority and State this node speaks for (those of its card). */
export async function ownIdentity(deps: Pick<AppDeps, 'db' | 'config' | 'keys'>): Promise<{ nodeId: string; state: string; authority: string }> {
  const org = await authorityOrganisation(deps.db, deps.config);
  if (!org) throw new NotFoundError('no_authority', 'This node has no organisation yet; it cannot declare facts.');
  return { nodeId: deps.keys.nodeId, state: org.country, authority: org.name };
}

async function checkContent(deps: Deps, content: DeclaredFactsContent, state: string): Promise<void> {
  if (!deps.knowledge) throw new Error('the knowledge capability is not loaded');
  const index = await deps.knowledge.index();
  if (!index.countries.has(state)) {
    throw new ValidationError('node_state_unknown', `This node's authority has no known State ("${state}"): set its organisation's State before declaring facts.`, { field: 'state' });
  }
  checkDeclaredFacts(content, state, { instruments: index.instruments, countries: index.countries });
}

function normalise(content: DeclaredFactsContent): DeclaredFactsContent {
  const trimList = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];
  return {
    treaties: content.treaties.map((t) => ({ ...t, title: t.title.trim(), parties: t.parties.map((p) => p.toUpperCase()) })),
    centralAuthorities: content.centralAuthorities.map((c) => ({ ...c, name: c.name.trim(), address: c.address.trim(), channels: trimList(c.channels), languages: trimList(c.languages) })),
    languages: trimList(content.languages),
    channels: trimList(content.channels),
    declarations: content.declarations.map((d) => ({ ...d, article: d.article.trim(), text: d.text.trim() })),
    participations: content.participations,
  };
}

/** Saves the draft (creating it from the published version's content when there is none). */
export async function saveFactsDraft(deps: Deps, who: Who, input: DeclaredFactsContent): Promise<OwnFactsRow> {
  const { state } = await ownIdentity(deps);
  const content = normalise(input);
  await checkContent(deps, content, state);
  return auditedTransaction(deps, who, async (trx, audit) => {
    const draft = await findFactsDraft(trx, true);
    const now = deps.now();
    let id: string;
    let version: number;
    if (draft) {
      await updateFactsDraft(trx, draft.id, { content, editedById: who.actor.userId, editedByEmail: who.actor.email, at: now });
      id = draft.id;
      version = draft.version;
    } else {
      id = randomUUID();
      version = (await maxOwnFactsVersion(trx)) + 1;
      await insertFactsDraft(trx, { id, version, content, editedById: who.actor.userId, editedByEmail: who.actor.email, at: now });
    }
    audit('knowledge.facts.draft', `declared-facts:${version}`, { version, state, content });
    return (await findFactsDraft(trx)) as OwnFactsRow;
  });
}

export async function submitFacts(deps: Deps, who: Who, note?: string): Promise<OwnFactsRow> {
  return auditedTransaction(deps, who, async (trx, audit) => {
    const draft = await findFactsDraft(trx, true);
    if (!draft) throw new NotFoundError('no_draft', 'There is no draft of declared facts; save one first.');
    if (draft.status === 'submitted') throw new ConflictError('already_submitted', 'The draft is already waiting for approval.', { allowed: ['approve', 'edit'] });
    await submitFactsDraft(trx, draft.id, { byId: who.actor.userId, byEmail: who.actor.email, at: deps.now() });
    audit('knowledge.facts.submit', `declared-facts:${draft.version}`, { version: draft.version, note: note ?? null });
    return (await findFactsDraft(trx)) as OwnFactsRow;
  });
}

function signFacts(deps: Pick<AppDeps, 'keys'>, facts: DeclaredFacts): SignedDeclaredFacts {
  const signature = sign(null, Buffer.from(declaredFactsSigningText(facts), 'utf8'), deps.keys.signingPrivate).toString('base64url');
  return { facts, signature };
}

async function queueToPeer(trx: Kysely<Database>, now: Date, peer: PeerRow, signed: SignedDeclaredFacts): Promise<void> {
  await enqueuePeerMessage(trx, now, {
    peerNodeId: peer.node_id,
    type: FACTS_MESSAGE_TYPE,
    conversationId: `facts:${signed.facts.nodeId}`,
    payload: { facts: signed },
    senderOrganisationId: null,
    marking: 'CLEAR',
  });
}

/**
 * Four eyes: the approver is neither the person who last edited the draft nor the one who
 * submitted it. Signs the facts, publishes them and queues them to every active peer.
 */
export async function approveFacts(deps: Deps, who: Who, note?: string): Promise<OwnFactsRow> {
  const identity = await ownIdentity(deps);
  const runtime = federationOf(deps as AppDeps);
  const check = (draft: OwnFactsRow | undefined): OwnFactsRow => {
    if (!draft) throw new NotFoundError('no_draft', 'There is no draft of declared facts to approve.');
    if (draft.status !== 'submitted') throw new ConflictError('not_submitted', 'The draft has not been submitted for approval (or was edited since).', { allowed: ['submit'] });
    if (draft.submittedById === who.actor.userId || draft.editedById === who.actor.userId) {
      throw new ForbiddenError('four_eyes', 'Someone other than the person who edited or submitted the declared facts must approve them (four eyes).');
    }
    return draft;
  };
  // Checked against the knowledge before the transaction (the index reads the database itself):
  // the data may have changed since the draft was saved (a catalogue instrument with the same id).
  const seen = check(await findFactsDraft(deps.db));
  await checkContent(deps, seen.content as DeclaredFactsContent, identity.state);
  const row = await auditedTransaction(deps, who, async (trx, audit) => {
    const draft = check(await findFactsDraft(trx, true));
    if (draft.editedAt !== seen.editedAt) throw new ConflictError('draft_changed', 'The draft was changed meanwhile; read it again before approving.', { allowed: [] });
    const content = draft.content as DeclaredFactsContent;
    const now = deps.now();
    const facts: DeclaredFacts = { v: 1, ...identity, version: draft.version, signedAt: now.toISOString(), ...content };
    const signed = signFacts(deps, facts);
    await publishFactsDraft(trx, draft.id, { signed, byId: who.actor.userId, byEmail: who.actor.email, at: now });
    const peers = (await listPeers(trx)).filter((p) => p.status === 'active');
    for (const p of peers) await queueToPeer(trx, now, p, signed);
    audit('knowledge.facts.publish', `declared-facts:${draft.version}`, {
      version: draft.version,
      state: identity.state,
      signedAt: facts.signedAt,
      signature: signed.signature,
      editedBy: draft.editedByEmail,
      submittedBy: draft.submittedByEmail,
      note: note ?? null,
      sentTo: peers.map((p) => p.node_id),
    });
    return (await findPublishedFacts(trx)) as OwnFactsRow;
  });
  runtime?.wake();
  await deps.knowledge?.reload();
  return row;
}

/** What this node's administrator sees: the draft, the published version, and which peers got it. */
export async function ownFactsView(deps: Deps) {
  const identity = await ownIdentity(deps);
  const [draft, published, peers] = await Promise.all([findFactsDraft(deps.db), findPublishedFacts(deps.db), listPeers(deps.db)]);
  const sent = published
    ? await deps.db
        .selectFrom('outbox')
        .select(['recipient_node_id', 'state', 'payload'])
        .where('type', '=', FACTS_MESSAGE_TYPE)
        .orderBy('seq', 'desc')
        .execute()
    : [];
  return {
    ...identity,
    draft: draft
      ? {
          content: draft.content as DeclaredFactsContent,
          status: draft.status as 'draft' | 'submitted',
          editedBy: draft.editedByEmail,
          editedAt: draft.editedAt,
          submittedBy: draft.submittedByEmail,
          submittedAt: draft.submittedAt,
        }
      : null,
    published: published
      ? {
          facts: published.signed as SignedDeclaredFacts,
          provenance: declaredProvenance((published.signed as SignedDeclaredFacts).facts),
          approvedBy: published.approvedByEmail,
          submittedBy: published.submittedByEmail,
          publishedAt: published.publishedAt as string,
        }
      : null,
    peers: peers
      .filter((p) => p.status === 'active')
      .map((p) => {
        const last = sent.find((s) => s.recipient_node_id === p.node_id);
        const version = last ? ((last.payload as { facts?: SignedDeclaredFacts }).facts?.facts.version ?? null) : null;
        return { nodeId: p.node_id, name: p.authority_name, state: p.country, sentVersion: version, delivered: last?.state === 'delivered' };
      }),
  };
}

/** Declared facts in use on this node (its own published ones and its peers'), with provenance. */
export async function listDeclaredFacts(db: Kysely<Database>, f: { state?: string | undefined } = {}) {
  const sources = await loadDeclaredSources(db);
  const received = new Map((await db.selectFrom('declared_facts_received').select(['node_id', 'received_at']).execute()).map((r) => [r.node_id, r.received_at]));
  return sources
    .filter((s) => !f.state || s.facts.state === f.state)
    .map(({ facts, own }) => {
      const { v: _v, nodeId, state, authority, version, signedAt, ...content } = facts;
      const at = received.get(nodeId);
      return {
        nodeId,
        state,
        authority,
        version,
        signedAt,
        receivedAt: own || !at ? null : new Date(at).toISOString(),
        own,
        provenance: declaredProvenance(facts),
        facts: content,
      };
    });
}

/**
 * For the authority directory: central authorities that States' own nodes declared, each with
 * its instrument and provenance (node id, authority, signed date). `state` narrows to one State.
 */
export async function listDeclaredCentralAuthorities(db: Kysely<Database>, f: { state?: string } = {}): Promise<DeclaredCentralAuthorityView[]> {
  return declaredCentralAuthorities(await loadDeclaredSources(db), f.state?.toUpperCase());
}

// ---- federation ------------------------------------------------------------------------------------

/** Receives a peer's declared facts: its own, signed by the key on record, about its own State. */
export const factsHandler: InboundHandler<ReturnType<typeof KnowledgeFactsPayload.parse>> = {
  parse: (p) => KnowledgeFactsPayload.parse(p),
  async handle({ trx, header, payload, peer, runtime, audit }) {
    const signed = payload.facts as SignedDeclaredFacts;
    const { facts } = signed;
    if (facts.nodeId !== header.sender) throw new ValidationError('facts_node_mismatch', `The facts name node ${facts.nodeId}; a node may only publish its own facts.`);
    if (!verifyWithRawKey(peer.signing_key, declaredFactsSigningText(facts), signed.signature)) {
      throw new ValidationError('facts_signature_invalid', 'The declared facts are not signed by the sending node’s key on record.');
    }
    checkOwnStateOnly(facts, peer.country);
    const held = await findReceivedFacts(trx, header.sender);
    if (held && held.version >= facts.version) {
      return { result: { version: facts.version, stored: false } satisfies KnowledgeFactsResult };
    }
    await upsertReceivedFacts(trx, {
      nodeId: header.sender,
      state: facts.state,
      authority: facts.authority,
      version: facts.version,
      signedAt: facts.signedAt,
      signed,
      messageId: header.messageId,
      receivedAt: runtime.deps.now(),
    });
    audit('knowledge.facts.receive', `peer:${header.sender}`, {
      version: facts.version,
      previousVersion: held?.version ?? null,
      state: facts.state,
      provenance: declaredProvenance(facts),
      treaties: facts.treaties.map((t) => t.id),
      centralAuthorities: facts.centralAuthorities.length,
      declarations: facts.declarations.length,
    });
    return { result: { version: facts.version, stored: true } satisfies KnowledgeFactsResult };
  },
};

/** A peer trusted after the facts were published gets the current version at once. */
export async function sendPublishedToNewPeer(trx: Kysely<Database>, runtime: FederationRuntime, peer: PeerRow, audit: AuditFn): Promise<void> {
  const published = await findPublishedFacts(trx);
  if (!published?.signed) return;
  const signed = published.signed as SignedDeclaredFacts;
  await queueToPeer(trx, runtime.deps.now(), peer, signed);
  audit('knowledge.facts.send', `peer:${peer.node_id}`, { version: signed.facts.version, reason: 'peer trusted' });
}

export function registerFactsFederation(runtime: FederationRuntime): void {
  runtime.registerHandler(FACTS_MESSAGE_TYPE, factsHandler);
  runtime.peerTrustedListeners.push((trx, peer, audit) => sendPublishedToNewPeer(trx, runtime, peer, audit));
}
