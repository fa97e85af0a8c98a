// Messages between the page and the engine worker. Event batches travel as transferred
// ArrayBuffers of 32-byte records, with the string-table entries added since the last
// batch. Every message of a run carries the run's id and a sequence number starting at 0,
// so the page can drop stale runs and detect a lost or reordered message; the page checks
// every message with validateWorkerMessage before trusting it.
import type { RunOptions, RunResult } from './client';

/** PlaygroundOptions are the runtime settings of the page, passed to the engine as they are. */
export interface PlaygroundOptions {
  /** sequential runs threads and tasks one after another instead of interleaving them. */
  sequential?: boolean;
  /** gil turns the global interpreter lock on (default) or off. */
  gil?: boolean;
  cores?: number;
  /** switchInterval is the GIL switch interval in simulated seconds (CPython: 0.005). */
  switchInterval?: number;
  /** timeSlice is the OS scheduler's slice per thread in simulated seconds. */
  timeSlice?: number;
  network?: { latency?: number; capacity?: number | null };
}

export type EngineOptions = RunOptions & PlaygroundOptions;

export interface RunRequest {
  type: 'run';
  id: number;
  source: string;
  options: EngineOptions;
  stepsPerAdvance?: number;
  /** firstSteps bounds the first slice, so the first batch (and frame) comes quickly. */
  firstSteps?: number;
  /** maxEvents stops the run once it has produced this many events (0: no limit). */
  maxEvents?: number;
  /**
   * output asks for the program's printed output in the done message's result. Without it the
   * result's output is '': the page reads prints from the trace, and a flood's 16 MB of text
   * would otherwise be copied to the page in one message.
   */
  output?: boolean;
}

export interface CancelRequest {
  type: 'cancel';
  id: number;
}

/** WarmRequest loads and compiles the engine ahead of the first run. */
export interface WarmRequest {
  type: 'warm';
}

/** FaultRequest is for tests: 'crash' makes the run's next engine call throw as a wasm trap does, 'hang' spins forever. */
export interface FaultRequest {
  type: 'fault';
  kind: 'crash' | 'hang';
}

/** ExploreOptions are what the schedule explorer searches (docs/RUNTIME.md, "Schedules"). */
export interface ExploreOptions {
  mode?: 'exhaustive' | 'pct';
  /** The largest preemption bound, searched 0, 1, ... (exhaustive; default 2). */
  preemptions?: number;
  /** Budget of schedules (default 10000). */
  schedules?: number;
  /** Step budget of each schedule (default: the run's step limit). */
  steps?: number;
  /** PCT's seed (default 1). */
  seed?: number;
  /** PCT's bug depth (default 2). */
  depth?: number;
  points?: 'shared' | 'lines';
}

/** ExploreRequest searches the program's schedules; cancel with the same id stops it. */
export interface ExploreRequest {
  type: 'explore';
  id: number;
  source: string;
  options: EngineOptions;
  explore: ExploreOptions;
}

export type WorkerRequest = RunRequest | CancelRequest | WarmRequest | FaultRequest | ExploreRequest;

export type ExploreBugKind = 'exception' | 'assertion' | 'deadlock' | 'hang' | 'divergence';

/** ExploreBug is a failing schedule, shrunk; `schedule` replays it (the `schedule` run option). */
export interface ExploreBug {
  kind: ExploreBugKind;
  message: string;
  line: number;
  schedule: string;
  preemptions: number;
  switches: number;
  /** found_after is how many schedules had run when it was found. */
  found_after: number;
  /** output is what the failing run printed. */
  output: string;
  /** narration words each forced switch, as the replay's Forced events do. */
  narration: string[];
  /** cpython311: every preemption is at a point where CPython 3.11 checks for a switch; false
   * when the schedule needs a switch only a free-threaded build (or another Python) makes. */
  cpython311: boolean;
}

/** ExploreReport is the explorer's report, the same object as `interleave explore --json`. */
export interface ExploreReport {
  explored: number;
  exhaustive: boolean;
  pruned: number;
  bound: { mode: 'exhaustive' | 'pct'; preemptions: number; schedules: number; seed: number; depth: number; points: 'shared' | 'lines' };
  /** coverage says what was checked: "all 1,284 schedules with at most 2 preemptions checked (exhaustive)". */
  coverage: string;
  bugs: ExploreBug[];
  /** passing is a schedule whose run has no bug (for Compare), or null. */
  passing: string | null;
  distinct_outcomes: number;
  seconds: number;
  first_bug_seconds?: number;
  /** error is set when the program does not compile: nothing was explored. */
  error?: string;
}

export interface ExploreProgress {
  explored: number;
  /** bound is the preemption bound being searched. */
  bound: number;
  bugs: number;
  pruned: number;
}

export interface RunProgress {
  steps: number;
  events: number;
  /** time is the latest simulated time reached. */
  time: number;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'events'; id: number; seq: number; buffers: ArrayBuffer[]; newStrings: string[] }
  | { type: 'progress'; id: number; seq: number; progress: RunProgress }
  | { type: 'done'; id: number; seq: number; result: RunResult; stopped: StopReason | null }
  | { type: 'exploreProgress'; id: number; seq: number; progress: ExploreProgress }
  | { type: 'exploreDone'; id: number; seq: number; report: ExploreReport; stopped: 'cancelled' | null }
  | { type: 'failed'; id: number; seq: number; message: string };

/** StopReason says why the worker ended a run before the program did. */
export type StopReason = 'cancelled' | 'event-limit';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);

const MANUAL_STATES = ['running', 'ready', 'blocked', 'sleeping', 'done'];

function validManualThread(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (!isCount(v.id) || !isCount(v.index) || !isCount(v.line) || typeof v.runnable !== 'boolean') return false;
  if (typeof v.name !== 'string' || typeof v.detail !== 'string' || typeof v.next !== 'string') return false;
  return typeof v.state === 'string' && MANUAL_STATES.includes(v.state);
}

/** validManualState checks a manual run's choice point (RunResult.manual). */
export function validManualState(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (typeof v.waiting !== 'boolean' || !isCount(v.choicesUsed) || typeof v.error !== 'string') return false;
  if (typeof v.atCheck !== 'boolean') return false;
  if (!Array.isArray(v.globals) || !v.globals.every((g) => isObject(g) && typeof g.name === 'string' && typeof g.value === 'string')) return false;
  return Array.isArray(v.threads) && v.threads.every(validManualThread);
}

function validResult(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (typeof v.finished !== 'boolean' || typeof v.output !== 'string' || !isNumber(v.elapsed)) return false;
  if (!isNumber(v.events) || !isNumber(v.steps)) return false;
  if (v.manual !== undefined && !validManualState(v.manual)) return false;
  if (v.errorOutput !== undefined && typeof v.errorOutput !== 'string') return false;
  if (v.error === null) return true;
  const e = v.error;
  return isObject(e) && typeof e.type === 'string' && typeof e.message === 'string' && isCount(e.line) && typeof e.traceback === 'string';
}

const BUG_KINDS = ['exception', 'assertion', 'deadlock', 'hang', 'divergence'];

function validExploreProgress(v: unknown): boolean {
  return isObject(v) && isCount(v.explored) && isCount(v.bound) && isCount(v.bugs) && isCount(v.pruned);
}

function validBug(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (typeof v.kind !== 'string' || !BUG_KINDS.includes(v.kind)) return false;
  if (typeof v.message !== 'string' || !isCount(v.line) || typeof v.schedule !== 'string' || typeof v.output !== 'string') return false;
  if (!/^[A-Za-z0-9._~-]{1,4096}$/.test(v.schedule)) return false;
  if (!isCount(v.preemptions) || !isCount(v.switches) || !isCount(v.found_after)) return false;
  if (typeof v.cpython311 !== 'boolean') return false;
  return Array.isArray(v.narration) && v.narration.every((n) => typeof n === 'string');
}

/** validExploreReport checks the explorer's report (exploreDone, the CLI's explore --json). */
export function validExploreReport(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (!isCount(v.explored) || typeof v.exhaustive !== 'boolean' || !isCount(v.pruned) || typeof v.coverage !== 'string') return false;
  const b = v.bound;
  if (!isObject(b) || (b.mode !== 'exhaustive' && b.mode !== 'pct') || (b.points !== 'shared' && b.points !== 'lines')) return false;
  if (!isCount(b.preemptions) || !isCount(b.schedules) || !isCount(b.seed) || !isCount(b.depth)) return false;
  if (!Array.isArray(v.bugs) || !v.bugs.every(validBug)) return false;
  if (!(v.passing === null || typeof v.passing === 'string')) return false;
  if (v.error !== undefined && typeof v.error !== 'string') return false;
  return isCount(v.distinct_outcomes) && isNumber(v.seconds) && v.seconds >= 0;
}

/** validateWorkerMessage returns the message typed, or a description of what is wrong with it. */
export function validateWorkerMessage(data: unknown): WorkerMessage | string {
  if (!isObject(data) || typeof data.type !== 'string') return 'not a message object';
  if (data.type === 'ready') return { type: 'ready' };
  if (!isCount(data.id)) return `${data.type}: bad id`;
  if (!isCount(data.seq)) return `${data.type}: bad sequence number`;
  switch (data.type) {
    case 'events': {
      const { buffers, newStrings } = data;
      if (!Array.isArray(buffers) || !buffers.every((b) => b instanceof ArrayBuffer && b.byteLength % 32 === 0)) {
        return 'events: buffers must be ArrayBuffers of whole 32-byte records';
      }
      if (!Array.isArray(newStrings) || !newStrings.every((s) => typeof s === 'string')) return 'events: newStrings must be strings';
      return data as WorkerMessage;
    }
    case 'progress': {
      const p = data.progress;
      return isObject(p) && isNumber(p.steps) && isNumber(p.events) && isNumber(p.time) ? (data as WorkerMessage) : 'progress: bad fields';
    }
    case 'done':
      if (!validResult(data.result)) return 'done: bad result';
      if (!(data.stopped === null || data.stopped === 'cancelled' || data.stopped === 'event-limit')) return 'done: bad stop reason';
      return data as WorkerMessage;
    case 'exploreProgress':
      return validExploreProgress(data.progress) ? (data as WorkerMessage) : 'exploreProgress: bad fields';
    case 'exploreDone':
      if (!validExploreReport(data.report)) return 'exploreDone: bad report';
      if (!(data.stopped === null || data.stopped === 'cancelled')) return 'exploreDone: bad stop reason';
      return data as WorkerMessage;
    case 'failed':
      return typeof data.message === 'string' ? (data as WorkerMessage) : 'failed: message is not a string';
    default:
      return `unknown message type '${data.type}'`;
  }
}
