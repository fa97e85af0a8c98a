// "Find a bug" in words, without DOM: which programs the explorer can search, the progress
// counters, the verdict when a bug is found, and the message that says exactly what was
// covered when none is. The page, the scheduler dialog and the tests share these texts.
import type { ExploreBugKind as BugKind, ExploreBug, ExploreProgress, ExploreReport } from '../../engine/protocol';

/** explorable tells whether a program has schedules to explore: it starts threads or runs asyncio. */
export function explorable(source: string): boolean {
  return /^[ \t]*(import[ \t]+(threading|asyncio|concurrent)\b|from[ \t]+(threading|asyncio|concurrent)(\.[\w.]+)?[ \t]+import\b)/m.test(
    source,
  );
}

/** NOT_EXPLORABLE says why Find a bug has nothing to do. */
export const NOT_EXPLORABLE =
  'Find a bug searches the orders in which threads or asyncio tasks can run, and this program starts neither. Import threading or asyncio first.';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export interface Counter {
  label: string;
  value: string;
}

/** progressCounters are the big numbers shown while exploring. */
export function progressCounters(p: ExploreProgress | null): Counter[] {
  return [
    {
      label: p?.explored === 1 ? 'schedule explored' : 'schedules explored',
      value: (p?.explored ?? 0).toLocaleString('en-US'),
    },
    { label: 'preemption bound', value: p ? String(p.bound) : '…' },
    { label: p?.bugs === 1 ? 'bug found' : 'bugs found', value: String(p?.bugs ?? 0) },
  ];
}

/** progressText is the same as one line, for the status bar and screen readers. */
export function progressText(p: ExploreProgress | null): string {
  if (!p) return 'Finding a bug: starting the explorer…';
  const pruned = p.pruned > 0 ? ` · ${plural(p.pruned, 'equivalent schedule')} skipped` : '';
  return `Finding a bug: ${plural(p.explored, 'schedule')} explored · preemption bound ${p.bound} · ${plural(p.bugs, 'bug')} found${pruned}`;
}

/** progressLine is the short form for the status bar: "1,234 schedules · bound 2 · 0 bugs". */
export function progressLine(p: ExploreProgress): string {
  return `${plural(p.explored, 'schedule')} · bound ${p.bound} · ${plural(p.bugs, 'bug')}`;
}

const KIND_WORDS: Record<BugKind, string> = {
  exception: 'an uncaught exception',
  assertion: 'a failed assert',
  deadlock: 'a deadlock',
  hang: 'a hang',
  divergence: 'a different output',
};

/** bugHeadline is the verdict: "Found a failed assert after 7 schedules: AssertionError: … (line 12)". */
export function bugHeadline(bug: ExploreBug): string {
  const where = bug.line > 0 ? ` (line ${bug.line})` : '';
  const kind = KIND_WORDS[bug.kind] ?? 'a bug';
  const message = bug.message.trim() || kind;
  return `Found ${kind} after ${plural(bug.found_after, 'schedule')}: ${message}${where}`;
}

/** bugDetail says what the failing schedule is: how many switches it forces, and what is shown. */
export function bugDetail(bug: ExploreBug, report: ExploreReport): string {
  if (bug.preemptions === 0 && bug.narration.length === 0) {
    return `It fails without any forced switch: the normal order of the ${report.bound.points === 'lines' ? 'lines' : 'threads and tasks'} already breaks it. It plays below as a normal run.`;
  }
  const shrunk = `The failing schedule forces ${plural(bug.preemptions, 'preemption')} (${plural(bug.switches, 'context switch', 'context switches')} in all)`;
  const more = report.bugs.length > 1 ? `; ${plural(report.bugs.length - 1, 'other bug')} found too` : '';
  const where =
    bug.preemptions === 0
      ? ''
      : bug.cpython311
        ? ' CPython 3.11 can make each of them.'
        : ' One is a switch CPython 3.11 never makes; a free-threaded build can.';
  return `${shrunk}${more}.${where} Each is marked on the timeline; choose one to jump there.`;
}

/** coverageMessage says exactly what was covered when no bug was found (or the search was stopped). */
export function coverageMessage(report: ExploreReport, stopped: 'cancelled' | null): string {
  if (report.error) return `Nothing was explored: ${report.error}`;
  const covered = report.coverage.trim().replace(/\.$/, '') || `${plural(report.explored, 'schedule')} checked`;
  // The engine's coverage may already count the schedules its reduction pruned.
  const pruned =
    report.pruned > 0 && !/pruned|skipped/.test(covered)
      ? ` ${plural(report.pruned, 'equivalent schedule')} ${report.pruned === 1 ? 'was' : 'were'} skipped as the same as one already run.`
      : '';
  if (stopped === 'cancelled') return `Stopped before the search was complete, without a bug: ${covered}.${pruned}`;
  const hint = report.exhaustive ? '' : ' A bug may still hide in schedules it did not reach.';
  return `No bug found: ${covered}.${pruned}${hint}`;
}

/** KILLED_MESSAGE is shown when Stop had to terminate the worker: no report came back. */
export const KILLED_MESSAGE =
  'Stopped. The engine did not answer in time, so it was restarted; the schedules explored so far are not known.';
