// One shape and one colour per domain, so the map and its legend read without colour alone: the
// same paths draw the map's point icons (on a canvas, no sprite fetched) and the legend's SVG.
export const SHAPES: Record<string, { colour: string; path: string }> = {
  // 20×20 boxes, centred on (10, 10).
  wildlife: { colour: '#1b7f3b', path: 'M10 2 L18 17 L2 17 Z' }, // triangle
  drugs: { colour: '#8a2be2', path: 'M3 3 H17 V17 H3 Z' }, // square
  medical: { colour: '#c0392b', path: 'M7 2 H13 V7 H18 V13 H13 V18 H7 V13 H2 V7 H7 Z' }, // cross
  tobacco: { colour: '#a0522d', path: 'M10 1 L19 10 L10 19 L1 10 Z' }, // diamond
  other: { colour: '#2f4f4f', path: 'M10 2 A8 8 0 1 1 9.99 2 Z' }, // disc
  maritime: { colour: '#0b5394', path: 'M10 1 L12.6 7 L19 7.4 L14 11.6 L15.6 18 L10 14.4 L4.4 18 L6 11.6 L1 7.4 L7.4 7 Z' }, // star
  withheld: { colour: '#6b6b6b', path: 'M10 2 A8 8 0 1 1 9.99 2 Z M10 6 A4 4 0 1 0 10.01 6 Z' }, // ring
};

export const SHAPE_KEYS = Object.keys(SHAPES);

/** The shape as an SVG for the legend and the table (decorative: its text label sits beside it). */
export function ShapeIcon({ domain, size = 18 }: { domain: string; size?: number }) {
  const s = SHAPES[domain] ?? (SHAPES.other as { colour: string; path: string });
  return (
    <svg width={size} height={size} viewBox="0 0 20 20" aria-hidden="true" focusable="false" className="map-shape">
      <path d={s.path} fill={s.colour} fillRule="evenodd" stroke="#111" strokeWidth="1" />
    </svg>
  );
}

/** The shape drawn for MapLibre's addImage (pixel ratio 2). */
export function shapeImage(domain: string): ImageData {
  const s = SHAPES[domain] ?? (SHAPES.other as { colour: string; path: string });
  const px = 40;
  const canvas = document.createElement('canvas');
  canvas.width = px;
  canvas.height = px;
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  ctx.scale(px / 20, px / 20);
  const path = new Path2D(s.path);
  ctx.fillStyle = s.colour;
  ctx.fill(path, 'evenodd');
  ctx.lineWidth = 1.2;
  ctx.strokeStyle = '#111';
  ctx.stroke(path);
  return ctx.getImageData(0, 0, px, px);
}
