// Player: the playhead over one Trace plus the transport: play and pause on a
// PlaybackClock, step by event or by switch, jump, seek. The page calls tick() once per
// animation frame; everything else is a command. No DOM here.
import { PlaybackClock, type Pace } from './clock';
import { type Playhead, Trace } from './trace';

export class Player {
  trace = new Trace();
  playhead: Playhead = { time: 0, seq: -1 };
  readonly clock: PlaybackClock;
  /** waiting is true while playback has caught up with a run that is still streaming. */
  waiting = false;
  private duration = 0;

  constructor(now: () => number) {
    this.clock = new PlaybackClock(now);
  }

  get playing(): boolean {
    return this.clock.isPlaying;
  }

  get end(): number {
    return this.trace.endTime;
  }

  /** load starts a new run's trace; the playhead returns to the start. */
  load(trace: Trace): void {
    this.trace = trace;
    this.playhead = { time: 0, seq: -1 };
    this.duration = trace.endTime;
    this.waiting = false;
  }

  /** tick moves the playhead by the clock; returns true when it moved. */
  tick(): boolean {
    if (!this.clock.isPlaying) return false;
    const end = this.trace.endTime;
    if (end !== this.duration) {
      this.duration = end;
      this.clock.anchor(Math.min(this.clock.read(), end), end);
    }
    let time = this.clock.read();
    if (time >= end) {
      time = end;
      if (this.trace.complete) {
        this.clock.stop();
        this.waiting = false;
      } else {
        this.waiting = true;
        this.clock.anchor(end, end);
      }
    } else {
      this.waiting = false;
    }
    const before = this.playhead;
    this.playhead = this.trace.at(time);
    return before.time !== this.playhead.time || before.seq !== this.playhead.seq;
  }

  play(): void {
    if (this.clock.isPlaying) return;
    if (this.trace.complete && this.playhead.time >= this.trace.endTime) this.playhead = { time: 0, seq: -1 };
    this.duration = this.trace.endTime;
    this.clock.start(this.playhead.time, this.duration);
  }

  pause(): void {
    this.clock.stop();
    this.waiting = false;
  }

  toggle(): void {
    if (this.clock.isPlaying) this.pause();
    else this.play();
  }

  setPace(pace: Pace): void {
    this.clock.pace = pace;
    this.clock.anchor(this.playhead.time, this.trace.endTime);
  }

  setSpeed(speed: number): void {
    this.clock.setSpeed(speed);
    this.clock.anchor(this.playhead.time, this.trace.endTime);
  }

  fit(seconds: number): void {
    this.clock.fit(seconds);
    this.clock.anchor(this.playhead.time, this.trace.endTime);
  }

  /** seek puts the playhead at a simulated time (clamped to the run). */
  seek(time: number): void {
    const t = Math.max(0, Math.min(time, this.trace.endTime));
    this.moveTo(this.trace.at(t));
  }

  /** moveTo puts the playhead exactly at a position, such as a print or an event. */
  moveTo(ph: Playhead): void {
    this.playhead = ph;
    if (this.clock.isPlaying) this.clock.anchor(ph.time, this.trace.endTime);
  }

  stepEvent(direction: 1 | -1): void {
    this.pause();
    this.moveTo(direction > 0 ? this.trace.nextEvent(this.playhead) : this.trace.prevEvent(this.playhead));
  }

  /** stepSwitch moves to the next or previous change of running task; false if there is none. */
  stepSwitch(direction: 1 | -1): boolean {
    this.pause();
    const target = direction > 0 ? this.trace.nextSwitch(this.playhead) : this.trace.prevSwitch(this.playhead);
    if (!target) return false;
    this.moveTo(target);
    return true;
  }

  toStart(): void {
    this.moveTo({ time: 0, seq: -1 });
  }

  toEnd(): void {
    this.moveTo(this.trace.at(this.trace.endTime));
  }
}
