import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../shared/errors.ts';
import { AFTER_SUCCESSFUL_LOGIN, afterFailedLogin, checkPasswordPolicy, isLocked, passwordProblems } from './accounts.ts';

test('the fifth failure inside the window locks the account for the lock period', () => {
  let c = AFTER_SUCCESSFUL_LOGIN;
  const t0 = new Date('2026-01-01T00:00:00Z');
  for (let i = 0; i < 4; i++) c = afterFailedLogin(c, new Date(t0.getTime() + i * 1000));
  assert.equal(isLocked(c, t0), false);
  c = afterFailedLogin(c, new Date(t0.getTime() + 5000));
  assert.equal(isLocked(c, new Date(t0.getTime() + 6000)), true);
  assert.equal(isLocked(c, new Date(t0.getTime() + 16 * 60_000)), false);
});

test('failures spread beyond the window do not lock', () => {
  let c = AFTER_SUCCESSFUL_LOGIN;
  const t0 = Date.parse('2026-01-01T00:00:00Z');
  for (let i = 0; i < 10; i++) c = afterFailedLogin(c, new Date(t0 + i * 16 * 60_000));
  assert.equal(isLocked(c, new Date(t0 + 10 * 16 * 60_000)), false);
});

test('password policy rejects short, repetitive and name-containing passwords', () => {
  assert.throws(() => checkPasswordPolicy('short', 'ana@x.org'), ValidationError);
  assert.throws(() => checkPasswordPolicy('aaaaaaaaaaaaaaaa', 'ana@x.org'), ValidationError);
  assert.throws(() => checkPasswordPolicy('my-name-is-ana-really', 'ana@x.org'), ValidationError);
  assert.doesNotThrow(() => checkPasswordPolicy('correct horse battery', 'ana@x.org'));
});

test('passwordProblems names every rule a password breaks, so the form can say which before submitting', () => {
  assert.deepEqual(passwordProblems('', 'ana@x.org'), ['too-short', 'too-repetitive']);
  assert.deepEqual(passwordProblems('ANA-and-more-letters', 'ana@x.org'), ['contains-account-name']);
  // A name shorter than three characters is not checked (it would forbid too much).
  assert.deepEqual(passwordProblems('jo-and-more-letters', 'jo@x.org'), []);
  assert.deepEqual(passwordProblems('correct horse battery', 'ana@x.org'), []);
  assert.throws(
    () => checkPasswordPolicy('paul.durand-2026!', 'paul.durand@justice.gouv.fr'),
    (e: unknown) => e instanceof ValidationError && e.details?.rule === 'contains-account-name',
  );
});
