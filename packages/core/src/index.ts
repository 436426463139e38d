export * from './accounts/accounts.ts';
export * from './audit/audit-chain.ts';
export * from './policy/policy.ts';
export * from './shared/canonical-json.ts';
export * from './shared/errors.ts';
export * from './shared/ports.ts';
export * from './shared/text.ts';
// evidence court package (helper "package")
export * from './evidence/package-zip.ts';
export * from './evidence/package-manifest.ts';
export * from './audit/audit-log.ts';
export * from './audit/checkpoint.ts';
export * from './audit/merkle.ts';
export * from './audit/audit-export.ts';
export * from './audit/receipt-proof.ts';
