import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunResult } from './client';
import type { ExploreListener, ExploreReport, RunListener, WorkerRequest } from './protocol';
import { EngineSession, WATCHDOG_MS, CHUNK_RECORDS } from './session';

class FakeWorker {
  static made: FakeWorker[] = [];
  sent: WorkerRequest[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<unknown>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(request: WorkerRequest): void {
    this.sent.push(request);
  }
  terminate(): void {
    this.terminated = true;
  }
  // reply delivers a message and lets the session's pump make the listener calls it queued.
  reply(data: unknown): void {
    this.onmessage?.({ data } as MessageEvent<unknown>);
    vi.advanceTimersByTime(0);
  }
}

const result: RunResult = { finished: true, output: '', elapsed: 1, error: null, events: 1, steps: 1 };

function listener() {
  const calls: string[] = [];
  const l: RunListener = {
    onEvents: (buffers) => calls.push(`events ${buffers.length}`),
    onProgress: (p) => calls.push(`progress ${p.events}`),
    onDone: (r, stopped) => calls.push(`done ${r ? 'result' : 'null'} ${stopped}`),
    onFailed: (m) => calls.push(`failed ${m}`),
  };
  return { l, calls };
}

describe('EngineSession', () => {
  beforeEach(() => {
    FakeWorker.made = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  const session = () => new EngineSession(() => new FakeWorker() as unknown as Worker);

  it('delivers a run in order and ignores replies of abandoned runs', () => {
    const s = session();
    const a = listener();
    const first = s.start('x', {}, a.l, { maxEvents: 10 });
    const b = listener();
    const second = s.start('y', {}, b.l, { maxEvents: 10 });
    const w = FakeWorker.made[0];
    expect(w.sent.map((r) => r.type)).toEqual(['run', 'cancel', 'run']);
    w.reply({ type: 'events', id: first, seq: 0, buffers: [new ArrayBuffer(32)], newStrings: [] });
    w.reply({ type: 'events', id: second, seq: 0, buffers: [new ArrayBuffer(32)], newStrings: [] });
    w.reply({ type: 'progress', id: second, seq: 1, progress: { steps: 1, events: 1, time: 0 } });
    w.reply({ type: 'done', id: second, seq: 2, result, stopped: null });
    expect(a.calls).toEqual([]);
    expect(b.calls).toEqual(['events 1', 'progress 1', 'done result null']);
    expect(s.busy).toBe(false);
  });

  it('fails the run and restarts the worker on a malformed or out-of-order message', () => {
    const s = session();
    const a = listener();
    const id = s.start('x', {}, a.l, { maxEvents: 10 });
    FakeWorker.made[0].reply({ type: 'progress', id, seq: 1, progress: { steps: 1, events: 1, time: 0 } });
    expect(a.calls[0]).toMatch(/^failed .*out of order/);
    expect(FakeWorker.made[0].terminated).toBe(true);
    expect(FakeWorker.made).toHaveLength(2);
    const b = listener();
    const id2 = s.start('y', {}, b.l, { maxEvents: 10 });
    FakeWorker.made[1].reply({ type: 'events', id: id2, seq: 0, buffers: [new ArrayBuffer(7)], newStrings: [] });
    expect(b.calls[0]).toMatch(/^failed .*malformed/);
  });

  it('terminates a worker that does not honour a cancel in time', () => {
    const s = session();
    const a = listener();
    s.start('while True: pass', {}, a.l, { maxEvents: 10 });
    s.stop();
    expect(FakeWorker.made[0].sent.at(-1)?.type).toBe('cancel');
    vi.advanceTimersByTime(399);
    expect(a.calls).toEqual([]);
    vi.advanceTimersByTime(2);
    expect(a.calls).toEqual(['done null cancelled']);
    expect(FakeWorker.made[0].terminated).toBe(true);
    expect(FakeWorker.made[1].sent[0].type).toBe('warm');
  });

  it('finishes normally when the worker answers a cancel', () => {
    const s = session();
    const a = listener();
    const id = s.start('x', {}, a.l, { maxEvents: 10 });
    s.stop();
    FakeWorker.made[0].reply({ type: 'done', id, seq: 0, result, stopped: 'cancelled' });
    vi.advanceTimersByTime(1000);
    expect(a.calls).toEqual(['done result cancelled']);
    expect(FakeWorker.made[0].terminated).toBe(false);
  });
  it('ends a run whose worker stops answering, and replaces the worker', () => {
    const s = session();
    const a = listener();
    const id = s.start('x', {}, a.l, { maxEvents: 10 });
    vi.advanceTimersByTime(WATCHDOG_MS - 100);
    FakeWorker.made[0].reply({ type: 'progress', id, seq: 0, progress: { steps: 1, events: 1, time: 0 } });
    vi.advanceTimersByTime(WATCHDOG_MS - 100);
    expect(a.calls).toEqual(['progress 1']);
    vi.advanceTimersByTime(200);
    expect(a.calls[1]).toMatch(/^failed the engine stopped answering/);
    expect(s.busy).toBe(false);
    expect(FakeWorker.made[0].terminated).toBe(true);
    expect(FakeWorker.made[1].sent[0].type).toBe('warm');
  });

  it('replaces the worker when a run fails inside it or the worker throws', () => {
    const s = session();
    const a = listener();
    const id = s.start('x', {}, a.l, { maxEvents: 10 });
    FakeWorker.made[0].reply({ type: 'failed', id, seq: 0, message: 'the engine crashed (RuntimeError: unreachable)' });
    expect(a.calls).toEqual(['failed the engine crashed (RuntimeError: unreachable)']);
    expect(FakeWorker.made[0].terminated).toBe(true);
    const b = listener();
    s.start('y', {}, b.l, { maxEvents: 10 });
    FakeWorker.made[1].onerror?.({ message: 'Uncaught RangeError', preventDefault: () => undefined } as ErrorEvent);
    vi.advanceTimersByTime(0);
    expect(b.calls).toEqual(['failed the engine crashed (Uncaught RangeError)']);
    expect(FakeWorker.made[1].terminated).toBe(true);
    expect(FakeWorker.made).toHaveLength(3);
  });

  it('leaves a finished run alone after the watchdog time', () => {
    const s = session();
    const a = listener();
    const id = s.start('x', {}, a.l, { maxEvents: 10 });
    FakeWorker.made[0].reply({ type: 'done', id, seq: 0, result, stopped: null });
    vi.advanceTimersByTime(WATCHDOG_MS * 3);
    expect(a.calls).toEqual(['done result null']);
    expect(FakeWorker.made).toHaveLength(1);
  });
  it('splits a big batch of events into calls of at most CHUNK_RECORDS records, in order', () => {
    const s = session();
    const a = listener();
    const id = s.start('x', {}, a.l, { maxEvents: 0 });
    FakeWorker.made[0].reply({
      type: 'events',
      id,
      seq: 0,
      buffers: [new ArrayBuffer(32 * 10_000), new ArrayBuffer(32)],
      newStrings: ['a'],
    });
    FakeWorker.made[0].reply({ type: 'done', id, seq: 1, result, stopped: null });
    const chunks = Math.ceil(10_000 / CHUNK_RECORDS) + 1;
    expect(a.calls).toEqual([...Array<string>(chunks).fill('events 1'), 'done result null']);
  });

  describe('explorations', () => {
    const report: ExploreReport = {
      explored: 12,
      exhaustive: true,
      pruned: 2,
      bound: { mode: 'exhaustive', preemptions: 2, schedules: 10000, seed: 1, depth: 2, points: 'shared' },
      coverage: 'all 12 schedules with at most 2 preemptions checked (exhaustive)',
      bugs: [],
      passing: null,
      distinct_outcomes: 1,
      seconds: 0.1,
    };

    function explorer() {
      const calls: string[] = [];
      const l: ExploreListener = {
        onProgress: (p) => calls.push(`progress ${p.explored}/${p.bound}/${p.bugs}`),
        onDone: (r, stopped) => calls.push(`done ${r ? r.explored : 'null'} ${stopped}`),
        onFailed: (m) => calls.push(`failed ${m}`),
      };
      return { l, calls };
    }

    it('sends the explore request and delivers progress, then the report', () => {
      const s = session();
      const e = explorer();
      const id = s.explore('import threading', { seed: 3 }, { preemptions: 3 }, e.l);
      const w = FakeWorker.made[0];
      expect(w.sent[0]).toEqual({
        type: 'explore',
        id,
        source: 'import threading',
        options: { seed: 3 },
        explore: { preemptions: 3 },
      });
      expect(s.busy).toBe(true);
      w.reply({ type: 'exploreProgress', id, seq: 0, progress: { explored: 5, bound: 1, bugs: 0, pruned: 0 } });
      w.reply({ type: 'exploreDone', id, seq: 1, report, stopped: null });
      expect(e.calls).toEqual(['progress 5/1/0', 'done 12 null']);
      expect(s.busy).toBe(false);
    });

    it('stops: the report of what was covered, or null once the worker had to be terminated', () => {
      const s = session();
      const e = explorer();
      const id = s.explore('x', {}, {}, e.l);
      s.stop();
      expect(FakeWorker.made[0].sent.at(-1)).toEqual({ type: 'cancel', id });
      FakeWorker.made[0].reply({ type: 'exploreDone', id, seq: 0, report, stopped: 'cancelled' });
      expect(e.calls).toEqual(['done 12 cancelled']);
      const f = explorer();
      s.explore('x', {}, {}, f.l);
      s.stop();
      vi.advanceTimersByTime(401);
      expect(f.calls).toEqual(['done null cancelled']);
      expect(FakeWorker.made[0].terminated).toBe(true);
    });

    it('is covered by the watchdog, the failure path and validation', () => {
      const s = session();
      const e = explorer();
      s.explore('x', {}, {}, e.l);
      vi.advanceTimersByTime(WATCHDOG_MS + 1);
      expect(e.calls[0]).toMatch(/^failed the engine stopped answering/);
      expect(FakeWorker.made[0].terminated).toBe(true);
      const f = explorer();
      const id = s.explore('x', {}, {}, f.l);
      FakeWorker.made[1].reply({
        type: 'exploreDone',
        id,
        seq: 0,
        report: { ...report, bugs: [{ kind: 'assertion' }] },
        stopped: null,
      });
      expect(f.calls[0]).toMatch(/^failed the engine sent a malformed message \(exploreDone: bad report\)/);
      const g = explorer();
      const id3 = s.explore('x', {}, {}, g.l);
      FakeWorker.made[2].reply({
        type: 'failed',
        id: id3,
        seq: 0,
        message: 'the engine crashed (RuntimeError: unreachable)',
      });
      expect(g.calls).toEqual(['failed the engine crashed (RuntimeError: unreachable)']);
    });

    it('is abandoned by a run started meanwhile, and a run by an exploration', () => {
      const s = session();
      const e = explorer();
      const first = s.explore('x', {}, {}, e.l);
      const a = listener();
      const run = s.start('y', {}, a.l, { maxEvents: 10 });
      const w = FakeWorker.made[0];
      expect(w.sent.map((r) => r.type)).toEqual(['explore', 'cancel', 'run']);
      w.reply({ type: 'exploreDone', id: first, seq: 0, report, stopped: 'cancelled' });
      w.reply({ type: 'done', id: run, seq: 0, result, stopped: null });
      expect(e.calls).toEqual([]);
      expect(a.calls).toEqual(['done result null']);
      const f = explorer();
      s.start('z', {}, a.l, { maxEvents: 10 });
      s.explore('x', {}, {}, f.l);
      expect(w.sent.map((r) => r.type).slice(-3)).toEqual(['run', 'cancel', 'explore']);
    });
  });
});
