// describeAt explains what a lane shows at an instant, for the hover tooltip: whose
// lane, what state, since when and until when, and what it waited for.
import { NO_REF } from '../../engine/events';
import { formatSeconds } from '../../player/format';
import type { SegmentList } from '../../player/segments';
import { TaskState, reasonName } from '../../player/states';
import { Resource, type Trace } from '../../player/trace';
import { LaneKind, type Lane, STYLE_NAMES, STYLE_MASK, segmentStyle, stallOfSeg } from './model';

export interface Description {
  title: string;
  lines: string[];
}

export function describeAt(trace: Trace, lane: Lane, time: number): Description {
  const list = lane.list;
  const process = lane.process ?? -1;
  const title =
    lane.kind === LaneKind.Gil && process >= 0
      ? `GIL of ${trace.processNames.get(process) ?? `process ${process}`}`
      : lane.label;
  if (lane.stalls) {
    const k = lane.stalls.findTime(time);
    if (k >= 0 && time < lane.stalls.end.data[k]) {
      const who = trace.taskById(lane.stalls.task.data[k])?.name ?? '?';
      return {
        title,
        lines: [
          `blocked by ${who}: ${trace.text(lane.stalls.ref.data[k])}`,
          span(lane.stalls.start.data[k], lane.stalls.end.data[k]),
        ],
      };
    }
  }
  const stalls = trace.loopStalls;
  if (lane.kind === LaneKind.Task && stalls) {
    const k = stalls.findTime(time);
    if (k >= 0 && time < stalls.end.data[k] && stalls.task.data[k] === lane.task)
      return describeStall(trace, stalls, k);
  }
  const i = list.findTime(time);
  if (i < 0 || time > list.end.data[i]) return { title, lines: [lane.kind === LaneKind.Task ? 'not started' : 'idle'] };
  const start = list.start.data[i];
  const end = list.end.data[i];
  const state = list.state.data[i];
  if (lane.kind !== LaneKind.Task) {
    if (state !== Resource.Busy) return { title, lines: ['idle', span(start, end, trace.endTime)] };
    const who = trace.taskById(list.task.data[i])?.name ?? '?';
    const verb = lane.kind === LaneKind.Gil ? 'held by' : 'running';
    return { title, lines: [`${verb} ${who}`, span(start, end, trace.endTime)] };
  }
  const name = STYLE_NAMES[segmentStyle(trace, lane, i) & STYLE_MASK] ?? 'done';
  const lines = [state === TaskState.Done ? doneText(trace, lane, i) : name];
  if (state === TaskState.Waiting) {
    const ref = list.ref.data[i];
    const reason = list.detail.data[i];
    if (ref !== NO_REF) lines.push(trace.text(ref));
    else if (reason !== 0) lines.push(reasonName(reason));
  }
  if (state === TaskState.Running && list.detail.data[i] >= 0) lines.push(`on core ${list.detail.data[i]}`);
  if (state !== TaskState.Done) lines.push(span(start, end, trace.endTime));
  else lines.push(`at ${formatSeconds(start)}`);
  return { title, lines };
}

// describeStall explains a coroutine's blocking call: the loop waits, and so does the thread that runs it.
function describeStall(trace: Trace, s: SegmentList, k: number): Description {
  const task = trace.taskById(s.task.data[k]);
  const start = s.start.data[k];
  const end = s.end.data[k];
  return {
    title: task?.name ?? '?',
    lines: [
      'blocks the event loop',
      `in ${trace.text(s.ref.data[k])}`,
      loopThreadText(trace, start + (end - start) / 2),
      span(start, end),
    ],
  };
}

// loopThreadText says what the event loop's thread does at an instant inside a stall.
function loopThreadText(trace: Trace, time: number): string {
  const thread = trace.taskById(trace.loopThread);
  if (!thread) return '';
  const list = thread.lane;
  const i = list.findTime(time);
  if (i < 0) return '';
  const state = list.state.data[i];
  if (state === TaskState.Running) {
    const core = trace.cores.findIndex((c) => {
      const j = c.findTime(time);
      return j >= 0 && c.state.data[j] === Resource.Busy && time < c.end.data[j];
    });
    return core >= 0 ? `${thread.name} keeps core ${core} busy` : `${thread.name} is running`;
  }
  if (state === TaskState.Waiting) {
    const what = list.detail.data[i] === 0 ? 'sleeps' : `waits (${reasonName(list.detail.data[i])})`;
    return `${thread.name} ${what} in the call: no core, no GIL`;
  }
  return `${thread.name} is ${state === TaskState.Ready ? 'ready' : 'done'}`;
}

/** segmentLabel is the short text drawn inside a wide rectangle (seg as in DrawList). */
export function segmentLabel(trace: Trace, lane: Lane, seg: number): string {
  const k = stallOfSeg(seg);
  if (k >= 0) {
    const s = trace.loopStalls;
    if (!s || k >= s.count) return '';
    const call = trace.text(s.ref.data[k]);
    return lane.kind === LaneKind.Task ? call : `blocked by ${trace.taskById(s.task.data[k])?.name ?? '?'}: ${call}`;
  }
  if (seg < 0 || seg >= lane.list.count) return '';
  const d = describeAt(trace, lane, lane.list.start.data[seg]);
  if (lane.kind !== LaneKind.Task) return d.lines[0];
  return d.lines[1] && !d.lines[1].includes('→') ? d.lines[1] : d.lines[0];
}

function doneText(trace: Trace, lane: Lane, i: number): string {
  const flags = lane.list.detail.data[i];
  const ref = lane.list.ref.data[i];
  const what = flags === 1 ? 'raised' : flags === 2 ? 'cancelled' : 'returned';
  const text = ref === NO_REF ? '' : trace.text(ref);
  return text ? `done (${what} ${text})` : `done (${what})`;
}

function span(start: number, end: number, horizon = Infinity): string {
  const until = Math.min(end, horizon);
  if (!Number.isFinite(until)) return `from ${formatSeconds(start)}`;
  return `${formatSeconds(start)} → ${formatSeconds(until)} (${formatSeconds(until - start)})`;
}
