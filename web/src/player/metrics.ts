// metrics sums a finished run for the compare view: elapsed time, CPU utilisation,
// context switches and time spent waiting for the GIL, all from the trace's lanes.
import { Bucket, ReadyFor, TaskState } from './states';
import type { Trace } from './trace';

export interface RunMetrics {
  elapsed: number;
  /** busy is the simulated CPU time summed over tasks. */
  busy: number;
  /** cores is how many cores the run used (1 when the runtime places no task on a core). */
  cores: number;
  /** utilisation is busy / (elapsed × cores), from 0 to 1. */
  utilisation: number;
  switches: number;
  gilWait: number;
  tasks: number;
  events: number;
}

export function metrics(trace: Trace, coresSetting = 0): RunMetrics {
  const elapsed = trace.endTime;
  let busy = 0;
  let gilWait = 0;
  for (const rec of trace.tasks) {
    const lane = rec.lane;
    busy += lane.accAt(Bucket.Running, elapsed);
    for (let i = 0; i < lane.count; i++) {
      const state = lane.state.data[i];
      const detail = lane.detail.data[i];
      if ((state === TaskState.Ready && detail === ReadyFor.Gil) || (state === TaskState.Waiting && detail === 10)) {
        gilWait += Math.min(lane.end.data[i], elapsed) - lane.start.data[i];
      }
    }
  }
  const cores = Math.max(1, coresSetting, trace.cores.length);
  let switches = 0;
  let last = -1;
  for (let k = 0; k < trace.switches.length; k++) {
    const t = trace.time.data[trace.switches.data[k]];
    if (t !== last) switches += 1;
    last = t;
  }
  return {
    elapsed,
    busy,
    cores,
    utilisation: elapsed > 0 ? Math.min(1, busy / (elapsed * cores)) : 0,
    switches,
    gilWait,
    tasks: trace.tasks.length,
    events: trace.count,
  };
}
