// Reads the knowledge shipped in data/ (catalogue, article texts, party lists, declarations,
// countries) into the core model. Which party list is used for which instrument, and whether it
// is complete, is data too: data/treaty-status/lists.json encodes the verdicts of SOURCES.md.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  Article,
  ConsentKind,
  Country,
  CooperationTypeInfo,
  Eligibility,
  EntryIntoForceRule,
  Instrument,
  IsoDate,
  KnowledgeSnapshot,
  OffenceCategory,
  Participation,
  PartyList,
  Reservation,
  Titles,
} from '@comity/core/knowledge/model';
import { recogniseEffects } from '@comity/core/knowledge/reservations';
import { normaliseName } from '@comity/core/knowledge/resolve';
import { isCooperationType, isOffenceId } from '@comity/core/knowledge/taxonomy';
import { parseUntcXml } from './importers/untc-xml.ts';

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../../data/', import.meta.url));

interface CatalogueEntry {
  id: string;
  title: string;
  short: string;
  kind: 'universal' | 'regional' | 'regional-open' | 'bilateral';
  depositary: string;
  reference: Record<string, string | null>;
  adopted: string | null;
  entryIntoForce: string | null;
  articlesKey: string | null;
  supplements: string | null;
  offences: string[];
  scopeConditions: Instrument['scopeConditions'];
  cooperation: Record<string, { articles: string[]; notes?: string }>;
  contextOnly: boolean;
  notes: string | null;
  articlesChecked: boolean;
  entryIntoForceForState?: EntryIntoForceRule;
  eligibility?: Eligibility;
  /** Official titles and short names in the other UN languages, with their source. */
  titles?: Titles;
  shorts?: Titles;
  titlesSource?: string;
}

interface ListVerdict {
  instrument: string;
  format: 'status-csv' | 'untc-xml';
  file: string;
  complete: boolean;
  asOf: string;
  source: string;
  /** For undated parties: from when the source attests them, by alpha-3 or 'default'. */
  undatedAsOf?: Record<string, IsoDate>;
}

function referenceOf(ref: Record<string, string | null>): Instrument['reference'] {
  const out: NonNullable<Instrument['reference']> = {};
  for (const k of ['untc', 'coe', 'oas', 'asean', 'depositary'] as const) {
    const v = ref[k];
    if (v) out[k] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** English article texts from the BWB Markdown: "### Article N", a "####" title, then paragraphs
 * up to the next heading. The English text comes first in each file (the Dutch follows). */
export function extractArticleTexts(markdown: string): Map<string, string> {
  const texts = new Map<string, string>();
  const lines = markdown.split('\n');
  let current: string | null = null;
  let body: string[] = [];
  let titleSkipped = false;
  const flush = () => {
    if (current && !texts.has(current)) {
      const t = body
        .join('\n')
        .replace(/[ \t]+\n/g, '\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim();
      if (t) texts.set(current, t);
    }
  };
  for (const line of lines) {
    const heading = /^###\s+Article\s+(\S+)/.exec(line);
    if (heading) {
      flush();
      current = heading[1] as string;
      body = [];
      titleSkipped = false;
      continue;
    }
    if (line.startsWith('#')) {
      if (current && !titleSkipped && line.startsWith('####') && body.every((b) => !b.trim())) {
        titleSkipped = true;
        continue;
      }
      flush();
      current = null;
      continue;
    }
    if (current) body.push(line);
  }
  flush();
  return texts;
}

function consentKindOf(value: string): ConsentKind | undefined {
  switch (value.trim()) {
    case '':
      return undefined;
    case 'ratification':
    case 'accession':
    case 'acceptance':
    case 'approval':
    case 'succession':
      return value.trim() as ConsentKind;
    case 'formal-confirmation':
      return 'ratification';
    case 'definitive-signature':
      return 'definitive-signature';
    default:
      return 'unknown';
  }
}

/** For an undated consent, the latest ISO date the source cites (not after the list's date) is
 * the date at which the source attests the State was bound. */
function attestedDate(source: string, fallback: IsoDate): IsoDate {
  const dates = (source.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? []).filter((d) => d <= fallback).sort();
  return dates[dates.length - 1] ?? fallback;
}

function participationsFromCsv(text: string, verdict: ListVerdict): Participation[] {
  const [header, ...rows] = parseCsv(text);
  const col = (name: string) => header?.indexOf(name) ?? -1;
  const [iIso, iSig, iConsent, iType, iSource] = ['iso3', 'signature_date', 'consent_date', 'consent_type', 'source'].map(col);
  return rows.map((r) => {
    const get = (i: number | undefined) => (i !== undefined && i >= 0 ? (r[i] ?? '').trim() : '');
    const source = get(iSource) || verdict.source;
    const p: Participation = { state: get(iIso), source, asOf: verdict.asOf };
    const signature = get(iSig);
    const consent = get(iConsent);
    const kind = consentKindOf(get(iType));
    if (signature) p.signature = signature;
    if (kind) {
      p.consentKind = kind;
      if (consent) p.consent = consent;
      else p.asOf = verdict.undatedAsOf?.[p.state] ?? verdict.undatedAsOf?.default ?? attestedDate(source, verdict.asOf);
    }
    return p;
  });
}

/** The vocabulary every version shares: countries with their names, offences, cooperation types. */
export interface ReferenceData {
  countries: Country[];
  offences: OffenceCategory[];
  cooperationTypes: CooperationTypeInfo[];
}

export async function loadReferenceData(dataDir: string = DEFAULT_DATA_DIR): Promise<ReferenceData> {
  const taxonomy = await readJson<{
    offences: Array<{ id: string; label: string; iccs: string | null }>;
    cooperationTypes: Array<{ id: string; label: string }>;
  }>(join(dataDir, 'instruments', 'taxonomy.json'));
  const countryFile = await readJson<{ countries: Country[] }>(join(dataDir, 'countries', 'countries.json'));
  const offences: OffenceCategory[] = taxonomy.offences.flatMap((o) =>
    isOffenceId(o.id) ? [{ id: o.id, label: o.label, iccs: o.iccs }] : [],
  );
  const cooperationTypes: CooperationTypeInfo[] = taxonomy.cooperationTypes.flatMap((t) =>
    isCooperationType(t.id) ? [{ id: t.id, label: t.label }] : [],
  );
  const countries: Country[] = countryFile.countries.map((c) => ({
    code: c.code,
    alpha2: c.alpha2,
    kind: c.kind,
    names: c.names,
    aliases: c.aliases,
    region: c.region,
    subRegion: c.subRegion,
  }));
  return { countries, offences, cooperationTypes };
}

/** Maps a depositary's spelling of a State (in any UN language, or an alias) to alpha-3. */
export function countryNameResolver(countries: readonly Country[]): (name: string) => string | undefined {
  const names = new Map<string, string>();
  for (const c of countries) {
    for (const n of [...Object.values(c.names), ...c.aliases]) {
      const k = normaliseName(n ?? '');
      if (k && !names.has(k)) names.set(k, c.code);
    }
  }
  return (n: string) => names.get(normaliseName(n));
}

export async function loadShippedKnowledge(dataDir: string = DEFAULT_DATA_DIR): Promise<KnowledgeSnapshot> {
  const catalogue = await readJson<{ compiled: string; instruments: CatalogueEntry[] }>(
    join(dataDir, 'instruments', 'catalogue.json'),
  );
  const { countries, offences, cooperationTypes } = await loadReferenceData(dataDir);
  const articleIndex = await readJson<{
    treaties: Array<{ key: string; articles: Array<{ article: string; title: string }> }>;
  }>(join(dataDir, 'treaty-articles', 'treaty-articles.json'));
  const lists = await readJson<{ lists: ListVerdict[] }>(join(dataDir, 'treaty-status', 'lists.json'));

  const textsDir = join(dataDir, 'treaty-articles', 'texts');
  const textFiles = await readdir(textsDir);

  const instruments: Instrument[] = [];
  for (const e of catalogue.instruments) {
    const articles: Article[] = [];
    if (e.articlesKey) {
      const headings = articleIndex.treaties.find((t) => t.key === e.articlesKey)?.articles ?? [];
      const textFile = textFiles.find((f) => f.startsWith(`${e.articlesKey}.`));
      const texts = textFile ? extractArticleTexts(await readFile(join(textsDir, textFile), 'utf8')) : new Map();
      const seen = new Set<string>();
      for (const h of headings) {
        // UNCLOS repeats numbers in its annexes; the main body comes first.
        if (seen.has(h.article)) continue;
        seen.add(h.article);
        const text = texts.get(h.article);
        articles.push({ number: h.article, heading: h.title ?? '', ...(text ? { text } : {}) });
      }
    }
    const cooperation: Instrument['cooperation'] = {};
    for (const [type, provision] of Object.entries(e.cooperation)) {
      if (isCooperationType(type)) cooperation[type] = provision;
    }
    instruments.push({
      id: e.id,
      titles: { ...(e.titles ?? {}), en: e.title },
      short: e.short,
      ...(e.shorts ? { shorts: { ...e.shorts, en: e.short } } : {}),
      ...(e.titlesSource ? { titlesSource: e.titlesSource } : {}),
      ...(e.entryIntoForceForState ? { entryIntoForceForState: e.entryIntoForceForState } : {}),
      ...(e.eligibility ? { eligibility: e.eligibility } : {}),
      kind: e.kind === 'regional-open' ? 'regional' : e.kind,
      ...(e.kind === 'regional-open' ? { openToNonMembers: true } : {}),
      depositary: e.depositary,
      adopted: e.adopted,
      entryIntoForce: e.entryIntoForce,
      supplements: e.supplements,
      contextOnly: e.contextOnly,
      offences: e.offences,
      scopeConditions: e.scopeConditions,
      cooperation,
      notes: e.notes,
      articlesChecked: e.articlesChecked,
      articles,
      ...(referenceOf(e.reference) ? { reference: referenceOf(e.reference) } : {}),
    });
  }

  const resolveName = countryNameResolver(countries);

  const partyLists: PartyList[] = [];
  for (const v of lists.lists) {
    let participations: Participation[];
    if (v.format === 'status-csv') {
      participations = participationsFromCsv(await readFile(join(dataDir, 'treaty-status', v.file), 'utf8'), v);
    } else {
      const raw = await readFile(join(dataDir, 'untc-2018', 'xml', v.file), 'latin1');
      participations = parseUntcXml(v.file, raw, { resolveName, source: v.source, asOf: v.asOf }).participations;
    }
    partyLists.push({ instrument: v.instrument, complete: v.complete, source: v.source, asOf: v.asOf, participations });
  }

  // Declarations and reservations: the 2018 UNTC files for the catalogued UN instruments.
  const reservations: Reservation[] = [];
  const byUntc = new Map(
    catalogue.instruments.filter((e) => e.reference.untc).map((e) => [e.reference.untc as string, e.id]),
  );
  for (const file of (await readdir(join(dataDir, 'untc-2018', 'xml'))).sort()) {
    const instrument = byUntc.get(file.replace(/\.en\.xml$/, ''));
    if (!instrument) continue;
    const raw = await readFile(join(dataDir, 'untc-2018', 'xml', file), 'latin1');
    const parsed = parseUntcXml(file, raw, { resolveName });
    for (const d of parsed.declarations) {
      if (!d.state) continue;
      reservations.push({
        state: d.state,
        instrument,
        kind: d.kind,
        text: d.text,
        source: `UNTC MTDSG ${parsed.mtdsgNo} (untc-2018/xml/${file}, as of 2018-01-15)`,
        effects: recogniseEffects(d.text),
      });
    }
  }

  return { dataAsOf: catalogue.compiled, instruments, partyLists, reservations, countries, offences, cooperationTypes };
}
