// The offline verifier page shipped in every court package: one HTML file, this script inlined,
// no network (its CSP allows no fetch at all). The expert chooses the package's ZIP; the page reads
// it through File.slice (never the whole archive at once) and runs core's `verifyPackage` with
// WebCrypto (SHA-256, SHA-512, Ed25519) and the tsa capability's RFC 3161 checks (pkijs on
// WebCrypto): the same code as `comity evidence verify`.
import { type PackageReport, type PackageVerifierCrypto, verifyPackage } from '@comity/core/evidence/package-verify';
import type { RandomAccessSource } from '@comity/core/evidence/package-zip';
import { checkTimestampForPackage } from '../timestamp-check.ts';

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

function render(report: PackageReport, fileName: string): HTMLElement {
  const root = el('section', { 'data-testid': 'report' });
  const verdict = report.ok
    ? el('p', { class: 'verdict ok', 'data-testid': 'verdict', 'data-ok': 'true' }, `VERIFIED — ${fileName}: every file, hash, custody event, timestamp and the manifest signature check out.`)
    : el(
        'p',
        { class: 'verdict bad', 'data-testid': 'verdict', 'data-ok': 'false' },
        `NOT VERIFIED — ${fileName}: ${report.problems.length} ${report.problems.length === 1 ? 'problem' : 'problems'} found.`,
      );
  root.append(verdict);
  if (report.problems.length) {
    const list = el('ol', { 'data-testid': 'problems' });
    for (const p of report.problems) {
      const where = [p.path, p.itemId ? `item ${p.itemId}` : '', p.seq ? `event ${p.seq}` : ''].filter(Boolean).join(' · ');
      list.append(el('li', { 'data-code': p.code }, el('code', {}, p.code), ' ', p.message, where ? el('small', {}, ` (${where})`) : ''));
    }
    root.append(el('h2', {}, 'Problems'), list);
  }
  const pkg = report.package;
  if (pkg) {
    const dl = el('dl', { 'data-testid': 'package' });
    const row = (k: string, v: string) => dl.append(el('dt', {}, k), el('dd', {}, v));
    row('Subject', `${pkg.subject.kind} ${pkg.subject.reference ?? pkg.subject.id}${pkg.subject.title ? ` — ${pkg.subject.title}` : ''}`);
    row('Built', `${pkg.createdAt} by ${pkg.createdBy.email} (${pkg.createdBy.organisation})`);
    row('Signed by node', `${pkg.node.nodeId} — ${pkg.node.authority} (${pkg.node.state})`);
    row('Signing key fingerprint', pkg.node.signingKeyFingerprint);
    row('Manifest signature', report.checked.signature ? 'valid' : 'NOT valid');
    row('Checked', `${report.checked.files} files (${report.checked.bytes} bytes), ${report.checked.custodyEvents} custody events, ${report.checked.timestamps} timestamp tokens`);
    root.append(
      el('h2', {}, 'Package'),
      dl,
      el('p', { class: 'note' }, 'Compare the fingerprint with the one the authority that built the package gives you by another channel: it is what ties the package to that node.'),
    );
  }
  if (report.items.length) {
    const table = el('table', { 'data-testid': 'items' });
    table.append(el('tr', {}, el('th', {}, 'Item'), el('th', {}, 'SHA-256'), el('th', {}, 'Custody events'), el('th', {}, 'Timestamps'), el('th', {}, 'Result')));
    for (const it of report.items) {
      const ts = it.timestamps.map((t) => `${t.ok ? '✓' : '✗'} ${t.genTime ?? '?'} (${t.tsa})`).join('\n') || '—';
      table.append(
        el('tr', { 'data-item': it.id }, el('td', {}, it.title), el('td', {}, el('code', {}, it.sha256 ?? '')), el('td', {}, String(it.custodyEvents)), el('td', {}, ts), el('td', {}, it.ok ? 'verified' : 'NOT verified')),
      );
    }
    root.append(el('h2', {}, 'Items'), table);
  }
  return root;
}

async function run(file: File): Promise<void> {
  const out = document.getElementById('out') as HTMLElement;
  out.replaceChildren(el('p', { 'data-testid': 'working' }, `Checking ${file.name} …`));
  try {
    const report = await verifyPackage(fileSource(file), webCrypto);
    out.replaceChildren(render(report, file.name));
  } catch (err) {
    out.replaceChildren(el('p', { class: 'verdict bad', 'data-testid': 'verdict', 'data-ok': 'false' }, `NOT VERIFIED — the check stopped: ${(err as Error).message}`));
  }
}

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
