// The schedule explorer through the real wasm module: a search finds the lost update and
// reports it as the protocol describes, and the reported schedule replays the failure with
// its forced switches marked by Forced events.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Engine, loadEngine } from './client';
import { EventKind, type TraceEvent } from './events';
import { validExploreReport } from './protocol';

let engine: Engine;

beforeAll(async () => {
  engine = await loadEngine(readFileSync(new URL('./generated/interleave.wasm', import.meta.url)));
});

const program = (name: string) => readFileSync(new URL(`../../../tests/explore/${name}`, import.meta.url), 'utf8');

describe('explorer', () => {
  it('finds the lost update in slices and replays it with Forced events', () => {
    const session = engine.explore(program('lost_update.py'), {}, { preemptions: 2 });
    let slices = 0;
    try {
      while (!session.advance(1)) slices += 1;
      expect(slices).toBeGreaterThan(0);
      const progress = session.progress();
      const report = session.report();
      expect(validExploreReport(report)).toBe(true);
      expect(progress.explored).toBe(report.explored);
      expect(report.bugs).toHaveLength(1);
      const [bug] = report.bugs;
      expect(bug.kind).toBe('assertion');
      expect(bug.preemptions).toBe(1);
      expect(bug.narration.join('\n')).toMatch(/after reading counter=\d+ and before writing it back/);

      const events: TraceEvent[] = [];
      let strings: readonly string[] = [];
      const result = engine.runProgram(
        program('lost_update.py'),
        { schedule: bug.schedule },
        {
          onBatch: (batch, table) => {
            events.push(...batch.toArray());
            strings = table;
          },
        },
      );
      expect(result.output).toBe(bug.output);
      expect(`${result.error?.type}: ${result.error?.message}`).toBe(bug.message);
      const forced = events.filter((e) => e.kind === EventKind.Forced);
      expect(forced.map((e) => strings[e.ref])).toEqual(bug.narration);
      expect(forced.every((e) => e.flags === 0 && e.line > 0)).toBe(true);
    } finally {
      session.dispose();
    }
  });

  it('says what it covered for a correct program, and stops when asked', () => {
    const clean = engine.explore(program('asyncio_lock.py'));
    try {
      while (!clean.advance(8)) {
        // The whole search.
      }
      const report = clean.report();
      expect(report.bugs).toEqual([]);
      expect(report.exhaustive).toBe(true);
      expect(report.coverage).toMatch(/^all \d+ schedules with at most 2 preemptions checked \(exhaustive/);
    } finally {
      clean.dispose();
    }
    const stopped = engine.explore(program('lost_update_lock.py'));
    try {
      stopped.advance(3);
      stopped.stop();
      const report = stopped.report();
      expect(report.explored).toBe(3);
      expect(report.exhaustive).toBe(false);
      expect(report.coverage).toMatch(/\(stopped\)$/);
    } finally {
      stopped.dispose();
    }
  });

  it('reports a schedule that is not one as a ScheduleError', () => {
    const result = engine.runProgram('print(1)\n', { schedule: 'nope' });
    expect(result.error?.type).toBe('ScheduleError');
  });
});
