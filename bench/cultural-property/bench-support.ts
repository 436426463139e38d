// What the benchmark measures, from the code the node runs.
export { HashIndex, hammingDistance } from '../../packages/core/src/cultural/phash.ts';
export { type RegistryEntry, RegistryIndex } from '../../packages/server/src/cultural/registry-index.ts';
/** The threshold of packages/server/src/cultural/images.ts (MATCH_DISTANCE), without loading sharp. */
export const MATCH_DISTANCE_FOR_BENCH = 10;
