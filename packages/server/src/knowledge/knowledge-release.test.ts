// A node that already holds knowledge and starts on a newer release: the release's shipped data
// becomes a new audited version with only what changed; curated facts stay on top, a curated fact
// the release contradicts is listed as a conflict, and a second start adds nothing.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { REPO_ROOT } from '../config.ts';
import { ADMIN_PASSWORD, ApiClient, startTestNode } from '../testing/test-node.ts';

interface Status {
  state: string;
  curated?: boolean;
  consent?: string;
}
interface Answer {
  bases: { instrument: string; outcome: string; status: { requesting: Status; requested: Status } }[];
}

/** The previous release: UNCAC's list was six rows and incomplete (as shipped before 2026-11-29). */
function olderRelease(): string {
  const dir = mkdtempSync(join(tmpdir(), 'comity-old-release-'));
  cpSync(join(REPO_ROOT, 'data'), dir, { recursive: true });
  const csv = readFileSync(join(dir, 'treaty-status/uncac.csv'), 'utf8').split('\n');
  writeFileSync(join(dir, 'treaty-status/uncac.csv'), `${csv.slice(0, 7).join('\n')}\n`);
  const lists = JSON.parse(readFileSync(join(dir, 'treaty-status/lists.json'), 'utf8')) as { lists: { instrument: string; complete: boolean; asOf: string }[] };
  const uncac = lists.lists.find((l) => l.instrument === 'UNCAC');
  if (uncac) Object.assign(uncac, { complete: false, asOf: '2026-11-27' });
  writeFileSync(join(dir, 'treaty-status/lists.json'), JSON.stringify(lists));
  return dir;
}

for (const backend of testBackends()) {
  describe(`a newer release on a node that holds knowledge, on ${backend.name}`, () => {
    let dataDir: string;
    let oldData: string;
    let schema: string | undefined;
    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'comity-release-'));
      oldData = olderRelease();
      schema = await backend.newSchema();
    });
    after(async () => {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(oldData, { recursive: true, force: true });
      await backend.dropSchema(schema);
    });

    test('the new shipped snapshot is a new audited version; curated facts are kept and conflicts listed', async () => {
      const q = '/api/v1/legal-basis?requesting=FRA&requested=DEU&type=mla&offence=corruption&date=2024-01-01';
      const first = await startTestNode(backend, { dataDir, databaseSchema: schema, knowledgeDir: oldData });
      let curatedId: string;
      try {
        const admin = new ApiClient(first.url);
        await admin.signIn(first.admin.email, ADMIN_PASSWORD);
        const before = (await admin.call<Answer>('GET', q, undefined, 200)).body.bases.find((b) => b.instrument === 'UNCAC');
        assert.equal(before?.outcome, 'unknown', 'the old release does not know France or Germany under UNCAC');
        // An administrator records Germany's ratification with a date the release will contradict.
        const curated = await admin.call<{ id: string }>(
          'POST',
          '/api/v1/knowledge/curations',
          {
            fact: { kind: 'participation', instrument: 'UNCAC', state: 'DEU', consent: '2014-11-13', consentKind: 'ratification' },
            source: 'Bundesgesetzblatt 2014 II',
            note: 'date as read nationally',
          },
          201,
        );
        curatedId = curated.body.id;
      } finally {
        await first.close();
      }

      const second = await startTestNode(backend, { dataDir, databaseSchema: schema });
      try {
        const admin = new ApiClient(second.url);
        await admin.signIn(second.admin.email, ADMIN_PASSWORD);
        const versions = (await admin.call<{ items: { version: number; current: boolean; source: string }[] }>('GET', '/api/v1/knowledge/versions', undefined, 200)).body.items;
        assert.deepEqual(
          versions.map((v) => [v.version, v.source, v.current]),
          [
            [2, 'shipped snapshot', true],
            [1, 'shipped snapshot', false],
          ],
        );
        const audit = (await admin.call<{ items: { action: string; target: string }[] }>('GET', '/api/v1/audit?action=knowledge.import', undefined, 200)).body.items;
        assert.ok(audit.some((e) => e.target === 'knowledge-version:2'), 'the new version is audited');
        const uncac = (await admin.call<Answer>('GET', q, undefined, 200)).body.bases.find((b) => b.instrument === 'UNCAC');
        // France now comes from the release; Germany's curated fact stays on top of it.
        assert.equal(uncac?.status.requesting.state, 'party');
        assert.equal(uncac?.status.requesting.consent, '2005-07-11');
        assert.equal(uncac?.status.requested.curated, true);
        assert.equal(uncac?.status.requested.consent, '2014-11-13');
        const conflicts = (await admin.call<{ items: { curationId: string; state: string; imported: { consent?: string } }[] }>('GET', '/api/v1/knowledge/conflicts', undefined, 200)).body.items;
        assert.deepEqual(
          conflicts.map((c) => [c.curationId, c.state, c.imported.consent]),
          [[curatedId, 'DEU', '2014-11-12']],
        );
        // The older version still reads as it was.
        const v1 = await admin.call<{ parties: { state: string }[] }>('GET', '/api/v1/instruments/UNCAC?version=1', undefined, 200);
        assert.equal(v1.body.parties.length, 6);
      } finally {
        await second.close();
      }

      const third = await startTestNode(backend, { dataDir, databaseSchema: schema });
      try {
        const admin = new ApiClient(third.url);
        await admin.signIn(third.admin.email, ADMIN_PASSWORD);
        const versions = (await admin.call<{ items: unknown[] }>('GET', '/api/v1/knowledge/versions', undefined, 200)).body.items;
        assert.equal(versions.length, 2, 'the same release started again adds no version');
      } finally {
        await third.close();
      }
    });
  });
}
