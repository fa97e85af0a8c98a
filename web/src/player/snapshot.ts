// snapshot rebuilds the whole visible state at a playhead from a Trace: every task's
// state, line and times, the GIL, the cores and the event loop. Each task costs a few
// binary searches, so a frame never scans the event list.
import { NO_REF } from '../engine/events';
import { formatSeconds } from './format';
import { Bucket, ReadyFor, TaskKind, TaskState, reasonName } from './states';
import { Resource, type Playhead, type TaskRecord, type Trace } from './trace';

export type Outcome = 'returned' | 'raised' | 'cancelled';

export interface TaskView {
  id: number;
  name: string;
  kind: TaskKind;
  /** machinery is true for the event loop's own tasks (asyncio.run's shutdown), which the views hide. */
  machinery: boolean;
  /** index is the task's rank of appearance; it picks its colour. */
  index: number;
  parent: number;
  state: TaskState;
  readyFor: ReadyFor;
  /** reason is the BlockReason while waiting, -1 otherwise. */
  reason: number;
  /** waitFor describes what a ready or waiting task waits for, '' otherwise. */
  waitFor: string;
  /** until is the deadline while waiting (sleep end, timeout), -1 if none. */
  until: number;
  cpuUntil: number;
  core: number;
  line: number;
  /** since is when the task entered its current state. */
  since: number;
  running: number;
  ready: number;
  waiting: number;
  outcome: Outcome | null;
  result: string;
  holdsGil: boolean;
  cancelRequested: boolean;
  io: string;
  /** blocking is the synchronous call through which this coroutine blocks the event loop, or null. */
  blocking: { call: string; since: number; until: number } | null;
}

export interface LoopView {
  thread: number;
  current: number;
  ready: number[];
  timers: { task: number; at: number }[];
  stall: { task: number; call: string; since: number; until: number } | null;
  iteration: number;
}

export interface Snapshot {
  time: number;
  seq: number;
  position: number;
  tasks: TaskView[];
  /** cores[k] is the task placed on core k, or -1. */
  cores: number[];
  gil: { holder: number; waiters: number[] } | null;
  loop: LoopView | null;
  prints: number;
  ioInFlight: number;
}

const OUTCOMES: Outcome[] = ['returned', 'raised', 'cancelled'];

export function snapshot(trace: Trace, ph: Playhead): Snapshot {
  const keyTime = ph.seq < 0 ? -Infinity : trace.time.data[ph.seq];
  const keySeq = ph.seq;
  const t = ph.time;
  const gil = trace.gil ? resourceAt(trace.gil, keyTime, keySeq) : -1;
  const cancelled = new Set<number>();
  for (let k = 0; k < trace.cancels.length; k++) {
    const e = trace.cancels.data[k];
    if (ph.seq >= 0 && trace.keyBefore(e, keyTime, keySeq + 1)) cancelled.add(trace.value.data[e]);
  }
  const io = ioAt(trace, keyTime, keySeq, t);
  const tasks = trace.tasks.map((rec) => taskView(trace, rec, ph, keyTime, keySeq, gil, cancelled, io.byTask));
  const cores = trace.cores.map((lane) => resourceAt(lane, keyTime, keySeq));
  const loop = loopView(trace, tasks, keyTime, keySeq, t);
  placeOnCores(tasks, cores, trace.loopThread, loop);
  const gilView = trace.gil
    ? {
        holder: gil,
        waiters: tasks
          .filter(
            (v) =>
              (v.state === TaskState.Ready && v.readyFor === ReadyFor.Gil) ||
              (v.state === TaskState.Waiting && v.reason === 10),
          )
          .sort((a, b) => a.since - b.since)
          .map((v) => v.id),
      }
    : null;
  return {
    time: t,
    seq: ph.seq,
    position: trace.position(ph),
    tasks,
    cores,
    gil: gilView,
    loop,
    prints: trace.printCount(ph),
    ioInFlight: io.count,
  };
}

function resourceAt(lane: Trace['cores'][number], keyTime: number, keySeq: number): number {
  const i = lane.findKey(keyTime, keySeq);
  return i >= 0 && lane.state.data[i] === Resource.Busy ? lane.task.data[i] : -1;
}

function ioAt(
  trace: Trace,
  keyTime: number,
  keySeq: number,
  t: number,
): { count: number; byTask: Map<number, string> } {
  const byTask = new Map<number, string>();
  let count = 0;
  for (let k = 0; k < trace.io.length; k++) {
    const e = trace.io.data[k];
    if (!trace.keyBefore(e, keyTime, keySeq + 1)) continue;
    if (trace.ioEnd.data[k] <= t) continue;
    count += 1;
    byTask.set(trace.task.data[e], trace.text(trace.ref.data[e]));
  }
  return { count, byTask };
}

function taskView(
  trace: Trace,
  rec: TaskRecord,
  ph: Playhead,
  keyTime: number,
  keySeq: number,
  gil: number,
  cancelled: Set<number>,
  io: Map<number, string>,
): TaskView {
  const lane = rec.lane;
  const i = lane.findKey(keyTime, keySeq);
  const t = ph.time;
  const view: TaskView = {
    id: rec.id,
    name: rec.name,
    kind: rec.kind,
    machinery: rec.machinery,
    index: rec.index,
    parent: rec.parent,
    state: TaskState.Unborn,
    readyFor: ReadyFor.Start,
    reason: -1,
    waitFor: '',
    until: -1,
    cpuUntil: -1,
    core: -1,
    line: trace.lineOf(rec, ph),
    since: 0,
    running: 0,
    ready: 0,
    waiting: 0,
    outcome: null,
    result: '',
    holdsGil: gil === rec.id,
    cancelRequested: cancelled.has(rec.id),
    io: io.get(rec.id) ?? '',
    blocking: null,
  };
  if (i < 0) return view;
  const state = lane.state.data[i] as TaskState;
  const detail = lane.detail.data[i];
  const until = lane.until.data[i];
  const ref = lane.ref.data[i];
  view.state = state;
  view.since = lane.start.data[i];
  view.running = lane.accAt(Bucket.Running, t, i);
  view.ready = lane.accAt(Bucket.Ready, t, i);
  view.waiting = lane.accAt(Bucket.Waiting, t, i);
  switch (state) {
    case TaskState.Running:
      view.core = detail;
      if (until > t) view.cpuUntil = until;
      break;
    case TaskState.Ready:
      view.readyFor = detail as ReadyFor;
      view.waitFor = readyText(view.readyFor, rec.kind);
      break;
    case TaskState.Waiting:
      view.reason = detail;
      view.until = until;
      view.waitFor = waitText(trace, detail, ref, until);
      break;
    case TaskState.Done:
      view.outcome = OUTCOMES[detail] ?? 'returned';
      view.result = ref === NO_REF ? '' : trace.text(ref);
      break;
    default:
      break;
  }
  return view;
}

/** placeOnCores makes running tasks' cores agree with the core lanes (a coroutine is on its loop thread's core) and marks the staller. */
function placeOnCores(tasks: TaskView[], cores: number[], loopThread: number, loop: LoopView | null): void {
  const stall = loop?.stall ?? null;
  for (const v of tasks) {
    if (stall && v.id === stall.task) v.blocking = { call: stall.call, since: stall.since, until: stall.until };
    if (v.state !== TaskState.Running) continue;
    if (v.core >= 0 && cores[v.core] === v.id) continue;
    let k = cores.indexOf(v.id);
    if (k < 0 && v.kind === TaskKind.Coroutine && loopThread >= 0) k = cores.indexOf(loopThread);
    v.core = k;
  }
}

function readyText(readyFor: ReadyFor, kind: TaskKind): string {
  switch (readyFor) {
    case ReadyFor.Gil:
      return 'the GIL';
    case ReadyFor.Core:
      return 'a core';
    case ReadyFor.Start:
      return 'its first turn';
    default:
      return kind === TaskKind.Coroutine ? 'its turn on the loop' : 'its turn';
  }
}

function waitText(trace: Trace, reason: number, ref: number, until: number): string {
  if (reason === 0) return until >= 0 ? `sleep until ${formatSeconds(until)}` : 'sleep';
  const what = ref === NO_REF ? reasonName(reason) : trace.text(ref);
  return until >= 0 ? `${what} (timeout at ${formatSeconds(until)})` : what;
}

function loopView(trace: Trace, tasks: TaskView[], keyTime: number, keySeq: number, t: number): LoopView | null {
  if (!trace.loop && trace.iterations.length === 0) return null;
  const current = trace.loop ? resourceAt(trace.loop, keyTime, keySeq) : -1;
  const byId = new Map(tasks.map((v) => [v.id, v]));
  const isReady = (id: number) => byId.get(id)?.state === TaskState.Ready;
  const ready: number[] = [];
  let lo = 0;
  let hi = trace.iterations.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (trace.keyBefore(trace.iterations.data[mid], keyTime, keySeq + 1)) lo = mid + 1;
    else hi = mid;
  }
  const iteration = lo;
  if (iteration > 0) {
    const e = trace.iterations.data[iteration - 1];
    for (const part of trace.text(trace.ref.data[e]).split(',')) {
      const id = Number(part.trim());
      if (part.trim() !== '' && Number.isInteger(id) && isReady(id) && !ready.includes(id)) ready.push(id);
    }
  }
  const others = tasks
    .filter((v) => v.kind === TaskKind.Coroutine && v.state === TaskState.Ready && !ready.includes(v.id))
    .sort((a, b) => a.since - b.since);
  for (const v of others) ready.push(v.id);
  let stall: LoopView['stall'] = null;
  if (trace.loopStalls) {
    const s = trace.loopStalls;
    // A stall is read as emitted when it begins: calls of unknown length report it when they return.
    const k = s.findTime(t);
    if (k >= 0 && t < s.end.data[k]) {
      stall = { task: s.task.data[k], call: trace.text(s.ref.data[k]), since: s.start.data[k], until: s.end.data[k] };
    }
  }
  const staller = stall?.task ?? -1;
  const timers = tasks
    .filter((v) => v.kind === TaskKind.Coroutine && v.state === TaskState.Waiting && v.until >= 0 && v.id !== staller)
    .map((v) => ({ task: v.id, at: v.until }))
    .sort((a, b) => a.at - b.at);
  return { thread: trace.loopThread, current, ready, timers, stall, iteration };
}
