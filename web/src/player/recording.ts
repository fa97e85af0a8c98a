// recordRun turns one run of a program into a trace: the engine session's event batches are
// ingested as they arrive, and the trace is finished with the run's totals when it ends, or with
// what arrived when it ends without its engine. The playground, the embed and Compare all run
// programs through it. No DOM here.
import type { RunResult } from '../engine/client';
import type { EngineOptions, RunLimits, RunListener, RunProgress, StopReason } from '../engine/protocol';
import { Trace } from './trace';

/** MAX_EVENTS bounds a run in the page (64 MB of records); longer runs stop with a note. */
export const MAX_EVENTS = 2_000_000;

/** RunStarter is what recordRun needs of an engine session (EngineSession, engine/session.ts). */
export interface RunStarter {
  start(source: string, options: EngineOptions, listener: RunListener, limits: RunLimits): number;
}

/** RecordingListener hears a recorded run after its trace has taken in each part. */
export interface RecordingListener {
  /** onEvents follows each batch of events added to the trace. */
  onEvents?(): void;
  onProgress?(progress: RunProgress): void;
  /** onEnd follows the trace's finish; failure is '' unless the run ended without its engine ("the engine crashed (…)"). */
  onEnd(result: RunResult | null, stopped: StopReason | null, failure: string): void;
}

/** Recording is a run being recorded: the engine session's run id and the trace it fills. */
export interface Recording {
  id: number;
  trace: Trace;
}

/** finishTrace ends a trace with a run's totals; result null (the engine was lost or stopped) keeps what arrived. */
export function finishTrace(trace: Trace, result: RunResult | null): void {
  if (trace.complete) return;
  trace.finish({ elapsed: result?.elapsed ?? trace.endTime, steps: result?.steps ?? 0, error: result?.error ?? null });
}

/** recordRun starts a run on the session and returns the trace it fills; limits default to the page's MAX_EVENTS. */
export function recordRun(
  session: RunStarter,
  source: string,
  options: EngineOptions,
  listener: RecordingListener,
  limits: RunLimits = { maxEvents: MAX_EVENTS },
): Recording {
  const trace = new Trace();
  const id = session.start(
    source,
    options,
    {
      onEvents: (buffers, newStrings) => {
        buffers.forEach((b, i) => trace.ingest(b, i === 0 ? newStrings : []));
        listener.onEvents?.();
      },
      onProgress: (progress) => listener.onProgress?.(progress),
      onDone: (result, stopped) => {
        finishTrace(trace, result);
        listener.onEnd(result, stopped, '');
      },
      onFailed: (reason) => {
        finishTrace(trace, null);
        listener.onEnd(null, null, reason);
      },
    },
    limits,
  );
  return { id, trace };
}
