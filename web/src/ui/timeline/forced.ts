// Forced switches: the `Forced` events (kind 22) of a run that replays an explorer's
// schedule, read into a list for the page (who was preempted, who ran instead, when, and the
// engine's narration), the latest one at a playhead, and where each is marked on the
// timeline: at its time on the preempted task's lane. No DOM here.
import { NO_REF } from '../../engine/events';
import { formatSeconds } from '../../player/format';
import type { Playhead, Trace } from '../../player/trace';
import { LaneKind, type Lane, type TimeWindow } from './model';

export interface ForcedSwitch {
  /** seq is the Forced event's emission index (the player moves there). */
  seq: number;
  time: number;
  /** task is the preempted (or passed-over) task. */
  task: number;
  taskName: string;
  /** to is the task the schedule switched to. */
  to: number;
  toName: string;
  /** kind: a thread preempted (flags 0) or an asyncio ready-order change (flags 1). */
  kind: 'preemption' | 'ready-order';
  line: number;
  narration: string;
}

/** forcedSwitches lists a trace's forced switches in time order. */
export function forcedSwitches(trace: Trace): ForcedSwitch[] {
  const out: ForcedSwitch[] = [];
  const column = trace.forced;
  for (let k = 0; k < column.length; k++) {
    const e = column.data[k];
    const task = trace.task.data[e];
    const to = trace.value.data[e];
    const taskName = trace.taskById(task)?.name ?? `task ${task}`;
    const toName = trace.taskById(to)?.name ?? `task ${to}`;
    const kind = trace.flags.data[e] === 1 ? 'ready-order' : 'preemption';
    const ref = trace.ref.data[e];
    const text = ref === NO_REF ? '' : trace.text(ref);
    const narration =
      text ||
      (kind === 'preemption' ? `${taskName} is preempted; ${toName} runs` : `${toName} runs before ${taskName}`);
    out.push({
      seq: e,
      time: trace.time.data[e],
      task,
      taskName,
      to,
      toName,
      kind,
      line: trace.line.data[e],
      narration,
    });
  }
  return out.sort((a, b) => a.time - b.time || a.seq - b.seq);
}

/** forcedAt is the index of the latest forced switch at or before the playhead, -1 if none. */
export function forcedAt(list: readonly ForcedSwitch[], ph: Playhead, trace: Trace): number {
  let found = -1;
  if (ph.seq < 0) return found;
  // A switch is applied when the playhead's last event sorts at or after it in (time, emission) order.
  for (let i = 0; i < list.length && !trace.keyBefore(ph.seq, list[i].time, list[i].seq); i++) found = i;
  return found;
}

/** forcedCaption is the sentence the tasks panel shows for forced switch i of the list. */
export function forcedCaption(list: readonly ForcedSwitch[], i: number): string {
  const f = list[i];
  return `Forced switch ${i + 1} of ${list.length}, at ${formatSeconds(f.time)}: ${f.narration}`;
}

export interface ForcedMark {
  /** index is the switch's position in forcedSwitches (its number on the timeline is index + 1). */
  index: number;
  lane: number;
  /** x is in CSS pixels from the lane area's left edge. */
  x: number;
}

/** forcedMarks places each forced switch on its preempted task's lane, for the visible window only. */
export function forcedMarks(list: readonly ForcedSwitch[], lanes: readonly Lane[], view: TimeWindow): ForcedMark[] {
  const out: ForcedMark[] = [];
  if (list.length === 0 || view.t1 <= view.t0) return out;
  const laneOf = new Map<number, number>();
  lanes.forEach((l, i) => {
    if (l.kind === LaneKind.Task) laneOf.set(l.task, i);
  });
  const px = view.width / (view.t1 - view.t0);
  list.forEach((f, index) => {
    const lane = laneOf.get(f.task);
    if (lane === undefined) return;
    const x = (f.time - view.t0) * px;
    if (x < -6 || x > view.width + 6) return;
    out.push({ index, lane, x });
  });
  return out;
}

/** markNear finds the mark on a lane within tolerance pixels of x (the nearest), or null. */
export function markNear(marks: readonly ForcedMark[], lane: number, x: number, tolerance = 7): ForcedMark | null {
  let best: ForcedMark | null = null;
  for (const m of marks) {
    if (m.lane !== lane) continue;
    const d = Math.abs(m.x - x);
    if (d <= tolerance && (!best || d < Math.abs(best.x - x))) best = m;
  }
  return best;
}
