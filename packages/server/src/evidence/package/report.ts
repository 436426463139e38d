// The court package's human-readable report: one self-contained HTML page per language, printed to
// PDF by the letters' Chromium renderer (JavaScript off, nothing fetched, the marking in every
// page's header and footer). Arabic is laid out right-to-left; recorded values (titles, e-mail
// addresses, hashes) keep their own direction with dir="auto" / <bdi>.
import type { PackageManifest } from '@comity/core';
import type { CustodyEvent } from '@comity/core/evidence/custody';
import type { LetterLanguage } from '../../requests/documents/letter-text.ts';
import { escapeHtml } from '../../requests/documents/render-html.ts';
import { REPORT_TEXT } from './report-text.ts';

export interface ReportData {
  manifest: Omit<PackageManifest, 'documents'>;
  packageId: string;
  fingerprint: string;
  custody: ReadonlyMap<string, readonly CustodyEvent[]>;
}

const FONTS: Record<LetterLanguage, string> = {
  en: "'Noto Sans', 'DejaVu Sans', sans-serif",
  fr: "'Noto Sans', 'DejaVu Sans', sans-serif",
  es: "'Noto Sans', 'DejaVu Sans', sans-serif",
  ru: "'Noto Sans', 'DejaVu Sans', sans-serif",
  ar: "'Noto Naskh Arabic', 'Noto Sans Arabic', 'Noto Sans', sans-serif",
  zh: "'Noto Sans', 'Noto Sans CJK SC', sans-serif",
};

const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

function v(text: string): string {
  return `<bdi dir="auto">${escapeHtml(text)}</bdi>`;
}

function code(text: string): string {
  return `<code dir="ltr">${escapeHtml(text)}</code>`;
}

function jsonLine(value: unknown, none: string): string {
  if (value === null || value === undefined) return none;
  if (typeof value === 'string') return v(value);
  return code(JSON.stringify(value));
}

function limitationsLine(value: unknown, none: string): string {
  const l = value as { speciality?: unknown; confidential?: unknown; permittedUses?: unknown; reviewOn?: unknown; notes?: unknown[] } | null;
  if (!l || typeof l !== 'object') return none;
  const parts: string[] = [];
  if (l.speciality) parts.push(`speciality: ${JSON.stringify(l.speciality)}`);
  if (l.confidential) parts.push('confidential');
  if (l.permittedUses) parts.push(`permitted uses: ${JSON.stringify(l.permittedUses)}`);
  if (l.reviewOn) parts.push(`review on: ${String(l.reviewOn)}`);
  if (Array.isArray(l.notes) && l.notes.length) parts.push(`notes: ${l.notes.join('; ')}`);
  return parts.length ? code(parts.join(' · ')) : none;
}

export function reportHtml(lang: LetterLanguage, data: ReportData): string {
  const t = REPORT_TEXT[lang];
  const m = data.manifest;
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const row = (k: string, val: string) => `<tr><th>${escapeHtml(k)}</th><td>${val}</td></tr>`;
  const head = [
    row(t.subject, `${escapeHtml(t.subjectKinds[m.subject.kind])} ${v(m.subject.reference ?? m.subject.id)}${m.subject.title ? ` — ${v(m.subject.title)}` : ''}`),
    row(t.builtAt, code(m.createdAt)),
    row(t.builtBy, `${v(m.createdBy.email)} — ${v(m.createdBy.organisation)}`),
    row(t.node, `${v(m.node.card.authority.name)} (${v(m.node.card.authority.state)}) — ${code(m.node.card.nodeId)}`),
    row(t.fingerprint, code(data.fingerprint)),
    row(t.packageId, code(data.packageId)),
  ].join('');
  const items = m.items
    .map((item, i) => {
      const files = item.files
        .map((f) => [row('SHA-256', code(f.sha256)), f.sha512 ? row('SHA-512', code(f.sha512)) : '', row(t.size, `${f.size} ${escapeHtml(t.bytes)}`), row(t.mediaType, code(f.mediaType))].join(''))
        .join('');
      const stamps = item.timestamps.length
        ? `<table class="grid"><tr><th>${escapeHtml(t.authority)}</th><th>${escapeHtml(t.time)}</th></tr>${item.timestamps
            .map((s) => `<tr><td>${code(s.tsa)}</td><td>${code(s.genTime ?? '—')}</td></tr>`)
            .join('')}</table>`
        : `<p>${escapeHtml(t.noTimestamp)}</p>`;
      const events = data.custody.get(item.id) ?? [];
      const custody = `<table class="grid"><tr><th>${escapeHtml(t.seq)}</th><th>${escapeHtml(t.when)}</th><th>${escapeHtml(t.event)}</th><th>${escapeHtml(t.by)}</th><th>${escapeHtml(t.eventHash)}</th></tr>${events
        .map(
          (e) =>
            `<tr><td>${e.seq}</td><td>${code(e.at)}</td><td>${escapeHtml(t.kinds[e.kind] ?? e.kind)}</td><td>${e.actorEmail ? v(e.actorEmail) : `${escapeHtml(t.theNode)} ${code(e.nodeId)}`}</td><td>${code(e.hash)}</td></tr>`,
        )
        .join('')}</table>`;
      return `<section class="item"><h2>${escapeHtml(t.item)} ${i + 1}: ${v(item.title)}</h2>
<table class="facts">${[
        item.description ? row(t.description, v(item.description)) : '',
        row(t.source, jsonLine(item.source, escapeHtml(t.none))),
        row(t.acquired, code(item.acquiredAt)),
        files,
        row(t.marking, jsonLine(item.marking && typeof item.marking === 'object' ? `TLP:${(item.marking as { tlp?: string }).tlp ?? '?'}` : item.marking, escapeHtml(t.none))),
        row(t.useLimitations, limitationsLine(item.useLimitations, escapeHtml(t.none))),
      ].join('')}</table>
<h3>${escapeHtml(t.timestamps)}</h3>${stamps}
<h3>${escapeHtml(t.custody)}</h3>${custody}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}"><title>${escapeHtml(t.title)}</title>
<style>
body{font-family:${FONTS[lang]};font-size:10pt;line-height:1.4;margin:0}
h1{font-size:16pt;margin:0 0 6pt}h2{font-size:12.5pt;margin:14pt 0 4pt;break-after:avoid}h3{font-size:11pt;margin:8pt 0 3pt}
table{border-collapse:collapse;width:100%;margin-bottom:4pt}th,td{text-align:start;vertical-align:top;padding:2pt 4pt}
table.facts th{width:28%;font-weight:600}table.grid th,table.grid td{border:0.5pt solid #999}table.grid{font-size:8.5pt}
code{font-family:'DejaVu Sans Mono','Noto Sans Mono',monospace;font-size:8pt;word-break:break-all}
.item{break-inside:auto}
</style></head>
<body>
<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(t.intro)}</p>
<p>${escapeHtml(t.verifyHow)}</p>
<table class="facts">${head}</table>
<h2>${escapeHtml(t.items)}: ${m.items.length}</h2>
${items}
</body></html>
`;
}
