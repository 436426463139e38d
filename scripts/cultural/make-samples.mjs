// Renders the sample photographs of data/cultural-property/samples/ (made here, no outside
// source): eight imaginary objects drawn as SVG from a seeded generator and rasterised by sharp
// (librsvg) to JPEG. Run: node scripts/cultural/make-samples.mjs  (same seed → same pictures).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '../../data/cultural-property/samples');

/** Mulberry32: a small seeded generator, so the samples can be made again identically. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const W = 640;
const H = 480;

function vase(r, hue) {
  // A turned vessel: a profile of random radii mirrored around the axis, with painted bands.
  const cx = W / 2 + (r() - 0.5) * 120;
  const top = 60 + r() * 60;
  const bottom = H - 40 - r() * 40;
  const radii = Array.from({ length: 7 }, () => 30 + r() * 140);
  const ys = radii.map((_, i) => top + ((bottom - top) * i) / (radii.length - 1));
  const right = ys.map((y, i) => `${(cx + radii[i]).toFixed(1)},${y.toFixed(1)}`).join(' ');
  const left = ys.map((y, i) => `${(cx - radii[i]).toFixed(1)},${y.toFixed(1)}`).reverse().join(' ');
  const bands = Array.from({ length: 3 }, () => {
    const y = top + r() * (bottom - top);
    return `<rect x="${cx - 200}" y="${y.toFixed(1)}" width="400" height="${(6 + r() * 18).toFixed(1)}" fill="hsl(${(hue + 180) % 360},60%,${20 + r() * 30}%)" clip-path="url(#body)"/>`;
  }).join('');
  return `<defs><clipPath id="body"><polygon points="${right} ${left}"/></clipPath></defs>
  <polygon points="${right} ${left}" fill="hsl(${hue},55%,${35 + r() * 25}%)"/>${bands}`;
}

function mask(r, hue) {
  // A carved face: an ellipse with eyes, a mouth and random incised lines.
  const cx = W / 2 + (r() - 0.5) * 160;
  const cy = H / 2 + (r() - 0.5) * 80;
  const rx = 110 + r() * 70;
  const ry = 150 + r() * 60;
  const lines = Array.from({ length: 6 }, () => {
    const x1 = cx + (r() - 0.5) * rx * 1.6;
    const y1 = cy + (r() - 0.5) * ry * 1.6;
    return `<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${(x1 + (r() - 0.5) * 120).toFixed(1)}" y2="${(y1 + (r() - 0.5) * 120).toFixed(1)}" stroke="hsl(${hue},40%,15%)" stroke-width="${(3 + r() * 6).toFixed(1)}"/>`;
  }).join('');
  return `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="hsl(${hue},45%,${40 + r() * 20}%)"/>
  <ellipse cx="${cx - rx / 2.5}" cy="${cy - ry / 4}" rx="${18 + r() * 14}" ry="10" fill="#111"/>
  <ellipse cx="${cx + rx / 2.5}" cy="${cy - ry / 4}" rx="${18 + r() * 14}" ry="10" fill="#111"/>
  <rect x="${cx - 40}" y="${cy + ry / 3}" width="80" height="${8 + r() * 20}" fill="#1a1a1a"/>${lines}`;
}

function tablet(r, hue) {
  // An inscribed tablet: a slab with rows of random wedge marks.
  const x = 80 + r() * 80;
  const y = 50 + r() * 60;
  const w = W - 2 * x;
  const h = H - 2 * y;
  const marks = [];
  for (let row = 0; row < 6; row++) {
    for (let col = 0; col < 10; col++) {
      if (r() < 0.35) continue;
      const mx = x + 30 + col * (w - 60) / 10;
      const my = y + 30 + row * (h - 60) / 6;
      marks.push(`<polygon points="${mx},${my} ${mx + 14 + r() * 10},${my + 5} ${mx},${my + 12 + r() * 8}" fill="hsl(${hue},30%,18%)"/>`);
    }
  }
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${10 + r() * 30}" fill="hsl(${hue},35%,${50 + r() * 20}%)"/>${marks.join('')}`;
}

function statue(r, hue) {
  // A standing figure: head, torso, limbs as rotated rounded bars on a plinth.
  const cx = W / 2 + (r() - 0.5) * 140;
  const parts = [
    `<circle cx="${cx}" cy="${90 + r() * 20}" r="${30 + r() * 12}"/>`,
    `<rect x="${cx - 45}" y="130" width="90" height="${140 + r() * 40}" rx="20"/>`,
    `<rect x="${cx - 40}" y="290" width="30" height="${120 + r() * 20}" rx="12" transform="rotate(${(r() - 0.5) * 20} ${cx} 290)"/>`,
    `<rect x="${cx + 10}" y="290" width="30" height="${120 + r() * 20}" rx="12" transform="rotate(${(r() - 0.5) * 20} ${cx} 290)"/>`,
    `<rect x="${cx - 95}" y="140" width="25" height="${110 + r() * 40}" rx="10" transform="rotate(${(r() - 0.5) * 60} ${cx - 80} 140)"/>`,
    `<rect x="${cx + 70}" y="140" width="25" height="${110 + r() * 40}" rx="10" transform="rotate(${(r() - 0.5) * 60} ${cx + 80} 140)"/>`,
  ].join('');
  return `<g fill="hsl(${hue},25%,${30 + r() * 30}%)">${parts}</g><rect x="${cx - 120}" y="${H - 50}" width="240" height="40" fill="hsl(${hue},10%,25%)"/>`;
}

const KINDS = [
  ['amphora-01', vase, 11],
  ['amphora-02', vase, 23],
  ['mask-01', mask, 37],
  ['mask-02', mask, 41],
  ['tablet-01', tablet, 53],
  ['tablet-02', tablet, 67],
  ['statue-01', statue, 79],
  ['statue-02', statue, 83],
];

export function renderSvg(draw, seed) {
  const r = rng(seed);
  const hue = Math.floor(r() * 360);
  const bg = `hsl(${(hue + 90 + r() * 120) % 360},${15 + r() * 25}%,${70 + r() * 20}%)`;
  // A soft light gradient as in a photograph of an object on a backdrop.
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="${r().toFixed(2)}" y2="1"><stop offset="0" stop-color="${bg}"/><stop offset="1" stop-color="hsl(${hue},10%,${30 + r() * 30}%)"/></linearGradient></defs>
  <rect width="${W}" height="${H}" fill="url(#bg)"/>${draw(r, hue)}</svg>`;
}

export const DRAWERS = { vase, mask, tablet, statue };

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(OUT, { recursive: true });
  for (const [name, draw, seed] of KINDS) {
    const jpeg = await sharp(Buffer.from(renderSvg(draw, seed))).jpeg({ quality: 88 }).toBuffer();
    writeFileSync(join(OUT, `${name}.jpg`), jpeg);
    console.log(name, jpeg.length);
  }
}
