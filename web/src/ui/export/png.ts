// The timeline as a PNG: the export scene painted on a canvas at twice the pixel density,
// with the canvas view's pattern tiles, so the image matches the SVG and the page.
import { fillOf, paintPattern } from '../colors';
import type { Scene } from './scene';
import { FONT } from './svg';

/** PNG_SCALE is the exported image's device pixels per CSS pixel. */
export const PNG_SCALE = 2;
// MAX_SIDE keeps the canvas within what browsers allocate (Chromium: 32,767 px a side).
const MAX_SIDE = 32_000;

/** paintScene draws the scene into a new canvas at `scale` device pixels per CSS pixel. */
export function paintScene(scene: Scene, scale = PNG_SCALE): HTMLCanvasElement {
  const s = Math.min(scale, MAX_SIDE / scene.width, MAX_SIDE / scene.height);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(scene.width * s));
  canvas.height = Math.max(1, Math.round(scene.height * s));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas, so the PNG cannot be made; export SVG instead');
  ctx.setTransform(s, 0, 0, s, 0, 0);
  const patterns = new Map<number, CanvasPattern | string>();
  const patternFor = (style: number): CanvasPattern | string => {
    let fill = patterns.get(style);
    if (fill === undefined) {
      const spec = fillOf(style);
      const size = Math.round(8 * s);
      const tile = document.createElement('canvas');
      tile.width = size;
      tile.height = size;
      const tctx = tile.getContext('2d');
      if (tctx) paintPattern(tctx, spec, size, scene.palette.dark);
      fill = ctx.createPattern(tile, 'repeat') ?? spec.color;
      // The tile is painted in device pixels; the pattern is scaled back to CSS pixels like the shapes.
      if (typeof fill !== 'string') fill.setTransform(new DOMMatrix([1 / s, 0, 0, 1 / s, 0, 0]));
      patterns.set(style, fill);
    }
    return fill;
  };
  ctx.textBaseline = 'middle';
  for (const shape of scene.shapes) {
    if (shape.kind === 'rect') {
      ctx.globalAlpha = shape.opacity ?? 1;
      ctx.fillStyle = 'style' in shape.fill ? patternFor(shape.fill.style) : shape.fill.color;
      ctx.fillRect(shape.x, shape.y, shape.w, shape.h);
      ctx.globalAlpha = 1;
    } else {
      ctx.font = `${shape.italic ? 'italic ' : ''}${shape.weight ?? 400} ${shape.size}px ${FONT}`;
      ctx.fillStyle = shape.color;
      ctx.textAlign = shape.anchor === 'middle' ? 'center' : 'left';
      ctx.fillText(shape.text, shape.x, shape.y);
    }
  }
  return canvas;
}

/** canvasToPng encodes a canvas as a PNG blob. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) =>
        blob
          ? resolve(blob)
          : reject(new Error('the browser could not encode the PNG (the image may be too large); export SVG instead')),
      'image/png',
    );
  });
}
