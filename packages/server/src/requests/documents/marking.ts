// The one place a letter's marking is drawn: once in the page header and once in the page footer
// (with the page number), in the PDF and in the DOCX alike. Further markings or handling
// limitations belong here too, so that both formats and every page carry the same ones.

/** TLP 2.0 colours: the label in colour on black. */
export const TLP_COLOURS: Record<string, string> = {
  'TLP:CLEAR': '#FFFFFF',
  'TLP:GREEN': '#33FF00',
  'TLP:AMBER': '#FFC000',
  'TLP:AMBER+STRICT': '#FFC000',
  'TLP:RED': '#FF2B2B',
};

export interface PageMarking {
  /** The label as printed, e.g. "TLP:AMBER". */
  text: string;
  /** Its colour (#RRGGBB), printed on black. */
  colour: string;
}

/** What each page's header and footer carry: the same marking, each exactly once. */
export interface PageMarkings {
  header: PageMarking[];
  footer: PageMarking[];
}

/** The colour of a marking line ("TLP:AMBER · H2 · …", the release policy's effective marking): its TLP's. */
export function tlpColour(marking: string): string {
  return TLP_COLOURS[marking.split(' ')[0] ?? ''] ?? '#FFFFFF';
}

export function pageMarkings(marking: string): PageMarkings {
  const m: PageMarking = { text: marking, colour: tlpColour(marking) };
  return { header: [m], footer: [m] };
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c] as string);

function badges(ms: PageMarking[]): string {
  return ms
    .map((m) => `<span style="background:#000;color:${m.colour};font-weight:bold;padding:1px 5px;font-family:monospace">${esc(m.text)}</span>`)
    .join(' ');
}

/** Chromium's header and footer templates (they see none of the page's styles). */
export function pdfHeaderFooter(marking: string): { headerTemplate: string; footerTemplate: string } {
  const m = pageMarkings(marking);
  const box = 'font-size:8px;width:100%;text-align:center;-webkit-print-color-adjust:exact';
  return {
    headerTemplate: `<div style="${box}">${badges(m.header)}</div>`,
    footerTemplate: `<div style="${box}">${badges(m.footer)} &nbsp; <span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
  };
}
