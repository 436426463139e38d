export * from './connection.ts';
export * from './migrate.ts';
export * from './data-dir-lock.ts';
export * from './repos/accounts-repo.ts';
export * from './repos/audit-repo.ts';
export * from './repos/knowledge-repo.ts';
export * from './repos/settings-repo.ts';
export type * from './schema.ts';
