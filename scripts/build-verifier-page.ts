// Writes the offline verifier page of court packages to a file (the node builds the same page into
// every package): node --import tsx scripts/build-verifier-page.ts [out.html]
import { writeFileSync } from 'node:fs';
import { verifierPageHtml } from '../packages/server/src/evidence/package/verifier-page-build.ts';

const out = process.argv[2] ?? 'evidence-verifier.html';
const html = await verifierPageHtml();
writeFileSync(out, html);
console.log(`${out}: ${html.length} bytes`);
