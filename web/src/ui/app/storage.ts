// Autosave: the program, the settings and playback preferences live in localStorage, so
// a reload loses nothing. Every read is validated; storage errors are never fatal.
import type { Pace } from '../../player/clock';
import { type Settings, normalizeSettings } from '../../engine/settings';

const KEYS = { source: 'interleave.source', settings: 'interleave.settings', prefs: 'interleave.prefs' } as const;

export interface Prefs {
  pace: Pace;
  timestamps: boolean;
  example: string;
}

const DEFAULT_PREFS: Prefs = { pace: { kind: 'fit', seconds: 10 }, timestamps: false, example: 'sequential' };

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode or a full quota: the page keeps working without autosave.
  }
}

function parse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export const storage = {
  source(): string | null {
    return read(KEYS.source);
  },
  saveSource(text: string): void {
    write(KEYS.source, text);
  },
  settings(): Settings {
    return normalizeSettings(parse(read(KEYS.settings)));
  },
  saveSettings(s: Settings): void {
    write(KEYS.settings, JSON.stringify(s));
  },
  prefs(): Prefs {
    const v = parse(read(KEYS.prefs));
    if (typeof v !== 'object' || v === null) return { ...DEFAULT_PREFS };
    const o = v as Record<string, unknown>;
    const p = o.pace as Record<string, unknown> | undefined;
    let pace = DEFAULT_PREFS.pace;
    if (p && p.kind === 'speed' && typeof p.speed === 'number' && p.speed >= 0.1 && p.speed <= 100)
      pace = { kind: 'speed', speed: p.speed };
    if (p && p.kind === 'fit' && typeof p.seconds === 'number' && p.seconds >= 0.5 && p.seconds <= 600)
      pace = { kind: 'fit', seconds: p.seconds };
    return {
      pace,
      timestamps: o.timestamps === true,
      example: typeof o.example === 'string' ? o.example : DEFAULT_PREFS.example,
    };
  },
  savePrefs(p: Prefs): void {
    write(KEYS.prefs, JSON.stringify(p));
  },
};
