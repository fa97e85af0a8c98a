// EngineSession drives one engine worker for the page: it starts runs and explorations, checks every
// message at the boundary (shape, run id, sequence number), cancels cooperatively and
// terminates the worker when a cancel is not honoured in time. A worker that crashes,
// reports a failed run or stops answering during a run (the watchdog) is replaced: the run
// ends with onFailed and a new worker is made and warmed up at once, so the next Run does
// not wait for the wasm to compile.
import {
  type EngineOptions,
  type ExploreListener,
  type ExploreOptions,
  type RunLimits,
  type RunListener,
  type WorkerMessage,
  type WorkerRequest,
  validateWorkerMessage,
} from './protocol';

const CANCEL_GRACE_MS = 400;

// IGNORE_RUN is the run listener of an exploration: its replies go to the ExploreListener.
const IGNORE_RUN: RunListener = {
  onEvents: () => undefined,
  onProgress: () => undefined,
  onDone: () => undefined,
  onFailed: () => undefined,
};
/** WATCHDOG_MS: a worker sends progress every 30 ms while it runs (every 500 ms at most while it explores, every second while it loads), so this long a silence means it hangs or died. */
export const WATCHDOG_MS = 5000;
/** SLICE_MS bounds the page's work per task on a run's messages, so a flood of events never blocks it. */
const SLICE_MS = 8;
/**
 * CHUNK_RECORDS splits event buffers: one onEvents call ingests at most 1024 records, which takes
 * 2-10 ms (a busy run's records open several lanes' segments each), so one call stays well
 * inside a frame even when the machine is loaded.
 */
export const CHUNK_RECORDS = 1024;
const CHUNK_BYTES = CHUNK_RECORDS * 32;

interface ActiveRun {
  id: number;
  /** listener is a run's; explorer is set instead for an exploration. */
  listener: RunListener;
  explorer: ExploreListener | null;
  nextSeq: number;
  killTimer: number;
  watchdog: number;
}

export class EngineSession {
  private worker: Worker | null = null;
  private active: ActiveRun | null = null;
  private lastId = 0;
  // queue holds the listener calls of the current run in order; pump makes them SLICE_MS at a time.
  private queue: (() => void)[] = [];
  private head = 0;
  private pumpTimer = 0;
  // dropping is set by Stop: events still queued are dropped, so Stop answers at once when the page is behind.
  private dropping = false;
  /** ready is true once the worker has loaded the engine. */
  ready = false;
  onWarmFailed: ((message: string) => void) | null = null;

  constructor(private readonly create: () => Worker) {}

  get busy(): boolean {
    return this.active !== null;
  }

  /** warm starts the worker and compiles the engine ahead of the first run. */
  warm(): void {
    this.post({ type: 'warm' });
  }

  /** start runs a program; a run in progress is abandoned (its listener hears nothing more). */
  start(source: string, options: EngineOptions, listener: RunListener, limits: RunLimits): number {
    if (this.active) this.abandon();
    this.clearQueue();
    this.dropping = false;
    const id = ++this.lastId;
    const run: ActiveRun = { id, listener, explorer: null, nextSeq: 0, killTimer: 0, watchdog: 0 };
    this.active = run;
    this.post({
      type: 'run',
      id,
      source,
      options,
      maxEvents: limits.maxEvents,
      output: limits.output,
      stepsPerAdvance: limits.stepsPerAdvance,
      firstSteps: limits.firstSteps,
    });
    this.watch(run);
    return id;
  }

  /** explore searches the program's schedules for a bug; like start, it abandons what was running. Stop cancels it. */
  explore(source: string, options: EngineOptions, explore: ExploreOptions, listener: ExploreListener): number {
    if (this.active) this.abandon();
    this.clearQueue();
    this.dropping = false;
    const id = ++this.lastId;
    const run: ActiveRun = { id, listener: IGNORE_RUN, explorer: listener, nextSeq: 0, killTimer: 0, watchdog: 0 };
    this.active = run;
    this.post({ type: 'explore', id, source, options, explore });
    this.watch(run);
    return id;
  }

  /** fault asks the worker to crash or hang (tests of the recovery). */
  fault(kind: 'crash' | 'hang'): void {
    this.worker?.postMessage({ type: 'fault', kind } satisfies WorkerRequest);
  }

  /** stop asks the run to end; if the worker does not answer in time it is terminated. */
  stop(): void {
    this.dropping = true;
    const run = this.active;
    if (!run || run.killTimer) return;
    this.post({ type: 'cancel', id: run.id });
    run.killTimer = setTimeout(() => {
      if (this.active !== run) return;
      this.finish(run);
      this.restart();
      this.enqueue(() =>
        run.explorer ? run.explorer.onDone(null, 'cancelled') : run.listener.onDone(null, 'cancelled'),
      );
    }, CANCEL_GRACE_MS);
  }

  dispose(): void {
    if (this.active) this.finish(this.active);
    this.clearQueue();
    this.worker?.terminate();
    this.worker = null;
  }

  private abandon(): void {
    const run = this.active;
    if (!run) return;
    this.finish(run);
    this.post({ type: 'cancel', id: run.id });
  }

  private restart(): void {
    this.worker?.terminate();
    this.worker = null;
    this.ready = false;
    this.warm();
  }

  private post(request: WorkerRequest): void {
    if (!this.worker) {
      const worker = this.create();
      worker.onmessage = (e: MessageEvent<unknown>) => this.receive(e.data);
      worker.onerror = (e) => {
        e.preventDefault();
        this.fail(`the engine crashed (${e.message || 'an error in its worker'})`);
      };
      worker.onmessageerror = () => this.fail('the engine crashed (a message from it could not be read)');
      this.worker = worker;
    }
    this.worker.postMessage(request);
  }

  private receive(data: unknown): void {
    const message = validateWorkerMessage(data);
    if (typeof message === 'string') {
      this.fail(`the engine sent a malformed message (${message})`);
      return;
    }
    if (message.type === 'ready') {
      this.ready = true;
      return;
    }
    if (message.type === 'failed' && message.id === 0) {
      this.onWarmFailed?.(message.message);
      return;
    }
    const run = this.active;
    if (!run || message.id !== run.id) return;
    if (message.seq !== run.nextSeq) {
      this.fail(`engine messages arrived out of order (expected #${run.nextSeq}, got #${message.seq})`);
      return;
    }
    run.nextSeq += 1;
    this.watch(run);
    this.dispatch(run, message);
  }

  // dispatch queues the listener calls of a message; big event buffers become several calls.
  private dispatch(run: ActiveRun, message: WorkerMessage): void {
    const listener = run.listener;
    const explorer = run.explorer;
    if (explorer) {
      if (message.type === 'exploreProgress') this.enqueue(() => explorer.onProgress(message.progress));
      else if (message.type === 'exploreDone') {
        this.finish(run);
        this.enqueue(() => explorer.onDone(message.report, message.stopped));
      } else if (message.type === 'failed') this.fail(message.message);
      else if (message.type === 'done') this.fail('the engine answered an exploration with a run');
      // An engine that explores with ordinary runs may also send their output, events and progress: they are not shown.
      return;
    }
    switch (message.type) {
      case 'events': {
        let strings = message.newStrings;
        for (const buffer of message.buffers) {
          for (let at = 0; at < buffer.byteLength; at += CHUNK_BYTES) {
            const added = strings;
            strings = [];
            this.enqueue(
              () =>
                this.dropping ||
                listener.onEvents(
                  [buffer.byteLength <= CHUNK_BYTES ? buffer : buffer.slice(at, at + CHUNK_BYTES)],
                  added,
                ),
            );
          }
        }
        break;
      }
      case 'progress':
        this.enqueue(() => listener.onProgress(message.progress));
        break;
      case 'done':
        this.finish(run);
        this.enqueue(() => listener.onDone(message.result, message.stopped));
        break;
      case 'failed':
        // The module may be broken (an abort leaves it so): the run ends and the worker is replaced.
        this.fail(message.message);
        break;
      default:
        break;
    }
  }

  // watch (re)arms the run's watchdog: silence for WATCHDOG_MS ends the run and replaces the worker.
  private watch(run: ActiveRun): void {
    clearTimeout(run.watchdog);
    run.watchdog = setTimeout(() => {
      if (this.active === run) this.fail(`the engine stopped answering (no word from it for ${WATCHDOG_MS / 1000} s)`);
    }, WATCHDOG_MS);
  }

  private finish(run: ActiveRun): void {
    clearTimeout(run.killTimer);
    clearTimeout(run.watchdog);
    if (this.active === run) this.active = null;
  }

  private fail(reason: string): void {
    const run = this.active;
    if (run) this.finish(run);
    this.restart();
    if (run) this.enqueue(() => (run.explorer ? run.explorer.onFailed(reason) : run.listener.onFailed(reason)));
  }

  // enqueue adds a listener call and starts the pump unless it is waiting for its next task.
  private enqueue(call: () => void): void {
    this.queue.push(call);
    if (!this.pumpTimer) this.pumpTimer = setTimeout(() => this.pump(), 0);
  }

  // pump makes queued calls until SLICE_MS have passed, then yields to the page and carries on.
  private pump(): void {
    this.pumpTimer = -1;
    const end = performance.now() + SLICE_MS;
    try {
      while (this.head < this.queue.length && performance.now() < end) this.queue[this.head++]();
    } finally {
      if (this.head < this.queue.length) this.pumpTimer = setTimeout(() => this.pump(), 0);
      else this.clearQueue();
    }
  }

  private clearQueue(): void {
    clearTimeout(this.pumpTimer);
    this.pumpTimer = 0;
    this.queue = [];
    this.head = 0;
  }
}
