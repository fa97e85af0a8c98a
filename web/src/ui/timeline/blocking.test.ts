// A blocking call inside a coroutine, as the real engine reports it: the task panel state,
// the core lanes, the task lane and the loop lane must tell the same story at one instant.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Engine, loadEngine } from '../../engine/client';
import { snapshot } from '../../player/snapshot';
import { TaskState } from '../../player/states';
import { Trace } from '../../player/trace';
import { describeAt, segmentLabel } from './describe';
import { DrawList, LaneKind, Style, buildFrame, lanesOf, stallOfSeg } from './model';

let engine: Engine;

beforeAll(async () => {
  engine = await loadEngine(readFileSync(new URL('../../engine/generated/interleave.wasm', import.meta.url)));
});

function run(source: string): Trace {
  const trace = new Trace();
  let known = 0;
  const result = engine.runProgram(
    source,
    {},
    {
      onBatch: (batch, strings) => {
        trace.ingest(batch.buffer.slice(0), strings.slice(known));
        known = strings.length;
      },
    },
  );
  expect(result.error).toBeNull();
  trace.finish({ elapsed: result.elapsed, steps: result.steps, error: null });
  return trace;
}

function stallRects(trace: Trace, laneIndex: number, t0: number, t1: number) {
  const out = new DrawList();
  buildFrame(trace, lanesOf(trace), { t0, t1, width: 1000 }, out);
  return out.toJSON().filter((r) => r.lane === laneIndex && r.style === Style.Stall);
}

describe('a blocking call inside a coroutine (real engine)', () => {
  it('time.sleep: the task blocks the loop on no core, the core is idle, the loop lane and the task lane show the stall', () => {
    const trace = run(
      readFileSync(new URL('../../../../public/examples/blocking_in_coroutine.py', import.meta.url), 'utf8'),
    );
    const s = snapshot(trace, trace.at(1.0));
    const bad = s.tasks.find((t) => t.id === s.loop?.stall?.task);
    expect(s.loop?.stall?.call).toBe('time.sleep(1.5)');
    expect(bad?.blocking?.call).toBe('time.sleep(1.5)');
    expect(bad?.blocking?.until).toBeCloseTo(1.7, 3);
    // The loop's thread sleeps in the call: it holds no core and no GIL, and no task claims a core.
    expect(s.cores.every((id) => id === -1)).toBe(true);
    expect(bad?.core).toBe(-1);
    expect(s.tasks.filter((t) => t.core >= 0)).toEqual([]);
    expect(s.gil?.holder).toBe(-1);
    const main = s.tasks.find((t) => t.id === trace.loopThread);
    expect(main?.state).toBe(TaskState.Waiting);
    expect(main?.waitFor).toMatch(/^sleep until 1\.70 s/);
    // Other coroutines are not running while the loop is blocked.
    expect(s.tasks.filter((t) => t.state === TaskState.Running && t.id !== bad?.id)).toEqual([]);

    const lanes = lanesOf(trace);
    const taskLane = lanes.findIndex((l) => l.kind === LaneKind.Task && l.task === bad?.id);
    const loopLane = lanes.findIndex((l) => l.kind === LaneKind.Loop);
    for (const lane of [taskLane, loopLane]) {
      const rects = stallRects(trace, lane, 0, 3.3);
      expect(rects).toHaveLength(1);
      expect((rects[0].x / 1000) * 3.3).toBeCloseTo(0.2, 1);
      expect((rects[0].w / 1000) * 3.3).toBeCloseTo(1.5, 1);
      expect(stallOfSeg(rects[0].seg)).toBe(0);
    }
    expect(segmentLabel(trace, lanes[taskLane], stallRects(trace, taskLane, 0, 3.3)[0].seg)).toBe('time.sleep(1.5)');
    expect(segmentLabel(trace, lanes[loopLane], stallRects(trace, loopLane, 0, 3.3)[0].seg)).toMatch(
      /^blocked by .*: time\.sleep\(1\.5\)$/,
    );
    const tip = describeAt(trace, lanes[taskLane], 1.0);
    expect(tip.lines[0]).toBe('blocks the event loop');
    expect(tip.lines[2]).toBe('MainThread sleeps in the call: no core, no GIL');
    const core0 = lanes.findIndex((l) => l.kind === LaneKind.Core);
    expect(describeAt(trace, lanes[core0], 1.0).lines[0]).toBe('idle');
  });

  it('sim.cpu keeps the core busy, requests.get frees it; both block the loop and say so', () => {
    const source = [
      'import asyncio',
      'import sim',
      'import requests',
      '',
      'async def other():',
      '    await asyncio.sleep(0.1)',
      '',
      'async def bad():',
      '    sim.cpu(0.5)',
      '    requests.get("https://example.com/x")',
      '',
      'async def main():',
      '    await asyncio.gather(other(), bad())',
      '',
      'asyncio.run(main())',
      '',
    ].join('\n');
    const trace = run(source);
    const cpu = snapshot(trace, trace.at(0.3));
    const bad = cpu.tasks.find((t) => t.id === cpu.loop?.stall?.task);
    expect(bad?.blocking?.call).toBe('sim.cpu(0.5)');
    expect(bad?.core).toBe(0);
    expect(cpu.cores[0]).toBe(bad?.id);
    const io = snapshot(trace, trace.at(0.6));
    const waiting = io.tasks.find((t) => t.id === io.loop?.stall?.task);
    // requests.get reports its stall when it returns; the playhead inside it still shows it.
    expect(waiting?.blocking?.call).toBe("requests.get('https://example.com/x')");
    expect(waiting?.core).toBe(-1);
    expect(io.cores.every((id) => id === -1)).toBe(true);
    const lanes = lanesOf(trace);
    const taskLane = lanes.findIndex((l) => l.kind === LaneKind.Task && l.task === waiting?.id);
    const rects = stallRects(trace, taskLane, 0, 0.8);
    expect(rects.map((r) => segmentLabel(trace, lanes[taskLane], r.seg))).toEqual([
      'sim.cpu(0.5)',
      "requests.get('https://example.com/x')",
    ]);
    expect(describeAt(trace, lanes[taskLane], 0.6).lines[2]).toBe(
      'MainThread waits (I/O) in the call: no core, no GIL',
    );
  });
});
