// The knowledge API on every backend, on the real shipped data: legal bases in the contract shape,
// country codes in any form, close matches for bad input, instruments with parties and counts,
// countries and profiles, the taxonomy, the OpenAPI document and the sign-in setting.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testBackends } from '@comity/db/testing';
import { ADMIN_PASSWORD, ApiClient, type TestNode, makeUser, startTestNode } from '../testing/test-node.ts';

interface Status {
  state: string;
  since?: string;
  source: string;
  asOf: string;
  inferredFrom?: string;
  consent?: string;
  phase?: string;
  entryIntoForceRule?: string;
}
interface Basis {
  instrument: string;
  kind: string;
  outcome: string;
  articles: { number: string; heading: string; text?: string; toBeConfirmed?: boolean }[];
  status: { requesting: Status; requested: Status };
  conditions: string[];
  reservations: { state: string; effect: string }[];
  reasons: string[];
  reasonCodes: { code: string; params: Record<string, string | number>; text: string }[];
  conditionCodes: { code: string; params: Record<string, string | number>; text: string }[];
  rank: number;
}
interface Answer {
  query: Record<string, string>;
  dataAsOf: string;
  bases: Basis[];
  headline: { code: string; params: Record<string, unknown>; text: string };
  context: { instrument: string }[];
}
interface Problem {
  code: string;
  status: number;
  detail: string;
  suggestions?: string[];
}


for (const backend of testBackends()) {
  describe(`knowledge API on ${backend.name}`, () => {
    let t: TestNode;
    let admin: ApiClient;
    let anon: ApiClient;
    before(async () => {
      t = await startTestNode(backend, { loginRateLimit: 1000 });
      admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, ADMIN_PASSWORD);
      anon = new ApiClient(t.url);
    });
    after(() => t.close());

    test('Germany → Argentina, extradition, drug trafficking: the 1988 Convention art. 6 first; Germany and UNCAC over time', async () => {
      const drugs = (await anon.call<Answer>('GET', '/api/v1/legal-basis?requesting=DEU&requested=ARG&type=extradition&offence=drug-trafficking&date=2026-11-29', undefined, 200)).body;
      assert.equal(drugs.bases[0]?.instrument, 'DRUGS-1988');
      assert.equal(drugs.bases[0]?.outcome, 'applicable');
      assert.equal(drugs.bases[0]?.articles[0]?.number, '6');
      assert.equal(drugs.bases[0]?.status.requesting.entryIntoForceRule, 'DRUGS-1988 art. 29(2)');
      assert.match(drugs.headline.text, /^Best basis: DRUGS-1988 art\. 6 — both States parties \(Germany since 1994, Argentina since 1993\)$/);
      assert.ok(drugs.bases.findIndex((b) => b.instrument === 'DRUGS-1988') < drugs.bases.findIndex((b) => b.instrument === 'UNTOC'));
      // The reasons travel as codes with parameters next to their English text (for the web to word them).
      const partyReason = drugs.bases[0]?.reasonCodes.find((r) => r.params.state === 'DEU');
      assert.equal(partyReason?.code, 'party-in-force.rule');
      assert.equal(partyReason?.params.rule, 'DRUGS-1988 art. 29(2)');
      assert.ok(drugs.bases[0]?.reasons.includes(partyReason?.text ?? ''), 'the coded sentence is one of the English reasons');
      const untoc = drugs.bases.find((b) => b.instrument === 'UNTOC');
      assert.deepEqual(untoc?.conditionCodes.map((c) => c.code), ['transnational', 'organized-criminal-group', 'serious-crime']);
      assert.deepEqual(untoc?.conditionCodes.map((c) => c.text), untoc?.conditions);

      const uncacAt = async (date: string) =>
        (await anon.call<Answer>('GET', `/api/v1/legal-basis?requesting=DEU&requested=BRA&type=mla&offence=corruption&date=${date}&all=true`, undefined, 200)).body.bases.find(
          (b) => b.instrument === 'UNCAC',
        );
      const before2013 = await uncacAt('2013-01-01');
      assert.equal(before2013?.outcome, 'not-applicable');
      assert.equal(before2013?.status.requesting.state, 'not-party');
      const pending = await uncacAt('2014-12-01');
      assert.equal(pending?.outcome, 'not-applicable');
      assert.equal(pending?.status.requesting.phase, 'consented-not-in-force');
      assert.equal(pending?.status.requesting.since, '2014-12-12');
      // Not a basis yet, so the default answer leaves it out.
      const defaultAnswer = (await anon.call<Answer>('GET', '/api/v1/legal-basis?requesting=DEU&requested=BRA&type=mla&offence=corruption&date=2014-12-01', undefined, 200)).body;
      assert.ok(!defaultAnswer.bases.some((b) => b.instrument === 'UNCAC'));
    });

    test('legal bases in the contract shape, without signing in, with codes in any form', async () => {
      const path = '/api/v1/legal-basis?requesting=FRA&requested=BRA&type=mla&offence=corruption&date=2024-01-01';
      const res = await anon.call<Answer>('GET', path, undefined, 200);
      const a = res.body;
      assert.deepEqual(a.query, { requesting: 'FRA', requested: 'BRA', type: 'mla', offence: 'corruption', date: '2024-01-01' });
      assert.match(a.dataAsOf, /^\d{4}-\d{2}-\d{2}$/);
      const uncac = a.bases.find((b) => b.instrument === 'UNCAC');
      assert.ok(uncac, 'UNCAC is a candidate basis for MLA in a corruption case');
      assert.deepEqual(uncac.articles[0], { number: '46', heading: 'Mutual legal assistance' });
      for (const s of [uncac.status.requesting, uncac.status.requested]) {
        assert.ok(['party', 'not-party', 'unknown'].includes(s.state));
        assert.ok(s.source.length > 0 && /^\d{4}-\d{2}-\d{2}$/.test(s.asOf), 'every status fact carries its source and as-of date');
      }
      // UNCAC is the first card: applicable, both States parties since 2005, with the dates of
      // deposit and of entry into force for each.
      assert.equal(a.bases[0]?.instrument, 'UNCAC');
      assert.equal(uncac.rank, 1);
      assert.equal(uncac.outcome, 'applicable');
      assert.deepEqual(
        [uncac.status.requesting.state, uncac.status.requesting.consent, uncac.status.requesting.since],
        ['party', '2005-07-11', '2005-12-14'],
      );
      assert.deepEqual(
        [uncac.status.requested.state, uncac.status.requested.consent, uncac.status.requested.since],
        ['party', '2005-06-15', '2005-12-14'],
      );
      assert.equal(a.headline.code, 'best-basis');
      assert.equal(a.headline.text, 'Best basis: UNCAC art. 46 — both States parties (France since 2005, Brazil since 2005)');
      assert.deepEqual(a.headline.params, {
        instrument: 'UNCAC',
        citation: 'UNCAC art. 46',
        requesting: 'France',
        requested: 'Brazil',
        requestingSince: '2005',
        requestedSince: '2005',
        conditions: 0,
      });
      // Without all=true no basis is "not-applicable"; applicable, then conditional, then unknown.
      const order: Record<string, number> = { applicable: 0, conditional: 1, unknown: 2 };
      const groups = a.bases.map((b) => order[b.outcome] ?? 9);
      assert.deepEqual(groups, [...groups].sort((x, y) => x - y));
      assert.deepEqual(
        a.bases.map((b) => b.rank),
        a.bases.map((_, n) => n + 1),
      );
      // UNCAC, made for corruption, before UNTOC, the general convention.
      assert.ok(a.bases.findIndex((b) => b.instrument === 'UNCAC') < a.bases.findIndex((b) => b.instrument === 'UNTOC'));

      // alpha-2, any case, and a name give the same answer.
      for (const [from, to] of [
        ['fr', 'br'],
        ['Fra', 'bRa'],
        ['France', 'Brésil'],
      ]) {
        const again = await anon.call<Answer>('GET', `/api/v1/legal-basis?requesting=${encodeURIComponent(from as string)}&requested=${encodeURIComponent(to as string)}&type=mla&offence=corruption&date=2024-01-01`, undefined, 200);
        assert.deepEqual(again.body, a, `${from} → ${to}`);
      }

      const all = await anon.call<Answer>('GET', `${path}&all=true`, undefined, 200);
      assert.ok(all.body.bases.length > a.bases.length);
      const cites = all.body.bases.find((b) => b.instrument === 'CITES');
      assert.equal(cites?.outcome, 'not-applicable');
      assert.ok(cites?.reasons[0]?.includes('context only'));

      const withText = await anon.call<Answer>('GET', `${path}&includeText=true`, undefined, 200);
      assert.match(withText.body.bases.find((b) => b.instrument === 'UNCAC')?.articles[0]?.text ?? '', /States Parties shall afford one another the widest measure of mutual legal assistance/);
    });

    test('a declaration changes the answer: Viet Nam and the nuclear terrorism convention (extradition)', async () => {
      const res = await anon.call<Answer>('GET', '/api/v1/legal-basis?requesting=FRA&requested=VNM&type=extradition&offence=terrorism&date=2017-06-01&all=true', undefined, 200);
      const nt = res.body.bases.find((b) => b.instrument === 'NUCLEAR-TERRORISM-2005');
      assert.equal(nt?.outcome, 'not-applicable');
      assert.ok(nt?.reservations.some((r) => r.state === 'VNM' && r.effect === 'no-treaty-basis-for-extradition'));
      // A Protocol applies with its Convention: trafficking in persons brings UNTOC-TIP and UNTOC.
      const tip = await anon.call<Answer>('GET', '/api/v1/legal-basis?requesting=FRA&requested=BRA&type=mla&offence=trafficking-in-persons&date=2020-01-01', undefined, 200);
      const protocol = tip.body.bases.find((b) => b.instrument === 'UNTOC-TIP');
      assert.equal(protocol?.status.requesting.state, 'party');
      assert.equal(protocol?.status.requested.state, 'party');
      // UNTOC's own list (complete as of 2014) now gives France's consent; nothing is inferred.
      assert.equal(tip.body.bases.find((b) => b.instrument === 'UNTOC')?.status.requesting.consent, '2002-10-29');
    });

    test('bad input: 400 problem+json with a stable code and the close matches', async () => {
      const base = '/api/v1/legal-basis?requesting=FRA&requested=BRA&type=mla&offence=corruption';
      const cases: [string, string, string | null][] = [
        [base.replace('requested=BRA', 'requested=Brasl'), 'unknown_country', 'BRA'],
        [base.replace('requesting=FRA', 'requesting=Frnace'), 'unknown_country', 'FRA'],
        [base.replace('offence=corruption', 'offence=corruptoin'), 'unknown_offence', 'corruption'],
        [base.replace('type=mla', 'type=extradtion'), 'unknown_cooperation_type', 'extradition'],
        [`${base}&date=2024-02-30`, 'invalid_date', null],
        [`${base}&date=yesterday`, 'validation_failed', null],
        [base.replace('&offence=corruption', ''), 'validation_failed', null],
        [`${base}&colour=blue`, 'validation_failed', null],
        ['/api/v1/instruments/UNTOX', 'unknown_instrument', 'UNTOC'],
        ['/api/v1/countries/Frnace', 'unknown_country', 'FRA'],
      ];
      for (const [path, code, suggestion] of cases) {
        const res = await anon.raw('GET', path);
        assert.equal(res.status, 400, `${path} → ${res.text.slice(0, 200)}`);
        assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
        const p = res.body as Problem;
        assert.equal(p.code, code, path);
        if (suggestion) assert.ok(p.suggestions?.includes(suggestion), `${path}: ${JSON.stringify(p.suggestions)}`);
      }
      const noVersion = await anon.raw('GET', '/api/v1/instruments/UNTOC?version=99');
      assert.equal(noVersion.status, 404);
      assert.equal((noVersion.body as Problem).code, 'unknown_version');
    });

    test('instruments: the list with party counts and list completeness; one instrument with articles, parties and reservations', async () => {
      const list = await anon.call<{ items: { id: string; partyCount: number; listComplete: boolean; dataAsOf: string; cooperationTypes: string[] }[]; version: number }>(
        'GET',
        '/api/v1/instruments',
        undefined,
        200,
      );
      assert.equal(list.body.version, 1);
      assert.equal(list.body.items.length, 25);
      const tipSummary = list.body.items.find((i) => i.id === 'UNTOC-TIP');
      assert.equal(tipSummary?.listComplete, true);
      assert.equal(tipSummary?.dataAsOf, '2018-01-15');
      assert.ok((tipSummary?.partyCount ?? 0) >= 170, `TIP parties: ${tipSummary?.partyCount}`);
      assert.equal(list.body.items.find((i) => i.id === 'UNCAC')?.listComplete, true);
      assert.equal(list.body.items.find((i) => i.id === 'ETS-185')?.listComplete, false);

      const tip = await anon.call<{
        id: string;
        articles: { number: string; heading: string; text?: string; toBeConfirmed?: boolean }[];
        parties: { state: string; status: string; since?: string; source: string; asOf: string; consent?: string; consentKind?: string }[];
        counts: { parties: number; signatories: number; listed: number };
        listComplete: boolean;
        list: { complete: boolean; asOf: string };
        reservations: { id: string; state: string; effects: { kind: string }[] }[];
        version: number;
      }>('GET', '/api/v1/instruments/untoc-tip?date=2019-01-01', undefined, 200);
      assert.equal(tip.body.id, 'UNTOC-TIP');
      assert.ok(tip.body.articles.some((a) => a.heading && a.text));
      const afg = tip.body.parties.find((p) => p.state === 'AFG');
      assert.deepEqual([afg?.status, afg?.consent, afg?.consentKind], ['party', '2014-08-15', 'accession']);
      assert.equal(tip.body.counts.listed, tip.body.parties.length);
      assert.ok(tip.body.counts.parties >= 170);
      assert.equal(tip.body.list.complete, true);
      assert.ok(tip.body.reservations.length > 30);
      assert.match(tip.body.reservations[0]?.id ?? '', /^UNTOC-TIP:[A-Z]{3}:[0-9a-f]{8}$/);

      const cyber = await anon.call<{ articles: { toBeConfirmed?: boolean }[]; articlesChecked: boolean }>('GET', '/api/v1/instruments/UN-CYBERCRIME-2024', undefined, 200);
      assert.equal(cyber.body.articlesChecked, false);
      assert.ok(cyber.body.articles.length === 0 || cyber.body.articles.every((a) => a.toBeConfirmed === true));
      const v1 = await anon.call<{ version: number; currentVersion: number }>('GET', '/api/v1/instruments/UNTOC?version=1', undefined, 200);
      assert.deepEqual([v1.body.version, v1.body.currentVersion], [1, 1]);
    });

    test('countries with names in the six UN languages; a country profile groups declarations by cooperation type', async () => {
      const countries = await anon.call<{ items: { code: string; alpha2: string; names: Record<string, string> }[] }>('GET', '/api/v1/countries', undefined, 200);
      assert.ok(countries.body.items.length >= 250);
      const bra = countries.body.items.find((c) => c.code === 'BRA');
      assert.deepEqual(Object.keys(bra?.names ?? {}).sort(), ['ar', 'en', 'es', 'fr', 'ru', 'zh']);
      assert.equal(bra?.names.fr, 'Brésil');
      assert.ok(countries.body.items.some((c) => c.code === 'EUU'));

      const vnm = await anon.call<{ state: string; country: { code: string }; party: { instrument: string }[]; declarations: Record<string, { instrument: string; effect: string }[]> }>(
        'GET',
        '/api/v1/countries/vn?date=2017-06-01',
        undefined,
        200,
      );
      assert.equal(vnm.body.state, 'VNM');
      assert.ok(vnm.body.party.some((p) => p.instrument === 'NUCLEAR-TERRORISM-2005'));
      assert.ok(vnm.body.declarations.extradition?.some((d) => d.instrument === 'NUCLEAR-TERRORISM-2005' && d.effect === 'no-treaty-basis-for-extradition'));
    });

    test('taxonomy, versions and the OpenAPI document', async () => {
      const tax = await anon.call<{ cooperationTypes: { id: string }[]; offences: { id: string; iccs: string | null }[] }>('GET', '/api/v1/taxonomy', undefined, 200);
      assert.equal(tax.body.cooperationTypes.length, 7);
      assert.equal(tax.body.offences.length, 19);
      assert.equal(tax.body.offences.find((o) => o.id === 'corruption')?.iccs, '0703');

      const versions = await anon.call<{ items: { version: number; source: string; digest: string; current: boolean; importedBy?: string }[] }>('GET', '/api/v1/knowledge/versions', undefined, 200);
      assert.equal(versions.body.items.length, 1);
      assert.equal(versions.body.items[0]?.source, 'shipped snapshot');
      assert.match(versions.body.items[0]?.digest ?? '', /^[0-9a-f]{64}$/);
      assert.equal('importedBy' in (versions.body.items[0] ?? {}), false, 'who imported is for administrators only');
      const audit = await admin.call<{ items: { action: string; target: string }[] }>('GET', '/api/v1/audit?action=knowledge.import', undefined, 200);
      assert.ok(audit.body.items.some((e) => e.target === 'knowledge-version:1'), 'loading the shipped snapshot is audited');

      const doc = await anon.call<{ paths: Record<string, unknown> }>('GET', '/api/openapi.json', undefined, 200);
      for (const p of [
        '/api/v1/legal-basis',
        '/api/v1/instruments',
        '/api/v1/instruments/{id}',
        '/api/v1/countries',
        '/api/v1/countries/{code}',
        '/api/v1/taxonomy',
        '/api/v1/knowledge/versions',
        '/api/v1/knowledge/imports',
        '/api/v1/knowledge/curations',
        '/api/v1/knowledge/conflicts',
      ]) {
        assert.ok(doc.body.paths[p], `${p} is in the OpenAPI document`);
      }
    });

    test('the administrator can require signing in for the knowledge base', async () => {
      const viewer = await makeUser(admin, { role: 'viewer' });
      await admin.call('PUT', '/api/v1/settings/public', { requireSignInForKnowledge: true }, 200);
      try {
        for (const path of ['/api/v1/legal-basis?requesting=FRA&requested=BRA&type=mla&offence=corruption', '/api/v1/instruments', '/api/v1/countries', '/api/v1/countries/FRA']) {
          const res = await anon.raw('GET', path);
          assert.equal(res.status, 401, path);
          assert.equal((res.body as Problem).code, 'unauthenticated');
          assert.equal((await viewer.client.raw('GET', path)).status, 200, `${path} signed in`);
        }
      } finally {
        await admin.call('PUT', '/api/v1/settings/public', { requireSignInForKnowledge: false }, 200);
      }
      assert.equal((await anon.raw('GET', '/api/v1/instruments')).status, 200);
    });
  });
}
