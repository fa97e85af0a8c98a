// The explorer's half of the worker protocol as the page reads it (docs/UI.md, "Find a bug"):
// the `explore` request, its `exploreProgress` and `exploreDone` replies and the report,
// with validators in the style of validateWorkerMessage. The engine's protocol.ts carries the
// same shapes; the page validates explore replies here so it never trusts an unchecked report.
import type { EngineOptions } from '../../engine/protocol';

export type ExploreMode = 'exhaustive' | 'pct';
export type ExplorePoints = 'shared' | 'lines';
export type BugKind = 'exception' | 'assertion' | 'deadlock' | 'hang' | 'divergence';

/** ExploreOptions are the explorer's knobs; every field has the engine's default when left out. */
export interface ExploreOptions {
  mode?: ExploreMode;
  /** preemptions bounds the forced switches per schedule (exhaustive mode; default 2). */
  preemptions?: number;
  /** schedules is the budget in schedules (default 10,000). */
  schedules?: number;
  /** steps is the step budget per schedule (default the run's step limit). */
  steps?: number;
  seed?: number;
  depth?: number;
  points?: ExplorePoints;
}

export interface ExploreBound {
  mode: ExploreMode;
  preemptions: number;
  schedules: number;
  seed: number;
  depth: number;
  points: ExplorePoints;
}

export interface ExploreBug {
  kind: BugKind;
  message: string;
  line: number;
  /** schedule replays the failing run bit for bit (run option `schedule`). */
  schedule: string;
  preemptions: number;
  switches: number;
  /** found_after is how many schedules had been explored when the bug was found. */
  found_after: number;
  output: string;
  narration: string[];
}

export interface ExploreReport {
  explored: number;
  exhaustive: boolean;
  pruned: number;
  bound: ExploreBound;
  /** coverage says in words what was checked: "all 1,284 schedules with at most 2 preemptions checked (exhaustive)". */
  coverage: string;
  bugs: ExploreBug[];
  /** passing is the schedule of a run without a bug, for Compare. */
  passing: string | null;
  distinct_outcomes: number;
  seconds: number;
  /** first_bug_seconds is the wall time until the first bug, when one was found. */
  first_bug_seconds?: number;
  /** error says why nothing was explored (the program does not compile). */
  error?: string;
}

export interface ExploreProgress {
  explored: number;
  /** bound is the preemption bound being explored now. */
  bound: number;
  bugs: number;
  pruned: number;
}

export interface ExploreRequest {
  type: 'explore';
  id: number;
  source: string;
  options: EngineOptions;
  explore: ExploreOptions;
}

export type ExploreMessage =
  | { type: 'exploreProgress'; id: number; seq: number; progress: ExploreProgress }
  | { type: 'exploreDone'; id: number; seq: number; report: ExploreReport; stopped: 'cancelled' | null };

/** SCHEDULE_PATTERN is what a schedule string may be: URL-safe characters, at most 4 KB. */
export const SCHEDULE_PATTERN = /^[A-Za-z0-9._~-]{1,4096}$/;

/** isSchedule tells whether a value is a schedule string the page may pass on and put in a link. */
export function isSchedule(v: unknown): v is string {
  return typeof v === 'string' && SCHEDULE_PATTERN.test(v);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function validBug(v: unknown): boolean {
  if (!isObject(v)) return false;
  // kind: the page words the known kinds and reads any other as "a bug", so a new kind is not a broken report.
  if (typeof v.kind !== 'string' || !/^[a-z_-]{1,32}$/.test(v.kind)) return false;
  if (typeof v.message !== 'string' || !isCount(v.line) || !isSchedule(v.schedule)) return false;
  if (!isCount(v.preemptions) || !isCount(v.switches) || !isCount(v.found_after)) return false;
  if (typeof v.output !== 'string') return false;
  return Array.isArray(v.narration) && v.narration.every((n) => typeof n === 'string');
}

function validBound(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (v.mode !== 'exhaustive' && v.mode !== 'pct') return false;
  if (v.points !== 'shared' && v.points !== 'lines') return false;
  return isNumber(v.preemptions) && isNumber(v.schedules) && isNumber(v.seed) && isNumber(v.depth);
}

/** validReport checks an explorer report (the worker's, or the CLI's --json object). */
export function validReport(v: unknown): v is ExploreReport {
  if (!isObject(v)) return false;
  if (!isCount(v.explored) || typeof v.exhaustive !== 'boolean' || !isCount(v.pruned)) return false;
  if (!validBound(v.bound) || typeof v.coverage !== 'string') return false;
  if (!Array.isArray(v.bugs) || !v.bugs.every(validBug)) return false;
  if (!(v.passing === null || isSchedule(v.passing))) return false;
  if (v.first_bug_seconds !== undefined && !isNumber(v.first_bug_seconds)) return false;
  if (v.error !== undefined && typeof v.error !== 'string') return false;
  return isCount(v.distinct_outcomes) && isNumber(v.seconds);
}

/** isExploreMessageType tells the session which validator a reply needs. */
export function isExploreMessageType(type: unknown): boolean {
  return type === 'exploreProgress' || type === 'exploreDone';
}

/** validateExploreMessage returns the message typed, or a description of what is wrong with it. */
export function validateExploreMessage(data: unknown): ExploreMessage | string {
  if (!isObject(data) || typeof data.type !== 'string') return 'not a message object';
  if (!isCount(data.id)) return `${data.type}: bad id`;
  if (!isCount(data.seq)) return `${data.type}: bad sequence number`;
  if (data.type === 'exploreProgress') {
    const p = data.progress;
    return isObject(p) && isCount(p.explored) && isCount(p.bound) && isCount(p.bugs) && isCount(p.pruned)
      ? (data as unknown as ExploreMessage)
      : 'exploreProgress: bad fields';
  }
  if (data.type === 'exploreDone') {
    if (!validReport(data.report)) return 'exploreDone: bad report';
    if (!(data.stopped === null || data.stopped === 'cancelled')) return 'exploreDone: bad stop reason';
    return data as unknown as ExploreMessage;
  }
  return `unknown message type '${data.type}'`;
}
