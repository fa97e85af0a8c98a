// The minimal page: edit a program, run it in the engine worker, show output, simulated
// time and errors. Stop terminates the worker, which is the only way to halt a busy loop.
import type { RunResult } from './engine/client';
import type { WorkerMessage, WorkerRequest } from './engine/protocol';

const STORAGE_KEY = 'interleave.source';
const MAX_OUTPUT_CHARS = 1_000_000;

const SAMPLE = `import time

def brew(drink, minutes):
    print("start", drink)
    time.sleep(minutes * 60)
    print(drink, "ready after", minutes, "minutes")

brew("tea", 3)
brew("coffee", 4)
print("breakfast served")
`;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`missing #${id}`);
  return found as T;
}

const sourceBox = element<HTMLTextAreaElement>('source');
const runButton = element<HTMLButtonElement>('run');
const stopButton = element<HTMLButtonElement>('stop');
const hint = element<HTMLSpanElement>('hint');
const statusLine = element<HTMLDivElement>('status');
const outputBox = element<HTMLPreElement>('output');
const errorBox = element<HTMLDivElement>('error');
const errorLine = element<HTMLButtonElement>('error-line');
const tracebackBox = element<HTMLPreElement>('traceback');

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
hint.textContent = `${isMac ? '⌘' : 'Ctrl'}+Enter runs`;
runButton.title = `Run (${isMac ? '⌘' : 'Ctrl'}+Enter)`;

sourceBox.value = localStorage.getItem(STORAGE_KEY) ?? SAMPLE;
let saveTimer = 0;
sourceBox.addEventListener('input', () => {
  clearTimeout(saveTimer);
  saveTimer = window.setTimeout(() => localStorage.setItem(STORAGE_KEY, sourceBox.value), 300);
});

let worker: Worker | null = null;
let runId = 0;
let running = false;
let shownChars = 0;
let eventCount = 0;
let startedAt = 0;

function formatSeconds(s: number): string {
  if (s === 0) return '0 s';
  if (s < 1e-3) return `${(s * 1e6).toPrecision(3)} µs`;
  if (s < 1) return `${(s * 1e3).toPrecision(3)} ms`;
  return `${s.toFixed(3)} s`;
}

function appendOutput(text: string): void {
  if (shownChars >= MAX_OUTPUT_CHARS) return;
  const room = MAX_OUTPUT_CHARS - shownChars;
  const part = text.length > room ? `${text.slice(0, room)}\n… output truncated` : text;
  shownChars += part.length;
  outputBox.append(part);
  outputBox.scrollTop = outputBox.scrollHeight;
}

function setRunning(on: boolean): void {
  running = on;
  runButton.disabled = on;
  stopButton.disabled = !on;
}

function showError(error: NonNullable<RunResult['error']>): void {
  errorBox.hidden = false;
  errorLine.textContent = error.line > 0 ? `${error.type} on line ${error.line}` : error.type;
  errorLine.dataset.line = String(error.line);
  tracebackBox.textContent = error.traceback || `${error.type}: ${error.message}`;
}

function finish(result: RunResult): void {
  setRunning(false);
  const wall = ((performance.now() - startedAt) / 1000).toFixed(2);
  statusLine.textContent =
    `${result.error ? 'Stopped by an error' : 'Finished'} · simulated ${formatSeconds(result.elapsed)}` +
    ` · ${result.steps.toLocaleString()} steps · ${result.events.toLocaleString()} events · ${wall} s real`;
  if (result.error) showError(result.error);
}

function onMessage(message: WorkerMessage): void {
  if (message.id !== runId) return;
  switch (message.type) {
    case 'output':
      appendOutput(message.text);
      break;
    case 'events':
      for (const buffer of message.buffers) eventCount += buffer.byteLength / 32;
      statusLine.textContent = `Running… ${eventCount.toLocaleString()} events`;
      break;
    case 'done':
      finish(message.result);
      break;
    case 'failed':
      setRunning(false);
      statusLine.textContent = `The engine failed: ${message.message}`;
      worker?.terminate();
      worker = null;
      break;
  }
}

function ensureWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./engine/worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => onMessage(event.data);
    worker.onerror = (event) => {
      setRunning(false);
      statusLine.textContent = `The engine failed: ${event.message || 'worker error'}`;
      worker = null;
    };
  }
  return worker;
}

function run(): void {
  if (running) return;
  runId += 1;
  shownChars = 0;
  eventCount = 0;
  outputBox.textContent = '';
  errorBox.hidden = true;
  statusLine.textContent = 'Running…';
  startedAt = performance.now();
  setRunning(true);
  localStorage.setItem(STORAGE_KEY, sourceBox.value);
  const request: WorkerRequest = { type: 'run', id: runId, source: sourceBox.value, options: {} };
  ensureWorker().postMessage(request);
}

function stop(): void {
  if (!running) return;
  worker?.terminate();
  worker = null;
  runId += 1;
  setRunning(false);
  statusLine.textContent = 'Stopped';
}

function jumpToLine(line: number): void {
  const lines = sourceBox.value.split('\n');
  if (line < 1 || line > lines.length) return;
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  sourceBox.focus();
  sourceBox.setSelectionRange(start, start + lines[line - 1].length);
}

runButton.addEventListener('click', run);
stopButton.addEventListener('click', stop);
errorLine.addEventListener('click', () => jumpToLine(Number(errorLine.dataset.line)));
document.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    run();
  } else if (event.key === 'Escape' && running) {
    stop();
  }
});
