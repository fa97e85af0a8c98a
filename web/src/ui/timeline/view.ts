// TimelineViewport: the visible time window and the pure math of zooming, panning and
// mapping pixels to time, shared by the canvas, its tests and the compare view.

export const MIN_SPAN = 1e-9;

export class TimelineViewport {
  t0 = 0;
  t1 = 1;
  /** width is the lane area's width in CSS pixels. */
  width = 800;

  get span(): number {
    return this.t1 - this.t0;
  }

  timeAt(x: number): number {
    return this.t0 + (x / this.width) * this.span;
  }

  xAt(t: number): number {
    return ((t - this.t0) / this.span) * this.width;
  }

  /** fit shows the whole run [0, end] with a small margin. */
  fit(end: number): void {
    const span = end > 0 ? end : 1;
    this.t0 = -span * 0.01;
    this.t1 = span * 1.02;
  }

  /** zoomAt scales the window by factor (< 1 zooms in) keeping time under x fixed. */
  zoomAt(factor: number, x: number, end: number): void {
    const anchor = this.timeAt(x);
    const maxSpan = Math.max(end, MIN_SPAN) * 1.5;
    const span = Math.min(maxSpan, Math.max(MIN_SPAN, this.span * factor));
    const ratio = this.width > 0 ? x / this.width : 0.5;
    this.t0 = anchor - span * ratio;
    this.t1 = this.t0 + span;
    this.clamp(end);
  }

  /** pan moves the window by dx pixels (positive shows later time). */
  pan(dx: number, end: number): void {
    const dt = (dx / this.width) * this.span;
    this.t0 += dt;
    this.t1 += dt;
    this.clamp(end);
  }

  /** reveal scrolls so time t is visible, paging by most of a window. */
  reveal(t: number, end: number): boolean {
    if (t >= this.t0 && t <= this.t1) return false;
    const span = this.span;
    this.t0 = t - span * 0.1;
    this.t1 = this.t0 + span;
    this.clamp(end);
    return true;
  }

  private clamp(end: number): void {
    const span = this.span;
    const lo = -span * 0.25;
    const hi = Math.max(end, 0) + span * 0.25;
    if (this.t0 < lo) {
      this.t0 = lo;
      this.t1 = lo + span;
    }
    if (this.t1 > hi && hi - span >= lo) {
      this.t1 = hi;
      this.t0 = hi - span;
    }
  }
}
