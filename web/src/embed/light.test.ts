import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerRequest } from '../engine/protocol';
import { highlight } from './light/highlight';
import { MAX_LANES, MAX_SEGMENTS, encodePreview, parsePreview } from './preview';
import { QUEUED_BEAT_MS, SharedEngine } from './shared-engine';
import { shadowCss } from './theme';

describe('highlight', () => {
  it('splits a program into classed pieces that join back to it', () => {
    const src =
      'import asyncio\n\nasync def main(n=1.5):\n    # wait\n    print("a # b", \'c\', 0x1F)\n"""doc\nstring"""\n';
    const pieces = highlight(src);
    expect(pieces.map(([t]) => t).join('')).toBe(src);
    const kinds = (kind: string) => pieces.filter(([, k]) => k === kind).map(([t]) => t);
    expect(kinds('keyword').join(' ')).toMatch(/import.*async def/);
    expect(kinds('comment')).toEqual(['# wait']);
    expect(kinds('string').join('|')).toContain('"a # b"');
    expect(kinds('string').join('|')).toContain('"""doc\nstring"""');
    expect(kinds('number')).toEqual(expect.arrayContaining(['1.5', '0x1F']));
    expect(kinds('def')).toEqual(['main']);
    expect(kinds('builtin')).toEqual(['print']);
  });

  it('keeps markup as plain text pieces', () => {
    const src = 'x = "<script>alert(1)</script>" # <img onerror=1>\n';
    expect(
      highlight(src)
        .map(([t]) => t)
        .join(''),
    ).toBe(src);
  });
});

describe('preview', () => {
  const lane = (name: string, segs: [number, number, number][]) => ({
    name,
    count: segs.length,
    bucket: (i: number) => segs[i][0],
    start: (i: number) => segs[i][1],
    end: (i: number) => segs[i][2],
  });

  it('round-trips a run, merging touching segments of one state and skipping done and unborn ones', () => {
    const text = encodePreview(
      [
        lane('MainThread', [
          [0, 0, 0.5],
          [0, 0.5, 1],
          [2, 1, 2],
          [3, 2, Infinity],
        ]),
        lane('Task-1', [[1, 0.25, 1.75]]),
      ],
      2,
    );
    expect(parsePreview(text)).toEqual({
      total: 2,
      lanes: [
        {
          name: 'MainThread',
          segments: [
            [0, 0, 1],
            [2, 1, 2],
          ],
        },
        { name: 'Task-1', segments: [[1, 0.25, 1.75]] },
      ],
    });
  });

  it('stays within its lane and segment budgets', () => {
    const many = Array.from({ length: 12 }, (_, l) =>
      lane(
        `T${l}`,
        Array.from({ length: 100 }, (_, i) => [i % 3, i, i + 1 - (i % 7) / 10] as [number, number, number]),
      ),
    );
    const parsed = parsePreview(encodePreview(many, 100));
    expect(parsed?.lanes).toHaveLength(MAX_LANES);
    expect(parsed?.lanes.reduce((n, l) => n + l.segments.length, 0)).toBeLessThanOrEqual(MAX_SEGMENTS);
  });

  it('clamps what it reads and ignores anything malformed', () => {
    expect(parsePreview('{"t":1,"l":[["A",[[0,-5,0.5],[1,0.5,9],[2,0.7,0.7]]]]}')).toEqual({
      total: 1,
      lanes: [
        {
          name: 'A',
          segments: [
            [0, 0, 0.5],
            [1, 0.5, 1],
          ],
        },
      ],
    });
    for (const bad of [
      null,
      '',
      'nope',
      '[]',
      '{"t":0,"l":[]}',
      '{"t":1,"l":[["A",[[7,0,1]]]]}',
      '{"t":1,"l":[[1,[]]]}',
      '{"t":1,"l":[["A",[[0,"0",1]]]]}',
      '{"t":1,"l":[]}',
      'x'.repeat(20000),
    ]) {
      expect(parsePreview(bad)).toBeNull();
    }
  });
});

describe('shadowCss', () => {
  it('moves :root variables to the host and pins the theme', () => {
    const css = shadowCss(':root{--bg:#fff}@media (prefers-color-scheme: dark){:root{--bg:#000}}', 'dark');
    expect(css).toContain(':host{--bg:#fff}');
    expect(css).toContain('@media all{:host{--bg:#000}}');
    expect(css).not.toContain(':root');
  });
});

// FakeWorker records requests; the test answers as the engine worker would.
class FakeWorker {
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  posted: WorkerRequest[] = [];
  terminated = false;
  postMessage(r: WorkerRequest) {
    this.posted.push(r);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: object) {
    this.onmessage?.({ data });
  }
}

const RESULT = { finished: true, output: '', elapsed: 1, events: 3, steps: 9, error: null };

describe('SharedEngine', () => {
  let workers: FakeWorker[];
  let engine: SharedEngine;
  beforeEach(() => {
    vi.useFakeTimers();
    workers = [];
    engine = new SharedEngine(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    });
  });
  afterEach(() => vi.useRealTimers());

  const portOf = () => {
    const port = engine.port();
    const got: Record<string, unknown>[] = [];
    port.onmessage = (e: MessageEvent) => got.push(e.data as Record<string, unknown>);
    return { port, got };
  };
  const run = (id: number): WorkerRequest => ({ type: 'run', id, source: 'print(1)', options: {} });

  it("runs one program at a time in one worker, with each port's own ids and sequence numbers", async () => {
    const a = portOf();
    const b = portOf();
    a.port.postMessage(run(1));
    b.port.postMessage(run(1));
    expect(workers).toHaveLength(1);
    const w = workers[0];
    expect(w.posted.map((r) => r.type)).toEqual(['run']);
    const first = (w.posted[0] as { id: number }).id;
    w.reply({ type: 'progress', id: first, seq: 0, progress: { steps: 1, events: 1, time: 0 } });
    vi.advanceTimersByTime(QUEUED_BEAT_MS);
    expect(b.got).toEqual([{ type: 'progress', id: 1, seq: 0, progress: { steps: 0, events: 0, time: 0 } }]);
    w.reply({ type: 'done', id: first, seq: 1, result: RESULT, stopped: null });
    expect(a.got.map((m) => [m.type, m.id, m.seq])).toEqual([
      ['progress', 1, 0],
      ['done', 1, 1],
    ]);
    const second = (w.posted[1] as { id: number }).id;
    expect(second).not.toBe(first);
    w.reply({ type: 'done', id: second, seq: 0, result: RESULT, stopped: null });
    expect(b.got.map((m) => [m.type, m.id, m.seq])).toEqual([
      ['progress', 1, 0],
      ['done', 1, 1],
    ]);
    expect(engine.workersStarted).toBe(1);
  });

  it('answers a cancel of a queued run at once, without waiting for the running one', async () => {
    const a = portOf();
    const b = portOf();
    a.port.postMessage(run(1));
    b.port.postMessage(run(4));
    b.port.postMessage({ type: 'cancel', id: 4 });
    await Promise.resolve();
    expect(b.got).toEqual([{ type: 'done', id: 4, seq: 0, result: expect.any(Object), stopped: 'cancelled' }]);
    expect(workers[0].posted.map((r) => r.type)).toEqual(['run']);
  });

  it('replaces the worker when the port whose run it runs terminates it, and goes on with the queue', () => {
    const a = portOf();
    const b = portOf();
    a.port.postMessage(run(1));
    b.port.postMessage(run(1));
    a.port.terminate();
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1].posted.map((r) => r.type)).toEqual(['run']);
  });

  it('passes a crash to the port whose run it was, and ready to every port', () => {
    const a = portOf();
    const b = portOf();
    const errors: string[] = [];
    a.port.onerror = (e: ErrorEvent) => errors.push(e.message);
    a.port.postMessage({ type: 'warm' });
    workers[0].reply({ type: 'ready' });
    expect(a.got).toEqual([{ type: 'ready' }]);
    expect(b.got).toEqual([{ type: 'ready' }]);
    a.port.postMessage(run(1));
    workers[0].onerror?.({ message: 'boom', preventDefault: () => undefined });
    expect(errors).toEqual(['boom']);
  });
});
