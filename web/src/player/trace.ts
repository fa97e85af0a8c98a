// Trace: a run's events, ingested batch by batch, indexed so any instant can be rebuilt
// exactly. Events are kept in emission order (columns) plus a permutation sorted by
// (time, emission index); each task, core, the GIL and the event loop get a SegmentList
// lane folded from the events as they arrive. See docs/EVENTS.md for the fold rules.
import { EVENT_RECORD_BYTES, EventKind, NO_REF } from '../engine/events';
import { type Column, f64, u16, u32 } from './growable';
import { SegmentList } from './segments';
import { Bucket, ReadyFor, TaskKind, TaskState, bucketOf } from './states';

/** Playhead is a position in the run: every event up to emission index seq is applied, the clock reads time. */
export interface Playhead {
  readonly time: number;
  /** seq is the emission index of the last applied event, -1 when none is. */
  readonly seq: number;
}

/** MACHINERY_FLAGS are TaskCreated's flags for a coroutine task of the event loop's own. */
const MACHINERY_FLAGS = 3;

/** Resource lanes (cores, GIL, loop) use these states. */
export const Resource = { Idle: 0, Busy: 1, Stalled: 2 } as const;

/** Switch resources: where a change of running task happened. */
export const SwitchOn = { Cpu: 0, Gil: 1, Loop: 2 } as const;

/** TaskRecord is what the trace knows about one task for the whole run. */
export class TaskRecord {
  name: string;
  kind: TaskKind = TaskKind.Thread;
  /** machinery marks the event loop's own coroutine tasks (asyncio.run's shutdown: TaskCreated flags 3), which the views hide. */
  machinery = false;
  parent = -1;
  /** created is the time of TaskCreated (or the first event seen), -1 before any. */
  created = -1;
  readonly lane = new SegmentList();
  /** lines holds emission indices of this task's events that carry a source line. */
  readonly lines: Column<Uint32Array> = u32();
  core = -1;
  /** process is the simulated process the task runs in: 0 is the main program's (multiprocessing). */
  process = 0;
  constructor(
    readonly id: number,
    /** index is the task's rank in order of appearance; it picks the task's colour. */
    readonly index: number,
  ) {
    this.name = id === 0 ? 'MainThread' : `Task-${id}`;
  }

  get state(): TaskState {
    const n = this.lane.count;
    return n === 0 ? TaskState.Unborn : (this.lane.state.data[n - 1] as TaskState);
  }
}

export interface RunSummary {
  elapsed: number;
  steps: number;
  error: { type: string; message: string; line: number; traceback: string } | null;
}

export class Trace {
  readonly strings: string[] = [];
  readonly time: Column<Float64Array> = f64(1024);
  readonly value: Column<Float64Array> = f64(1024);
  readonly task: Column<Uint32Array> = u32(1024);
  readonly kind: Column<Uint16Array> = u16(1024);
  readonly flags: Column<Uint16Array> = u16(1024);
  readonly line: Column<Uint32Array> = u32(1024);
  readonly ref: Column<Uint32Array> = u32(1024);
  /** order lists emission indices sorted by (time, emission index). */
  readonly order: Column<Uint32Array> = u32(1024);
  readonly prints: Column<Uint32Array> = u32();
  readonly switches: Column<Uint32Array> = u32();
  readonly switchOn: Column<Uint16Array> = u16();
  readonly errors: Column<Uint32Array> = u32();
  readonly iterations: Column<Uint32Array> = u32();
  readonly cancels: Column<Uint32Array> = u32();
  /** forced lists the emission indices of Forced events (runs replaying an explorer's schedule). */
  readonly forced: Column<Uint32Array> = u32();
  /** io lists IoStart emission indices; ioEnd holds each request's end time (Infinity while open). */
  readonly io: Column<Uint32Array> = u32();
  readonly ioEnd: Column<Float64Array> = f64();
  readonly tasks: TaskRecord[] = [];
  readonly cores: SegmentList[] = [];
  gil: SegmentList | null = null;
  /** processGils holds the GIL lane of each child process (the main program's is `gil`). */
  readonly processGils = new Map<number, SegmentList>();
  /** processNames names each process by id (0 is MainProcess). */
  readonly processNames = new Map<number, string>([[0, 'MainProcess']]);
  loop: SegmentList | null = null;
  /** loopStalls holds the stretches when a synchronous call blocked the event loop. */
  loopStalls: SegmentList | null = null;
  loopThread = -1;
  endTime = 0;
  /** version grows with every ingest, so views can tell when to redraw. */
  version = 0;
  complete = false;
  summary: RunSummary | null = null;

  private readonly byId = new Map<number, TaskRecord>();
  private readonly ioById = new Map<number, number>();
  private readonly lastRunner = new Map<string, number>();
  private gilHolder = -1;

  get count(): number {
    return this.time.length;
  }

  taskById(id: number): TaskRecord | undefined {
    return this.byId.get(id);
  }

  /** text reads a string-table entry, '' for NO_REF. */
  text(ref: number): string {
    return ref === NO_REF ? '' : (this.strings[ref] ?? '');
  }

  /** ingest appends one batch of 32-byte records and the string-table entries new with it. */
  ingest(buffer: ArrayBuffer, newStrings: readonly string[] = []): void {
    for (const s of newStrings) this.strings.push(s);
    if (buffer.byteLength % EVENT_RECORD_BYTES !== 0) {
      throw new Error(`event buffer of ${buffer.byteLength} bytes is not a whole number of records`);
    }
    const n = buffer.byteLength / EVENT_RECORD_BYTES;
    const f = new Float64Array(buffer);
    const w = new Uint32Array(buffer);
    const h = new Uint16Array(buffer);
    const columns = [this.time, this.value, this.task, this.kind, this.flags, this.line, this.ref];
    for (const column of columns) column.reserve(n);
    this.order.reserve(n);
    // The columns are filled through locals: one typed-array kind per store keeps each store fast.
    const start = this.count;
    const time = this.time.data;
    const value = this.value.data;
    const task = this.task.data;
    const kind = this.kind.data;
    const flags = this.flags.data;
    const line = this.line.data;
    const ref = this.ref.data;
    for (let i = 0; i < n; i++) {
      const e = start + i;
      time[e] = f[i * 4];
      value[e] = f[i * 4 + 1];
      task[e] = w[i * 8 + 4];
      kind[e] = h[i * 16 + 10];
      flags[e] = h[i * 16 + 11];
      line[e] = w[i * 8 + 6];
      ref[e] = w[i * 8 + 7];
    }
    for (const column of columns) column.length = start + n;
    for (let e = start; e < start + n; e++) {
      this.insertSorted(this.order, e);
      this.apply(e);
    }
    // One column grows ahead of need per batch, so no single batch pays for doubling all of them.
    columns.push(this.order);
    const full = columns.find((c) => c.length * 4 > c.data.length * 3);
    full?.reserve(full.data.length - full.length + 1);
    this.version += 1;
  }

  /** finish records the run's result; the trace is complete from then on. */
  finish(summary: RunSummary): void {
    this.summary = summary;
    this.complete = true;
    if (Number.isFinite(summary.elapsed)) this.endTime = Math.max(this.endTime, summary.elapsed);
    this.version += 1;
  }

  /** before tells whether event a sorts before the key (time, seq). */
  keyBefore(a: number, time: number, seq: number): boolean {
    const t = this.time.data[a];
    return t < time || (t === time && a < seq);
  }

  /** at is the playhead at `time`: every event with time <= it is applied. */
  at(time: number): Playhead {
    const pos = this.upperBoundTime(this.order, time);
    return { time, seq: pos === 0 ? -1 : this.order.data[pos - 1] };
  }

  /** atPosition is the playhead right after the pos-th event in time order (0: before all). */
  atPosition(pos: number): Playhead {
    const p = Math.max(0, Math.min(pos, this.count));
    if (p === 0) return { time: 0, seq: -1 };
    const seq = this.order.data[p - 1];
    return { time: this.time.data[seq], seq };
  }

  /** position is how many events (in time order) the playhead has applied. */
  position(ph: Playhead): number {
    if (ph.seq < 0) return 0;
    return this.lowerBoundKey(this.order, this.time.data[ph.seq], ph.seq) + 1;
  }

  nextEvent(ph: Playhead): Playhead {
    const pos = this.position(ph);
    return pos < this.count ? this.atPosition(pos + 1) : ph;
  }

  prevEvent(ph: Playhead): Playhead {
    const pos = this.position(ph);
    if (ph.seq >= 0 && ph.time > this.time.data[ph.seq]) return this.atPosition(pos);
    return pos > 0 ? this.atPosition(pos - 1) : { time: 0, seq: -1 };
  }

  /** nextSwitch is the playhead at the next change of running task, or null. */
  nextSwitch(ph: Playhead): Playhead | null {
    const i = ph.seq < 0 ? 0 : this.upperBoundKey(this.switches, this.time.data[ph.seq], ph.seq);
    for (let k = i; k < this.switches.length; k++) {
      const e = this.switches.data[k];
      if (this.time.data[e] > ph.time || (this.time.data[e] === ph.time && e > ph.seq))
        return { time: this.time.data[e], seq: e };
    }
    return null;
  }

  prevSwitch(ph: Playhead): Playhead | null {
    if (ph.seq < 0) return null;
    let k = this.upperBoundKey(this.switches, this.time.data[ph.seq], ph.seq) - 1;
    if (k >= 0 && this.switches.data[k] === ph.seq && ph.time <= this.time.data[ph.seq]) k -= 1;
    if (k < 0) return null;
    const e = this.switches.data[k];
    return { time: this.time.data[e], seq: e };
  }

  /** printCount is how many Print events the playhead has applied. */
  printCount(ph: Playhead): number {
    return ph.seq < 0 ? 0 : this.upperBoundKey(this.prints, this.time.data[ph.seq], ph.seq);
  }

  /** lineOf is the task's current source line at the playhead (0 if none yet). */
  lineOf(task: TaskRecord, ph: Playhead): number {
    if (ph.seq < 0) return 0;
    const k = this.upperBoundKey(task.lines, this.time.data[ph.seq], ph.seq);
    return k === 0 ? 0 : this.line.data[task.lines.data[k - 1]];
  }

  // apply folds event e into the lanes (events of one task arrive in time order).
  private apply(e: number): void {
    const kind = this.kind.data[e];
    const t = this.time.data[e];
    const id = this.task.data[e];
    if (t > this.endTime) this.endTime = t;
    const rec = kind === EventKind.Idle || kind === EventKind.LoopIteration ? this.byId.get(id) : this.taskFor(id, t);
    if (rec && this.line.data[e] > 0) rec.lines.push(e);
    const flags = this.flags.data[e];
    const value = this.value.data[e];
    const ref = this.ref.data[e];
    switch (kind) {
      case EventKind.TaskCreated:
        if (rec) {
          if (ref !== NO_REF) rec.name = this.text(ref);
          rec.kind = (
            flags === MACHINERY_FLAGS ? TaskKind.Coroutine : flags <= 2 ? flags : TaskKind.Thread
          ) as TaskKind;
          rec.machinery = flags === MACHINERY_FLAGS;
          rec.parent = value;
          rec.process = this.byId.get(value)?.process ?? 0;
          rec.created = t;
          this.setState(rec, e, t, TaskState.Ready, ReadyFor.Start, NO_REF, -1);
        }
        break;
      case EventKind.Forced:
        this.forced.push(e);
        break;
      case EventKind.ProcessStart:
        if (rec) {
          rec.process = value;
          if (ref !== NO_REF) this.processNames.set(value, this.text(ref));
        }
        break;
      case EventKind.TaskStart:
        if (rec) this.setState(rec, e, t, TaskState.Running, rec.core, NO_REF, -1);
        break;
      case EventKind.Running:
        if (rec) {
          this.placeOnCore(rec, flags, e, t);
          this.setState(rec, e, t, TaskState.Running, flags, NO_REF, -1);
        }
        break;
      case EventKind.Preempted:
        if (rec) {
          this.leaveCore(rec, e, t);
          if (rec.state === TaskState.Running) this.setState(rec, e, t, TaskState.Ready, ReadyFor.Core, NO_REF, -1);
        }
        break;
      case EventKind.GilRequest:
        if (rec) this.setState(rec, e, t, TaskState.Ready, ReadyFor.Gil, NO_REF, -1);
        break;
      case EventKind.GilTake:
        if (rec) {
          this.takeGil(rec, e, t);
          this.setState(rec, e, t, TaskState.Running, rec.core, NO_REF, -1);
        }
        break;
      case EventKind.GilDrop:
        if (rec) this.dropGil(rec, e, t);
        break;
      case EventKind.Sleep:
        if (rec) {
          this.leaveCore(rec, e, t);
          this.setState(rec, e, t, TaskState.Waiting, 0, NO_REF, t + value);
        }
        break;
      case EventKind.Blocked:
        if (rec) {
          this.leaveCore(rec, e, t);
          this.setState(rec, e, t, TaskState.Waiting, flags, ref, value);
        }
        break;
      case EventKind.Wake:
        if (rec) this.setState(rec, e, t, TaskState.Ready, ReadyFor.Wake, NO_REF, -1);
        break;
      case EventKind.TaskEnd:
        if (rec) {
          this.dropGil(rec, e, t);
          this.leaveCore(rec, e, t);
          this.setState(rec, e, t, TaskState.Done, flags, ref, -1);
        }
        break;
      case EventKind.Cpu:
        if (rec) {
          this.ensureRunning(rec, e, t);
          rec.lane.open(t, e, TaskState.Running, Bucket.Running, rec.id, rec.core, NO_REF, t + value);
        }
        break;
      case EventKind.Line:
        if (rec) this.ensureRunning(rec, e, t);
        break;
      case EventKind.Print:
        if (rec) this.ensureRunning(rec, e, t);
        this.insertSorted(this.prints, e);
        break;
      case EventKind.Error:
        this.errors.push(e);
        break;
      case EventKind.IoStart:
        this.ioById.set(value, this.io.length);
        this.io.push(e);
        this.ioEnd.push(Infinity);
        break;
      case EventKind.IoEnd: {
        const k = this.ioById.get(value);
        if (k !== undefined) this.ioEnd.data[k] = t;
        break;
      }
      case EventKind.LoopIteration:
        this.loopThread = id;
        this.iterations.push(e);
        this.loopLane();
        break;
      case EventKind.LoopBlocked: {
        this.loopLane();
        const stalls = (this.loopStalls ??= new SegmentList());
        stalls.open(t, e, Resource.Stalled, Bucket.Waiting, id, 0, ref, t + value);
        stalls.close(t + value);
        if (t + value > this.endTime) this.endTime = t + value;
        break;
      }
      case EventKind.TaskCancelled:
        this.cancels.push(e);
        break;
      case EventKind.Idle: {
        const lane = this.coreLane(flags);
        const n = lane.count;
        const owner =
          n > 0 && lane.state.data[n - 1] === Resource.Busy ? this.byId.get(lane.task.data[n - 1]) : undefined;
        if (owner && owner.core === flags) owner.core = -1;
        lane.open(t, e, Resource.Idle, Bucket.None, NO_REF, -1, NO_REF, -1);
        break;
      }
      default:
        break;
    }
  }

  private taskFor(id: number, t: number): TaskRecord {
    let rec = this.byId.get(id);
    if (!rec) {
      rec = new TaskRecord(id, this.tasks.length);
      if (id === 0) rec.kind = TaskKind.Main;
      rec.created = t;
      this.byId.set(id, rec);
      this.tasks.push(rec);
    }
    return rec;
  }

  // ensureRunning makes a task that executes code running, for streams that omit a Wake.
  private ensureRunning(rec: TaskRecord, e: number, t: number): void {
    const lane = rec.lane;
    const n = lane.count;
    const state = rec.state;
    if (state === TaskState.Running) return;
    let at = t;
    if (state === TaskState.Waiting && lane.detail.data[n - 1] === 0) {
      const until = lane.until.data[n - 1];
      if (until >= lane.start.data[n - 1] && until < t) at = until;
    }
    this.setState(rec, e, at, TaskState.Running, rec.core, NO_REF, -1);
  }

  private setState(
    rec: TaskRecord,
    e: number,
    t: number,
    state: TaskState,
    detail: number,
    ref: number,
    until: number,
  ): void {
    const lane = rec.lane;
    const n = lane.count;
    const prev = rec.state;
    const prevDetail = n > 0 ? lane.detail.data[n - 1] : -2;
    if (
      n > 0 &&
      prev === state &&
      lane.detail.data[n - 1] === detail &&
      lane.ref.data[n - 1] === ref &&
      lane.until.data[n - 1] === until
    ) {
      return;
    }
    if (prev === TaskState.Running && state !== TaskState.Running && rec.kind === TaskKind.Coroutine && this.loop) {
      this.closeResource(this.loop, rec.id, e, t);
    }
    lane.open(t, e, state, bucketOf(state), rec.id, detail, ref, until);
    if (state === TaskState.Running && (prev !== TaskState.Running || prevDetail !== detail))
      this.enterRunning(rec, e, t);
  }

  private enterRunning(rec: TaskRecord, e: number, t: number): void {
    if (rec.kind === TaskKind.Coroutine) {
      this.openResource(this.loopLane(), rec.id, e, t);
      this.noteSwitch('loop', SwitchOn.Loop, rec.id, e);
    } else {
      this.noteSwitch(rec.core >= 0 ? `core ${rec.core}` : 'cpu', SwitchOn.Cpu, rec.id, e);
    }
  }

  // placeOnCore records a Running event: the task occupies `core` until it leaves it.
  private placeOnCore(rec: TaskRecord, core: number, e: number, t: number): void {
    if (rec.core === core) return;
    this.leaveCore(rec, e, t);
    rec.core = core;
    this.openResource(this.coreLane(core), rec.id, e, t);
  }

  private leaveCore(rec: TaskRecord, e: number, t: number): void {
    if (rec.core >= 0 && rec.core < this.cores.length) this.closeResource(this.cores[rec.core], rec.id, e, t);
    rec.core = -1;
  }

  private takeGil(rec: TaskRecord, e: number, t: number): void {
    if (rec.process !== 0) {
      this.processGil(rec.process).open(t, e, Resource.Busy, Bucket.Running, rec.id, -1, NO_REF, -1);
      return;
    }
    this.gil ??= new SegmentList();
    this.gilHolder = rec.id;
    this.gil.open(t, e, Resource.Busy, Bucket.Running, rec.id, -1, NO_REF, -1);
    this.noteSwitch('gil', SwitchOn.Gil, rec.id, e);
  }

  // processGil is the GIL lane of a child process, made on its first use.
  private processGil(process: number): SegmentList {
    let lane = this.processGils.get(process);
    if (!lane) {
      lane = new SegmentList();
      this.processGils.set(process, lane);
    }
    return lane;
  }

  private dropGil(rec: TaskRecord, e: number, t: number): void {
    if (rec.process !== 0) {
      const lane = this.processGils.get(rec.process);
      if (lane) this.closeResource(lane, rec.id, e, t);
      return;
    }
    if (!this.gil || this.gilHolder !== rec.id) return;
    this.gilHolder = -1;
    this.gil.open(t, e, Resource.Idle, Bucket.None, NO_REF, -1, NO_REF, -1);
  }

  private openResource(lane: SegmentList, task: number, e: number, t: number): void {
    lane.open(t, e, Resource.Busy, Bucket.Running, task, -1, NO_REF, -1);
  }

  // closeResource marks a resource idle, unless another task took it over meanwhile.
  private closeResource(lane: SegmentList, task: number, e: number, t: number): void {
    const n = lane.count;
    if (n === 0 || lane.task.data[n - 1] !== task || lane.state.data[n - 1] !== Resource.Busy) return;
    lane.open(t, e, Resource.Idle, Bucket.None, NO_REF, -1, NO_REF, -1);
  }

  private noteSwitch(resource: string, on: number, task: number, e: number): void {
    const last = this.lastRunner.get(resource);
    this.lastRunner.set(resource, task);
    if (last === undefined || last === task) return;
    const at = this.insertSorted(this.switches, e);
    this.switchOn.insert(at, on);
  }

  private coreLane(core: number): SegmentList {
    while (this.cores.length <= core) this.cores.push(new SegmentList());
    return this.cores[core];
  }

  private loopLane(): SegmentList {
    return (this.loop ??= new SegmentList());
  }

  // insertSorted adds event e (the newest by emission) to a list sorted by key; returns its index.
  private insertSorted(list: Column<Uint32Array>, e: number): number {
    const n = list.length;
    if (n === 0 || this.time.data[list.data[n - 1]] <= this.time.data[e]) {
      list.push(e);
      return n;
    }
    const at = this.upperBoundTime(list, this.time.data[e]);
    list.insert(at, e);
    return at;
  }

  // upperBoundTime is the first index in list whose event time is > time.
  private upperBoundTime(list: Column<Uint32Array>, time: number): number {
    const ids = list.data;
    const times = this.time.data;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (times[ids[mid]] <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // upperBoundKey is the first index in list whose event sorts after (time, seq).
  private upperBoundKey(list: Column<Uint32Array>, time: number, seq: number): number {
    const ids = list.data;
    const times = this.time.data;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const e = ids[mid];
      if (times[e] < time || (times[e] === time && e <= seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private lowerBoundKey(list: Column<Uint32Array>, time: number, seq: number): number {
    return this.upperBoundKey(list, time, seq - 1);
  }
}
