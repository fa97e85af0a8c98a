import { describe, expect, it } from 'vitest';
import { exploreArgs } from '../app/commands';
import {
  bugDetail,
  bugHeadline,
  coverageMessage,
  explorable,
  progressCounters,
  progressLine,
  progressText,
} from './explore';
import { validateWorkerMessage } from '../../engine/protocol';
import { type ExploreBug, type ExploreReport, isSchedule } from '../../engine/protocol';

const bug: ExploreBug = {
  kind: 'assertion',
  message: 'AssertionError: an update was lost: counter is 5, not 6',
  line: 24,
  schedule: '1.a3-b2_c~0',
  preemptions: 1,
  switches: 3,
  found_after: 7,
  output: 'counter = 5\n',
  narration: ['Thread-2 (deposit) is preempted after reading counter=1 and before writing it back'],
  cpython311: false,
};

const report = (over: Partial<ExploreReport> = {}): ExploreReport => ({
  explored: 1284,
  exhaustive: true,
  pruned: 310,
  bound: { mode: 'exhaustive', preemptions: 2, schedules: 10000, seed: 1, depth: 2, points: 'shared' },
  coverage: 'all 1,284 schedules with at most 2 preemptions checked (exhaustive)',
  bugs: [],
  passing: null,
  distinct_outcomes: 1,
  seconds: 0.8,
  ...over,
});

describe('find a bug: texts', () => {
  it('offers the explorer for threads and asyncio programs only', () => {
    expect(explorable('import threading\n')).toBe(true);
    expect(explorable('import asyncio, time\n')).toBe(true);
    expect(explorable('from concurrent.futures import ThreadPoolExecutor\n')).toBe(true);
    expect(explorable('from threading import Thread, Lock\n')).toBe(true);
    expect(explorable('print("hi")\nimport time\n')).toBe(false);
    expect(explorable('# import threading\n')).toBe(false);
    expect(explorable('import threadingx\n')).toBe(false);
  });

  it('shows progress as big counters and as one line', () => {
    expect(progressCounters({ explored: 12345, bound: 2, bugs: 1, pruned: 9 })).toEqual([
      { label: 'schedules explored', value: '12,345' },
      { label: 'preemption bound', value: '2' },
      { label: 'bug found', value: '1' },
    ]);
    expect(progressCounters(null).map((c) => c.value)).toEqual(['0', '…', '0']);
    expect(progressLine({ explored: 1234, bound: 2, bugs: 1, pruned: 0 })).toBe('1,234 schedules · bound 2 · 1 bug');
    expect(progressText({ explored: 1, bound: 0, bugs: 0, pruned: 0 })).toBe(
      'Finding a bug: 1 schedule explored · preemption bound 0 · 0 bugs found',
    );
    expect(progressText({ explored: 1500, bound: 2, bugs: 2, pruned: 1 })).toBe(
      'Finding a bug: 1,500 schedules explored · preemption bound 2 · 2 bugs found · 1 equivalent schedule skipped',
    );
  });

  it('says exactly what was covered when no bug was found', () => {
    expect(coverageMessage(report(), null)).toBe(
      'No bug found: all 1,284 schedules with at most 2 preemptions checked (exhaustive). 310 equivalent schedules were skipped as the same as one already run.',
    );
    const pct = report({ exhaustive: false, pruned: 0, coverage: '5,000 random PCT schedules, depth 2, seed 7.' });
    expect(coverageMessage(pct, null)).toBe(
      'No bug found: 5,000 random PCT schedules, depth 2, seed 7. A bug may still hide in schedules it did not reach.',
    );
    expect(
      coverageMessage(
        report({
          pruned: 0,
          exhaustive: false,
          coverage: '320 schedules with at most 2 preemptions checked (stopped)',
        }),
        'cancelled',
      ),
    ).toBe(
      'Stopped before the search was complete, without a bug: 320 schedules with at most 2 preemptions checked (stopped).',
    );
    expect(coverageMessage(report({ coverage: '', pruned: 0, explored: 3 }), null)).toBe(
      'No bug found: 3 schedules checked.',
    );
    expect(
      coverageMessage(
        report({
          coverage: 'all 40 schedules with at most 2 preemptions checked (exhaustive; 12 equivalent ones pruned)',
          pruned: 12,
        }),
        null,
      ),
    ).toBe(
      'No bug found: all 40 schedules with at most 2 preemptions checked (exhaustive; 12 equivalent ones pruned).',
    );
    expect(
      coverageMessage(
        report({
          explored: 0,
          coverage: 'nothing explored: SyntaxError',
          error: 'SyntaxError: invalid syntax (line 2)',
        }),
        null,
      ),
    ).toBe('Nothing was explored: SyntaxError: invalid syntax (line 2)');
  });

  it('words the bug and its schedule', () => {
    expect(bugHeadline(bug)).toBe(
      'Found a failed assert after 7 schedules: AssertionError: an update was lost: counter is 5, not 6 (line 24)',
    );
    expect(bugHeadline({ ...bug, kind: 'deadlock', message: '', line: 0, found_after: 1 })).toBe(
      'Found a deadlock after 1 schedule: a deadlock',
    );
    expect(bugDetail(bug, report({ bugs: [bug] }))).toBe(
      'The failing schedule forces 1 preemption (3 context switches in all). One is a switch CPython 3.11 never makes; a free-threaded build can. Each is marked on the timeline; choose one to jump there.',
    );
    expect(bugDetail({ ...bug, cpython311: true }, report({ bugs: [bug] }))).toBe(
      'The failing schedule forces 1 preemption (3 context switches in all). CPython 3.11 can make each of them. Each is marked on the timeline; choose one to jump there.',
    );
    expect(bugDetail(bug, report({ bugs: [bug, bug] }))).toMatch(/; 1 other bug found too\./);
    expect(bugDetail({ ...bug, preemptions: 0, switches: 0, narration: [] }, report())).toBe(
      'It fails without any forced switch: the normal order of the threads and tasks already breaks it. It plays below as a normal run.',
    );
  });

  it('reads the console command explore [exhaustive|pct] [N]', () => {
    expect(exploreArgs([])).toEqual({});
    expect(exploreArgs(['3'])).toEqual({ preemptions: 3 });
    expect(exploreArgs(['pct', '7'])).toEqual({ mode: 'pct', seed: 7 });
    expect(exploreArgs(['exhaustive', '99'])).toEqual({ mode: 'exhaustive', preemptions: 10 });
    expect(exploreArgs(['fast'])).toMatch(/^explore takes/);
  });
});

describe('find a bug: messages (the engine validates them; the page checks schedules itself)', () => {
  it('accepts schedules of URL-safe characters up to 4 KB', () => {
    expect(isSchedule('1.a3-b2_c~0')).toBe(true);
    expect(isSchedule('x'.repeat(4096))).toBe(true);
    expect(isSchedule('x'.repeat(4097))).toBe(false);
    expect(isSchedule('')).toBe(false);
    expect(isSchedule('a b')).toBe(false);
    expect(isSchedule('a/b')).toBe(false);
    expect(isSchedule('<script>')).toBe(false);
    expect(isSchedule(7)).toBe(false);
  });

  it('validates progress and reports', () => {
    expect(
      validateWorkerMessage({
        type: 'exploreProgress',
        id: 1,
        seq: 0,
        progress: { explored: 3, bound: 1, bugs: 0, pruned: 0 },
      }),
    ).toMatchObject({ type: 'exploreProgress' });
    expect(
      validateWorkerMessage({
        type: 'exploreProgress',
        id: 1,
        seq: 0,
        progress: { explored: -1, bound: 1, bugs: 0, pruned: 0 },
      }),
    ).toBe('exploreProgress: bad fields');
    const done = { type: 'exploreDone', id: 1, seq: 4, report: report({ bugs: [bug], passing: '0.b' }), stopped: null };
    expect(validateWorkerMessage(done)).toEqual(done);
    expect(validateWorkerMessage({ ...done, stopped: 'event-limit' })).toBe('exploreDone: bad stop reason');
    expect(validateWorkerMessage({ ...done, report: report({ bugs: [{ ...bug, schedule: 'not a schedule' }] }) })).toBe(
      'exploreDone: bad report',
    );
    expect(validateWorkerMessage({ ...done, report: report({ bugs: [{ ...bug, kind: 'Oops!' as never }] }) })).toBe(
      'exploreDone: bad report',
    );
    expect(bugHeadline({ ...bug, kind: 'starvation' as never })).toMatch(/^Found a bug after 7 schedules: /);
    expect(validateWorkerMessage({ ...done, report: { ...report(), coverage: 3 } })).toBe('exploreDone: bad report');
    expect(validateWorkerMessage({ type: 'exploreDone', id: -1, seq: 0 })).toBe('exploreDone: bad id');
    expect(isSchedule('../x')).toBe(false);
  });
});
