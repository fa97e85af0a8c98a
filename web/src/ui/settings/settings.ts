// Settings: the runtime knobs a run is a function of (with the program), their defaults,
// validation of stored values, the engine options they become, and short descriptions
// for the compare view's labels. No DOM here.
import { type EngineOptions, isSchedule } from '../../engine/protocol';

export interface Settings {
  sequential: boolean;
  gil: boolean;
  cores: number;
  /** switchInterval is the GIL switch interval in seconds. */
  switchInterval: number;
  /** timeSlice is the OS scheduler's slice in seconds. */
  timeSlice: number;
  seed: number;
  /** latency is the simulated network's answer time in seconds. */
  latency: number;
  /** capacity is how many requests the network serves at once; null for no limit. */
  capacity: number | null;
  /** schedule replays a schedule the explorer found (an opaque URL-safe string); null runs the normal scheduler. */
  schedule: string | null;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  sequential: false,
  gil: true,
  cores: 2,
  switchInterval: 0.005,
  timeSlice: 0.01,
  seed: 0,
  latency: 0.25,
  capacity: null,
  schedule: null,
};

export const LIMITS = {
  cores: { min: 1, max: 16 },
  switchInterval: { min: 1e-6, max: 1 },
  timeSlice: { min: 1e-6, max: 1 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  latency: { min: 0, max: 60 },
  capacity: { min: 1, max: 10_000 },
} as const;

/** STEP_LIMIT keeps a runaway program short in the page (the CLI allows more). */
export const PAGE_STEP_LIMIT = 20_000_000;

function clampNumber(v: unknown, min: number, max: number, fallback: number, integer = false): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return fallback;
  const n = integer ? Math.round(v) : v;
  return Math.min(max, Math.max(min, n));
}

/** normalizeSettings turns anything (stored JSON, partial objects) into valid settings. */
export function normalizeSettings(value: unknown): Settings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const d = DEFAULT_SETTINGS;
  return {
    sequential: typeof v.sequential === 'boolean' ? v.sequential : d.sequential,
    gil: typeof v.gil === 'boolean' ? v.gil : d.gil,
    cores: clampNumber(v.cores, LIMITS.cores.min, LIMITS.cores.max, d.cores, true),
    switchInterval: clampNumber(v.switchInterval, LIMITS.switchInterval.min, LIMITS.switchInterval.max, d.switchInterval),
    timeSlice: clampNumber(v.timeSlice, LIMITS.timeSlice.min, LIMITS.timeSlice.max, d.timeSlice),
    seed: clampNumber(v.seed, LIMITS.seed.min, LIMITS.seed.max, d.seed, true),
    latency: clampNumber(v.latency, LIMITS.latency.min, LIMITS.latency.max, d.latency),
    capacity:
      typeof v.capacity === 'number' && Number.isFinite(v.capacity)
        ? clampNumber(v.capacity, LIMITS.capacity.min, LIMITS.capacity.max, 1, true)
        : v.capacity === null
          ? null
          : d.capacity,
    schedule: isSchedule(v.schedule) ? v.schedule : null,
  };
}

/** toEngineOptions is what the worker passes to the engine's Simulation constructor (schedule only when set). */
export function toEngineOptions(s: Settings): EngineOptions {
  const options: EngineOptions = {
    sequential: s.sequential,
    gil: s.gil,
    cores: s.cores,
    switchInterval: s.switchInterval,
    timeSlice: s.timeSlice,
    seed: s.seed,
    network: { latency: s.latency, capacity: s.capacity },
    stepLimit: PAGE_STEP_LIMIT,
  };
  if (s.schedule !== null) options.schedule = s.schedule;
  return options;
}

const ms = (s: number) => `${+(s * 1000).toPrecision(4)} ms`;

/** settingWords describes one setting the way the console sets it: "gil off", "cores 4". */
export function settingWords(key: keyof Settings, s: Settings): string {
  switch (key) {
    case 'sequential':
      return `sequential ${s.sequential ? 'on' : 'off'}`;
    case 'gil':
      return `GIL ${s.gil ? 'on' : 'off'}`;
    case 'cores':
      return `${s.cores} core${s.cores === 1 ? '' : 's'}`;
    case 'switchInterval':
      return `switch interval ${ms(s.switchInterval)}`;
    case 'timeSlice':
      return `time slice ${ms(s.timeSlice)}`;
    case 'seed':
      return `seed ${s.seed}`;
    case 'latency':
      return `latency ${+s.latency.toPrecision(4)} s`;
    case 'capacity':
      return `capacity ${s.capacity ?? 'unlimited'}`;
    case 'schedule':
      return s.schedule === null ? 'normal scheduler' : 'replaying a found schedule';
  }
}

export const SETTING_KEYS: readonly (keyof Settings)[] = ['sequential', 'gil', 'cores', 'switchInterval', 'timeSlice', 'seed', 'latency', 'capacity', 'schedule'];

/** describeDifference names what b changes relative to a ("GIL off · 4 cores"), or "same settings". */
export function describeDifference(a: Settings, b: Settings): string {
  const changed = SETTING_KEYS.filter((k) => a[k] !== b[k]).map((k) => settingWords(k, b));
  return changed.length > 0 ? changed.join(' · ') : 'same settings';
}

/** summary is a one-line description of all settings for the status bar. */
export function summary(s: Settings): string {
  const parts = [s.sequential ? 'sequential' : 'concurrent', settingWords('gil', s), settingWords('cores', s), `seed ${s.seed}`];
  if (s.schedule !== null) parts.push(settingWords('schedule', s));
  return parts.join(' · ');
}
