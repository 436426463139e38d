// Requests over the HTTP API on every backend: each type through its whole lifecycle with both
// sides following one timeline, completeness blocking submission, four eyes, optimistic locking,
// attachments (413 stores nothing), documents (PDF text and DOCX XML carry the legal-basis
// citation; the SHA-256 is audited), deadlines raising reminders through the job queue, statistics.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { exampleRequest } from '@comity/core/requests/examples';
import type { RequestType } from '@comity/core/requests/request';
import { testBackends } from '@comity/db/testing';
import { ADMIN_PASSWORD, ApiClient, type TestNode, makeUser, startTestNode } from '../testing/test-node.ts';

// Small limits so the tests are quick: a 200 kB attachment limit and a deadline scan every second.
process.env.COMITY_ATTACHMENT_MAX_BYTES = '200000';
process.env.COMITY_DEADLINE_SCAN_SECONDS = '1';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the API's JSON loosely and assert on it.
type Json = Record<string, any>;
type User = Awaited<ReturnType<typeof makeUser>>;

const tmp = mkdtempSync(join(tmpdir(), 'comity-req-test-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function body(type: RequestType, requestedOrganisationId: string): Json {
  const { type: _t, ...content } = exampleRequest(type, 'DEU', requestedOrganisationId);
  return { type, ...content, legalBasis: { kind: 'treaty', instrument: type === 'extradition' ? 'ETS-024' : type === 'asset-recovery' ? 'UNCAC' : 'UNTOC' } };
}

async function poll<T>(what: string, fn: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function pdfText(bytes: Buffer): string {
  const file = join(tmp, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  const out = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  assert.equal(out.status, 0, `pdftotext failed: ${out.stderr} (install poppler-utils)`);
  return out.stdout;
}

function docxXml(bytes: Buffer): string {
  const file = join(tmp, `${Math.random().toString(36).slice(2)}.docx`);
  writeFileSync(file, bytes);
  const out = spawnSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(out.status, 0, out.stderr);
  return out.stdout;
}

async function binary(client: ApiClient, path: string): Promise<{ status: number; bytes: Buffer; headers: Headers; text: string }> {
  const headers: Record<string, string> = {};
  if (client.cookie) headers.cookie = client.cookie;
  const res = await fetch(client.baseUrl + path, { headers });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, bytes, headers: res.headers, text: res.headers.get('content-type')?.includes('json') ? bytes.toString('utf8') : '' };
}

for (const backend of testBackends()) {
  describe(`requests API on ${backend.name}`, () => {
    let t: TestNode;
    let admin: ApiClient;
    let drafter: User; // practitioner of the requesting authority (France)
    let sup1: User; // supervisor who approves
    let sup2: User; // supervisor who drafts (and so cannot approve their own)
    let viewer: User;
    let exec: User; // practitioner of the requested authority (Germany)
    let outsider: User; // practitioner of an unrelated authority (Italy)

    const transition = (u: User, id: string, action: string, extra: Json = {}, expect = 200) =>
      u.client.call<Json>('POST', `/api/v1/requests/${id}/transitions`, { action, ...extra }, expect);

    async function incomingFor(conversationId: string): Promise<Json> {
      const list = await exec.client.call<{ items: Json[] }>('GET', '/api/v1/requests?side=requested&limit=200', undefined, 200);
      for (const item of list.body.items) {
        const full = await exec.client.call<Json>('GET', `/api/v1/requests/${item.id}`, undefined, 200);
        if (full.body.conversationId === conversationId) return full.body;
      }
      throw new Error(`no incoming record for ${conversationId}`);
    }

    /** Draft, submit, approve (another supervisor) and transmit; returns both sides' records. */
    async function sendRequest(type: RequestType): Promise<{ out: Json; incoming: Json }> {
      const created = await drafter.client.call<Json>('POST', '/api/v1/requests', body(type, exec.organisationId), 201);
      const id = created.body.id as string;
      await transition(drafter, id, 'submit');
      await transition(sup1, id, 'approve', { reason: 'Checked against the file' });
      const sent = await transition(drafter, id, 'transmit');
      assert.equal(sent.body.state, 'transmitted');
      return { out: sent.body, incoming: await incomingFor(created.body.conversationId) };
    }

    before(async () => {
      t = await startTestNode(backend, { loginRateLimit: 1000 });
      admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, ADMIN_PASSWORD);
      drafter = await makeUser(admin, { role: 'practitioner', country: 'FRA', orgName: 'Parquet national financier' });
      sup1 = await makeUser(admin, { role: 'supervisor', organisationId: drafter.organisationId });
      sup2 = await makeUser(admin, { role: 'supervisor', organisationId: drafter.organisationId });
      viewer = await makeUser(admin, { role: 'viewer', organisationId: drafter.organisationId });
      exec = await makeUser(admin, { role: 'practitioner', country: 'DEU', orgName: 'Bundesamt für Justiz' });
      outsider = await makeUser(admin, { role: 'practitioner', country: 'ITA', orgName: 'Ministero della Giustizia' });
    });
    after(() => t.close());

    test('the API is in the OpenAPI document', async () => {
      const doc = await admin.call<{ paths: Record<string, unknown> }>('GET', '/api/openapi.json');
      for (const p of [
        '/api/v1/requests',
        '/api/v1/requests/{id}',
        '/api/v1/requests/{id}/completeness',
        '/api/v1/requests/{id}/transitions',
        '/api/v1/requests/{id}/attachments',
        '/api/v1/requests/{id}/document',
        '/api/v1/requests/statistics',
        '/api/v1/notifications',
        '/api/v1/service-levels',
      ]) {
        assert.ok(doc.body.paths[p], `${p} documented`);
      }
    });

    for (const type of ['mla', 'extradition', 'asset-recovery', 'transfer-of-proceedings', 'jit', 'spontaneous-information'] as const) {
      test(`${type}: draft → … → executed, both sides on one timeline`, async () => {
        const { out, incoming } = await sendRequest(type);
        // The requested side sees what was sent, under its own reference, with the other's.
        assert.equal(incoming.state, 'transmitted');
        assert.equal(incoming.side, 'requested');
        assert.equal(incoming.counterpartReference, out.reference);
        assert.equal(incoming.type, type);
        assert.deepEqual(incoming.measures, out.measures);
        assert.deepEqual(incoming.legalBasis, out.legalBasis);
        assert.deepEqual(incoming.allowedActions, ['receive']);
        const iid = incoming.id as string;
        await transition(exec, iid, 'receive');
        await transition(exec, iid, 'start-execution');
        await transition(exec, iid, 'request-more-info', { reason: 'Please give the account holder\u2019s date of birth.' });
        let mine = await drafter.client.call<Json>('GET', `/api/v1/requests/${out.id}`, undefined, 200);
        assert.equal(mine.body.state, 'more-information-requested');
        // The notification carries a code and data the web words in the reader's language.
        const notes = await drafter.client.call<{ items: Json[] }>('GET', '/api/v1/notifications?limit=200', undefined, 200);
        const asked = notes.body.items.find((n) => n.requestId === out.id && n.code === 'counterpart-action');
        assert.ok(asked, 'a coded notification of the request for more information');
        assert.deepEqual(
          { ...(asked.params as Json), subject: undefined },
          { reference: out.reference, subject: undefined, by: 'Bundesamt für Justiz', action: 'request-more-info', reason: 'Please give the account holder\u2019s date of birth.', requestState: 'more-information-requested' },
        );
        assert.deepEqual(mine.body.allowedActions, ['provide-more-info', 'withdraw']);
        await transition(drafter, out.id, 'provide-more-info', { reason: 'Born 12 April 1979 in Lyon.' });
        await transition(exec, iid, 'partially-execute', { reason: 'First part of the records sent.' });
        const done = await transition(exec, iid, 'execute', { reason: 'All records sent by courier.' });
        assert.equal(done.body.state, 'executed');
        mine = await drafter.client.call<Json>('GET', `/api/v1/requests/${out.id}`, undefined, 200);
        assert.equal(mine.body.state, 'executed');
        assert.equal(mine.body.counterpartReference, incoming.reference);
        assert.ok(mine.body.receivedAt && mine.body.executedAt && mine.body.closedAt);
        const steps = (tl: Json[]) => tl.filter((e) => !['edit', 'document', 'attach'].includes(e.action)).map((e) => `${e.action}:${e.toState}`);
        const lifecycle = [
          'receive:received',
          'start-execution:under-execution',
          'request-more-info:more-information-requested',
          'provide-more-info:under-execution',
          'partially-execute:partially-executed',
          'execute:executed',
        ];
        assert.deepEqual(steps(mine.body.timeline), ['create:draft', 'submit:awaiting-approval', 'approve:approved', 'transmit:transmitted', ...lifecycle]);
        const theirs = await exec.client.call<Json>('GET', `/api/v1/requests/${iid}`, undefined, 200);
        assert.deepEqual(steps(theirs.body.timeline), ['transmit:transmitted', ...lifecycle]);
        // The other side's staff appear by organisation only.
        const received = mine.body.timeline.find((e: Json) => e.action === 'receive');
        assert.deepEqual(received.actor, { email: null, organisation: 'Bundesamt für Justiz' });
        assert.equal(received.origin, 'counterpart');
        // Every transition is in the audit trail with actor and reason.
        const audit = await admin.call<{ items: Json[] }>('GET', `/api/v1/audit?action=request.request-more-info&limit=50`, undefined, 200);
        const entry = audit.body.items.find((e) => e.target === `request:${iid}`);
        assert.equal(entry?.actorEmail, exec.email);
        assert.equal(entry?.change.reason, 'Please give the account holder\u2019s date of birth.');
      });
    }

    test('refusal with grounds and articles, postponement, withdrawal after transmission', async () => {
      const a = await sendRequest('extradition');
      await transition(exec, a.incoming.id, 'receive');
      const bad = await transition(exec, a.incoming.id, 'refuse', { reason: 'National', grounds: [{ ground: 'mla-essential-interests' }] }, 400);
      assert.equal(bad.body.code, 'unknown_refusal_ground');
      await transition(exec, a.incoming.id, 'refuse', { reason: 'The person sought is a German national.', grounds: [{ ground: 'ext-nationality' }] });
      const refused = await drafter.client.call<Json>('GET', `/api/v1/requests/${a.out.id}`, undefined, 200);
      assert.equal(refused.body.state, 'refused');
      assert.deepEqual(refused.body.refusal.grounds.map((g: Json) => g.citation), ['ETS-024 art. 6; UNTOC art. 16(10)']);

      const b = await sendRequest('mla');
      await transition(exec, b.incoming.id, 'receive');
      const noDate = await transition(exec, b.incoming.id, 'postpone', { reason: 'Ongoing trial here' }, 400);
      assert.equal(noDate.body.code, 'until_required');
      await transition(exec, b.incoming.id, 'postpone', { reason: 'Interferes with an ongoing trial here', until: '2099-01-31' });
      const postponed = await drafter.client.call<Json>('GET', `/api/v1/requests/${b.out.id}`, undefined, 200);
      assert.deepEqual([postponed.body.state, postponed.body.postponement], ['postponed', { reason: 'Interferes with an ongoing trial here', until: '2099-01-31' }]);
      await transition(exec, b.incoming.id, 'start-execution');
      await transition(drafter, b.out.id, 'withdraw', { reason: 'The suspect died; proceedings closed.' });
      const theirs = await exec.client.call<Json>('GET', `/api/v1/requests/${b.incoming.id}`, undefined, 200);
      assert.equal(theirs.body.state, 'withdrawn');
      assert.deepEqual(theirs.body.allowedActions, []);
    });

    test('submitting an incomplete request is refused with the list of what is missing and why', async () => {
      const created = await drafter.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', requestedState: 'deu', title: 'Bank records' }, 201);
      assert.equal(created.body.requestedState, 'DEU');
      const check = await drafter.client.call<Json>('GET', `/api/v1/requests/${created.body.id}/completeness`, undefined, 200);
      const fields = check.body.essentialMissing.map((i: Json) => i.field);
      for (const f of ['requestedOrganisationId', 'legalBasis', 'offences', 'facts', 'measures', 'purpose']) assert.ok(fields.includes(f), `${f} in ${fields}`);
      const facts = check.body.essentialMissing.find((i: Json) => i.field === 'facts');
      assert.match(facts.citation, /UNTOC art\. 18\(15\)\(c\)/);
      const refused = await transition(drafter, created.body.id, 'submit', {}, 409);
      assert.equal(refused.body.code, 'request_incomplete');
      assert.deepEqual(refused.body.essentialMissing, check.body.essentialMissing);
      const still = await drafter.client.call<Json>('GET', `/api/v1/requests/${created.body.id}`, undefined, 200);
      assert.equal(still.body.state, 'draft');
      // The same check on unsaved content (e.g. a file the CLI reads).
      const unsaved = await drafter.client.call<Json>('POST', '/api/v1/requests/check', body('mla', exec.organisationId), 200);
      assert.deepEqual(unsaved.body.essentialMissing, []);
    });

    test('bad input is 400 with per-field errors and stable codes', async () => {
      const cases: [Json, string][] = [
        [{ type: 'mla', requestedState: 'DEU', marking: 'PURPLE' }, 'validation_failed'],
        [{ type: 'mla', requestedState: 'DEU', surprise: 1 }, 'validation_failed'],
        [{ type: 'mla' }, 'requested_state_required'],
        [{ type: 'mla', requestedState: 'QQQ' }, 'unknown_country'],
        [{ type: 'mla', requestedState: 'DEU', legalBasis: { kind: 'treaty', instrument: 'UNTOK' } }, 'unknown_instrument'],
        [{ type: 'mla', requestedState: 'DEU', measures: [{ id: 'm1', kind: 'surrender-for-prosecution' }] }, 'measure_not_for_type'],
        [{ type: 'mla', requestedState: 'DEU', persons: [{ id: 'a', role: 'witness' }, { id: 'a', role: 'victim' }] }, 'duplicate_person_id'],
        [{ type: 'mla', requestedOrganisationId: drafter.organisationId }, 'requested_is_requesting'],
        [{ type: 'mla', requestedState: 'ITA', requestedOrganisationId: exec.organisationId }, 'requested_state_mismatch'],
      ];
      for (const [input, code] of cases) {
        const res = await drafter.client.call<Json>('POST', '/api/v1/requests', input);
        assert.equal(res.status, 400, `${JSON.stringify(input)} → ${res.text}`);
        assert.equal(res.body.code, code, JSON.stringify(input));
      }
      const field = await drafter.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', requestedState: 'DEU', deadline: '31/12/2025' }, 400);
      assert.deepEqual(field.body.errors.map((e: Json) => e.path), ['body.deadline']);
      const suggestions = await drafter.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', requestedState: 'DEU', legalBasis: { kind: 'treaty', instrument: 'UNTOK' } }, 400);
      assert.ok(suggestions.body.suggestions.includes('UNTOC'));
    });

    test('an offence category fills in its ICCS code where the taxonomy has one; a typed code is kept', async () => {
      const res = await drafter.client.call<Json>(
        'POST',
        '/api/v1/requests',
        { type: 'mla', requestedState: 'DEU', offences: [{ category: 'corruption' }, { category: 'money-laundering', iccs: '0704' }, { category: 'piracy' }] },
        201,
      );
      assert.deepEqual(
        res.body.offences.map((o: Json) => [o.category, o.iccs ?? null]),
        [
          ['corruption', '0703'],
          ['money-laundering', '0704'],
          ['piracy', null],
        ],
      );
    });

    test('four eyes: the drafter, an editor or the submitter cannot approve; only a supervisor can', async () => {
      const created = await sup2.client.call<Json>('POST', '/api/v1/requests', body('mla', exec.organisationId), 201);
      const id = created.body.id;
      await transition(sup2, id, 'submit');
      const self = await transition(sup2, id, 'approve', {}, 403);
      assert.equal(self.body.code, 'self_approval');
      const practitioner = await transition(drafter, id, 'approve', {}, 403);
      assert.equal(practitioner.body.code, 'forbidden');
      const queue = await sup1.client.call<{ items: Json[] }>('GET', '/api/v1/requests?awaitingMyApproval=true', undefined, 200);
      assert.ok(queue.body.items.some((i) => i.id === id), 'in the approval queue of the other supervisor');
      const own = await sup2.client.call<{ items: Json[] }>('GET', '/api/v1/requests?awaitingMyApproval=true', undefined, 200);
      assert.ok(!own.body.items.some((i) => i.id === id), 'not in the queue of its drafter');
      const asSeen = await sup1.client.call<Json>('GET', `/api/v1/requests/${id}`, undefined, 200);
      assert.ok(asSeen.body.allowedActions.includes('approve'));
      const approved = await transition(sup1, id, 'approve');
      assert.equal(approved.body.approvedBy.email, sup1.email);
      // The supervisors were told a request awaits their approval.
      const inbox = await sup1.client.call<{ items: Json[] }>('GET', '/api/v1/notifications', undefined, 200);
      assert.ok(inbox.body.items.some((n) => n.kind === 'approval-requested' && n.requestId === id));
    });

    test('optimistic locking: a stale version is 409 and nothing is lost', async () => {
      const created = await drafter.client.call<Json>('POST', '/api/v1/requests', { type: 'mla', requestedState: 'DEU', title: 'v1' }, 201);
      const id = created.body.id;
      const v = created.body.version;
      const [a, b] = await Promise.all([
        drafter.client.call<Json>('PATCH', `/api/v1/requests/${id}`, { version: v, facts: 'Facts from the first editor.' }),
        sup2.client.call<Json>('PATCH', `/api/v1/requests/${id}`, { version: v, purpose: 'Purpose from the second editor.' }),
      ]);
      const statuses = [a.status, b.status].sort();
      assert.deepEqual(statuses, [200, 409]);
      const loser = a.status === 409 ? a : b;
      assert.equal(loser.body.code, 'version_conflict');
      assert.equal(loser.body.currentVersion, v + 1);
      const now = await drafter.client.call<Json>('GET', `/api/v1/requests/${id}`, undefined, 200);
      assert.equal(now.body.version, v + 1);
      // The winner's change is there, and the loser can reapply on the new version.
      const retry = await (a.status === 409 ? drafter : sup2).client.call<Json>(
        'PATCH',
        `/api/v1/requests/${id}`,
        a.status === 409 ? { version: v + 1, facts: 'Facts from the first editor.' } : { version: v + 1, purpose: 'Purpose from the second editor.' },
        200,
      );
      assert.equal(retry.body.facts, 'Facts from the first editor.');
      assert.equal(retry.body.purpose, 'Purpose from the second editor.');
      assert.equal(retry.body.version, v + 2);
    });

    test('no edits after transmission; illegal and wrong-side transitions; scoping', async () => {
      const created = await drafter.client.call<Json>('POST', '/api/v1/requests', body('mla', exec.organisationId), 201);
      const id = created.body.id;
      // The requested authority does not see a draft; an outsider never sees it.
      assert.equal((await exec.client.call('GET', `/api/v1/requests/${id}`)).status, 404);
      assert.equal((await outsider.client.call('GET', `/api/v1/requests/${id}`)).status, 404);
      assert.equal((await viewer.client.call('GET', `/api/v1/requests/${id}`)).status, 200);
      assert.equal((await viewer.client.call('PATCH', `/api/v1/requests/${id}`, { version: 1, title: 'x' })).status, 403);
      const illegal = await transition(drafter, id, 'transmit', {}, 409);
      assert.equal(illegal.body.code, 'illegal_transition');
      assert.deepEqual(illegal.body.allowed, ['submit', 'withdraw']);
      await transition(drafter, id, 'submit');
      const locked = await drafter.client.call<Json>('PATCH', `/api/v1/requests/${id}`, { version: 2, title: 'changed' }, 409);
      assert.equal(locked.body.code, 'request_not_editable');
      assert.deepEqual(locked.body.allowed, ['return-to-draft']);
      await transition(sup1, id, 'approve');
      const sent = await transition(drafter, id, 'transmit');
      const edit = await drafter.client.call<Json>('PATCH', `/api/v1/requests/${id}`, { version: sent.body.version, title: 'changed' }, 409);
      assert.equal(edit.body.code, 'request_not_editable');
      const wrong = await transition(drafter, id, 'execute', {}, 403);
      assert.equal(wrong.body.code, 'wrong_side');
      const stale = await transition(drafter, id, 'withdraw', { reason: 'x', version: 1 }, 409);
      assert.equal(stale.body.code, 'version_conflict');
      const incoming = await incomingFor(created.body.conversationId);
      const early = await transition(exec, incoming.id, 'execute', {}, 409);
      assert.deepEqual(early.body.allowed, ['receive']);
      // The outbox carried exactly one transmission for this conversation, delivered.
      const audit = await admin.call<{ items: Json[] }>('GET', `/api/v1/audit?action=request.incoming&limit=100`, undefined, 200);
      assert.equal(audit.body.items.filter((e) => e.change.conversationId === created.body.conversationId).length, 1);
    });

    test('attachments: raw and base64, stored by SHA-256; over the limit 413 and nothing stored', async () => {
      const created = await drafter.client.call<Json>('POST', '/api/v1/requests', body('mla', exec.organisationId), 201);
      const id = created.body.id;
      const bytes = Buffer.from('%PDF-1.4 bank statement of account DE89…\n'.repeat(100));
      const sha = createHash('sha256').update(bytes).digest('hex');
      const raw = await drafter.client.raw('POST', `/api/v1/requests/${id}/attachments?filename=${encodeURIComponent('relevé bancaire.pdf')}`, {
        body: bytes,
        headers: { 'content-type': 'application/pdf' },
      } as never);
      assert.equal(raw.status, 201, raw.text);
      assert.equal((raw.body as Json).sha256, sha);
      assert.equal((raw.body as Json).filename, 'relevé bancaire.pdf');
      const json = await drafter.client.call<Json>('POST', `/api/v1/requests/${id}/attachments`, { filename: 'note.txt', mediaType: 'text/plain', contentBase64: Buffer.from('hello').toString('base64') }, 201);
      assert.equal(json.body.size, 5);
      const blobDir = join(t.dataDir, 'blobs');
      assert.ok(existsSync(join(blobDir, sha.slice(0, 2), sha)), 'stored under its hash');

      const big = Buffer.alloc(200_001, 7);
      const bigSha = createHash('sha256').update(big).digest('hex');
      const tooBig = await drafter.client.raw('POST', `/api/v1/requests/${id}/attachments?filename=big.bin`, { body: big, headers: { 'content-type': 'application/octet-stream' } } as never);
      assert.equal(tooBig.status, 413);
      assert.equal((tooBig.body as Json).code, 'attachment_too_large');
      const tooBigJson = await drafter.client.call<Json>('POST', `/api/v1/requests/${id}/attachments`, { filename: 'big.bin', contentBase64: big.toString('base64') });
      assert.equal(tooBigJson.status, 413);
      assert.ok(!existsSync(join(blobDir, bigSha.slice(0, 2), bigSha)), 'nothing stored');
      const after = await drafter.client.call<Json>('GET', `/api/v1/requests/${id}`, undefined, 200);
      assert.deepEqual(after.body.attachments.map((a: Json) => a.filename), ['relevé bancaire.pdf', 'note.txt']);

      // The files travel with the request; the requested side downloads the same bytes.
      await transition(drafter, id, 'submit');
      await transition(sup1, id, 'approve');
      await transition(drafter, id, 'transmit');
      const incoming = await incomingFor(created.body.conversationId);
      const file = incoming.attachments.find((a: Json) => a.sha256 === sha);
      const got = await binary(exec.client, `/api/v1/requests/${incoming.id}/attachments/${file.id}`);
      assert.equal(got.status, 200);
      assert.equal(createHash('sha256').update(got.bytes).digest('hex'), sha);
      assert.equal((await binary(outsider.client, `/api/v1/requests/${incoming.id}/attachments/${file.id}`)).status, 404);
    });

    test('documents: PDF and DOCX carry the legal-basis citation; Arabic is right-to-left; the SHA-256 is audited', async () => {
      const { out, incoming } = await sendRequest('mla');
      const pdf = await binary(drafter.client, `/api/v1/requests/${out.id}/document?format=pdf&lang=en`);
      assert.equal(pdf.status, 200, pdf.text);
      assert.equal(pdf.headers.get('content-type'), 'application/pdf');
      assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
      const text = pdfText(pdf.bytes);
      assert.match(text, /UNTOC art\. 18/);
      assert.match(text, /Request for mutual legal assistance/);
      assert.match(text, /TLP:AMBER/);
      assert.match(text, /Berliner Handelsbank AG/, 'user text as entered');
      const sha = createHash('sha256').update(pdf.bytes).digest('hex');
      assert.equal(pdf.headers.get('x-content-sha256'), sha);
      const audit = await admin.call<{ items: Json[] }>('GET', '/api/v1/audit?action=request.document&limit=50', undefined, 200);
      assert.ok(audit.body.items.some((e) => e.change.sha256 === sha && e.change.format === 'pdf' && e.target === `request:${out.id}`), 'SHA-256 in the audit trail');

      const ar = await binary(drafter.client, `/api/v1/requests/${out.id}/document?format=pdf&lang=ar`);
      assert.equal(ar.status, 200);
      const arText = pdfText(ar.bytes);
      assert.match(arText, /UNTOC art\. 18/);
      assert.match(arText, /الأساس القانوني/, 'Arabic template text, shaped and extractable');
      const zh = pdfText((await binary(drafter.client, `/api/v1/requests/${out.id}/document?format=pdf&lang=zh`)).bytes);
      assert.match(zh, /刑事司法协助请求/);

      const docx = await binary(drafter.client, `/api/v1/requests/${out.id}/document?format=docx&lang=fr`);
      assert.equal(docx.status, 200);
      const xml = docxXml(docx.bytes);
      assert.match(xml, /UNTOC art\. 18/);
      assert.match(xml, /Demande d’entraide judiciaire en matière pénale/);
      const arDocx = docxXml((await binary(drafter.client, `/api/v1/requests/${out.id}/document?format=docx&lang=ar`)).bytes);
      assert.match(arDocx, /<w:bidi\/>/, 'right-to-left paragraphs');
      assert.match(arDocx, /<w:rtl\/>/, 'right-to-left runs');
      // The requested side prints the same letter, with the requesting side's reference.
      const theirs = pdfText((await binary(exec.client, `/api/v1/requests/${incoming.id}/document?format=pdf`)).bytes);
      assert.match(theirs, new RegExp(out.reference));
      assert.equal((await binary(outsider.client, `/api/v1/requests/${out.id}/document?format=pdf`)).status, 404);
    });

    test('deadlines: a service level makes an unacknowledged request overdue and reminds through the job queue', async () => {
      const bad = await sup1.client.call<Json>('PUT', '/api/v1/service-levels', { counterpartOrganisationId: exec.organisationId, counterpartState: 'DEU', acknowledgeDays: 1, executeDays: 1 }, 400);
      assert.equal(bad.body.code, 'one_counterpart');
      assert.equal((await drafter.client.call('PUT', '/api/v1/service-levels', { acknowledgeDays: 1, executeDays: null })).status, 403);
      // "Acknowledge within 0 days": overdue as soon as the job looks.
      await sup1.client.call('PUT', '/api/v1/service-levels', { counterpartOrganisationId: exec.organisationId, acknowledgeDays: 0, executeDays: 90, reminderDays: 3 }, 200);
      const levels = await drafter.client.call<{ items: Json[] }>('GET', '/api/v1/service-levels', undefined, 200);
      assert.deepEqual(levels.body.items.map((l) => [l.counterpartOrganisationId, l.acknowledgeDays]), [[exec.organisationId, 0]]);
      const { out, incoming } = await sendRequest('mla');
      const overdue = await poll('the request to be marked overdue', async () => {
        const r = await drafter.client.call<Json>('GET', `/api/v1/requests/${out.id}`, undefined, 200);
        return r.body.overdue.includes('acknowledgement') ? r.body : undefined;
      });
      assert.equal(overdue.version, out.version, 'marking overdue is not an edit');
      const note = await poll('the reminder', async () => {
        const inbox = await drafter.client.call<{ items: Json[]; unread: number }>('GET', '/api/v1/notifications?unread=true', undefined, 200);
        return inbox.body.items.find((n) => n.kind === 'acknowledgement-overdue' && n.requestId === out.id);
      });
      assert.match(note.message, /has not acknowledged/);
      const list = await drafter.client.call<{ items: Json[] }>('GET', '/api/v1/requests?overdue=true', undefined, 200);
      assert.ok(list.body.items.some((i) => i.id === out.id));
      const before = (await drafter.client.call<{ unread: number }>('GET', '/api/v1/notifications', undefined, 200)).body.unread;
      const read = await drafter.client.call<Json>('POST', `/api/v1/notifications/${note.id}/read`, undefined, 200);
      assert.ok(read.body.readAt);
      assert.equal((await drafter.client.call<{ unread: number }>('GET', '/api/v1/notifications', undefined, 200)).body.unread, before - 1);
      assert.equal((await exec.client.call('POST', `/api/v1/notifications/${note.id}/read`)).status, 404, 'another user\u2019s notification');
      // Once acknowledged, the job lifts the flag; the reminder is not raised twice.
      await transition(exec, incoming.id, 'receive');
      await poll('the overdue flag to be lifted', async () => {
        const r = await drafter.client.call<Json>('GET', `/api/v1/requests/${out.id}`, undefined, 200);
        return r.body.overdue.length === 0 ? true : undefined;
      });
      const inbox = await drafter.client.call<{ items: Json[] }>('GET', '/api/v1/notifications?limit=200', undefined, 200);
      assert.equal(inbox.body.items.filter((n) => n.kind === 'acknowledgement-overdue' && n.requestId === out.id).length, 1);
      // The requested authority was told of the incoming request.
      const theirs = await exec.client.call<{ items: Json[] }>('GET', '/api/v1/notifications?limit=200', undefined, 200);
      assert.ok(theirs.body.items.some((n) => n.kind === 'incoming-request' && n.requestId === incoming.id));
      await sup1.client.call('DELETE', `/api/v1/service-levels?counterpartOrganisationId=${exec.organisationId}`, undefined, 204);
    });

    test('statistics per counterpart State and type: counts, median and p90 days, refusal grounds', async () => {
      const stats = await sup1.client.call<Json>('GET', '/api/v1/requests/statistics', undefined, 200);
      const mla = stats.body.groups.find((g: Json) => g.counterpartState === 'DEU' && g.type === 'mla');
      assert.ok(mla.total >= 4);
      assert.ok(mla.byState.executed >= 1);
      assert.ok(mla.acknowledge.count >= 1 && mla.acknowledge.medianDays >= 0 && mla.acknowledge.p90Days >= mla.acknowledge.medianDays);
      assert.ok(mla.execute.count >= 1);
      const ext = stats.body.groups.find((g: Json) => g.counterpartState === 'DEU' && g.type === 'extradition');
      assert.deepEqual(ext.refusalGrounds, [{ ground: 'ext-nationality', citation: 'ETS-024 art. 6; UNTOC art. 16(10)', count: 1 }]);
      const incoming = await exec.client.call<Json>('GET', '/api/v1/requests/statistics?side=requested', undefined, 200);
      assert.ok(incoming.body.groups.every((g: Json) => g.counterpartState === 'FRA'));
      assert.equal((await outsider.client.call<Json>('GET', '/api/v1/requests/statistics', undefined, 200)).body.totals.total, 0, 'scoped to the organisation');
    });

    test('the audit trail still verifies', async () => {
      const v = await admin.call<{ ok: boolean }>('GET', '/api/v1/audit/verify', undefined, 200);
      assert.equal(v.body.ok, true);
    });
  });
}

describe('PDF without Chromium', () => {
  test('PDF is 503 naming the package to install; DOCX still works', async () => {
    const backend = testBackends()[0]!;
    const previous = process.env.COMITY_CHROMIUM_PATH;
    process.env.COMITY_CHROMIUM_PATH = '/nonexistent/chromium';
    let t: TestNode | undefined;
    try {
      t = await startTestNode(backend, { loginRateLimit: 1000 });
      const admin = new ApiClient(t.url);
      await admin.signIn(t.admin.email, ADMIN_PASSWORD);
      const exec = await makeUser(admin, { role: 'practitioner', country: 'DEU' });
      const drafter = await makeUser(admin, { role: 'practitioner', country: 'FRA' });
      const created = await drafter.client.call<Json>('POST', '/api/v1/requests', body('mla', exec.organisationId), 201);
      const pdf = await drafter.client.call<Json>('GET', `/api/v1/requests/${created.body.id}/document?format=pdf`);
      assert.equal(pdf.status, 503);
      assert.equal(pdf.body.code, 'pdf_renderer_unavailable');
      assert.match(pdf.body.detail, /apt-get install chromium/);
      const docx = await binary(drafter.client, `/api/v1/requests/${created.body.id}/document?format=docx`);
      assert.equal(docx.status, 200);
      assert.match(docxXml(docx.bytes), /UNTOC art\. 18/);
    } finally {
      if (previous === undefined) delete process.env.COMITY_CHROMIUM_PATH;
      else process.env.COMITY_CHROMIUM_PATH = previous;
      await t?.close();
    }
  });
});
