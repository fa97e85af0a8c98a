// tracePreview: the playground's last run as an element's `preview` attribute (preview.ts),
// from its task lanes. No DOM here.
import type { Trace } from '../player/trace';
import { type LaneSource, encodePreview } from './preview';

/** tracePreview encodes a finished run's task lanes; null before a run has finished. */
export function tracePreview(trace: Trace): string | null {
  if (!trace.complete || trace.tasks.length === 0) return null;
  const lanes: LaneSource[] = trace.tasks.map((task) => ({
    name: task.name,
    count: task.lane.count,
    start: (i) => task.lane.start.data[i],
    end: (i) => task.lane.end.data[i],
    bucket: (i) => task.lane.bucket.data[i],
  }));
  return encodePreview(lanes, trace.endTime);
}
