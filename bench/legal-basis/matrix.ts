// Legal-basis benchmark, part 1 (not a test): the whole matrix — every ordered pair of States ×
// every cooperation type × every offence — answered once in one process, on the shipped data.
// Run on one core:  taskset -c 0 node --import tsx bench/legal-basis/matrix.ts [YYYY-MM-DD]
// The goal (issue 3) is the whole matrix in under 10 seconds on one core.
import { cpus, loadavg } from 'node:os';
import { findLegalBases } from '@comity/core/knowledge/engine';
import { buildKnowledgeIndex } from '@comity/core/knowledge/knowledge-index';
import { COOPERATION_TYPES, OFFENCE_IDS } from '@comity/core/knowledge/taxonomy';
import { loadShippedKnowledge } from '@comity/server/knowledge/shipped-data';

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
const seconds = (performance.now() - loaded) / 1000;
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
      goalMet: seconds < 10,
      machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, loadAverage1m: Number(loadavg()[0]?.toFixed(2)), node: process.version },
    },
    null,
    1,
  ),
);
