// The letter as one self-contained HTML page (no external resources), which Chromium prints to
// PDF. Arabic is laid out right-to-left; what the practitioner typed gets dir="auto" so that,
// say, a French name inside an Arabic letter still reads left-to-right.
import type { Block, Letter } from './letter.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c] as string);
}

/** TLP 2.0 colours: the label in colour on black. */
export const TLP_COLOURS: Record<string, string> = {
  'TLP:CLEAR': '#FFFFFF',
  'TLP:GREEN': '#33FF00',
  'TLP:AMBER': '#FFC000',
  'TLP:AMBER+STRICT': '#FFC000',
  'TLP:RED': '#FF2B2B',
};

/** The colour of a marking line ("TLP:AMBER · H2 · …"): its TLP's. */
export function tlpColour(marking: string): string {
  return TLP_COLOURS[marking.split(' ')[0] ?? ''] ?? '#FFFFFF';
}

const FONTS: Record<Letter['lang'], string> = {
  en: "'Noto Serif', 'Noto Sans', 'DejaVu Serif', serif",
  fr: "'Noto Serif', 'Noto Sans', 'DejaVu Serif', serif",
  es: "'Noto Serif', 'Noto Sans', 'DejaVu Serif', serif",
  ru: "'Noto Serif', 'Noto Sans', 'DejaVu Serif', serif",
  ar: "'Noto Naskh Arabic', 'Noto Sans Arabic', 'Noto Serif', serif",
  // Latin first: Noto Serif has no Han glyphs, so Chinese falls through to Noto Serif CJK while
  // names and numbers keep their proportional Latin shapes.
  zh: "'Noto Serif', 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif",
};

/**
 * The letter needs nothing but its own inline style and the system fonts (found by family name,
 * not fetched), so everything else is refused: scripts, images, frames, data: and file: URLs.
 */
export const LETTER_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

function userText(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'p':
      return b.user ? `<p dir="auto">${userText(b.text)}</p>` : `<p>${escapeHtml(b.text)}</p>`;
    case 'h3':
      return `<h3 dir="auto">${escapeHtml(b.text)}</h3>`;
    case 'rows':
      if (b.rows.length === 0) return '';
      return `<table class="rows">${b.rows
        .map((r) => `<tr><th scope="row">${escapeHtml(r.label)}</th><td${r.user ? ' dir="auto"' : ''}>${userText(r.value)}</td></tr>`)
        .join('')}</table>`;
    default: {
      const never: never = b;
      return never;
    }
  }
}

export function markingBadge(marking: string): string {
  return `<span class="tlp" style="color:${tlpColour(marking)}">${escapeHtml(marking)}</span>`;
}

export function renderLetterHtml(letter: Letter): string {
  const font = FONTS[letter.lang];
  return `<!doctype html>
<html lang="${letter.lang}" dir="${letter.dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${LETTER_CSP}">
<title>${escapeHtml(letter.title)}</title>
<style>
  @page { size: A4; margin: 22mm 18mm 20mm 18mm; }
  html { font-family: ${font}; font-size: 10.5pt; line-height: 1.45; color: #111; }
  body { margin: 0; }
  .tlp { background: #000; font-family: 'Noto Sans Mono', 'DejaVu Sans Mono', monospace; font-weight: bold; padding: 1px 6px; }
  .marking { text-align: end; margin-block-end: 6mm; }
  h1 { font-size: 15pt; margin: 0 0 4mm; text-align: center; }
  h2 { font-size: 11.5pt; margin: 6mm 0 2mm; padding-block-end: 1mm; border-block-end: 0.6pt solid #555; }
  h3 { font-size: 10.5pt; margin: 3mm 0 1mm; }
  p { margin: 0 0 2mm; text-align: start; }
  table { border-collapse: collapse; width: 100%; margin-block-end: 2mm; }
  th, td { text-align: start; vertical-align: top; padding: 1mm 2mm; border: 0.4pt solid #bbb; }
  th { width: 34%; font-weight: 600; background: #f3f3f3; }
  table.meta th { width: 30%; }
  .intro { margin-block: 4mm; }
  .footer { margin-block-start: 8mm; font-size: 8.5pt; color: #444; }
  section { break-inside: auto; }
  tr { break-inside: avoid; }
</style>
</head>
<body>
<div class="marking">${markingBadge(letter.marking)}</div>
<h1>${escapeHtml(letter.title)}</h1>
<table class="meta">${letter.meta.map((m) => `<tr><th scope="row">${escapeHtml(m.label)}</th><td dir="auto">${escapeHtml(m.value)}</td></tr>`).join('')}</table>
<p class="intro">${escapeHtml(letter.intro)}</p>
${letter.sections.map((s, i) => `<section><h2>${i + 1}. ${escapeHtml(s.heading)}</h2>${s.blocks.map(block).join('\n')}</section>`).join('\n')}
<p class="footer">${escapeHtml(letter.footer)}</p>
</body>
</html>
`;
}
