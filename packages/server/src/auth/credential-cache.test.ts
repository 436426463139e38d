// Valid credentials are memoised for a few seconds (credential-cache.ts); each way of taking them
// away must still hold from the very next request, on every backend: revoking the token, revoking
// all tokens, a password change, signing out, disabling the user, a change of role or
// organisation, and a session reaching its expiry. Each check first makes a successful request
// with the credential, so that it is in the memo when it is taken away.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { updateUser } from '@comity/db';
import { SESSION_IDLE_MS } from './authenticate.ts';
import { CREDENTIAL_TTL_MS, CredentialCache, credentialCacheOf } from './credential-cache.ts';
import { auditedTransaction } from '../deps.ts';
import { ApiClient, type TestNode, makeUser, startTestNode } from '../testing/test-node.ts';

/** One node per backend for the whole file (each test makes its own users): starting a node per
 * test made the file too slow on a loaded machine. */
function sharedNode(backend: ReturnType<typeof testBackends>[number]) {
  let t: TestNode | undefined;
  let admin: ApiClient | undefined;
  before(async () => {
    t = await startTestNode(backend);
    admin = new ApiClient(t.url);
    await admin.signIn(t.admin.email, t.admin.password);
  });
  after(async () => {
    await t?.close();
  });
  return async (work: (t: TestNode, admin: ApiClient) => Promise<void>) => work(t as TestNode, admin as ApiClient);
}

/** A client of `user` that calls with a personal API token only (no cookie). */
async function tokenClient(user: ApiClient, name = 'script'): Promise<{ client: ApiClient; id: string }> {
  const created = await user.call<{ id: string; token: string }>('POST', '/api/v1/account/tokens', { name }, 201);
  const client = new ApiClient(user.baseUrl);
  client.bearer = created.body.token;
  return { client, id: created.body.id };
}

async function status(client: ApiClient, path = '/api/v1/session'): Promise<number> {
  return (await client.raw('GET', path)).status;
}

test('a lookup that began before an account change does not store what it read', () => {
  const cache = new CredentialCache();
  const actor = { userId: 'u', email: 'u@example.org', role: 'admin' as const, organisationId: 'o', mustChangePassword: false, via: 'token' as const };
  const begun = cache.begin();
  cache.clear();
  cache.put('t:x', { actor, readAt: 0 }, begun);
  assert.equal(cache.get('t:x', 1), undefined, 'a credential read before the change is not kept');
  cache.put('t:x', { actor, readAt: 0 }, cache.begin());
  assert.equal(cache.get('t:x', 1)?.actor.userId, 'u');
  assert.equal(cache.get('t:x', CREDENTIAL_TTL_MS), undefined, 'kept for less than the TTL');
});

for (const backend of testBackends()) {
  describe(`credential memo, revocations on ${backend.name}`, () => {
    const withNode = sharedNode(backend);
    test('revoking one token, then all tokens, refuses them on the next request', async () => {
      await withNode(async (t, admin) => {
        const user = await makeUser(admin, { role: 'supervisor' });
        const one = await tokenClient(user.client, 'one');
        const two = await tokenClient(user.client, 'two');
        const three = await tokenClient(user.client, 'three');
        for (const c of [one, two, three]) assert.equal(await status(c.client), 200);
        assert.ok(credentialCacheOf(t.node.deps.db).size >= 3, 'the three tokens are memoised');

        await user.client.call('DELETE', `/api/v1/account/tokens/${one.id}`, undefined, 204);
        assert.equal(await status(one.client), 401, 'the revoked token is refused at once');
        assert.equal(await status(two.client), 200, 'the other tokens still work');

        await user.client.call('DELETE', '/api/v1/account/tokens', undefined, 200);
        assert.equal(await status(two.client), 401);
        assert.equal(await status(three.client), 401);
        assert.equal(await status(user.client), 200, 'the session is not a token');
      });
    });

    test('a password change ends the other sessions, and the tokens when asked', async () => {
      await withNode(async (t, admin) => {
        const user = await makeUser(admin, { role: 'practitioner' });
        const other = new ApiClient(t.url);
        await other.signIn(user.email, user.password);
        const token = await tokenClient(user.client);
        assert.equal(await status(other), 200);
        assert.equal(await status(token.client), 200);

        await user.client.call('POST', '/api/v1/account/password', { currentPassword: user.password, newPassword: 'third-password-789', revokeApiTokens: true }, 204);
        assert.equal(await status(other), 401, 'the other session ended');
        assert.equal(await status(token.client), 401, 'the token was revoked with the change');
        assert.equal(await status(user.client), 200, 'the session that changed the password goes on');
      });
    });

    test('signing out ends the session on the next request', async () => {
      await withNode(async (_t, admin) => {
        const user = await makeUser(admin, { role: 'practitioner' });
        const cookie = user.client.cookie;
        assert.equal(await status(user.client), 200);
        await user.client.call('DELETE', '/api/v1/session', undefined, 204);
        // The same cookie sent again, as a copy kept elsewhere would be.
        const replay = new ApiClient(user.client.baseUrl);
        replay.cookie = cookie;
        assert.equal(await status(replay), 401);
      });
    });

    test('disabling a user refuses their session and tokens on the next request', async () => {
      await withNode(async (_t, admin) => {
        const user = await makeUser(admin, { role: 'supervisor' });
        const token = await tokenClient(user.client);
        assert.equal(await status(user.client), 200);
        assert.equal(await status(token.client, '/api/v1/users'), 200);

        await admin.call('POST', `/api/v1/users/${user.userId}/disable`, undefined, 200);
        assert.equal(await status(user.client), 401);
        assert.equal(await status(token.client, '/api/v1/users'), 401);

        await admin.call('POST', `/api/v1/users/${user.userId}/enable`, undefined, 200);
        assert.equal(await status(token.client, '/api/v1/users'), 200, 're-enabled: the token works again');
      });
    });

    test('a change of role or organisation applies to the next request', async () => {
      await withNode(async (t, admin) => {
        const supervisor = await makeUser(admin, { role: 'supervisor' });
        const elsewhere = await makeUser(admin, { role: 'practitioner' });
        const token = await tokenClient(supervisor.client);
        const list = async () => (await token.client.call<{ items: { id: string }[] }>('GET', '/api/v1/users', undefined, 200)).body.items.map((u) => u.id);
        assert.ok((await list()).includes(supervisor.userId), 'a supervisor lists their own organisation');
        assert.ok(!(await list()).includes(elsewhere.userId));

        // No route changes a role or an organisation yet; any such change is an audited update of
        // the user, as here.
        const deps = t.node.deps;
        const who = { actor: null, requestId: 'test' };
        await auditedTransaction(deps, who, async (trx, audit) => {
          await updateUser(trx, supervisor.userId, { organisation_id: elsewhere.organisationId });
          audit('user.organisation-change', `user:${supervisor.userId}`, { organisationId: elsewhere.organisationId });
        });
        assert.ok((await list()).includes(elsewhere.userId), 'the next request lists the new organisation');

        await auditedTransaction(deps, who, async (trx, audit) => {
          await updateUser(trx, supervisor.userId, { role: 'practitioner' });
          audit('user.role-change', `user:${supervisor.userId}`, { role: 'practitioner' });
        });
        assert.equal(await status(token.client, '/api/v1/users'), 403, 'a practitioner may not list users');
      });
    });

    test('a session past its expiry is refused on the next request, memoised or not', async () => {
      await withNode(async (t, admin) => {
        const user = await makeUser(admin, { role: 'practitioner' });
        assert.equal(await status(user.client), 200);
        const deps = t.node.deps;
        const realNow = deps.now;
        try {
          // The clock moves past the idle expiry within the memo's lifetime.
          const start = realNow().getTime();
          deps.now = () => new Date(start + SESSION_IDLE_MS + 1);
          assert.equal(await status(user.client), 401);
        } finally {
          deps.now = realNow;
        }
      });
    });

    test('a change made behind the node (another process) holds after the memo lifetime', async () => {
      await withNode(async (t, admin) => {
        const user = await makeUser(admin, { role: 'supervisor' });
        const token = await tokenClient(user.client);
        assert.equal(await status(token.client), 200);
        // As an offline `comity user disable` on a shared PostgreSQL would: no event reaches this node.
        await updateUser(t.node.deps.db, user.userId, { disabled: true });
        const deps = t.node.deps;
        const realNow = deps.now;
        try {
          const start = realNow().getTime();
          deps.now = () => new Date(start + CREDENTIAL_TTL_MS + 1);
          assert.equal(await status(token.client), 401);
        } finally {
          deps.now = realNow;
        }
      });
    });
  });
}
