// Chrome Trace Event export (opens in Perfetto and chrome://tracing): one track per task,
// source lines as slices, sleeps and CPU work as nested slices, the rest as instants.
import { EventKind, NO_REF, kindName, type TraceEvent } from './events';

export interface ChromeTraceEvent {
  name: string;
  ph: 'X' | 'i' | 'M';
  ts: number;
  pid: number;
  tid: number;
  dur?: number;
  cat?: string;
  s?: 't' | 'p' | 'g';
  args?: Record<string, unknown>;
}

export interface ChromeTrace {
  traceEvents: ChromeTraceEvent[];
  displayTimeUnit: 'ms' | 'ns';
}

export interface ChromeTraceOptions {
  /** source gives line slices their text ("6: x = 1 / 0") instead of "line 6". */
  source?: string;
  /** processName labels the single process track. */
  processName?: string;
}

const PID = 1;
const MICROSECONDS = 1e6;

interface OpenLine {
  line: number;
  start: number;
}

/** ChromeTraceBuilder consumes events batch by batch, so long runs never hold them all. */
export class ChromeTraceBuilder {
  private readonly out: ChromeTraceEvent[] = [];
  private readonly openLines = new Map<number, OpenLine>();
  private readonly named = new Set<number>();
  private readonly lines: string[];
  private lastTime = 0;

  constructor(options: ChromeTraceOptions = {}) {
    this.lines = options.source ? options.source.split('\n') : [];
    this.out.push({
      name: 'process_name',
      ph: 'M',
      ts: 0,
      pid: PID,
      tid: 0,
      args: { name: options.processName ?? 'Interleave' },
    });
  }

  add(events: Iterable<TraceEvent>, strings: readonly string[]): void {
    for (const e of events) this.addOne(e, strings);
  }

  finish(): ChromeTrace {
    for (const task of [...this.openLines.keys()]) this.closeLine(task, this.lastTime);
    return { traceEvents: this.out, displayTimeUnit: 'ms' };
  }

  private addOne(e: TraceEvent, strings: readonly string[]): void {
    const ts = e.time * MICROSECONDS;
    const text = e.ref !== NO_REF ? strings[e.ref] : undefined;
    this.lastTime = Math.max(this.lastTime, e.time);
    if (!this.named.has(e.task)) this.nameTask(e.task, e.kind === EventKind.TaskCreated ? text : undefined);
    const base = { ts, pid: PID, tid: e.task };
    switch (e.kind) {
      case EventKind.Line:
        this.closeLine(e.task, e.time);
        this.openLines.set(e.task, { line: e.line, start: e.time });
        break;
      case EventKind.TaskEnd:
        this.closeLine(e.task, e.time);
        this.instant(base, 'task end', 'task', { raised: e.flags === 1, result: text });
        break;
      case EventKind.TaskCreated:
        this.instant(base, 'task created', 'task', { name: text, parent: e.value });
        break;
      case EventKind.TaskStart:
        this.instant(base, 'task start', 'task', {});
        break;
      case EventKind.Print:
        this.instant(base, 'print', 'output', { text, line: e.line });
        break;
      case EventKind.Sleep:
        this.out.push({
          ...base,
          name: 'sleep',
          ph: 'X',
          dur: e.value * MICROSECONDS,
          cat: 'sleep',
          args: { seconds: e.value, line: e.line },
        });
        this.lastTime = Math.max(this.lastTime, e.time + e.value);
        break;
      case EventKind.Cpu:
        this.out.push({
          ...base,
          name: 'cpu',
          ph: 'X',
          dur: e.value * MICROSECONDS,
          cat: 'cpu',
          args: { seconds: e.value, line: e.line },
        });
        this.lastTime = Math.max(this.lastTime, e.time + e.value);
        break;
      case EventKind.Wake:
        this.instant(base, 'wake', 'task', { line: e.line });
        break;
      case EventKind.Error:
        this.instant(base, text ?? 'error', 'error', { line: e.line });
        break;
      default:
        this.instant(base, kindName(e.kind), 'other', { value: e.value, flags: e.flags, line: e.line, text });
    }
  }

  private nameTask(task: number, name: string | undefined): void {
    this.named.add(task);
    const label = name ?? (task === 0 ? 'main' : `task ${task}`);
    this.out.push({ name: 'thread_name', ph: 'M', ts: 0, pid: PID, tid: task, args: { name: label } });
    this.out.push({ name: 'thread_sort_index', ph: 'M', ts: 0, pid: PID, tid: task, args: { sort_index: task } });
  }

  private closeLine(task: number, end: number): void {
    const open = this.openLines.get(task);
    if (!open) return;
    this.openLines.delete(task);
    const text = this.lines[open.line - 1]?.trim();
    this.out.push({
      name: text ? `${open.line}: ${text}` : `line ${open.line}`,
      ph: 'X',
      ts: open.start * MICROSECONDS,
      dur: Math.max(0, end - open.start) * MICROSECONDS,
      pid: PID,
      tid: task,
      cat: 'line',
      args: { line: open.line },
    });
  }

  private instant(
    base: { ts: number; pid: number; tid: number },
    name: string,
    cat: string,
    args: Record<string, unknown>,
  ): void {
    this.out.push({ ...base, name, ph: 'i', s: 't', cat, args });
  }
}

/** toChromeTrace converts a whole run's events at once. */
export function toChromeTrace(
  events: Iterable<TraceEvent>,
  strings: readonly string[],
  options: ChromeTraceOptions = {},
): ChromeTrace {
  const builder = new ChromeTraceBuilder(options);
  builder.add(events, strings);
  return builder.finish();
}
