// The stolen cultural property registry through the HTTP API on a real node and database: records
// kept to their organisation (404 elsewhere), audited changes, photos refused when damaged, of
// another format or too large (before decoding), search by text and by a transformed photo, CSV
// import with its validation report, and the public check without sign-in: matches among the
// TLP:CLEAR records only, a signed receipt that verifies and fails when changed, the photo not
// kept, the check logged, and the rate limit per address.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { testBackends } from '@comity/db/testing';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { ApiClient, makeUser, startTestNode, type TestNode } from '../testing/test-node.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
type User = Awaited<ReturnType<typeof makeUser>>;

const SAMPLES = fileURLToPath(new URL('../../../../data/cultural-property/samples/', import.meta.url));
const sample = (name: string) => readFileSync(`${SAMPLES}${name}.jpg`);

async function send(client: ApiClient, method: string, path: string, body: Uint8Array | string, contentType: string) {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (client.cookie) headers.cookie = client.cookie;
  if (client.csrf) headers['x-csrf-token'] = client.csrf;
  const res = await fetch(client.baseUrl + path, { method, headers, body });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: (text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text) as Json };
}

const AMPHORA = {
  title: 'Attic amphora with painted bands',
  objectType: 'vessel',
  objectId: { materials: 'terracotta', techniques: 'wheel-thrown, painted', measurements: 'height 41 cm', inscriptions: 'none', maker: 'unknown workshop', dateOrPeriod: '5th century BC', description: 'Turquoise body with two dark red bands' },
  theft: { kind: 'theft', country: 'GRC', place: 'Museum of Corinth', date: '2025-11-03' },
  reportingAuthority: 'Hellenic Police, Department for the Protection of Cultural Heritage',
  legalStatus: 'stolen',
  marking: 'CLEAR',
};

const CHECK_RATE = 16;

for (const backend of testBackends()) {
  describe(`cultural property API on ${backend.name}`, () => {
    let t: TestNode;
    let admin: ApiClient;
    let investigator: User;
    let viewer: User;
    let stranger: User;
    const anonymous = () => new ApiClient(t.url);
    const saved = { rate: process.env.COMITY_CULTURAL_CHECK_RATE, pixels: process.env.COMITY_CULTURAL_IMAGE_MAX_PIXELS };

    before(async () => {
      process.env.COMITY_CULTURAL_CHECK_RATE = String(CHECK_RATE);
      process.env.COMITY_CULTURAL_IMAGE_MAX_PIXELS = '4000000';
      t = await startTestNode(backend, process.env.CP_DEBUG ? { log: true } : {});
      admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, t.admin.password);
      investigator = await makeUser(admin, { role: 'practitioner', orgName: 'Carabinieri TPC', country: 'ITA' });
      viewer = await makeUser(admin, { role: 'viewer', organisationId: investigator.organisationId });
      stranger = await makeUser(admin, { role: 'supervisor', orgName: 'OCBC', country: 'FRA' });
    });
    after(async () => {
      await t?.close();
      for (const [k, v] of [['COMITY_CULTURAL_CHECK_RATE', saved.rate], ['COMITY_CULTURAL_IMAGE_MAX_PIXELS', saved.pixels]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    });

    test('records stay in their organisation, changes are audited, photos are checked before decoding, search finds a transformed photo', async () => {
      const c = (await investigator.client.call<Json>('POST', '/api/v1/cultural-property', AMPHORA, 201)).body;
      assert.match(c.reference, /^CP-\d{4}-0001$/);
      assert.equal(c.public, true);
      const hidden = (await investigator.client.call<Json>('POST', '/api/v1/cultural-property', { ...AMPHORA, title: 'Bronze mask', objectType: 'mask', marking: 'AMBER', reference: 'TPC 2026/7' }, 201)).body;
      assert.equal(hidden.public, false);
      // Another organisation: 404 on reading and changing, empty search.
      assert.equal((await stranger.client.call('GET', `/api/v1/cultural-property/${c.id}`)).status, 404);
      const denied = await stranger.client.call('PATCH', `/api/v1/cultural-property/${c.id}`, { version: 1, legalStatus: 'recovered' });
      assert.equal(denied.status, 404);
      assert.match(denied.headers.get('content-type') ?? '', /problem\+json/);
      assert.equal((await stranger.client.call<Json>('GET', '/api/v1/cultural-property', undefined, 200)).body.total, 0);
      // A viewer reads but does not change.
      assert.equal((await viewer.client.call('GET', `/api/v1/cultural-property/${c.id}`)).status, 200);
      assert.equal((await viewer.client.call('PATCH', `/api/v1/cultural-property/${c.id}`, { version: 1, legalStatus: 'recovered' })).status, 403);
      // Bad input: problem documents.
      const bad = await investigator.client.call<Json>('POST', '/api/v1/cultural-property', { ...AMPHORA, legalStatus: 'lost' });
      assert.equal(bad.status, 400);
      assert.match(bad.headers.get('content-type') ?? '', /problem\+json/);

      // Photos.
      const added = await send(investigator.client, 'POST', `/api/v1/cultural-property/${c.id}/images`, sample('amphora-01'), 'image/jpeg');
      assert.equal(added.status, 201, JSON.stringify(added.body));
      assert.equal(added.body.width, 640);
      const corrupt = await send(investigator.client, 'POST', `/api/v1/cultural-property/${c.id}/images`, sample('amphora-01').subarray(0, 3000), 'image/jpeg');
      assert.equal(corrupt.status, 400);
      assert.match(corrupt.type, /problem\+json/);
      assert.equal(corrupt.body.code, 'image_corrupt');
      const gif = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#888' } }).gif().toBuffer();
      const unsupported = await send(investigator.client, 'POST', `/api/v1/cultural-property/${c.id}/images`, gif, 'image/gif');
      assert.equal(unsupported.status, 400);
      assert.equal(unsupported.body.code, 'image_unsupported');
      const garbage = await send(investigator.client, 'POST', `/api/v1/cultural-property/${c.id}/images`, new TextEncoder().encode('not an image at all'), 'image/png');
      assert.equal(garbage.body.code, 'image_unreadable');
      // 6 million pixels against a limit of 4 million: refused from the header, before decoding.
      const bomb = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#000' } }).png({ compressionLevel: 9 }).toBuffer();
      assert.ok(bomb.length < 200_000, 'a small file with many pixels');
      const refused = await send(investigator.client, 'POST', `/api/v1/cultural-property/${c.id}/images`, bomb, 'image/png');
      assert.equal(refused.status, 413);
      assert.equal(refused.body.code, 'image_too_many_pixels');
      const view = (await investigator.client.call<Json>('GET', `/api/v1/cultural-property/${c.id}`, undefined, 200)).body;
      assert.equal(view.images.length, 1, 'refused photos are not stored');
      assert.equal(view.version, 2);
      const thumb = await fetch(`${t.url}/api/v1/cultural-property/${c.id}/images/${view.images[0].id}?size=thumbnail`, { headers: { cookie: investigator.client.cookie ?? '' } });
      assert.equal(thumb.status, 200);
      assert.equal((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width, 320);

      // Search by words (accents and case do not matter) and by a turned, recompressed photo.
      const found = (await investigator.client.call<Json>('GET', '/api/v1/cultural-property?q=CORINTH%20amphora', undefined, 200)).body;
      assert.deepEqual(found.items.map((i: Json) => i.id), [c.id]);
      const turned = await sharp(sample('amphora-01')).rotate(90).resize(300).jpeg({ quality: 40 }).toBuffer();
      const byPhoto = await send(investigator.client, 'POST', '/api/v1/cultural-property/search/image', turned, 'image/jpeg');
      assert.equal(byPhoto.status, 200);
      assert.deepEqual(byPhoto.body.items.map((i: Json) => i.id), [c.id]);
      assert.ok(byPhoto.body.items[0].imageDistance <= 10);
      const otherPhoto = await send(investigator.client, 'POST', '/api/v1/cultural-property/search/image', sample('tablet-01'), 'image/jpeg');
      assert.equal(otherPhoto.body.total, 0);

      // Optimistic locking and the audit trail.
      assert.equal((await investigator.client.call('PATCH', `/api/v1/cultural-property/${c.id}`, { version: 1, legalStatus: 'recovered' })).status, 409);
      const patched = (await investigator.client.call<Json>('PATCH', `/api/v1/cultural-property/${c.id}`, { version: 2, objectId: { ...AMPHORA.objectId, inscriptions: 'ΚΑΛΟΣ' } }, 200)).body;
      assert.equal(patched.version, 3);
      const actions = (await t.node.deps.db.selectFrom('audit_entries').select('action').where('target', '=', `cultural-object:${c.id}`).orderBy('seq').execute()).map((e) => e.action);
      assert.deepEqual(actions, ['cultural.object.create', 'cultural.image.add', 'cultural.object.update']);
    });

    test('a record links to a case of its organisation only', async () => {
      const kase = (await investigator.client.call<Json>('POST', '/api/v1/cases', { title: 'Corinth museum theft' }, 201)).body;
      const linked = (await investigator.client.call<Json>('POST', '/api/v1/cultural-property', { ...AMPHORA, reference: 'TPC-CASE-1', caseId: kase.id }, 201)).body;
      assert.equal(linked.case.reference, kase.reference);
      const foreign = (await stranger.client.call<Json>('POST', '/api/v1/cases', { title: 'Elsewhere' }, 201)).body;
      assert.equal((await investigator.client.call('POST', '/api/v1/cultural-property', { ...AMPHORA, reference: 'TPC-CASE-2', caseId: foreign.id })).status, 404);
    });

    test('CSV import: every problem reported with its line, nothing stored unless all rows are good', async () => {
      const header = 'reference,title,object_type,materials,theft_country,theft_date,reporting_authority,legal_status,marking';
      const badCsv = [header, 'IMP-1,Marble head,sculpture,marble,ITA,2024-02-30,Carabinieri TPC,stolen,CLEAR', 'IMP-2,"Icon, St George",icon,tempera on wood,XX,2023-05-01,Carabinieri TPC,pinched,CLEAR', 'IMP-3,Coin hoard,coins,silver,ITA,,Carabinieri TPC,looted-from-site,AMBER'].join('\n');
      const report = await send(investigator.client, 'POST', '/api/v1/cultural-property/import', badCsv, 'text/csv');
      assert.equal(report.status, 200);
      assert.equal(report.body.imported, 0);
      assert.deepEqual(
        report.body.problems.map((p: Json) => [p.line, p.field]).sort(),
        [
          [2, 'theft_date'],
          [3, 'legal_status'],
          [3, 'theft_country'],
        ],
      );
      const before = (await investigator.client.call<Json>('GET', '/api/v1/cultural-property?q=hoard', undefined, 200)).body.total;
      assert.equal(before, 0);
      const goodCsv = [header, 'IMP-1,Marble head,sculpture,marble,ITA,2024-02-28,Carabinieri TPC,stolen,CLEAR', 'IMP-3,Coin hoard,coins,silver,ITA,,Carabinieri TPC,looted-from-site,AMBER'].join('\r\n');
      const ok = await send(investigator.client, 'POST', '/api/v1/cultural-property/import', goodCsv, 'text/csv');
      assert.equal(ok.body.imported, 2, JSON.stringify(ok.body));
      // The same file again: the references exist, so nothing is imported.
      const again = await send(investigator.client, 'POST', '/api/v1/cultural-property/import', goodCsv, 'text/csv');
      assert.equal(again.status, 409);
      assert.equal((await investigator.client.call<Json>('GET', '/api/v1/cultural-property?q=hoard', undefined, 200)).body.total, 1);
    });

    test('XLSX import: the same report by spreadsheet row and column, date cells read as dates, all or nothing', async () => {
      const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      const workbook = async (rows: unknown[][]) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('Register');
        for (const r of rows) ws.addRow(r);
        return new Uint8Array(await wb.xlsx.writeBuffer());
      };
      const header = ['reference', 'title', 'object_type', 'materials', 'theft_country', 'theft_date', 'reporting_authority', 'legal_status', 'marking'];
      const bad = await workbook([
        header,
        ['XL-1', 'Ivory figurine', 'sculpture', 'ivory', 'ITA', new Date(Date.UTC(2024, 2, 14)), 'Carabinieri TPC', 'stolen', 'CLEAR'],
        ['XL-2', 'Manuscript leaf', 'manuscript', 'vellum', 'ITALY', '2023-05-01', 'Carabinieri TPC', 'stolen', 'AMBER'],
        [],
        ['XL-3', '', 'coins', 'gold', 'ITA', null, 'Carabinieri TPC', 'lost', 'AMBER'],
      ]);
      const report = await send(investigator.client, 'POST', '/api/v1/cultural-property/import', bad, XLSX);
      assert.equal(report.status, 200, JSON.stringify(report.body));
      assert.equal(report.body.imported, 0);
      assert.equal(report.body.rows, 3);
      assert.deepEqual(
        report.body.problems.map((p: Json) => [p.line, p.field]).sort(),
        [
          [3, 'theft_country'],
          [5, 'legal_status'],
          [5, 'title'],
        ],
      );
      assert.equal((await investigator.client.call<Json>('GET', '/api/v1/cultural-property?q=figurine', undefined, 200)).body.total, 0);
      const good = await workbook([header, ['XL-1', 'Ivory figurine', 'sculpture', 'ivory', 'ITA', new Date(Date.UTC(2024, 2, 14)), 'Carabinieri TPC', 'stolen', 'CLEAR']]);
      const ok = await send(investigator.client, 'POST', '/api/v1/cultural-property/import', good, XLSX);
      assert.equal(ok.body.imported, 1, JSON.stringify(ok.body));
      const record = (await investigator.client.call<Json>('GET', `/api/v1/cultural-property/${ok.body.created[0].id}`, undefined, 200)).body;
      assert.deepEqual(record.theft, { kind: 'theft', country: 'ITA', date: '2024-03-14' });
      // Found by the country filter of the investigators' search.
      const byCountry = (await investigator.client.call<Json>('GET', '/api/v1/cultural-property?country=ita&q=figurine', undefined, 200)).body;
      assert.deepEqual(byCountry.items.map((i: Json) => i.reference), ['XL-1']);
      assert.equal((await investigator.client.call<Json>('GET', '/api/v1/cultural-property?country=GRC&q=figurine', undefined, 200)).body.total, 0);
      // Not a workbook: a clear 400, nothing stored.
      const junk = await send(investigator.client, 'POST', '/api/v1/cultural-property/import', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), XLSX);
      assert.equal(junk.status, 400);
      assert.equal(junk.body.code, 'xlsx_unreadable');
    });

    test('public check: no sign-in, public records only, a signed receipt that verifies and fails when changed, logged, photo not kept', async () => {
      const anon = anonymous();
      const photo = await sharp(sample('amphora-01')).extract({ left: 0, top: 0, width: 576, height: 432 }).jpeg({ quality: 60 }).toBuffer();
      const res = await anon.call<Json>('POST', '/api/v1/cultural-property/check', { image: photo.toString('base64'), text: { description: 'painted amphora' } }, 200);
      const { matches, receipt, receiptText } = res.body;
      assert.ok(matches.length >= 1);
      assert.equal(matches[0].title, AMPHORA.title);
      assert.equal(matches[0].reportingAuthority, AMPHORA.reportingAuthority);
      assert.ok(matches[0].imageDistance <= 10);
      assert.equal(receipt.result.outcome, 'possible-matches');
      assert.match(receipt.notice, /No match does not mean not stolen/);
      assert.equal(receipt.node.id, t.node.deps.keys.nodeId);
      // The AMBER record is never shown to the public, even by its exact words.
      const amber = (await anon.call<Json>('POST', '/api/v1/cultural-property/check', { text: { title: 'Bronze mask' } }, 200)).body;
      assert.equal(amber.matches.length, 0);
      assert.equal(amber.receipt.result.outcome, 'no-match');
      // The public thumbnail of a match, and none of a restricted record.
      const thumb = await fetch(`${t.url}/api/v1/cultural-property/public/images/${matches[0].imageIds[0]}`);
      assert.equal(thumb.status, 200);

      // Verification by the node.
      const verified = (await anon.call<Json>('POST', '/api/v1/cultural-property/receipts/verify', { receipt: receiptText }, 200)).body;
      assert.deepEqual(verified, { ok: true, problem: null, reason: null, nodeId: t.node.deps.keys.nodeId, signedByThisNode: true });
      const changed = receiptText.replace('"possible-matches"', '"no-match"');
      const broken = (await anon.call<Json>('POST', '/api/v1/cultural-property/receipts/verify', { receipt: changed }, 200)).body;
      assert.equal(broken.ok, false);

      // Logged for investigators, with digests only; the photo is not stored anywhere.
      const logged = await t.node.deps.db.selectFrom('cultural_checks').selectAll().where('id', '=', receipt.checkId).executeTakeFirstOrThrow();
      assert.equal(logged.image_sha256, receipt.query.imageSha256);
      assert.equal(logged.requester, null);
      const imageRows = await t.node.deps.db.selectFrom('cultural_object_images').select('sha256').execute();
      assert.ok(!imageRows.some((r) => r.sha256 === receipt.query.imageSha256));
      const audit = await t.node.deps.db.selectFrom('audit_entries').select(['action', 'actor_id']).where('target', '=', `cultural-check:${receipt.checkId}`).execute();
      assert.deepEqual(audit, [{ action: 'cultural.check', actor_id: null }]);
      // Without the person's agreement no bytes of the photo are kept, and there is nothing to read.
      assert.equal((await t.node.deps.db.selectFrom('cultural_check_photos').select('check_id').where('check_id', '=', receipt.checkId).execute()).length, 0);
      assert.equal(receipt.query.photoKept, undefined);
      assert.equal((await investigator.client.call('GET', `/api/v1/cultural-property/checks/${receipt.checkId}/photo`)).status, 404);

      // Bad input.
      const empty = await anon.call<Json>('POST', '/api/v1/cultural-property/check', {});
      assert.equal(empty.status, 400);
      assert.equal(empty.body.code, 'check_empty');
      const notImage = await anon.call<Json>('POST', '/api/v1/cultural-property/check', { image: Buffer.from('hello').toString('base64') });
      assert.equal(notImage.body.code, 'image_unreadable');
    });

    test('public check with keepPhoto: the photo is kept with the log entry, the receipt says so, the matched organisation\u2019s investigators see it, others 404', async () => {
      const anon = anonymous();
      const photo = await sharp(sample('amphora-01')).resize(500).jpeg({ quality: 70 }).toBuffer();
      const res = (await anon.call<Json>('POST', '/api/v1/cultural-property/check', { image: photo.toString('base64'), keepPhoto: true }, 200)).body;
      const { receipt, receiptText } = res;
      assert.ok(res.matches.some((m: Json) => m.title === AMPHORA.title));
      assert.equal(receipt.query.photoKept, true);
      const verified = (await anon.call<Json>('POST', '/api/v1/cultural-property/receipts/verify', { receipt: receiptText }, 200)).body;
      assert.equal(verified.ok, true);
      // Taking the agreement out of a signed receipt breaks its signature.
      const stripped = (await anon.call<Json>('POST', '/api/v1/cultural-property/receipts/verify', { receipt: receiptText.replace(',"photoKept":true', '') }, 200)).body;
      assert.equal(stripped.ok, false);
      const kept = await t.node.deps.db.selectFrom('cultural_check_photos').selectAll().where('check_id', '=', receipt.checkId).executeTakeFirstOrThrow();
      assert.deepEqual(Buffer.from(kept.content), photo);
      assert.equal(kept.sha256, receipt.query.imageSha256);

      const path = `/api/v1/cultural-property/checks/${receipt.checkId}/photo`;
      const get = async (client: ApiClient, query = '') => {
        const r = await fetch(`${t.url}${path}${query}`, { headers: client.cookie ? { cookie: client.cookie } : {} });
        return { status: r.status, type: r.headers.get('content-type') ?? '', bytes: Buffer.from(await r.arrayBuffer()) };
      };
      const mine = await get(investigator.client);
      assert.equal(mine.status, 200);
      assert.equal(mine.type, 'image/jpeg');
      assert.deepEqual(mine.bytes, photo);
      const thumb = await get(viewer.client, '?size=thumbnail');
      assert.equal(thumb.status, 200);
      assert.ok((await sharp(thumb.bytes).metadata()).width <= 320);
      assert.equal((await get(admin)).status, 200);
      // Another organisation (its record was not matched), no sign-in, an unknown check.
      assert.equal((await get(stranger.client)).status, 404);
      assert.equal((await get(anon)).status, 401);
      assert.equal((await investigator.client.call('GET', '/api/v1/cultural-property/checks/00000000-0000-4000-8000-000000000000/photo')).status, 404);
      const reads = await t.node.deps.db.selectFrom('audit_entries').select(['action']).where('target', '=', `cultural-check:${receipt.checkId}`).execute();
      assert.ok(reads.filter((a) => a.action === 'cultural.check.photo.read').length >= 3);
      // keepPhoto without a photo keeps nothing and claims nothing.
      const noPhoto = (await anon.call<Json>('POST', '/api/v1/cultural-property/check', { text: { title: 'amphora' }, keepPhoto: true }, 200)).body;
      assert.equal(noPhoto.receipt.query.photoKept, undefined);
      assert.equal((await t.node.deps.db.selectFrom('cultural_check_photos').select('check_id').where('check_id', '=', noPhoto.receipt.checkId).execute()).length, 0);
    });

    test('a record made non-public is out of the very next check, by text and by photo; public again, it is back', async () => {
      const anon = anonymous();
      const rec = (await investigator.client.call<Json>('POST', '/api/v1/cultural-property', { ...AMPHORA, reference: 'TPC-IDX-1', title: 'Apulian krater with swans' }, 201)).body;
      const up = await send(investigator.client, 'POST', `/api/v1/cultural-property/${rec.id}/images`, sample('mask-01'), 'image/jpeg');
      assert.equal(up.status, 201);
      const photo = (await sharp(sample('mask-01')).resize(400).jpeg({ quality: 50 }).toBuffer()).toString('base64');
      // Six checks here: with the other tests' checks, under the rate limit of this node (CHECK_RATE a minute).
      const checkOf = async (body: Json) => (await anon.call<Json>('POST', '/api/v1/cultural-property/check', body, 200)).body;
      const ids = async (body: Json) => (await checkOf(body)).matches.map((m: Json) => m.recordId);
      const first = await checkOf({ text: { title: 'apulian krater swans' } });
      assert.ok(first.matches.some((m: Json) => m.recordId === rec.id));
      const before = first.receipt.registry;
      assert.ok((await ids({ image: photo })).includes(rec.id));
      const v = (await investigator.client.call<Json>('GET', `/api/v1/cultural-property/${rec.id}`, undefined, 200)).body.version;
      await investigator.client.call('PATCH', `/api/v1/cultural-property/${rec.id}`, { version: v, marking: 'GREEN' }, 200);
      const afterText = await checkOf({ text: { title: 'apulian krater swans' } });
      assert.ok(!afterText.matches.some((m: Json) => m.recordId === rec.id));
      assert.ok(!(await ids({ image: photo })).includes(rec.id));
      const hidden = afterText.receipt.registry;
      assert.equal(hidden.publicRecords, before.publicRecords - 1);
      assert.notEqual(hidden.digest, before.digest);
      // The investigators' photo search still finds it for its organisation.
      const mine = await send(investigator.client, 'POST', '/api/v1/cultural-property/search/image', Buffer.from(photo, 'base64'), 'image/jpeg');
      assert.ok(mine.body.items.some((i: Json) => i.id === rec.id));
      // Made public again in SQL, as another process on the same database would: back at once.
      await t.node.deps.db.updateTable('cultural_objects').set({ marking: 'CLEAR', version: v + 2 }).where('id', '=', rec.id).execute();
      assert.ok((await ids({ image: photo })).includes(rec.id));
    });

    test('the public check is rate limited per address', async () => {
      const anon = anonymous();
      let limited = 0;
      for (let i = 0; i < CHECK_RATE + 2; i++) {
        const res = await anon.call('POST', '/api/v1/cultural-property/check', { text: { title: `anything ${i}` } });
        if (res.status === 429) limited++;
      }
      assert.ok(limited >= 1, 'over the limit answers 429');
    });
  });
}
