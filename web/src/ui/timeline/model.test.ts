import { describe, expect, it } from 'vitest';
import { EventKind } from '../../engine/events';
import { TaskKind } from '../../player/states';
import { StreamBuilder, asyncStream, gilStream, poolStream, sequentialStream } from '../../player/synthetic';
import { Trace } from '../../player/trace';
import { computeTicks, createTicks, formatTick, niceStep } from './axis';
import { describeAt } from './describe';
import {
  ACTIVITY,
  DrawList,
  LaneKind,
  SHARED_TITLE,
  STYLE_MASK,
  Style,
  TASK_COLOR_SHIFT,
  buildFrame,
  lanesOf,
  processGroupsOf,
} from './model';
import { TimelineViewport } from './view';

function traceOf(b: StreamBuilder): Trace {
  const trace = new Trace();
  trace.ingest(b.buffer(), b.strings);
  trace.finish({ elapsed: trace.endTime, steps: 0, error: null });
  return trace;
}

function rectsOf(list: DrawList, lane: number) {
  return list.toJSON().filter((r) => r.lane === lane);
}

describe('timeline lanes', () => {
  it('has a lane per task, per core, for the GIL and for the loop', () => {
    expect(lanesOf(traceOf(gilStream())).map((l) => l.label)).toEqual([
      'MainThread',
      'Thread-1',
      'Thread-2',
      'core 0',
      'core 1',
      'GIL',
    ]);
    const kinds = lanesOf(traceOf(asyncStream())).map((l) => l.kind);
    expect(kinds.filter((k) => k === LaneKind.Loop)).toHaveLength(1);
    expect(lanesOf(traceOf(sequentialStream())).map((l) => l.label)).toEqual(['MainThread']);
  });

  it("has no lane for the event loop's own tasks (TaskCreated flags 3: asyncio.run's shutdown)", () => {
    const b = asyncStream();
    b.ev(1.0045, EventKind.TaskCreated, 4, { flags: 3, value: 0, ref: b.str('Task-4') })
      .start(1.0045, 4)
      .end(1.0046, 4);
    const trace = traceOf(b);
    expect(trace.taskById(4)?.machinery).toBe(true);
    expect(trace.taskById(4)?.kind).toBe(TaskKind.Coroutine);
    expect(
      lanesOf(trace)
        .filter((l) => l.kind === LaneKind.Task)
        .map((l) => l.label),
    ).toEqual(['MainThread', 'main', 'fetch-a', 'fetch-b']);
  });
});

describe('draw model', () => {
  it('draws a sequential run as running, sleeping, running', () => {
    const trace = traceOf(sequentialStream());
    const lanes = lanesOf(trace);
    const out = new DrawList();
    buildFrame(trace, lanes, { t0: 0, t1: 1.003, width: 1003 }, out);
    const rects = rectsOf(out, 0).filter((r) => !(r.style & ACTIVITY));
    expect(rects.map((r) => r.style)).toEqual([Style.Running, Style.WaitSleep, Style.Running]);
    expect(rects[1].x).toBeCloseTo(2, 0);
    expect(rects[1].w).toBeCloseTo(1000, 0);
    expect(rects[1].seg).toBeGreaterThanOrEqual(0);
  });

  it('colours core and GIL lanes by the task holding them', () => {
    const trace = traceOf(gilStream());
    const lanes = lanesOf(trace);
    const out = new DrawList();
    buildFrame(trace, lanes, { t0: 0, t1: 0.008, width: 800 }, out);
    const gilLane = lanes.findIndex((l) => l.kind === LaneKind.Gil);
    const holders = rectsOf(out, gilLane).map((r) => r.style >> TASK_COLOR_SHIFT);
    expect(holders).toEqual([0, 1, 2, 1]);
    expect(rectsOf(out, gilLane).every((r) => (r.style & STYLE_MASK) === Style.Busy)).toBe(true);
    const t2 = rectsOf(out, 2).map((r) => r.style);
    expect(t2).toContain(Style.ReadyGil);
    expect(t2).toContain(Style.WaitSync);
  });

  it('marks the loop lane while a synchronous call blocks it', () => {
    const trace = traceOf(asyncStream());
    const lanes = lanesOf(trace);
    const out = new DrawList();
    buildFrame(trace, lanes, { t0: 0, t1: 1.005, width: 1005 }, out);
    const loop = lanes.findIndex((l) => l.kind === LaneKind.Loop);
    const stall = rectsOf(out, loop).find((r) => r.style === Style.Stall);
    expect(stall?.x).toBeCloseTo(3, 0);
    expect(Math.abs((stall?.w ?? 0) - 500)).toBeLessThanOrEqual(1);
  });

  it('keeps at most two buckets per pixel with a million events, allocating nothing per frame', () => {
    const b = new StreamBuilder().created(0, 1, 'A').created(0, 2, 'B');
    let t = 0;
    for (let i = 0; i < 250_000; i++) {
      t += 1e-6;
      b.running(t, 1, 0)
        .preempted(t + 4e-7, 1, 0)
        .running(t + 5e-7, 2, 0)
        .preempted(t + 9e-7, 2, 0);
    }
    const trace = traceOf(b);
    expect(trace.count).toBe(1_000_002);
    const lanes = lanesOf(trace);
    const out = new DrawList();
    const view = { t0: 0, t1: t, width: 1200 };
    buildFrame(trace, lanes, view, out);
    const buffer = out.x;
    // How fast a frame is built is bench/ui.mjs's to measure; here, that frames reuse the buffers.
    for (let f = 0; f < 3; f++) buildFrame(trace, lanes, view, out);
    expect(out.x).toBe(buffer);
    for (let lane = 0; lane < lanes.length; lane++) expect(rectsOf(out, lane).length).toBeLessThanOrEqual(1200 * 2);
    const core = rectsOf(
      out,
      lanes.findIndex((l) => l.kind === LaneKind.Core),
    );
    expect(core.reduce((s, r) => s + r.w, 0)).toBeGreaterThan(1100);
    const taskA = rectsOf(out, 0);
    expect(
      taskA.some((r) => r.style === (Style.Running | ACTIVITY)) || taskA.some((r) => r.style === Style.Running),
    ).toBe(true);
  });

  it('describes a lane at an instant', () => {
    const trace = traceOf(gilStream());
    const lanes = lanesOf(trace);
    expect(describeAt(trace, lanes[2], 0.5)).toEqual({
      title: 'Thread-2',
      lines: ['blocked (lock, queue, event, join…)', 'Lock b held by Thread-1', '6.00 ms → 1.01 s (1.00 s)'],
    });
    const gil = lanes.find((l) => l.kind === LaneKind.Gil);
    expect(gil && describeAt(trace, gil, 0.004).lines[0]).toBe('held by Thread-1');
  });
});

describe('axis and viewport', () => {
  it('chooses nice steps and readable labels', () => {
    expect(niceStep(0.37)).toBe(0.5);
    expect(niceStep(1.2e-5)).toBeCloseTo(2e-5);
    const ticks = createTicks();
    computeTicks(0, 3, 900, 100, ticks);
    expect(ticks.step).toBe(0.5);
    expect([...ticks.values.subarray(0, ticks.count)]).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3]);
    expect(formatTick(1.5, 0.5)).toBe('1.5 s');
    expect(formatTick(2e-5, 1e-5)).toBe('20 µs');
    expect(formatTick(0.25, 0.05)).toBe('250 ms');
  });

  it('zooms around the pointer and pans within the run', () => {
    const v = new TimelineViewport();
    v.width = 1000;
    v.t0 = 0;
    v.t1 = 10;
    v.zoomAt(0.5, 250, 10);
    expect(v.timeAt(250)).toBeCloseTo(2.5);
    expect(v.span).toBeCloseTo(5);
    v.pan(-10_000, 10);
    expect(v.t0).toBeCloseTo(-1.25);
    expect(v.reveal(9, 10)).toBe(true);
    expect(v.t0).toBeLessThanOrEqual(9);
    expect(v.t1).toBeGreaterThanOrEqual(9);
  });
});

describe('process groups', () => {
  it('groups tasks by process, main program first, each with its own GIL', () => {
    const trace = traceOf(poolStream());
    const groups = processGroupsOf(trace);
    expect(groups.map((g) => [g.process, g.name, g.pid, g.tasks.map((t) => t.name)])).toEqual([
      [0, 'MainProcess', 4242, ['MainThread', 'Thread-1']],
      [1, 'SpawnPoolWorker-1', 4243, ['SpawnPoolWorker-1']],
      [2, 'SpawnPoolWorker-2', 4244, ['SpawnPoolWorker-2']],
    ]);
    expect(groups[0].gil).toBe(trace.gil);
    expect(groups[1].gil).toBe(trace.processGils.get(1));
    expect(processGroupsOf(traceOf(gilStream())).map((g) => g.name)).toEqual(['MainProcess']);
  });

  it('draws a header, the tasks and a GIL lane per process, then the shared cores', () => {
    const trace = traceOf(poolStream());
    const lanes = lanesOf(trace);
    expect(lanes.map((l) => l.label)).toEqual([
      'MainProcess · pid 4242',
      'MainThread',
      'Thread-1',
      'GIL',
      'SpawnPoolWorker-1 · pid 4243',
      'SpawnPoolWorker-1',
      'GIL',
      'SpawnPoolWorker-2 · pid 4244',
      'SpawnPoolWorker-2',
      'GIL',
      SHARED_TITLE,
      'core 0',
      'core 1',
    ]);
    expect(lanes.filter((l) => l.kind === LaneKind.Process)).toHaveLength(4);
    expect(lanes.filter((l) => l.kind === LaneKind.Gil).map((l) => l.process)).toEqual([0, 1, 2]);
    const out = new DrawList();
    buildFrame(trace, lanes, { t0: 0, t1: 0.205, width: 410 }, out);
    // Headers draw no rectangles; a worker's GIL lane shows only that worker holding it.
    expect(rectsOf(out, 0)).toEqual([]);
    const gil1 = rectsOf(out, 6);
    expect(gil1.length).toBeGreaterThan(0);
    expect(new Set(gil1.map((r) => r.style >> TASK_COLOR_SHIFT))).toEqual(new Set([trace.taskById(1)?.index]));
    expect(describeAt(trace, lanes[6], 0.1).title).toBe('GIL of SpawnPoolWorker-1');
    expect(describeAt(trace, lanes[6], 0.1).lines[0]).toBe('held by SpawnPoolWorker-1');
  });

  it('keeps a single-process run ungrouped', () => {
    expect(lanesOf(traceOf(gilStream())).some((l) => l.kind === LaneKind.Process)).toBe(false);
  });
});
