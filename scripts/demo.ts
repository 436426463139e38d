// `npm run demo`: three Comity nodes for three States on one machine (ports 8081–8083), each with
// its own embedded PGlite database in a temporary folder, trusting each other through their signed
// cards; demo users on each; one mutual legal assistance request from France to Germany already
// transmitted through federation, and a note on its way. Ctrl-C stops the nodes and removes the folder.
// Options: --base-port <n> (default 8081), --keep (leave the data folder), --data <dir>.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exampleRequest } from '@comity/core/requests/examples';
import { REPO_ROOT, type RunningNode, startNode } from '@comity/server';
import { federationOf } from '@comity/server/federation/capability';
import { ApiClient } from '@comity/server/testing/test-node';

interface DemoState {
  key: string;
  label: string;
  authority: string;
  state: string;
  languages: string[];
  users: { email: string; name: string; role: 'practitioner' | 'supervisor' }[];
}

const STATES: DemoState[] = [
  {
    key: 'france',
    label: 'France',
    authority: 'Ministère de la Justice — Bureau de l’entraide pénale internationale (France)',
    state: 'FRA',
    languages: ['fr', 'en'],
    users: [
      { email: 'claire.martin@justice.fr.example', name: 'Claire Martin', role: 'practitioner' },
      { email: 'paul.durand@justice.fr.example', name: 'Paul Durand', role: 'supervisor' },
    ],
  },
  {
    key: 'germany',
    label: 'Germany',
    authority: 'Bundesamt für Justiz (Germany)',
    state: 'DEU',
    languages: ['de', 'en'],
    users: [
      { email: 'jonas.weber@bfj.de.example', name: 'Jonas Weber', role: 'practitioner' },
      { email: 'anna.schmidt@bfj.de.example', name: 'Anna Schmidt', role: 'supervisor' },
    ],
  },
  {
    key: 'argentina',
    label: 'Argentina',
    authority: 'Ministerio de Justicia — Dirección de Asistencia Jurídica Internacional (Argentina)',
    state: 'ARG',
    languages: ['es', 'en'],
    users: [
      { email: 'lucia.fernandez@jus.ar.example', name: 'Lucía Fernández', role: 'practitioner' },
      { email: 'martin.gomez@jus.ar.example', name: 'Martín Gómez', role: 'supervisor' },
    ],
  },
];

const ADMIN_PASSWORD = 'letters-rogatory-demo';
const USER_PASSWORD = 'mutual-assistance-demo';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = createServer();
    s.once('error', () => res(false));
    s.listen(port, '127.0.0.1', () => s.close(() => res(true)));
  });
}

async function expect<T = Record<string, unknown>>(client: ApiClient, method: string, path: string, body: unknown, status: number): Promise<T> {
  const res = await client.call<T>(method, path, body, undefined);
  if (res.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${res.status}: ${res.text}`);
  return res.body;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface DemoNode {
  spec: DemoState;
  node: RunningNode;
  admin: ApiClient;
  users: Map<string, ApiClient>;
  organisationId: string;
}

async function main(): Promise<void> {
  const basePort = Number(option('--base-port') ?? process.env.COMITY_DEMO_BASE_PORT ?? 8081);
  if (!Number.isInteger(basePort) || basePort < 1 || basePort > 65533) throw new Error('--base-port must be a port number');
  for (let i = 0; i < STATES.length; i++) {
    if (!(await portFree(basePort + i))) {
      throw new Error(`port ${basePort + i} is in use; stop whatever listens there, or run with --base-port <another port>`);
    }
  }
  const given = option('--data');
  const root = given ? resolve(given) : mkdtempSync(join(tmpdir(), 'comity-demo-'));
  const keep = process.argv.includes('--keep') || given !== undefined;
  const nodes: DemoNode[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const n of nodes.reverse()) await n.node.close().catch(() => {});
    if (!keep) rmSync(root, { recursive: true, force: true });
    process.exit(code);
  };
  process.once('SIGINT', () => {
    process.stdout.write('\nStopping the three nodes…\n');
    void stop(0);
  });
  process.once('SIGTERM', () => void stop(0));

  try {
    process.stdout.write(`Starting three Comity nodes (data in ${root})…\n`);
    for (const [i, spec] of STATES.entries()) {
      const node = await startNode({
        port: basePort + i,
        host: '127.0.0.1',
        dataDir: join(root, spec.key),
        nodeName: spec.authority,
        nodeCountry: spec.state,
        webDir: resolve(REPO_ROOT, 'packages/web/dist'),
        knowledgeDir: resolve(REPO_ROOT, 'data'),
        log: false,
        loginRateLimit: 100,
        announce: () => {},
        federation: { languages: spec.languages, pollMs: 200 },
      });
      const admin = new ApiClient(node.url);
      if (node.admin) {
        await expect(admin, 'POST', '/api/v1/session', { email: node.admin.email, password: node.admin.oneTimePassword }, 200).then((b) => {
          admin.csrf = (b as { csrfToken: string }).csrfToken;
        });
        await expect(admin, 'POST', '/api/v1/account/password', { currentPassword: node.admin.oneTimePassword, newPassword: ADMIN_PASSWORD }, 204);
      }
      const signed = await admin.signIn('admin@comity.local', ADMIN_PASSWORD);
      if (signed.status !== 200) throw new Error(`cannot sign in to ${node.url} as the administrator (reuse of an older --data folder?)`);
      const orgs = await expect<{ items: { id: string; name: string; kind: string }[] }>(admin, 'GET', '/api/v1/organisations', undefined, 200);
      const org = orgs.items.find((o) => o.name === spec.authority)!;
      if (org.kind !== 'central-authority') await expect(admin, 'PATCH', `/api/v1/organisations/${org.id}`, { kind: 'central-authority' }, 200);
      const users = new Map<string, ApiClient>();
      const existing = await expect<{ items: { email: string }[] }>(admin, 'GET', `/api/v1/users?organisationId=${org.id}`, undefined, 200);
      for (const u of spec.users) {
        const c = new ApiClient(node.url);
        if (!existing.items.some((e) => e.email === u.email)) {
          // Accounts an administrator creates start with a one-time password; the demo sets the final one.
          const first = `${USER_PASSWORD}-first`;
          await expect(admin, 'POST', '/api/v1/users', { email: u.email, name: u.name, role: u.role, organisationId: org.id, password: first }, 201);
          await c.signIn(u.email, first);
          await expect(c, 'POST', '/api/v1/account/password', { currentPassword: first, newPassword: USER_PASSWORD }, 204);
        }
        await c.signIn(u.email, USER_PASSWORD);
        users.set(u.role, c);
      }
      nodes.push({ spec, node, admin, users, organisationId: org.id });
      process.stdout.write(`  ${spec.label.padEnd(10)} ${node.url}  ${node.deps.keys.nodeId}\n`);
    }

    // Every administrator imports the other two cards after "confirming" the fingerprint.
    for (const a of nodes) {
      for (const b of nodes) {
        if (a === b) continue;
        const card = await expect(b.admin, 'GET', '/federation/v1/card', undefined, 200);
        const preview = await expect<{ signingFingerprint: string; currentStatus: string | null }>(a.admin, 'POST', '/api/v1/peers/preview', { card }, 200);
        if (preview.currentStatus === null) {
          await expect(a.admin, 'POST', '/api/v1/peers', { card, confirmFingerprint: preview.signingFingerprint }, 201);
        }
      }
    }

    // One request in flight: France → Germany, mutual legal assistance, transmitted through federation.
    const [france, germany, argentina] = nodes as [DemoNode, DemoNode, DemoNode];
    const drafter = france.users.get('practitioner')!;
    const approver = france.users.get('supervisor')!;
    const { type: _t, requestedOrganisationId: _o, ...content } = exampleRequest('mla', 'DEU', null);
    const created = await expect<{ id: string; reference: string; conversationId: string }>(
      drafter,
      'POST',
      '/api/v1/requests',
      { type: 'mla', ...content, requestedNodeId: germany.node.deps.keys.nodeId, legalBasis: { kind: 'treaty', instrument: 'UNTOC' } },
      201,
    );
    await expect(drafter, 'POST', `/api/v1/requests/${created.id}/transitions`, { action: 'submit' }, 200);
    await expect(approver, 'POST', `/api/v1/requests/${created.id}/transitions`, { action: 'approve', reason: 'Checked against the case file.' }, 200);
    await expect(drafter, 'POST', `/api/v1/requests/${created.id}/transitions`, { action: 'transmit' }, 200);
    const executor = germany.users.get('practitioner')!;
    const incoming = await waitFor('the request at the German node', async () => {
      const list = await expect<{ items: { id: string; reference: string; conversationId?: string }[] }>(executor, 'GET', '/api/v1/requests?side=requested', undefined, 200);
      return list.items[0];
    });
    await expect(
      argentina.users.get('practitioner')!,
      'POST',
      '/api/v1/federation/notes',
      { peerNodeId: france.node.deps.keys.nodeId, text: 'Buenos días: our request on the Rosario case follows next week.' },
      201,
    );
    federationOf(argentina.node.deps)?.wake();

    // Germany's node publishes its own State's facts (a demonstration treaty with Argentina, its
    // central authority, languages and channels): drafted by the administrator, approved by the
    // supervisor (four eyes), signed and sent to the two peers, whose answers then cite it.
    const treatyId = 'DEU-ARG-DEMO-2001';
    await expect(
      germany.admin,
      'PUT',
      '/api/v1/knowledge/facts/draft',
      {
        treaties: [
          {
            id: treatyId,
            title: 'Treaty between Germany and Argentina on extradition and mutual legal assistance in criminal matters (demonstration data, not a real treaty)',
            kind: 'bilateral',
            parties: ['DEU', 'ARG'],
            signed: '2001-03-14',
            entryIntoForce: '2003-07-01',
            offences: ['*any-extraditable'],
            cooperation: { extradition: { articles: ['1'] }, mla: { articles: ['20'] } },
            articles: [
              { number: '1', heading: 'Obligation to extradite' },
              { number: '20', heading: 'Mutual legal assistance' },
            ],
          },
        ],
        centralAuthorities: [
          { instrument: treatyId, name: 'Bundesamt für Justiz', address: 'Adenauerallee 99–103, 53113 Bonn', channels: ['central-authority', 'federation'], languages: ['de', 'es', 'en'] },
        ],
        languages: ['de', 'en'],
        channels: ['central-authority', 'diplomatic', 'federation'],
        declarations: [],
        participations: [],
      },
      200,
    );
    await expect(germany.admin, 'POST', '/api/v1/knowledge/facts/draft/submit', {}, 200);
    await expect(germany.users.get('supervisor')!, 'POST', '/api/v1/knowledge/facts/draft/approve', { note: 'Demo' }, 200);
    federationOf(germany.node.deps)?.wake();

    const line = (s = '') => process.stdout.write(`${s}\n`);
    line();
    line('Comity demo is ready: three authorities, three States, three nodes that trust each other.');
    for (const n of nodes) line(`  ${n.spec.label.padEnd(10)} ${n.node.url}   ${n.spec.authority}`);
    line();
    line(`Demo users (password for all: ${USER_PASSWORD}; administrators: admin@comity.local / ${ADMIN_PASSWORD}):`);
    for (const n of nodes) for (const u of n.spec.users) line(`  ${n.spec.label.padEnd(10)} ${u.role.padEnd(13)} ${u.email}`);
    line();
    line(`In flight: request ${created.reference} (mutual legal assistance) from France to Germany, transmitted through federation;`);
    line(`  Germany received it as ${incoming.reference}. Sign in at ${germany.node.url} as ${STATES[1]!.users[0]!.email} to receive and execute it,`);
    line(`  and watch its timeline at ${france.node.url} as ${STATES[0]!.users[0]!.email}. Argentina sent France a note.`);
    line(`Germany's node published its declared facts (treaty ${treatyId} with Argentina, demonstration data): ask Argentina's finder`);
    line(`  at ${argentina.node.url}/legal-basis?requesting=DEU&requested=ARG&type=extradition&offence=drug-trafficking`);
    line(`Data: ${root}${keep ? ' (kept)' : ' (removed when you stop the demo)'}. Press Ctrl-C to stop.`);
  } catch (err) {
    process.stderr.write(`The demo could not start: ${(err as Error).message}\n`);
    await stop(1);
  }
}

await main();
