// The knowledge service a node keeps in memory: the index of the current version with the curated
// facts laid over it, rebuilt after every import or curation (and when another process changed
// the database). Other capabilities ask it through `legalBasisFor(deps, query)`.
import { NotFoundError } from '@comity/core';
import { findLegalBases, type LegalBasisAnswer } from '@comity/core/knowledge/engine';
import type { KnowledgeIndex } from '@comity/core/knowledge/knowledge-index';
import { type LegalBasisInput, resolveLegalBasisInput } from '@comity/core/knowledge/resolve';
import { type Database, knowledgeGeneration } from '@comity/db';
import { declaredFactsGeneration } from '@comity/db/repos/declared-facts-repo';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../deps.ts';
import { type KnowledgeState, loadKnowledgeState } from './knowledge-store.ts';
import type { ReferenceData } from './shipped-data.ts';

export type { LegalBasisInput } from '@comity/core/knowledge/resolve';

export interface KnowledgeService {
  /** Answer a legal-basis question typed by a user; bad input throws a 400-mapped error with close matches. */
  answer(query: LegalBasisInput): Promise<LegalBasisAnswer>;
  /** The index of the current version, curated facts included. */
  index(): Promise<KnowledgeIndex>;
  /** Rebuild from the database now (after a write). */
  reload(): Promise<void>;
  /** The current version with its curations and conflicts. */
  state(): Promise<KnowledgeState>;
  /** An earlier version as it was imported (404 when it does not exist). */
  stateAt(version: number): Promise<KnowledgeState>;
  readonly reference: ReferenceData;
}

/** How often a node asks the database whether another process changed the knowledge. */
const FRESHNESS_CHECK_MS = 5_000;

/** Changes whenever an import, a curation or a declared fact changes. */
async function generationOf(db: Kysely<Database>): Promise<string> {
  return `${await knowledgeGeneration(db)}|${await declaredFactsGeneration(db)}`;
}

export function todayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export async function createKnowledgeService(
  deps: Pick<AppDeps, 'db' | 'now'>,
  reference: ReferenceData,
  opts: { freshnessCheckMs?: number } = {},
): Promise<KnowledgeService> {
  const checkEvery = opts.freshnessCheckMs ?? FRESHNESS_CHECK_MS;
  let current: { state: KnowledgeState; generation: string } | undefined;
  let loading: Promise<void> | undefined;
  let checkedAt = 0;
  let checking: Promise<void> | undefined;
  const earlier = new Map<number, Promise<KnowledgeState>>();

  const load = async () => {
    const generation = await generationOf(deps.db);
    const state = await loadKnowledgeState(deps.db, reference);
    if (!state) throw new Error('the knowledge base is empty: the shipped snapshot was not loaded');
    current = { state, generation };
    checkedAt = Date.now();
  };
  const reload = async () => {
    // Single flight: concurrent callers share one rebuild.
    loading ??= load().finally(() => {
      loading = undefined;
    });
    await loading;
  };
  const fresh = async (): Promise<KnowledgeState> => {
    if (!current) await reload();
    else if (Date.now() - checkedAt > checkEvery) {
      checking ??= (async () => {
        checkedAt = Date.now();
        if ((await generationOf(deps.db)) !== current?.generation) await reload();
      })().finally(() => {
        checking = undefined;
      });
      await checking;
    }
    return (current as { state: KnowledgeState }).state;
  };

  // Today's date as text, made once per UTC day (Date.toISOString on every answer was a
  // measurable part of a legal-basis request).
  let day = { number: Number.NaN, text: '' };
  const today = (now: Date) => {
    const number = Math.floor(now.getTime() / 86_400_000);
    if (number !== day.number) day = { number, text: todayOf(now) };
    return day.text;
  };

  await reload();
  return {
    reference,
    reload,
    state: fresh,
    async index() {
      return (await fresh()).index;
    },
    async stateAt(version: number) {
      const latest = await fresh();
      if (version === latest.version.number) return latest;
      let promise = earlier.get(version);
      if (!promise) {
        // Earlier versions never change; keep the last few that were asked for.
        if (earlier.size >= 3) earlier.delete(earlier.keys().next().value as number);
        promise = loadKnowledgeState(deps.db, reference, version).then((s) => {
          if (!s) throw new NotFoundError('unknown_version', `There is no knowledge version ${version}.`, { version });
          return s;
        });
        promise.catch(() => earlier.delete(version));
        earlier.set(version, promise);
      }
      return promise;
    },
    async answer(query: LegalBasisInput) {
      const index = (await fresh()).index;
      const q = resolveLegalBasisInput(index, query, today(deps.now()));
      return findLegalBases(index, q);
    },
  };
}

/** The legal bases for a question, for other capabilities (requests check completeness with it). */
export async function legalBasisFor(deps: Pick<AppDeps, 'knowledge'>, query: LegalBasisInput): Promise<LegalBasisAnswer> {
  if (!deps.knowledge) throw new Error('the knowledge capability is not loaded on this node');
  return deps.knowledge.answer(query);
}
