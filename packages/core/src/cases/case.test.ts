import assert from 'node:assert/strict';
import { test } from 'node:test';
import { caseAccess, markingOfCase, mayWorkOnCase } from './case.ts';

const holder = 'org-a';
const actor = (role: 'admin' | 'supervisor' | 'practitioner' | 'analyst' | 'viewer', organisationId = holder) => ({ userId: 'u', role, organisationId });

test('the team and the holding organisation’s supervisors reach a case; colleagues outside the team and other organisations do not', () => {
  assert.deepEqual(caseAccess(actor('practitioner'), holder, 'lead'), { kind: 'team', teamRole: 'lead' });
  assert.deepEqual(caseAccess(actor('viewer'), holder, 'member'), { kind: 'team', teamRole: 'member' });
  assert.equal(caseAccess(actor('supervisor'), holder, null).kind, 'supervisor');
  assert.equal(caseAccess(actor('practitioner'), holder, null).kind, 'none');
  assert.equal(caseAccess(actor('supervisor', 'org-b'), holder, null).kind, 'none');
  // A team role recorded for another organisation's user does not open the case.
  assert.equal(caseAccess(actor('practitioner', 'org-b'), holder, 'member').kind, 'none');
  // Node administrators and the operator are outsiders: the marking decides (decide).
  assert.equal(caseAccess(actor('admin', 'org-node'), holder, null).kind, 'outsider');
  assert.equal(caseAccess(null, holder, null).kind, 'outsider');
});

test('the lead and supervisors edit the case and its team; every member links requests', () => {
  const lead = caseAccess(actor('practitioner'), holder, 'lead');
  const member = caseAccess(actor('practitioner'), holder, 'member');
  const supervisor = caseAccess(actor('supervisor'), holder, null);
  const admin = caseAccess(actor('admin', 'org-node'), holder, null);
  assert.deepEqual(
    [lead, member, supervisor, admin].map((a) => (['edit', 'team', 'link'] as const).map((w) => mayWorkOnCase(a, w))),
    [
      [true, true, true],
      [false, false, true],
      [true, true, true],
      [false, false, false],
    ],
  );
});

test('a case’s speciality names its own reference as the proceedings', () => {
  const m = markingOfCase(
    { reference: 'PNF 2026/12', title: 'Lagune', marking: { marking: 'AMBER', handling: 'H2', confidentiality: { confidential: true }, useLimitations: { speciality: true } } },
    { nodeId: null, organisationId: holder, name: 'PNF', state: 'FRA' },
  );
  assert.equal(m.tlp, 'AMBER');
  assert.equal(m.handling, 'H2');
  assert.deepEqual(m.limitations.speciality, ['PNF 2026/12']);
  assert.equal(m.limitations.confidential, true);
});
