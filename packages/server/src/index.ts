export { buildApp } from './app.ts';
export { configFromEnv, REPO_ROOT, type NodeConfig } from './config.ts';
export { startNode, BOOTSTRAP_ADMIN_EMAIL, type RunningNode } from './start-node.ts';
export { openNodeStore, VERSION, type NodeStore } from './node-store.ts';
export * from './accounts/accounts-service.ts';
export { verifyTrail, inclusionProof, consistencyProof } from './audit/audit-service.ts';
export { buildAuditExport, verifierForRawHex } from './audit/audit-export.ts';
export { sha256Bytes } from './audit/log-keys.ts';
export { sha256Hasher } from './identity/crypto-adapters.ts';
