// Exporter: the page's Export menu and the `export trace|png|svg|text` console command.
// It reads the run on screen (trace, program, the timeline's time window and theme) and
// saves a Chrome trace, the timeline as PNG or SVG, or the output as text.
import type { Trace } from '../../player/trace';
import { type Disposable, DisposableStore, h, listen } from '../dom';
import { lanesOf } from '../timeline/model';
import { download, fileSlug, formatBytes } from './download';
import type { Palette, Scene } from './scene';
import { lineIcon } from '../icons';

export const EXPORT_KINDS = ['trace', 'png', 'svg', 'text'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** ExportHost is what the exporter needs from the page. */
export interface ExportHost {
  trace(): Trace;
  /** source is the program that produced the trace. */
  source(): string;
  /** name names the program (the example's name, or "program") for file names and titles. */
  name(): string;
  /** window is the timeline's visible time window and width in CSS pixels. */
  window(): { t0: number; t1: number; width: number };
  timestamps(): boolean;
  note(text: string, tone: 'info' | 'error' | 'dim' | 'ok'): void;
}

const LABELS: Record<ExportKind, string> = {
  trace: 'Trace for Perfetto (JSON)',
  png: 'Timeline as PNG',
  svg: 'Timeline as SVG',
  text: 'Output as text',
};

export class Exporter implements Disposable {
  readonly button: HTMLButtonElement;
  readonly menu: HTMLElement;
  private readonly store = new DisposableStore();
  private readonly items: HTMLButtonElement[];
  private busy = false;

  constructor(
    private readonly host: ExportHost,
    anchor: HTMLElement,
  ) {
    this.button = h(
      'button',
      {
        type: 'button',
        id: 'export-button',
        'aria-haspopup': 'menu',
        'aria-expanded': 'false',
        'aria-controls': 'export-menu',
        title: 'Save the run: trace, timeline image or output',
      },
      lineIcon('export'),
      h('span', { class: 'label' }, 'Export'),
    );
    this.items = EXPORT_KINDS.map((kind) =>
      h('button', { type: 'button', role: 'menuitem', tabindex: -1, 'data-export': kind }, LABELS[kind]),
    );
    this.menu = h(
      'div',
      { id: 'export-menu', class: 'export-menu', role: 'menu', 'aria-label': 'Export', hidden: true },
      ...this.items,
    );
    const wrap = h('span', { class: 'export-wrap' }, this.button, this.menu);
    anchor.after(wrap);
    this.store.add({ dispose: () => wrap.remove() });
    this.store.add(listen(this.button, 'click', () => this.toggle()));
    this.store.add(
      listen(this.button, 'keydown', (e) => {
        if (e.key === 'ArrowDown') {
          e.preventDefault();
          this.toggle(true);
        }
      }),
    );
    for (const item of this.items) {
      this.store.add(
        listen(item, 'click', () => {
          this.toggle(false);
          void this.export(item.dataset.export ?? '');
        }),
      );
    }
    this.store.add(listen(this.menu, 'keydown', (e) => this.onMenuKey(e)));
    this.store.add(
      listen(document, 'pointerdown', (e) => {
        if (!this.menu.hidden && !wrap.contains(e.target as Node)) this.toggle(false, false);
      }),
    );
  }

  toggle(open = this.menu.hidden, focusButton = true): void {
    this.menu.hidden = !open;
    this.button.setAttribute('aria-expanded', String(open));
    if (open) {
      const text = this.items[EXPORT_KINDS.indexOf('text')];
      text.textContent = this.host.timestamps() ? `${LABELS.text} (with timestamps)` : LABELS.text;
      this.items[0].focus();
    } else if (focusButton) {
      this.button.focus();
    }
  }

  /** export saves one kind of file; it reports in the terminal and returns whether a file was made. */
  async export(kind: string): Promise<boolean> {
    if (!(EXPORT_KINDS as readonly string[]).includes(kind)) {
      this.host.note(
        `export needs one of ${EXPORT_KINDS.join(', ')}: export trace, export png, export svg, export text`,
        'error',
      );
      return false;
    }
    if (this.busy) {
      this.host.note('An export is still being prepared; try again when it is saved.', 'error');
      return false;
    }
    const trace = this.host.trace();
    if (trace.count === 0) {
      this.host.note('Nothing to export yet: run a program first.', 'error');
      return false;
    }
    this.busy = true;
    try {
      const { blob, fileName } = await this.make(kind as ExportKind, trace);
      const note = download(blob, fileName);
      const partial = trace.complete ? '' : ' (the run is still going: the file covers what ran so far)';
      this.host.note(`Saved ${fileName} (${formatBytes(blob.size)})${partial}`, 'ok');
      if (note) this.host.note(note, 'dim');
      return true;
    } catch (error) {
      this.host.note(`Export failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** scene lays out the timeline export for the timeline's current window and theme. */
  private scene(render: Render, trace: Trace): Scene {
    const { buildScene, DARK, LIGHT } = render;
    const view = this.host.window();
    const palette = pagePalette(DARK, LIGHT);
    const end = Math.max(trace.endTime, 1e-9);
    const t0 = Number.isFinite(view.t0) && view.t1 > view.t0 ? view.t0 : -end * 0.01;
    const t1 = Number.isFinite(view.t1) && view.t1 > view.t0 ? view.t1 : end * 1.02;
    const title = `${this.host.name()} · ${trace.tasks.length} task${trace.tasks.length === 1 ? '' : 's'} · Interleave`;
    return buildScene(trace, lanesOf(trace), { title, t0, t1, width: Math.max(800, view.width + 168), palette });
  }

  dispose(): void {
    this.store.dispose();
  }

  private async make(kind: ExportKind, trace: Trace): Promise<{ blob: Blob; fileName: string }> {
    const slug = fileSlug(this.host.name());
    const render = await import('./render');
    const { chromeTraceParts, outputText, canvasToPng, paintScene, sceneToSvg } = render;
    switch (kind) {
      case 'trace': {
        if (trace.count > 200_000)
          this.host.note(`Writing the trace of ${trace.count.toLocaleString('en')} events…`, 'dim');
        const parts = await chromeTraceParts(trace, this.host.source());
        // blob grows a part at a time so that copying a long trace's text never blocks the page for long.
        let blob = new Blob([], { type: 'application/json' });
        for (let i = 0; i < parts.length; i++) {
          blob = new Blob([blob, parts[i]], { type: 'application/json' });
          parts[i] = '';
          if (i % 8 === 7) await new Promise((resolve) => setTimeout(resolve, 0));
        }
        return { blob, fileName: `${slug}-trace.json` };
      }
      case 'svg': {
        const svg = sceneToSvg(this.scene(render, trace), `${this.host.name()} — Interleave timeline`);
        return { blob: new Blob([svg], { type: 'image/svg+xml' }), fileName: `${slug}-timeline.svg` };
      }
      case 'png':
        return { blob: await canvasToPng(paintScene(this.scene(render, trace))), fileName: `${slug}-timeline.png` };
      default:
        return {
          blob: new Blob([outputText(trace, this.host.timestamps())], { type: 'text/plain;charset=utf-8' }),
          fileName: `${slug}-output.txt`,
        };
    }
  }

  private onMenuKey(e: KeyboardEvent): void {
    const i = this.items.indexOf(document.activeElement as HTMLButtonElement);
    let next = -1;
    if (e.key === 'ArrowDown') next = (i + 1) % this.items.length;
    else if (e.key === 'ArrowUp') next = (i - 1 + this.items.length) % this.items.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = this.items.length - 1;
    else if (e.key === ' ' && i >= 0) {
      // Space picks the item here, so the page's Space shortcut (play/pause) does not see it.
      e.preventDefault();
      this.items[i].click();
      return;
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.toggle(false);
      return;
    } else if (e.key === 'Tab') {
      this.toggle(false, false);
      return;
    }
    if (next >= 0) {
      e.preventDefault();
      this.items[next].focus();
    }
  }
}

// pagePalette reads the page's theme colours, so the export matches light or dark mode.
function pagePalette(DARK: Palette, LIGHT: Palette): Palette {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  const bg = v('--bg');
  const dark = bg ? isDark(bg) : window.matchMedia('(prefers-color-scheme: dark)').matches;
  const base = dark ? DARK : LIGHT;
  return {
    dark,
    bg: bg || base.bg,
    fg: v('--fg') || base.fg,
    muted: v('--muted') || base.muted,
    grid: v('--border') || base.grid,
  };
}

// isDark tells a dark background from a light one by its luminance (#rgb or #rrggbb).
function isDark(color: string): boolean {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color);
  if (!m) return window.matchMedia('(prefers-color-scheme: dark)').matches;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

type Render = typeof import('./render');

/** ExportApp is the part of the page's App the exporter reads. */
export interface ExportApp {
  player: { trace: Trace };
  run: { source: string } | null;
  editor: { text: string };
  example: { name: string } | null;
  timeline: { viewport: { t0: number; t1: number; width: number } };
  terminal: { timestamps: boolean };
  note(text: string, tone: 'info' | 'error' | 'dim' | 'ok'): void;
}

/** hostOf adapts the page's App to the exporter. */
export function hostOf(app: ExportApp): ExportHost {
  return {
    trace: () => app.player.trace,
    source: () => app.run?.source ?? app.editor.text,
    name: () => app.example?.name ?? 'program',
    window: () => ({ t0: app.timeline.viewport.t0, t1: app.timeline.viewport.t1, width: app.timeline.viewport.width }),
    timestamps: () => app.terminal.timestamps,
    note: (text, tone) => app.note(text, tone),
  };
}
