// The run's data exports, without the DOM: the Chrome trace (the CLI's --trace format,
// built by the same ChromeTraceBuilder) and the program's output as plain text.
import { type ChromeTrace, ChromeTraceBuilder } from '../../engine/chrome-trace';
import type { EventKind, TraceEvent } from '../../engine/events';
import { formatStamp } from '../../player/format';
import type { Trace } from '../../player/trace';

/** traceEvents walks the trace's records [from, to) in emission order, as the engine produced them. */
export function* traceEvents(trace: Trace, from = 0, to = trace.count): Generator<TraceEvent> {
  for (let i = from; i < to; i++) {
    yield {
      time: trace.time.data[i],
      value: trace.value.data[i],
      task: trace.task.data[i],
      kind: trace.kind.data[i] as EventKind,
      flags: trace.flags.data[i],
      line: trace.line.data[i],
      ref: trace.ref.data[i],
    };
  }
}

/** chromeTraceOf converts a run to Chrome Trace Event JSON, one track per task (Perfetto opens it). */
export function chromeTraceOf(trace: Trace, source: string, fileName = 'main.py'): ChromeTrace {
  const builder = new ChromeTraceBuilder({ source, processName: fileName });
  builder.add(traceEvents(trace), trace.strings);
  return builder.finish();
}

/** CHUNK is how many events the trace export handles between two yields to the page. */
const CHUNK = 25_000;

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** chromeTraceParts is chromeTraceOf as JSON text in parts, yielding between chunks so a long run never freezes the page. */
export async function chromeTraceParts(
  trace: Trace,
  source: string,
  fileName = 'main.py',
  pause: () => Promise<void> = nextTask,
): Promise<string[]> {
  const builder = new ChromeTraceBuilder({ source, processName: fileName });
  // count is fixed at the start: a run still streaming adds events while this yields.
  const count = trace.count;
  for (let i = 0; i < count; i += CHUNK) {
    builder.add(traceEvents(trace, i, Math.min(count, i + CHUNK)), trace.strings);
    await pause();
  }
  const { traceEvents: events, displayTimeUnit } = builder.finish();
  const parts = ['{"traceEvents":['];
  for (let i = 0; i < events.length; i += CHUNK) {
    const chunk: string[] = [];
    for (let k = i; k < Math.min(events.length, i + CHUNK); k++) chunk.push(JSON.stringify(events[k]));
    parts.push((i > 0 ? ',' : '') + chunk.join(','));
    await pause();
  }
  parts.push(`],"displayTimeUnit":${JSON.stringify(displayTimeUnit)}}`);
  return parts;
}

/** outputText is everything the program printed, in time order; stamps prefix each line with its simulated time. */
export function outputText(trace: Trace, stamps = false): string {
  let out = '';
  let atLineStart = true;
  for (let k = 0; k < trace.prints.length; k++) {
    const e = trace.prints.data[k];
    const text = trace.text(trace.ref.data[e]);
    if (!stamps) {
      out += text;
      continue;
    }
    const stamp = `[${formatStamp(trace.time.data[e])} s] `;
    for (const part of text.split(/(?<=\n)/)) {
      if (part === '') continue;
      if (atLineStart) out += stamp;
      out += part;
      atLineStart = part.endsWith('\n');
    }
  }
  const error = trace.summary?.error;
  if (error) out += (atLineStart || out === '' ? '' : '\n') + (error.traceback || `${error.type}: ${error.message}\n`);
  return out;
}
