// Narration tests: hand-written streams shaped like the engine's, then real runs of the
// examples through the wasm engine, asserting the exact sentences a class would read.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Engine, type RunOptions, loadEngine } from '../../engine/client';
import { EventKind } from '../../engine/events';
import { TaskKind } from '../../player/states';
import { StreamBuilder, asyncStream, gilStream } from '../../player/synthetic';
import type { Trace } from '../../player/trace';
import { traceOfRun, traceOfStream } from './fixtures';
import {
  type Moment,
  NarrationIndex,
  awaitText,
  idleMoment,
  lastsAWhile,
  narrate,
  shortSeconds,
  stripComment,
  switchGroup,
} from './narration';

/** allMoments lists every switch group and every lasting idle core, in time order. */
function allMoments(trace: Trace): Moment[] {
  const out: Moment[] = [];
  for (let k = 0; k < trace.switches.length;) {
    const g = switchGroup(trace, k);
    out.push(g.moment);
    k = g.end;
  }
  for (let e = 0; e < trace.count; e++)
    if (trace.kind.data[e] === EventKind.Idle && lastsAWhile(trace, e)) out.push(idleMoment(trace, e));
  return out.sort((a, b) => (trace.keyBefore(a.seq, trace.time.data[b.seq], b.seq) ? -1 : 1));
}

function sentences(trace: Trace, source: string): string[] {
  const lines = source.split('\n');
  return allMoments(trace).map((m) => narrate(trace, m, lines));
}

/** lockStream: MainThread blocks on a lock that the sleeping Thread-1 holds, then gets it. */
function lockStream(): StreamBuilder {
  const b = new StreamBuilder();
  b.created(0, 0, 'MainThread', TaskKind.Main, -1).start(0, 0).gilTake(0, 0).running(0, 0, 0).line(0, 0, 1);
  b.created(0.001, 1, 'Thread-1', TaskKind.Thread, 0).gilRequest(0.001, 1);
  b.gilDrop(0.001, 0, 0).sleep(0.001, 0, 0.01, 2);
  b.start(0.001, 1).gilTake(0.001, 1).running(0.001, 1, 0).line(0.001, 1, 5);
  b.gilDrop(0.002, 1, 0).sleep(0.002, 1, 1, 6).idle(0.002, 0);
  b.wake(0.011, 0).gilTake(0.011, 0).running(0.011, 0, 0).line(0.011, 0, 3);
  b.gilDrop(0.012, 0, 0).blocked(0.012, 0, 1, 'Lock b, held by Thread-1', -1, 3).idle(0.012, 0);
  b.wake(1.002, 1).gilTake(1.002, 1).running(1.002, 1, 0).line(1.002, 1, 7);
  b.wake(1.003, 0).gilRequest(1.003, 0);
  b.end(1.003, 1).gilDrop(1.003, 1, 2);
  b.gilTake(1.003, 0).running(1.003, 0, 0).line(1.003, 0, 4).end(1.004, 0);
  return b;
}

/** forcedStream: two CPU-bound threads swap the GIL every 5 ms switch interval. */
function forcedStream(): StreamBuilder {
  const b = new StreamBuilder();
  b.created(0, 0, 'MainThread', TaskKind.Main, -1).start(0, 0).gilTake(0, 0).running(0, 0, 0);
  b.created(0, 1, 'Thread-1').gilRequest(0, 1).created(0, 2, 'Thread-2').gilRequest(0, 2);
  b.gilDrop(0, 0, 0).blocked(0, 0, 4, 'Thread-1 to finish', -1, 9);
  b.start(0, 1).gilTake(0, 1).running(0, 1, 0).cpu(0, 1, 1, 3);
  b.gilDrop(0.005, 1, 1).preempted(0.005, 1, 0).gilRequest(0.005, 1);
  b.start(0.005, 2).gilTake(0.005, 2).running(0.005, 2, 0).cpu(0.005, 2, 1, 3);
  b.gilDrop(0.01, 2, 1).preempted(0.01, 2, 0).gilRequest(0.01, 2);
  b.gilTake(0.01, 1).running(0.01, 1, 0);
  return b;
}

const ASYNC_SOURCE = [
  'import asyncio',
  'async def one():',
  '    await asyncio.sleep(0.5)',
  '    print("one")',
  'async def three():',
  '    total = sum(range(10**6))',
  '    await asyncio.sleep(1)  # hands the loop back',
  'async def main():',
  '    await asyncio.gather(one(), three())',
  'asyncio.run(main())',
].join('\n');

/** loopStream: Task-3 computes while Task-1 sleeps, then awaits; the loop resumes Task-1. Blocked records carry the caller's line, as the engine's do. */
function loopStream(): StreamBuilder {
  const b = new StreamBuilder();
  b.created(0, 0, 'MainThread', TaskKind.Main, -1).start(0, 0).gilTake(0, 0).running(0, 0, 0).line(0, 0, 10);
  b.created(0, 1, 'Task-1', TaskKind.Coroutine, 0).created(0, 3, 'Task-3', TaskKind.Coroutine, 0);
  b.loopIteration(0, 0, [1, 3]);
  b.start(0.001, 1).running(0.001, 1, 0).line(0.001, 1, 3).blocked(0.001, 1, 0, 'sleep', 0.501, 10);
  b.start(0.001, 3)
    .running(0.001, 3, 0)
    .line(0.001, 3, 6)
    .cpu(0.001, 3, 0.5, 6)
    .line(0.501, 3, 7)
    .blocked(0.501, 3, 0, 'sleep', 1.501, 10);
  b.wake(0.501, 1)
    .loopIteration(0.501, 0, [1])
    .running(0.5012, 1, 0)
    .line(0.5012, 1, 4)
    .print(0.5012, 1, 'one\n', 4)
    .end(0.5014, 1);
  b.gilDrop(0.5016, 0, 0).blocked(0.5016, 0, 11, 'I/O or a timer', 1.501, 10).idle(0.5016, 0);
  return b;
}

describe('narration: source text', () => {
  it('reads what a line awaits, without comments, and shortens unfinished calls', () => {
    expect(awaitText('    await asyncio.sleep(1)  # hands the loop back')).toBe('asyncio.sleep(1)');
    expect(awaitText('        return await response.text()')).toBe('response.text()');
    expect(awaitText('    async with session.get(url) as response:')).toBe('session.get(url)');
    expect(awaitText('    results = await asyncio.gather(')).toBe('asyncio.gather(…)');
    expect(awaitText('    print("await me")')).toBeNull();
    expect(awaitText('x = 1')).toBeNull();
    expect(stripComment('print("#1")  # count')).toBe('print("#1")  ');
  });

  it('writes durations with two significant digits', () => {
    expect(shortSeconds(0.005031)).toBe('5 ms');
    expect(shortSeconds(1.2)).toBe('1.2 s');
    expect(shortSeconds(3)).toBe('3 s');
    expect(shortSeconds(0.4)).toBe('400 ms');
    expect(shortSeconds(2.5e-5)).toBe('25 µs');
  });
});

describe('narration: hand-written streams', () => {
  it('tells who blocks on a lock, when the core goes idle, and who gets the lock', () => {
    const trace = traceOfStream(lockStream());
    expect(sentences(trace, '')).toEqual([
      'MainThread sleeps for 10 ms; Thread-1 starts and takes the GIL.',
      'Thread-1 sleeps for 1 s; core 0 goes idle.',
      'Thread-1 sleeps for 1 s; MainThread, whose sleep just ended, takes the GIL.',
      'MainThread blocks on Lock b, held by Thread-1; core 0 goes idle.',
      'MainThread blocks on Lock b, held by Thread-1; Thread-1, whose sleep just ended, takes the GIL.',
      'Thread-1 finishes; MainThread, which acquired Lock b, takes the GIL.',
    ]);
  });

  it('tells a forced GIL switch with the interval measured from the events', () => {
    const trace = traceOfStream(forcedStream());
    expect(sentences(trace, '')).toEqual([
      'MainThread waits for Thread-1 to finish; Thread-1 starts and takes the GIL.',
      'Thread-1 is preempted after its 5 ms switch interval; Thread-2 starts and takes the GIL.',
      'Thread-2 is preempted after its 5 ms switch interval; Thread-1 takes the GIL.',
    ]);
  });

  it('quotes the awaited call from the coroutine’s own line, not the line of the blocked record', () => {
    const trace = traceOfStream(loopStream());
    expect(sentences(trace, ASYNC_SOURCE)).toEqual([
      'Task-1 awaits asyncio.sleep(0.5); the event loop starts Task-3.',
      'Task-3 awaits asyncio.sleep(1); the event loop resumes Task-1, whose sleep just ended.',
      'Task-1 finishes; no coroutine is ready, so the event loop waits for the next timer or I/O.',
    ]);
  });

  it('shows the latest moment at or before the playhead, and nothing before the first', () => {
    const trace = traceOfStream(lockStream());
    const index = new NarrationIndex();
    expect(index.momentAt(trace, { time: 0, seq: -1 })).toBeNull();
    expect(index.momentAt(trace, trace.at(0.0005))).toBeNull();
    const at = (t: number) => narrate(trace, index.momentAt(trace, trace.at(t))!, []);
    expect(at(0.5)).toBe('MainThread blocks on Lock b, held by Thread-1; core 0 goes idle.');
    expect(at(0.0115)).toBe('Thread-1 sleeps for 1 s; MainThread, whose sleep just ended, takes the GIL.');
    expect(at(2)).toBe('Thread-1 finishes; MainThread, which acquired Lock b, takes the GIL.');
  });

  it('narrates the player’s synthetic streams without gaps', () => {
    for (const stream of [gilStream(), asyncStream()]) {
      const trace = traceOfStream(stream);
      const said = sentences(trace, '');
      expect(said.length).toBeGreaterThan(2);
      for (const s of said) expect(s).toMatch(/^\S+ [a-z].*\.$/);
      expect(said.join(' ')).not.toMatch(/undefined|NaN|Task \d/);
    }
  });
});

let engine: Engine;
const example = (file: string) => readFileSync(new URL(`../../../../public/examples/${file}`, import.meta.url), 'utf8');
const narrated = (file: string, options: RunOptions = {}) => {
  const source = example(file);
  return sentences(traceOfRun(engine, source, options), source);
};

describe('narration: real runs of the examples', () => {
  beforeAll(async () => {
    engine = await loadEngine(readFileSync(new URL('../../engine/generated/interleave.wasm', import.meta.url)));
  });

  it('asyncio-sleep: every switch and every idle loop', () => {
    const said = narrated('asyncio_sleep.py');
    // asyncio.run's shutdown tasks are hidden, so the last switches are told as the shutdown, not by their names.
    expect(said.slice(11)).toEqual([
      'Task-1 finishes; asyncio.run shuts the event loop down.',
      'asyncio.run shuts the event loop down.',
    ]);
    expect(said.slice(0, 11)).toEqual([
      'Task-1 awaits asyncio.gather(ticker(), greeting()); the event loop starts Task-2.',
      'Task-2 awaits asyncio.sleep(0.5); the event loop starts Task-3.',
      'Task-3 awaits asyncio.sleep(1.2); no coroutine is ready, so the event loop waits for the next timer or I/O.',
      'Task-3 awaits asyncio.sleep(1.2); the event loop resumes Task-2, whose sleep just ended.',
      'Task-2 awaits asyncio.sleep(0.5); no coroutine is ready, so the event loop waits for the next timer or I/O.',
      'Task-2 awaits asyncio.sleep(0.5); no coroutine is ready, so the event loop waits for the next timer or I/O.',
      'Task-2 awaits asyncio.sleep(0.5); the event loop resumes Task-3, whose sleep just ended.',
      'Task-3 finishes; no coroutine is ready, so the event loop waits for the next timer or I/O.',
      'Task-3 finishes; the event loop resumes Task-2, whose sleep just ended.',
      'Task-2 awaits asyncio.sleep(0.5); no coroutine is ready, so the event loop waits for the next timer or I/O.',
      'Task-2 finishes; the event loop resumes Task-1, now that gather(Task-2, Task-3) is done.',
    ]);
  });

  it('blocking-in-coroutine: the stalled loop and the late wake-up', () => {
    const said = narrated('blocking_in_coroutine.py');
    expect(said).toContain(
      'Task-3 blocks the event loop with time.sleep(1.5) for 1.5 s; no other coroutine can run until it returns.',
    );
    expect(said).toContain('Task-3 finishes; the event loop resumes Task-2, whose sleep ended 1.2 s ago.');
  });

  it('threads-sleep: threads start, sleep and are joined', () => {
    const said = narrated('threads_sleep.py');
    expect(said[0]).toBe('MainThread waits for tea to start; tea starts and takes the GIL.');
    expect(said).toContain('tea sleeps for 3 s; core 0 goes idle.');
    expect(said).toContain('tea sleeps for 3 s; MainThread takes the GIL, now that tea has started.');
    expect(said).toContain('MainThread waits for tea to finish; cocoa, whose sleep just ended, takes the GIL.');
    expect(said).toContain('tea finishes; MainThread takes the GIL, now that tea has finished.');
  });

  it('deadlock: locks taken in opposite orders, a timeout, then the lock', () => {
    const said = narrated('deadlock.py');
    expect(said).toContain('Alice blocks on Lock knife, held by Bob (timeout 2 s); core 0 goes idle.');
    expect(said).toContain(
      'Bob blocks on Lock fork, held by Alice (timeout 5 s); Alice, whose wait for Lock knife timed out, takes the GIL.',
    );
    expect(said).toContain('Alice finishes; Bob, which acquired Lock fork, takes the GIL.');
  });

  it('gil-cpu-vs-io: forced switches every switch interval', () => {
    const said = narrated('gil_cpu_vs_io.py');
    expect(said).toContain('cpu-1 is preempted after its 5 ms switch interval; cpu-2 starts and takes the GIL.');
    expect(said.filter((s) => / is preempted after its [\d.]+ ms switch interval; /.test(s)).length).toBeGreaterThan(
      100,
    );
  });

  it('gil-cpu-vs-io without the GIL on two cores: time slices and cores', () => {
    const said = narrated('gil_cpu_vs_io.py', { gil: false, cores: 2 } as RunOptions);
    expect(said).toContain(
      'cpu-2 is preempted after its 10 ms time slice; MainThread runs on core 0, now that cpu-2 has started.',
    );
    expect(said).toContain(
      'cpu-1 is preempted after its 10 ms time slice; cpu-2, which was waiting for a core, runs on core 1.',
    );
  });

  it('producer-consumer: a queue hands work over', () => {
    const said = narrated('producer_consumer.py');
    expect(said).toContain('consumer waits on Queue jobs (empty); core 0 goes idle.');
    expect(said).toContain('producer sleeps for 400 ms; consumer takes the GIL, now that Queue jobs has an item.');
    expect(said).toContain('consumer sleeps for 1 s; producer takes the GIL, now that Queue jobs has room.');
  });
});
