// The exported timeline as a flat list of shapes, computed without the DOM from the same
// draw model as the canvas (lanes, level of detail, styles, labels, ticks): the SVG writer
// and the PNG painter both render this, so the two files show the same picture.
import { fillOf } from '../colors';
import { computeTicks, createTicks, formatTick } from '../timeline/axis';
import { segmentLabel } from '../timeline/describe';
import { LEGEND_HOLDER, LEGEND_ITEMS } from '../timeline/legend';
import { ACTIVITY, DrawList, LaneKind, type Lane, STYLE_MASK, Style, buildFrame } from '../timeline/model';
import type { Trace } from '../../player/trace';
import { taskColor } from '../colors';

export interface Palette {
  dark: boolean;
  bg: string;
  fg: string;
  muted: string;
  grid: string;
}

export const LIGHT: Palette = { dark: false, bg: '#ffffff', fg: '#1f2328', muted: '#59636e', grid: '#d1d9e0' };
export const DARK: Palette = { dark: true, bg: '#0d1117', fg: '#e6edf3', muted: '#9198a1', grid: '#3d444d' };

/** Fill is a plain colour, or a draw-model style whose pattern the renderer supplies. */
export type Fill = { color: string } | { style: number };

export type Shape =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: Fill; opacity?: number }
  | {
      kind: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      color: string;
      weight?: number;
      italic?: boolean;
      anchor?: 'start' | 'middle';
    };

export interface Scene {
  width: number;
  height: number;
  palette: Palette;
  /** styles lists the draw-model styles with a pattern that the shapes use (SVG <pattern> defs). */
  styles: number[];
  shapes: Shape[];
  /** lanes names the lanes drawn, top to bottom (tests and the file's metadata). */
  lanes: string[];
  rects: number;
}

export interface SceneOptions {
  title: string;
  t0: number;
  t1: number;
  /** width is the whole picture's width in CSS pixels. */
  width: number;
  palette: Palette;
  /** maxRects caps the lane rectangles; the level of detail coarsens until they fit. */
  maxRects?: number;
  /** maxLanes caps the lanes drawn; the rest are counted in a note. */
  maxLanes?: number;
}

export const MAX_RECTS = 20_000;
export const MAX_LANES = 400;
const TITLE_H = 30;
const AXIS_H = 26;
const LANE_H = 26;
const LEGEND_ROW_H = 24;
const LABEL_W = 160;
const PAD = 8;
const LABEL_FONT = 12;
// CHAR_W estimates a character's width at 12 px, to shorten labels without measuring text.
const CHAR_W = 6.6;

/** fitText shortens text with an ellipsis to about `width` pixels at `size` px. */
export function fitText(text: string, width: number, size = LABEL_FONT): string {
  const max = Math.floor(width / ((CHAR_W * size) / LABEL_FONT));
  if (text.length <= max) return text;
  return max <= 1 ? '' : `${text.slice(0, max - 1)}…`;
}

/** buildScene lays out title, axis, every lane (up to maxLanes) and the legend for a time window. */
export function buildScene(trace: Trace, allLanes: readonly Lane[], options: SceneOptions): Scene {
  const { palette, t0, t1 } = options;
  const maxRects = options.maxRects ?? MAX_RECTS;
  const lanes = allLanes.slice(0, options.maxLanes ?? MAX_LANES);
  const hidden = allLanes.length - lanes.length;
  const width = Math.max(320, Math.round(options.width));
  const plotLeft = LABEL_W;
  const plotW = width - plotLeft - PAD;
  const shapes: Shape[] = [];
  const styles = new Set<number>();
  const lanesTop = TITLE_H + AXIS_H;
  const lanesH = lanes.length * LANE_H + (hidden > 0 ? LANE_H : 0);
  const legend = legendLayout(width);
  const height = lanesTop + lanesH + PAD + legend.rows * LEGEND_ROW_H + PAD;

  shapes.push({ kind: 'rect', x: 0, y: 0, w: width, h: height, fill: { color: palette.bg } });
  shapes.push({
    kind: 'text',
    x: PAD,
    y: TITLE_H / 2 + 1,
    text: fitText(options.title, width - 2 * PAD, 15),
    size: 15,
    weight: 650,
    color: palette.fg,
  });

  const ticks = createTicks();
  computeTicks(t0, t1, plotW, 110, ticks);
  const xAt = (t: number) => plotLeft + ((t - t0) / (t1 - t0)) * plotW;
  shapes.push({ kind: 'text', x: PAD, y: TITLE_H + AXIS_H / 2, text: 'time →', size: 12, color: palette.muted });
  for (let i = 0; i < ticks.count; i++) {
    const x = xAt(ticks.values[i]);
    if (x < plotLeft - 1 || x > plotLeft + plotW) continue;
    shapes.push({
      kind: 'rect',
      x: Math.round(x),
      y: lanesTop,
      w: 1,
      h: lanesH,
      fill: { color: palette.grid },
      opacity: 0.6,
    });
    shapes.push({ kind: 'rect', x: Math.round(x), y: lanesTop - 6, w: 1, h: 6, fill: { color: palette.muted } });
    shapes.push({
      kind: 'text',
      x: x + 3,
      y: TITLE_H + AXIS_H / 2,
      text: formatTick(ticks.values[i], ticks.step),
      size: 13,
      color: palette.fg,
    });
  }
  shapes.push({ kind: 'rect', x: 0, y: lanesTop - 1, w: width, h: 1, fill: { color: palette.grid } });

  lanes.forEach((lane, i) => {
    const y = lanesTop + i * LANE_H;
    if (i % 2 === 1)
      shapes.splice(1, 0, { kind: 'rect', x: 0, y, w: width, h: LANE_H, fill: { color: palette.grid }, opacity: 0.25 });
    if (lane.kind === LaneKind.Process) {
      shapes.push({ kind: 'rect', x: 0, y, w: width, h: LANE_H, fill: { color: palette.fg }, opacity: 0.13 });
      shapes.push({ kind: 'rect', x: 0, y, w: width, h: 2, fill: { color: palette.fg } });
      shapes.push({
        kind: 'text',
        x: 8,
        y: y + LANE_H / 2 + 1,
        text: fitText(lane.label, width - 16, 14),
        size: 14,
        weight: 700,
        color: palette.fg,
      });
    } else if (lane.kind === LaneKind.Task) {
      shapes.push({ kind: 'rect', x: 6, y: y + 6, w: 10, h: LANE_H - 12, fill: { color: taskColor(lane.colorIndex) } });
      shapes.push({
        kind: 'text',
        x: 22,
        y: y + LANE_H / 2 + 0.5,
        text: fitText(lane.label, LABEL_W - 30, 14),
        size: 14,
        weight: 600,
        color: palette.fg,
      });
    } else {
      shapes.push({
        kind: 'text',
        x: 8,
        y: y + LANE_H / 2 + 0.5,
        text: fitText(lane.label, LABEL_W - 16, 14),
        size: 14,
        italic: true,
        color: palette.muted,
      });
    }
  });
  if (hidden > 0) {
    const y = lanesTop + lanes.length * LANE_H;
    shapes.push({
      kind: 'text',
      x: 8,
      y: y + LANE_H / 2,
      text: `… and ${hidden.toLocaleString('en')} more lanes (zoom in the playground to see them)`,
      size: 13,
      italic: true,
      color: palette.muted,
    });
  }

  const list = frameWithin(trace, lanes, t0, t1, plotW, maxRects);
  const scale = plotW / list.width;
  let rects = 0;
  for (let r = 0; r < list.rects.count; r++) {
    const style = list.rects.style[r];
    const x = plotLeft + list.rects.x[r] * scale;
    const w = list.rects.w[r] * scale;
    const y = lanesTop + list.rects.lane[r] * LANE_H;
    const x0 = Math.max(x, plotLeft);
    const x1 = Math.min(x + w, plotLeft + plotW);
    if (x1 <= x0) continue;
    rects += 1;
    if (style & ACTIVITY) {
      shapes.push({
        kind: 'rect',
        x: x0,
        y: y + LANE_H - 8,
        w: Math.max(x1 - x0, 0.75),
        h: 4,
        fill: { color: fillOf(style & ~ACTIVITY).color },
      });
      continue;
    }
    const spec = fillOf(style);
    const wide = x1 - x0 >= 6;
    const fill: Fill = wide && spec.pattern !== 'solid' ? { style: style & ~ACTIVITY } : { color: spec.color };
    if ('style' in fill) styles.add(fill.style);
    shapes.push({
      kind: 'rect',
      x: x0,
      y: y + 4,
      w: x1 - x0 > 4 ? x1 - x0 - 1 : Math.max(x1 - x0, 0.75),
      h: LANE_H - 12,
      fill,
    });
    if (x1 - x0 >= 70 && list.rects.seg[r] !== -1) {
      const text = segmentLabel(trace, lanes[list.rects.lane[r]], list.rects.seg[r]);
      const shown = fitText(text, x1 - x0 - 8);
      if (shown && x1 - x0 - 8 >= 40) {
        shapes.push({
          kind: 'text',
          x: x0 + 4,
          y: y + LANE_H / 2 - 1.5,
          text: shown,
          size: LABEL_FONT,
          color: palette.dark ? '#ffffff' : '#000000',
        });
      }
    }
  }

  const legendTop = lanesTop + lanesH + PAD;
  for (const item of legend.items) {
    const y = legendTop + item.row * LEGEND_ROW_H;
    if (item.style >= 0) {
      const spec = fillOf(item.style);
      const fill: Fill = spec.pattern === 'solid' ? { color: spec.color } : { style: item.style };
      if ('style' in fill) styles.add(fill.style);
      shapes.push({ kind: 'rect', x: item.x, y: y + 5, w: 18, h: 14, fill });
    } else {
      for (let k = 0; k < 3; k++)
        shapes.push({ kind: 'rect', x: item.x + k * 6, y: y + 5, w: 6, h: 14, fill: { color: taskColor(k) } });
    }
    shapes.push({
      kind: 'text',
      x: item.x + 24,
      y: y + LEGEND_ROW_H / 2,
      text: item.text,
      size: 13,
      color: palette.fg,
    });
  }

  return {
    width,
    height: Math.ceil(height),
    palette,
    styles: [...styles].sort((a, b) => a - b),
    shapes,
    lanes: lanes.map((l) => l.label),
    rects,
  };
}

// frameWithin builds the draw model at the finest level of detail whose rectangles fit the cap.
function frameWithin(
  trace: Trace,
  lanes: readonly Lane[],
  t0: number,
  t1: number,
  plotW: number,
  maxRects: number,
): { rects: DrawList; width: number } {
  const out = new DrawList();
  let width = Math.max(1, plotW);
  for (;;) {
    buildFrame(trace, lanes, { t0, t1, width }, out);
    mergeAdjacent(out);
    if (out.count <= maxRects || width <= 8) return { rects: out, width };
    width = Math.max(8, Math.floor((width * maxRects) / out.count / 1.1));
  }
}

/** mergeAdjacent joins touching rectangles of one lane and style that carry no label, in place. */
export function mergeAdjacent(list: DrawList): void {
  let w = 0;
  for (let r = 0; r < list.count; r++) {
    const prev = w - 1;
    if (
      prev >= 0 &&
      list.lane[prev] === list.lane[r] &&
      list.style[prev] === list.style[r] &&
      Math.abs(list.x[prev] + list.w[prev] - list.x[r]) < 0.01 &&
      (list.style[r] & STYLE_MASK) !== Style.None &&
      list.w[prev] < 70 &&
      list.w[r] < 70
    ) {
      list.w[prev] = list.x[r] + list.w[r] - list.x[prev];
      list.seg[prev] = -1;
      continue;
    }
    list.x[w] = list.x[r];
    list.w[w] = list.w[r];
    list.lane[w] = list.lane[r];
    list.style[w] = list.style[r];
    list.seg[w] = list.seg[r];
    w += 1;
  }
  list.count = w;
}

interface LegendItem {
  style: number;
  text: string;
  x: number;
  row: number;
}

// legendLayout flows the legend's entries into rows across the picture's width.
function legendLayout(width: number): { items: LegendItem[]; rows: number } {
  const entries: [number, string][] = [...LEGEND_ITEMS, [-1, LEGEND_HOLDER]];
  const items: LegendItem[] = [];
  let x = PAD;
  let row = 0;
  for (const [style, text] of entries) {
    const w = 24 + text.length * 7.2 + 18;
    if (x + w > width - PAD && x > PAD) {
      row += 1;
      x = PAD;
    }
    items.push({ style, text, x, row });
    x += w;
  }
  return { items, rows: row + 1 };
}
