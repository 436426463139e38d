// Test support for federation: several real nodes (each with its own database) that trust each
// other, connected the way administrators do it — card exported, fingerprint confirmed, imported.
import { randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { type Envelope, type EnvelopeHeader, buildEnvelope, uuidv7 } from '@comity/core/federation/index';
import type { TestBackend } from '@comity/db/testing';
import type { NodeConfig } from '../config.ts';
import { ADMIN_PASSWORD, ApiClient, type TestNode, startTestNode } from '../testing/test-node.ts';
import { ed25519SignerFor, rawPublicKey, x25519Sealer } from './envelope-crypto.ts';
import type { FederationSettings } from './federation-config.ts';

export interface FederatedTestNode extends TestNode {
  admin: TestNode['admin'];
  adminClient: ApiClient;
  nodeId: string;
  card: unknown;
}

/** Settings that make tests fast: short back-off, quick polling. */
export const FAST_FEDERATION: Partial<FederationSettings> = {
  pollMs: 50,
  retry: { baseDelayMs: 100, maxDelayMs: 400, horizonMs: 5 * 60_000 },
  requestTimeoutMs: 10_000,
};

export async function startFederatedNode(
  backend: TestBackend,
  opts: { name: string; country: string; config?: Partial<NodeConfig>; federation?: Partial<FederationSettings> },
): Promise<FederatedTestNode> {
  const t = await startTestNode(backend, {
    loginRateLimit: 1000,
    nodeName: opts.name,
    nodeCountry: opts.country,
    federation: { ...FAST_FEDERATION, ...(opts.federation ?? {}) },
    ...(opts.config ?? {}),
  });
  const adminClient = new ApiClient(t.url);
  await adminClient.signIn(t.admin.email, ADMIN_PASSWORD);
  // The bootstrap organisation carries the node's name and State; make it the central authority.
  const orgs = await adminClient.call<{ items: { id: string; name: string }[] }>('GET', '/api/v1/organisations', undefined, 200);
  const org = orgs.body.items.find((o) => o.name === opts.name);
  if (org) await adminClient.call('PATCH', `/api/v1/organisations/${org.id}`, { kind: 'central-authority' }, 200);
  const card = (await adminClient.call('GET', '/federation/v1/card', undefined, 200)).body;
  return { ...t, adminClient, nodeId: t.node.deps.keys.nodeId, card };
}

/** `a` trusts `b`: imports b's current card with b's fingerprint, as read out by b's operator. */
export async function trust(a: FederatedTestNode, b: FederatedTestNode): Promise<void> {
  const card = (await b.adminClient.call('GET', '/federation/v1/card', undefined, 200)).body;
  const preview = await a.adminClient.call<{ signingFingerprint: string }>('POST', '/api/v1/peers/preview', { card }, 200);
  await a.adminClient.call('POST', '/api/v1/peers', { card, confirmFingerprint: preview.body.signingFingerprint }, 201);
}

export async function connect(nodes: FederatedTestNode[]): Promise<void> {
  for (const a of nodes) for (const b of nodes) if (a !== b) await trust(a, b);
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000, everyMs = 50): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** An envelope as a peer would seal it (a note unless `over` says otherwise), for probing an inbox. */
export function craftEnvelope(
  from: FederatedTestNode,
  to: FederatedTestNode,
  over: Partial<EnvelopeHeader> = {},
  payload: unknown = { text: 'hello' },
  signingKey: KeyObject = from.node.deps.keys.signingPrivate,
): Envelope {
  const header: EnvelopeHeader = {
    v: 1,
    messageId: uuidv7(Date.now(), randomBytes(10)),
    sender: from.nodeId,
    recipient: to.nodeId,
    type: 'message.note',
    createdAt: new Date().toISOString(),
    inReplyTo: null,
    conversationId: 'conv-test',
    marking: 'AMBER',
    ...over,
  };
  return buildEnvelope(
    { sealer: x25519Sealer(), signer: ed25519SignerFor(signingKey) },
    { header, payload: payload as never, recipientEncryptionKey: rawPublicKey(to.node.deps.keys.encryptionPublic) },
  );
}
