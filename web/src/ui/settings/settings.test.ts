import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings, toEngineOptions } from '../../engine/settings';
import { describeDifference } from './settings';

describe('settings', () => {
  it('normalizes stored values and keeps defaults for junk', () => {
    expect(normalizeSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ cores: 99, seed: -4, gil: 'no', capacity: null, latency: 0.5 })).toEqual({
      ...DEFAULT_SETTINGS,
      cores: 16,
      seed: 0,
      capacity: null,
      latency: 0.5,
    });
    expect(normalizeSettings({ capacity: 3.4 }).capacity).toBe(3);
    expect(normalizeSettings({ capacity: 'x' }).capacity).toBeNull();
    expect(normalizeSettings({ schedule: '1.a-b' }).schedule).toBe('1.a-b');
    expect(normalizeSettings({ schedule: 'not/a/schedule' }).schedule).toBeNull();
  });

  it('passes a schedule to the engine only when one is set, and names it', () => {
    expect(toEngineOptions(DEFAULT_SETTINGS)).not.toHaveProperty('schedule');
    expect(toEngineOptions({ ...DEFAULT_SETTINGS, schedule: '1.a-b' })).toMatchObject({ schedule: '1.a-b' });
    expect(describeDifference(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, schedule: '1.a-b' })).toBe(
      'replaying a found schedule',
    );
  });

  it('maps to engine options and names differences', () => {
    const options = toEngineOptions({ ...DEFAULT_SETTINGS, gil: false });
    expect(options).toMatchObject({
      gil: false,
      cores: 2,
      switchInterval: 0.005,
      network: { latency: 0.25, capacity: null },
    });
    expect(describeDifference(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, gil: false, cores: 4 })).toBe(
      'GIL off · 4 cores',
    );
    expect(describeDifference(DEFAULT_SETTINGS, DEFAULT_SETTINGS)).toBe('same settings');
  });
});
