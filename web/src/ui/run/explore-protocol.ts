// The explorer's half of the worker protocol as the page uses it (docs/UI.md, "Find a bug"):
// the request, progress and report types are the engine's (engine/protocol.ts, which also
// validates the replies); here is what the page adds: the check that a value is a schedule
// string it may pass on to the engine and carry in a share link.
export type { ExploreBug, ExploreBugKind as BugKind, ExploreOptions, ExploreProgress, ExploreReport, ExploreRequest } from '../../engine/protocol';

/** SCHEDULE_PATTERN is what a schedule string may be: URL-safe characters, at most 4 KB. */
export const SCHEDULE_PATTERN = /^[A-Za-z0-9._~-]{1,4096}$/;

/** isSchedule tells whether a value is a schedule string the page may pass on and put in a link. */
export function isSchedule(v: unknown): v is string {
  return typeof v === 'string' && SCHEDULE_PATTERN.test(v);
}
