// The settings schema against the real wasm module: its defaults are the engine's own.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Engine, type RunOptions, loadEngine } from './client';
import type { TraceEvent } from './events';
import { DEFAULT_SETTINGS, type Settings, toEngineOptions } from './settings';

let engine: Engine;

beforeAll(async () => {
  engine = await loadEngine(readFileSync(new URL('./generated/interleave.wasm', import.meta.url)));
});

// PROGRAM depends on every setting: three threads share the GIL on the cores, one of them in
// sim.cpu long enough to be preempted, one waits on the network, and random reads the seed.
const PROGRAM = `
import random, threading, time, sim, requests

def spin(n):
    total = 0
    for i in range(n):
        total += i
    sim.cpu(0.03)
    print(threading.current_thread().name, total, random.random())

def fetch():
    requests.get("http://example.com/")
    requests.get("http://example.com/")
    print("fetched at", round(time.time(), 3))

threads = [threading.Thread(target=spin, args=(3000,)) for _ in range(3)] + [threading.Thread(target=fetch) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("done at", round(time.time(), 4))
`;

function run(options: RunOptions): { output: string; elapsed: number; events: TraceEvent[] } {
  const events: TraceEvent[] = [];
  const result = engine.runProgram(PROGRAM, options, { onBatch: (batch) => events.push(...batch.toArray()) });
  expect(result.error).toBeNull();
  return { output: result.output, elapsed: result.elapsed, events };
}

const engineOptions = (s: Settings): RunOptions => {
  const { stepLimit: _pageLimit, ...options } = toEngineOptions(s);
  return options;
};

describe('settings schema', () => {
  it('has the engine defaults: the defaults sent explicitly give the run the engine gives with no options', () => {
    const defaults = run({});
    expect(run(engineOptions(DEFAULT_SETTINGS))).toEqual(defaults);
    // Cores and time slices matter once the GIL is off: the same check there.
    const free = run({ gil: false });
    expect(run(engineOptions({ ...DEFAULT_SETTINGS, gil: false }))).toEqual(free);
    // The program notices each setting, so the equalities above check every default.
    const changed: [Partial<Settings>, typeof defaults][] = [
      [{ gil: false }, defaults],
      [{ gil: false, cores: 1 }, free],
      [{ switchInterval: 0.001 }, defaults],
      [{ gil: false, timeSlice: 0.001 }, free],
      [{ seed: 1 }, defaults],
      [{ latency: 0.5 }, defaults],
      [{ capacity: 1 }, defaults],
      [{ sequential: true }, defaults],
    ];
    for (const [change, base] of changed)
      expect(run(engineOptions({ ...DEFAULT_SETTINGS, ...change })), JSON.stringify(change)).not.toEqual(base);
  });
});
