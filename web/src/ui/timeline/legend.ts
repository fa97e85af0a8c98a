// The timeline legend: every state's colour and pattern with its name, painted with the
// same tiles as the canvas so the key matches what is drawn.
import { STATE_FILLS, paintPattern } from '../colors';
import { h } from '../dom';
import { Style } from './model';

/** LEGEND_ITEMS lists the states the legend names, in order (the exports draw the same key). */
export const LEGEND_ITEMS: readonly [number, string][] = [
  [Style.Running, 'running'],
  [Style.Cpu, 'CPU work'],
  [Style.ReadyWake, 'ready'],
  [Style.ReadyGil, 'waiting for GIL'],
  [Style.WaitSleep, 'sleeping'],
  [Style.WaitSync, 'blocked (lock, queue, join…)'],
  [Style.WaitIo, 'I/O'],
  [Style.Stall, 'blocking call: loop stalled'],
];

/** LEGEND_HOLDER explains the resource lanes, drawn in the colour of the task holding them. */
export const LEGEND_HOLDER = 'core, GIL, loop: task holding it';

export function renderLegend(parent: HTMLElement): void {
  const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  const items = LEGEND_ITEMS.map(([style, name]) => {
    const swatch = h('canvas', { class: 'legend-swatch', width: 32, height: 32, 'aria-hidden': 'true' });
    const ctx = swatch.getContext('2d');
    const fill = STATE_FILLS[style];
    if (ctx && fill) {
      const tile = document.createElement('canvas');
      tile.width = 16;
      tile.height = 16;
      const tctx = tile.getContext('2d');
      if (tctx) {
        paintPattern(tctx, fill, 16, dark);
        const pattern = ctx.createPattern(tile, 'repeat');
        if (pattern) {
          ctx.fillStyle = pattern;
          ctx.fillRect(0, 0, 32, 32);
        }
      }
    }
    return h('li', {}, swatch, name);
  });
  items.push(h('li', {}, h('span', { class: 'legend-swatch legend-task', 'aria-hidden': 'true' }), LEGEND_HOLDER));
  parent.replaceChildren(h('ul', { class: 'legend', 'aria-label': 'Timeline legend' }, ...items));
}
