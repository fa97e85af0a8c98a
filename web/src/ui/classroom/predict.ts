// Predict mode's logic: find the next task switch after the playhead, the moment to stop
// before it (right after the task that held the resource let go), the tasks that could
// run next there and the answer; keep the score. No DOM here.
import { EventKind } from '../../engine/events';
import { snapshot } from '../../player/snapshot';
import { TaskKind, TaskState } from '../../player/states';
import { SwitchOn, type Playhead, type Trace } from '../../player/trace';
import { type Moment, firstSwitchAfter, switchGroup } from './narration';

/** Turn is one question: stop at `pause`, ask which of `candidates` runs next; `moment.to` is the answer. */
export interface Turn {
  moment: Moment;
  pause: Playhead;
  /** candidates are task ids, in order of appearance: the tasks alive at the pause that could take the resource. */
  candidates: number[];
}

const MAX_GROUPS_SCANNED = 5000;
const MAX_EVENTS_SCANNED = 200_000;

/** nextTurn is the first question after the playhead `after`, or null when no switch with a choice follows (yet). */
export function nextTurn(trace: Trace, after: Playhead): Turn | null {
  let k = firstSwitchAfter(trace, after);
  let prevTo = k > 0 ? trace.task.data[trace.switches.data[k - 1]] : -1;
  for (let n = 0; k < trace.switches.length && n < MAX_GROUPS_SCANNED; n++) {
    const { moment, end } = switchGroup(trace, k);
    k = end;
    if (moment.to === prevTo) continue;
    prevTo = moment.to;
    // The event loop's own tasks are hidden, so a switch to one is never a question.
    if (trace.taskById(moment.to)?.machinery) continue;
    const pause = pausePoint(trace, moment, after);
    const candidates = candidatesAt(trace, moment, pause);
    if (candidates.length >= 2) return { moment, pause, candidates };
  }
  return null;
}

/** pausePoint is right after the last event of the task that let go of the resource, never before `after`. */
export function pausePoint(trace: Trace, m: Moment, after: Playhead): Playhead {
  const firstPos = trace.position({ time: trace.time.data[m.seq], seq: m.seq });
  const floor = trace.position(after);
  const before = Math.max(floor, firstPos - 1);
  if (m.from < 0) return trace.atPosition(before);
  for (let p = firstPos - 2, n = 0; p >= floor && n < MAX_EVENTS_SCANNED; p--, n++) {
    const e = trace.order.data[p];
    const kind = trace.kind.data[e];
    if (trace.task.data[e] === m.from && kind !== EventKind.Idle && kind !== EventKind.LoopIteration)
      return trace.atPosition(p + 1);
  }
  return trace.atPosition(before);
}

/** candidatesAt lists the tasks of the resource's kind alive at the pause (threads, or coroutines on the loop). */
export function candidatesAt(trace: Trace, m: Moment, pause: Playhead): number[] {
  const coroutines = m.on === SwitchOn.Loop;
  const snap = snapshot(trace, pause);
  const out: number[] = [];
  for (const t of snap.tasks) {
    if ((t.kind === TaskKind.Coroutine) !== coroutines || t.machinery) continue;
    const alive = t.state === TaskState.Ready || t.state === TaskState.Waiting;
    if (alive || t.id === m.to) out.push(t.id);
  }
  return out;
}

export type PredictPhase = 'watching' | 'asking' | 'revealed' | 'finished';

/** Score counts answered questions and right answers. */
export interface Score {
  asked: number;
  right: number;
}

export function scoreText(s: Score): string {
  return `${s.right} of ${s.asked} right`;
}

/**
 * PredictGame is the state of one game: it watches the playhead, stops it before each
 * switch with a choice, takes an answer, reveals it and moves on. The caller moves the player.
 */
export class PredictGame {
  phase: PredictPhase = 'watching';
  score: Score = { asked: 0, right: 0 };
  turn: Turn | null = null;
  choice = -1;
  private cursor: Playhead = { time: 0, seq: -1 };
  private pending: Turn | null = null;
  private searchedVersion = -1;
  private trace: Trace | null = null;

  /** restart begins a new game from the playhead (a new run starts from the beginning). */
  restart(trace: Trace, from: Playhead): void {
    this.trace = trace;
    this.phase = 'watching';
    this.score = { asked: 0, right: 0 };
    this.turn = null;
    this.choice = -1;
    this.resync(from);
  }

  /** resync forgets the pending question after the playhead was moved by hand. */
  resync(from: Playhead): void {
    this.cursor = from;
    this.pending = null;
    this.searchedVersion = -1;
    if (this.phase === 'finished') this.phase = 'watching';
  }

  /**
   * watch runs every frame while watching: it returns the turn to ask when playback has
   * reached its pause point, 'end' when the run is over with nothing left to ask, else null.
   */
  watch(trace: Trace, ph: Playhead, playing: boolean): Turn | 'end' | null {
    if (this.phase !== 'watching') return null;
    if (!this.pending && trace.version !== this.searchedVersion) {
      this.searchedVersion = trace.version;
      this.pending = nextTurn(trace, this.cursor);
    }
    const turn = this.pending;
    if (turn && playing && trace.position(ph) >= trace.position(turn.pause)) return turn;
    if (!turn && trace.complete && ph.time >= trace.endTime && trace.position(ph) >= trace.count) return 'end';
    return null;
  }

  ask(turn: Turn): void {
    this.turn = turn;
    this.choice = -1;
    this.phase = 'asking';
  }

  /** answer records the student's choice; true when it is right. */
  answer(task: number): boolean {
    const turn = this.turn;
    if (this.phase !== 'asking' || !turn || !turn.candidates.includes(task)) return false;
    this.choice = task;
    const right = task === turn.moment.to;
    this.score = { asked: this.score.asked + 1, right: this.score.right + (right ? 1 : 0) };
    this.phase = 'revealed';
    return right;
  }

  /** skip drops the open question without scoring it (playback was resumed by hand). */
  skip(): void {
    if (this.phase === 'asking' || this.phase === 'revealed') this.proceed();
  }

  /** proceed moves past the current question; the next search starts after its switch. */
  proceed(): void {
    const turn = this.turn;
    if (turn && this.trace) this.cursor = { time: this.trace.time.data[turn.moment.last], seq: turn.moment.last };
    this.turn = null;
    this.pending = null;
    this.searchedVersion = -1;
    this.choice = -1;
    this.phase = 'watching';
  }

  finish(): void {
    this.phase = 'finished';
  }
}
