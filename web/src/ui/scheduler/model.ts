// The "You are the scheduler" game without DOM: the challenge list, the choices made so
// far (each a thread and a unit), and what a run's result means for the student: still
// choosing, found the bug, ran clean, or could not run.
import type { ManualChoice, ManualState, ManualThread, ManualUnit, RunResult } from '../../engine/client';

export interface Challenge {
  name: string;
  file: string;
  title: string;
  /** goal says what to break, shown before the first choice. */
  goal: string;
  /** explanation is shown once the student has found the bug. */
  explanation: string;
  /** unit is the unit the challenge starts with (the lost update needs instructions). */
  unit: ManualUnit;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** parseChallenges validates public/challenges/index.json, dropping malformed entries. */
export function parseChallenges(data: unknown): Challenge[] {
  if (!isObject(data) || !Array.isArray(data.challenges)) return [];
  const out: Challenge[] = [];
  for (const c of data.challenges) {
    if (!isObject(c)) continue;
    const { name, file, title, goal, explanation, unit } = c;
    if (typeof name !== 'string' || !/^[\w-]+$/.test(name)) continue;
    if (typeof file !== 'string' || !/^[\w.-]+\.py$/.test(file)) continue;
    if (typeof title !== 'string' || typeof goal !== 'string' || typeof explanation !== 'string') continue;
    out.push({ name, file, title, goal, explanation, unit: unit === 'instruction' ? 'instruction' : 'line' });
  }
  return out;
}

/** usesThreads tells whether a program starts threads, so the game can schedule it. */
export function usesThreads(source: string): boolean {
  return /^\s*(import\s+threading|from\s+threading\s+import|import\s+concurrent|from\s+concurrent)/m.test(source);
}

export type Verdict =
  { kind: 'choosing' } | { kind: 'found'; summary: string } | { kind: 'clean' } | { kind: 'failed'; message: string };

// NOT_A_RACE are errors no order of threads causes or cures: the program itself is at fault.
const NOT_A_RACE = new Set(['SyntaxError', 'StepLimitError', 'MemoryError', 'ModuleNotFoundError']);

/** threadException is the last line of the first "Exception in thread" report, with the thread's name. */
export function threadException(errorOutput: string): string | null {
  const at = errorOutput.indexOf('Exception in thread ');
  if (at < 0) return null;
  const block = errorOutput.slice(at);
  const name = /^Exception in thread (.*?):?\n/.exec(block)?.[1] ?? 'a thread';
  const end = block.indexOf('\n\n');
  const lines = (end < 0 ? block : block.slice(0, end)).trimEnd().split('\n');
  return `${lines[lines.length - 1]} (in ${name})`;
}

/** verdict reads a manual run's result: the bug shows as an uncaught error, a deadlock or an exception in a thread. */
export function verdict(result: RunResult): Verdict {
  const crash = threadException(result.errorOutput ?? '');
  if (crash) return { kind: 'found', summary: crash };
  if (result.error) {
    const text = `${result.error.type}: ${result.error.message}`;
    if (NOT_A_RACE.has(result.error.type)) return { kind: 'failed', message: text };
    return {
      kind: 'found',
      summary: result.error.type === 'DeadlockError' ? `a deadlock. ${result.error.message}` : text,
    };
  }
  if (result.finished) return { kind: 'clean' };
  if (result.manual?.error) return { kind: 'failed', message: result.manual.error };
  return { kind: 'choosing' };
}

/** Game holds the choices made so far; undo and restart shorten the list and the run is replayed. */
export class Game {
  choices: ManualChoice[] = [];
  unit: ManualUnit;

  constructor(unit: ManualUnit = 'line') {
    this.unit = unit;
  }

  /** choose appends a choice of thread (by id) for the current unit. */
  choose(thread: ManualThread): void {
    this.choices.push({ thread: thread.id, unit: this.unit });
  }

  /** undo drops the last choice; false when there was none. */
  undo(): boolean {
    return this.choices.pop() !== undefined;
  }

  restart(): void {
    this.choices = [];
  }

  get steps(): number {
    return this.choices.length;
  }
}

/** threadForKey finds the thread a digit key names: 0 is MainThread, n the n-th thread started. */
export function threadForKey(state: ManualState | undefined, key: string): ManualThread | undefined {
  if (!state || !/^[0-9]$/.test(key)) return undefined;
  return state.threads.find((t) => t.index === Number(key));
}

/** describeThread is one line for the thread list: where it is and why it can or cannot run. */
export function describeThread(t: ManualThread): string {
  const where = t.line > 0 ? `line ${t.line}` : 'starting';
  switch (t.state) {
    case 'done':
      return 'finished';
    case 'blocked':
      return `${where}: waits for ${t.detail}`;
    case 'sleeping':
      return `${where}: in ${t.detail}`;
    default:
      return t.next ? `${where}, next: ${t.next}` : `${where}, inside a library call`;
  }
}
