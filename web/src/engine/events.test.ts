import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BlockReason,
  EVENT_RECORD_BYTES,
  EventBatch,
  EventKind,
  NO_REF,
  encodeEvents,
  kindName,
  type TraceEvent,
} from './events';

const sample: TraceEvent[] = [
  { time: 0, value: 0, task: 0, kind: EventKind.TaskCreated, flags: 0, line: 0, ref: 0 },
  { time: 1.5e-8, value: 0, task: 0, kind: EventKind.Line, flags: 0, line: 3, ref: NO_REF },
  { time: 2.25, value: 0.75, task: 7, kind: EventKind.Sleep, flags: 0, line: 12, ref: NO_REF },
  { time: 3, value: 0, task: 7, kind: EventKind.TaskEnd, flags: 1, line: 12, ref: 4_000_000_000 },
];

// headerEnum reads `Name = N` pairs of one enum class from event.h, comments removed.
function headerEnum(name: string): [string, number][] {
  const header = readFileSync(new URL('../../../cpp/core/trace/event.h', import.meta.url), 'utf8').replace(
    /\/\/.*$/gm,
    '',
  );
  const start = header.indexOf(`enum class ${name}`);
  const body = header.slice(start, header.indexOf('};', start));
  return [...body.matchAll(/(\w+)\s*=\s*(\d+)/g)].map((m) => [m[1], Number(m[2])]);
}

function numericMembers(e: object): number {
  return Object.values(e).filter((v) => typeof v === 'number').length;
}

describe('EventKind', () => {
  it('mirrors EventKind and BlockReason in cpp/core/trace/event.h', () => {
    const kinds = headerEnum('EventKind');
    expect(kinds.length).toBeGreaterThan(8);
    for (const [name, value] of kinds) expect(EventKind[name as keyof typeof EventKind], name).toBe(value);
    expect(numericMembers(EventKind)).toBe(kinds.length);
    const reasons = headerEnum('BlockReason');
    for (const [name, value] of reasons) expect(BlockReason[name as keyof typeof BlockReason], name).toBe(value);
    expect(numericMembers(BlockReason)).toBe(reasons.length);
  });

  it('names unknown kinds', () => {
    expect(kindName(EventKind.Print)).toBe('Print');
    expect(kindName(99)).toBe('Kind99');
  });
});

describe('EventBatch', () => {
  it('decodes what encodeEvents packs, 32 bytes per record', () => {
    const buffer = encodeEvents(sample);
    expect(buffer.byteLength).toBe(sample.length * EVENT_RECORD_BYTES);
    const batch = new EventBatch(buffer);
    expect(batch.count).toBe(sample.length);
    expect(batch.toArray()).toEqual(sample);
    expect([...batch]).toEqual(sample);
    expect(batch.kind(2)).toBe(EventKind.Sleep);
    expect(batch.value(2)).toBe(0.75);
  });

  it('lays fields out like the C++ struct', () => {
    const bytes = new DataView(encodeEvents([sample[2]]));
    expect(bytes.getFloat64(0, true)).toBe(2.25);
    expect(bytes.getFloat64(8, true)).toBe(0.75);
    expect(bytes.getUint32(16, true)).toBe(7);
    expect(bytes.getUint16(20, true)).toBe(EventKind.Sleep);
    expect(bytes.getUint16(22, true)).toBe(0);
    expect(bytes.getUint32(24, true)).toBe(12);
    expect(bytes.getUint32(28, true)).toBe(NO_REF);
  });

  it('copyOf owns its bytes, so later changes to the source do not leak in', () => {
    const source = new Uint8Array(encodeEvents(sample));
    const batch = EventBatch.copyOf(source.subarray(EVENT_RECORD_BYTES));
    source.fill(0);
    expect(batch.toArray()).toEqual(sample.slice(1));
  });

  it('rejects a partial record', () => {
    expect(() => new EventBatch(new ArrayBuffer(33))).toThrow(/whole number/);
  });
});
