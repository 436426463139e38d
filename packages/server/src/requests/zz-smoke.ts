import { testBackends } from '@comity/db/testing';
import { exampleRequest } from '@comity/core/requests/examples';
import { ADMIN_PASSWORD, ApiClient, makeUser, startTestNode } from '../testing/test-node.ts';
const backend = testBackends()[process.argv[2] === 'pg' ? 1 : 0]!;
const t0 = Date.now();
const t = await startTestNode(backend, { loginRateLimit: 1000, log: true });
console.log('node started', Date.now() - t0);
try {
  const admin = new ApiClient(t.url);
  await admin.signIn(t.admin.email, ADMIN_PASSWORD);
  const drafter = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'PNF' });
  const sup = await makeUser(admin, { role: 'supervisor', organisationId: drafter.organisationId });
  const exec = await makeUser(admin, { role: 'practitioner', country: 'DEU', orgName: 'BfJ' });
  for (const type of ['mla','extradition','asset-recovery','transfer-of-proceedings','jit','spontaneous-information'] as const) {
    const ex = exampleRequest(type, 'DEU', exec.organisationId);
    const { type: _t, ...rest } = ex;
    const body = { type, ...rest, legalBasis: { kind: 'treaty', instrument: type === 'extradition' ? 'ETS-024' : 'UNTOC' } };
    const res = await drafter.client.call<any>('POST', '/api/v1/requests', body);
    if (res.status !== 201) { console.log(type, res.status, res.text.slice(0, 800)); continue; }
    const c = await drafter.client.call<any>('GET', `/api/v1/requests/${res.body.id}/completeness`);
    console.log(type, res.body.reference, res.body.legalBasis?.citation, JSON.stringify(c.body).slice(0, 600));
  }
} finally {
  await t.close();
}
