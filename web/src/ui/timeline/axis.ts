// Time-axis ticks with "nice" steps (1, 2, 5 × 10^k) and labels in the unit that suits
// the step, so a window of 40 µs reads "10 µs 20 µs" and one of 3 s reads "0.5 s 1 s".

export interface Ticks {
  /** values holds the tick times; count says how many are valid. */
  values: Float64Array;
  count: number;
  step: number;
}

export function createTicks(): Ticks {
  return { values: new Float64Array(256), count: 0, step: 1 };
}

/** niceStep is the smallest 1/2/5 × 10^k at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw * (1 - 1e-9)) return m * power;
  return 10 * power;
}

/** computeTicks fills `out` with ticks at least minPx apart across the window. */
export function computeTicks(t0: number, t1: number, width: number, minPx: number, out: Ticks): void {
  out.count = 0;
  if (width <= 0 || t1 <= t0) return;
  const step = niceStep(((t1 - t0) * minPx) / width);
  out.step = step;
  let k = Math.ceil(t0 / step);
  while (out.count < out.values.length) {
    const t = k * step;
    if (t > t1) break;
    out.values[out.count++] = t;
    k += 1;
  }
}

const UNITS: [number, string][] = [
  [1, 's'],
  [1e-3, 'ms'],
  [1e-6, 'µs'],
  [1e-9, 'ns'],
];

/** formatTick labels tick time t on an axis whose ticks are `step` apart. */
export function formatTick(t: number, step: number): string {
  if (t === 0) return '0';
  const [scale, unit] = UNITS.find(([s]) => step >= s * 0.1 * (1 - 1e-9)) ?? UNITS[UNITS.length - 1];
  const scaledStep = step / scale;
  const digits = Math.max(0, -Math.floor(Math.log10(scaledStep) + 1e-9));
  return `${(t / scale).toFixed(digits)} ${unit}`;
}
