import { describe, expect, it } from 'vitest';
import { validateWorkerMessage } from './protocol';

const result = { finished: true, output: 'hi\n', elapsed: 1.5, error: null, events: 3, steps: 10 };

describe('validateWorkerMessage', () => {
  it('accepts well-formed messages', () => {
    expect(validateWorkerMessage({ type: 'ready' })).toEqual({ type: 'ready' });
    const events = { type: 'events', id: 1, seq: 0, buffers: [new ArrayBuffer(64)], newStrings: ['a'] };
    expect(validateWorkerMessage(events)).toBe(events);
    const done = { type: 'done', id: 1, seq: 3, result, stopped: null };
    expect(validateWorkerMessage(done)).toBe(done);
    const progress = { type: 'progress', id: 1, seq: 1, progress: { steps: 1, events: 2, time: 0.5 } };
    expect(validateWorkerMessage(progress)).toBe(progress);
  });

  it('rejects malformed messages with a reason', () => {
    expect(validateWorkerMessage(null)).toBe('not a message object');
    expect(validateWorkerMessage({ type: 'events', id: 1, seq: 0, buffers: [new ArrayBuffer(33)], newStrings: [] })).toMatch(/whole 32-byte records/);
    expect(validateWorkerMessage({ type: 'events', id: 1, seq: 0, buffers: [], newStrings: [7] })).toMatch(/strings/);
    expect(validateWorkerMessage({ type: 'output', id: -1, seq: 0, text: '' })).toMatch(/bad id/);
    expect(validateWorkerMessage({ type: 'output', id: 1, seq: 0.5, text: '' })).toMatch(/sequence/);
    expect(validateWorkerMessage({ type: 'done', id: 1, seq: 0, result: { ...result, error: { type: 'E' } }, stopped: null })).toMatch(/bad result/);
    expect(validateWorkerMessage({ type: 'done', id: 1, seq: 0, result, stopped: 'bored' })).toMatch(/stop reason/);
    expect(validateWorkerMessage({ type: 'hello', id: 1, seq: 0 })).toMatch(/unknown message type/);
  });
});
