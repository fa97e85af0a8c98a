// The vocabulary of rebuilt state: what a task is doing, why it is ready, and which of the
// three time buckets (running, ready, waiting) a stretch of its life counts towards.

/** TaskState is a task's state at an instant, folded from its events (docs/EVENTS.md). */
export const TaskState = { Unborn: 0, Ready: 1, Running: 2, Waiting: 3, Done: 4 } as const;
export type TaskState = (typeof TaskState)[keyof typeof TaskState];

/** ReadyFor says what a ready task is waiting for: its first turn, a core, the GIL, or a turn after waking. */
export const ReadyFor = { Start: 0, Core: 1, Gil: 2, Wake: 3 } as const;
export type ReadyFor = (typeof ReadyFor)[keyof typeof ReadyFor];

/** TaskKind is the flags of TaskCreated. */
export const TaskKind = { Thread: 0, Coroutine: 1, Main: 2 } as const;
export type TaskKind = (typeof TaskKind)[keyof typeof TaskKind];

/** Bucket names the accumulators a segment's duration is added to; None adds nowhere. */
export const Bucket = { Running: 0, Ready: 1, Waiting: 2, None: 3 } as const;
export type Bucket = (typeof Bucket)[keyof typeof Bucket];

export function bucketOf(state: TaskState): Bucket {
  switch (state) {
    case TaskState.Running:
      return Bucket.Running;
    case TaskState.Ready:
      return Bucket.Ready;
    case TaskState.Waiting:
      return Bucket.Waiting;
    default:
      return Bucket.None;
  }
}

export const STATE_NAMES: Record<TaskState, string> = {
  [TaskState.Unborn]: 'not started',
  [TaskState.Ready]: 'ready',
  [TaskState.Running]: 'running',
  [TaskState.Waiting]: 'waiting',
  [TaskState.Done]: 'done',
};

/** REASON_NAMES reads a BlockReason (Blocked flags) as words. */
export const REASON_NAMES: readonly string[] = [
  'sleep',
  'lock',
  'queue',
  'event',
  'join',
  'I/O',
  'future',
  'condition',
  'semaphore',
  'barrier',
  'GIL',
  'wait/select',
];

export function reasonName(reason: number): string {
  return REASON_NAMES[reason] ?? `reason ${reason}`;
}
