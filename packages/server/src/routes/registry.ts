// Capabilities built on the foundation (knowledge, requests, federation) plug in here: each may
// add routes and background work (jobs, delivery workers) that start after the server listens
// and stop before it closes. Add one line per capability to CAPABILITIES.
import type { RoutePlugin } from '../app.ts';
import type { AppDeps } from '../deps.ts';
import { loadKnowledgeCapability } from '../knowledge/knowledge-capability.ts';
import { loadFederation } from '../federation/capability.ts';
import { loadRequestsCapability } from '../requests/requests-capability.ts';
import { loadDeclaredFactsCapability } from '../knowledge/declared-facts-capability.ts';
import { loadAuthoritiesCapability } from '../authorities/authorities-capability.ts';
import { loadEventsCapability } from '../events/event-routes.ts';
import { loadPolicyCapability } from '../policy/policy-capability.ts';
import { loadCasesCapability } from '../cases/cases-capability.ts';
import { loadEvidenceCapability } from '../evidence/evidence-capability.ts';
import { loadTimestampCapability } from '../evidence/timestamp/timestamp-capability.ts';
import { loadCaptureCapability } from '../evidence/capture/capture-capability.ts';
import { loadPackageCapability } from '../evidence/package/package-capability.ts';
import { loadEntitiesCapability } from '../entities/entities-capability.ts';
import { loadCulturalCapability } from '../cultural/cultural-capability.ts';
import { loadSeizuresCapability } from '../seizures/seizures-capability.ts';
import { loadHitsCapability } from '../hits/hits-capability.ts';
import { loadStatisticsCapability } from '../statistics/statistics-capability.ts';

export interface Background {
  close(): Promise<void>;
}

export interface Capability {
  name: string;
  routes?: RoutePlugin;
  /** Started once the node listens at `url`. */
  start?(deps: AppDeps, url: string): Promise<Background>;
}

/** Loaders run in this order at start; a later one may use what an earlier one put on deps. */
const CAPABILITIES: ((deps: AppDeps) => Promise<Capability>)[] = [
  loadKnowledgeCapability,
  loadFederation,
  loadRequestsCapability,
  loadDeclaredFactsCapability,
  loadAuthoritiesCapability,
  loadEventsCapability,
  loadPolicyCapability,
  loadCasesCapability,
  loadEvidenceCapability,
  // After requests (its job queue) and evidence (the items it time-stamps).
  loadTimestampCapability,
  loadCaptureCapability,
  // After evidence (its runtime) and federation (the node card).
  loadPackageCapability,
  // After cases and evidence (entities hang on a case and are mentioned in evidence items).
  loadEntitiesCapability,
  // After cases (a record may belong to a case).
  loadCulturalCapability,
  // After cases and entities (a record may belong to a case and name its entities).
  loadSeizuresCapability,
  // After federation (its runtime carries the hits.* handlers) and entities (what is compared).
  loadHitsCapability,
  // After requests (its job queue): backtracking over the registries and their statistics.
  loadStatisticsCapability,
];

export async function loadCapabilities(deps: AppDeps): Promise<Capability[]> {
  const loaded: Capability[] = [];
  for (const load of CAPABILITIES) loaded.push(await load(deps));
  return loaded;
}
