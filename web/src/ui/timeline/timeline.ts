// TimelineView: the canvas. Lanes per task, core, GIL and event loop (in one or more
// groups sharing a time axis, for compare), painted from the draw model with a pattern
// per state; wheel/drag/keyboard zoom and pan, hover tooltips, click to seek and drag on
// the axis or the playhead to scrub. Drawing reuses its buffers and patterns.
import { formatSeconds } from '../../player/format';
import type { Trace } from '../../player/trace';
import { fillOf, paintPattern, taskColor } from '../colors';
import { type Disposable, DisposableStore, h, listen, warmCanvasFonts } from '../dom';
import { computeTicks, createTicks, formatTick } from './axis';
import { TimelineAlt } from './alt';
import { describeAt, segmentLabel } from './describe';
import { type ForcedMark, type ForcedSwitch, forcedMarks, forcedSwitches, markNear } from './forced';
import { ACTIVITY, DrawList, LaneKind, type Lane, type TimelineGroup, buildFrame, lanesOf } from './model';
import { TimelineViewport } from './view';

export interface TimelineCallbacks {
  /** onSeek asks the player to move the playhead (click, scrub). */
  onSeek(time: number): void;
}

/** CANVAS_FONTS are the fonts the timeline draws in (warmed while the page is idle). */
const CANVAS_FONTS = [
  '12px system-ui, sans-serif',
  '13px system-ui, sans-serif',
  '15px system-ui, sans-serif',
  '600 14px system-ui, sans-serif',
  '700 12px system-ui, sans-serif',
  '700 14px system-ui, sans-serif',
  'italic 14px system-ui, sans-serif',
];
const AXIS_H = 26;
const LANE_H = 26;
const TITLE_H = 24;
const FOLLOW_PAUSE_MS = 2500;
/**
 * LIVE_PAINT_MS is the least time between repaints of the lanes while a run streams in: a
 * dense timeline takes tens of milliseconds to paint, and repainting it on every batch would
 * keep the main thread busy. While live, a repaint is also sliced: SLICE_MS of lanes per
 * frame into a second layer, shown once complete, so no frame blocks the page for long.
 */
const LIVE_PAINT_MS = 120;
const SLICE_MS = 5;
const FRAME_SHARE_MS = 12;
const MAX_DEFERRALS = 3;
/** USER_MS keeps repaints immediate for this long after the user zooms, pans or scrolls. */
const USER_MS = 400;

export class TimelineView implements Disposable {
  readonly viewport = new TimelineViewport();
  readonly canvas: HTMLCanvasElement;
  /** ctx is the layer being painted: the shown one, or `next` during a live repaint. */
  private ctx: CanvasRenderingContext2D;
  private readonly screen: CanvasRenderingContext2D;
  private readonly tooltip: HTMLDivElement;
  private readonly store = new DisposableStore();
  private readonly alt: TimelineAlt;
  private readonly list = new DrawList();
  private readonly ticks = createTicks();
  private readonly patterns = new Map<number, CanvasPattern | string>();
  private readonly plain = new Map<number, string>();
  private readonly labels = new Map<string, string>();
  private groups: TimelineGroup[] = [];
  private playhead = -1;
  private hoverX = -1;
  private scrollY = 0;
  private cssWidth = 0;
  private cssHeight = 0;
  /** zoom draws everything larger (presenter mode): cssWidth and cssHeight are in zoomed units. */
  private zoom = 1;
  private dpr = 1;
  private frame = 0;
  private deferrals = 0;
  private dark = false;
  private lastUserMove = -Infinity;
  private paintedAt = -Infinity;
  private paintedEpoch = -1;
  private laterTimer = 0;
  /** job is a live repaint in progress into `next`: the lanes painted so far and the view it paints. */
  private job: { from: number; view: { t0: number; t1: number; width: number } } | null = null;
  /** shown is the view the displayed layer was painted with (the playhead is drawn against it). */
  private readonly shown = { t0: 0, t1: 1, width: 1 };
  private drag: { mode: 'pending' | 'pan' | 'scrub'; x: number; y: number; id: number } | null = null;
  /** auto keeps the whole run in view until the user zooms or pans. */
  private auto = true;
  /** frameTimes keeps the last draw durations (ms) for the benchmark. */
  frameTimes: number[] = [];
  // The lanes are painted into layer and only repainted when what they show changes;
  // a playback frame blits the layer and draws the playhead on top.
  private layer = document.createElement('canvas');
  private next = document.createElement('canvas');
  private layerCtx: CanvasRenderingContext2D;
  private nextCtx: CanvasRenderingContext2D;
  private layerKey = new Float64Array(8);
  private epoch = 0;
  private readonly styles = new Uint32Array(256);
  private colors = { bg: '', fg: '', muted: '', grid: '', accent: '', axisBg: '', forced: '' };
  // forced caches each trace's forced switches by trace version (runs replaying an explorer's schedule).
  private readonly forced = new WeakMap<Trace, { version: number; list: ForcedSwitch[] }>();

  constructor(
    private readonly container: HTMLElement,
    private readonly callbacks: TimelineCallbacks,
  ) {
    this.canvas = h('canvas', { class: 'timeline-canvas', tabindex: 0, role: 'img' });
    this.tooltip = h('div', { class: 'timeline-tooltip', role: 'tooltip', hidden: true });
    container.append(this.canvas, this.tooltip);
    // The canvas's text alternative: a summary label and a table of task states at the playhead.
    this.alt = this.store.add(new TimelineAlt(this.canvas, container));
    const ctx = this.canvas.getContext('2d', { alpha: false });
    const layerCtx = this.layer.getContext('2d', { alpha: false });
    const nextCtx = this.next.getContext('2d', { alpha: false });
    if (!ctx || !layerCtx || !nextCtx) throw new Error('canvas 2D is not available');
    this.ctx = layerCtx;
    this.layerCtx = layerCtx;
    this.nextCtx = nextCtx;
    this.screen = ctx;
    const dark = window.matchMedia('(prefers-color-scheme: dark)');
    this.dark = dark.matches;
    this.store.add(
      listen(dark, 'change', () => {
        this.dark = dark.matches;
        this.patterns.clear();
        this.readColors();
        this.epoch += 1;
        this.requestDraw();
      }),
    );
    const resize = new ResizeObserver(() => this.resize());
    resize.observe(container);
    this.store.add({ dispose: () => resize.disconnect() });
    this.store.add(listen(this.canvas, 'pointerdown', (e) => this.onPointerDown(e)));
    this.store.add(listen(this.canvas, 'pointermove', (e) => this.onPointerMove(e)));
    this.store.add(listen(this.canvas, 'pointerup', (e) => this.onPointerUp(e)));
    this.store.add(listen(this.canvas, 'pointercancel', () => (this.drag = null)));
    this.store.add(listen(this.canvas, 'pointerleave', () => this.hover(-1, -1)));
    this.store.add(listen(this.canvas, 'wheel', (e) => this.onWheel(e), { passive: false }));
    this.store.add(listen(this.canvas, 'keydown', (e) => this.onKey(e)));
    this.resize();
    warmCanvasFonts(CANVAS_FONTS);
  }

  get labelWidth(): number {
    return this.cssWidth < 600 ? 92 : 150;
  }

  /** setTrace shows one run; lanes are recomputed when its tasks or resources change. */
  setTrace(trace: Trace | null, title = ''): void {
    this.setGroups(trace ? [{ title, trace, lanes: lanesOf(trace) }] : []);
  }

  setGroups(groups: TimelineGroup[]): void {
    const newRun = groups.length !== this.groups.length || groups.some((g, i) => g.trace !== this.groups[i]?.trace);
    this.groups = groups;
    this.epoch += 1;
    if (newRun) {
      this.auto = true;
      this.scrollY = 0;
      this.labels.clear();
    }
    this.requestDraw();
  }

  /** refresh re-reads lanes after new events arrived (new tasks, cores) and refits while streaming. */
  refresh(): void {
    for (const g of this.groups) {
      const lanes = lanesOf(g.trace);
      // Lanes can move (a process header appears above them), so cached segment labels go with the old ones.
      if (
        lanes.length !== g.lanes.length ||
        lanes.some((l, i) => l.list !== g.lanes[i].list || l.label !== g.lanes[i].label)
      ) {
        g.lanes = lanes;
        this.labels.clear();
      }
    }
    this.requestDraw();
  }

  /** fitAll shows every group's whole run. */
  fitAll(): void {
    this.auto = true;
    this.viewport.fit(this.end());
    this.requestDraw();
  }

  setPlayhead(time: number, following: boolean): void {
    if (time === this.playhead) return;
    this.playhead = time;
    if (following && !this.auto && performance.now() - this.lastUserMove > FOLLOW_PAUSE_MS)
      this.viewport.reveal(time, this.end());
    this.requestDraw();
  }

  requestDraw(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame((frameStart) => {
      this.frame = 0;
      // A frame whose other callbacks (the panels, the editor) already took FRAME_SHARE_MS hands
      // a streaming or playback draw to the next frame, so the two never add up to a long task;
      // a draw waits at most MAX_DEFERRALS frames, and the user's own zoom or pan never waits.
      const urgent = performance.now() - this.lastUserMove < USER_MS || this.epoch !== this.paintedEpoch;
      if (!urgent && performance.now() - frameStart > FRAME_SHARE_MS && this.deferrals < MAX_DEFERRALS) {
        this.deferrals += 1;
        this.requestDraw();
        return;
      }
      this.deferrals = 0;
      this.draw();
    });
  }

  /** drawModel is the current frame's model (for tests and the page's test hook). */
  drawModel(): {
    view: { t0: number; t1: number; width: number };
    playhead: number;
    groups: {
      title: string;
      lanes: { label: string; kind: number }[];
      rects: ReturnType<DrawList['toJSON']>;
      marks: ForcedMark[];
    }[];
  } {
    const out = new DrawList();
    const view = { t0: this.viewport.t0, t1: this.viewport.t1, width: this.viewport.width };
    return {
      view,
      playhead: this.playhead,
      groups: this.groups.map((g) => {
        buildFrame(g.trace, g.lanes, view, out);
        return {
          title: g.title,
          lanes: g.lanes.map((l) => ({ label: l.label, kind: l.kind })),
          rects: out.toJSON(),
          marks: forcedMarks(this.forcedOf(g.trace), g.lanes, view),
        };
      }),
    };
  }

  /** xForTime is the canvas x (CSS px) of a time, for tests that click. */
  xForTime(time: number): number {
    return this.labelWidth + this.viewport.xAt(time);
  }

  dispose(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    clearTimeout(this.laterTimer);
    this.store.dispose();
    this.canvas.remove();
    this.tooltip.remove();
  }

  private end(): number {
    return this.groups.reduce((m, g) => Math.max(m, g.trace.endTime), 0);
  }

  /** setZoom scales lanes, labels and the axis (1 is normal size; presenter mode uses more). */
  setZoom(zoom: number): void {
    const z = Number.isFinite(zoom) && zoom >= 1 ? zoom : 1;
    if (z === this.zoom) return;
    this.zoom = z;
    this.resize();
  }

  private resize(): void {
    const rect = this.container.getBoundingClientRect();
    const zoom = this.zoom;
    this.dpr = (window.devicePixelRatio || 1) * zoom;
    this.cssWidth = Math.max(0, Math.floor(rect.width / zoom));
    this.cssHeight = Math.max(0, Math.floor(rect.height / zoom));
    this.canvas.width = Math.max(1, Math.round(this.cssWidth * this.dpr));
    this.canvas.height = Math.max(1, Math.round(this.cssHeight * this.dpr));
    this.canvas.style.width = `${this.cssWidth * zoom}px`;
    this.canvas.style.height = `${this.cssHeight * zoom}px`;
    this.layer.width = this.next.width = this.canvas.width;
    this.layer.height = this.next.height = this.canvas.height;
    this.readColors();
    this.epoch += 1;
    this.viewport.width = Math.max(1, this.cssWidth - this.labelWidth - 8);
    this.patterns.clear();
    this.draw();
  }

  private contentHeight(): number {
    let y = 0;
    for (const g of this.groups) y += (g.title ? TITLE_H : 0) + g.lanes.length * LANE_H;
    return y;
  }

  private colorFor(style: number): string {
    let color = this.plain.get(style);
    if (color === undefined) {
      color = fillOf(style).color;
      this.plain.set(style, color);
    }
    return color;
  }

  private fillFor(style: number): CanvasPattern | string {
    let fill = this.patterns.get(style);
    if (fill === undefined) {
      const spec = fillOf(style);
      if (spec.pattern === 'solid') fill = spec.color;
      else {
        const size = Math.round(8 * this.dpr);
        const tile = document.createElement('canvas');
        tile.width = size;
        tile.height = size;
        const tctx = tile.getContext('2d');
        if (tctx) paintPattern(tctx, spec, size, this.dark);
        fill = this.ctx.createPattern(tile, 'repeat') ?? spec.color;
      }
      this.patterns.set(style, fill);
    }
    return fill;
  }

  private readColors(): void {
    const css = getComputedStyle(this.container);
    const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
    this.colors = {
      bg: v('--panel', this.dark ? '#161b22' : '#f6f8fa'),
      fg: v('--fg', this.dark ? '#e6edf3' : '#1f2328'),
      muted: v('--muted', '#8d96a0'),
      grid: v('--border', '#30363d'),
      accent: v('--playhead', '#ff3b30'),
      axisBg: v('--bg', this.dark ? '#0d1117' : '#ffffff'),
      forced: v('--forced', this.dark ? '#ff9a4d' : '#b34700'),
    };
  }

  // layerChanged tells whether the painted lanes are stale (view, data, size or theme changed).
  private layerChanged(): boolean {
    let versions = 0;
    for (const g of this.groups) versions += g.trace.version * 1024 + g.lanes.length;
    const k = this.layerKey;
    const changed =
      k[0] !== this.viewport.t0 ||
      k[1] !== this.viewport.t1 ||
      k[2] !== this.viewport.width ||
      k[3] !== this.cssHeight ||
      k[4] !== this.scrollY ||
      k[5] !== versions ||
      k[6] !== this.epoch ||
      k[7] !== this.dpr;
    k[0] = this.viewport.t0;
    k[1] = this.viewport.t1;
    k[2] = this.viewport.width;
    k[3] = this.cssHeight;
    k[4] = this.scrollY;
    k[5] = versions;
    k[6] = this.epoch;
    k[7] = this.dpr;
    return changed;
  }

  private draw(): void {
    const started = performance.now();
    this.alt.update(this.groups, this.playhead);
    if (this.auto) this.viewport.fit(this.end());
    if (this.epoch !== this.paintedEpoch || started - this.lastUserMove < USER_MS) {
      // A new run, a resize, a theme change or the user's own zoom, pan or scroll: repaint at once.
      if (this.job) {
        this.job = null;
        this.layerKey[0] = NaN;
      }
      this.ctx = this.layerCtx;
      if (this.layerChanged()) this.paintLayer();
      this.paintedAt = started;
      this.paintedEpoch = this.epoch;
      this.shown.t0 = this.viewport.t0;
      this.shown.t1 = this.viewport.t1;
      this.shown.width = this.viewport.width;
    } else {
      this.drawSliced(started);
    }
    const ctx = this.screen;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(this.layer, 0, 0);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    const left = this.labelWidth;
    if (this.hoverX >= left) {
      ctx.fillStyle = this.colors.muted;
      ctx.fillRect(Math.round(this.hoverX), AXIS_H, 1, this.cssHeight - AXIS_H);
    }
    if (this.playhead >= 0 && this.groups.length > 0) {
      const x = left + ((this.playhead - this.shown.t0) / (this.shown.t1 - this.shown.t0 || 1)) * this.shown.width;
      if (x >= left - 1 && x <= this.cssWidth) {
        ctx.fillStyle = this.colors.accent;
        ctx.fillRect(Math.round(x) - 1, 0, 2, this.cssHeight);
        ctx.beginPath();
        ctx.moveTo(x - 6, 0);
        ctx.lineTo(x + 6, 0);
        ctx.lineTo(x, 8);
        ctx.fill();
      }
    }
    this.frameTimes.push(performance.now() - started);
    if (this.frameTimes.length > 600) this.frameTimes.shift();
  }

  // drawSliced repaints lanes that changed by themselves (events streaming in, the run's end,
  // playback revealing a new window) a slice per frame into `next`, at most every
  // LIVE_PAINT_MS while a run streams; the finished layer replaces the shown one, with its view.
  private drawSliced(started: number): void {
    if (!this.job) {
      const streaming = this.groups.some((g) => !g.trace.complete);
      const wait = streaming ? LIVE_PAINT_MS - (started - this.paintedAt) : 0;
      if (wait > 0) {
        if (!this.laterTimer)
          this.laterTimer = window.setTimeout(() => {
            this.laterTimer = 0;
            this.requestDraw();
          }, wait);
        return;
      }
      if (!this.layerChanged()) return;
      this.job = { from: 0, view: { t0: this.viewport.t0, t1: this.viewport.t1, width: this.viewport.width } };
      this.paintedAt = started;
    }
    const job = this.job;
    // The job paints with the view it began with, even if a refit moved the viewport since.
    const { t0, t1 } = this.viewport;
    this.viewport.t0 = job.view.t0;
    this.viewport.t1 = job.view.t1;
    this.ctx = this.nextCtx;
    let total = 0;
    do {
      total = this.paintLayer(job.from, job.from + 1);
      job.from += 1;
    } while (job.from < total && performance.now() - started < SLICE_MS);
    this.ctx = this.layerCtx;
    this.viewport.t0 = t0;
    this.viewport.t1 = t1;
    if (job.from < total) {
      this.requestDraw();
      return;
    }
    [this.layer, this.next] = [this.next, this.layer];
    [this.layerCtx, this.nextCtx] = [this.nextCtx, this.layerCtx];
    this.ctx = this.layerCtx;
    this.shown.t0 = job.view.t0;
    this.shown.t1 = job.view.t1;
    this.shown.width = job.view.width;
    this.job = null;
    this.requestDraw();
  }

  // paintLayer paints background, grid, lanes, labels and axis into the layer canvas. A live
  // repaint paints it in slices: slot k is the k-th visible lane (slot 0 also paints the
  // background, grid and group titles; the last also the axis). It returns the slot count.
  private paintLayer(from = 0, to = Number.POSITIVE_INFINITY): number {
    const ctx = this.ctx;
    const { bg, fg, muted, grid } = this.colors;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    if (from === 0) {
      ctx.fillStyle = bg;
      ctx.fillRect(0, 0, this.cssWidth, this.cssHeight);
    }
    computeTicks(this.viewport.t0, this.viewport.t1, this.viewport.width, 110, this.ticks);
    if (this.groups.length === 0 || this.groups.every((g) => g.lanes.length === 0)) {
      if (from === 0) {
        ctx.fillStyle = muted;
        ctx.font = '15px system-ui, sans-serif';
        ctx.fillText('Run a program to see its timeline here.', 16, AXIS_H + 28);
        this.drawAxis(fg, muted, grid);
      }
      return 1;
    }
    const left = this.labelWidth;
    const view = { t0: this.viewport.t0, t1: this.viewport.t1, width: this.viewport.width };
    const maxScroll = Math.max(0, this.contentHeight() - (this.cssHeight - AXIS_H));
    this.scrollY = Math.min(this.scrollY, maxScroll);
    this.layerKey[4] = this.scrollY;
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, AXIS_H, this.cssWidth, this.cssHeight - AXIS_H);
    ctx.clip();
    if (from === 0) this.drawGrid(grid);
    let y = AXIS_H - this.scrollY;
    let slot = 0;
    ctx.textBaseline = 'middle';
    for (const group of this.groups) {
      if (group.title) {
        if (from === 0 && y + TITLE_H > AXIS_H) {
          ctx.fillStyle = fg;
          ctx.font = '600 14px system-ui, sans-serif';
          ctx.fillText(group.title, 8, y + TITLE_H / 2);
        }
        y += TITLE_H;
      }
      const firstLane = Math.max(0, Math.floor((AXIS_H - y) / LANE_H));
      const lastLane = Math.min(group.lanes.length, Math.ceil((this.cssHeight - y) / LANE_H));
      const a = Math.max(firstLane, firstLane + from - slot);
      const b = Math.min(lastLane, firstLane + to - slot);
      if (a < b) {
        for (let i = a; i < b; i++) this.drawLaneLabel(group.lanes[i], y + i * LANE_H, i, fg, muted, grid);
        buildFrame(group.trace, group.lanes, view, this.list, a, b);
        this.fillRects(y, left);
        this.drawLabels(group, y, left);
        this.drawForced(group, y, left, view, a, b);
      }
      slot += Math.max(0, lastLane - firstLane);
      y += group.lanes.length * LANE_H;
    }
    ctx.restore();
    const total = Math.max(1, slot);
    if (to >= total) {
      this.drawAxis(fg, muted, grid);
      if (maxScroll > 0) {
        const track = this.cssHeight - AXIS_H;
        const thumb = Math.max(20, (track * track) / (track + maxScroll));
        ctx.fillStyle = muted;
        ctx.globalAlpha = 0.5;
        ctx.fillRect(this.cssWidth - 5, AXIS_H + ((track - thumb) * this.scrollY) / maxScroll, 4, thumb);
        ctx.globalAlpha = 1;
      }
    }
    return total;
  }

  // fillRects fills the frame's rectangles one style at a time: one path and one fill per style.
  private fillRects(y: number, left: number): void {
    const ctx = this.ctx;
    const list = this.list;
    let distinct = 0;
    for (let r = 0; r < list.count; r++) {
      const style = list.style[r];
      let k = 0;
      while (k < distinct && this.styles[k] !== style) k++;
      if (k === distinct && distinct < this.styles.length) this.styles[distinct++] = style;
    }
    for (let k = 0; k < distinct; k++) {
      const style = this.styles[k];
      const activity = (style & ACTIVITY) !== 0;
      const base = activity ? style & ~ACTIVITY : style;
      // Narrow rectangles show no pattern anyway: they are filled with the plain colour, which is much cheaper.
      ctx.fillStyle = this.colorFor(base);
      let wide = 0;
      for (let r = 0; r < list.count; r++) {
        if (list.style[r] !== style) continue;
        const w = list.w[r];
        if (!activity && w >= 6) {
          wide += 1;
          continue;
        }
        const laneY = y + list.lane[r] * LANE_H;
        if (activity) ctx.fillRect(left + list.x[r], laneY + LANE_H - 8, Math.max(w, 0.75), 4);
        else ctx.fillRect(left + list.x[r], laneY + 4, w > 4 ? w - 1 : Math.max(w, 0.75), LANE_H - 12);
      }
      if (wide === 0) continue;
      ctx.beginPath();
      for (let r = 0; r < list.count; r++) {
        if (list.style[r] !== style || list.w[r] < 6) continue;
        ctx.rect(left + list.x[r], y + list.lane[r] * LANE_H + 4, list.w[r] - 1, LANE_H - 12);
      }
      ctx.fillStyle = this.fillFor(base);
      ctx.fill();
    }
  }

  private drawLabels(group: TimelineGroup, y: number, left: number): void {
    const ctx = this.ctx;
    const list = this.list;
    ctx.font = '12px system-ui, sans-serif';
    for (let r = 0; r < list.count; r++) {
      if (list.w[r] < 70 || list.seg[r] === -1 || list.style[r] & ACTIVITY) continue;
      const lane = group.lanes[list.lane[r]];
      const text = this.labelFor(group, lane, list.lane[r], list.seg[r]);
      if (!text) continue;
      const x0 = Math.max(left + list.x[r], left) + 4;
      const x1 = Math.min(left + list.x[r] + list.w[r], left + this.viewport.width) - 4;
      if (x1 - x0 < 40) continue;
      ctx.save();
      ctx.beginPath();
      ctx.rect(x0, y + list.lane[r] * LANE_H, x1 - x0, LANE_H);
      ctx.clip();
      ctx.fillStyle = this.dark ? '#ffffff' : '#000000';
      ctx.fillText(text, x0, y + list.lane[r] * LANE_H + LANE_H / 2 - 1.5);
      ctx.restore();
    }
  }

  /** forcedOf is a trace's forced switches, read again only when the trace has grown. */
  forcedOf(trace: Trace): ForcedSwitch[] {
    let entry = this.forced.get(trace);
    if (!entry || entry.list.length !== trace.forced.length) {
      entry = { version: trace.version, list: trace.forced.length === 0 ? [] : forcedSwitches(trace) };
      this.forced.set(trace, entry);
    }
    return entry.list;
  }

  // drawForced marks each forced switch on the preempted task's lane: a rule across the lane, a
  // notch at its top and the switch's number, in the forced colour outlined with the background.
  private drawForced(
    group: TimelineGroup,
    y: number,
    left: number,
    view: { t0: number; t1: number; width: number },
    firstLane: number,
    lastLane: number,
  ): void {
    const marks = forcedMarks(this.forcedOf(group.trace), group.lanes, view);
    if (marks.length === 0) return;
    const ctx = this.ctx;
    ctx.font = '700 12px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    for (const m of marks) {
      if (m.lane < firstLane || m.lane >= lastLane) continue;
      const x = Math.round(left + m.x);
      const top = y + m.lane * LANE_H;
      if (x < left - 6) continue;
      ctx.fillStyle = this.colors.bg;
      ctx.fillRect(x - 2, top + 1, 5, LANE_H - 2);
      ctx.fillStyle = this.colors.forced;
      ctx.fillRect(x - 1, top + 1, 3, LANE_H - 2);
      ctx.beginPath();
      ctx.moveTo(x - 6, top + 1);
      ctx.lineTo(x + 7, top + 1);
      ctx.lineTo(x + 0.5, top + 9);
      ctx.closePath();
      ctx.strokeStyle = this.colors.bg;
      ctx.lineWidth = 1.5;
      ctx.stroke();
      ctx.fill();
      const label = String(m.index + 1);
      const w = ctx.measureText(label).width + 6;
      ctx.fillStyle = this.colors.forced;
      ctx.fillRect(x + 5, top + LANE_H - 15, w, 13);
      ctx.fillStyle = this.colors.bg;
      ctx.fillText(label, x + 8, top + LANE_H - 8.5);
    }
  }

  private drawLaneLabel(lane: Lane, y: number, index: number, fg: string, muted: string, grid: string): void {
    const ctx = this.ctx;
    if (lane.kind === LaneKind.Process) {
      this.drawProcessHeader(lane, y, fg);
      return;
    }
    if (index % 2 === 1) {
      ctx.fillStyle = grid;
      ctx.globalAlpha = 0.25;
      ctx.fillRect(0, y, this.cssWidth, LANE_H);
      ctx.globalAlpha = 1;
    }
    if (lane.kind === LaneKind.Task) {
      ctx.fillStyle = taskColor(lane.colorIndex);
      ctx.fillRect(6, y + 6, 10, LANE_H - 12);
      ctx.fillStyle = fg;
      ctx.font = '600 14px system-ui, sans-serif';
    } else {
      ctx.fillStyle = muted;
      ctx.font = 'italic 14px system-ui, sans-serif';
    }
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, y, this.labelWidth - 6, LANE_H);
    ctx.clip();
    ctx.fillText(lane.label, lane.kind === LaneKind.Task ? 22 : 8, y + LANE_H / 2 + 0.5);
    ctx.restore();
  }

  // drawProcessHeader draws a process group's header row: a band across the whole width
  // with a rule above it and the process's name and pid, in the theme's text colour.
  private drawProcessHeader(lane: Lane, y: number, fg: string): void {
    const ctx = this.ctx;
    // A tint of the text colour keeps the band faint and the text at full contrast in every palette.
    ctx.fillStyle = fg;
    ctx.globalAlpha = 0.13;
    ctx.fillRect(0, y, this.cssWidth, LANE_H);
    ctx.globalAlpha = 1;
    ctx.fillRect(0, y, this.cssWidth, 2);
    ctx.font = '700 14px system-ui, sans-serif';
    ctx.fillText(lane.label, 8, y + LANE_H / 2 + 1);
  }

  private drawAxis(fg: string, muted: string, grid: string): void {
    const ctx = this.ctx;
    const left = this.labelWidth;
    ctx.fillStyle = this.colors.axisBg;
    ctx.fillRect(0, 0, this.cssWidth, AXIS_H);
    ctx.fillStyle = grid;
    ctx.fillRect(0, AXIS_H - 1, this.cssWidth, 1);
    ctx.font = '13px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    for (let i = 0; i < this.ticks.count; i++) {
      const t = this.ticks.values[i];
      const x = left + this.viewport.xAt(t);
      if (x < left - 1) continue;
      ctx.fillStyle = muted;
      ctx.fillRect(Math.round(x), AXIS_H - 6, 1, 6);
      ctx.fillStyle = fg;
      ctx.fillText(formatTick(t, this.ticks.step), x + 3, AXIS_H / 2 - 1);
    }
    ctx.fillStyle = muted;
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillText('time →', 8, AXIS_H / 2 - 1);
  }

  private drawGrid(grid: string): void {
    const ctx = this.ctx;
    ctx.fillStyle = grid;
    ctx.globalAlpha = 0.6;
    for (let i = 0; i < this.ticks.count; i++) {
      const x = this.labelWidth + this.viewport.xAt(this.ticks.values[i]);
      if (x >= this.labelWidth - 1) ctx.fillRect(Math.round(x), AXIS_H, 1, this.cssHeight - AXIS_H);
    }
    ctx.globalAlpha = 1;
  }

  private labelFor(group: TimelineGroup, lane: Lane, laneIndex: number, seg: number): string {
    const key = `${this.groups.indexOf(group)}:${laneIndex}:${seg}`;
    let text = this.labels.get(key);
    if (text === undefined) {
      text = segmentLabel(group.trace, lane, seg);
      if (this.labels.size > 5000) this.labels.clear();
      this.labels.set(key, text);
    }
    return text;
  }

  // laneAt finds the group and lane under a canvas y, or null.
  private laneAt(yCss: number): { group: TimelineGroup; lane: Lane; index: number } | null {
    let y = AXIS_H - this.scrollY;
    for (const group of this.groups) {
      if (group.title) y += TITLE_H;
      const i = Math.floor((yCss - y) / LANE_H);
      if (i >= 0 && i < group.lanes.length) return { group, lane: group.lanes[i], index: i };
      y += group.lanes.length * LANE_H;
    }
    return null;
  }

  private hover(x: number, y: number): void {
    this.hoverX = x;
    const hit = x >= this.labelWidth && y > AXIS_H ? this.laneAt(y) : null;
    if (!hit || hit.lane.kind === LaneKind.Process) {
      this.tooltip.hidden = true;
    } else {
      const t = this.viewport.timeAt(x - this.labelWidth);
      const d = describeAt(hit.group.trace, hit.lane, t);
      const forced = this.forcedOf(hit.group.trace);
      const view = { t0: this.viewport.t0, t1: this.viewport.t1, width: this.viewport.width };
      const mark =
        forced.length > 0 ? markNear(forcedMarks(forced, hit.group.lanes, view), hit.index, x - this.labelWidth) : null;
      if (mark) d.lines.unshift(`Forced switch ${mark.index + 1} of ${forced.length}: ${forced[mark.index].narration}`);
      this.tooltip.replaceChildren(
        h('strong', {}, hit.group.title ? `${hit.group.title} · ${d.title}` : d.title),
        h('span', { class: 'timeline-tooltip-time' }, ` at ${formatSeconds(t)}`),
        ...d.lines.map((line) => h('div', {}, line)),
      );
      this.tooltip.hidden = false;
      const tipW = this.tooltip.offsetWidth / this.zoom;
      const left = x + 14 + tipW > this.cssWidth ? x - tipW - 14 : x + 14;
      this.tooltip.style.transform = `translate(${Math.max(0, left) * this.zoom}px, ${Math.max(0, y + 12) * this.zoom}px)`;
    }
    this.requestDraw();
  }

  private localXY(e: PointerEvent | WheelEvent): { x: number; y: number } {
    const rect = this.canvas.getBoundingClientRect();
    return { x: (e.clientX - rect.left) / this.zoom, y: (e.clientY - rect.top) / this.zoom };
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    const { x, y } = this.localXY(e);
    if (x < this.labelWidth) return;
    this.canvas.setPointerCapture(e.pointerId);
    const playX = this.playhead >= 0 ? this.labelWidth + this.viewport.xAt(this.playhead) : -100;
    const scrub = y <= AXIS_H || Math.abs(x - playX) <= 7;
    this.drag = { mode: scrub ? 'scrub' : 'pending', x, y, id: e.pointerId };
    if (scrub) this.callbacks.onSeek(Math.max(0, this.viewport.timeAt(x - this.labelWidth)));
    this.lastUserMove = performance.now();
  }

  private onPointerMove(e: PointerEvent): void {
    const { x, y } = this.localXY(e);
    const drag = this.drag;
    if (!drag || drag.id !== e.pointerId) {
      this.canvas.style.cursor = y <= AXIS_H ? 'col-resize' : 'crosshair';
      this.hover(x, y);
      return;
    }
    this.lastUserMove = performance.now();
    if (drag.mode === 'scrub') {
      this.callbacks.onSeek(Math.max(0, this.viewport.timeAt(x - this.labelWidth)));
      this.hover(x, y);
      return;
    }
    if (drag.mode === 'pending' && Math.abs(x - drag.x) + Math.abs(y - drag.y) > 4) drag.mode = 'pan';
    if (drag.mode === 'pan') {
      this.auto = false;
      this.viewport.pan(drag.x - x, this.end());
      this.scrollBy(drag.y - y);
      drag.x = x;
      drag.y = y;
      this.canvas.style.cursor = 'grabbing';
      this.requestDraw();
    }
  }

  private onPointerUp(e: PointerEvent): void {
    const drag = this.drag;
    this.drag = null;
    if (!drag || drag.id !== e.pointerId) return;
    const { x } = this.localXY(e);
    if (drag.mode === 'pending') this.callbacks.onSeek(Math.max(0, this.viewport.timeAt(x - this.labelWidth)));
    this.canvas.style.cursor = 'crosshair';
  }

  private scrollBy(dy: number): void {
    const maxScroll = Math.max(0, this.contentHeight() - (this.cssHeight - AXIS_H));
    this.scrollY = Math.max(0, Math.min(maxScroll, this.scrollY + dy));
  }

  private onWheel(e: WheelEvent): void {
    const { x } = this.localXY(e);
    const scale = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? this.cssHeight : 1;
    const dx = e.deltaX * scale;
    const dy = e.deltaY * scale;
    e.preventDefault();
    this.lastUserMove = performance.now();
    if (x < this.labelWidth && !e.ctrlKey) {
      this.scrollBy(dy);
    } else if (e.shiftKey || Math.abs(dx) > Math.abs(dy)) {
      this.auto = false;
      this.viewport.pan(e.shiftKey && dx === 0 ? dy : dx, this.end());
    } else {
      this.auto = false;
      this.viewport.zoomAt(Math.exp(dy * 0.0015), Math.max(0, x - this.labelWidth), this.end());
    }
    this.requestDraw();
  }

  private onKey(e: KeyboardEvent): void {
    const end = this.end();
    const mid = this.viewport.width / 2;
    const at =
      this.playhead >= this.viewport.t0 && this.playhead <= this.viewport.t1 ? this.viewport.xAt(this.playhead) : mid;
    let handled = true;
    switch (e.key) {
      case '+':
      case '=':
      case 'w':
        this.viewport.zoomAt(0.7, at, end);
        break;
      case '-':
      case '_':
      case 's':
        this.viewport.zoomAt(1 / 0.7, at, end);
        break;
      case 'a':
        this.viewport.pan(-this.viewport.width * 0.2, end);
        break;
      case 'd':
        this.viewport.pan(this.viewport.width * 0.2, end);
        break;
      case '0':
        this.viewport.fit(end);
        break;
      default:
        handled = false;
    }
    if (handled) {
      this.auto = e.key === '0';
      e.preventDefault();
      e.stopPropagation();
      this.lastUserMove = performance.now();
      this.requestDraw();
    }
  }
}
