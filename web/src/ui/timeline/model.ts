// The timeline's draw model, computed without the DOM: which lanes exist, and for a view
// (time window × pixel width) the rectangles to fill, with level of detail — two buckets
// per pixel, each showing the state that dominates it, found by binary search on the
// lane's prefix sums. Buffers are reused, so a frame allocates nothing on the model side.
import { Bucket, ReadyFor, TaskState } from '../../player/states';
import { SegmentList } from '../../player/segments';
import { Resource, type TaskRecord, type Trace } from '../../player/trace';

/** Process lanes are group headers (one per simulated process); they have no segments. */
export const LaneKind = { Task: 0, Core: 1, Gil: 2, Loop: 3, Process: 4 } as const;
export type LaneKind = (typeof LaneKind)[keyof typeof LaneKind];

export interface Lane {
  kind: LaneKind;
  label: string;
  /** task is the task id of a task lane, -1 for resource lanes. */
  task: number;
  /** colorIndex is the task's colour (task lanes); -1 for resource lanes. */
  colorIndex: number;
  list: SegmentList;
  /** stalls overlays the loop lane with the stretches a synchronous call blocked it. */
  stalls: SegmentList | null;
  /** process is the simulated process a lane belongs to when a run has several; -1 for shared lanes (cores) or a single process. */
  process?: number;
}

/** TimelineGroup is one run's lanes under a title (Compare shows two). */
export interface TimelineGroup {
  title: string;
  trace: Trace;
  lanes: Lane[];
}

/** MAIN_PID is os.getpid() of the main program in the engine; process k has MAIN_PID + k. */
export const MAIN_PID = 4242;

/** ProcessGroup is one simulated process: its tasks in order of appearance and its GIL lane. */
export interface ProcessGroup {
  process: number;
  name: string;
  pid: number;
  tasks: TaskRecord[];
  gil: SegmentList | null;
}

/** processGroupsOf groups a trace's tasks by process: the main program first, then child processes in order of id. */
export function processGroupsOf(trace: Trace): ProcessGroup[] {
  const byProcess = new Map<number, TaskRecord[]>();
  for (const rec of trace.tasks) {
    let tasks = byProcess.get(rec.process);
    if (!tasks) byProcess.set(rec.process, (tasks = []));
    tasks.push(rec);
  }
  for (const p of trace.processGils.keys()) if (!byProcess.has(p)) byProcess.set(p, []);
  if (!byProcess.has(0)) byProcess.set(0, []);
  return [...byProcess.keys()]
    .sort((a, b) => a - b)
    .map((process) => ({
      process,
      name: trace.processNames.get(process) ?? (process === 0 ? 'MainProcess' : `Process-${process}`),
      pid: MAIN_PID + process,
      tasks: byProcess.get(process) ?? [],
      gil: process === 0 ? trace.gil : (trace.processGils.get(process) ?? null),
    }));
}

/** processTitle is a process group's header: "MainProcess · pid 4242". */
export function processTitle(group: ProcessGroup): string {
  return `${group.name} · pid ${group.pid}`;
}

/** SHARED_TITLE heads the lanes all processes share (the cores) when a run has several processes. */
export const SHARED_TITLE = 'Cores · shared by all processes';

/** Style codes: the low byte is the fill, TASK_COLOR_SHIFT holds a task colour for resource lanes. */
export const Style = {
  None: 0,
  Running: 1,
  Cpu: 2,
  ReadyStart: 3,
  ReadyCore: 4,
  ReadyGil: 5,
  ReadyWake: 6,
  WaitSleep: 7,
  WaitSync: 8,
  WaitIo: 9,
  WaitOther: 10,
  Stall: 11,
  Busy: 12,
} as const;
export const TASK_COLOR_SHIFT = 8;
export const STYLE_MASK = 0xff;
/** ACTIVITY marks a thin bar under a lane: the task ran for part of buckets another state dominates. */
export const ACTIVITY = 1 << 20;

/** stallSeg encodes loop stall k as a rectangle's seg (-2, -3, …), so stall rectangles can be labelled too. */
export function stallSeg(k: number): number {
  return -2 - k;
}

/** stallOfSeg is the loop stall a rectangle's seg names, -1 if it names none. */
export function stallOfSeg(seg: number): number {
  return seg <= -2 ? -2 - seg : -1;
}

/** STYLE_NAMES labels each fill in the legend and in tooltips. */
export const STYLE_NAMES: Record<number, string> = {
  [Style.Running]: 'running',
  [Style.Cpu]: 'CPU work (sim.cpu)',
  [Style.ReadyStart]: 'ready (not started)',
  [Style.ReadyCore]: 'ready, waiting for a core',
  [Style.ReadyGil]: 'waiting for the GIL',
  [Style.ReadyWake]: 'ready (woken)',
  [Style.WaitSleep]: 'sleeping',
  [Style.WaitSync]: 'blocked (lock, queue, event, join…)',
  [Style.WaitIo]: 'waiting for I/O',
  [Style.WaitOther]: 'waiting',
  [Style.Stall]: 'event loop blocked by a synchronous call',
  [Style.Busy]: 'held / running',
};

const EMPTY = new SegmentList();

function taskLane(rec: TaskRecord, process: number): Lane {
  return {
    kind: LaneKind.Task,
    label: rec.name,
    task: rec.id,
    colorIndex: rec.index,
    list: rec.lane,
    stalls: null,
    process,
  };
}

/**
 * lanesOf lists the lanes of a trace: tasks in order of appearance (not the event loop's own,
 * TaskRecord.machinery), then cores, GIL, loop.
 * A run with several processes is grouped instead: per process a header lane, its tasks
 * and its GIL (and the event loop in the process of the loop's thread), then a header and
 * the cores, which all processes share.
 */
export function lanesOf(trace: Trace): Lane[] {
  const processes = processGroupsOf(trace);
  if (processes.length > 1) return groupedLanes(trace, processes);
  const lanes: Lane[] = trace.tasks.filter((rec) => !rec.machinery).map((rec) => taskLane(rec, -1));
  trace.cores.forEach((list, k) =>
    lanes.push({ kind: LaneKind.Core, label: `core ${k}`, task: -1, colorIndex: -1, list, stalls: null }),
  );
  if (trace.gil)
    lanes.push({ kind: LaneKind.Gil, label: 'GIL', task: -1, colorIndex: -1, list: trace.gil, stalls: null });
  if (trace.loop) {
    lanes.push({
      kind: LaneKind.Loop,
      label: 'event loop',
      task: -1,
      colorIndex: -1,
      list: trace.loop,
      stalls: trace.loopStalls,
    });
  }
  return lanes;
}

function groupedLanes(trace: Trace, processes: ProcessGroup[]): Lane[] {
  const lanes: Lane[] = [];
  const loopProcess = trace.loop ? (trace.taskById(trace.loopThread)?.process ?? 0) : -1;
  for (const g of processes) {
    const process = g.process;
    lanes.push({
      kind: LaneKind.Process,
      label: processTitle(g),
      task: -1,
      colorIndex: -1,
      list: EMPTY,
      stalls: null,
      process,
    });
    for (const rec of g.tasks) if (!rec.machinery) lanes.push(taskLane(rec, process));
    if (g.gil)
      lanes.push({ kind: LaneKind.Gil, label: 'GIL', task: -1, colorIndex: -1, list: g.gil, stalls: null, process });
    if (trace.loop && loopProcess === process) {
      lanes.push({
        kind: LaneKind.Loop,
        label: 'event loop',
        task: -1,
        colorIndex: -1,
        list: trace.loop,
        stalls: trace.loopStalls,
        process,
      });
    }
  }
  if (trace.cores.length > 0) {
    lanes.push({
      kind: LaneKind.Process,
      label: SHARED_TITLE,
      task: -1,
      colorIndex: -1,
      list: EMPTY,
      stalls: null,
      process: -1,
    });
    trace.cores.forEach((list, k) =>
      lanes.push({
        kind: LaneKind.Core,
        label: `core ${k}`,
        task: -1,
        colorIndex: -1,
        list,
        stalls: null,
        process: -1,
      }),
    );
  }
  if (trace.loop && loopProcess < 0)
    lanes.push({
      kind: LaneKind.Loop,
      label: 'event loop',
      task: -1,
      colorIndex: -1,
      list: trace.loop,
      stalls: trace.loopStalls,
      process: -1,
    });
  return lanes;
}

/** segmentStyle is the fill of segment i of a lane. */
export function segmentStyle(trace: Trace, lane: Lane, i: number): number {
  const list = lane.list;
  const state = list.state.data[i];
  if (lane.kind !== LaneKind.Task) {
    if (state !== Resource.Busy) return Style.None;
    const rec = trace.taskById(list.task.data[i]);
    return Style.Busy | ((rec ? rec.index : 0) << TASK_COLOR_SHIFT);
  }
  const detail = list.detail.data[i];
  switch (state) {
    case TaskState.Running:
      return list.until.data[i] > list.start.data[i] ? Style.Cpu : Style.Running;
    case TaskState.Ready:
      if (detail === ReadyFor.Core) return Style.ReadyCore;
      if (detail === ReadyFor.Gil) return Style.ReadyGil;
      return detail === ReadyFor.Start ? Style.ReadyStart : Style.ReadyWake;
    case TaskState.Waiting:
      if (detail === 0) return Style.WaitSleep;
      if (detail === 5) return Style.WaitIo;
      if (detail === 10) return Style.ReadyGil;
      return detail === 6 ? Style.WaitOther : Style.WaitSync;
    default:
      return Style.None;
  }
}

const FALLBACK: Record<Bucket, number> = {
  [Bucket.Running]: Style.Running,
  [Bucket.Ready]: Style.ReadyWake,
  [Bucket.Waiting]: Style.WaitOther,
  [Bucket.None]: Style.None,
};

/** DrawList is the frame's rectangles; its arrays grow (rarely) and are reused. */
export class DrawList {
  x = new Float32Array(4096);
  w = new Float32Array(4096);
  lane = new Uint16Array(4096);
  style = new Uint32Array(4096);
  /** seg is the segment a rectangle shows whole (for its label), -1 if it merges several, stallSeg(k) for loop stall k. */
  seg = new Int32Array(4096);
  count = 0;

  reset(): void {
    this.count = 0;
  }

  push(x: number, w: number, lane: number, style: number, seg: number): void {
    if (this.count === this.x.length) this.grow();
    const i = this.count++;
    this.x[i] = x;
    this.w[i] = w;
    this.lane[i] = lane;
    this.style[i] = style;
    this.seg[i] = seg;
  }

  private grow(): void {
    const n = this.x.length * 2;
    const x = new Float32Array(n);
    x.set(this.x);
    const w = new Float32Array(n);
    w.set(this.w);
    const lane = new Uint16Array(n);
    lane.set(this.lane);
    const style = new Uint32Array(n);
    style.set(this.style);
    const seg = new Int32Array(n);
    seg.set(this.seg);
    Object.assign(this, { x, w, lane, style, seg });
  }

  /** toJSON gives tests and the page's test hook a readable copy. */
  toJSON(): { x: number; w: number; lane: number; style: number; seg: number }[] {
    const out = [];
    for (let i = 0; i < this.count; i++)
      out.push({ x: this.x[i], w: this.w[i], lane: this.lane[i], style: this.style[i], seg: this.seg[i] });
    return out;
  }
}

export interface TimeWindow {
  t0: number;
  t1: number;
  /** width is the lane area's width in CSS pixels. */
  width: number;
}

/** BUCKETS_PER_PIXEL is the level of detail: each pixel shows its two half-pixels' dominant states. */
export const BUCKETS_PER_PIXEL = 2;

/**
 * buildLane appends lane `laneIndex`'s rectangles for the window to `out`: one bucket per
 * half pixel, consecutive buckets of one style merged into a rectangle.
 */
export function buildLane(trace: Trace, lane: Lane, laneIndex: number, view: TimeWindow, out: DrawList): void {
  const list = lane.list;
  const n = list.count;
  if (n === 0 || view.width <= 0 || view.t1 <= view.t0) return;
  const buckets = Math.ceil(view.width * BUCKETS_PER_PIXEL);
  const dt = (view.t1 - view.t0) / buckets;
  const px = view.width / (view.t1 - view.t0);
  const first = list.start.data[0];
  const horizon = trace.endTime;
  const resource = lane.kind !== LaneKind.Task;
  // Stalls overlay the loop lane (every stall) and the lane of the coroutine that caused each one.
  const stalls = lane.kind === LaneKind.Loop ? lane.stalls : lane.kind === LaneKind.Task ? trace.loopStalls : null;
  const stallTask = lane.kind === LaneKind.Task ? lane.task : -1;
  const stallCount = stalls ? stalls.count : 0;
  let sk = stalls && stallCount > 0 ? Math.max(0, stalls.findTime(view.t0)) : 0;
  let runStyle: number = Style.None;
  let runStart = 0;
  let runSeg = -1;
  let activityStart = -1;
  let a = view.t0;
  let ia = list.findTime(a);
  // The prefix sums at the bucket's left edge carry over from the previous bucket's right edge.
  let run0 = list.accAt(Bucket.Running, a, ia);
  let ready0 = resource ? 0 : list.accAt(Bucket.Ready, a, ia);
  let wait0 = resource ? 0 : list.accAt(Bucket.Waiting, a, ia);
  for (let b = 0; b < buckets; b++) {
    const c = view.t0 + (b + 1) * dt;
    const ic = list.findTime(c);
    const run1 = list.accAt(Bucket.Running, c, ic);
    const ready1 = resource ? 0 : list.accAt(Bucket.Ready, c, ic);
    const wait1 = resource ? 0 : list.accAt(Bucket.Waiting, c, ic);
    let style: number = Style.None;
    let seg = -1;
    let active = false;
    if (c > first && a < horizon) {
      if (ia === ic) {
        if (ia >= 0 && list.end.data[ia] > a) {
          style = segmentStyle(trace, lane, ia);
          seg = ia;
        }
      } else if (resource) {
        if (run1 > run0)
          style = segmentStyle(trace, lane, list.state.data[ic] === Resource.Busy ? ic : dominantBusy(list, ia, ic));
      } else {
        const ran = run1 - run0;
        const ready = ready1 - ready0;
        const waited = wait1 - wait0;
        const best: Bucket =
          ran >= ready && ran >= waited
            ? ran > 0
              ? Bucket.Running
              : Bucket.None
            : ready >= waited
              ? Bucket.Ready
              : Bucket.Waiting;
        style = dominantStyle(trace, lane, best, ia, ic);
        active = best !== Bucket.Running && ran > 0;
      }
      if (stalls && stallCount > 0) {
        // Stalls never overlap (the loop runs one call at a time), so a forward walk finds the bucket's.
        while (sk < stallCount && stalls.end.data[sk] <= a) sk++;
        for (let j = sk; j < stallCount && stalls.start.data[j] < c; j++) {
          if (stallTask >= 0 && stalls.task.data[j] !== stallTask) continue;
          if (Math.min(stalls.end.data[j], c) > Math.max(stalls.start.data[j], a)) {
            style = Style.Stall;
            seg = stallSeg(j);
            break;
          }
        }
      }
    }
    if (style !== runStyle || (seg !== -1 && runSeg !== -1 && seg !== runSeg)) {
      if (runStyle !== Style.None)
        out.push((runStart - view.t0) * px, (a - runStart) * px, laneIndex, runStyle, runSeg);
      runStyle = style;
      runStart = a;
      runSeg = seg;
    } else if (runSeg === -1) {
      runSeg = seg;
    }
    if (active && activityStart < 0) activityStart = a;
    if (!active && activityStart >= 0) {
      out.push((activityStart - view.t0) * px, (a - activityStart) * px, laneIndex, Style.Running | ACTIVITY, -1);
      activityStart = -1;
    }
    a = c;
    ia = ic;
    run0 = run1;
    ready0 = ready1;
    wait0 = wait1;
  }
  if (runStyle !== Style.None)
    out.push((runStart - view.t0) * px, (view.t1 - runStart) * px, laneIndex, runStyle, runSeg);
  if (activityStart >= 0)
    out.push((activityStart - view.t0) * px, (view.t1 - activityStart) * px, laneIndex, Style.Running | ACTIVITY, -1);
}

// dominantStyle is the style of a bucket spanning several segments, given its dominant bucket.
function dominantStyle(trace: Trace, lane: Lane, best: Bucket, ia: number, ic: number): number {
  const list = lane.list;
  if (best === Bucket.None) return Style.None;
  if (list.bucket.data[ic] === best) return segmentStyle(trace, lane, ic);
  if (ia >= 0 && list.bucket.data[ia] === best) return segmentStyle(trace, lane, ia);
  return FALLBACK[best];
}

// dominantBusy finds a busy segment between ia and ic, looking back from ic a few steps.
function dominantBusy(list: SegmentList, ia: number, ic: number): number {
  for (let i = ic; i > ia && i > ic - 8; i--) if (list.state.data[i] === Resource.Busy) return i;
  return Math.max(ia, 0);
}

/** buildFrame fills `out` with every lane's rectangles for the window. */
export function buildFrame(
  trace: Trace,
  lanes: readonly Lane[],
  view: TimeWindow,
  out: DrawList,
  firstLane = 0,
  lastLane = lanes.length,
): void {
  out.reset();
  for (let i = Math.max(0, firstLane); i < Math.min(lastLane, lanes.length); i++)
    buildLane(trace, lanes[i], i, view, out);
}
