// The timeline as an SVG document: the scene's rectangles and text, and one <pattern> per
// state so that the states stay distinguishable without colour (the same tiles as the canvas).
import { STATE_FILLS, type StateFill, fillOf } from '../colors';
import type { Fill, Scene, Shape } from './scene';

/** escapeXml makes text safe inside XML character data and attribute values. */
export function escapeXml(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    // XML 1.0 forbids most control characters, even escaped: drop them.
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff)
      continue;
    switch (ch) {
      case '&':
        out += '&amp;';
        break;
      case '<':
        out += '&lt;';
        break;
      case '>':
        out += '&gt;';
        break;
      case '"':
        out += '&quot;';
        break;
      case "'":
        out += '&apos;';
        break;
      default:
        out += ch;
    }
  }
  return out;
}

const TILE = 8;
/** FONT is the exported text's font stack, with the fonts Chromium on Linux ships as a fallback. */
export const FONT =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', 'Liberation Sans', sans-serif";

/** patternId names the <pattern> of a draw-model style. */
export function patternId(style: number): string {
  return `state-${style}`;
}

// n prints a coordinate with at most two decimals, so files stay small.
function n(v: number): string {
  return String(Math.round(v * 100) / 100);
}

// patternSvg draws one tile of a state's pattern, mirroring paintPattern in colors.ts.
function patternSvg(style: number, fill: StateFill, dark: boolean): string {
  const s = TILE;
  const ink = dark ? '#ffffff' : '#000000';
  const inkOpacity = dark ? 0.85 : 0.6;
  const line = (segments: number[][], color = ink, opacity = inkOpacity, width = Math.max(1, s / 8)) =>
    `<path d="${segments.map(([x1, y1, x2, y2]) => `M${n(x1)} ${n(y1)}L${n(x2)} ${n(y2)}`).join('')}" stroke="${color}" stroke-opacity="${opacity}" stroke-width="${n(width)}" fill="none"/>`;
  const diagonal = [
    [0, s, s, 0],
    [-s / 2, s / 2, s / 2, -s / 2],
    [s / 2, s * 1.5, s * 1.5, s / 2],
  ];
  let marks = '';
  switch (fill.pattern) {
    case 'stripes':
      marks = line(diagonal, fill.color, 1, s / 3);
      break;
    case 'hatch':
      marks = line(diagonal);
      break;
    case 'backhatch':
      marks = line([
        [0, 0, s, s],
        [-s / 2, s / 2, s / 2, s * 1.5],
        [s / 2, -s / 2, s * 1.5, s / 2],
      ]);
      break;
    case 'cross':
      marks = line([
        [0, s / 2, s, s / 2],
        [s / 2, 0, s / 2, s],
      ]);
      break;
    case 'lines':
      marks = line([
        [0, s / 4, s, s / 4],
        [0, (3 * s) / 4, s, (3 * s) / 4],
      ]);
      break;
    case 'zigzag':
      marks = `<path d="M0 ${n(s * 0.7)}L${n(s / 2)} ${n(s * 0.3)}L${s} ${n(s * 0.7)}" stroke="${ink}" stroke-opacity="${inkOpacity}" stroke-width="${n(Math.max(1.5, s / 5))}" fill="none"/>`;
      break;
    case 'dots':
      marks = `<circle cx="${n(s / 4)}" cy="${n(s / 4)}" r="${n(s / 9)}" fill="${ink}" fill-opacity="${inkOpacity}"/><circle cx="${n((3 * s) / 4)}" cy="${n((3 * s) / 4)}" r="${n(s / 9)}" fill="${ink}" fill-opacity="${inkOpacity}"/>`;
      break;
    default:
      break;
  }
  return `<pattern id="${patternId(style)}" width="${s}" height="${s}" patternUnits="userSpaceOnUse"><rect width="${s}" height="${s}" fill="${fill.color}" fill-opacity="0.55"/>${marks}</pattern>`;
}

function fillAttr(fill: Fill): string {
  return 'style' in fill ? `url(#${patternId(fill.style)})` : fill.color;
}

function shapeSvg(shape: Shape): string {
  if (shape.kind === 'rect') {
    const opacity = shape.opacity !== undefined ? ` fill-opacity="${shape.opacity}"` : '';
    return `<rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.w)}" height="${n(shape.h)}" fill="${escapeXml(fillAttr(shape.fill))}"${opacity}/>`;
  }
  const attrs = [
    `x="${n(shape.x)}"`,
    `y="${n(shape.y)}"`,
    `font-size="${shape.size}"`,
    `fill="${escapeXml(shape.color)}"`,
    'dominant-baseline="middle"',
  ];
  if (shape.weight) attrs.push(`font-weight="${shape.weight}"`);
  if (shape.italic) attrs.push('font-style="italic"');
  if (shape.anchor === 'middle') attrs.push('text-anchor="middle"');
  return `<text ${attrs.join(' ')}>${escapeXml(shape.text)}</text>`;
}

/** sceneToSvg writes a standalone SVG document (UTF-8, no external references). */
export function sceneToSvg(scene: Scene, title: string): string {
  const defs = scene.styles
    .map((style) => patternSvg(style, STATE_FILLS[style & 0xff] ?? fillOf(style), scene.palette.dark))
    .join('');
  const body = scene.shapes.map(shapeSvg).join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}" font-family="${FONT}">`,
    `<title>${escapeXml(title)}</title>`,
    `<defs>${defs}</defs>`,
    body,
    '</svg>',
    '',
  ].join('\n');
}
