// The timeline legend: every state's colour and pattern with its name, painted with the
// same tiles as the canvas so the key matches what is drawn.
import { STATE_FILLS, paintPattern } from '../colors';
import { h } from '../dom';
import { Style } from './model';

const SHOWN: [number, string][] = [
  [Style.Running, 'running'],
  [Style.Cpu, 'CPU work'],
  [Style.ReadyWake, 'ready'],
  [Style.ReadyGil, 'waiting for GIL'],
  [Style.WaitSleep, 'sleeping'],
  [Style.WaitSync, 'blocked (lock, queue, join…)'],
  [Style.WaitIo, 'I/O'],
  [Style.Stall, 'loop blocked'],
];

export function renderLegend(parent: HTMLElement): void {
  const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  const items = SHOWN.map(([style, name]) => {
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
  items.push(h('li', {}, h('span', { class: 'legend-swatch legend-task', 'aria-hidden': 'true' }), 'core, GIL, loop: task holding it'));
  parent.replaceChildren(h('ul', { class: 'legend', 'aria-label': 'Timeline legend' }, ...items));
}
