// Builds the single-file verifier page: page.ts bundled by esbuild (core's verifier, the tsa
// checks and pkijs included) and inlined in one HTML file (English until the script picks the reader's language) whose Content-Security-Policy allows that
// one script (by hash) and nothing that reaches the network. The node builds it once per process
// when the first package is made; `scripts/build-verifier-page.mjs` writes it to a file.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

let cached: Promise<string> | null = null;

const STYLE = `
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.5rem}
.verdict{padding:.75rem 1rem;border-radius:.4rem;font-weight:600}
.ok{background:#e3f4e6;border:1px solid #2e7d32}.bad{background:#fdecea;border:1px solid #c62828}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:start;vertical-align:top;white-space:pre-line}
code{font-size:.85em;word-break:break-all}dt{font-weight:600}dd{margin:0 0 .4rem 0}.note{color:#555}
p.lang{float:inline-end;margin:0}
label.choose{display:inline-block;padding:.6rem 1rem;border:2px dashed #777;border-radius:.4rem;cursor:pointer}
`;

async function buildPage(): Promise<string> {
  const entry = fileURLToPath(new URL('./verifier-page/page.ts', import.meta.url));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    legalComments: 'none',
    conditions: ['browser', 'import'],
  });
  const js = (result.outputFiles[0]?.text ?? '').replace(/<\/script/gi, '<\\/script');
  const scriptHash = createHash('sha256').update(js).digest('base64');
  const styleHash = createHash('sha256').update(STYLE).digest('base64');
  const csp = `default-src 'none'; script-src 'sha256-${scriptHash}'; style-src 'sha256-${styleHash}'; connect-src 'none'; img-src 'none'; form-action 'none'; base-uri 'none'`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Comity evidence package verifier</title>
<style>${STYLE}</style>
</head>
<body>
<p class="lang"><label><span id="t-language">Language</span> <select id="lang"></select></label></p>
<h1 id="t-title">Evidence package verifier</h1>
<p id="t-intro">This page checks a Comity court package on this computer, without a network: every file's SHA-256 (and SHA-512), the custody log of each item, the RFC 3161 timestamp tokens and the node's Ed25519 signature over the manifest. Nothing leaves this computer.</p>
<p><label class="choose"><span id="t-choose">Choose the package (.zip)</span> <input type="file" id="package" accept=".zip,application/zip"></label> <span id="t-drop">or drop it on this page.</span></p>
<div id="out" aria-live="polite"></div>
<script>${js}</script>
</body>
</html>
`;
}

/** The page's HTML, built once per process. */
export function verifierPageHtml(): Promise<string> {
  cached ??= buildPage().catch((err: unknown) => {
    cached = null;
    throw err;
  });
  return cached;
}
