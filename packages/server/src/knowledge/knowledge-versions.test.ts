// Knowledge versions and curation through the API, on every backend: imports of depositary files
// (audited, with digest; the previous version stays queryable), all-or-nothing refusal of
// malformed files, --force for older snapshots, and curated facts that take part in answers,
// survive re-imports and show their conflicts.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { testBackends } from '@comity/db/testing';
import { ADMIN_PASSWORD, ApiClient, type TestNode, makeUser, startTestNode } from '../testing/test-node.ts';

const xmlDir = fileURLToPath(new URL('../../../../data/untc-2018/xml/', import.meta.url));
const untc = (file: string) => readFileSync(`${xmlDir}${file}`, 'latin1');
const coeFixture = readFileSync(new URL('./fixtures/coe-ets-185-signatures.json', import.meta.url), 'utf8');

interface Problem {
  code: string;
  detail: string;
  file?: string;
  line?: number;
}
interface Party {
  state: string;
  status: string;
  since?: string;
  consent?: string;
  source: string;
  curated?: boolean;
}
interface Detail {
  version: number;
  currentVersion: number;
  parties: Party[];
  listComplete: boolean;
  reservations: { id: string; state: string; text: string; effects: { kind: string; name?: string }[]; curated?: boolean }[];
}
interface Basis {
  instrument: string;
  kind: string;
  outcome: string;
  articles: { number: string; heading: string }[];
  status: { requesting: Party & { state: string }; requested: { state: string; source: string; curated?: boolean; since?: string } };
}

for (const backend of testBackends()) {
  describe(`knowledge versions and curation on ${backend.name}`, () => {
    let t: TestNode;
    let admin: ApiClient;
    before(async () => {
      t = await startTestNode(backend, { loginRateLimit: 1000 });
      admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, ADMIN_PASSWORD);
    });
    after(() => t.close());

    const importFile = (body: Record<string, unknown>) => admin.call<Record<string, unknown>>('POST', '/api/v1/knowledge/imports', body);
    const versions = async () =>
      (await admin.call<{ items: { version: number; current: boolean; digest: string; source: string; importedBy?: string | null; files: { instrument: string }[] }[] }>('GET', '/api/v1/knowledge/versions', undefined, 200)).body.items;
    const lastAuditSeq = async () => (await admin.call<{ items: { seq: number }[] }>('GET', '/api/v1/audit?limit=1', undefined, 200)).body.items[0]?.seq;
    const basis = async (q: string, id: string) =>
      (await admin.call<{ bases: Basis[] }>('GET', `/api/v1/legal-basis?${q}`, undefined, 200)).body.bases.find((b) => b.instrument === id);

    test('an import is a new version with who, when, source and digest; audited; the previous version stays queryable', async () => {
      const res = await importFile({ format: 'coe-json', fileName: 'coe-ets-185-signatures.json', content: coeFixture });
      assert.equal(res.status, 201, res.text);
      const report = res.body as { version: number; digest: string; files: { instrument: string; complete: boolean; unmapped: string[]; participations: number }[] };
      assert.equal(report.version, 2);
      assert.equal(report.digest, createHash('sha256').update(coeFixture).digest('hex'));
      assert.deepEqual(report.files.map((f) => [f.instrument, f.participations, f.complete]), [['ETS-185', 6, false]]);
      assert.deepEqual(report.files[0]?.unmapped, ['Atlantis (ZZ)'], 'an unmapped State makes the list incomplete, so no one is wrongly "not party"');

      const list = await versions();
      assert.deepEqual(list.map((v) => [v.version, v.current]), [[2, true], [1, false]]);
      assert.equal(list[0]?.importedBy, t.admin.email);
      assert.match(list[0]?.source ?? '', /coe-ets-185-signatures\.json/);

      const now = await admin.call<Detail>('GET', '/api/v1/instruments/ETS-185?date=2024-01-01', undefined, 200);
      assert.equal(now.body.version, 2);
      const fra = now.body.parties.find((p) => p.state === 'FRA');
      assert.deepEqual([fra?.status, fra?.since], ['party', '2006-05-01']);
      const before = await admin.call<Detail>('GET', '/api/v1/instruments/ETS-185?version=1', undefined, 200);
      // Version 1 is the shipped snapshot: its partial ETS 185 list, one party per CSV row.
      const shippedRows = readFileSync(new URL('../../../../data/treaty-status/ets-185.csv', import.meta.url), 'utf8').trim().split('\n').length - 1;
      assert.deepEqual([before.body.version, before.body.currentVersion, before.body.parties.length], [1, 2, shippedRows]);

      const b = await basis('requesting=FRA&requested=JPN&type=mla&offence=cybercrime&date=2024-01-01', 'ETS-185');
      assert.deepEqual([b?.status.requesting.state, b?.status.requested.state], ['party', 'party']);
      assert.ok(b && ['applicable', 'conditional'].includes(b.outcome));

      const audit = await admin.call<{ items: { action: string; target: string; actorEmail: string | null; change: { digest?: string } }[] }>('GET', '/api/v1/audit?action=knowledge.import', undefined, 200);
      const entry = audit.body.items.find((e) => e.target === 'knowledge-version:2');
      assert.equal(entry?.actorEmail, t.admin.email);
      assert.equal(entry?.change.digest, report.digest);
    });

    test('a malformed file is refused naming the file and the line, and changes nothing', async () => {
      const versionsBefore = (await versions()).length;
      const seqBefore = await lastAuditSeq();
      const broken = '<?xml version="1.0"?>\n<Document>\n  <Treaty>\n    <Header></Treaty>\n</Document>\n';
      const res = await importFile({ format: 'untc-xml', fileName: 'broken.en.xml', content: broken, asOf: '2018-01-15' });
      assert.equal(res.status, 400);
      const p = res.body as unknown as Problem;
      assert.equal(p.code, 'malformed_depositary_file');
      assert.match(p.detail, /^broken\.en\.xml:4: /);
      assert.deepEqual([p.file, p.line], ['broken.en.xml', 4]);

      const badRow = JSON.parse(coeFixture) as { signatures: { consent: string | null }[] };
      (badRow.signatures[1] as { consent: string | null }).consent = '31-12-2020';
      const coe = await importFile({ format: 'coe-json', fileName: 'bad.json', content: JSON.stringify(badRow) });
      assert.equal(coe.status, 400);
      assert.match((coe.body as unknown as Problem).detail, /^bad\.json:\d+: signatures\[1\]\.consent: unreadable date "31-12-2020"/);

      const cases: [Record<string, unknown>, string][] = [
        [{ format: 'untc-xml', fileName: 'XVIII-12-a.en.xml', content: untc('XVIII-12-a.en.xml') }, 'as_of_required'],
        [{ format: 'untc-xml', fileName: 'XVIII-12.en.xml', content: untc('XVIII-12.en.xml'), asOf: '2018-01-15' }, 'no_participant_table'],
        [{ format: 'untc-xml', fileName: 'XVIII-10.en.xml', content: untc('XVIII-10.en.xml'), asOf: '2018-01-15' }, 'unknown_instrument'],
        [{ format: 'untc-xml', fileName: 'x.xml', content: '<x/>', asOf: '2018-01-15', extra: true }, 'validation_failed'],
      ];
      for (const [body, code] of cases) {
        const r = await importFile(body);
        assert.equal(r.status, 400, `${code}: ${r.text.slice(0, 200)}`);
        assert.equal((r.body as unknown as Problem).code, code);
      }
      assert.equal((await versions()).length, versionsBefore, 'no version was made');
      assert.equal(await lastAuditSeq(), seqBefore, 'no audit entry was written');
      const viewer = await makeUser(admin, { role: 'practitioner' });
      const denied = await viewer.client.call('POST', '/api/v1/knowledge/imports', { format: 'coe-json', fileName: 'a.json', content: coeFixture });
      assert.equal(denied.status, 403);
    });

    test('a snapshot older than the current data needs force', async () => {
      const tip = untc('XVIII-12-a.en.xml');
      const older = await importFile({ format: 'untc-xml', fileName: 'XVIII-12-a.en.xml', content: tip, asOf: '2017-06-01' });
      assert.equal(older.status, 409);
      assert.equal((older.body as unknown as Problem).code, 'older_snapshot');
      const forced = await importFile({ format: 'untc-xml', fileName: 'XVIII-12-a.en.xml', content: tip, asOf: '2017-06-01', force: true });
      assert.equal(forced.status, 201, forced.text);
      assert.equal((forced.body as { forced: boolean }).forced, true);
      const same = await importFile({ format: 'untc-xml', fileName: 'XVIII-12-a.en.xml', content: tip, asOf: '2018-01-15' });
      assert.equal(same.status, 201);
      assert.equal((same.body as { forced: boolean }).forced, false);
    });

    test('curated facts take part in every answer, survive a re-import, and conflicts are listed', async () => {
      const curate = (body: unknown) => admin.call<{ id: string; inConflict: boolean; basedOnVersion: number }>('POST', '/api/v1/knowledge/curations', body);
      const practitioner = await makeUser(admin, { role: 'practitioner' });
      const fact = { kind: 'participation', instrument: 'UNTOC', state: 'BRA', consent: '2004-01-29', consentKind: 'ratification' };
      assert.equal((await practitioner.client.call('POST', '/api/v1/knowledge/curations', { fact, source: 'x', note: 'y' })).status, 403);
      assert.equal((await curate({ fact, source: 'Decree 5.015 of 2004-03-12' })).status, 400, 'a note is required');
      assert.equal((await curate({ fact: { ...fact, state: 'XXZ' }, source: 's', note: 'n' })).status, 400);

      // 1. A participation the shipped list gives without a date.
      const participation = await curate({ fact, source: 'Decree 5.015 of 2004-03-12 (Diário Oficial)', note: 'ratification date missing from the shipped list' });
      assert.equal(participation.status, 201, participation.text);
      const untoc = await basis('requesting=FRA&requested=BRA&type=mla&offence=organized-crime-participation&date=2024-01-01', 'UNTOC');
      assert.equal(untoc?.status.requested.curated, true);
      assert.equal(untoc?.status.requested.state, 'party');
      assert.match(untoc?.status.requested.source ?? '', /^curated: Decree 5\.015/);

      // 2. A bilateral treaty: the most specific basis, first in the answer, in both directions.
      const treaty = {
        kind: 'bilateral-treaty',
        id: 'fra-bra-mla-1996',
        title: 'Agreement between France and Brazil on mutual legal assistance in criminal matters',
        states: ['FRA', 'bra'],
        adopted: '1996-05-28',
        entryIntoForce: '1998-09-01',
        offences: ['*any-offence'],
        cooperation: { mla: { articles: ['1', '3'] } },
        articles: [
          { number: '1', heading: 'Obligation to assist' },
          { number: '3', heading: 'Central authorities' },
        ],
      };
      const bilateral = await curate({ fact: treaty, source: 'Decree 3.324 of 1999-12-30', note: 'in force, not in any shipped list' });
      assert.equal(bilateral.status, 201, bilateral.text);
      for (const q of ['requesting=FRA&requested=BRA', 'requesting=BRA&requested=FRA']) {
        const a = await admin.call<{ bases: Basis[] }>('GET', `/api/v1/legal-basis?${q}&type=mla&offence=corruption&date=2024-01-01`, undefined, 200);
        const first = a.body.bases[0];
        assert.deepEqual([first?.instrument, first?.kind, first?.outcome], ['FRA-BRA-MLA-1996', 'bilateral', 'applicable'], q);
        assert.deepEqual(first?.articles, [
          { number: '1', heading: 'Obligation to assist' },
          { number: '3', heading: 'Central authorities' },
        ]);
      }
      assert.equal(await basis('requesting=DEU&requested=BRA&type=mla&offence=corruption&date=2024-01-01', 'FRA-BRA-MLA-1996'), undefined);
      const instruments = await admin.call<{ items: { id: string; curated?: boolean; kind: string }[] }>('GET', '/api/v1/instruments', undefined, 200);
      assert.ok(instruments.body.items.some((i) => i.id === 'FRA-BRA-MLA-1996' && i.curated && i.kind === 'bilateral'));

      // 3. The effect of a reservation, found again by its id after a re-import of the same text.
      const tip = await admin.call<Detail>('GET', '/api/v1/instruments/UNTOC-TIP', undefined, 200);
      const target = tip.body.reservations.find((r) => r.effects.every((e) => e.kind === 'other'));
      assert.ok(target, 'a declaration whose effect the recogniser left as "other"');
      const effect = await curate({
        fact: { kind: 'reservation-effect', instrument: 'UNTOC-TIP', state: target.state, reservationId: target.id, text: target.text, effects: [{ kind: 'central-authority', name: 'Ministry of Justice (curated)' }] },
        source: 'UNODC directory of competent national authorities',
        note: 'the declaration designates the central authority',
      });
      assert.equal(effect.status, 201, effect.text);

      // 4. A correction that a later import contradicts.
      const afg = await curate({
        fact: { kind: 'participation', instrument: 'UNTOC-TIP', state: 'AFG', consent: '2014-09-01', consentKind: 'accession' },
        source: 'national gazette',
        note: 'date as published nationally',
      });
      assert.equal(afg.status, 201);
      assert.deepEqual((await admin.call<{ items: unknown[] }>('GET', '/api/v1/knowledge/conflicts', undefined, 200)).body.items, []);

      const reimport = await importFile({ format: 'untc-xml', fileName: 'XVIII-12-a.en.xml', content: untc('XVIII-12-a.en.xml'), asOf: '2018-01-15' });
      assert.equal(reimport.status, 201);
      const conflicts = await admin.call<{ items: { curationId: string; state: string; version: number; imported: { consent?: string } }[]; version: number }>('GET', '/api/v1/knowledge/conflicts', undefined, 200);
      assert.deepEqual(
        conflicts.body.items.map((c) => [c.curationId, c.state, c.version, c.imported.consent]),
        [[afg.body.id, 'AFG', conflicts.body.version, '2014-08-15']],
      );
      const curations = await admin.call<{ items: { id: string; inConflict: boolean }[] }>('GET', '/api/v1/knowledge/curations', undefined, 200);
      assert.deepEqual(curations.body.items.filter((c) => c.inConflict).map((c) => c.id), [afg.body.id]);

      // Every curated fact survived the re-import.
      const after = await admin.call<Detail>('GET', '/api/v1/instruments/UNTOC-TIP?date=2024-01-01', undefined, 200);
      const afgParty = after.body.parties.find((p) => p.state === 'AFG');
      assert.deepEqual([afgParty?.consent, afgParty?.curated], ['2014-09-01', true]);
      const curatedReservation = after.body.reservations.find((r) => r.id === target.id);
      assert.deepEqual(curatedReservation?.effects, [{ kind: 'central-authority', name: 'Ministry of Justice (curated)' }]);
      const profile = await admin.call<{ declarations: Record<string, { instrument: string; description: string }[]> }>('GET', `/api/v1/countries/${target.state}`, undefined, 200);
      assert.ok(profile.body.declarations.mla?.some((d) => d.instrument === 'UNTOC-TIP' && d.description.includes('Ministry of Justice (curated)')));
      assert.equal((await basis('requesting=FRA&requested=BRA&type=mla&offence=corruption&date=2024-01-01', 'FRA-BRA-MLA-1996'))?.outcome, 'applicable');

      // The administrator keeps the curated fact: the conflict is settled.
      assert.equal((await admin.call('POST', `/api/v1/knowledge/curations/${afg.body.id}/confirm`)).status, 200);
      assert.deepEqual((await admin.call<{ items: unknown[] }>('GET', '/api/v1/knowledge/conflicts', undefined, 200)).body.items, []);

      // Withdrawn facts stop counting: the imported data applies again.
      assert.equal((await admin.call('POST', `/api/v1/knowledge/curations/${afg.body.id}/withdraw`, { note: 'the depositary date is authoritative' })).status, 200);
      assert.equal((await admin.call('POST', `/api/v1/knowledge/curations/${bilateral.body.id}/withdraw`, { note: 'superseded' })).status, 200);
      assert.equal((await admin.call('POST', `/api/v1/knowledge/curations/${bilateral.body.id}/withdraw`, { note: 'again' })).status, 409);
      const restored = await admin.call<Detail>('GET', '/api/v1/instruments/UNTOC-TIP', undefined, 200);
      assert.equal(restored.body.parties.find((p) => p.state === 'AFG')?.consent, '2014-08-15');
      assert.equal(await basis('requesting=FRA&requested=BRA&type=mla&offence=corruption&date=2024-01-01', 'FRA-BRA-MLA-1996'), undefined);

      const audit = await admin.call<{ items: { action: string }[] }>('GET', '/api/v1/audit?limit=100', undefined, 200);
      const actions = new Set(audit.body.items.map((e) => e.action));
      for (const a of ['knowledge.curate', 'knowledge.curation.confirm', 'knowledge.curation.withdraw', 'knowledge.import']) assert.ok(actions.has(a), a);
    });
  });
}
