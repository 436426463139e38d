// Legal-basis answers digest (not a benchmark, not a test): a SHA-256 over the JSON of every answer
// of the matrix (or of every n-th State's pairs), so that a change meant to make the engine faster
// can be checked against the commit before it: run it on both trees, the digests must be equal.
// Usage: node --import tsx bench/legal-basis/answers-digest.ts [YYYY-MM-DD] [default|all] [n] [engine|zod|route]
// `all` asks with --all (the not-applicable bases too); every 101st answer includes article texts.
// The last argument says which JSON is hashed: the engine's answer as it is (default); the API's
// JSON through the generic zod response serialiser (checked against LegalBasisAnswer, keys in the
// contract's order), as the route sent it before legal-basis-json.ts; or through the route's own
// serialiser (legal-basis-json.ts). `zod` and `route` must give the same digest.
import { createHash } from 'node:crypto';
import { findLegalBases } from '@comity/core/knowledge/engine';
import { buildKnowledgeIndex } from '@comity/core/knowledge/knowledge-index';
import { COOPERATION_TYPES, OFFENCE_IDS } from '@comity/core/knowledge/taxonomy';
import { loadShippedKnowledge } from '@comity/server/knowledge/shipped-data';
const date = process.argv[2] ?? '2026-11-29';
const all = process.argv[3] === 'all';
const step = Number(process.argv[4] ?? 1);
const mode = process.argv[5] ?? 'engine';
let json: (answer: unknown) => string | Buffer = (a) => JSON.stringify(a);
if (mode === 'zod') {
  const { serializerCompiler } = await import('fastify-type-provider-zod');
  const { LegalBasisAnswer } = await import('@comity/contract/knowledge');
  json = serializerCompiler({ schema: LegalBasisAnswer, method: 'GET', url: '/api/v1/legal-basis' }) as (answer: unknown) => string;
} else if (mode === 'route') {
  // Imported by name at run time, so that this script still runs on a tree from before it existed.
  const route = '@comity/server/knowledge/legal-basis-json';
  json = ((await import(route)) as { legalBasisSerializer: () => (answer: unknown) => string | Buffer }).legalBasisSerializer();
} else if (mode !== 'engine') throw new Error(`unknown mode ${mode}: engine, zod or route`);
const snapshot = await loadShippedKnowledge();
const index = buildKnowledgeIndex(snapshot);
const states = [...index.countries.keys()].filter((_, k) => k % step === 0);
const h = createHash('sha256');
let n = 0;
for (const requesting of states) for (const requested of states) {
  if (requesting === requested && !all) continue;
  for (const type of COOPERATION_TYPES) for (const offence of OFFENCE_IDS) {
    const a = findLegalBases(index, { requesting, requested, type, offence, date, all, includeText: n % 101 === 0 });
    h.update(json(a)); n++;
  }
}
console.log(date, all ? 'all' : 'default', step, mode, n, h.digest('hex'));
