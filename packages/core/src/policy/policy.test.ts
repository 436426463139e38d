import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ForbiddenError } from '../shared/errors.ts';
import { ROLES, assertCan, can, canSeeOrganisation } from './policy.ts';

test('only supervisors approve; practitioners draft; viewers only read', () => {
  assert.deepEqual(ROLES.filter((r) => can(r, 'request:approve')), ['supervisor']);
  assert.equal(can('practitioner', 'request:draft'), true);
  assert.equal(can('viewer', 'request:draft'), false);
  assert.equal(can('viewer', 'request:read'), true);
  assert.throws(() => assertCan('analyst', 'user:manage'), ForbiddenError);
});

test('only admins see other organisations', () => {
  assert.equal(canSeeOrganisation({ role: 'admin', organisationId: 'a' }, 'b'), true);
  assert.equal(canSeeOrganisation({ role: 'supervisor', organisationId: 'a' }, 'b'), false);
  assert.equal(canSeeOrganisation({ role: 'viewer', organisationId: 'a' }, 'a'), true);
});
