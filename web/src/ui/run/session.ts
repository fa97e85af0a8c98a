// EngineSession drives one engine worker for the page: it starts runs, checks every
// message at the boundary (shape, run id, sequence number), cancels cooperatively and
// terminates the worker when a cancel is not honoured in time. A new worker is made on
// demand and warmed up at once, so the next Run does not wait for the wasm to compile.
import type { RunResult } from '../../engine/client';
import {
  type EngineOptions,
  type RunProgress,
  type StopReason,
  type WorkerMessage,
  type WorkerRequest,
  validateWorkerMessage,
} from '../../engine/protocol';
import type { Disposable } from '../dom';

export interface RunListener {
  onEvents(buffers: ArrayBuffer[], newStrings: string[]): void;
  onProgress(progress: RunProgress): void;
  /** onDone ends the run; result is null when the worker had to be terminated. */
  onDone(result: RunResult | null, stopped: StopReason | null): void;
  onFailed(message: string): void;
}

export interface RunLimits {
  maxEvents: number;
  stepsPerAdvance?: number;
  firstSteps?: number;
}

const CANCEL_GRACE_MS = 400;

interface ActiveRun {
  id: number;
  listener: RunListener;
  nextSeq: number;
  killTimer: number;
}

export class EngineSession implements Disposable {
  private worker: Worker | null = null;
  private active: ActiveRun | null = null;
  private lastId = 0;
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
    const id = ++this.lastId;
    this.active = { id, listener, nextSeq: 0, killTimer: 0 };
    this.post({ type: 'run', id, source, options, maxEvents: limits.maxEvents, stepsPerAdvance: limits.stepsPerAdvance, firstSteps: limits.firstSteps });
    return id;
  }

  /** stop asks the run to end; if the worker does not answer in time it is terminated. */
  stop(): void {
    const run = this.active;
    if (!run || run.killTimer) return;
    this.post({ type: 'cancel', id: run.id });
    run.killTimer = setTimeout(() => {
      if (this.active !== run) return;
      this.active = null;
      this.restart();
      run.listener.onDone(null, 'cancelled');
    }, CANCEL_GRACE_MS);
  }

  dispose(): void {
    if (this.active?.killTimer) clearTimeout(this.active.killTimer);
    this.active = null;
    this.worker?.terminate();
    this.worker = null;
  }

  private abandon(): void {
    const run = this.active;
    if (!run) return;
    if (run.killTimer) clearTimeout(run.killTimer);
    this.active = null;
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
        this.fail(`the engine worker crashed: ${e.message || 'unknown error'}`);
      };
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
    this.dispatch(run, message);
  }

  private dispatch(run: ActiveRun, message: WorkerMessage): void {
    switch (message.type) {
      case 'events':
        run.listener.onEvents(message.buffers, message.newStrings);
        break;
      case 'progress':
        run.listener.onProgress(message.progress);
        break;
      case 'done':
        this.finish(run);
        run.listener.onDone(message.result, message.stopped);
        break;
      case 'failed':
        this.finish(run);
        run.listener.onFailed(message.message);
        break;
      default:
        break;
    }
  }

  private finish(run: ActiveRun): void {
    if (run.killTimer) clearTimeout(run.killTimer);
    if (this.active === run) this.active = null;
  }

  private fail(message: string): void {
    const run = this.active;
    this.active = null;
    if (run?.killTimer) clearTimeout(run.killTimer);
    this.restart();
    run?.listener.onFailed(message);
  }
}
