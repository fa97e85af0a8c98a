// Test fixtures: a Trace from a real engine run or from a hand-written stream, the way the
// page builds one, for the narration and predict tests.
import type { Engine, RunOptions } from '../../engine/client';
import { encodeEvents } from '../../engine/events';
import type { StreamBuilder } from '../../player/synthetic';
import { Trace } from '../../player/trace';

/** traceOfRun runs a program through the engine and ingests its batches into a finished Trace. */
export function traceOfRun(engine: Engine, source: string, options: RunOptions = {}): Trace {
  const trace = new Trace();
  const result = engine.runProgram(source, options, {
    onBatch: (batch, strings) => trace.ingest(encodeEvents(batch.toArray()), strings.slice(trace.strings.length)),
  });
  trace.finish({ elapsed: result.elapsed, steps: result.steps, error: result.error });
  return trace;
}

/** traceOfStream ingests a hand-written stream in one batch and finishes it. */
export function traceOfStream(stream: StreamBuilder): Trace {
  const trace = new Trace();
  trace.ingest(stream.buffer(), stream.strings);
  trace.finish({ elapsed: trace.endTime, steps: 0, error: null });
  return trace;
}
