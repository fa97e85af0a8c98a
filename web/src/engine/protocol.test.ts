import { describe, expect, it } from 'vitest';
import { validateWorkerMessage, validExploreReport } from './protocol';

const result = { finished: true, output: 'hi\n', elapsed: 1.5, error: null, events: 3, steps: 10 };

describe('validateWorkerMessage', () => {
  it('accepts well-formed messages', () => {
    expect(validateWorkerMessage({ type: 'ready' })).toEqual({ type: 'ready' });
    const events = { type: 'events', id: 1, seq: 0, buffers: [new ArrayBuffer(64)], newStrings: ['a'] };
    expect(validateWorkerMessage(events)).toBe(events);
    const done = { type: 'done', id: 1, seq: 3, result, stopped: null };
    expect(validateWorkerMessage(done)).toBe(done);
    const progress = { type: 'progress', id: 1, seq: 1, progress: { steps: 1, events: 2, time: 0.5 } };
    expect(validateWorkerMessage(progress)).toBe(progress);
  });

  it('rejects malformed messages with a reason', () => {
    expect(validateWorkerMessage(null)).toBe('not a message object');
    expect(
      validateWorkerMessage({ type: 'events', id: 1, seq: 0, buffers: [new ArrayBuffer(33)], newStrings: [] }),
    ).toMatch(/whole 32-byte records/);
    expect(validateWorkerMessage({ type: 'events', id: 1, seq: 0, buffers: [], newStrings: [7] })).toMatch(/strings/);
    expect(
      validateWorkerMessage({ type: 'progress', id: -1, seq: 0, progress: { steps: 1, events: 2, time: 0 } }),
    ).toMatch(/bad id/);
    expect(
      validateWorkerMessage({ type: 'progress', id: 1, seq: 0.5, progress: { steps: 1, events: 2, time: 0 } }),
    ).toMatch(/sequence/);
    expect(validateWorkerMessage({ type: 'output', id: 1, seq: 0, text: '' })).toMatch(/unknown message type/);
    expect(
      validateWorkerMessage({
        type: 'done',
        id: 1,
        seq: 0,
        result: { ...result, error: { type: 'E' } },
        stopped: null,
      }),
    ).toMatch(/bad result/);
    expect(validateWorkerMessage({ type: 'done', id: 1, seq: 0, result, stopped: 'bored' })).toMatch(/stop reason/);
    expect(validateWorkerMessage({ type: 'hello', id: 1, seq: 0 })).toMatch(/unknown message type/);
  });
});

const bug = {
  kind: 'assertion',
  message: 'AssertionError: expected 6, got 3',
  line: 21,
  schedule: 's0.0_7.2',
  preemptions: 2,
  switches: 3,
  found_after: 22,
  output: 'counter = 3\n',
  narration: [
    'Thread-1 (increment) is preempted at line 11 after reading counter=0 and before writing it back; Thread-2 (increment) runs',
  ],
  cpython311: false,
};
const report = {
  explored: 22,
  exhaustive: false,
  pruned: 0,
  bound: { mode: 'exhaustive', preemptions: 2, schedules: 10000, seed: 1, depth: 2, points: 'shared' },
  coverage: '22 schedules checked',
  bugs: [bug],
  passing: 's',
  distinct_outcomes: 2,
  seconds: 0.07,
};

describe('explore messages', () => {
  it('accepts the explorer report and progress', () => {
    expect(validExploreReport(report)).toBe(true);
    expect(validExploreReport({ ...report, bugs: [], passing: null, exhaustive: true })).toBe(true);
    const progress = {
      type: 'exploreProgress',
      id: 2,
      seq: 0,
      progress: { explored: 5, bound: 1, bugs: 0, pruned: 3 },
    };
    expect(validateWorkerMessage(progress)).toBe(progress);
    const done = { type: 'exploreDone', id: 2, seq: 1, report, stopped: null };
    expect(validateWorkerMessage(done)).toBe(done);
    expect(validateWorkerMessage({ ...done, stopped: 'cancelled' })).toEqual({ ...done, stopped: 'cancelled' });
  });

  it('rejects malformed explore messages', () => {
    const done = (r: unknown, stopped: unknown = null) =>
      validateWorkerMessage({ type: 'exploreDone', id: 2, seq: 1, report: r, stopped });
    expect(done({ ...report, explored: -1 })).toMatch(/bad report/);
    expect(done({ ...report, bugs: [{ ...bug, kind: 'flaky' }] })).toMatch(/bad report/);
    expect(done({ ...report, bugs: [{ ...bug, schedule: 'has space' }] })).toMatch(/bad report/);
    expect(done({ ...report, bugs: [{ ...bug, narration: [1] }] })).toMatch(/bad report/);
    expect(done({ ...report, bound: { ...report.bound, mode: 'random' } })).toMatch(/bad report/);
    expect(done(report, 'event-limit')).toMatch(/stop reason/);
    expect(validateWorkerMessage({ type: 'exploreProgress', id: 2, seq: 0, progress: { explored: 1 } })).toMatch(
      /bad fields/,
    );
  });
});
