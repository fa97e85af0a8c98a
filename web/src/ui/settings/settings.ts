// Settings in words: one setting as the console sets it ("gil off", "cores 4"), the difference
// between two (Compare's labels) and the status bar's summary. The schema itself (defaults,
// limits, validation, engine options) is engine/settings.ts. No DOM here.
import { SETTING_KEYS, type Settings } from '../../engine/settings';

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

/** describeDifference names what b changes relative to a ("GIL off · 4 cores"), or "same settings". */
export function describeDifference(a: Settings, b: Settings): string {
  const changed = SETTING_KEYS.filter((k) => a[k] !== b[k]).map((k) => settingWords(k, b));
  return changed.length > 0 ? changed.join(' · ') : 'same settings';
}

/** summary is a one-line description of all settings for the status bar. */
export function summary(s: Settings): string {
  const parts = [
    s.sequential ? 'sequential' : 'concurrent',
    settingWords('gil', s),
    settingWords('cores', s),
    `seed ${s.seed}`,
  ];
  if (s.schedule !== null) parts.push(settingWords('schedule', s));
  return parts.join(' · ');
}
