import { describe, expect, it } from 'vitest';
import { toChromeTrace } from './chrome-trace';
import { EventKind, NO_REF, type TraceEvent } from './events';

const ev = (time: number, task: number, kind: EventKind, line = 0, ref = NO_REF, value = 0, flags = 0): TraceEvent => ({
  time,
  value,
  task,
  kind,
  flags,
  line,
  ref,
});

const strings = ['MainThread', 'worker', 'hi\n', 'None'];
const source = 'import time\nprint("hi")\ntime.sleep(1)\n';
const events: TraceEvent[] = [
  ev(0, 0, EventKind.TaskCreated, 0, 0),
  ev(0, 0, EventKind.TaskStart),
  ev(0, 0, EventKind.Line, 1),
  ev(0.001, 1, EventKind.TaskCreated, 0, 1, 0),
  ev(0.002, 0, EventKind.Line, 2),
  ev(0.002, 0, EventKind.Print, 2, 2),
  ev(0.003, 1, EventKind.Line, 3),
  ev(0.003, 1, EventKind.Sleep, 3, NO_REF, 1),
  ev(1.003, 1, EventKind.Wake, 3),
  ev(1.004, 1, EventKind.TaskEnd, 3, 3),
  ev(1.005, 0, EventKind.TaskEnd, 2, 3),
];

describe('toChromeTrace', () => {
  const trace = toChromeTrace(events, strings, { source, processName: 'main.py' });

  it('is valid JSON in the {"traceEvents": [...]} form', () => {
    const parsed = JSON.parse(JSON.stringify(trace));
    expect(Array.isArray(parsed.traceEvents)).toBe(true);
    for (const e of parsed.traceEvents) {
      expect(typeof e.name).toBe('string');
      expect(['X', 'i', 'M']).toContain(e.ph);
      expect(e.ts).toBeGreaterThanOrEqual(0);
      expect(e.pid).toBe(1);
      expect(Number.isInteger(e.tid)).toBe(true);
      if (e.ph === 'X') expect(e.dur).toBeGreaterThanOrEqual(0);
    }
  });

  it('has one named track per task', () => {
    const names = trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name');
    expect(names.map((e) => [e.tid, e.args?.name])).toEqual([
      [0, 'MainThread'],
      [1, 'worker'],
    ]);
    const tids = new Set(trace.traceEvents.filter((e) => e.ph !== 'M').map((e) => e.tid));
    expect([...tids].sort()).toEqual([0, 1]);
  });

  it("turns lines into slices that end at the task's next line or its end", () => {
    const lines = trace.traceEvents.filter((e) => e.cat === 'line');
    const main2 = lines.find((e) => e.tid === 0 && e.args?.line === 2);
    expect(main2?.name).toBe('2: print("hi")');
    expect(main2?.ts).toBeCloseTo(2000);
    expect(main2?.dur).toBeCloseTo(1_003_000);
    const worker3 = lines.find((e) => e.tid === 1);
    expect(worker3?.dur).toBeCloseTo(1_001_000);
  });

  it('shows sleeps as slices and prints as instants', () => {
    const sleep = trace.traceEvents.find((e) => e.name === 'sleep');
    expect(sleep).toMatchObject({ ph: 'X', tid: 1 });
    expect(sleep?.ts).toBeCloseTo(3000);
    expect(sleep?.dur).toBeCloseTo(1e6);
    const print = trace.traceEvents.find((e) => e.name === 'print');
    expect(print).toMatchObject({ ph: 'i', tid: 0, args: { text: 'hi\n', line: 2 } });
  });
});
