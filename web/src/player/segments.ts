// SegmentList: one timeline lane as sorted, contiguous-or-gapped stretches of state, with
// prefix sums per time bucket. Finding the state at an instant and the time spent in a
// bucket up to an instant are binary searches, never scans, so a lane of a million
// segments answers any query in microseconds.
import { Bucket } from './states';
import { type Column, f64, i32, u32, u8 } from './growable';

export class SegmentList {
  readonly start: Column<Float64Array> = f64();
  readonly end: Column<Float64Array> = f64();
  /** seq is the emission index of the event that opened the segment (ties on start). */
  readonly seq: Column<Uint32Array> = u32();
  readonly state: Column<Uint8Array> = u8();
  readonly bucket: Column<Uint8Array> = u8();
  /** task is the task shown by resource lanes (core, GIL, loop); the owner in task lanes. */
  readonly task: Column<Uint32Array> = u32();
  /** detail is kind-specific: ready reason, block reason, core index, end flags. */
  readonly detail: Column<Int32Array> = i32();
  readonly ref: Column<Uint32Array> = u32();
  /** until is a deadline, the end of CPU work or a loop stall; -1 if none. */
  readonly until: Column<Float64Array> = f64();
  /** acc[b][i] is the time spent in bucket b by segments 0..i-1. */
  readonly acc: [Column<Float64Array>, Column<Float64Array>, Column<Float64Array>] = [f64(), f64(), f64()];

  get count(): number {
    return this.start.length;
  }

  /** isOpen tells whether the last segment has no end yet. */
  get isOpen(): boolean {
    return this.count > 0 && this.end.data[this.count - 1] === Infinity;
  }

  /** open starts a segment at (time, seq), closing an open last segment there. */
  open(
    time: number,
    seq: number,
    state: number,
    bucket: Bucket,
    task: number,
    detail: number,
    ref: number,
    until: number,
  ): number {
    const n = this.count;
    if (n > 0 && (time < this.start.data[n - 1] || (time === this.start.data[n - 1] && seq < this.seq.data[n - 1]))) {
      return this.insertLate(time, seq, state, bucket, task, detail, ref, until);
    }
    if (this.isOpen) this.close(time);
    for (let b = 0; b < 3; b++) {
      const prev =
        n === 0
          ? 0
          : this.acc[b].data[n - 1] +
            (this.bucket.data[n - 1] === b ? this.end.data[n - 1] - this.start.data[n - 1] : 0);
      this.acc[b].push(prev);
    }
    this.start.push(time);
    this.end.push(Infinity);
    this.seq.push(seq);
    this.state.push(state);
    this.bucket.push(bucket);
    this.task.push(task);
    this.detail.push(detail);
    this.ref.push(ref);
    this.until.push(until);
    return n;
  }

  /** close ends the open last segment at time (never before its start). */
  close(time: number): void {
    const n = this.count;
    if (n === 0 || this.end.data[n - 1] !== Infinity) return;
    this.end.data[n - 1] = Math.max(time, this.start.data[n - 1]);
  }

  /** findKey is the last segment opened at or before (time, seq), or -1. */
  findKey(time: number, seq: number): number {
    const start = this.start.data;
    const seqs = this.seq.data;
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (start[mid] < time || (start[mid] === time && seqs[mid] <= seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** findTime is the last segment starting at or before time, or -1. */
  findTime(time: number): number {
    const start = this.start.data;
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (start[mid] <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** covers tells whether segment i spans time (an open segment spans all later time). */
  covers(i: number, time: number): boolean {
    return i >= 0 && time >= this.start.data[i] && time <= this.end.data[i];
  }

  /** accAt is the time spent in bucket b up to `time`, counting segment i (findTime(time)) partly. */
  accAt(b: Bucket, time: number, i = this.findTime(time)): number {
    if (i < 0 || b === Bucket.None) return 0;
    const partial = this.bucket.data[i] === b ? Math.max(0, Math.min(time, this.end.data[i]) - this.start.data[i]) : 0;
    return this.acc[b].data[i] + partial;
  }

  // insertLate places a segment that arrived out of order and rebuilds the sums after it.
  private insertLate(
    time: number,
    seq: number,
    state: number,
    bucket: Bucket,
    task: number,
    detail: number,
    ref: number,
    until: number,
  ): number {
    const at = this.findKey(time, seq) + 1;
    const prevEnd = at > 0 ? this.end.data[at - 1] : time;
    if (at > 0 && prevEnd > time) this.end.data[at - 1] = time;
    const nextStart = this.start.data[at];
    this.start.insert(at, time);
    this.end.insert(at, Math.min(prevEnd, nextStart));
    this.seq.insert(at, seq);
    this.state.insert(at, state);
    this.bucket.insert(at, bucket);
    this.task.insert(at, task);
    this.detail.insert(at, detail);
    this.ref.insert(at, ref);
    this.until.insert(at, until);
    for (let b = 0; b < 3; b++) this.acc[b].insert(at, 0);
    this.rebuildSums(at);
    return at;
  }

  private rebuildSums(from: number): void {
    for (let i = Math.max(1, from); i < this.count; i++) {
      for (let b = 0; b < 3; b++) {
        const prev =
          this.acc[b].data[i - 1] + (this.bucket.data[i - 1] === b ? this.end.data[i - 1] - this.start.data[i - 1] : 0);
        this.acc[b].data[i] = prev;
      }
    }
    if (from === 0) for (let b = 0; b < 3; b++) this.acc[b].data[0] = 0;
  }
}
