// Legal-basis benchmark, part 1 (not a test): the whole matrix — every ordered pair of States ×
// every cooperation type × every offence — answered once in one process, on the shipped data.
// Run on one core:  taskset -c 0 node --import tsx bench/legal-basis/matrix.ts [YYYY-MM-DD]
// The goal (issue 3) is the whole matrix in under 10 seconds on one core.
// The matrix runs twice, each time in a fresh child process (same Node options, same CPU pinning,
// which children inherit): first with every part of every answer built for that answer
// (`setAnswerSharing(false)`: statuses, reasons, reservations and headline), then with the parts
// shared per pair of States (the engine as it is, as a node runs it). A fresh process per mode
// keeps the second run from inheriting the first one's compiled code and heap (in one process the
// second run was 20-30 % slower than alone). The ratio is the gain. Besides wall-clock seconds it
// prints each child's CPU seconds, which other work on a shared machine inflates much less.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { findLegalBases, setAnswerSharing } from '@comity/core/knowledge/engine';
import { buildKnowledgeIndex } from '@comity/core/knowledge/knowledge-index';
import type { KnowledgeSnapshot } from '@comity/core/knowledge/model';
import { COOPERATION_TYPES, OFFENCE_IDS } from '@comity/core/knowledge/taxonomy';
import { loadShippedKnowledge } from '@comity/server/knowledge/shipped-data';

const date = process.argv[2] && process.argv[2] !== '--child' ? process.argv[2] : new Date().toISOString().slice(0, 10);
const child = process.argv.indexOf('--child');
function matrix(snapshot: KnowledgeSnapshot, share: boolean) {
  setAnswerSharing(share);
  const index = buildKnowledgeIndex(snapshot);
  const states = [...index.countries.keys()];
  const load = loadavg()[0];
  const start = performance.now();
  const cpu = process.cpuUsage();
  let answers = 0;
  let bases = 0;
  const outcomes: Record<string, number> = {};
  const headlines: Record<string, number> = {};
  for (const requesting of states) {
    for (const requested of states) {
      if (requesting === requested) continue;
      for (const type of COOPERATION_TYPES) {
        for (const offence of OFFENCE_IDS) {
          const a = findLegalBases(index, { requesting, requested, type, offence, date });
          answers++;
          bases += a.bases.length;
          headlines[a.headline.code] = (headlines[a.headline.code] ?? 0) + 1;
          for (const b of a.bases) outcomes[b.outcome] = (outcomes[b.outcome] ?? 0) + 1;
        }
      }
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    states: states.length,
    answers,
    bases,
    outcomes,
    headlines,
    matrixSeconds: Number(seconds.toFixed(2)),
    cpuSeconds: Number(((used.user + used.system) / 1e6).toFixed(2)),
    answersPerSecond: Math.round(answers / seconds),
    loadAverage1m: { before: Number(load?.toFixed(2)), after: Number(loadavg()[0]?.toFixed(2)) },
  };
}

if (child >= 0) {
  // A child: load the data, answer the matrix in one mode, print the figures as one JSON line.
  const t0 = performance.now();
  const snapshot: KnowledgeSnapshot = await loadShippedKnowledge();
  const loadMs = Math.round(performance.now() - t0);
  console.log(JSON.stringify({ loadMs, ...matrix(snapshot, process.argv[child + 1] === 'shared') }));
} else {
  const run = (mode: 'per-answer' | 'shared') => {
    const out = execFileSync(process.execPath, [...process.execArgv, new URL(import.meta.url).pathname, date, '--child', mode], { encoding: 'utf8', maxBuffer: 1 << 20 });
    return JSON.parse(out.trim().split('\n').pop() as string) as ReturnType<typeof matrix> & { loadMs: number };
  };
  const before = run('per-answer');
  const after = run('shared');
  console.log(
    JSON.stringify(
      {
        date,
        loadMs: after.loadMs,
        builtPerAnswer: before,
        sharedPerPair: after,
        sameAnswers: before.answers === after.answers && before.bases === after.bases && JSON.stringify(before.headlines) === JSON.stringify(after.headlines) && JSON.stringify(before.outcomes) === JSON.stringify(after.outcomes),
        speedup: Number((before.matrixSeconds / after.matrixSeconds).toFixed(2)),
        goalMet: after.matrixSeconds < 10,
        machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version },
      },
      null,
      1,
    ),
  );
}
