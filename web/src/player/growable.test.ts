import { describe, expect, it } from 'vitest';
import { IN_PLACE_FROM, f64, u16 } from './growable';

describe('Column', () => {
  it('keeps every value across growth, through and past the in-place threshold', () => {
    const c = f64();
    const n = IN_PLACE_FROM * 5 + 3;
    for (let i = 0; i < n; i++) c.push(i * 0.5);
    expect(c.length).toBe(n);
    expect(c.data.length).toBeGreaterThanOrEqual(n);
    for (const i of [0, 1, IN_PLACE_FROM - 1, IN_PLACE_FROM, IN_PLACE_FROM + 1, n - 1]) expect(c.data[i]).toBe(i * 0.5);
    expect(c.last).toBe((n - 1) * 0.5);
  });

  it('grows a large column in place, in one resizable buffer', () => {
    const c = u16();
    c.reserve(IN_PLACE_FROM * 2);
    const buffer = c.data.buffer as ArrayBuffer & { resizable?: boolean };
    expect(buffer.resizable).toBe(true);
    c.data[5] = 7;
    c.length = 6;
    c.reserve(IN_PLACE_FROM * 8);
    expect(c.data.buffer).toBe(buffer);
    expect(c.data.length).toBeGreaterThanOrEqual(IN_PLACE_FROM * 8);
    expect(c.data[5]).toBe(7);
  });

  it('inserts by shifting the tail', () => {
    const c = f64();
    for (const v of [1, 2, 4]) c.push(v);
    c.insert(2, 3);
    expect([...c.data.subarray(0, c.length)]).toEqual([1, 2, 3, 4]);
  });
});
