// PlaybackClock maps simulated time to wall time: a pace (a fixed speed, or "fit the run
// into N seconds"), an anchor pair (wall, simulated) and play/pause. It reads an injected
// clock, so tests drive it with a fake one.

/** SPEEDS are the fixed paces offered, in simulated seconds per wall second. */
export const SPEEDS: readonly number[] = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100];
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 100;

export type Pace = { kind: 'speed'; speed: number } | { kind: 'fit'; seconds: number };

export function paceLabel(pace: Pace): string {
  return pace.kind === 'speed' ? `${pace.speed}×` : `fit ${pace.seconds} s`;
}

export class PlaybackClock {
  pace: Pace = { kind: 'fit', seconds: 10 };
  private playing = false;
  private anchorWall = 0;
  private anchorSim = 0;
  private rateNow = 1;

  constructor(private readonly now: () => number) {}

  get isPlaying(): boolean {
    return this.playing;
  }

  /** rate is simulated seconds per wall second for a run of `duration` simulated seconds. */
  rate(duration: number): number {
    if (this.pace.kind === 'speed') return this.pace.speed;
    return duration > 0 ? duration / this.pace.seconds : 1;
  }

  /** start plays from simTime. */
  start(simTime: number, duration: number): void {
    this.playing = true;
    this.anchor(simTime, duration);
  }

  stop(): void {
    this.playing = false;
  }

  /** anchor re-bases the clock so it reads simTime now (after a seek or a pace change). */
  anchor(simTime: number, duration: number): void {
    this.anchorWall = this.now();
    this.anchorSim = simTime;
    this.rateNow = this.rate(duration);
  }

  /** read is the simulated time the clock shows now (only meaningful while playing). */
  read(): number {
    return this.anchorSim + ((this.now() - this.anchorWall) / 1000) * this.rateNow;
  }

  setSpeed(speed: number): void {
    this.pace = { kind: 'speed', speed: Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)) };
  }

  fit(seconds: number): void {
    this.pace = { kind: 'fit', seconds: Math.max(0.5, seconds) };
  }
}
