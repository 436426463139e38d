// The decision matrix: every action × every role × every marking × where the record came from
// (the actor's own organisation, another organisation on this node, a peer node), against the
// expected answers written out below as the policy reads in ARCHITECTURE.md.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type GrantedConsent, type MarkedRecord, type PolicyActor, RULES, decide } from './decide.ts';
import type { Marking } from './marking.ts';
import { ACTIONS, type ActionCase, HOLDER, MARKINGS, type MarkingCase, PEER, RELATIONS, type Relation, THIRD, TODAY, actionFor, expectedOutsider, expectedRule, markingFor } from './matrix.ts';
import { ROLES, type Role } from './policy.ts';

const actorOf = (role: Role): PolicyActor => ({ userId: `u-${role}`, role, organisationId: HOLDER });
const recordOf = (m: Marking): MarkedRecord => ({ key: 'request:r1', organisationId: HOLDER, sources: [{ key: 'request:r1', marking: m }] });

function consentFor(a: ActionCase): GrantedConsent {
  const action = actionFor(a, 'peer-node');
  return { id: 'consent-1', sourceKey: 'request:r1', action: action.kind as GrantedConsent['action'] };
}

test('the matrix: every action × role × marking × origin gives the expected decision and cites its rule', () => {
  let cells = 0;
  for (const c of Object.keys(MARKINGS) as MarkingCase[]) {
    for (const a of ACTIONS) {
      for (const role of ROLES) {
        for (const rel of RELATIONS) {
          const d = decide(actorOf(role), actionFor(a, rel), recordOf(markingFor(c, rel)), { today: TODAY, consents: [] });
          const want = expectedRule(c, a, role, rel);
          const where = `${c} × ${a} × ${role} × ${rel}`;
          if (want === null) assert.equal(d.allow, true, `${where}: expected allow, got ${JSON.stringify(d)}`);
          else {
            assert.equal(d.allow, false, `${where}: expected ${want}`);
            if (!d.allow) {
              assert.equal(d.rule, want, where);
              assert.equal(d.citation, RULES[want].citation);
              assert.ok(d.reason.length > 10);
              assert.equal(d.sourceKey, 'request:r1');
            }
          }
          cells++;
        }
      }
    }
  }
  assert.equal(cells, 12 * 10 * 5 * 3);
});

test('a granted consent lifts a consentable denial for that record and that use only', () => {
  let lifted = 0;
  for (const c of Object.keys(MARKINGS) as MarkingCase[]) {
    for (const a of ACTIONS) {
      for (const role of ROLES) {
        const rel: Relation = 'peer-node';
        const want = expectedRule(c, a, role, rel);
        if (want === null) continue;
        const consent = consentFor(a);
        const d = decide(actorOf(role), actionFor(a, rel), recordOf(markingFor(c, rel)), { today: TODAY, consents: [consent] });
        if (RULES[want].consentable) {
          assert.deepEqual(d, { allow: true, rule: 'consent', consentId: 'consent-1' }, `${c} × ${a} × ${role}`);
          lifted++;
          // The same consent recorded for another record lifts nothing here.
          const other = decide(actorOf(role), actionFor(a, rel), recordOf(markingFor(c, rel)), { today: TODAY, consents: [{ ...consent, sourceKey: 'request:r2' }] });
          assert.equal(other.allow, false);
        } else {
          assert.equal(d.allow, false, `${c} × ${a} × ${role}: ${want} cannot be consented away`);
        }
      }
    }
  }
  assert.ok(lifted > 50);
});

test('a consent limited to one destination or proceedings does not cover another', () => {
  const m = markingFor('speciality', 'peer-node');
  const toThird = actionFor('transmit:third', 'peer-node');
  const elsewhere = { id: 'c', sourceKey: 'request:r1', action: 'transmit' as const, recipientNodeId: 'node-fourth' };
  assert.equal(decide(actorOf('practitioner'), toThird, recordOf(m), { today: TODAY, consents: [elsewhere] }).allow, false);
  assert.equal(decide(actorOf('practitioner'), toThird, recordOf(m), { today: TODAY, consents: [{ ...elsewhere, recipientNodeId: THIRD }] }).allow, true);
  const attach = actionFor('attach', 'peer-node');
  assert.equal(decide(actorOf('practitioner'), attach, recordOf(m), { today: TODAY, consents: [{ id: 'c', sourceKey: 'request:r1', action: 'attach', proceedings: 'Case 9' }] }).allow, false);
  assert.equal(decide(actorOf('practitioner'), attach, recordOf(m), { today: TODAY, consents: [{ id: 'c', sourceKey: 'request:r1', action: 'attach', proceedings: 'Case 2' }] }).allow, true);
  // Speciality allows use in the named proceedings themselves.
  assert.equal(decide(actorOf('practitioner'), { kind: 'attach', to: { key: 'x', proceedings: 'Case 1', use: null } }, recordOf(m), { today: TODAY, consents: [] }).allow, true);
});

test('a derived record carries its sources: own material does not launder another’s limitation', () => {
  const own = markingFor('GREEN', 'same-org');
  const received = markingFor('speciality', 'peer-node');
  const derived: MarkedRecord = { key: 'request:new', organisationId: HOLDER, sources: [{ key: 'request:new', marking: own }, { key: 'request:r1', marking: received }] };
  const toThird = actionFor('transmit:third', 'peer-node');
  const d = decide(actorOf('supervisor'), toThird, derived, { today: TODAY, consents: [] });
  assert.equal(d.allow, false);
  if (!d.allow) {
    assert.equal(d.rule, 'speciality');
    assert.equal(d.sourceKey, 'request:r1', 'the consent to ask for is the source’s');
    assert.equal(d.originator?.nodeId, PEER);
  }
  assert.equal(decide(actorOf('supervisor'), toThird, derived, { today: TODAY, consents: [{ id: 'c', sourceKey: 'request:r1', action: 'transmit' }] }).allow, true);
  // Sending the derived record back to the source's originator is always allowed.
  assert.equal(decide(actorOf('supervisor'), actionFor('transmit:originator', 'peer-node'), derived, { today: TODAY, consents: [] }).allow, true);
  // The holder may re-mark its own record, but not below what it contains.
  const amberSource: MarkedRecord = { ...derived, sources: [{ key: 'request:new', marking: own }, { key: 'request:r1', marking: markingFor('AMBER', 'peer-node') }] };
  const lower = decide(actorOf('supervisor'), { kind: 'remark', to: { ...own, tlp: 'GREEN' } }, amberSource, { today: TODAY, consents: [] });
  assert.equal(lower.allow, false);
  if (!lower.allow) assert.equal(lower.rule, 'derived-not-below-sources');
  assert.equal(decide(actorOf('supervisor'), { kind: 'remark', to: { ...own, tlp: 'RED' } }, amberSource, { today: TODAY, consents: [] }).allow, true);
});

test('outside the holding organisation (a node administrator): every marking × action as the table says', () => {
  const admin: PolicyActor = { userId: 'admin', role: 'admin', organisationId: 'org-node-admin' };
  for (const c of Object.keys(MARKINGS) as MarkingCase[]) {
    for (const a of ACTIONS) {
      for (const rel of RELATIONS) {
        const d = decide(admin, actionFor(a, rel), recordOf(markingFor(c, rel)), { today: TODAY, consents: [] });
        const want = expectedOutsider(c, a, rel);
        assert.equal(d.allow, want === null, `${c} × ${a} × ${rel}`);
        if (!d.allow) assert.equal(d.rule, want, `${c} × ${a} × ${rel}`);
      }
    }
  }
});

test('outside the holding organisation (a node administrator): TLP audience first, then only reading', () => {
  const admin: PolicyActor = { userId: 'admin', role: 'admin', organisationId: 'org-node-admin' };
  const expect: Record<Marking['tlp'], { read: boolean; pdf: boolean }> = {
    CLEAR: { read: true, pdf: true },
    GREEN: { read: true, pdf: true },
    AMBER: { read: true, pdf: true },
    'AMBER+STRICT': { read: false, pdf: false },
    RED: { read: false, pdf: false },
  };
  for (const [tlp, want] of Object.entries(expect) as [Marking['tlp'], { read: boolean; pdf: boolean }][]) {
    const r = recordOf(markingFor(tlp, 'same-org'));
    assert.equal(decide(admin, { kind: 'read' }, r, { today: TODAY, consents: [] }).allow, want.read, `${tlp} read`);
    assert.equal(decide(admin, { kind: 'export', format: 'pdf' }, r, { today: TODAY, consents: [] }).allow, want.pdf, `${tlp} pdf`);
    const t = decide(admin, actionFor('transmit:third', 'same-org'), r, { today: TODAY, consents: [] });
    assert.equal(t.allow, false);
  }
});
