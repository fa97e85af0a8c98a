// Narration: one plain sentence for every task switch, built from the events alone (who
// stopped and why, who runs next and why), with the program's own text where it helps:
// "Task-3 awaits asyncio.sleep(1); the event loop resumes Task-1, whose sleep just ended."
// Moments are switch groups (one hand-over can switch a core, the GIL and the loop at the
// same instant) and cores going idle. No DOM here.
import { BlockReason, EventKind, NO_REF } from '../../engine/events';
import type { SegmentList } from '../../player/segments';
import { ReadyFor, TaskKind, TaskState } from '../../player/states';
import { Resource, SwitchOn, type Playhead, type TaskRecord, type Trace } from '../../player/trace';

/** Moment is one narrated instant: a switch group or a core going idle. */
export interface Moment {
  kind: 'switch' | 'idle';
  /** seq is the emission index of the moment's first event (first switch of the group, or the Idle). */
  seq: number;
  /** last is the emission index of the group's last switch event (seq for an idle moment). */
  last: number;
  time: number;
  /** on is the SwitchOn resource the sentence speaks about: the GIL over a core, the loop for coroutines. */
  on: number;
  /** core is the core involved, -1 if none. */
  core: number;
  /** to is the task that runs next, -1 for an idle moment. */
  to: number;
  /** from is the task that held the resource before, -1 if none. */
  from: number;
}

const SAME_INSTANT = 1e-12;
const HELD_BY = /,? held by .*$/;

/** firstSwitchAfter is the index in trace.switches of the first switch strictly after the playhead. */
export function firstSwitchAfter(trace: Trace, ph: Playhead): number {
  if (ph.seq < 0) return 0;
  const time = trace.time.data[ph.seq];
  const list = trace.switches.data;
  let lo = 0;
  let hi = trace.switches.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (trace.keyBefore(list[mid], time, ph.seq + 1)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// sameGroup tells whether switches a and b (emission indices) are one hand-over: same task, same instant.
function sameGroup(trace: Trace, a: number, b: number): boolean {
  return trace.task.data[a] === trace.task.data[b] && Math.abs(trace.time.data[a] - trace.time.data[b]) <= SAME_INSTANT;
}

/** switchGroup builds the moment of the switch group starting at index k of trace.switches; end is the index after it. */
export function switchGroup(trace: Trace, k: number): { moment: Moment; end: number } {
  const list = trace.switches.data;
  const first = list[k];
  let end = k + 1;
  while (end < trace.switches.length && sameGroup(trace, first, list[end])) end++;
  let on: number = trace.switchOn.data[k];
  let onSeq = first;
  let core = -1;
  for (let j = k; j < end; j++) {
    const e = list[j];
    const which = trace.switchOn.data[j];
    if (which === SwitchOn.Gil || (which === SwitchOn.Loop && on !== SwitchOn.Gil)) {
      on = which;
      onSeq = e;
    }
    if (trace.kind.data[e] === EventKind.Running) {
      core = trace.flags.data[e];
      if (on === SwitchOn.Cpu) onSeq = e;
    }
  }
  const to = trace.task.data[first];
  const lane = resourceLane(trace, on, core);
  const from = lane ? previousHolder(lane, trace.time.data[onSeq], onSeq, to) : previousThread(trace, first, to);
  return {
    moment: { kind: 'switch', seq: first, last: list[end - 1], time: trace.time.data[first], on, core, to, from },
    end,
  };
}

/** groupStart is the index of the first switch of the group that switch index k belongs to. */
export function groupStart(trace: Trace, k: number): number {
  const list = trace.switches.data;
  let j = k;
  while (j > 0 && sameGroup(trace, list[j - 1], list[k])) j--;
  return j;
}

function resourceLane(trace: Trace, on: number, core: number): SegmentList | null {
  if (on === SwitchOn.Gil) return trace.gil;
  if (on === SwitchOn.Loop) return trace.loop;
  return core >= 0 && core < trace.cores.length ? trace.cores[core] : null;
}

// previousHolder walks a resource lane back from the segment opened at (time, seq) to the last other busy holder.
function previousHolder(lane: SegmentList, time: number, seq: number, exclude: number): number {
  for (let j = lane.findKey(time, seq) - 1; j >= 0; j--) {
    if (lane.state.data[j] === Resource.Busy && lane.task.data[j] !== exclude) return lane.task.data[j];
  }
  return -1;
}

// previousThread finds the thread that last left the CPU before event e, for runs without core events.
function previousThread(trace: Trace, e: number, exclude: number): number {
  const pos = trace.position({ time: trace.time.data[e], seq: e }) - 1;
  for (let p = pos - 1, n = 0; p >= 0 && n < 100_000; p--, n++) {
    const x = trace.order.data[p];
    const kind = trace.kind.data[x];
    const task = trace.task.data[x];
    if (task === exclude) continue;
    if (
      kind === EventKind.Sleep ||
      kind === EventKind.Blocked ||
      kind === EventKind.Preempted ||
      kind === EventKind.TaskEnd
    ) {
      const rec = trace.taskById(task);
      if (rec && rec.kind !== TaskKind.Coroutine) return task;
    }
  }
  return -1;
}

/** NarrationIndex finds the moment at or before a playhead; it indexes Idle events as the trace grows. */
export class NarrationIndex {
  private trace: Trace | null = null;
  private scanned = 0;
  private idles: number[] = [];

  /** momentAt is the latest moment at or before the playhead, or null before the first. */
  momentAt(trace: Trace, ph: Playhead): Moment | null {
    this.sync(trace);
    if (ph.seq < 0) return null;
    const time = trace.time.data[ph.seq];
    const k = firstSwitchAfter(trace, ph) - 1;
    const sw = k >= 0 ? switchGroup(trace, groupStart(trace, k)).moment : null;
    let lo = 0;
    let hi = this.idles.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (trace.keyBefore(this.idles[mid], time, ph.seq + 1)) lo = mid + 1;
      else hi = mid;
    }
    let idle: Moment | null = null;
    for (let j = lo - 1; j >= 0 && j >= lo - 256 && !idle; j--)
      if (lastsAWhile(trace, this.idles[j])) idle = idleMoment(trace, this.idles[j]);
    if (!sw) return idle;
    if (!idle) return sw;
    return trace.keyBefore(sw.last, trace.time.data[idle.seq], idle.seq) ? idle : sw;
  }

  private sync(trace: Trace): void {
    if (trace !== this.trace) {
      this.trace = trace;
      this.scanned = 0;
      this.idles = [];
    }
    for (let e = this.scanned; e < trace.count; e++) {
      if (trace.kind.data[e] !== EventKind.Idle) continue;
      let at = this.idles.length;
      while (at > 0 && !trace.keyBefore(this.idles[at - 1], trace.time.data[e], e)) at--;
      this.idles.splice(at, 0, e);
    }
    this.scanned = trace.count;
  }
}

/** lastsAWhile tells whether the core stays idle after Idle event e, rather than being taken at the same instant. */
export function lastsAWhile(trace: Trace, e: number): boolean {
  const core = trace.flags.data[e];
  if (core >= trace.cores.length) return false;
  const lane = trace.cores[core];
  const i = lane.findKey(trace.time.data[e], e);
  return i >= 0 && lane.state.data[i] === Resource.Idle && lane.end.data[i] - lane.start.data[i] > SAME_INSTANT;
}

/** idleMoment is the moment of Idle event e: core k lost its task and nobody took it. */
export function idleMoment(trace: Trace, e: number): Moment {
  const core = trace.flags.data[e];
  const time = trace.time.data[e];
  const lane = core < trace.cores.length ? trace.cores[core] : null;
  const from = lane ? previousHolder(lane, time, e, -1) : -1;
  return { kind: 'idle', seq: e, last: e, time, on: SwitchOn.Cpu, core, to: -1, from };
}

const SHUTDOWN = 'asyncio.run shuts the event loop down';

/** narrate is the moment's sentence; lines are the program's source lines (line n at index n-1). */
export function narrate(trace: Trace, m: Moment, lines: readonly string[]): string {
  const ph: Playhead = { time: trace.time.data[m.last], seq: m.last };
  const name = (id: number) => trace.taskById(id)?.name ?? `Task ${id}`;
  if (m.kind === 'idle') return sentence(idleText(trace, m, ph, lines, name));
  const to = trace.taskById(m.to);
  // The event loop's own tasks are hidden (docs/UI.md): a switch to one is asyncio.run shutting down.
  const toText = to?.machinery ? SHUTDOWN : to ? arrival(trace, to, m) : `${name(m.to)} runs`;
  if (m.from < 0) return sentence(toText);
  const from = trace.taskById(m.from);
  if (from?.machinery) return sentence(SHUTDOWN);
  const fromText = from ? departure(trace, from, m, ph, lines) : `${name(m.from)} stops`;
  return sentence(`${fromText}; ${toText}`);
}

// sentence ends the text with a full stop and capitalizes the page's own first word, never a task's name.
function sentence(text: string): string {
  const t = text.trim();
  const lead = /^(the|core|no) /.test(t) ? t.charAt(0).toUpperCase() + t.slice(1) : t;
  return lead + (/[.!?]$/.test(t) ? '' : '.');
}

function idleText(
  trace: Trace,
  m: Moment,
  ph: Playhead,
  lines: readonly string[],
  name: (id: number) => string,
): string {
  const holder = m.from >= 0 ? trace.taskById(m.from) : undefined;
  const onLoop = holder !== undefined && (holder.id === trace.loopThread || holder.kind === TaskKind.Coroutine);
  const stalls = trace.loopStalls;
  if (onLoop && stalls) {
    const k = stalls.findKey(ph.time, ph.seq);
    if (k >= 0 && ph.time < stalls.end.data[k]) {
      const call = trace.text(stalls.ref.data[k]) || 'a blocking call';
      return `${name(stalls.task.data[k])} blocks the event loop with ${call} for ${shortSeconds(stalls.end.data[k] - stalls.start.data[k])}; no other coroutine can run until it returns`;
    }
  }
  const loopThread = trace.loopThread >= 0 ? trace.taskById(trace.loopThread) : undefined;
  if (onLoop && loopThread && trace.loop) {
    const seg = segmentAt(loopThread, ph);
    if (
      seg >= 0 &&
      loopThread.lane.state.data[seg] === TaskState.Waiting &&
      loopThread.lane.detail.data[seg] === BlockReason.Select
    ) {
      const last = lastBusy(trace.loop, ph);
      const coroutine = last >= 0 ? trace.taskById(last) : undefined;
      const lead = coroutine ? `${departure(trace, coroutine, null, ph, lines)}; ` : '';
      return `${lead}no coroutine is ready, so the event loop waits for the next timer or I/O`;
    }
  }
  const core = `core ${m.core}`;
  if (!holder) return `${core} goes idle`;
  return `${departure(trace, holder, null, ph, lines)}; ${core} goes idle`;
}

function lastBusy(lane: SegmentList, ph: Playhead): number {
  for (let j = lane.findKey(ph.time, ph.seq); j >= 0; j--)
    if (lane.state.data[j] === Resource.Busy) return lane.task.data[j];
  return -1;
}

/** sourceLine is the task's line at the playhead from its Line events (other records may carry the caller's line). */
export function sourceLine(trace: Trace, rec: TaskRecord, ph: Playhead): number {
  if (ph.seq < 0) return 0;
  const time = trace.time.data[ph.seq];
  const list = rec.lines.data;
  let lo = 0;
  let hi = rec.lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (trace.keyBefore(list[mid], time, ph.seq + 1)) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0 && k >= lo - 64; k--)
    if (trace.kind.data[list[k]] === EventKind.Line) return trace.line.data[list[k]];
  return lo > 0 ? trace.line.data[list[lo - 1]] : 0;
}

function segmentAt(rec: TaskRecord, ph: Playhead): number {
  return rec.lane.findKey(ph.time, ph.seq);
}

// departure says why a task stopped holding the resource: it waits, was preempted, yielded or finished.
function departure(trace: Trace, rec: TaskRecord, m: Moment | null, ph: Playhead, lines: readonly string[]): string {
  const lane = rec.lane;
  const i = segmentAt(rec, ph);
  const who = rec.name;
  if (i < 0) return `${who} stops`;
  const state = lane.state.data[i] as TaskState;
  const detail = lane.detail.data[i];
  const coroutine = rec.kind === TaskKind.Coroutine;
  const awaited = coroutine ? awaitText(lineText(lines, sourceLine(trace, rec, ph))) : null;
  switch (state) {
    case TaskState.Waiting: {
      if (awaited) return `${who} awaits ${awaited}`;
      const until = lane.until.data[i];
      const since = lane.start.data[i];
      if (detail === BlockReason.Sleep) {
        if (until > since + SAME_INSTANT) return `${who} sleeps for ${shortSeconds(until - since)}`;
        return until >= since ? `${who} calls time.sleep(0) and lets others run` : `${who} sleeps`;
      }
      const what = lane.ref.data[i] === NO_REF ? '' : trace.text(lane.ref.data[i]);
      const timeout = until >= 0 ? ` (timeout ${shortSeconds(until - since)})` : '';
      return `${who} ${waitVerb(detail, what)}${timeout}`;
    }
    case TaskState.Ready: {
      if (coroutine)
        return awaited
          ? `${who} awaits ${awaited} and goes back to the ready queue`
          : `${who} yields to the event loop`;
      if (m && m.on === SwitchOn.Gil && trace.gil) {
        const held = gilRelease(trace, trace.gil, rec.id, ph);
        if (held.forced) return `${who} is preempted after its ${shortSeconds(held.duration)} switch interval`;
        return `${who} gives up the GIL`;
      }
      if (detail === ReadyFor.Core) {
        const slice = m && m.core >= 0 && m.core < trace.cores.length ? heldFor(trace.cores[m.core], rec.id, ph) : -1;
        return slice > 0 ? `${who} is preempted after its ${shortSeconds(slice)} time slice` : `${who} is preempted`;
      }
      if (detail === ReadyFor.Gil) return `${who} waits for the GIL`;
      return `${who} steps aside`;
    }
    case TaskState.Done: {
      const outcome = detail;
      const result = lane.ref.data[i] === NO_REF ? '' : trace.text(lane.ref.data[i]);
      if (outcome === 1) return result ? `${who} raises ${result}` : `${who} raises an exception`;
      if (outcome === 2) return `${who} is cancelled`;
      return `${who} finishes`;
    }
    case TaskState.Running:
      return `${who} keeps running`;
    default:
      return `${who} stops`;
  }
}

function waitVerb(reason: number, what: string): string {
  const object = what || 'something';
  switch (reason) {
    case BlockReason.Lock:
    case BlockReason.Semaphore:
      return `blocks on ${object}`;
    case BlockReason.Queue:
    case BlockReason.Condition:
      return `waits on ${object}`;
    case BlockReason.Barrier:
      return `waits at ${object}`;
    case BlockReason.Gil:
      return 'waits for the GIL';
    case BlockReason.Io:
      return `waits for ${what || 'I/O'}`;
    default:
      return `waits for ${object}`;
  }
}

// gilRelease finds how the task's last turn with the GIL ended: forced (switch interval) and how long it held it.
function gilRelease(
  trace: Trace,
  lane: SegmentList,
  task: number,
  ph: Playhead,
): { forced: boolean; duration: number } {
  for (let j = lane.findKey(ph.time, ph.seq); j >= 0; j--) {
    if (lane.state.data[j] !== Resource.Busy || lane.task.data[j] !== task) continue;
    const next = j + 1 < lane.count ? j + 1 : -1;
    if (next < 0) return { forced: false, duration: 0 };
    const e = lane.seq.data[next];
    const forced =
      lane.state.data[next] === Resource.Idle && trace.kind.data[e] === EventKind.GilDrop && trace.flags.data[e] === 1;
    return { forced, duration: lane.start.data[next] - lane.start.data[j] };
  }
  return { forced: false, duration: 0 };
}

function heldFor(lane: SegmentList, task: number, ph: Playhead): number {
  for (let j = lane.findKey(ph.time, ph.seq); j >= 0; j--) {
    if (lane.state.data[j] === Resource.Busy && lane.task.data[j] === task) {
      const end = j + 1 < lane.count ? lane.start.data[j + 1] : lane.end.data[j];
      return Number.isFinite(end) ? end - lane.start.data[j] : -1;
    }
  }
  return -1;
}

// arrival says who takes the resource and why: it starts, its wait ended (and how), or its turn came.
function arrival(trace: Trace, rec: TaskRecord, m: Moment): string {
  const why = arrivalReason(trace, rec, m);
  const who = rec.name;
  const after = why.startsWith('now that');
  const where = m.core >= 0 && trace.cores.length > 1 ? ` on core ${m.core}` : '';
  if (m.on === SwitchOn.Loop) {
    if (why === 'start') return `the event loop starts ${who}`;
    return why ? `the event loop resumes ${who}, ${why}` : `the event loop resumes ${who}`;
  }
  if (m.on === SwitchOn.Gil) {
    if (why === 'start') return `${who} starts and takes the GIL`;
    if (!why) return `${who} takes the GIL`;
    return after ? `${who} takes the GIL, ${why}` : `${who}, ${why}, takes the GIL`;
  }
  if (why === 'start') return `${who} starts${where}`;
  if (!why) return `${who} gets ${where ? where.slice(4) : 'the CPU'}`;
  return after ? `${who} runs${where}, ${why}` : `${who}, ${why}, runs${where}`;
}

function arrivalReason(trace: Trace, rec: TaskRecord, m: Moment): string {
  const lane = rec.lane;
  let j = lane.findKey(trace.time.data[m.seq], m.seq - 1);
  let sawStart = false;
  let readyFor = -1;
  for (; j >= 0; j--) {
    const state = lane.state.data[j];
    const zero = lane.end.data[j] - lane.start.data[j] <= SAME_INSTANT;
    if (state === TaskState.Running && (zero || Math.abs(lane.start.data[j] - m.time) <= SAME_INSTANT)) continue;
    if (state !== TaskState.Ready) break;
    if (lane.detail.data[j] === ReadyFor.Start) sawStart = true;
    if (readyFor < 0) readyFor = lane.detail.data[j];
  }
  if (sawStart || j < 0 || lane.state.data[j] === TaskState.Unborn) return 'start';
  if (lane.state.data[j] === TaskState.Waiting) {
    const reason = lane.detail.data[j];
    const until = lane.until.data[j];
    const woke = lane.end.data[j];
    const what = lane.ref.data[j] === NO_REF ? '' : trace.text(lane.ref.data[j]);
    if (reason === BlockReason.Sleep) {
      const late = m.time - Math.max(until, 0);
      return until >= 0 && late >= 1e-3 ? `whose sleep ended ${shortSeconds(late)} ago` : 'whose sleep just ended';
    }
    if (until >= 0 && woke >= until - 1e-9)
      return `whose wait for ${what.replace(HELD_BY, '') || 'its timeout'} timed out`;
    return wokenBy(reason, what);
  }
  if (m.on === SwitchOn.Loop) return 'next in the ready queue';
  if (readyFor === ReadyFor.Core && m.on === SwitchOn.Cpu) return 'which was waiting for a core';
  return '';
}

function wokenBy(reason: number, what: string): string {
  const object = what.replace(HELD_BY, '');
  switch (reason) {
    case BlockReason.Lock:
    case BlockReason.Semaphore:
      return `which acquired ${object || 'its lock'}`;
    case BlockReason.Queue: {
      const q = object.replace(/\s*\((empty|full)\)$/, '');
      if (/\(empty\)$/.test(object)) return `now that ${q} has an item`;
      if (/\(full\)$/.test(object)) return `now that ${q} has room`;
      return `whose wait on ${object || 'a queue'} is over`;
    }
    case BlockReason.Event: {
      const starting = / to start$/.exec(object);
      if (starting) return `now that ${object.slice(0, starting.index)} has started`;
      return object ? `now that ${object} is set` : 'now that its event is set';
    }
    case BlockReason.Join: {
      const finishing = / to finish$/.exec(object);
      if (finishing) return `now that ${object.slice(0, finishing.index)} has finished`;
      return `whose wait for ${object || 'a thread'} is over`;
    }
    case BlockReason.Io:
      return object ? `whose ${object} returned` : 'whose I/O returned';
    case BlockReason.Future:
      return object ? `now that ${object} is done` : 'now that what it awaited is done';
    case BlockReason.Condition:
      return `which was notified on ${object || 'its condition'}`;
    case BlockReason.Barrier:
      return `now that every thread reached ${object || 'the barrier'}`;
    case BlockReason.Gil:
      return '';
    default:
      return object ? `whose wait for ${object} is over` : 'whose wait is over';
  }
}

/** lineText is source line n (1-based), '' when out of range. */
export function lineText(lines: readonly string[], n: number): string {
  return n >= 1 && n <= lines.length ? lines[n - 1] : '';
}

/** stripComment drops a trailing # comment that is not inside a string literal. */
export function stripComment(line: string): string {
  const masked = maskStrings(line);
  const hash = masked.indexOf('#');
  return hash < 0 ? line : line.slice(0, hash);
}

// maskStrings replaces the characters inside string literals with spaces, keeping positions.
function maskStrings(line: string): string {
  let out = '';
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') {
        out += '  ';
        i++;
        continue;
      }
      if (c === quote) quote = '';
      out += c === quote || !quote ? c : ' ';
    } else {
      if (c === '"' || c === "'") quote = c;
      out += c;
    }
  }
  return out;
}

/** awaitText is what a source line awaits: "await asyncio.sleep(1)" gives "asyncio.sleep(1)"; null if nothing. */
export function awaitText(line: string): string | null {
  const code = stripComment(line).trim();
  const masked = maskStrings(code);
  const found = /\bawait\s+/.exec(masked);
  const async = found ? null : /^async\s+(?:with|for)\s+(.+?)(?:\s+as\s+\w+)?\s*:?$/.exec(code);
  if (!found && !async) return null;
  let expr = (found ? code.slice(found.index + found[0].length) : (async?.[1] ?? ''))
    .trim()
    .replace(/[:;,]$/, '')
    .trim();
  let depth = 0;
  for (let i = 0; i < expr.length; i++) {
    if ('([{'.includes(expr[i])) depth++;
    else if (')]}'.includes(expr[i])) depth--;
    if (depth < 0) {
      expr = expr.slice(0, i);
      depth = 0;
      break;
    }
  }
  if (depth > 0) {
    const open = expr.search(/[([{]/);
    expr = `${expr.slice(0, open + 1)}…${')]}'['([{'.indexOf(expr[open])]}`;
  }
  return expr || null;
}

/** shortSeconds renders a duration with two significant digits: 5 ms, 1.2 s, 300 ms. */
export function shortSeconds(s: number): string {
  const a = Math.abs(s);
  const fmt = (v: number, unit: string) => `${Number(v.toPrecision(2))} ${unit}`;
  if (a >= 0.9995) return fmt(s, 's');
  if (a >= 0.9995e-3) return fmt(s * 1e3, 'ms');
  if (a >= 0.9995e-6) return fmt(s * 1e6, 'µs');
  return fmt(s * 1e9, 'ns');
}
