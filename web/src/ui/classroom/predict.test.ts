// Predict-mode tests: where playback stops, which tasks are offered, the answer, and a
// whole game played by a scripted student over hand-written streams and real runs.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Engine, loadEngine } from '../../engine/client';
import { TaskKind } from '../../player/states';
import { StreamBuilder } from '../../player/synthetic';
import type { Playhead, Trace } from '../../player/trace';
import { traceOfRun, traceOfStream } from './fixtures';
import { narrate } from './narration';
import { PredictGame, type Turn, nextTurn, scoreText } from './predict';

const name = (trace: Trace, id: number) => trace.taskById(id)?.name ?? '?';

/** turns lists every question of a run, each searched after the previous switch. */
function turns(trace: Trace): Turn[] {
  const out: Turn[] = [];
  let after: Playhead = { time: 0, seq: -1 };
  for (let t = nextTurn(trace, after); t; t = nextTurn(trace, after)) {
    out.push(t);
    after = { time: trace.time.data[t.moment.last], seq: t.moment.last };
  }
  return out;
}

/** sleepers: three threads sleep 3, 1 and 2 s; the main thread joins them. */
function sleepers(): StreamBuilder {
  const b = new StreamBuilder();
  b.created(0, 0, 'MainThread', TaskKind.Main, -1).start(0, 0).gilTake(0, 0).running(0, 0, 0).line(0, 0, 1);
  const names = ['slow', 'fast', 'middle'];
  const naps = [3, 1, 2];
  let t = 0.001;
  for (let i = 0; i < 3; i++) {
    const id = i + 1;
    b.created(t, id, names[i]).gilRequest(t, id);
    b.gilDrop(t, 0, 0).blocked(t, 0, 3, `${names[i]} to start`, -1, 2);
    b.start(t, id).gilTake(t, id).running(t, id, 0).line(t, id, 5);
    t += 0.001;
    b.gilDrop(t, id, 0).sleep(t, id, naps[i], 5);
    b.wake(t, 0).gilTake(t, 0).running(t, 0, 0).line(t, 0, 2);
    t += 0.001;
  }
  b.gilDrop(t, 0, 0).blocked(t, 0, 4, 'slow to finish', -1, 3).idle(t, 0);
  const order = [2, 3, 1];
  for (const id of order) {
    const wake = 0.001 + (id - 1) * 0.002 + 0.001 + naps[id - 1];
    b.wake(wake, id)
      .gilTake(wake, id)
      .running(wake, id, 0)
      .end(wake + 0.0001, id)
      .gilDrop(wake + 0.0001, id, 2)
      .idle(wake + 0.0001, 0);
  }
  b.wake(3.0051, 0).gilTake(3.0051, 0).running(3.0051, 0, 0).end(3.006, 0);
  return b;
}

describe('predict: questions on a hand-written stream', () => {
  it('stops after the running task lets go and offers every live thread', () => {
    const trace = traceOfStream(sleepers());
    const all = turns(trace);
    const wakeups = all.filter((t) => t.moment.time > 0.5);
    expect(wakeups.map((t) => name(trace, t.moment.to))).toEqual(['fast', 'middle', 'slow']);
    const first = wakeups[0];
    expect(first.candidates.map((id) => name(trace, id))).toEqual(['MainThread', 'slow', 'fast', 'middle']);
    expect(first.pause.time).toBeCloseTo(0.007, 9);
    expect(first.pause.time).toBeLessThan(first.moment.time);
    expect(wakeups[1].candidates.map((id) => name(trace, id))).toEqual(['MainThread', 'slow', 'middle']);
    expect(narrate(trace, first.moment, [])).toBe(
      'MainThread waits for slow to finish; fast, whose sleep just ended, takes the GIL.',
    );
  });

  it('does not ask when only one task is left to run', () => {
    const trace = traceOfStream(sleepers());
    expect(nextTurn(trace, trace.at(3.0045))).toBeNull();
  });

  it('never stops before the playhead it searches from', () => {
    const trace = traceOfStream(sleepers());
    const from = trace.at(1.5);
    const t = nextTurn(trace, from)!;
    expect(name(trace, t.moment.to)).toBe('middle');
    expect(trace.position(t.pause)).toBeGreaterThanOrEqual(trace.position(from));
  });

  it('plays a whole game: stops, takes answers, keeps the score and ends', () => {
    const trace = traceOfStream(sleepers());
    const game = new PredictGame();
    game.restart(trace, { time: 0, seq: -1 });
    let ph: Playhead = { time: 0, seq: -1 };
    let wrongOnPurpose = true;
    let expectedRight = 0;
    let asked = 0;
    for (let guard = 0; guard < 10_000; guard++) {
      const found = game.watch(trace, ph, true);
      if (found === 'end') break;
      if (found) {
        ph = found.pause;
        game.ask(found);
        const choice = wrongOnPurpose ? found.candidates.find((id) => id !== found.moment.to)! : found.moment.to;
        expect(game.answer(choice)).toBe(!wrongOnPurpose);
        asked += 1;
        if (!wrongOnPurpose) expectedRight += 1;
        wrongOnPurpose = false;
        expect(game.phase).toBe('revealed');
        game.proceed();
        continue;
      }
      ph = trace.nextEvent(ph);
      if (trace.position(ph) >= trace.count) ph = trace.at(trace.endTime);
    }
    expect(asked).toBe(turns(trace).length);
    expect(game.score).toEqual({ asked, right: expectedRight });
    expect(scoreText(game.score)).toBe(`${asked - 1} of ${asked} right`);
  });

  it('ignores answers outside the candidates and when no question is open', () => {
    const trace = traceOfStream(sleepers());
    const game = new PredictGame();
    game.restart(trace, { time: 0, seq: -1 });
    expect(game.answer(1)).toBe(false);
    const t = turns(trace)[0];
    game.ask(t);
    expect(game.answer(99)).toBe(false);
    expect(game.phase).toBe('asking');
    expect(game.score.asked).toBe(0);
  });
});

let engine: Engine;
const example = (file: string) => readFileSync(new URL(`../../../../public/examples/${file}`, import.meta.url), 'utf8');

describe('predict: real runs of the examples', () => {
  beforeAll(async () => {
    engine = await loadEngine(readFileSync(new URL('../../engine/generated/interleave.wasm', import.meta.url)));
  });

  it('asyncio-sleep: the coroutines take turns as their timers expire', () => {
    const trace = traceOfRun(engine, example('asyncio_sleep.py'));
    const all = turns(trace);
    expect(all.map((t) => name(trace, t.moment.to))).toEqual(['Task-2', 'Task-3', 'Task-2', 'Task-3', 'Task-2']);
    expect(all[2].candidates.map((id) => name(trace, id))).toEqual(['Task-1', 'Task-2', 'Task-3']);
    expect(all[2].pause.time).toBeLessThan(0.001);
    expect(all[2].moment.time).toBeGreaterThan(0.5);
    expect(all[4].candidates.map((id) => name(trace, id))).toEqual(['Task-1', 'Task-2']);
  });

  it('threads-sleep: the shortest sleep wakes first', () => {
    const trace = traceOfRun(engine, example('threads_sleep.py'));
    const late = turns(trace).filter((t) => t.moment.time > 1);
    expect(late.map((t) => name(trace, t.moment.to))).toEqual(['cocoa', 'tea', 'MainThread', 'coffee']);
    expect(late[0].candidates.map((id) => name(trace, id))).toEqual(['MainThread', 'tea', 'coffee', 'cocoa']);
  });

  it('deadlock: the thread whose lock wait times out runs next', () => {
    const trace = traceOfRun(engine, example('deadlock.py'));
    const t = turns(trace).find((x) => x.moment.time > 2)!;
    expect(name(trace, t.moment.to)).toBe('Alice');
    expect(t.candidates.map((id) => name(trace, id))).toEqual(['MainThread', 'Alice', 'Bob']);
  });
});
