// The engine worker owns the wasm module, so a runaway program never blocks the page;
// the page stops a run by terminating this worker. Output and events are coalesced into
// one message per FLUSH_MS so a chatty program cannot flood the page.
import { DEFAULT_STEPS_PER_ADVANCE, loadEngine, type Engine } from './client';
import type { WorkerMessage, WorkerRequest } from './protocol';

const FLUSH_MS = 30;

interface WorkerScope {
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;

let enginePromise: Promise<Engine> | null = null;

function engine(): Promise<Engine> {
  enginePromise ??= fetch(new URL('./generated/interleave.wasm', import.meta.url))
    .then((response) => {
      if (!response.ok) throw new Error(`loading the engine failed: HTTP ${response.status}`);
      return response.arrayBuffer();
    })
    .then((bytes) => loadEngine(bytes));
  return enginePromise;
}

async function run(request: WorkerRequest): Promise<void> {
  const { id } = request;
  let output = '';
  let buffers: ArrayBuffer[] = [];
  let sentStrings = 0;
  let lastFlush = performance.now();
  let strings: readonly string[] = [];

  const flush = () => {
    if (output) {
      scope.postMessage({ type: 'output', id, text: output });
      output = '';
    }
    if (buffers.length > 0) {
      const newStrings = strings.slice(sentStrings);
      sentStrings = strings.length;
      scope.postMessage({ type: 'events', id, buffers, newStrings }, buffers);
      buffers = [];
    }
    lastFlush = performance.now();
  };

  const live = (await engine()).start(request.source, request.options, {
    onOutput: (text) => {
      output += text;
    },
    onBatch: (batch, table) => {
      buffers.push(batch.buffer);
      strings = table;
    },
  });
  try {
    while (live.step(request.stepsPerAdvance ?? DEFAULT_STEPS_PER_ADVANCE)) {
      if (performance.now() - lastFlush >= FLUSH_MS) flush();
    }
    flush();
    scope.postMessage({ type: 'done', id, result: live.result() });
  } finally {
    live.dispose();
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  run(request).catch((error: unknown) => {
    enginePromise = null;
    const message = error instanceof Error ? error.message : String(error);
    scope.postMessage({ type: 'failed', id: request.id, message });
  });
};
