// Route groups of the capabilities built on the foundation (knowledge, requests, federation).
// Each returns its plugin after loading what it needs once at start.
import type { RoutePlugin } from '../app.ts';
import type { AppDeps } from '../deps.ts';

export async function extraRoutePlugins(_deps: AppDeps): Promise<RoutePlugin[]> {
  return [];
}
