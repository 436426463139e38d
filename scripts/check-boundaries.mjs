// Boundary rule: packages/core is pure domain code. It may import only relative files and
// nothing with I/O or a framework; the other packages may not reach into each other's src by path.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const allowedInCore = [/^\.\.?\//];
const problems = [];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|tsx)$/.test(name)) yield p;
  }
}

const importRe = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

for (const file of files(join(root, 'packages/core/src'))) {
  const text = readFileSync(file, 'utf8');
  const isTest = file.endsWith('.test.ts');
  for (const m of text.matchAll(importRe)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (allowedInCore.some((re) => re.test(spec))) continue;
    // Tests may use the test runner and assertion library; nothing else.
    if (isTest && (spec === 'node:test' || spec === 'node:assert/strict' || spec === 'node:crypto')) continue;
    problems.push(`${relative(root, file)}: core imports "${spec}" (core must stay free of I/O and frameworks)`);
  }
}

for (const pkg of ['contract', 'db', 'server', 'cli', 'web']) {
  const dir = join(root, 'packages', pkg, 'src');
  for (const file of files(dir)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(importRe)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (/packages\/[a-z]+\/src/.test(spec)) problems.push(`${relative(root, file)}: imports another package by path "${spec}"; use @comity/<name>`);
      if (pkg === 'contract' && /^@comity\/(db|server|cli|web)/.test(spec)) problems.push(`${relative(root, file)}: contract depends on "${spec}"`);
      if (pkg === 'db' && /^@comity\/(server|cli|web)/.test(spec)) problems.push(`${relative(root, file)}: db depends on "${spec}"`);
      if (pkg === 'web' && /^@comity\/(db|server|cli)/.test(spec)) problems.push(`${relative(root, file)}: web depends on "${spec}"`);
    }
  }
}

if (problems.length) {
  console.error(`Boundary rule broken (${problems.length}):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('boundary rule: ok');
