import { describe, expect, it } from 'vitest';
import { EventKind } from '../../engine/events';
import { StreamBuilder } from '../../player/synthetic';
import { Trace } from '../../player/trace';
import { TaskKind } from '../../player/states';
import { forcedAt, forcedCaption, forcedMarks, forcedSwitches, markNear } from './forced';
import { LaneKind, lanesOf } from './model';

const FORCED = EventKind.Forced;

// racyRun is a lost update replayed from a schedule: Thread-2 is preempted between its read and its write.
function racyRun(): Trace {
  const b = new StreamBuilder();
  b.created(0, 0, 'MainThread', TaskKind.Main, -1).start(0, 0, 1);
  b.created(0.001, 1, 'Thread-1 (deposit)').created(0.001, 2, 'Thread-2 (deposit)');
  b.start(0.002, 1, 11).line(0.003, 1, 12).end(0.004, 1);
  b.start(0.004, 2, 11).line(0.005, 2, 12);
  b.ev(0.005, FORCED, 2, {
    value: 0,
    flags: 0,
    line: 12,
    ref: b.str('Thread-2 (deposit) is preempted after reading counter=1 and before writing it back'),
  });
  b.line(0.006, 0, 20);
  b.ev(0.007, FORCED, 0, { value: 2, flags: 1, line: 20 });
  b.line(0.008, 2, 12).end(0.009, 2).end(0.01, 0);
  const trace = new Trace();
  trace.ingest(b.buffer(), b.strings);
  trace.finish({ elapsed: 0.01, steps: 40, error: null });
  return trace;
}

describe('forced switches', () => {
  const trace = racyRun();
  const list = forcedSwitches(trace);

  it('reads each Forced event: who was preempted, who ran, when, the narration', () => {
    expect(list.map((f) => [f.time, f.taskName, f.toName, f.kind, f.line])).toEqual([
      [0.005, 'Thread-2 (deposit)', 'MainThread', 'preemption', 12],
      [0.007, 'MainThread', 'Thread-2 (deposit)', 'ready-order', 20],
    ]);
    expect(list[0].narration).toBe(
      'Thread-2 (deposit) is preempted after reading counter=1 and before writing it back',
    );
    expect(list[1].narration, 'a Forced event without text still reads as a sentence').toBe(
      'Thread-2 (deposit) runs before MainThread',
    );
    expect(trace.forced.length).toBe(2);
  });

  it('finds the latest forced switch at a playhead and captions it', () => {
    expect(forcedAt(list, { time: 0, seq: -1 }, trace)).toBe(-1);
    expect(forcedAt(list, trace.at(0.0049), trace)).toBe(-1);
    expect(forcedAt(list, trace.at(0.005), trace)).toBe(0);
    expect(forcedAt(list, { time: 0.005, seq: list[0].seq }, trace)).toBe(0);
    expect(forcedAt(list, trace.at(0.0065), trace)).toBe(0);
    expect(forcedAt(list, trace.at(1), trace)).toBe(1);
    expect(forcedCaption(list, 0)).toBe(
      'Forced switch 1 of 2, at 5.00 ms: Thread-2 (deposit) is preempted after reading counter=1 and before writing it back',
    );
  });

  it('marks each switch at its time on the preempted task’s lane', () => {
    const lanes = lanesOf(trace);
    const view = { t0: 0, t1: 0.01, width: 1000 };
    const marks = forcedMarks(list, lanes, view);
    expect(marks).toHaveLength(2);
    expect(lanes[marks[0].lane]).toMatchObject({ kind: LaneKind.Task, label: 'Thread-2 (deposit)' });
    expect(marks[0].x).toBeCloseTo(500);
    expect(lanes[marks[1].lane]).toMatchObject({ kind: LaneKind.Task, label: 'MainThread' });
    expect(marks[1].x).toBeCloseTo(700);
    expect(markNear(marks, marks[0].lane, 505)?.index).toBe(0);
    expect(markNear(marks, marks[0].lane, 520)).toBeNull();
    expect(markNear(marks, marks[1].lane, 500)).toBeNull();
  });

  it('leaves out switches outside the window and runs without any', () => {
    const lanes = lanesOf(trace);
    expect(forcedMarks(list, lanes, { t0: 0.006, t1: 0.01, width: 400 }).map((m) => m.index)).toEqual([1]);
    expect(forcedMarks([], lanes, { t0: 0, t1: 1, width: 400 })).toEqual([]);
    const plain = new Trace();
    plain.ingest(new StreamBuilder().created(0, 0, 'MainThread', TaskKind.Main, -1).start(0, 0).end(1, 0).buffer());
    expect(forcedSwitches(plain)).toEqual([]);
  });
});
