import { describe, expect, it } from 'vitest';
import type { EngineOptions, RunLimits, RunListener } from '../engine/protocol';
import { MAX_EVENTS, recordRun } from './recording';
import { sequentialStream } from './synthetic';

// FakeSession plays the engine session's part: it keeps the listener for the test to call.
class FakeSession {
  listener: RunListener | null = null;
  limits: RunLimits | null = null;
  options: EngineOptions | null = null;
  start(_source: string, options: EngineOptions, listener: RunListener, limits: RunLimits): number {
    this.listener = listener;
    this.limits = limits;
    this.options = options;
    return 7;
  }
}

describe('recordRun', () => {
  it('ingests every batch into its trace and finishes it with the run totals', () => {
    const session = new FakeSession();
    const heard: string[] = [];
    const recording = recordRun(
      session,
      'print(1)',
      { seed: 3 },
      {
        onEvents: () => heard.push(`events ${recording.trace.count}`),
        onEnd: (result, stopped, failure) =>
          heard.push(`end ${result?.elapsed} ${stopped} '${failure}' complete=${recording.trace.complete}`),
      },
    );
    expect(recording.id).toBe(7);
    expect(session.limits).toEqual({ maxEvents: MAX_EVENTS });
    expect(session.options).toEqual({ seed: 3 });
    const stream = sequentialStream();
    session.listener?.onEvents([stream.buffer()], stream.strings);
    expect(recording.trace.count).toBe(stream.events.length);
    session.listener?.onDone(
      { finished: true, output: '', elapsed: 2.5, error: null, events: stream.events.length, steps: 40 },
      null,
    );
    expect(heard).toEqual([`events ${stream.events.length}`, "end 2.5 null '' complete=true"]);
    expect(recording.trace.summary).toEqual({ elapsed: 2.5, steps: 40, error: null });
  });

  it('keeps what arrived when the run ends without its engine', () => {
    const session = new FakeSession();
    let failure = '';
    const recording = recordRun(
      session,
      'x',
      {},
      { onEnd: (_result, _stopped, reason) => (failure = reason) },
      { maxEvents: 10 },
    );
    expect(session.limits).toEqual({ maxEvents: 10 });
    const stream = sequentialStream();
    session.listener?.onEvents([stream.buffer()], stream.strings);
    const end = recording.trace.endTime;
    session.listener?.onFailed('the engine crashed (RuntimeError: unreachable)');
    expect(failure).toBe('the engine crashed (RuntimeError: unreachable)');
    expect(recording.trace.complete).toBe(true);
    expect(recording.trace.summary).toEqual({ elapsed: end, steps: 0, error: null });
  });
});
