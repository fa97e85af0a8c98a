// Manual scheduling through the real wasm module: the options reach the engine, choices
// drive a challenge into its failure, and the choice point passes the protocol's checks.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Engine, type RunOptions, type RunResult, loadEngine } from './client';
import { validManualState, validateWorkerMessage } from './protocol';

let engine: Engine;

beforeAll(async () => {
  engine = await loadEngine(readFileSync(new URL('./generated/interleave.wasm', import.meta.url)));
});

const challenge = (name: string) =>
  readFileSync(new URL(`../../../public/challenges/${name}`, import.meta.url), 'utf8');

function run(source: string, options: RunOptions): RunResult {
  return engine.runProgram(source, options);
}

describe('manual scheduling', () => {
  it('stops at the first choice and describes the threads', () => {
    const r = run(challenge('counter.py'), { manual: true });
    expect(r.finished).toBe(false);
    expect(r.manual?.waiting).toBe(true);
    expect(r.manual?.threads.map((t) => [t.name, t.line, t.runnable, t.next])).toEqual([
      ['MainThread', 16, true, ''],
      ['Thread-1 (add_one)', 11, true, 'LOAD_GLOBAL counter'],
    ]);
    expect(validManualState(r.manual)).toBe(true);
    expect(r.errorOutput).toBe('');
  });

  it('follows choices given as ids with a default unit or as {thread, unit}', () => {
    const choices = [{ thread: 1, unit: 'instruction' as const }, 0, 0, 2, 2, 1];
    const r = run(challenge('counter.py'), { manual: true, manualUnit: 'line', choices });
    expect(r.finished).toBe(true);
    expect(r.error?.type).toBe('AssertionError');
    expect(r.output).toBe('counter = 1\n');
    expect(r.manual?.choicesUsed).toBe(6);
    expect(r.manual?.globals).toEqual([{ name: 'counter', value: '1' }]);
    const done = validateWorkerMessage({ type: 'done', id: 1, seq: 0, result: r, stopped: null });
    expect(typeof done).not.toBe('string');
  });

  it('reports a choice of a thread that cannot run', () => {
    const r = run(challenge('counter.py'), { manual: true, choices: [9] });
    expect(r.manual?.waiting).toBe(true);
    expect(r.manual?.choicesUsed).toBe(0);
    expect(r.manual?.error).toMatch(/^choice 1 names thread id 9, which does not exist/);
  });

  it('leaves results of normal runs as they were', () => {
    const r = run(challenge('counter.py'), { choices: [1, 1] });
    expect(r).toEqual({
      finished: true,
      output: 'counter = 2\n',
      elapsed: r.elapsed,
      error: null,
      events: r.events,
      steps: r.steps,
    });
  });

  it('rejects a malformed choice point', () => {
    expect(validManualState({ waiting: true, choicesUsed: 0, error: '', threads: [{ id: 0 }] })).toBe(false);
    const result = {
      finished: false,
      output: '',
      elapsed: 0,
      error: null,
      events: 0,
      steps: 0,
      manual: { waiting: 'yes' },
    };
    expect(validateWorkerMessage({ type: 'done', id: 1, seq: 0, result, stopped: null })).toMatch(/bad result/);
  });
});
