// SharedEngine: one engine worker for every <interleave-playground> on a page. Each embed's
// EngineSession is given a port that behaves as its own Worker (postMessage, terminate,
// onmessage, onerror). The SharedEngine renumbers run ids across ports, runs one program at a
// time in the real worker and queues the others, in order:
// - a queued run hears a heartbeat every second, so its session's watchdog stays quiet;
// - a cancel of a queued run is answered at once (done, stopped: cancelled), so Stop or Run in
//   one embed never waits for another embed's run; a cancel of the running run goes to the worker;
// - a port that terminates while its run is running (a cancel not honoured in time, a hang, a
//   crash) takes the real worker with it: the next queued run starts on a fresh worker.
// Runs are bounded (MAX_EVENTS) and usually take well under a second, so queueing them costs a
// reader little; the engine worker itself runs one program at a time (engine/worker.ts).
import type { ExploreRequest, RunRequest, WorkerMessage, WorkerRequest } from '../engine/protocol';

type Listener<E> = ((event: E) => void) | null;

interface Job {
  port: EnginePort;
  localId: number;
  globalId: number;
  request: RunRequest | ExploreRequest;
  seq: number;
  beat: ReturnType<typeof setInterval> | 0;
}

export const QUEUED_BEAT_MS = 1000;

const IDLE_RESULT = { finished: false, output: '', elapsed: 0, events: 0, steps: 0, error: null };

/** EnginePort is one embed's view of the shared worker: the subset of Worker that EngineSession uses. */
export class EnginePort {
  onmessage: Listener<MessageEvent<unknown>> = null;
  onerror: Listener<ErrorEvent> = null;
  onmessageerror: Listener<MessageEvent<unknown>> = null;
  closed = false;

  constructor(private readonly engine: SharedEngine) {}

  postMessage(request: WorkerRequest): void {
    if (!this.closed) this.engine.request(this, request);
  }

  terminate(): void {
    if (this.closed) return;
    this.closed = true;
    this.engine.close(this);
  }

  deliver(data: unknown): void {
    if (!this.closed) this.onmessage?.({ data } as MessageEvent<unknown>);
  }

  fail(message: string): void {
    if (!this.closed) this.onerror?.({ message, preventDefault: () => undefined } as unknown as ErrorEvent);
  }
}

export class SharedEngine {
  private worker: Worker | null = null;
  private active: Job | null = null;
  private queue: Job[] = [];
  private readonly ports = new Set<EnginePort>();
  private lastId = 0;
  /** workersStarted counts real workers made (tests; 1 unless one had to be replaced). */
  workersStarted = 0;

  constructor(private readonly create: () => Worker) {}

  /** port gives an embed its own Worker-like handle on the shared worker. */
  port(): Worker {
    const port = new EnginePort(this);
    this.ports.add(port);
    return port as unknown as Worker;
  }

  /** request handles what a port posts. */
  request(port: EnginePort, request: WorkerRequest): void {
    switch (request.type) {
      case 'warm':
        this.post({ type: 'warm' });
        break;
      case 'run':
      case 'explore': {
        const job: Job = {
          port,
          localId: request.id,
          globalId: ++this.lastId,
          request: { ...request, id: 0 },
          seq: 0,
          beat: 0,
        };
        job.request.id = job.globalId;
        this.queue.push(job);
        this.next();
        if (this.active !== job) job.beat = setInterval(() => this.heartbeat(job), QUEUED_BEAT_MS);
        break;
      }
      case 'cancel': {
        const active = this.active;
        if (active && active.port === port && active.localId === request.id) {
          this.post({ type: 'cancel', id: active.globalId });
          break;
        }
        const at = this.queue.findIndex((j) => j.port === port && j.localId === request.id);
        if (at < 0) break;
        const [job] = this.queue.splice(at, 1);
        this.drop(job);
        // An exploration's session ends a cancelled exploration itself when no report comes.
        if (job.request.type === 'run')
          queueMicrotask(() =>
            this.send(job, { type: 'done', id: 0, seq: 0, result: IDLE_RESULT, stopped: 'cancelled' }),
          );
        break;
      }
      case 'fault':
        if (this.active?.port === port) this.post(request);
        break;
    }
  }

  /** close forgets a port; if its run is running the worker may hang, so it is replaced. */
  close(port: EnginePort): void {
    this.ports.delete(port);
    for (const job of this.queue.filter((j) => j.port === port)) this.drop(job);
    this.queue = this.queue.filter((j) => j.port !== port);
    if (this.active?.port === port) {
      this.active = null;
      this.worker?.terminate();
      this.worker = null;
      this.next();
    }
  }

  private drop(job: Job): void {
    if (job.beat) clearInterval(job.beat);
    job.beat = 0;
  }

  // next starts the first queued run when the worker is free.
  private next(): void {
    if (this.active || this.queue.length === 0) return;
    const job = this.queue.shift() as Job;
    this.drop(job);
    this.active = job;
    this.post(job.request);
  }

  private heartbeat(job: Job): void {
    if (job.request.type === 'run')
      this.send(job, { type: 'progress', id: 0, seq: 0, progress: { steps: 0, events: 0, time: 0 } });
    else
      this.send(job, {
        type: 'exploreProgress',
        id: 0,
        seq: 0,
        progress: { explored: 0, bound: 0, bugs: 0, pruned: 0 },
      });
  }

  // send delivers a message of a job to its port with the port's run id and the job's next sequence number.
  private send(job: Job, message: WorkerMessage): void {
    if (message.type === 'ready') return;
    job.port.deliver({ ...message, id: job.localId, seq: job.seq++ });
  }

  private post(request: WorkerRequest): void {
    if (!this.worker) {
      const worker = this.create();
      this.workersStarted += 1;
      worker.onmessage = (e: MessageEvent<unknown>) => this.receive(worker, e.data);
      worker.onerror = (e) => {
        e.preventDefault();
        this.crashed(worker, e.message || 'an error in its worker');
      };
      worker.onmessageerror = () => this.crashed(worker, 'a message from it could not be read');
      this.worker = worker;
    }
    this.worker.postMessage(request);
  }

  private receive(worker: Worker, data: unknown): void {
    if (worker !== this.worker) return;
    const message = data as { type?: unknown; id?: unknown };
    if (message?.type === 'ready' || (message?.type === 'failed' && message.id === 0)) {
      for (const port of this.ports) port.deliver(data);
      return;
    }
    const job = this.active;
    if (!job || typeof message !== 'object' || message === null || message.id !== job.globalId) return;
    const type = message.type;
    // Every other field is passed on as it is; the port's session validates the message.
    job.port.deliver({ ...(data as object), id: job.localId, seq: job.seq++ });
    if (type === 'done' || type === 'exploreDone' || type === 'failed') {
      this.active = null;
      if (type === 'failed') {
        // The module may be broken after a failure: the next run gets a fresh worker.
        this.worker?.terminate();
        this.worker = null;
      }
      this.next();
    }
  }

  private crashed(worker: Worker, message: string): void {
    if (worker !== this.worker) return;
    const job = this.active;
    this.active = null;
    this.worker.terminate();
    this.worker = null;
    job?.port.fail(message);
    this.next();
  }
}
