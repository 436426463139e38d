// Runs the legal-basis engine over the whole matrix once (every ordered pair of States × every
// cooperation type × every offence) on the shipped data and prints answers per second.
// Run: node --import tsx scripts/matrix.ts [YYYY-MM-DD]
import { findLegalBases } from '../packages/core/src/knowledge/engine.ts';
import { buildKnowledgeIndex } from '../packages/core/src/knowledge/knowledge-index.ts';
import { COOPERATION_TYPES, OFFENCE_IDS } from '../packages/core/src/knowledge/taxonomy.ts';
import { loadShippedKnowledge } from '../packages/server/src/knowledge/shipped-data.ts';

async function main(): Promise<void> {
  const date = process.argv[2] ?? new Date().toISOString().slice(0, 10);
  const t0 = performance.now();
  const index = buildKnowledgeIndex(await loadShippedKnowledge());
  const loaded = performance.now();
  const states = [...index.countries.keys()];
  let answers = 0;
  let bases = 0;
  const outcomes: Record<string, number> = {};
  for (const requesting of states) {
    for (const requested of states) {
      if (requesting === requested) continue;
      for (const type of COOPERATION_TYPES) {
        for (const offence of OFFENCE_IDS) {
          const a = findLegalBases(index, { requesting, requested, type, offence, date });
          answers++;
          bases += a.bases.length;
          for (const b of a.bases) outcomes[b.outcome] = (outcomes[b.outcome] ?? 0) + 1;
        }
      }
    }
  }
  const done = performance.now();
  const seconds = (done - loaded) / 1000;
  console.log(
    JSON.stringify(
      {
        date,
        states: states.length,
        answers,
        bases,
        outcomes,
        loadMs: Math.round(loaded - t0),
        matrixSeconds: Number(seconds.toFixed(2)),
        answersPerSecond: Math.round(answers / seconds),
      },
      null,
      1,
    ),
  );
}

await main();
