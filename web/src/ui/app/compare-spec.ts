// compareSpec decides what Compare runs: the example's own pair when it has one, or the
// editor's program under the current settings against one changed setting.
import type { CompareRunSpec, CompareSpec } from '../compare/compare';
import type { CompareSide, Example } from '../examples/gallery';
import { type Settings, normalizeSettings } from '../../engine/settings';
import { describeDifference } from '../settings/settings';
import { parseDuration, parseSwitch } from '../terminal/commands';

/** ComparePage is what Compare reads of the playground (its App): the program, its settings and example. */
export interface ComparePage {
  readonly editor: { readonly text: string };
  readonly settings: Settings;
  readonly example: Example | null;
  readonly gallery: { find(name: string): Example | undefined; source(example: Example): Promise<string> };
}

/** changeSetting applies "gil off", "cores 4", ... to settings; a string explains a mistake. */
export function changeSetting(s: Settings, name: string, value: string | undefined): Settings | string {
  switch (name.toLowerCase()) {
    case 'gil':
    case 'sequential': {
      const on = parseSwitch(value);
      if (on === null) return `${name} needs on or off`;
      return { ...s, [name.toLowerCase()]: on };
    }
    case 'cores':
    case 'seed': {
      const n = Number(value);
      if (value === undefined || !Number.isInteger(n) || n < 0) return `${name} needs a whole number`;
      return normalizeSettings({ ...s, [name.toLowerCase()]: n });
    }
    case 'interval':
    case 'slice': {
      const d = value === undefined ? null : parseDuration(value, 'ms');
      if (d === null || d <= 0) return `${name} needs a duration such as 5 or 5ms`;
      return normalizeSettings({ ...s, [name === 'interval' ? 'switchInterval' : 'timeSlice']: d });
    }
    case 'latency': {
      const d = value === undefined ? null : parseDuration(value, 's');
      if (d === null) return 'latency needs a duration such as 0.25 or 250ms';
      return normalizeSettings({ ...s, latency: d });
    }
    case 'capacity': {
      if (value?.toLowerCase() === 'none' || value?.toLowerCase() === 'unlimited') return { ...s, capacity: null };
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) return 'capacity needs a whole number or none';
      return normalizeSettings({ ...s, capacity: n });
    }
    default:
      return `unknown setting '${name}'`;
  }
}

async function sideOf(app: ComparePage, side: CompareSide): Promise<CompareRunSpec> {
  let source = app.editor.text;
  let settings = app.settings;
  if (side.example) {
    const example = app.gallery.find(side.example);
    if (example) {
      source = await app.gallery.source(example);
      settings = { ...settings, ...example.settings };
    }
  }
  return { label: side.label, source, settings: normalizeSettings({ ...settings, ...side.settings }) };
}

export async function compareSpec(app: ComparePage, args: string[]): Promise<CompareSpec | string> {
  const current = app.settings;
  if (args.length === 0 && app.example?.compare) {
    return { a: await sideOf(app, app.example.compare.a), b: await sideOf(app, app.example.compare.b) };
  }
  let changed: Settings | string;
  if (args.length === 0) changed = { ...current, sequential: !current.sequential };
  else changed = changeSetting(current, args[0], args[1]);
  if (typeof changed === 'string') return changed;
  const source = app.editor.text;
  return {
    a: { label: describeDifference(changed, current), source, settings: current },
    b: { label: describeDifference(current, changed), source, settings: changed },
  };
}
