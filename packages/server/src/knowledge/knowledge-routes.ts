// Knowledge routes. Reading (legal bases, instruments, countries, taxonomy, versions) is public
// unless the node setting requireSignInForKnowledge is on; imports and curation are for
// administrators (permission knowledge:curate).
import {
  ConflictList,
  CountryList,
  CountryParams,
  CountryProfile,
  CountryProfileQuery,
  CurationBody,
  CurationList,
  CurationParams,
  CurationQuery,
  Curation as CurationSchema,
  ImportBody,
  ImportReport,
  InstrumentDetail,
  InstrumentList,
  InstrumentParams,
  InstrumentQuery,
  KnowledgeProblem as Problem,
  KnowledgeVersionList,
  LegalBasisAnswer,
  LegalBasisQuery,
  Taxonomy,
  WithdrawBody,
} from '@comity/contract/knowledge';
import { DeclaredFactsList, DeclaredFactsQuery } from '@comity/contract/declared-facts';
import { UnauthenticatedError, can } from '@comity/core';
import type { CuratedFact } from '@comity/core/knowledge/curation';
import { countryProfile } from '@comity/core/knowledge/profile';
import { resolveCountry, resolveDate, resolveInstrument } from '@comity/core/knowledge/resolve';
import { OFFENCE_IDS } from '@comity/core/knowledge/taxonomy';
import { listCurations, listKnowledgeVersions } from '@comity/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type ZodTypeProvider, serializerCompiler } from 'fastify-type-provider-zod';
import { requirePermission } from '../auth/authenticate.ts';
import type { AppDeps } from '../deps.ts';
import { readPublicSettings } from '../routes/node-routes.ts';
import { listDeclaredFacts } from './declared-facts-service.ts';
import { addCuration, confirmCurationById, withdrawCurationById } from './knowledge-curation.ts';
import { importDepositaryFiles } from './knowledge-import.ts';
import { legalBasisSerializer } from './legal-basis-json.ts';
import { presentCountry, presentCuration, presentInstrumentDetail, presentInstrumentSummary, presentVersion } from './knowledge-presenters.ts';
import { type KnowledgeService, todayOf } from './knowledge-service.ts';

const TAGS = ['knowledge'];
const SETTING_TTL_MS = 5_000;
const ADMIN_TAGS = ['knowledge administration'];
const problems = { 400: Problem, 401: Problem, 404: Problem };

export async function knowledgeRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const service = deps.knowledge as KnowledgeService;
  if (!service) throw new Error('knowledgeRoutes needs deps.knowledge (load the knowledge capability first)');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const today = () => todayOf(deps.now());

  // The sign-in setting is read on every anonymous request, so it is kept for a few seconds (a
  // change through this node's settings route applies at once; one made elsewhere, within seconds).
  let signInSetting: { value: boolean; at: number } | undefined;
  app.addHook('onResponse', async (request) => {
    if (request.method === 'PUT' && request.routeOptions.url === '/api/v1/settings/public') signInSetting = undefined;
  });
  const signInRequired = async () => {
    if (!signInSetting || Date.now() - signInSetting.at > SETTING_TTL_MS) {
      signInSetting = { value: (await readPublicSettings(deps)).requireSignInForKnowledge, at: Date.now() };
    }
    return signInSetting.value;
  };

  /** Treaty knowledge is public unless the administrator requires signing in. */
  const readable = async (request: FastifyRequest) => {
    if (request.actor) return;
    if (await signInRequired()) {
      throw new UnauthenticatedError('unauthenticated', 'This node requires signing in to read the knowledge base.');
    }
  };
  const who = (request: FastifyRequest) => ({ actor: requirePermission(request, 'knowledge:curate'), requestId: String(request.id) });

  // The answer's JSON is checked against LegalBasisAnswer like any response, with the parts that
  // answers share checked and serialised once (legal-basis-json.ts); the error answers as usual.
  // (Fastify types the route-level compiler's argument with the whole route schema; at run time it
  // is one status's response schema, which is what the generic compiler takes.)
  // It gives a Buffer of UTF-8, which Fastify sends as it is (its types expect a string).
  const answerJson = legalBasisSerializer() as unknown as (data: unknown) => string;
  r.get(
    '/api/v1/legal-basis',
    {
      config: { access: 'public', guard: readable },
      serializerCompiler: (route) => (String(route.httpStatus) === '200' ? answerJson : serializerCompiler(route as unknown as Parameters<typeof serializerCompiler>[0])),
      schema: {
        tags: TAGS,
        summary: 'Legal bases between two States for an offence and a kind of cooperation',
        description:
          'Bases are sorted most specific first (bilateral, regional, crime-specific universal, general universal). Not-applicable entries appear only with all=true. Unknown countries, offences or types give 400 with `suggestions`.',
        security: [],
        querystring: LegalBasisQuery,
        response: { 200: LegalBasisAnswer, ...problems },
      },
    },
    async (request) => {
      const q = request.query;
      return service.answer({
        requesting: q.requesting,
        requested: q.requested,
        type: q.type,
        offence: q.offence,
        date: q.date,
        all: q.all === 'true',
        includeText: q.includeText === 'true',
      });
    },
  );

  r.get(
    '/api/v1/instruments',
    { config: { access: 'public', guard: readable }, schema: { tags: TAGS, summary: 'Instruments in the knowledge base, with party counts', security: [], response: { 200: InstrumentList, 401: Problem } } },
    async (_request) => {
      const state = await service.state();
      const date = today();
      return {
        items: state.index.instrumentOrder.map((i) => presentInstrumentSummary(state.index, i, date)),
        dataAsOf: state.index.dataAsOf,
        version: state.version.number,
      };
    },
  );

  r.get(
    '/api/v1/instruments/:id',
    {
      config: { access: 'public', guard: readable },
      schema: {
        tags: TAGS,
        summary: 'One instrument: articles, parties with status facts, reservations; ?version= for an earlier import',
        security: [],
        params: InstrumentParams,
        querystring: InstrumentQuery,
        response: { 200: InstrumentDetail, ...problems },
      },
    },
    async (request) => {
      const current = await service.state();
      const state = request.query.version === undefined ? current : await service.stateAt(request.query.version);
      const id = resolveInstrument(state.index, request.params.id);
      const instrument = state.index.instruments.get(id);
      if (!instrument) throw new Error(`resolved instrument ${id} missing from the index`);
      const date = request.query.date ? resolveDate(request.query.date) : today();
      return presentInstrumentDetail(state.index, instrument, { date, version: state.version.number, currentVersion: current.version.number });
    },
  );

  r.get(
    '/api/v1/countries',
    { config: { access: 'public', guard: readable }, schema: { tags: TAGS, summary: 'States (and the EU) with names in the six UN languages', security: [], response: { 200: CountryList, 401: Problem } } },
    async (_request) => {
      return { items: service.reference.countries.map(presentCountry) };
    },
  );

  r.get(
    '/api/v1/countries/:code',
    {
      config: { access: 'public', guard: readable },
      schema: {
        tags: TAGS,
        summary: 'Country profile: instruments by status and declarations that matter for cooperation',
        security: [],
        params: CountryParams,
        querystring: CountryProfileQuery,
        response: { 200: CountryProfile, ...problems },
      },
    },
    async (request) => {
      const index = await service.index();
      const code = resolveCountry(index, request.params.code);
      const country = index.countries.get(code);
      if (!country) throw new Error(`resolved country ${code} missing from the index`);
      const date = request.query.date ? resolveDate(request.query.date) : today();
      // What the State's own node declares, next to the depositary files (the profile above).
      const declared = await listDeclaredFacts(deps.db, { state: code });
      const disagreements = (await service.state()).disagreements.filter((d) => d.state === code);
      return { country: presentCountry(country), ...countryProfile(index, code, date), declared, disagreements };
    },
  );

  r.get(
    '/api/v1/knowledge/facts',
    {
      config: { access: 'public', guard: readable },
      schema: {
        tags: TAGS,
        summary: 'Facts declared by States’ own nodes that this node uses, with their provenance',
        description: 'This node’s own published facts and those its trusted peers published, each "declared by <authority>, node <id>, signed on <date>".',
        security: [],
        querystring: DeclaredFactsQuery,
        response: { 200: DeclaredFactsList, 400: Problem, 401: Problem },
      },
    },
    async (request) => ({ items: await listDeclaredFacts(deps.db, { state: request.query.state }) }),
  );

  r.get(
    '/api/v1/taxonomy',
    { config: { access: 'public', guard: readable }, schema: { tags: TAGS, summary: 'Cooperation types and offence categories (with ICCS codes where established)', security: [], response: { 200: Taxonomy, 401: Problem } } },
    async (_request) => {
      const labels = new Map(service.reference.offences.map((o) => [o.id, o]));
      return {
        cooperationTypes: service.reference.cooperationTypes.map((t) => ({ id: t.id, label: t.label })),
        offences: OFFENCE_IDS.map((id) => ({ id, label: labels.get(id)?.label ?? id, iccs: labels.get(id)?.iccs ?? null })),
        outcomes: ['applicable', 'conditional', 'not-applicable', 'unknown'] as ('applicable' | 'conditional' | 'not-applicable' | 'unknown')[],
        statusStates: ['party', 'not-party', 'unknown'] as ('party' | 'not-party' | 'unknown')[],
      };
    },
  );

  r.get(
    '/api/v1/knowledge/versions',
    { config: { access: 'public', guard: readable }, schema: { tags: TAGS, summary: 'Knowledge versions (imports), newest first', security: [], response: { 200: KnowledgeVersionList, 401: Problem } } },
    async (request) => {
      const current = (await service.state()).version.number;
      const admin = request.actor ? can(request.actor.role, 'knowledge:curate') : false;
      return { items: (await listKnowledgeVersions(deps.db)).map((v) => presentVersion(v, { current, admin })) };
    },
  );

  r.post(
    '/api/v1/knowledge/imports',
    {
      config: { permission: 'knowledge:curate' },
      bodyLimit: 12 * 1024 * 1024,
      schema: {
        tags: ADMIN_TAGS,
        summary: 'Import a depositary file (UNTC MTDSG XML or Council of Europe JSON) as a new version (admin)',
        description:
          'All or nothing: a malformed file is refused naming the file and the line (code malformed_depositary_file) and changes nothing. A snapshot older than the current data needs force=true (else 409 older_snapshot).',
        body: ImportBody,
        response: { 201: ImportReport, 400: Problem, 401: Problem, 403: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const w = who(request);
      const b = request.body;
      const report = await importDepositaryFiles(deps, w, service.reference, {
        files: [{ name: b.fileName, content: b.content, format: b.format, asOf: b.asOf, digest: deps.hasher.sha256Hex(b.content) }],
        source: `import of ${b.fileName} by ${w.actor.email}`,
        force: b.force,
      });
      await service.reload();
      return reply.code(201).send(report);
    },
  );

  r.get(
    '/api/v1/knowledge/curations',
    { config: { permission: 'knowledge:curate' }, schema: { tags: ADMIN_TAGS, summary: 'Curated facts (admin)', querystring: CurationQuery, response: { 200: CurationList, 401: Problem, 403: Problem } } },
    async (request) => {
      requirePermission(request, 'knowledge:curate');
      const state = await service.state();
      const rows = await listCurations(deps.db, { active: request.query.all !== 'true' });
      return { items: rows.reverse().map((c) => presentCuration(c, state.conflicts)) };
    },
  );

  r.post(
    '/api/v1/knowledge/curations',
    {
      config: { permission: 'knowledge:curate' },
      schema: {
        tags: ADMIN_TAGS,
        summary: 'Add or correct a participation, add a bilateral treaty, or set a reservation’s effect (admin)',
        body: CurationBody,
        response: { 201: CurationSchema, 400: Problem, 401: Problem, 403: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const w = who(request);
      const row = await addCuration(deps, w, await service.state(), {
        fact: request.body.fact as CuratedFact,
        source: request.body.source,
        note: request.body.note,
      });
      await service.reload();
      return reply.code(201).send(presentCuration(row, (await service.state()).conflicts));
    },
  );

  r.post(
    '/api/v1/knowledge/curations/:id/withdraw',
    {
      config: { permission: 'knowledge:curate' },
      schema: {
        tags: ADMIN_TAGS,
        summary: 'Withdraw a curated fact: the imported data applies again (admin)',
        params: CurationParams,
        body: WithdrawBody,
        response: { 200: CurationSchema, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) => {
      const row = await withdrawCurationById(deps, who(request), request.params.id, request.body.note);
      await service.reload();
      return presentCuration(row, []);
    },
  );

  r.post(
    '/api/v1/knowledge/curations/:id/confirm',
    {
      config: { permission: 'knowledge:curate' },
      schema: {
        tags: ADMIN_TAGS,
        summary: 'Keep a curated fact that a newer import contradicts: it now rests on the current version (admin)',
        params: CurationParams,
        response: { 200: CurationSchema, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) => {
      const row = await confirmCurationById(deps, who(request), request.params.id);
      await service.reload();
      return presentCuration(row, (await service.state()).conflicts);
    },
  );

  r.get(
    '/api/v1/knowledge/conflicts',
    { config: { permission: 'knowledge:curate' }, schema: { tags: ADMIN_TAGS, summary: 'Curated facts that a newer import contradicts (admin)', response: { 200: ConflictList, 401: Problem, 403: Problem } } },
    async (request) => {
      requirePermission(request, 'knowledge:curate');
      const state = await service.state();
      return { items: state.conflicts, version: state.version.number };
    },
  );
}
