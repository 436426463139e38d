// Importing depositary files (UN Treaty Collection MTDSG XML, Council of Europe treaty-office
// JSON) as a new knowledge version. Everything happens in one transaction: the files are parsed,
// checked against the current version (an older snapshot needs `force`), written and audited,
// or nothing is written at all.
import { ConflictError, ValidationError } from '@comity/core';
import type { Instrument, IsoDate, KnowledgeSnapshot, PartyList, Reservation } from '@comity/core/knowledge/model';
import { recogniseEffects } from '@comity/core/knowledge/reservations';
import {
  type Database,
  type KnowledgeRecord,
  insertKnowledgeVersion,
  latestKnowledgeVersion,
  lockKnowledgeVersions,
  readKnowledgeRecords,
} from '@comity/db';
import type { Kysely } from 'kysely';
import { type Actor, type AppDeps, auditedTransaction } from '../deps.ts';
import { CoeJsonError, parseCoeJson } from './importers/coe-json.ts';
import { parseUntcXml, UntcXmlError } from './importers/untc-xml.ts';
import { RECORD_KINDS, snapshotFromRecords } from './knowledge-store.ts';
import { countryNameResolver, type ReferenceData } from './shipped-data.ts';

export const DEPOSITARY_FORMATS = ['untc-xml', 'coe-json'] as const;
export type DepositaryFormat = (typeof DEPOSITARY_FORMATS)[number];

/** One downloaded file, decoded, with the digest of its bytes as received. */
export interface DepositaryFile {
  name: string;
  content: string;
  /** Hex SHA-256 of the file's bytes (or, for text sent through the API, of its UTF-8 encoding). */
  digest: string;
  format?: DepositaryFormat | undefined;
  /** The date the file attests. UNTC files carry none, so it must be given (the download date). */
  asOf?: IsoDate | undefined;
}

export interface ImportedFileSummary {
  name: string;
  format: DepositaryFormat;
  digest: string;
  instrument: string;
  asOf: IsoDate;
  complete: boolean;
  participations: number;
  parties: number;
  reservations: number | null;
  /** Names or codes the importer could not map to a State: the list is then marked incomplete. */
  unmapped: string[];
  previousAsOf: IsoDate | null;
}

export interface ImportReport {
  version: number;
  source: string;
  digest: string;
  dataAsOf: IsoDate;
  forced: boolean;
  files: ImportedFileSummary[];
  /** Files left out because they carry no participant table (refresh only). */
  skipped: { name: string; reason: string }[];
}

interface ParsedFile {
  summary: ImportedFileSummary;
  partyList: PartyList;
  reservations: Reservation[] | null;
}

/** The declared encoding of an XML file decides how its bytes are read (MTDSG files are ISO-8859-1). */
export function decodeDepositaryBytes(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /<\?xml[^>]*encoding=["']([^"']+)["']/i.exec(head)?.[1]?.toLowerCase();
  if (declared && /^(iso-8859-1|latin-?1|windows-1252|cp1252)$/.test(declared)) return new TextDecoder('latin1').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

export function detectFormat(name: string, content: string): DepositaryFormat {
  if (/\.xml$/i.test(name)) return 'untc-xml';
  if (/\.json$/i.test(name)) return 'coe-json';
  const start = content.trimStart();
  if (start.startsWith('<')) return 'untc-xml';
  if (start.startsWith('{')) return 'coe-json';
  throw new ValidationError('unknown_format', `${name}: neither UNTC MTDSG XML nor Council of Europe JSON; give the format.`, { file: name });
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function malformed(err: unknown): never {
  if (err instanceof UntcXmlError) {
    throw new ValidationError('malformed_depositary_file', err.message, { file: err.file, ...(err.line ? { line: err.line } : {}) });
  }
  if (err instanceof CoeJsonError) {
    throw new ValidationError('malformed_depositary_file', err.message, { file: err.file, ...(err.line ? { line: err.line } : {}) });
  }
  throw err;
}

/** The date of the facts a list holds; an empty list holds none, so nothing can be older than it. */
function factsAsOf(list: PartyList | undefined): IsoDate | null {
  return list && list.participations.length > 0 ? list.asOf : null;
}

function parseFile(file: DepositaryFile, current: KnowledgeSnapshot, reference: ReferenceData): ParsedFile {
  const format = file.format ?? detectFormat(file.name, file.content);
  const lists = new Map(current.partyLists.map((l) => [l.instrument, l]));
  const byRef = (key: 'untc' | 'coe', value: string): Instrument | undefined =>
    current.instruments.find((i) => i.reference?.[key] === value);
  if (format === 'untc-xml') {
    if (!file.asOf || !ISO_DATE.test(file.asOf)) {
      throw new ValidationError(
        'as_of_required',
        `${file.name}: a UN Treaty Collection status file carries no date; give the date it was downloaded (YYYY-MM-DD).`,
        { file: file.name },
      );
    }
    const asOf = file.asOf;
    let parsed: ReturnType<typeof parseUntcXml>;
    try {
      parsed = parseUntcXml(file.name, file.content, { resolveName: countryNameResolver(reference.countries), asOf });
    } catch (err) {
      malformed(err);
    }
    const instrument = byRef('untc', parsed.mtdsgNo);
    if (!instrument) {
      throw new ValidationError(
        'unknown_instrument',
        `${file.name}: MTDSG ${parsed.mtdsgNo} (${parsed.title.slice(0, 120)}) is not an instrument of the catalogue.`,
        { file: file.name },
      );
    }
    if (parsed.rows.length === 0) {
      throw new ValidationError(
        'no_participant_table',
        `${file.name}: the file has no participant table${parsed.parties ? ` although it reports ${parsed.parties} parties` : ''}; nothing to import from it.`,
        { file: file.name },
      );
    }
    const source = `UNTC MTDSG ${parsed.mtdsgNo} (${file.name}, as of ${asOf})`;
    const participations = parsed.participations.map((p) => ({ ...p, source }));
    const unmappedDeclarations = parsed.declarations.filter((d) => !d.state).map((d) => d.participant);
    const reservations: Reservation[] = parsed.declarations.flatMap((d) =>
      d.state
        ? [{ state: d.state, instrument: instrument.id, kind: d.kind, text: d.text, source, effects: recogniseEffects(d.text) }]
        : [],
    );
    // A depositary's table lists every participant; it is complete unless a name could not be mapped.
    const complete = parsed.unmapped.length === 0;
    return {
      partyList: { instrument: instrument.id, complete, source, asOf, participations },
      reservations,
      summary: {
        name: file.name,
        format,
        digest: file.digest,
        instrument: instrument.id,
        asOf,
        complete,
        participations: participations.length,
        parties: participations.filter((p) => p.consentKind).length,
        reservations: reservations.length,
        unmapped: [...parsed.unmapped, ...unmappedDeclarations.map((n) => `${n} (declaration)`)],
        previousAsOf: factsAsOf(lists.get(instrument.id)),
      },
    };
  }
  const alpha2 = new Map(reference.countries.map((c) => [c.alpha2.toUpperCase(), c.code]));
  let parsed: ReturnType<typeof parseCoeJson>;
  try {
    parsed = parseCoeJson(file.name, file.content, { alpha2ToAlpha3: (a2) => alpha2.get(a2.toUpperCase()) });
  } catch (err) {
    malformed(err);
  }
  const instrument = byRef('coe', parsed.treatyNumber);
  if (!instrument) {
    throw new ValidationError('unknown_instrument', `${file.name}: CETS ${parsed.treatyNumber} is not an instrument of the catalogue.`, { file: file.name });
  }
  const complete = parsed.unmapped.length === 0;
  return {
    partyList: { instrument: instrument.id, complete, source: parsed.participations[0]?.source ?? `Council of Europe Treaty Office, CETS ${parsed.treatyNumber} (${file.name})`, asOf: parsed.asOf, participations: parsed.participations },
    reservations: null,
    summary: {
      name: file.name,
      format,
      digest: file.digest,
      instrument: instrument.id,
      asOf: parsed.asOf,
      complete,
      participations: parsed.participations.length,
      parties: parsed.participations.filter((p) => p.consentKind).length,
      reservations: null,
      unmapped: parsed.unmapped.map((u) => `${u.name} (${u.code})`),
      previousAsOf: factsAsOf(lists.get(instrument.id)),
    },
  };
}

async function currentImported(db: Kysely<Database>, reference: ReferenceData) {
  const latest = await latestKnowledgeVersion(db);
  if (!latest) {
    throw new ConflictError('knowledge_not_seeded', 'The knowledge base is empty: start the node once so that it loads the shipped data.');
  }
  const { snapshot } = snapshotFromRecords(await readKnowledgeRecords(db, latest.number), reference, latest.dataAsOf);
  return { latest, snapshot };
}

/** Digest of a set of files: the file's own digest, or SHA-256 over "digest  name" lines. */
function versionDigest(deps: Pick<AppDeps, 'hasher'>, files: DepositaryFile[]): string {
  if (files.length === 1) return (files[0] as DepositaryFile).digest;
  const lines = [...files].sort((a, b) => a.name.localeCompare(b.name)).map((f) => `${f.digest}  ${f.name}\n`);
  return deps.hasher.sha256Hex(lines.join(''));
}

/** Import depositary files as one new version; audited; all or nothing. */
export async function importDepositaryFiles(
  deps: Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now'>,
  who: { actor: Actor | null; requestId: string | null },
  reference: ReferenceData,
  request: {
    files: DepositaryFile[];
    source: string;
    force?: boolean | undefined;
    /** Refresh: leave out files without a participant table instead of failing (the UN serves
     * some status pages with the header only). */
    skipFilesWithoutTable?: boolean;
  },
): Promise<ImportReport> {
  if (request.files.length === 0) throw new ValidationError('no_files', 'Give at least one file to import.');
  return auditedTransaction(deps, who, async (trx, audit) => {
    await lockKnowledgeVersions(trx);
    const { latest, snapshot } = await currentImported(trx, reference);
    const skipped: ImportReport['skipped'] = [];
    const parsed: ParsedFile[] = [];
    for (const f of request.files) {
      try {
        parsed.push(parseFile(f, snapshot, reference));
      } catch (err) {
        if (request.skipFilesWithoutTable && err instanceof ValidationError && err.code === 'no_participant_table') {
          skipped.push({ name: f.name, reason: err.message });
          continue;
        }
        throw err;
      }
    }
    if (parsed.length === 0) throw new ValidationError('nothing_to_import', `None of the files has data to import: ${skipped.map((s) => s.reason).join(' ')}`);
    const seen = new Map<string, string>();
    for (const p of parsed) {
      const other = seen.get(p.summary.instrument);
      if (other) {
        throw new ValidationError('duplicate_instrument', `${p.summary.name} and ${other} are both for ${p.summary.instrument}; import one of them.`, { file: p.summary.name });
      }
      seen.set(p.summary.instrument, p.summary.name);
    }
    const older = parsed.filter((p) => p.summary.previousAsOf && p.summary.asOf < p.summary.previousAsOf);
    if (older.length > 0 && !request.force) {
      const o = older[0] as ParsedFile;
      throw new ConflictError(
        'older_snapshot',
        `${o.summary.name} is as of ${o.summary.asOf}, older than the ${o.summary.instrument} data in version ${latest.number} (as of ${o.summary.previousAsOf}); import it with force (--force) to replace newer data with older.`,
        { file: o.summary.name, instrument: o.summary.instrument, importedAsOf: o.summary.asOf, currentAsOf: o.summary.previousAsOf },
      );
    }
    const number = latest.number + 1;
    const digest = versionDigest(deps, request.files);
    // ISO dates compare as strings: the newest date of the files or of the previous version.
    const dataAsOf = [latest.dataAsOf, ...parsed.map((p) => p.summary.asOf)].sort().at(-1) ?? latest.dataAsOf;
    const records: KnowledgeRecord[] = [];
    for (const p of parsed) {
      records.push({ kind: RECORD_KINDS.partyList, key: p.partyList.instrument, data: p.partyList });
      if (p.reservations) records.push({ kind: RECORD_KINDS.reservations, key: p.partyList.instrument, data: p.reservations });
    }
    const forced = Boolean(request.force && older.length > 0);
    const files = parsed.map((p) => p.summary);
    await insertKnowledgeVersion(
      trx,
      {
        number,
        createdAt: deps.now(),
        actorId: who.actor?.userId ?? null,
        actorEmail: who.actor?.email ?? null,
        source: request.source,
        digest,
        dataAsOf,
        forced,
        summary: { files, skipped },
      },
      records,
    );
    audit('knowledge.import', `knowledge-version:${number}`, {
      source: request.source,
      digest,
      dataAsOf,
      forced,
      files: files.map((f) => ({ name: f.name, digest: f.digest, instrument: f.instrument, asOf: f.asOf, participations: f.participations, complete: f.complete })),
    });
    return { version: number, source: request.source, digest, dataAsOf, forced, files, skipped };
  });
}
