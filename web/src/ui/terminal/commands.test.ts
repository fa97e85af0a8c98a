import { describe, expect, it } from 'vitest';
import { History, complete, helpText, parseCommand, parseDuration, parseSwitch } from './commands';

describe('console commands', () => {
  it('parses commands and durations', () => {
    expect(parseCommand('  speed   2 ')).toEqual({ name: 'speed', args: ['2'] });
    expect(parseCommand('   ')).toBeNull();
    expect(parseDuration('1.5')).toBe(1.5);
    expect(parseDuration('250ms')).toBeCloseTo(0.25);
    expect(parseDuration('5', 'ms')).toBeCloseTo(0.005);
    expect(parseDuration('2 s', 'ms')).toBe(2);
    expect(parseDuration('abc')).toBeNull();
    expect(parseDuration('3 parsecs')).toBeNull();
    expect(parseSwitch('OFF')).toBe(false);
    expect(parseSwitch('maybe')).toBeNull();
  });

  it('completes names and arguments', () => {
    expect(complete('sp', [])).toEqual({ line: 'speed ', options: [] });
    expect(complete('s', []).options).toEqual([
      'stop',
      'schedule',
      'step',
      'start',
      'seek',
      'speed',
      'seed',
      'sequential',
      'slice',
      'share',
      'scheduler',
      'settings',
    ]);
    expect(complete('exa', []).line).toBe('example');
    expect(complete('ex', []).options).toEqual(['explore', 'example', 'examples', 'export']);
    expect(complete('export s', []).line).toBe('export svg ');
    expect(complete('example dead', ['deadlock', 'race'])).toEqual({ line: 'example deadlock ', options: [] });
    expect(complete('gil o', []).options).toEqual(['on', 'off']);
    expect(complete('gil of', []).line).toBe('gil off ');
    expect(complete('help com', []).line).toBe('help compare ');
  });

  it('walks the history and keeps the draft', () => {
    const h = new History(['run', 'speed 2']);
    expect(h.up('spe')).toBe('speed 2');
    expect(h.up('')).toBe('run');
    expect(h.up('')).toBe('run');
    expect(h.down()).toBe('speed 2');
    expect(h.down()).toBe('spe');
    h.push('speed 2');
    h.push('speed 2');
    expect(h.entries).toEqual(['run', 'speed 2']);
  });

  it('explains commands', () => {
    expect(helpText().length).toBeGreaterThan(20);
    expect(helpText('gil')[0]).toContain('global interpreter lock');
    expect(helpText('nope')[0]).toContain('no command');
  });
});
