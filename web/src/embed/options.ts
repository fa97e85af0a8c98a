// Embed options: what the URL of embed.html asks for (read-only, autoplay, panels, start
// position, theme, runtime settings, an example) and the query string that asks for them.
// No DOM here.
import { MAX_SPEED, MIN_SPEED, type Pace } from '../player/clock';
import { DEFAULT_SETTINGS, type Settings, normalizeSettings } from '../engine/settings';

export type Panel = 'code' | 'timeline' | 'output';
export type Theme = 'light' | 'dark' | 'auto';

export const PANELS: readonly Panel[] = ['code', 'timeline', 'output'];
const DEFAULT_FIT = 10;
export const DEFAULT_PACE: Pace = { kind: 'fit', seconds: DEFAULT_FIT };
const FIT_LIMITS = { min: 1, max: 120 };

export interface EmbedOptions {
  readonly: boolean;
  autoplay: boolean;
  panels: Panel[];
  /** start is the playback position (simulated seconds) the first run opens at; null for none. */
  start: number | null;
  theme: Theme;
  /** pace is the playback speed: `speed=X` (simulated seconds per second) or `fit=S` (the run in S seconds). */
  pace: Pace;
  /** settings are the URL's runtime parameters, applied over the program's own settings. */
  settings: Partial<Settings>;
  example: string | null;
  /** id names this embed in its height messages to the parent page. */
  id: string;
}

/** SETTING_PARAMS maps query parameters to settings; all of them go through normalizeSettings. */
const SETTING_PARAMS: Record<string, keyof Settings> = {
  gil: 'gil',
  cores: 'cores',
  seed: 'seed',
  sequential: 'sequential',
  interval: 'switchInterval',
  slice: 'timeSlice',
  latency: 'latency',
  capacity: 'capacity',
};

// flag reads a boolean parameter: present and empty, 1, true, yes or on mean true.
function flag(params: URLSearchParams, name: string): boolean | null {
  const v = params.get(name);
  if (v === null) return null;
  return ['', '1', 'true', 'yes', 'on'].includes(v.trim().toLowerCase());
}

function number(text: string | null): number | null {
  if (text === null || text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

function settingsOf(params: URLSearchParams): Partial<Settings> {
  const raw: Record<string, unknown> = {};
  const runtime = params.get('runtime')?.trim().toLowerCase();
  if (runtime === 'sequential') raw.sequential = true;
  else if (runtime === 'threads' || runtime === 'asyncio') raw.sequential = false;
  else if (runtime === 'free-threaded' || runtime === 'nogil') Object.assign(raw, { sequential: false, gil: false });
  for (const [param, key] of Object.entries(SETTING_PARAMS)) {
    if (!params.has(param)) continue;
    if (key === 'gil' || key === 'sequential') raw[key] = flag(params, param);
    else if (key === 'capacity' && /^(none|unlimited)$/i.test(params.get(param) ?? '')) raw[key] = null;
    else {
      const n = number(params.get(param));
      if (n !== null) raw[key] = n;
    }
  }
  const valid = normalizeSettings(raw);
  const out: Partial<Settings> = {};
  for (const key of Object.keys(raw) as (keyof Settings)[]) (out as Record<string, unknown>)[key] = valid[key];
  return out;
}

/** parseOptions reads embed options from a query string; anything invalid falls back to its default. */
export function parseOptions(search: string): EmbedOptions {
  const params = new URLSearchParams(search);
  const panelText = params.get('panels');
  const panels = panelText === null ? [...PANELS] : PANELS.filter((p) => panelText.split(/[\s,]+/).includes(p));
  const start = number(params.get('t') ?? params.get('start'));
  const theme = params.get('theme');
  const id = params.get('id') ?? '';
  const speed = number(params.get('speed'));
  const fit = number(params.get('fit'));
  const pace: Pace =
    speed !== null && speed > 0
      ? { kind: 'speed', speed: Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)) }
      : fit !== null && fit > 0
        ? { kind: 'fit', seconds: Math.min(FIT_LIMITS.max, Math.max(FIT_LIMITS.min, fit)) }
        : DEFAULT_PACE;
  return {
    readonly: flag(params, 'readonly') ?? false,
    autoplay: flag(params, 'autoplay') ?? false,
    panels: panels.length > 0 ? panels : [...PANELS],
    start: start !== null && start >= 0 ? start : null,
    theme: theme === 'light' || theme === 'dark' ? theme : 'auto',
    pace,
    settings: settingsOf(params),
    example: params.get('example'),
    id: /^[\w-]{1,64}$/.test(id) ? id : '',
  };
}

/** embedQuery writes the options that differ from the defaults as a query string (without '?'). */
export function embedQuery(o: Partial<EmbedOptions> & { settings?: Partial<Settings> }): string {
  const params = new URLSearchParams();
  if (o.readonly) params.set('readonly', '1');
  if (o.autoplay) params.set('autoplay', '1');
  if (o.panels && o.panels.length > 0 && o.panels.length < PANELS.length) params.set('panels', o.panels.join(','));
  if (o.start !== undefined && o.start !== null && o.start > 0) params.set('t', String(o.start));
  if (o.theme && o.theme !== 'auto') params.set('theme', o.theme);
  if (o.pace?.kind === 'speed') params.set('speed', String(o.pace.speed));
  else if (o.pace && o.pace.seconds !== DEFAULT_FIT) params.set('fit', String(o.pace.seconds));
  if (o.example) params.set('example', o.example);
  const s = o.settings ?? {};
  for (const [param, key] of Object.entries(SETTING_PARAMS)) {
    const v = s[key];
    if (v === undefined || v === DEFAULT_SETTINGS[key]) continue;
    params.set(param, v === null ? 'none' : typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  if (o.id) params.set('id', o.id);
  return params.toString();
}

/** programFromFragment reads a plain program from "#code=<percent-encoded text>"; null when absent. */
export function programFromFragment(fragment: string): string | null {
  const text = fragment.replace(/^#/, '');
  if (!text.startsWith('code=')) return null;
  try {
    return decodeURIComponent(text.slice(5));
  } catch {
    return null;
  }
}
