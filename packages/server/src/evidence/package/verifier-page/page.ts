// The offline verifier page shipped in every court package: one HTML file, this script inlined,
// no network (its CSP allows no fetch at all). The expert chooses the package's ZIP; the page reads
// it through File.slice (never the whole archive at once) and runs core's `verifyPackage` with
// WebCrypto (SHA-256, SHA-512, Ed25519) and the tsa capability's RFC 3161 checks (pkijs on
// WebCrypto): the same code as `comity evidence verify`. Its words are in the six UN languages
// (strings.ts): the browser's language first, a switcher, Arabic right to left.
import { type PackageReport, type PackageVerifierCrypto, verifyPackage } from '@comity/core/evidence/package-verify';
import type { RandomAccessSource } from '@comity/core/evidence/package-zip';
import { checkTimestampForPackage } from '../timestamp-check.ts';
import { LANGUAGE_NAMES, LANGUAGES, type Lang, pickLanguage, STRINGS, type Strings } from './strings.ts';

function fromBase64url(s: string): Uint8Array {
  const b = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4));
  return Uint8Array.from(b, (c) => c.charCodeAt(0));
}

function hex(buf: ArrayBuffer): string {
  return Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
}

const subtle = globalThis.crypto.subtle;

const webCrypto: PackageVerifierCrypto = {
  async digest(alg, data) {
    return hex(await subtle.digest(alg, data as Uint8Array<ArrayBuffer>));
  },
  async digestRange(src, offset, length, algs) {
    const bytes = await src.read(offset, length);
    const out: Partial<Record<'SHA-256' | 'SHA-512', string>> = {};
    for (const a of algs) out[a] = hex(await subtle.digest(a, bytes as Uint8Array<ArrayBuffer>));
    return out;
  },
  async verifyEd25519(publicKey, message, signature) {
    try {
      const key = await subtle.importKey('raw', fromBase64url(publicKey) as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, false, ['verify']);
      return await subtle.verify({ name: 'Ed25519' }, key, fromBase64url(signature) as Uint8Array<ArrayBuffer>, message as Uint8Array<ArrayBuffer>);
    } catch {
      return false;
    }
  },
  checkTimestampToken: checkTimestampForPackage,
};

function fileSource(file: File): RandomAccessSource {
  return {
    size: file.size,
    read: async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()),
  };
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string>, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

let lang: Lang = pickLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
/** What the page shows now, re-rendered when the language changes. */
let shown: { kind: 'report'; report: PackageReport; fileName: string } | { kind: 'working'; fileName: string } | { kind: 'stopped'; message: string } | null = null;

function render(report: PackageReport, fileName: string): HTMLElement {
  const s = STRINGS[lang];
  const root = el('section', { 'data-testid': 'report' });
  const verdict = report.ok
    ? el('p', { class: 'verdict ok', 'data-testid': 'verdict', 'data-ok': 'true' }, s.verified(fileName))
    : el('p', { class: 'verdict bad', 'data-testid': 'verdict', 'data-ok': 'false' }, s.notVerified(fileName, report.problems.length));
  root.append(verdict);
  if (report.problems.length) {
    const list = el('ol', { 'data-testid': 'problems' });
    for (const p of report.problems) {
      const where = [p.path, p.itemId ? `${s.item} ${p.itemId}` : '', p.seq ? `${s.event} ${p.seq}` : ''].filter(Boolean).join(' · ');
      list.append(el('li', { 'data-code': p.code }, el('code', { dir: 'ltr' }, p.code), ' ', el('span', { lang: 'en', dir: 'ltr' }, p.message), where ? el('small', {}, ` (${where})`) : ''));
    }
    root.append(el('h2', {}, s.problems), list);
  }
  const pkg = report.package;
  if (pkg) {
    const dl = el('dl', { 'data-testid': 'package' });
    const row = (k: string, v: string) => dl.append(el('dt', {}, k), el('dd', {}, v));
    row(s.subject, `${s.kinds[pkg.subject.kind as keyof Strings['kinds']] ?? pkg.subject.kind} ${pkg.subject.reference ?? pkg.subject.id}${pkg.subject.title ? ` — ${pkg.subject.title}` : ''}`);
    row(s.built, s.builtBy(pkg.createdAt, pkg.createdBy.email, pkg.createdBy.organisation));
    row(s.signedBy, `${pkg.node.nodeId} — ${pkg.node.authority} (${pkg.node.state})`);
    row(s.fingerprint, pkg.node.signingKeyFingerprint);
    row(s.manifestSignature, report.checked.signature ? s.valid : s.notValid);
    row(
      s.checked,
      s.checkedValue({ files: report.checked.files, bytes: report.checked.bytes, events: report.checked.custodyEvents, tokens: report.checked.timestamps }),
    );
    root.append(el('h2', {}, s.package), dl, el('p', { class: 'note' }, s.fingerprintNote));
  }
  if (report.items.length) {
    const table = el('table', { 'data-testid': 'items' });
    table.append(el('tr', {}, ...s.columns.map((c) => el('th', {}, c))));
    for (const it of report.items) {
      const ts = it.timestamps.map((t) => `${t.ok ? '✓' : '✗'} ${t.genTime ?? '?'} (${t.tsa})`).join('\n') || '—';
      table.append(
        el(
          'tr',
          { 'data-item': it.id },
          el('td', { dir: 'auto' }, it.title),
          el('td', {}, el('code', { dir: 'ltr' }, it.sha256 ?? '')),
          el('td', {}, String(it.custodyEvents)),
          el('td', { dir: 'ltr' }, ts),
          el('td', {}, it.ok ? s.itemVerified : s.itemNotVerified),
        ),
      );
    }
    root.append(el('h2', {}, s.items), table);
  }
  return root;
}

function show(): void {
  const out = document.getElementById('out') as HTMLElement;
  const s = STRINGS[lang];
  if (!shown) out.replaceChildren();
  else if (shown.kind === 'working') out.replaceChildren(el('p', { 'data-testid': 'working' }, s.checking(shown.fileName)));
  else if (shown.kind === 'stopped') out.replaceChildren(el('p', { class: 'verdict bad', 'data-testid': 'verdict', 'data-ok': 'false' }, s.stopped(shown.message)));
  else out.replaceChildren(render(shown.report, shown.fileName));
}

/** The page's own words in the chosen language; Arabic right to left. */
function applyLanguage(next: Lang): void {
  lang = next;
  const s = STRINGS[lang];
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
  document.title = s.title;
  const text: Record<string, string> = { 't-title': s.title, 't-intro': s.intro, 't-choose': s.choose, 't-drop': s.orDrop, 't-language': s.language };
  for (const [id, value] of Object.entries(text)) {
    const node = document.getElementById(id);
    if (node) node.textContent = value;
  }
  const select = document.getElementById('lang') as HTMLSelectElement | null;
  if (select) select.value = lang;
  show();
}

async function run(file: File): Promise<void> {
  shown = { kind: 'working', fileName: file.name };
  show();
  try {
    const report = await verifyPackage(fileSource(file), webCrypto);
    shown = { kind: 'report', report, fileName: file.name };
  } catch (err) {
    shown = { kind: 'stopped', message: (err as Error).message };
  }
  show();
}

const select = document.getElementById('lang') as HTMLSelectElement;
for (const l of LANGUAGES) select.append(el('option', { value: l, lang: l }, LANGUAGE_NAMES[l]));
select.addEventListener('change', () => applyLanguage(select.value as Lang));
applyLanguage(lang);

const input = document.getElementById('package') as HTMLInputElement;
input.addEventListener('change', () => {
  const f = input.files?.[0];
  if (f) void run(f);
});
document.body.addEventListener('dragover', (e) => e.preventDefault());
document.body.addEventListener('drop', (e) => {
  e.preventDefault();
  const f = e.dataTransfer?.files[0];
  if (f) void run(f);
});
