import { describe, expect, it } from 'vitest';
import type { ManualState, RunResult } from '../../engine/client';
import { Game, describeThread, parseChallenges, threadException, threadForKey, usesThreads, verdict } from './model';

const base: RunResult = { finished: false, output: '', elapsed: 0, error: null, events: 0, steps: 0 };
const state: ManualState = {
  waiting: true,
  choicesUsed: 0,
  error: '',
  atCheck: false,
  globals: [{ name: 'counter', value: '0' }],
  threads: [
    { id: 0, index: 0, name: 'MainThread', line: 16, state: 'ready', detail: '', next: '', runnable: true },
    {
      id: 1,
      index: 1,
      name: 'Thread-1',
      line: 11,
      state: 'running',
      detail: '',
      next: 'LOAD_GLOBAL counter',
      runnable: true,
    },
    {
      id: 2,
      index: 2,
      name: 'Bob',
      line: 17,
      state: 'blocked',
      detail: 'Lock fork, held by Alice',
      next: '',
      runnable: false,
    },
  ],
};

describe('scheduler game', () => {
  it('parses the challenge index and drops bad entries', () => {
    const good = { name: 'counter', file: 'counter.py', title: 'T', goal: 'G', explanation: 'E', unit: 'instruction' };
    const list = parseChallenges({
      challenges: [good, { ...good, file: '../x.py' }, { ...good, name: 7 }, { ...good, name: 'b', unit: 'weird' }],
    });
    expect(list.map((c) => [c.name, c.unit])).toEqual([
      ['counter', 'instruction'],
      ['b', 'line'],
    ]);
    expect(parseChallenges(null)).toEqual([]);
  });

  it('tells threaded programs apart', () => {
    expect(usesThreads('import threading\n')).toBe(true);
    expect(usesThreads('from threading import Thread\n')).toBe(true);
    expect(usesThreads('import asyncio\nprint(1)\n')).toBe(false);
  });

  it('reads the verdict of a run', () => {
    expect(verdict({ ...base, manual: state })).toEqual({ kind: 'choosing' });
    expect(verdict({ ...base, finished: true })).toEqual({ kind: 'clean' });
    const assertion = { type: 'AssertionError', message: 'lost', line: 3, traceback: '' };
    expect(verdict({ ...base, finished: true, error: assertion })).toEqual({
      kind: 'found',
      summary: 'AssertionError: lost',
    });
    const deadlock = { type: 'DeadlockError', message: 'Alice waits for Lock knife', line: 3, traceback: '' };
    expect(verdict({ ...base, finished: true, error: deadlock })).toEqual({
      kind: 'found',
      summary: 'a deadlock. Alice waits for Lock knife',
    });
    const limit = { type: 'StepLimitError', message: 'stopped', line: 3, traceback: '' };
    expect(verdict({ ...base, finished: true, error: limit }).kind).toBe('failed');
    const stderr =
      'Exception in thread Bob:\nTraceback (most recent call last):\n  File "main.py", line 10, in buy\nIndexError: pop from empty list\n\n';
    expect(verdict({ ...base, errorOutput: stderr, manual: state })).toEqual({
      kind: 'found',
      summary: 'IndexError: pop from empty list (in Bob)',
    });
    expect(verdict({ ...base, manual: { ...state, error: 'choice 1 names thread id 9' } })).toEqual({
      kind: 'failed',
      message: 'choice 1 names thread id 9',
    });
  });

  it('finds the first thread exception in stderr', () => {
    expect(threadException('')).toBeNull();
    expect(threadException('Exception in thread T:\nValueError: x\n')).toBe('ValueError: x (in T)');
  });

  it('keeps choices with their unit, and undoes them', () => {
    const game = new Game('instruction');
    game.choose(state.threads[1]);
    game.unit = 'line';
    game.choose(state.threads[0]);
    expect(game.choices).toEqual([
      { thread: 1, unit: 'instruction' },
      { thread: 0, unit: 'line' },
    ]);
    expect(game.undo()).toBe(true);
    expect(game.steps).toBe(1);
    game.restart();
    expect(game.undo()).toBe(false);
  });

  it('maps digit keys to threads in start order', () => {
    expect(threadForKey(state, '1')?.name).toBe('Thread-1');
    expect(threadForKey(state, '0')?.name).toBe('MainThread');
    expect(threadForKey(state, '7')).toBeUndefined();
    expect(threadForKey(state, 'x')).toBeUndefined();
  });

  it('describes where each thread is', () => {
    expect(state.threads.map(describeThread)).toEqual([
      'line 16, inside a library call',
      'line 11, next: LOAD_GLOBAL counter',
      'line 17: waits for Lock fork, held by Alice',
    ]);
  });
});
