// The engine worker owns the wasm module, so a runaway program never blocks the page.
// It streams a run as numbered messages: the first slice is small so the first batch
// arrives within milliseconds, later output and events are coalesced into one message
// per FLUSH_MS, and between slices the worker yields so a cancel or a new run is seen at
// once. Terminating the worker remains the page's last resort.
import { EventBatch } from './events';
import { DEFAULT_STEPS_PER_ADVANCE, loadEngine, type Engine, type ExploreSession, type ProgramRun } from './client';
import type { ExploreRequest, RunRequest, StopReason, WorkerMessage, WorkerRequest } from './protocol';

const FLUSH_MS = 30;
const FIRST_STEPS = 20_000;
/** ADVANCE_MS is what one advance() should take: the step budget adapts, since one step may be many events (GIL hand-offs in sim.cpu). */
const ADVANCE_MS = 8;
/** EXPLORE_SLICE_MS is what one slice of a schedule search should take before the worker yields. */
const EXPLORE_SLICE_MS = 50;
/** EXPLORE_PROGRESS_MS: exploreProgress goes out at most this often, and at least every 500 ms. */
const EXPLORE_PROGRESS_MS = 100;

interface WorkerScope {
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;

let enginePromise: Promise<Engine> | null = null;
let current: { id: number; cancelled: boolean } | null = null;

function engine(): Promise<Engine> {
  enginePromise ??= fetch(new URL('./generated/interleave.wasm', import.meta.url))
    .then((response) => {
      if (!response.ok) throw new Error(`loading the engine failed: HTTP ${response.status}`);
      return response.arrayBuffer();
    })
    .then((bytes) => loadEngine(bytes));
  return enginePromise;
}

let libraryPromise: Promise<void> | null = null;

// library fetches the standard-library archive once, the first time a program imports from it.
function library(loaded: Engine): Promise<void> {
  libraryPromise ??= fetch(new URL('./generated/interleave-library.txt', import.meta.url))
    .then((response) => {
      if (!response.ok) throw new Error(`loading the standard library failed: HTTP ${response.status}`);
      return response.arrayBuffer();
    })
    .then((bytes) => loaded.addLibrary(bytes))
    .catch((error: unknown) => {
      libraryPromise = null;
      throw error;
    });
  return libraryPromise;
}

// yieldToEvents lets queued messages (cancel, a new run) in; a MessageChannel is not clamped like setTimeout.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

// describe words an error for the page: a trap or an Emscripten abort inside a Simulation call is a
// WebAssembly.RuntimeError, a wasm stack overflow a RangeError; the module is unusable after either.
function describe(error: unknown): string {
  if (error instanceof WebAssembly.RuntimeError || error instanceof RangeError) {
    return `the engine crashed (${error.name}: ${error.message.replace(/\. Build with .*$/, '')})`;
  }
  return `the engine failed: ${error instanceof Error ? error.message : String(error)}`;
}

// crashNext is set by a test's 'crash' fault: the run's next step throws what a trap would.
let crashNext = false;

async function run(request: RunRequest): Promise<void> {
  const { id } = request;
  const state = { id, cancelled: false };
  if (current) current.cancelled = true;
  current = state;
  let seq = 0;
  let buffers: ArrayBuffer[] = [];
  let sentStrings = 0;
  let strings: readonly string[] = [];
  let events = 0;
  let lastTime = 0;
  let lastFlush = performance.now();
  let live: ProgramRun | null = null;
  const post = (message: WorkerMessage, transfer?: Transferable[]) => scope.postMessage(message, transfer);

  const flush = (steps: number) => {
    if (buffers.length > 0) {
      const newStrings = strings.slice(sentStrings);
      sentStrings = strings.length;
      post({ type: 'events', id, seq: seq++, buffers, newStrings }, buffers);
      buffers = [];
    }
    post({ type: 'progress', id, seq: seq++, progress: { steps, events, time: lastTime } });
    lastFlush = performance.now();
  };

  // beat tells the page's watchdog that the worker is alive while the engine or the library loads.
  const beat = setInterval(() => flush(0), 1000);
  try {
    const loaded = await engine();
    if (state.cancelled) return;
    if (loaded.needsLibrary(request.source)) {
      await library(loaded);
      if (state.cancelled) return;
    }
    clearInterval(beat);
    // Printed text reaches the page in the events' string table; no separate output is sent.
    const program = loaded.start(request.source, request.options, {
      onBatch: (batch: EventBatch, table) => {
        buffers.push(batch.buffer);
        events += batch.count;
        if (batch.count > 0) lastTime = Math.max(lastTime, batch.time(batch.count - 1));
        strings = table;
      },
    });
    live = program;
    let stopped: StopReason | null = null;
    const slice = request.stepsPerAdvance ?? DEFAULT_STEPS_PER_ADVANCE;
    const maxEvents = request.maxEvents ?? 0;
    let steps = request.firstSteps ?? FIRST_STEPS;
    let more = program.step(steps);
    flush(program.steps());
    while (more) {
      if (maxEvents > 0 && events >= maxEvents) {
        stopped = 'event-limit';
        break;
      }
      if (crashNext) {
        crashNext = false;
        throw new WebAssembly.RuntimeError('unreachable');
      }
      const began = performance.now();
      more = program.step(steps);
      const took = performance.now() - began;
      steps = Math.round(Math.min(slice, Math.max(1000, took > 0 ? (steps * ADVANCE_MS) / took : steps * 2)));
      if (performance.now() - lastFlush >= FLUSH_MS) {
        flush(program.steps());
        await yieldToEvents();
        if (state.cancelled) {
          stopped = 'cancelled';
          break;
        }
      }
    }
    const result = program.result();
    if (!request.output) result.output = '';
    flush(result.steps);
    post({ type: 'done', id, seq: seq++, result, stopped });
  } catch (error) {
    enginePromise = null;
    post({ type: 'failed', id, seq: seq++, message: describe(error) });
  } finally {
    clearInterval(beat);
    try {
      live?.dispose();
    } catch {
      // An aborted module may fail to free the run; the page replaces this worker anyway.
    }
    if (current === state) current = null;
  }
}

// explore searches schedules in slices of about EXPLORE_SLICE_MS, yielding between them so
// cancel and the page's watchdog are answered; a cancel stops the search and still reports.
async function explore(request: ExploreRequest): Promise<void> {
  const { id } = request;
  const state = { id, cancelled: false };
  if (current) current.cancelled = true;
  current = state;
  let seq = 0;
  let session: ExploreSession | null = null;
  const post = (message: WorkerMessage) => scope.postMessage(message);
  const idle = { explored: 0, bound: 0, bugs: 0, pruned: 0 };
  const beat = setInterval(() => post({ type: 'exploreProgress', id, seq: seq++, progress: idle }), 400);
  try {
    const loaded = await engine();
    if (state.cancelled) return;
    if (loaded.needsLibrary(request.source)) {
      await library(loaded);
      if (state.cancelled) return;
    }
    clearInterval(beat);
    session = loaded.explore(request.source, request.options, request.explore);
    let batch = 1;
    let lastProgress = 0;
    let done = false;
    let stopped: 'cancelled' | null = null;
    while (!done) {
      const began = performance.now();
      let ran = 0;
      while (!done && performance.now() - began < EXPLORE_SLICE_MS) {
        done = session.advance(batch);
        ran += batch;
      }
      const took = Math.max(performance.now() - began, 1);
      // batch adapts so one advance() takes about a tenth of a slice.
      batch = Math.max(1, Math.min(1000, Math.round((ran * EXPLORE_SLICE_MS) / took / 10)));
      const now = performance.now();
      if (now - lastProgress >= EXPLORE_PROGRESS_MS) {
        post({ type: 'exploreProgress', id, seq: seq++, progress: session.progress() });
        lastProgress = now;
      }
      if (done) break;
      await yieldToEvents();
      if (state.cancelled) {
        session.stop();
        stopped = 'cancelled';
        break;
      }
    }
    post({ type: 'exploreDone', id, seq: seq++, report: session.report(), stopped });
  } catch (error) {
    enginePromise = null;
    post({ type: 'failed', id, seq: seq++, message: describe(error) });
  } finally {
    clearInterval(beat);
    try {
      session?.dispose();
    } catch {
      // An aborted module may fail to free the search; the page replaces this worker anyway.
    }
    if (current === state) current = null;
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  switch (request.type) {
    case 'warm':
      engine().then(
        () => scope.postMessage({ type: 'ready' }),
        (error: unknown) => {
          enginePromise = null;
          scope.postMessage({
            type: 'failed',
            id: 0,
            seq: 0,
            message: error instanceof Error ? error.message : String(error),
          });
        },
      );
      break;
    case 'cancel':
      if (current && current.id === request.id) current.cancelled = true;
      break;
    case 'run':
      void run(request);
      break;
    case 'explore':
      void explore(request);
      break;
    case 'fault':
      // fault is for tests of the page's recovery: a crash inside the engine, or a worker that never answers again.
      if (request.kind === 'crash') crashNext = true;
      else for (;;) performance.now();
      break;
  }
};
