// Embed layout: fixed panel heights and the code panel's height from its line count, shared
// by the embed page and the snippets that size its iframe before it loads. No DOM here.
import type { Panel } from './options';

export const BAR_H = 52;
export const TIMELINE_H = 190;
export const OUTPUT_H = 160;
export const CODE_LINE_H = 24.8;
export const CODE_PAD = 16;
/** MAX_CODE_LINES bounds the code panel; longer programs scroll inside it. */
export const MAX_CODE_LINES = 20;
const GAP = 6;

export function codeHeight(lines: number): number {
  return Math.round(Math.min(Math.max(lines, 3), MAX_CODE_LINES) * CODE_LINE_H + CODE_PAD);
}

/** embedHeight is the embed's height in CSS pixels for a program of `lines` lines. */
export function embedHeight(lines: number, panels: readonly Panel[]): number {
  let h = BAR_H;
  if (panels.includes('code')) h += codeHeight(lines) + GAP;
  if (panels.includes('timeline')) h += TIMELINE_H + GAP;
  if (panels.includes('output')) h += OUTPUT_H + GAP;
  return h + 2;
}
