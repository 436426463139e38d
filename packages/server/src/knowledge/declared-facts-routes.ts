// Routes of the declared facts: this node's draft, submission and four-eyes approval (which
// publishes to peers), the facts in use here with their provenance, and their disagreements
// with the depositary data.
import {
  ApproveFactsBody,
  DeclaredDisagreementList,
  DeclaredFactsContent,
  OwnDeclaredFacts,
  SubmitFactsBody,
} from '@comity/contract/declared-facts';
import { KnowledgeProblem as Problem } from '@comity/contract/knowledge';
import type { DeclaredFactsContent as Content } from '@comity/core/knowledge/declared-facts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../auth/authenticate.ts';
import type { AppDeps } from '../deps.ts';
import { approveFacts, ownFactsView, saveFactsDraft, submitFacts } from './declared-facts-service.ts';

const TAGS = ['knowledge administration'];
const problems = { 400: Problem, 401: Problem, 403: Problem };

export async function declaredFactsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const curator = (request: Parameters<typeof requirePermission>[0]) => ({ actor: requirePermission(request, 'knowledge:curate'), requestId: String(request.id) });

  r.get(
    '/api/v1/knowledge/facts/own',
    {
      config: { permission: 'knowledge:facts:approve' },
      schema: { tags: TAGS, summary: 'This node’s declared facts: the draft, the published version and which peers received it', response: { 200: OwnDeclaredFacts, ...problems, 404: Problem } },
    },
    async (request) => {
      requirePermission(request, 'knowledge:facts:approve');
      return ownFactsView(deps);
    },
  );

  r.put(
    '/api/v1/knowledge/facts/draft',
    {
      config: { permission: 'knowledge:curate' },
      schema: {
        tags: TAGS,
        summary: 'Save the draft of the facts this node declares about its own State (admin)',
        description:
          'Treaties must have this node’s State among their parties (facts_for_other_state otherwise). Saving a submitted draft sends it back to draft: it must be submitted again.',
        body: DeclaredFactsContent,
        response: { 200: OwnDeclaredFacts, ...problems, 404: Problem },
      },
    },
    async (request) => {
      await saveFactsDraft(deps, curator(request), request.body as Content);
      return ownFactsView(deps);
    },
  );

  r.post(
    '/api/v1/knowledge/facts/draft/submit',
    {
      config: { permission: 'knowledge:curate' },
      schema: { tags: TAGS, summary: 'Submit the draft for approval by a second person (admin)', body: SubmitFactsBody, response: { 200: OwnDeclaredFacts, ...problems, 404: Problem, 409: Problem } },
    },
    async (request) => {
      await submitFacts(deps, curator(request), request.body.note);
      return ownFactsView(deps);
    },
  );

  r.post(
    '/api/v1/knowledge/facts/draft/approve',
    {
      config: { permission: 'knowledge:facts:approve' },
      schema: {
        tags: TAGS,
        summary: 'Approve and publish the submitted facts: signed by the node key and sent to every trusted peer (admin or supervisor; not the editor or submitter)',
        body: ApproveFactsBody,
        response: { 200: OwnDeclaredFacts, ...problems, 404: Problem, 409: Problem },
      },
    },
    async (request) => {
      await approveFacts(deps, { actor: requirePermission(request, 'knowledge:facts:approve'), requestId: String(request.id) }, request.body.note);
      return ownFactsView(deps);
    },
  );

  r.get(
    '/api/v1/knowledge/facts/disagreements',
    {
      config: { permission: 'knowledge:curate' },
      schema: { tags: TAGS, summary: 'Where declared facts disagree with the depositary data (admin)', response: { 200: DeclaredDisagreementList, 401: Problem, 403: Problem } },
    },
    async (request) => {
      requirePermission(request, 'knowledge:curate');
      const state = await deps.knowledge!.state();
      return { items: state.disagreements };
    },
  );
}
