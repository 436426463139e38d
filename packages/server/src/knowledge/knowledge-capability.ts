// The knowledge capability: on first start it stores the shipped knowledge as version 1, then
// keeps the in-memory index (deps.knowledge) and serves the knowledge routes.
import type { AppDeps } from '../deps.ts';
import type { Capability } from '../routes/registry.ts';
import { createKnowledgeService } from './knowledge-service.ts';
import { seedShippedKnowledge } from './knowledge-store.ts';
import { knowledgeRoutes } from './knowledge-routes.ts';
import { DEFAULT_DATA_DIR, loadReferenceData } from './shipped-data.ts';

export async function loadKnowledgeCapability(deps: AppDeps): Promise<Capability> {
  const dataDir = deps.config.knowledgeDir ?? DEFAULT_DATA_DIR;
  await seedShippedKnowledge(deps, dataDir);
  deps.knowledge = await createKnowledgeService(deps, await loadReferenceData(dataDir));
  return { name: 'knowledge', routes: knowledgeRoutes };
}
