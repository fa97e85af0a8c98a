// Messages between the page and the engine worker. Event batches travel as transferred
// ArrayBuffers of 32-byte records, with the string-table entries added since the last
// batch. Every message of a run carries the run's id and a sequence number starting at 0,
// so the page can drop stale runs and detect a lost or reordered message; the page checks
// every message with validateWorkerMessage before trusting it.
import type { ExploreOptions, ExploreProgress, ExploreReport, RunOptions, RunResult } from './client';

export type { ExploreBug, ExploreBugKind, ExploreOptions, ExploreProgress, ExploreReport } from './client';

/** EngineOptions are a run's options as the bindings read them (SimulationOptions); the page makes them from its settings with toEngineOptions (engine/settings.ts). */
export type EngineOptions = RunOptions;

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

/** ExploreRequest searches the program's schedules; cancel with the same id stops it. */
export interface ExploreRequest {
  type: 'explore';
  id: number;
  source: string;
  options: EngineOptions;
  explore: ExploreOptions;
}

export type WorkerRequest = RunRequest | CancelRequest | WarmRequest | FaultRequest | ExploreRequest;

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

/** RunListener hears one run through EngineSession (engine/session.ts): its events and progress, then its end. */
export interface RunListener {
  onEvents(buffers: ArrayBuffer[], newStrings: string[]): void;
  onProgress(progress: RunProgress): void;
  /** onDone ends the run; result is null when the worker had to be terminated. */
  onDone(result: RunResult | null, stopped: StopReason | null): void;
  /** onFailed ends the run without the engine; reason reads "the engine crashed (…)" or similar. */
  onFailed(reason: string): void;
}

/** ExploreListener hears one exploration: progress, then its report (or a failure). */
export interface ExploreListener {
  onProgress(progress: ExploreProgress): void;
  /** onDone ends the exploration; report is null when the worker had to be terminated before it answered. */
  onDone(report: ExploreReport | null, stopped: 'cancelled' | null): void;
  onFailed(reason: string): void;
}

export interface RunLimits {
  maxEvents: number;
  /** output asks for the printed output in onDone's result (otherwise it is ''; prints are in the trace). */
  output?: boolean;
  stepsPerAdvance?: number;
  firstSteps?: number;
}

/** SCHEDULE_PATTERN is what a schedule string may be: URL-safe characters, at most 4 KB. */
export const SCHEDULE_PATTERN = /^[A-Za-z0-9._~-]{1,4096}$/;

/** isSchedule tells whether a value is a schedule string the page may pass on to the engine and carry in a share link. */
export function isSchedule(v: unknown): v is string {
  return typeof v === 'string' && SCHEDULE_PATTERN.test(v);
}

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
  if (
    !Array.isArray(v.globals) ||
    !v.globals.every((g) => isObject(g) && typeof g.name === 'string' && typeof g.value === 'string')
  )
    return false;
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
  return (
    isObject(e) &&
    typeof e.type === 'string' &&
    typeof e.message === 'string' &&
    isCount(e.line) &&
    typeof e.traceback === 'string'
  );
}

const BUG_KINDS = ['exception', 'assertion', 'deadlock', 'hang', 'divergence'];

function validExploreProgress(v: unknown): boolean {
  return isObject(v) && isCount(v.explored) && isCount(v.bound) && isCount(v.bugs) && isCount(v.pruned);
}

function validBug(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (typeof v.kind !== 'string' || !BUG_KINDS.includes(v.kind)) return false;
  if (
    typeof v.message !== 'string' ||
    !isCount(v.line) ||
    typeof v.schedule !== 'string' ||
    typeof v.output !== 'string'
  )
    return false;
  if (!isSchedule(v.schedule)) return false;
  if (!isCount(v.preemptions) || !isCount(v.switches) || !isCount(v.found_after)) return false;
  if (typeof v.cpython311 !== 'boolean') return false;
  return Array.isArray(v.narration) && v.narration.every((n) => typeof n === 'string');
}

/** validExploreReport checks the explorer's report (exploreDone, the CLI's explore --json). */
export function validExploreReport(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (!isCount(v.explored) || typeof v.exhaustive !== 'boolean' || !isCount(v.pruned) || typeof v.coverage !== 'string')
    return false;
  const b = v.bound;
  if (!isObject(b) || (b.mode !== 'exhaustive' && b.mode !== 'pct') || (b.points !== 'shared' && b.points !== 'lines'))
    return false;
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
      if (!Array.isArray(newStrings) || !newStrings.every((s) => typeof s === 'string'))
        return 'events: newStrings must be strings';
      return data as WorkerMessage;
    }
    case 'progress': {
      const p = data.progress;
      return isObject(p) && isNumber(p.steps) && isNumber(p.events) && isNumber(p.time)
        ? (data as WorkerMessage)
        : 'progress: bad fields';
    }
    case 'done':
      if (!validResult(data.result)) return 'done: bad result';
      if (!(data.stopped === null || data.stopped === 'cancelled' || data.stopped === 'event-limit'))
        return 'done: bad stop reason';
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
