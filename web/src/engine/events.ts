// The event stream as the engine writes it: 32-byte records, decoded through typed-array
// views over a copied buffer. Mirrors cpp/core/trace/event.h; keep the numbers in sync.

/** EventKind values are stable: append new kinds, never renumber. */
export enum EventKind {
  TaskCreated = 0,
  TaskStart = 1,
  TaskEnd = 2,
  Line = 3,
  Print = 4,
  Sleep = 5,
  Wake = 6,
  Error = 7,
  Cpu = 8,
  Running = 9,
  Preempted = 10,
  GilRequest = 11,
  GilTake = 12,
  GilDrop = 13,
  Blocked = 14,
  IoStart = 15,
  IoEnd = 16,
  LoopIteration = 17,
  LoopBlocked = 18,
  TaskCancelled = 19,
  Idle = 20,
  /** A new process's first thread (after its TaskCreated); value: process id; ref: process name. */
  ProcessStart = 21,
  /** A replayed schedule switched away from task (flags 0 thread, 1 asyncio ready order); value: task run instead; ref: narration. */
  Forced = 22,
}

/** BlockReason is what a Blocked task waits for (the flags of a Blocked record). */
export enum BlockReason {
  Sleep = 0,
  Lock = 1,
  Queue = 2,
  Event = 3,
  Join = 4,
  Io = 5,
  Future = 6,
  Condition = 7,
  Semaphore = 8,
  Barrier = 9,
  Gil = 10,
  Select = 11,
}

export const EVENT_RECORD_BYTES = 32;
export const NO_REF = 0xffffffff;

/** TraceEvent is one decoded record; ref indexes the run's string table (NO_REF if none). */
export interface TraceEvent {
  time: number;
  value: number;
  task: number;
  kind: EventKind;
  flags: number;
  line: number;
  ref: number;
}

/** kindName is a readable name for any kind, including ones this build does not know. */
export function kindName(kind: number): string {
  return EventKind[kind] ?? `Kind${kind}`;
}

/** EventBatch owns a copy of consecutive records and reads fields without allocating. */
export class EventBatch {
  readonly buffer: ArrayBuffer;
  readonly count: number;
  private readonly f64: Float64Array;
  private readonly u32: Uint32Array;
  private readonly u16: Uint16Array;

  constructor(buffer: ArrayBuffer) {
    if (buffer.byteLength % EVENT_RECORD_BYTES !== 0) {
      throw new Error(`event buffer of ${buffer.byteLength} bytes is not a whole number of records`);
    }
    this.buffer = buffer;
    this.count = buffer.byteLength / EVENT_RECORD_BYTES;
    this.f64 = new Float64Array(buffer);
    this.u32 = new Uint32Array(buffer);
    this.u16 = new Uint16Array(buffer);
  }

  /** copyOf copies bytes out of wasm memory; the source view may die at the next wasm call. */
  static copyOf(view: Uint8Array): EventBatch {
    return new EventBatch(view.slice().buffer);
  }

  time(i: number): number {
    return this.f64[i * 4];
  }
  value(i: number): number {
    return this.f64[i * 4 + 1];
  }
  task(i: number): number {
    return this.u32[i * 8 + 4];
  }
  kind(i: number): EventKind {
    return this.u16[i * 16 + 10];
  }
  flags(i: number): number {
    return this.u16[i * 16 + 11];
  }
  line(i: number): number {
    return this.u32[i * 8 + 6];
  }
  ref(i: number): number {
    return this.u32[i * 8 + 7];
  }

  get(i: number): TraceEvent {
    return {
      time: this.time(i),
      value: this.value(i),
      task: this.task(i),
      kind: this.kind(i),
      flags: this.flags(i),
      line: this.line(i),
      ref: this.ref(i),
    };
  }

  toArray(): TraceEvent[] {
    const out: TraceEvent[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.get(i);
    return out;
  }

  *[Symbol.iterator](): IterableIterator<TraceEvent> {
    for (let i = 0; i < this.count; i++) yield this.get(i);
  }
}

/** encodeEvents packs records the way the engine does (for tests and stored traces). */
export function encodeEvents(events: readonly TraceEvent[]): ArrayBuffer {
  const buffer = new ArrayBuffer(events.length * EVENT_RECORD_BYTES);
  const f64 = new Float64Array(buffer);
  const u32 = new Uint32Array(buffer);
  const u16 = new Uint16Array(buffer);
  events.forEach((e, i) => {
    f64[i * 4] = e.time;
    f64[i * 4 + 1] = e.value;
    u32[i * 8 + 4] = e.task;
    u16[i * 16 + 10] = e.kind;
    u16[i * 16 + 11] = e.flags;
    u32[i * 8 + 6] = e.line;
    u32[i * 8 + 7] = e.ref;
  });
  return buffer;
}
