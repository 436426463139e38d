// Importer for the UN Treaty Collection's MTDSG status XML (one file per treaty). The files as
// served are not well-formed: they are cleaned first, then the participant table and the
// declarations are read into the core model.
import type { ConsentKind, IsoDate, Participation, ReservationKind } from '@comity/core/knowledge/model';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export class UntcXmlError extends Error {
  readonly code = 'malformed_depositary_file';
  readonly file: string;
  readonly line: number | undefined;
  constructor(file: string, line: number | undefined, message: string) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
    this.name = 'UntcXmlError';
    this.file = file;
    this.line = line;
  }
}

/** One row of the participant table as printed (dates and suffixes kept as text). */
export interface UntcRow {
  participant: string;
  signature: string;
  consentDate: string;
  /** Suffix label: ratification (no suffix), accession, acceptance, approval, succession,
   * formal confirmation, or the raw letter for rarer ones (P, p, s). */
  consentType: string;
  cells: string[];
}

export interface UntcDeclaration {
  participant: string;
  state?: string;
  kind: ReservationKind;
  text: string;
}

export interface UntcImport {
  file: string;
  mtdsgNo: string;
  title: string;
  entryIntoForce: IsoDate | null;
  signatories: number | null;
  parties: number | null;
  header: string[];
  rows: UntcRow[];
  participations: Participation[];
  declarations: UntcDeclaration[];
  /** Participant names that could not be mapped to an ISO 3166 alpha-3 code. */
  unmapped: string[];
}

export interface UntcImportOptions {
  /** Map a depositary's spelling of a State to alpha-3 (undefined when unknown). */
  resolveName: (name: string) => string | undefined;
  source?: string;
  asOf?: IsoDate;
}

// C0 control characters the UN files use in place of typographic characters.
const C0_REPLACEMENTS: Record<string, string> = {
  '\u001c': '\u201c',
  '\u001d': '\u201d',
  '\u0018': '\u2018',
  '\u0019': '\u2019',
  '\u0013': '\u2013',
  '\u0014': '\u2014',
};

/** Repair the known malformations so that a strict XML parser accepts the file. */
export function sanitiseUntcXml(raw: string): string {
  return (
    raw
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => C0_REPLACEMENTS[c] ?? '')
      // Bare ampersands (used as an ellipsis or in names) are not entities.
      .replace(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g, '&amp;')
  );
}

const MONTHS: Record<string, string> = {
  Jan: '01',
  Feb: '02',
  Mar: '03',
  Apr: '04',
  May: '05',
  Jun: '06',
  Jul: '07',
  Aug: '08',
  Sep: '09',
  Oct: '10',
  Nov: '11',
  Dec: '12',
};

/** "15 Aug 2014 a" → { date: '2014-08-15', suffix: 'a' }. */
export function parseUntcDate(text: string): { date: IsoDate; suffix: string } | null {
  // Tables abbreviate months ("15 Aug 2014 a"); header texts spell them out ("25 December 2003,").
  const m = /^(\d{1,2})\s+([A-Z][a-z]{2})[a-z]*\s+(\d{4})(?:\s+([A-Za-z]{1,2})\b)?/.exec(text.trim());
  if (!m) return null;
  const month = MONTHS[m[2] as string];
  if (!month) return null;
  return { date: `${m[3]}-${month}-${(m[1] as string).padStart(2, '0')}`, suffix: m[4] ?? '' };
}

const SUFFIX_LABEL: Record<string, string> = {
  '': 'ratification',
  a: 'accession',
  A: 'acceptance',
  AA: 'approval',
  d: 'succession',
  c: 'formal confirmation',
};

const SUFFIX_KIND: Record<string, ConsentKind> = {
  '': 'ratification',
  a: 'accession',
  A: 'acceptance',
  AA: 'approval',
  d: 'succession',
  // Formal confirmation is an international organisation's equivalent of ratification.
  c: 'ratification',
  s: 'definitive-signature',
};

/** Remove footnote references: escaped <superscript> markup (possibly over a line break) and
 * digits glued to the end of a name ("Belgium 3", "Germany8,9"). */
export function cleanParticipantName(name: string): string {
  return name
    .replace(/<superscript>[\s\S]*?<\/superscript>/gi, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s*\d+(?:\s*,\s*\d+)*\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value === 'object' && '#text' in value) return text((value as { '#text': unknown })['#text']);
  return '';
}

function asArray<T>(v: T | T[] | undefined): T[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

type Node = Record<string, unknown>;
const child = (n: unknown, key: string): Node | undefined =>
  n && typeof n === 'object' ? ((n as Node)[key] as Node | undefined) : undefined;

function parseDocument(file: string, raw: string): Node {
  const clean = sanitiseUntcXml(raw);
  const valid = XMLValidator.validate(clean);
  if (valid !== true) throw new UntcXmlError(file, valid.err.line, valid.err.msg);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    trimValues: true,
    processEntities: true,
    isArray: (name) => ['Row', 'Entry', 'Declaration', 'Notification', 'text', 'Participant'].includes(name),
  });
  return parser.parse(clean) as Node;
}

function consentKindFor(suffix: string, header: string): ConsentKind {
  if (suffix) return SUFFIX_KIND[suffix] ?? 'unknown';
  // The unsuffixed kind is the header item printed without a "(x)" marker; it differs per treaty.
  const plain = header
    .split(',')
    .map((s) => s.trim())
    .find((s) => !s.includes('('));
  if (plain && /^ratification/i.test(plain)) return 'ratification';
  if (plain && /^definitive signature/i.test(plain)) return 'definitive-signature';
  return 'unknown';
}

function declarationKind(title: string): ReservationKind {
  if (/reservation/i.test(title)) return 'reservation';
  if (/notification/i.test(title)) return 'notification';
  return 'declaration';
}

/** Parse one MTDSG XML file. `raw` is the file decoded as ISO-8859-1 (its declared encoding). */
export function parseUntcXml(file: string, raw: string, options: UntcImportOptions): UntcImport {
  const doc = parseDocument(file, raw);
  const treaty = child(child(doc, 'Document'), 'Treaty');
  if (!treaty) throw new UntcXmlError(file, undefined, 'no Document/Treaty element: not an MTDSG status file');
  const ext = child(child(treaty, 'Header'), 'ExternalData');
  const chapter = text(child(child(child(treaty, 'Header'), 'Chapter'), 'Header')).replace(/^CHAPTER\s+/i, '');
  const num = text(child(ext, 'Numsect'));
  const sub = text(child(ext, 'Subnumsect'));
  const mtdsgNo = [chapter, num, sub].filter(Boolean).join('-');
  const eifText = text(child(child(ext, 'EIF'), 'Labeltext'));
  const status = child(ext, 'Status');
  const count = (k: string) => {
    const v = Number.parseInt(text(child(status, k)), 10);
    return Number.isFinite(v) ? v : null;
  };
  const source = options.source ?? `UNTC MTDSG ${mtdsgNo}.en.xml`;
  const asOf = options.asOf ?? '';

  const tgroup = child(child(child(treaty, 'Participants'), 'Table'), 'TGroup');
  const headerRow = asArray(child(child(tgroup, 'Thead'), 'Row') as unknown as Node[] | undefined)[0];
  const header = asArray(headerRow?.Entry as unknown[] | undefined).map((e) => cleanParticipantName(text(e)) || text(e));
  const bodyRows = asArray(child(child(child(tgroup, 'Tbody'), 'Rows'), 'Row') as unknown as Node[] | undefined);

  const rows: UntcRow[] = [];
  const participations: Participation[] = [];
  const unmapped: string[] = [];
  const consentHeader = header[header.length - 1] ?? '';
  const secondHeader = header[1] ?? '';
  const secondIsSignature = header.length >= 3 && /^signature/i.test(secondHeader);
  for (const r of bodyRows) {
    const cells = asArray(r.Entry as unknown[] | undefined).map((e) => text(e).trim());
    const participant = cleanParticipantName(cells[0] ?? '');
    if (!participant) continue;
    const signature = header.length >= 3 ? (cells[1] ?? '') : '';
    const consentCell = header.length >= 2 ? (cells[header.length - 1] ?? '') : '';
    const consent = parseUntcDate(consentCell);
    if (consentCell && !consent) {
      throw new UntcXmlError(file, lineOf(raw, consentCell), `participant "${participant}": unreadable date "${consentCell}"`);
    }
    rows.push({
      participant,
      signature,
      consentDate: consent ? consentCell.trim().replace(/\s+[A-Za-z]{1,2}$/, '') : '',
      consentType: consent ? (SUFFIX_LABEL[consent.suffix] ?? consent.suffix) : '',
      cells,
    });

    const state = options.resolveName(participant);
    if (!state) {
      unmapped.push(participant);
      continue;
    }
    const p: Participation = { state, source, asOf };
    const sig = parseUntcDate(signature);
    if (consent) {
      p.consent = consent.date;
      p.consentKind = consentKindFor(consent.suffix, consentHeader);
    } else if (sig && !secondIsSignature) {
      // Tables such as VI-18 or XVIII-2 print participation (not signature) in the second column.
      p.consent = sig.date;
      p.consentKind = consentKindFor(sig.suffix, secondHeader);
    }
    if (sig && secondIsSignature) p.signature = sig.date;
    participations.push(p);
  }

  const declarations: UntcDeclaration[] = [];
  // Notifications (e.g. the designation of a central authority under the Smuggling of Migrants
  // Protocol art. 8(6)) are read the same way, as kind 'notification'.
  const blocks = [
    ...asArray(child(child(treaty, 'Declarations'), 'Declaration') as unknown as Node[] | undefined).map((d) => ({ d, notification: false })),
    ...asArray(child(child(treaty, 'Notifications'), 'Notification') as unknown as Node[] | undefined).map((d) => ({ d, notification: true })),
  ];
  for (const { d, notification } of blocks) {
    const participant = cleanParticipantName(text(asArray(d.Participant as unknown[] | undefined)[0]));
    const parts = asArray(d.text as unknown[] | undefined);
    let kind: ReservationKind = notification ? 'notification' : 'declaration';
    const paragraphs: string[] = [];
    for (const t of parts) {
      const type = t && typeof t === 'object' ? (t as Node)['@type'] : undefined;
      const value = cleanMarkup(text(t));
      if (!value) continue;
      // A notification's date line ("<right>2 July 2007</right>") is not part of its text.
      if (notification && type === undefined && /^\d{1,2} \w+ \d{4}$/.test(value)) continue;
      if (type === 'title' && paragraphs.length === 0 && !notification) kind = declarationKind(value);
      paragraphs.push(value);
    }
    if (!participant || paragraphs.length === 0) continue;
    const state = options.resolveName(participant);
    declarations.push({ participant, ...(state ? { state } : {}), kind, text: paragraphs.join('\n') });
  }

  return {
    file,
    mtdsgNo,
    title: text(child(ext, 'Subtitlesect')) || text(child(ext, 'Titlesect')),
    entryIntoForce: parseUntcDate(eifText)?.date ?? null,
    signatories: count('Signatories'),
    parties: count('Parties'),
    header,
    rows,
    participations,
    declarations,
    unmapped,
  };
}

/** 1-based line of the first occurrence of `needle` in `text` (undefined when absent). */
export function lineOf(text: string, needle: string): number | undefined {
  const at = needle ? text.indexOf(needle) : -1;
  if (at < 0) return undefined;
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function cleanMarkup(value: string): string {
  return value
    .replace(/<superscript>[\s\S]*?<\/superscript>/gi, '')
    .replace(/<[^>]+>/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
