// Legal-basis answer cost (not a test): CPU microseconds per answer of the API's work apart from
// HTTP, split into its steps, over the same 4,000 pseudo-random questions as http-latency.ts.
// CPU time of this process (process.cpuUsage), so the figures hold up better than wall time on a
// loaded machine. Run:  node --import tsx bench/legal-basis/answer-cost.ts [rounds, default 5]
import { cpuUsage } from 'node:process';
import { LegalBasisAnswer } from '@comity/contract/knowledge';
import { findLegalBases } from '@comity/core/knowledge/engine';
import { buildKnowledgeIndex } from '@comity/core/knowledge/knowledge-index';
import { resolveLegalBasisInput } from '@comity/core/knowledge/resolve';
import { COOPERATION_TYPES, OFFENCE_IDS } from '@comity/core/knowledge/taxonomy';
import { loadShippedKnowledge } from '@comity/server/knowledge/shipped-data';
import { safeEncode } from 'zod/v4/core';
import { legalBasisSerializer } from '@comity/server/knowledge/legal-basis-json';


const rounds = Number(process.argv[2] ?? 5);
const index = buildKnowledgeIndex(await loadShippedKnowledge());
const codes = [...index.countries.keys()].sort();
let s = 20240101 >>> 0;
const random = () => {
  s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
  return s / 2 ** 32;
};
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
const questions = Array.from({ length: 4_000 }, () => {
  const requesting = pick(codes);
  let requested = pick(codes);
  while (requested === requesting) requested = pick(codes);
  return { requesting, requested, type: pick(COOPERATION_TYPES), offence: pick(OFFENCE_IDS) };
});
const today = new Date().toISOString().slice(0, 10);
const stats = { hits: 0, misses: 0 };
const fast = legalBasisSerializer(stats);
const cpu = (f: () => void) => {
  const a = cpuUsage();
  f();
  const b = cpuUsage(a);
  return (b.user + b.system) / questions.length;
};
let sink = 0;
const answers = questions.map((q) => findLegalBases(index, resolveLegalBasisInput(index, q, today)));
const encoded = answers.map((a) => safeEncode(LegalBasisAnswer, a).data);
const rows: Record<string, number[]> = { engine: [], 'zod encode': [], 'JSON.stringify': [], 'compiled serializer': [] };
for (let r = 0; r < rounds; r++) {
  rows.engine!.push(cpu(() => { for (const q of questions) sink += findLegalBases(index, resolveLegalBasisInput(index, q, today)).bases.length; }));
  rows['zod encode']!.push(cpu(() => { for (const a of answers) sink += safeEncode(LegalBasisAnswer, a).success ? 1 : 0; }));
  rows['JSON.stringify']!.push(cpu(() => { for (const a of encoded) sink += JSON.stringify(a).length; }));
  rows['compiled serializer']!.push(cpu(() => { for (const a of answers) sink += fast(a).length; }));
}
const bytes = encoded.reduce((n, a) => n + JSON.stringify(a).length, 0) / encoded.length;
console.log(`shared parts: ${stats.hits} reused, ${stats.misses} made`);
console.log(`${questions.length} questions × ${rounds} rounds, mean answer ${Math.round(bytes)} bytes (sink ${sink})`);
for (const [step, us] of Object.entries(rows)) {
  const sorted = [...us].sort((a, b) => a - b);
  console.log(`${step.padEnd(20)} CPU µs/answer  min ${sorted[0]!.toFixed(1)}  median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)}  max ${sorted.at(-1)!.toFixed(1)}`);
}
