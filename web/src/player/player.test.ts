import { describe, expect, it } from 'vitest';
import { EventKind } from '../engine/events';
import { formatClock, formatSeconds, clockUnit } from './format';
import { metrics } from './metrics';
import { Player } from './player';
import { snapshot, type Snapshot, type TaskView } from './snapshot';
import { ReadyFor, TaskKind, TaskState } from './states';
import { StreamBuilder, asyncStream, gilStream, sequentialStream } from './synthetic';
import { Trace } from './trace';

function traceOf(b: StreamBuilder, batches = 1): Trace {
  const trace = new Trace();
  for (const part of b.batches(batches)) trace.ingest(part.buffer, part.newStrings);
  trace.finish({ elapsed: trace.endTime, steps: 0, error: null });
  return trace;
}

function task(s: Snapshot, name: string): TaskView {
  const v = s.tasks.find((t) => t.name === name);
  if (!v) throw new Error(`no task ${name}`);
  return v;
}

describe('Trace: sequential stream', () => {
  const trace = traceOf(sequentialStream());

  it('rebuilds state, line and what the task waits for', () => {
    const before = snapshot(trace, { time: 0, seq: -1 });
    expect(before.tasks[0].state).toBe(TaskState.Unborn);
    const s = snapshot(trace, trace.at(0.5));
    const main = task(s, 'MainThread');
    expect(main.state).toBe(TaskState.Waiting);
    expect(main.line).toBe(2);
    expect(main.waitFor).toBe('sleep until 1.00 s');
    expect(main.until).toBeCloseTo(1.002);
    expect(main.running).toBeCloseTo(0.002);
    expect(main.waiting).toBeCloseTo(0.498);
    expect(s.prints).toBe(1);
  });

  it('ends done with its totals', () => {
    const s = snapshot(trace, trace.at(trace.endTime));
    const main = task(s, 'MainThread');
    expect(main.state).toBe(TaskState.Done);
    expect(main.outcome).toBe('returned');
    expect(main.line).toBe(3);
    expect(main.running + main.waiting).toBeCloseTo(1.003);
    expect(main.waiting).toBeCloseTo(1);
    expect(s.prints).toBe(2);
  });

  it('steps event by event forward and back exactly', () => {
    const seen: number[] = [];
    let ph = trace.atPosition(0);
    for (let i = 0; i < trace.count; i++) {
      ph = trace.nextEvent(ph);
      seen.push(trace.position(ph));
    }
    expect(seen).toEqual([...Array(trace.count).keys()].map((i) => i + 1));
    for (let i = trace.count; i > 0; i--) ph = trace.prevEvent(ph);
    expect(trace.position(ph)).toBe(0);
  });

  it('steps back from between two events to the earlier one', () => {
    const ph = trace.at(0.5);
    const back = trace.prevEvent(ph);
    expect(back.time).toBeCloseTo(0.002);
    expect(trace.position(back)).toBe(trace.position(ph));
    expect(trace.position(trace.prevEvent(back))).toBe(trace.position(ph) - 1);
  });
});

describe('Trace: threads and the GIL', () => {
  const trace = traceOf(gilStream());

  it('shows the GIL holder, its waiters and the cores', () => {
    const s = snapshot(trace, trace.at(0.004));
    expect(s.gil?.holder).toBe(1);
    expect(s.gil?.waiters).toEqual([2]);
    expect(s.cores).toEqual([1, 2]);
    const t1 = task(s, 'Thread-1');
    expect(t1.state).toBe(TaskState.Running);
    expect(t1.core).toBe(0);
    expect(t1.holdsGil).toBe(true);
    expect(t1.line).toBe(4);
    const t2 = task(s, 'Thread-2');
    expect(t2.state).toBe(TaskState.Ready);
    expect(t2.readyFor).toBe(ReadyFor.Gil);
    expect(t2.waitFor).toBe('the GIL');
    expect(task(s, 'MainThread').waitFor).toBe('join Thread-1');
  });

  it('hands the GIL over on a forced switch', () => {
    const s = snapshot(trace, trace.at(0.0055));
    expect(s.gil?.holder).toBe(2);
    expect(s.gil?.waiters).toEqual([1]);
    expect(task(s, 'Thread-2').line).toBe(3);
  });

  it('explains a lock wait and a sleep, with the cores idle', () => {
    const s = snapshot(trace, trace.at(0.5));
    expect(task(s, 'Thread-2').waitFor).toBe('Lock b held by Thread-1');
    expect(task(s, 'Thread-1').waitFor).toBe('sleep until 1.01 s');
    expect(s.gil?.holder).toBe(-1);
    expect(s.cores).toEqual([-1, -1]);
  });

  it('lists switches and steps between them', () => {
    expect(trace.switches.length).toBeGreaterThan(2);
    let ph = trace.atPosition(0);
    const times: number[] = [];
    for (let next = trace.nextSwitch(ph); next; next = trace.nextSwitch(ph)) {
      times.push(next.time);
      ph = next;
    }
    expect(times.length).toBe(trace.switches.length);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    let back = 0;
    for (let prev = trace.prevSwitch(ph); prev; prev = trace.prevSwitch(ph)) {
      back += 1;
      ph = prev;
    }
    expect(back).toBe(times.length - 1);
  });

  it('measures GIL wait and utilisation', () => {
    const m = metrics(trace);
    expect(m.cores).toBe(2);
    expect(m.gilWait).toBeGreaterThan(0.002);
    expect(m.utilisation).toBeGreaterThan(0);
    expect(m.utilisation).toBeLessThan(0.05);
    expect(m.switches).toBeGreaterThan(2);
  });
});

describe('Trace: asyncio', () => {
  const trace = traceOf(asyncStream());

  it('shows the loop current task, ready queue and timers', () => {
    const s = snapshot(trace, trace.at(0.0015));
    expect(s.loop).not.toBeNull();
    expect(s.loop?.current).toBe(2);
    expect(s.loop?.ready).toEqual([3]);
    expect(task(s, 'main').waitFor).toBe('gather(fetch-a, fetch-b)');
    expect(task(s, 'fetch-a').kind).toBe(TaskKind.Coroutine);
  });

  it('raises the blocked-loop banner during a synchronous call', () => {
    const s = snapshot(trace, trace.at(0.3));
    expect(s.loop?.stall).toEqual({ task: 3, call: 'time.sleep(0.5)', since: 0.003, until: 0.503 });
    expect(s.loop?.timers).toEqual([{ task: 2, at: 1.002 }]);
    const after = snapshot(trace, trace.at(0.6));
    expect(after.loop?.stall).toBeNull();
    expect(after.ioInFlight).toBe(1);
    expect(task(after, 'fetch-b').io).toBe('GET https://example.com/b');
    expect(task(after, 'fetch-b').waitFor).toBe('GET https://example.com/b');
  });

  it('prints the gathered result at the end', () => {
    const s = snapshot(trace, trace.at(trace.endTime));
    expect(s.prints).toBe(1);
    expect(s.tasks.every((v) => v.state === TaskState.Done)).toBe(true);
    expect(task(s, 'fetch-b').result).toBe("'b'");
  });
});

describe('Trace: ingestion', () => {
  it('gives the same answers however the stream is batched', () => {
    for (const make of [sequentialStream, gilStream, asyncStream]) {
      const whole = traceOf(make(), 1);
      const parts = traceOf(make(), 7);
      for (let t = 0; t <= whole.endTime; t += whole.endTime / 37) {
        expect(snapshot(parts, parts.at(t))).toEqual(snapshot(whole, whole.at(t)));
      }
    }
  });

  it('sorts events that arrive slightly out of time order across cores', () => {
    const b = new StreamBuilder()
      .created(0, 1, 'A')
      .created(0, 2, 'B')
      .running(0, 1, 0)
      .line(0.01, 1, 1)
      .line(0.03, 1, 2)
      .running(0, 2, 1)
      .line(0.02, 2, 5)
      .end(0.04, 1)
      .end(0.04, 2);
    const trace = traceOf(b, 3);
    const times = [...trace.order.data.subarray(0, trace.count)].map((e) => trace.time.data[e]);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const s = snapshot(trace, trace.at(0.025));
    expect(task(s, 'A').line).toBe(1);
    expect(task(s, 'B').line).toBe(5);
    expect(s.cores).toEqual([1, 2]);
  });

  it('registers tasks seen before their TaskCreated and tolerates unknown kinds', () => {
    const b = new StreamBuilder()
      .line(0, 0, 1)
      .ev(0.5, 99 as EventKind, 0)
      .print(1, 0, 'x\n')
      .end(1, 0);
    const trace = traceOf(b);
    expect(trace.tasks.map((t) => t.name)).toEqual(['MainThread']);
    expect(snapshot(trace, trace.at(0.5)).tasks[0].state).toBe(TaskState.Running);
  });

  it('rejects a buffer that is not whole records', () => {
    expect(() => new Trace().ingest(new ArrayBuffer(33))).toThrow(/whole number/);
  });

  it('answers queries on a million events without scanning', () => {
    const b = new StreamBuilder();
    const tasks = 8;
    for (let k = 0; k < tasks; k++) b.created(0, k, `T${k}`);
    const trace = new Trace();
    trace.ingest(b.buffer(), b.strings);
    const chunk = 100_000;
    let t = 0;
    for (let round = 0; round < 10; round++) {
      const part = new StreamBuilder();
      for (const s of b.strings) part.str(s);
      for (let i = 0; i < chunk; i++) {
        t += 1e-5;
        const k = i % tasks;
        if (i % 4 === 0) part.running(t, k, k % 2);
        else if (i % 4 === 3) part.preempted(t, k, k % 2);
        else part.line(t, k, 1 + (i % 30));
      }
      trace.ingest(part.buffer());
    }
    expect(trace.count).toBe(1_000_000 + tasks);
    const started = performance.now();
    let checksum = 0;
    for (let q = 0; q < 1000; q++) {
      const s = snapshot(trace, trace.at((q / 1000) * t));
      checksum += s.tasks[q % tasks].line;
    }
    const perQuery = (performance.now() - started) / 1000;
    expect(checksum).toBeGreaterThan(0);
    expect(perQuery).toBeLessThan(1);
  });
});

describe('Player and PlaybackClock', () => {
  function fake(): { now: () => number; advance: (ms: number) => void } {
    let ms = 0;
    return { now: () => ms, advance: (d) => (ms += d) };
  }

  it('plays at a fixed speed and stops at the end', () => {
    const clock = fake();
    const player = new Player(clock.now);
    player.load(traceOf(sequentialStream()));
    player.setSpeed(2);
    player.play();
    clock.advance(250);
    expect(player.tick()).toBe(true);
    expect(player.playhead.time).toBeCloseTo(0.5);
    clock.advance(1000);
    player.tick();
    expect(player.playhead.time).toBeCloseTo(1.003);
    expect(player.playing).toBe(false);
    expect(player.trace.position(player.playhead)).toBe(player.trace.count);
  });

  it('fits the run into N seconds of wall time', () => {
    const clock = fake();
    const player = new Player(clock.now);
    player.load(traceOf(sequentialStream()));
    player.fit(4);
    player.play();
    clock.advance(2000);
    player.tick();
    expect(player.playhead.time).toBeCloseTo(1.003 / 2);
  });

  it('pauses, seeks and resumes from the seek point', () => {
    const clock = fake();
    const player = new Player(clock.now);
    player.load(traceOf(sequentialStream()));
    player.setSpeed(1);
    player.play();
    clock.advance(100);
    player.tick();
    player.pause();
    clock.advance(5000);
    expect(player.tick()).toBe(false);
    expect(player.playhead.time).toBeCloseTo(0.1);
    player.seek(0.9);
    player.play();
    clock.advance(50);
    player.tick();
    expect(player.playhead.time).toBeCloseTo(0.95);
  });

  it('clamps speeds to 0.1x..100x and waits for a streaming run', () => {
    const clock = fake();
    const player = new Player(clock.now);
    const trace = new Trace();
    const parts = gilStream().batches(2);
    trace.ingest(parts[0].buffer, parts[0].newStrings);
    player.load(trace);
    player.setSpeed(1000);
    expect(player.clock.pace).toEqual({ kind: 'speed', speed: 100 });
    player.setSpeed(0.01);
    expect(player.clock.pace).toEqual({ kind: 'speed', speed: 0.1 });
    player.setSpeed(100);
    player.play();
    clock.advance(1000);
    player.tick();
    expect(player.waiting).toBe(true);
    expect(player.playing).toBe(true);
    trace.ingest(parts[1].buffer, parts[1].newStrings);
    trace.finish({ elapsed: trace.endTime, steps: 0, error: null });
    clock.advance(1000);
    player.tick();
    expect(player.playing).toBe(false);
    expect(player.playhead.time).toBeCloseTo(trace.endTime);
  });

  it('steps by switch and jumps to the ends', () => {
    const player = new Player(() => 0);
    player.load(traceOf(gilStream()));
    expect(player.stepSwitch(1)).toBe(true);
    const first = player.playhead;
    expect(player.stepSwitch(-1)).toBe(false);
    player.toEnd();
    expect(player.playhead.time).toBeCloseTo(1.012);
    player.toStart();
    expect(player.playhead.seq).toBe(-1);
    player.stepSwitch(1);
    expect(player.playhead).toEqual(first);
  });
});

describe('format', () => {
  it('picks readable units', () => {
    expect(formatSeconds(2.5)).toBe('2.50 s');
    expect(formatSeconds(0.25)).toBe('250 ms');
    expect(formatSeconds(1.2e-5)).toBe('12.0 µs');
    expect(formatSeconds(0)).toBe('0 s');
    expect(formatSeconds(125)).toBe('2 min 5.0 s');
    expect(formatSeconds(0.99999)).toBe('1.00 s');
    expect(formatSeconds(0.0009999)).toBe('1.00 ms');
    expect(formatClock(0.0123, clockUnit(0.5))).toBe('12.30 ms');
    expect(formatClock(2.5, clockUnit(3))).toBe('2.500 s');
  });
});
