// Curation use cases: an administrator adds or corrects a fact (a participation, a bilateral
// treaty, a reservation's effect) with a source and a note, withdraws it, or keeps it after a
// newer import disagreed. Each change is audited in the same transaction.
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '@comity/core';
import { type CuratedFact, checkCuratedFact } from '@comity/core/knowledge/curation';
import { reservationId } from '@comity/core/knowledge/reservations';
import {
  type CurationRow,
  confirmCuration,
  findCuration,
  insertCuration,
  latestKnowledgeVersion,
  withdrawCuration,
} from '@comity/db';
import { type Actor, type AppDeps, auditedTransaction } from '../deps.ts';
import type { KnowledgeState } from './knowledge-store.ts';

type Deps = Pick<AppDeps, 'db' | 'hasher' | 'signer' | 'now'>;
interface Who {
  actor: Actor | null;
  requestId: string | null;
}

function normalise(fact: CuratedFact): CuratedFact {
  switch (fact.kind) {
    case 'participation':
      return { ...fact, instrument: fact.instrument.trim().toUpperCase(), state: fact.state.trim().toUpperCase() };
    case 'bilateral-treaty':
      return {
        ...fact,
        id: fact.id.trim().toUpperCase(),
        title: fact.title.trim(),
        states: [fact.states[0].trim().toUpperCase(), fact.states[1].trim().toUpperCase()],
      };
    case 'reservation-effect':
      return { ...fact, instrument: fact.instrument.trim().toUpperCase(), state: fact.state.trim().toUpperCase() };
    default: {
      const never: never = fact;
      return never;
    }
  }
}

export async function addCuration(
  deps: Deps,
  who: Who,
  current: KnowledgeState,
  input: { fact: CuratedFact; source: string; note: string },
): Promise<CurationRow> {
  const source = input.source.trim();
  const note = input.note.trim();
  if (!source) throw new ValidationError('source_required', 'Every curated fact needs its source.', { field: 'source' });
  if (!note) throw new ValidationError('note_required', 'Every curated fact needs a note saying why.', { field: 'note' });
  const fact = normalise(input.fact);
  checkCuratedFact(fact, {
    instruments: current.index.instruments,
    countries: current.index.countries,
    reservationIds: new Set(current.index.snapshot.reservations.map(reservationId)),
  });
  if (fact.kind === 'bilateral-treaty') {
    const existing = current.index.instruments.get(fact.id);
    // Correcting a curated treaty is fine (the newer curation wins); reusing another's id is not.
    if (existing?.curated && existing.states && (existing.states[0] !== fact.states[0] || existing.states[1] !== fact.states[1])) {
      throw new ConflictError('instrument_exists', `"${fact.id}" is already a curated treaty between ${existing.states.join(' and ')}.`, { field: 'id' });
    }
  }
  const instrument = fact.kind === 'bilateral-treaty' ? fact.id : fact.instrument;
  const state = fact.kind === 'bilateral-treaty' ? null : fact.state;
  return auditedTransaction(deps, who, async (trx, audit) => {
    // Rest the fact on the version that is current inside the transaction, not a cached one.
    const latest = await latestKnowledgeVersion(trx);
    const row = await insertCuration(trx, {
      id: randomUUID(),
      kind: fact.kind,
      instrument,
      state,
      fact,
      source,
      note,
      basedOnVersion: latest?.number ?? current.version.number,
      createdAt: deps.now(),
      createdById: who.actor?.userId ?? null,
      createdByEmail: who.actor?.email ?? null,
    });
    audit('knowledge.curate', `knowledge-curation:${row.id}`, { kind: fact.kind, instrument, state, fact, source, note, basedOnVersion: row.basedOnVersion });
    return row;
  });
}

export async function withdrawCurationById(deps: Deps, who: Who, id: string, note: string): Promise<CurationRow> {
  if (!note.trim()) throw new ValidationError('note_required', 'Say why the curated fact is withdrawn.', { field: 'note' });
  return auditedTransaction(deps, who, async (trx, audit) => {
    const row = await findCuration(trx, id);
    if (!row) throw new NotFoundError('not_found', 'No such curated fact.');
    if (row.withdrawnAt) throw new ConflictError('already_withdrawn', 'This curated fact was already withdrawn.');
    const updated = await withdrawCuration(trx, id, { email: who.actor?.email ?? null, note: note.trim(), at: deps.now() });
    audit('knowledge.curation.withdraw', `knowledge-curation:${id}`, { kind: row.kind, instrument: row.instrument, state: row.state, note: note.trim() });
    return updated;
  });
}

/** Keep a curated fact after a newer import disagreed: it now rests on the current version. */
export async function confirmCurationById(deps: Deps, who: Who, id: string): Promise<CurationRow> {
  return auditedTransaction(deps, who, async (trx, audit) => {
    const row = await findCuration(trx, id);
    if (!row) throw new NotFoundError('not_found', 'No such curated fact.');
    if (row.withdrawnAt) throw new ConflictError('already_withdrawn', 'This curated fact was withdrawn.');
    const latest = await latestKnowledgeVersion(trx);
    const version = latest?.number ?? row.basedOnVersion;
    const updated = await confirmCuration(trx, id, version, deps.now());
    audit('knowledge.curation.confirm', `knowledge-curation:${id}`, { kind: row.kind, instrument: row.instrument, state: row.state, from: row.basedOnVersion, to: version });
    return updated;
  });
}
