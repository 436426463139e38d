// Knowledge in the database: a snapshot is stored as records (the catalogue order, one instrument
// definition, party list and reservation list per instrument) under a numbered version; reading
// version N lays the active curated facts over its records and builds the engine's index.
import { type Curation, type CurationConflict, type CuratedFact, type RecordVersions, applyCurations } from '@comity/core/knowledge/curation';
import { buildKnowledgeIndex, type KnowledgeIndex } from '@comity/core/knowledge/knowledge-index';
import type { Instrument, KnowledgeSnapshot, PartyList, Reservation } from '@comity/core/knowledge/model';
import { canonicalJson, type JsonValue } from '@comity/core';
import {
  type CurationRow,
  type Database,
  type KnowledgeRecord,
  type KnowledgeVersionRow,
  findKnowledgeVersion,
  insertKnowledgeVersion,
  latestKnowledgeVersion,
  listCurations,
  listKnowledgeVersions,
  lockKnowledgeVersions,
  readKnowledgeRecords,
} from '@comity/db';
import { findPublishedFacts, listReceivedFacts } from '@comity/db/repos/declared-facts-repo';
import { applyDeclaredFacts, type DeclaredDisagreement, type DeclaredSource, type SignedDeclaredFacts } from '@comity/core/knowledge/declared-facts';
import type { Kysely } from 'kysely';
import { type AppDeps, auditedTransaction } from '../deps.ts';
import type { ReferenceData } from './shipped-data.ts';
import { loadShippedKnowledge } from './shipped-data.ts';

export const RECORD_KINDS = {
  catalogue: 'catalogue',
  instrument: 'instrument',
  partyList: 'party-list',
  reservations: 'reservations',
} as const;

export const SHIPPED_SOURCE = 'shipped snapshot';

/** Records for a whole snapshot (version 1, the shipped data). */
export function recordsFromSnapshot(snapshot: KnowledgeSnapshot): KnowledgeRecord[] {
  const records: KnowledgeRecord[] = [
    { kind: RECORD_KINDS.catalogue, key: 'order', data: { instruments: snapshot.instruments.map((i) => i.id) } },
  ];
  for (const i of snapshot.instruments) records.push({ kind: RECORD_KINDS.instrument, key: i.id, data: i });
  for (const l of snapshot.partyLists) records.push({ kind: RECORD_KINDS.partyList, key: l.instrument, data: l });
  const byInstrument = new Map<string, Reservation[]>(snapshot.instruments.map((i) => [i.id, []]));
  for (const r of snapshot.reservations) byInstrument.set(r.instrument, [...(byInstrument.get(r.instrument) ?? []), r]);
  for (const [instrument, list] of byInstrument) records.push({ kind: RECORD_KINDS.reservations, key: instrument, data: list });
  return records;
}

export interface ImportedSnapshot {
  snapshot: KnowledgeSnapshot;
  versions: RecordVersions;
}

/** Rebuild the imported snapshot of one version from its records. */
export function snapshotFromRecords(
  records: readonly { version: number; kind: string; key: string; data: unknown }[],
  reference: ReferenceData,
  dataAsOf: string,
): ImportedSnapshot {
  const instruments = new Map<string, Instrument>();
  const partyLists: PartyList[] = [];
  const reservations: Reservation[] = [];
  const versions: RecordVersions = { partyLists: new Map(), reservations: new Map() };
  let order: string[] = [];
  for (const r of records) {
    switch (r.kind) {
      case RECORD_KINDS.catalogue:
        order = (r.data as { instruments: string[] }).instruments;
        break;
      case RECORD_KINDS.instrument:
        instruments.set(r.key, r.data as Instrument);
        break;
      case RECORD_KINDS.partyList:
        partyLists.push(r.data as PartyList);
        versions.partyLists.set(r.key, r.version);
        break;
      case RECORD_KINDS.reservations:
        reservations.push(...(r.data as Reservation[]));
        versions.reservations.set(r.key, r.version);
        break;
    }
  }
  const ordered = order.flatMap((id) => {
    const i = instruments.get(id);
    return i ? [i] : [];
  });
  for (const i of instruments.values()) if (!order.includes(i.id)) ordered.push(i);
  // Records come back sorted by key; put lists and reservations back in catalogue order, as the
  // shipped snapshot has them, so that every reading of a version builds the same index.
  const position = new Map(ordered.map((i, n) => [i.id, n]));
  const at = (id: string) => position.get(id) ?? Number.MAX_SAFE_INTEGER;
  partyLists.sort((a, b) => at(a.instrument) - at(b.instrument));
  reservations.sort((a, b) => at(a.instrument) - at(b.instrument));
  return {
    snapshot: { dataAsOf, instruments: ordered, partyLists, reservations, ...reference },
    versions,
  };
}

export function curationOf(row: CurationRow): Curation {
  return {
    id: row.id,
    fact: row.fact as CuratedFact,
    source: row.source,
    note: row.note,
    createdAt: row.createdAt,
    createdBy: row.createdByEmail,
    basedOnVersion: row.basedOnVersion,
  };
}

/** Everything one version of the knowledge is: its row, what was imported, what is answered from. */
export interface KnowledgeState {
  version: KnowledgeVersionRow;
  imported: KnowledgeSnapshot;
  recordVersions: RecordVersions;
  /** Curations laid over this state (none for an earlier version, which shows the import as it was). */
  curations: CurationRow[];
  conflicts: CurationConflict[];
  /** Facts declared by States' own nodes (this node's published ones and its peers'), latest version only. */
  declared: DeclaredSource[];
  /** Where those facts disagree with the depositary data. */
  disagreements: DeclaredDisagreement[];
  index: KnowledgeIndex;
}

/** This node's published facts and those its active peers published, as knowledge sources. */
export async function loadDeclaredSources(db: Kysely<Database>): Promise<DeclaredSource[]> {
  const out: DeclaredSource[] = [];
  const own = await findPublishedFacts(db);
  if (own?.signed) out.push({ facts: (own.signed as SignedDeclaredFacts).facts, own: true });
  for (const r of await listReceivedFacts(db)) out.push({ facts: (r.signed as SignedDeclaredFacts).facts, own: false });
  return out;
}

/**
 * Read a version (the latest when `number` is absent). The latest version carries the active
 * curated facts; an earlier version is shown as it was imported.
 */
export async function loadKnowledgeState(
  db: Kysely<Database>,
  reference: ReferenceData,
  number?: number,
): Promise<KnowledgeState | null> {
  const latest = await latestKnowledgeVersion(db);
  if (!latest) return null;
  const version = number === undefined || number === latest.number ? latest : await findKnowledgeVersion(db, number);
  if (!version) return null;
  const records = await readKnowledgeRecords(db, version.number);
  const { snapshot: imported, versions } = snapshotFromRecords(records, reference, version.dataAsOf);
  const isLatest = version.number === latest.number;
  const curations = isLatest ? await listCurations(db, { active: true }) : [];
  const applied = applyCurations(imported, curations.map(curationOf), versions);
  const declared = isLatest ? await loadDeclaredSources(db) : [];
  const withDeclared = applyDeclaredFacts(applied.snapshot, declared);
  return {
    version,
    imported,
    recordVersions: versions,
    curations,
    conflicts: applied.conflicts,
    declared,
    disagreements: withDeclared.disagreements,
    index: buildKnowledgeIndex(withDeclared.snapshot),
  };
}

/** Digest of a snapshot's content (instruments, party lists, reservations), hex SHA-256. */
export function snapshotDigest(deps: Pick<AppDeps, 'hasher'>, snapshot: KnowledgeSnapshot): string {
  return deps.hasher.sha256Hex(
    // The snapshot is plain JSON data (it round-trips through jsonb); the cast only widens the type.
    canonicalJson(JSON.parse(JSON.stringify({ instruments: snapshot.instruments, partyLists: snapshot.partyLists, reservations: snapshot.reservations })) as JsonValue),
  );
}

/**
 * On first start, store the knowledge shipped in data/ as version 1 ("shipped snapshot"), with
 * its audit entry. On a later start with a newer release whose shipped data differs from the
 * last shipped version, store it as a new version holding the records that changed — except a
 * party list imported from a depositary that is newer than the release's, which is kept and
 * named in the version's summary. Curated facts stay on top of the new version, and
 * their conflicts with it are listed as after any import. Returns the version created, if any.
 */
export async function seedShippedKnowledge(
  deps: Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now'>,
  dataDir: string,
  who: { requestId: string } = { requestId: 'knowledge-seed' },
): Promise<number | null> {
  const existing = await latestKnowledgeVersion(deps.db);
  if (existing) {
    const lastShipped = (await listKnowledgeVersions(deps.db)).find((v) => v.source === SHIPPED_SOURCE);
    const shipped = await loadShippedKnowledge(dataDir);
    const digest = snapshotDigest(deps, shipped);
    if (lastShipped?.digest === digest) return null;
    return storeNewRelease(deps, shipped, digest, who);
  }
  const shipped = await loadShippedKnowledge(dataDir);
  const digest = snapshotDigest(deps, shipped);
  return auditedTransaction(deps, { actor: null, requestId: who.requestId }, async (trx, audit) => {
    await lockKnowledgeVersions(trx);
    // Another node on the same PostgreSQL database may have seeded it meanwhile.
    if (await latestKnowledgeVersion(trx)) return null;
    const summary = {
      files: [] as unknown[],
      instruments: shipped.instruments.map((i) => i.id),
      partyLists: shipped.partyLists.length,
      reservations: shipped.reservations.length,
      dataDir: 'data/',
    };
    await insertKnowledgeVersion(
      trx,
      {
        number: 1,
        createdAt: deps.now(),
        actorId: null,
        actorEmail: null,
        source: SHIPPED_SOURCE,
        digest,
        dataAsOf: shipped.dataAsOf,
        forced: false,
        summary,
      },
      recordsFromSnapshot(shipped),
    );
    audit('knowledge.import', 'knowledge-version:1', {
      source: SHIPPED_SOURCE,
      digest,
      dataAsOf: shipped.dataAsOf,
      instruments: shipped.instruments.length,
      partyLists: shipped.partyLists.length,
      reservations: shipped.reservations.length,
    });
    return 1;
  });
}

function recordKey(r: { kind: string; key: string }): string {
  return `${r.kind}|${r.key}`;
}

/** The newest date a party list speaks for: its own as-of. */
function listAsOf(data: unknown): string {
  return (data as PartyList).asOf ?? '';
}

async function storeNewRelease(
  deps: Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now'>,
  shipped: KnowledgeSnapshot,
  digest: string,
  who: { requestId: string },
): Promise<number | null> {
  return auditedTransaction(deps, { actor: null, requestId: who.requestId }, async (trx, audit) => {
    await lockKnowledgeVersions(trx);
    const latest = await latestKnowledgeVersion(trx);
    if (!latest) return null;
    // Another node on the same database may have stored this release meanwhile.
    const all = await listKnowledgeVersions(trx);
    const lastShipped = all.find((v) => v.source === SHIPPED_SOURCE);
    if (lastShipped?.digest === digest) return null;
    const imported = new Set(all.filter((v) => v.source !== SHIPPED_SOURCE).map((v) => v.number));
    const current = new Map((await readKnowledgeRecords(trx, latest.number)).map((r) => [recordKey(r), r]));
    const changed: KnowledgeRecord[] = [];
    const kept: { instrument: string; heldAsOf: string; shippedAsOf: string }[] = [];
    for (const r of recordsFromSnapshot(shipped)) {
      const held = current.get(recordKey(r));
      if (held && canonicalJson(held.data as JsonValue) === canonicalJson(JSON.parse(JSON.stringify(r.data)) as JsonValue)) continue;
      // A list imported from the depositary after the last release and newer than the release's own
      // list is kept; a list from the previous release is always replaced.
      if (held && r.kind === RECORD_KINDS.partyList && imported.has(held.version) && listAsOf(held.data) > listAsOf(r.data)) {
        kept.push({ instrument: r.key, heldAsOf: listAsOf(held.data), shippedAsOf: listAsOf(r.data) });
        continue;
      }
      changed.push(r);
    }
    // Imports since the last release may already hold everything the release changes.
    if (changed.length === 0) return null;
    const number = latest.number + 1;
    const dataAsOf = [latest.dataAsOf, shipped.dataAsOf].sort().at(-1) ?? shipped.dataAsOf;
    const summary = {
      files: [] as unknown[],
      release: true,
      changed: changed.map((r) => `${r.kind}:${r.key}`),
      kept,
      previousShippedVersion: lastShipped?.number ?? null,
      dataDir: 'data/',
    };
    await insertKnowledgeVersion(
      trx,
      { number, createdAt: deps.now(), actorId: null, actorEmail: null, source: SHIPPED_SOURCE, digest, dataAsOf, forced: false, summary },
      changed,
    );
    audit('knowledge.import', `knowledge-version:${number}`, {
      source: SHIPPED_SOURCE,
      release: true,
      digest,
      dataAsOf,
      changed: summary.changed,
      kept,
    });
    return number;
  });
}
