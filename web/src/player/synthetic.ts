// StreamBuilder writes event streams by hand, the way the engine would, for tests and
// benchmarks of the player and the timeline: sequential, threads with the GIL, asyncio.
import { EventKind, NO_REF, encodeEvents, type TraceEvent } from '../engine/events';
import { TaskKind } from './states';

export class StreamBuilder {
  readonly events: TraceEvent[] = [];
  readonly strings: string[] = [];
  private readonly interned = new Map<string, number>();

  str(text: string): number {
    let ref = this.interned.get(text);
    if (ref === undefined) {
      ref = this.strings.length;
      this.strings.push(text);
      this.interned.set(text, ref);
    }
    return ref;
  }

  ev(
    time: number,
    kind: EventKind,
    task: number,
    fields: Partial<Omit<TraceEvent, 'time' | 'kind' | 'task'>> = {},
  ): this {
    this.events.push({
      time,
      kind,
      task,
      value: fields.value ?? 0,
      flags: fields.flags ?? 0,
      line: fields.line ?? 0,
      ref: fields.ref ?? NO_REF,
    });
    return this;
  }

  created(time: number, task: number, name: string, kind: TaskKind = TaskKind.Thread, parent = 0): this {
    return this.ev(time, EventKind.TaskCreated, task, { flags: kind, value: parent, ref: this.str(name) });
  }
  start(time: number, task: number, line = 0): this {
    return this.ev(time, EventKind.TaskStart, task, { line });
  }
  line(time: number, task: number, line: number): this {
    return this.ev(time, EventKind.Line, task, { line });
  }
  print(time: number, task: number, text: string, line = 0): this {
    return this.ev(time, EventKind.Print, task, { ref: this.str(text), line });
  }
  sleep(time: number, task: number, seconds: number, line = 0): this {
    return this.ev(time, EventKind.Sleep, task, { value: seconds, line });
  }
  wake(time: number, task: number): this {
    return this.ev(time, EventKind.Wake, task);
  }
  cpu(time: number, task: number, seconds: number, line = 0): this {
    return this.ev(time, EventKind.Cpu, task, { value: seconds, line });
  }
  end(time: number, task: number, outcome = 0, result = 'None'): this {
    return this.ev(time, EventKind.TaskEnd, task, { flags: outcome, ref: this.str(result) });
  }
  running(time: number, task: number, core: number): this {
    return this.ev(time, EventKind.Running, task, { flags: core });
  }
  preempted(time: number, task: number, core: number): this {
    return this.ev(time, EventKind.Preempted, task, { flags: core });
  }
  gilRequest(time: number, task: number): this {
    return this.ev(time, EventKind.GilRequest, task);
  }
  gilTake(time: number, task: number): this {
    return this.ev(time, EventKind.GilTake, task);
  }
  gilDrop(time: number, task: number, why = 1): this {
    return this.ev(time, EventKind.GilDrop, task, { flags: why });
  }
  blocked(time: number, task: number, reason: number, what: string, deadline = -1, line = 0): this {
    return this.ev(time, EventKind.Blocked, task, { flags: reason, value: deadline, ref: this.str(what), line });
  }
  ioStart(time: number, task: number, id: number, request: string): this {
    return this.ev(time, EventKind.IoStart, task, { value: id, ref: this.str(request) });
  }
  ioEnd(time: number, task: number, id: number, status = '200'): this {
    return this.ev(time, EventKind.IoEnd, task, { value: id, ref: this.str(status) });
  }
  loopIteration(time: number, thread: number, ready: number[]): this {
    return this.ev(time, EventKind.LoopIteration, thread, { value: ready.length, ref: this.str(ready.join(',')) });
  }
  loopBlocked(time: number, task: number, seconds: number, call: string): this {
    return this.ev(time, EventKind.LoopBlocked, task, { value: seconds, ref: this.str(call) });
  }
  cancelled(time: number, task: number, target: number): this {
    return this.ev(time, EventKind.TaskCancelled, task, { value: target });
  }
  processStart(time: number, task: number, process: number, name: string): this {
    return this.ev(time, EventKind.ProcessStart, task, { value: process, ref: this.str(name) });
  }
  idle(time: number, core: number): this {
    return this.ev(time, EventKind.Idle, 0, { flags: core });
  }
  error(time: number, task: number, text: string, line = 0): this {
    return this.ev(time, EventKind.Error, task, { ref: this.str(text), line });
  }

  buffer(): ArrayBuffer {
    return encodeEvents(this.events);
  }

  /** batches splits the stream into `count` buffers, each with the strings first used in it. */
  batches(count: number): { buffer: ArrayBuffer; newStrings: string[] }[] {
    const size = Math.max(1, Math.ceil(this.events.length / count));
    const out: { buffer: ArrayBuffer; newStrings: string[] }[] = [];
    let sent = 0;
    for (let i = 0; i < this.events.length; i += size) {
      const part = this.events.slice(i, i + size);
      const maxRef = part.reduce((m, e) => (e.ref !== NO_REF ? Math.max(m, e.ref) : m), -1);
      const upTo = Math.max(sent, maxRef + 1);
      out.push({ buffer: encodeEvents(part), newStrings: this.strings.slice(sent, upTo) });
      sent = upTo;
    }
    return out;
  }
}

/** sequentialStream: main prints, sleeps 1 s, prints (lines 1-3). */
export function sequentialStream(): StreamBuilder {
  return new StreamBuilder()
    .created(0, 0, 'MainThread', TaskKind.Main, -1)
    .start(0, 0)
    .line(0, 0, 1)
    .print(0.001, 0, 'start\n', 1)
    .line(0.001, 0, 2)
    .sleep(0.002, 0, 1, 2)
    .wake(1.002, 0)
    .line(1.002, 0, 3)
    .print(1.003, 0, 'done\n', 3)
    .end(1.003, 0);
}

/** gilStream: two threads on two cores share the GIL; Thread-2 waits for a lock held by Thread-1. */
export function gilStream(): StreamBuilder {
  const b = new StreamBuilder();
  b.created(0, 0, 'MainThread', TaskKind.Main, -1).start(0, 0).running(0, 0, 0).gilTake(0, 0).line(0, 0, 10);
  b.created(0.001, 1, 'Thread-1', TaskKind.Thread, 0).created(0.001, 2, 'Thread-2', TaskKind.Thread, 0);
  b.line(0.002, 0, 12).blocked(0.002, 0, 4, 'join Thread-1', -1, 12).gilDrop(0.002, 0, 0).preempted(0.002, 0, 0);
  b.running(0.002, 1, 0).gilRequest(0.002, 1).gilTake(0.002, 1).start(0.002, 1).line(0.002, 1, 3);
  b.running(0.002, 2, 1).gilRequest(0.002, 2).line(0.004, 1, 4);
  b.gilDrop(0.005, 1, 1).preempted(0.005, 1, 0).gilRequest(0.005, 1);
  b.gilTake(0.005, 2)
    .start(0.005, 2)
    .line(0.005, 2, 3)
    .blocked(0.006, 2, 1, 'Lock b held by Thread-1', -1, 5)
    .gilDrop(0.006, 2, 0)
    .preempted(0.006, 2, 1);
  b.running(0.006, 1, 0)
    .gilTake(0.006, 1)
    .line(0.006, 1, 5)
    .print(0.007, 1, 'one\n', 5)
    .sleep(0.008, 1, 1, 6)
    .gilDrop(0.008, 1, 0)
    .idle(0.008, 0)
    .idle(0.008, 1);
  b.wake(1.008, 1).running(1.008, 1, 0).gilTake(1.008, 1).line(1.008, 1, 7).end(1.009, 1).gilDrop(1.009, 1, 2);
  b.wake(1.009, 2)
    .running(1.009, 2, 1)
    .gilTake(1.009, 2)
    .line(1.009, 2, 8)
    .print(1.01, 2, 'two\n', 8)
    .end(1.011, 2)
    .gilDrop(1.011, 2, 2);
  b.wake(1.011, 0).running(1.011, 0, 0).gilTake(1.011, 0).line(1.011, 0, 13).end(1.012, 0);
  return b;
}

/** asyncStream: asyncio.run(main()) gathers two coroutines; one blocks the loop with time.sleep. */
export function asyncStream(): StreamBuilder {
  const b = new StreamBuilder();
  b.created(0, 0, 'MainThread', TaskKind.Main, -1).start(0, 0).line(0, 0, 20);
  b.created(0, 1, 'main', TaskKind.Coroutine, 0).loopIteration(0, 0, [1]).start(0, 1).line(0, 1, 14);
  b.created(0.001, 2, 'fetch-a', TaskKind.Coroutine, 1).created(0.001, 3, 'fetch-b', TaskKind.Coroutine, 1);
  b.blocked(0.001, 1, 6, 'gather(fetch-a, fetch-b)', -1, 15);
  b.loopIteration(0.001, 0, [2, 3])
    .start(0.001, 2)
    .line(0.001, 2, 3)
    .blocked(0.002, 2, 0, 'asyncio.sleep(1)', 1.002, 4);
  b.start(0.002, 3)
    .line(0.002, 3, 3)
    .line(0.003, 3, 8)
    .loopBlocked(0.003, 3, 0.5, 'time.sleep(0.5)')
    .sleep(0.003, 3, 0.5, 8);
  b.wake(0.503, 3)
    .line(0.503, 3, 9)
    .blocked(0.504, 3, 5, 'GET https://example.com/b', -1, 9)
    .ioStart(0.504, 3, 1, 'GET https://example.com/b');
  b.loopIteration(0.504, 0, []);
  b.ioEnd(0.754, 3, 1).wake(0.754, 3).loopIteration(0.754, 0, [3]).line(0.754, 3, 10).end(0.755, 3, 0, "'b'");
  b.wake(1.002, 2).loopIteration(1.002, 0, [2]).line(1.002, 2, 5).end(1.003, 2, 0, "'a'");
  b.wake(1.003, 1).loopIteration(1.003, 0, [1]).line(1.003, 1, 16).print(1.004, 1, "['a', 'b']\n", 16).end(1.004, 1);
  b.line(1.004, 0, 21).end(1.005, 0);
  return b;
}

/** poolStream: the main program starts two worker processes; each worker's thread holds its own process's GIL. */
export function poolStream(): StreamBuilder {
  const b = new StreamBuilder();
  b.created(0, 0, 'MainThread', TaskKind.Main, -1).start(0, 0).running(0, 0, 0).gilTake(0, 0).line(0, 0, 7);
  b.created(0.001, 1, 'SpawnPoolWorker-1', TaskKind.Thread, 0).processStart(0.001, 1, 1, 'SpawnPoolWorker-1');
  b.created(0.001, 2, 'SpawnPoolWorker-2', TaskKind.Thread, 0).processStart(0.001, 2, 2, 'SpawnPoolWorker-2');
  b.created(0.001, 3, 'Thread-1', TaskKind.Thread, 0);
  b.blocked(0.002, 0, 4, 'join', -1, 8).gilDrop(0.002, 0, 0).preempted(0.002, 0, 0);
  b.running(0.002, 1, 0).gilTake(0.002, 1).start(0.002, 1).cpu(0.002, 1, 0.2, 4);
  b.running(0.002, 2, 1).gilTake(0.002, 2).start(0.002, 2).cpu(0.002, 2, 0.2, 4);
  b.end(0.202, 1).gilDrop(0.202, 1, 2).end(0.202, 2).gilDrop(0.202, 2, 2).idle(0.202, 1);
  b.wake(0.202, 0).running(0.202, 0, 0).gilTake(0.202, 0).start(0.203, 3).end(0.204, 3).end(0.205, 0);
  return b;
}

/**
 * busyStream writes `count` events of `tasks` threads switching on `cores` cores straight
 * into a buffer (no objects), for benchmarks and tests of a million-event timeline.
 */
export function busyStream(count: number, tasks = 8, cores = 2): { buffer: ArrayBuffer; strings: string[] } {
  const strings = Array.from({ length: tasks }, (_, k) => `worker-${k}`);
  const buffer = new ArrayBuffer(count * 32);
  const f = new Float64Array(buffer);
  const w = new Uint32Array(buffer);
  const s = new Uint16Array(buffer);
  const put = (
    i: number,
    time: number,
    kind: EventKind,
    task: number,
    flags: number,
    line: number,
    ref: number,
    value = 0,
  ) => {
    f[i * 4] = time;
    f[i * 4 + 1] = value;
    w[i * 8 + 4] = task;
    s[i * 16 + 10] = kind;
    s[i * 16 + 11] = flags;
    w[i * 8 + 6] = line;
    w[i * 8 + 7] = ref;
  };
  let i = 0;
  for (; i < Math.min(tasks, count); i++) put(i, 0, EventKind.TaskCreated, i, TaskKind.Thread, 0, i);
  let t = 0;
  let turn = 0;
  while (i < count) {
    const task = turn % tasks;
    const core = turn % cores;
    t += 1e-6;
    put(i++, t, EventKind.Running, task, core, 0, NO_REF);
    for (let k = 0; k < 6 && i < count - 1; k++) {
      t += 2e-7;
      put(i++, t, EventKind.Line, task, 0, 1 + ((turn + k) % 40), NO_REF);
    }
    if (i < count) {
      t += 1e-7;
      if (turn % 17 === 0) put(i++, t, EventKind.Sleep, task, 0, 3, NO_REF, 2e-5);
      else put(i++, t, EventKind.Preempted, task, core, 0, NO_REF);
    }
    turn += 1;
  }
  return { buffer, strings };
}
