// The settings schema: the runtime knobs a run is a function of (with the program), their
// defaults, limits and kinds, the validation every stored, shared or typed value goes through,
// and the engine options they become. The one source of all of these on the web side: the
// page, its autosave, share links, the embed and the Node CLI read them here, and the engine's
// own defaults (cpp/core/sim/simulation.h) are the same values (settings.test.ts runs both).
// No DOM here.
import { type EngineOptions, isSchedule } from './protocol';

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

/** LIMITS bound each numeric setting; values outside are clamped. The bindings accept the same cores (cpp/bindings). */
export const LIMITS = {
  cores: { min: 1, max: 16 },
  switchInterval: { min: 1e-6, max: 1 },
  timeSlice: { min: 1e-6, max: 1 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  latency: { min: 0, max: 60 },
  capacity: { min: 1, max: 10_000 },
} as const;

/** SettingKind is what a setting's value may be, as share links check it. */
export type SettingKind = 'boolean' | 'number' | 'number|null' | 'schedule';

/** SETTING_KINDS gives each setting's kind, in the order settings are listed. */
export const SETTING_KINDS: Readonly<Record<keyof Settings, SettingKind>> = {
  sequential: 'boolean',
  gil: 'boolean',
  cores: 'number',
  switchInterval: 'number',
  timeSlice: 'number',
  seed: 'number',
  latency: 'number',
  capacity: 'number|null',
  schedule: 'schedule',
};

export const SETTING_KEYS = Object.keys(SETTING_KINDS) as readonly (keyof Settings)[];

/** PAGE_STEP_LIMIT keeps a runaway program short in the page (the CLI allows more). */
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
    switchInterval: clampNumber(
      v.switchInterval,
      LIMITS.switchInterval.min,
      LIMITS.switchInterval.max,
      d.switchInterval,
    ),
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
