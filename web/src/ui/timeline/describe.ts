// describeAt explains what a lane shows at an instant, for the hover tooltip: whose
// lane, what state, since when and until when, and what it waited for.
import { NO_REF } from '../../engine/events';
import { formatSeconds } from '../../player/format';
import { TaskState, reasonName } from '../../player/states';
import { Resource, type Trace } from '../../player/trace';
import { LaneKind, type Lane, STYLE_NAMES, STYLE_MASK, segmentStyle } from './model';

export interface Description {
  title: string;
  lines: string[];
}

export function describeAt(trace: Trace, lane: Lane, time: number): Description {
  const list = lane.list;
  const title = lane.label;
  if (lane.stalls) {
    const k = lane.stalls.findTime(time);
    if (k >= 0 && time < lane.stalls.end.data[k]) {
      const who = trace.taskById(lane.stalls.task.data[k])?.name ?? '?';
      return {
        title,
        lines: [`blocked by ${who}: ${trace.text(lane.stalls.ref.data[k])}`, span(lane.stalls.start.data[k], lane.stalls.end.data[k])],
      };
    }
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
