export * from './accounts.ts';
export * from './audit.ts';
export * from './common.ts';
export * from './evidence-transfer.ts';
