import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import { test } from 'node:test';
import type { Hasher, Signer, Verifier } from '../shared/ports.ts';
import {
  type AuditEntry,
  type AuditHead,
  GENESIS_HASH,
  auditChange,
  auditText,
  changeDigest,
  linkAuditEntry,
  signAuditHead,
  verifyAuditChain,
} from './audit-chain.ts';
import { prepareAuditEntry, prepareUnnumberedAuditEntry } from './audit-log.ts';

const hasher: Hasher = { sha256Hex: (t) => createHash('sha256').update(t, 'utf8').digest('hex') };
const keys = generateKeyPairSync('ed25519');
const signer: Signer = { keyId: 'k1', sign: (t) => sign(null, Buffer.from(t), keys.privateKey).toString('base64url') };
const verifier: Verifier = { verify: (t, s) => verify(null, Buffer.from(t), keys.publicKey, Buffer.from(s, 'base64url')) };

function trail(n: number): { entries: (AuditEntry & { change: unknown })[]; head: AuditHead } {
  const entries: (AuditEntry & { change: unknown })[] = [];
  let prev: AuditEntry | null = null;
  for (let i = 0; i < n; i++) {
    const change = { i, note: `change ${i}` };
    const e = linkAuditEntry(
      hasher,
      prev,
      { actorId: 'u1', actorEmail: 'a@b.c', organisationId: 'o1', action: 'thing.do', target: `thing:${i}`, requestId: `r${i}`, change },
      new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
    );
    entries.push({ ...e, change });
    prev = e;
  }
  return { entries, head: signAuditHead(signer, prev!) };
}

test('a fresh trail verifies and links from the genesis hash', () => {
  const { entries, head } = trail(5);
  assert.equal(entries[0]!.prevHash, GENESIS_HASH);
  assert.equal(entries[3]!.prevHash, entries[2]!.hash);
  assert.deepEqual(verifyAuditChain(hasher, verifier, entries, head), { ok: true, entries: 5 });
});

test('golden vector: the entry hash is stable across implementations', () => {
  const e = linkAuditEntry(
    hasher,
    null,
    { actorId: null, actorEmail: null, organisationId: null, action: 'node.bootstrap', target: 'node', requestId: null, change: { b: 2, a: 1 } },
    new Date('2026-01-01T00:00:00.000Z'),
  );
  // digest = sha256('{"a":1,"b":2}'); hash = sha256 of the canonical entry (see interop/audit-chain).
  assert.equal(e.digest, createHash('sha256').update('{"a":1,"b":2}').digest('hex'));
  const canonical =
    '{"action":"node.bootstrap","actorEmail":null,"actorId":null,"at":"2026-01-01T00:00:00.000Z",' +
    `"digest":"${e.digest}","organisationId":null,"prevHash":"${GENESIS_HASH}","requestId":null,"seq":1,"target":"node"}`;
  assert.equal(e.hash, createHash('sha256').update(canonical).digest('hex'));
});

test('an edited field is detected at that entry', () => {
  const { entries, head } = trail(5);
  entries[2] = { ...entries[2]!, action: 'thing.undo' };
  const r = verifyAuditChain(hasher, verifier, entries, head);
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.firstBroken, 3);
});

test('an edited change record is detected through its digest', () => {
  const { entries, head } = trail(4);
  entries[1] = { ...entries[1]!, change: { i: 1, note: 'rewritten' } };
  const r = verifyAuditChain(hasher, verifier, entries, head);
  assert.equal(!r.ok && r.firstBroken, 2);
});

test('a deleted middle entry is detected at the gap', () => {
  const { entries, head } = trail(5);
  entries.splice(1, 1);
  const r = verifyAuditChain(hasher, verifier, entries, head);
  assert.equal(!r.ok && r.firstBroken, 2);
});

test('reordered entries are detected', () => {
  const { entries, head } = trail(5);
  const a = entries[1]!;
  const b = entries[2]!;
  entries[1] = { ...b, seq: 2 };
  entries[2] = { ...a, seq: 3 };
  const r = verifyAuditChain(hasher, verifier, entries, head);
  assert.equal(!r.ok && r.firstBroken, 2);
});

test('a removed tail is detected by the signed head', () => {
  const { entries, head } = trail(5);
  entries.pop();
  const r = verifyAuditChain(hasher, verifier, entries, head);
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.firstBroken, 5);
});

test('a forged head signature is detected', () => {
  const { entries, head } = trail(3);
  const other = generateKeyPairSync('ed25519');
  const forged = { ...head, signature: sign(null, Buffer.from('x'), other.privateKey).toString('base64url') };
  assert.equal(verifyAuditChain(hasher, verifier, entries, forged).ok, false);
});

test('a rewritten trail with recomputed hashes still fails without the node key', () => {
  const { entries, head } = trail(3);
  // The attacker rebuilds the whole chain consistently but cannot sign the new head.
  const rebuilt: AuditEntry[] = [];
  let prev: AuditEntry | null = null;
  for (const e of entries) {
    const n = linkAuditEntry(hasher, prev, { ...e, action: 'forged', change: {} }, new Date(e.at));
    rebuilt.push(n);
    prev = n;
  }
  assert.equal(verifyAuditChain(hasher, verifier, rebuilt, head).ok, false);
});

test('an empty trail with no head is fine; entries without a head are not', () => {
  assert.deepEqual(verifyAuditChain(hasher, verifier, [], null), { ok: true, entries: 0 });
  const { entries } = trail(2);
  assert.equal(verifyAuditChain(hasher, verifier, entries, null).ok, false);
});

const kinds = (r: ReturnType<typeof verifyAuditChain>) => (r.ok ? [] : r.problems.map((p) => `${p.seq}:${p.kind}`));

test('two edits far apart are both reported, each once', () => {
  const { entries, head } = trail(20);
  entries[2] = { ...entries[2]!, target: 'thing:elsewhere' };
  entries[16] = { ...entries[16]!, change: { i: 16, note: 'rewritten' } };
  const r = verifyAuditChain(hasher, verifier, entries, head);
  assert.deepEqual(kinds(r), ['3:altered', '17:change_altered']);
  assert.equal(!r.ok && r.firstBroken, 3);
  assert.equal(!r.ok && r.reason, 'entry 3 was altered after it was written');
});

test('a gap and a later edit are both reported', () => {
  const { entries, head } = trail(12);
  entries[9] = { ...entries[9]!, action: 'thing.undo' };
  entries.splice(3, 2);
  const r = verifyAuditChain(hasher, verifier, entries, head);
  assert.deepEqual(kinds(r), ['4:missing', '10:altered']);
  assert.match(!r.ok ? r.problems[0]!.reason : '', /entries 4 to 5 are missing/);
});

test('an edit whose later hashes were recomputed shows as one unlinked entry, and a removed tail as well', () => {
  const { entries, head } = trail(8);
  const forged = linkAuditEntry(hasher, entries[1]!, { ...entries[2]!, action: 'forged', change: entries[2]!.change as Record<string, unknown> }, new Date(entries[2]!.at));
  entries[2] = forged;
  entries.splice(6);
  assert.deepEqual(kinds(verifyAuditChain(hasher, verifier, entries, head)), ['4:unlinked', '7:tail_removed']);
});

test('the anchor kept outside the database catches a tail removed together with its head', () => {
  const { entries } = trail(6);
  const anchor = { seq: 5, hash: entries[4]!.hash };
  const cut = entries.slice(0, 3);
  const rehead = signAuditHead(signer, cut[2]!);
  // Someone able to sign (or who kept an older head) cannot hide the cut from the anchor.
  assert.deepEqual(kinds(verifyAuditChain(hasher, verifier, cut, rehead, { anchor })), ['4:truncated']);
  // The anchor may lag the trail: the full trail still verifies.
  assert.deepEqual(verifyAuditChain(hasher, verifier, entries, signAuditHead(signer, entries[5]!), { anchor }), { ok: true, entries: 6 });
  // An anchor whose entry now has another hash.
  assert.deepEqual(kinds(verifyAuditChain(hasher, verifier, entries, signAuditHead(signer, entries[5]!), { anchor: { seq: 5, hash: entries[3]!.hash } })), [
    '5:anchor_mismatch',
  ]);
  // Everything deleted, the anchor still remembers.
  assert.deepEqual(kinds(verifyAuditChain(hasher, verifier, [], null, { anchor })), ['1:truncated']);
});

test('an empty trail verifies only on a node without past activity', () => {
  assert.deepEqual(verifyAuditChain(hasher, verifier, [], null, { pastActivity: false }), { ok: true, entries: 0 });
  const r = verifyAuditChain(hasher, verifier, [], null, { pastActivity: true });
  assert.deepEqual(kinds(r), ['1:emptied']);
  assert.equal(!r.ok && r.firstBroken, 1);
});

test('auditText: lone surrogates and NUL become U+FFFD, pairs and other text stay', () => {
  assert.equal(auditText('\ud800x'), '\ufffdx');
  assert.equal(auditText('x\udfff'), 'x\ufffd');
  assert.equal(auditText('\udc00\ud800'), '\ufffd\ufffd');
  assert.equal(auditText('a\u0000b'), 'a\ufffdb');
  assert.equal(auditText('𝄞 مرحبا \u202e'), '𝄞 مرحبا \u202e');
  assert.equal(auditText('\ud834\udd1e\ud834'), '𝄞\ufffd');
});

test('an entry is linked over its canonical text, so what a store returns hashes the same', () => {
  const e = linkAuditEntry(
    hasher,
    null,
    { actorId: null, actorEmail: 'a\u0000@b.c', organisationId: null, action: 'x', target: '\ud800x', requestId: '\udfff', change: { '\ud800k': ['\u0000', { n: 1, s: 'ok' }] } },
    new Date('2026-01-01T00:00:00.000Z'),
  );
  assert.equal(e.target, '\ufffdx');
  assert.equal(e.actorEmail, 'a\ufffd@b.c');
  assert.equal(e.requestId, '\ufffd');
  assert.deepEqual(e.change, { '\ufffdk': ['\ufffd', { n: 1, s: 'ok' }] });
  assert.equal(e.digest, changeDigest(hasher, e.change));
  // The store's copy (UTF-8 text, jsonb) is what verification sees.
  const stored = JSON.parse(Buffer.from(JSON.stringify({ ...e }), 'utf8').toString('utf8')) as AuditEntry & { change: unknown };
  assert.deepEqual(verifyAuditChain(hasher, verifier, [stored], signAuditHead(signer, e)), { ok: true, entries: 1 });
  assert.deepEqual(auditChange({ ['__proto__']: 1 } as Record<string, unknown>), JSON.parse('{"__proto__":1}'));
});

test('an unnumbered entry: the bytes around its number give the same hash as the numbered entry, whatever its texts hold', () => {
  const at = new Date(Date.UTC(2026, 10, 30, 12, 0, 0));
  const tricky = ['plain', ',"seq":0,"target":', '\\",\\"seq\\":0,\\"target\\":', 'الأدلة ✓ 😀', '\u0000\ud800'];
  for (const text of tricky) {
    const input = { actorId: null, actorEmail: text, organisationId: null, action: `a.${text}`, target: text, requestId: text, change: { [text]: text } };
    for (const seq of [1, 9, 10, 12345, 2147483647]) {
      const numbered = prepareAuditEntry(hasher, seq, input, at);
      const parts = prepareUnnumberedAuditEntry(hasher, input, at);
      assert.equal(hasher.sha256Hex(`${parts.textBefore}${seq}${parts.textAfter}`), numbered.hash, `seq ${seq}, text ${JSON.stringify(text)}`);
      assert.equal(parts.digest, numbered.digest);
      assert.deepEqual(parts.change, numbered.change);
    }
  }
});
