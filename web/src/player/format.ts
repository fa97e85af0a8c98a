// Time formatting shared by every view: adaptive units for durations and one fixed unit
// per run for the elapsed counter, so the digits do not jump between units while playing.

/** formatSeconds renders a duration with a unit that suits its size: 1.50 s, 250 ms, 12.0 µs. */
export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '∞';
  const a = Math.abs(s);
  if (a === 0) return '0 s';
  if (a < 0.9995e-6) return `${trim((s * 1e9).toPrecision(3))} ns`;
  if (a < 0.9995e-3) return `${trim((s * 1e6).toPrecision(3))} µs`;
  if (a < 0.9995) return `${trim((s * 1e3).toPrecision(3))} ms`;
  if (a < 60) return `${s.toFixed(2)} s`;
  const minutes = Math.floor(a / 60);
  const rest = a - minutes * 60;
  return `${s < 0 ? '-' : ''}${minutes} min ${rest.toFixed(rest < 10 ? 1 : 0)} s`;
}

function trim(text: string): string {
  return text.includes('e') ? String(Number(text)) : text;
}

export interface ClockUnit {
  scale: number;
  unit: string;
  digits: number;
}

/** clockUnit picks the unit of the elapsed counter from the run's length. */
export function clockUnit(end: number): ClockUnit {
  if (end > 0 && end < 1e-3) return { scale: 1e6, unit: 'µs', digits: 1 };
  if (end > 0 && end < 1) return { scale: 1e3, unit: 'ms', digits: 2 };
  return { scale: 1, unit: 's', digits: 3 };
}

/** formatClock renders an instant in a fixed unit: "2.500 s", "12.34 ms". */
export function formatClock(s: number, unit: ClockUnit): string {
  return `${(s * unit.scale).toFixed(unit.digits)} ${unit.unit}`;
}

/** formatStamp is the fixed-width timestamp prefixed to terminal lines. */
export function formatStamp(s: number): string {
  return s < 1000 ? s.toFixed(3).padStart(7) : s.toExponential(2).padStart(7);
}
