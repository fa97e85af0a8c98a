// Tests of `npm run -s cli` (run here as node --import tsx) and, when built, its parity
// with the native binary build/native/interleave.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'web', 'cli', 'main.ts');
const NATIVE = join(ROOT, 'build', 'native', 'interleave');
const dir = mkdtempSync(join(tmpdir(), 'interleave-cli-'));

function program(name: string, source: string): string {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
}

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, encoding: 'utf8', input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const EXPLORE = join(ROOT, 'tests', 'explore');
const hello = program('hello.py', 'print("hello")\nprint("world")\n');
const failing = program('fail.py', 'print("before")\nx = 1 / 0\n');

describe('cli', () => {
  it('documents every option in --help', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    for (const option of ['run FILE', '--json', '--trace', '--step-limit', '--seed', '--filename', '--help']) {
      expect(r.stdout).toContain(option);
    }
    expect(r.stdout).toContain('"events" and "steps" are counts (events recorded, instructions run)');
  });

  it.runIf(existsSync(NATIVE))('documents --trace and the counts in the native --help too', () => {
    const r = spawnSync(NATIVE, ['--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('"events" and "steps" are counts (events recorded, instructions run)');
    expect(r.stdout).toMatch(/--trace FILE +also write the run's events as a Chrome trace/);
  });

  it('says in one line what to build when the wasm engine is not built, without a stack trace', () => {
    // A copy of the CLI and the engine client without generated/ is the tree before `npm run build`;
    // a generated/ with one of the two files is a build that was interrupted or cleaned by hand.
    const copy = mkdtempSync(join(tmpdir(), 'interleave-unbuilt-'));
    writeFileSync(join(copy, 'package.json'), '{ "type": "module" }\n');
    cpSync(join(ROOT, 'web', 'cli', 'main.ts'), join(copy, 'web', 'cli', 'main.ts'));
    cpSync(join(ROOT, 'web', 'cli', 'v8-tuning.mjs'), join(copy, 'web', 'cli', 'v8-tuning.mjs'));
    cpSync(join(ROOT, 'web', 'src', 'engine'), join(copy, 'web', 'src', 'engine'), {
      recursive: true,
      filter: (path) => basename(path) !== 'generated' && !path.endsWith('.test.ts'),
    });
    const generated = join(copy, 'web', 'src', 'engine', 'generated');
    for (const present of [[], ['interleave.wasm'], ['interleave.mjs'], ['interleave.wasm', 'interleave.d.mts']]) {
      rmSync(generated, { recursive: true, force: true });
      mkdirSync(generated, { recursive: true });
      for (const name of present) writeFileSync(join(generated, name), '');
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(copy, 'web', 'cli', 'main.ts'), 'run', hello], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(r.stderr, present.join()).toBe(
        'interleave: the wasm engine is not built yet: run `npm run build` (or `node scripts/build.mjs wasm`)\n',
      );
      expect(r.status, present.join()).toBe(2);
      expect(r.stdout).toBe('');
    }
  });

  it('prints exactly the program output', () => {
    const r = cli(['run', hello]);
    expect(r).toEqual({ code: 0, stdout: 'hello\nworld\n', stderr: '' });
  });

  it('reads the program from standard input with -', () => {
    expect(cli(['run', '-'], 'print("piped")\n').stdout).toBe('piped\n');
  });

  it('prints the traceback to stderr and exits 1 on an uncaught error', () => {
    const r = cli(['run', failing]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toBe(
      'Traceback (most recent call last):\n  File "main.py", line 2, in <module>\n    x = 1 / 0\nZeroDivisionError: division by zero\n',
    );
  });

  it('prints exactly one JSON object with --json', () => {
    const r = cli(['run', failing, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const parsed = JSON.parse(r.stdout);
    expect(Object.keys(parsed)).toEqual(['output', 'elapsed', 'error', 'events', 'steps']);
    expect(parsed.output).toBe('before\n');
    expect(parsed.error).toEqual({ type: 'ZeroDivisionError', message: 'division by zero', line: 2 });
    expect(parsed.events).toBeGreaterThan(0);
    expect(parsed.steps).toBeGreaterThan(0);
    expect(typeof parsed.elapsed).toBe('number');
  });

  it('honours --step-limit', () => {
    const loop = program('loop.py', 'print("start")\nwhile True:\n    pass\n');
    const parsed = JSON.parse(cli(['run', loop, '--json', '--step-limit', '5000']).stdout);
    expect(parsed.error.type).toBe('StepLimitError');
    expect(parsed.output).toBe('start\n');
  });

  it('writes a Chrome trace with --trace', () => {
    const tracePath = join(dir, 'trace.json');
    expect(cli(['run', hello, '--trace', tracePath]).code).toBe(0);
    const trace = JSON.parse(readFileSync(tracePath, 'utf8'));
    expect(trace.traceEvents.some((e: { name: string }) => e.name === 'thread_name')).toBe(true);
  });

  it('exits 2 with a clear message on usage errors', () => {
    const cases: [string[], RegExp][] = [
      [[], /missing command/],
      [['run'], /missing FILE/],
      [['run', join(dir, 'absent.py')], /cannot open .*absent\.py.*no such file/],
      [['run', hello, '--seed', 'x'], /--seed needs a non-negative integer/],
      [['run', hello, '--bogus'], /unknown option '--bogus'/],
      [['walk', hello], /unknown command 'walk'/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });

  it.runIf(existsSync(NATIVE))('matches the native binary byte for byte', () => {
    const sleepy = program('sleepy.py', 'import time\nprint("a")\ntime.sleep(0.25)\nprint("b")\n');
    for (const file of [hello, failing, sleepy]) {
      const native = spawnSync(NATIVE, ['run', file, '--json'], { encoding: 'utf8' });
      const wasm = cli(['run', file, '--json']);
      expect(wasm.stdout).toBe(native.stdout);
      expect(wasm.code).toBe(native.status);
      const nativePlain = spawnSync(NATIVE, ['run', file], { encoding: 'utf8' });
      const wasmPlain = cli(['run', file]);
      expect([wasmPlain.stdout, wasmPlain.stderr]).toEqual([nativePlain.stdout, nativePlain.stderr]);
    }
  });

  it.runIf(existsSync(NATIVE))('writes the same --trace file as the native binary', () => {
    const tasks = program(
      'tasks.py',
      'import asyncio\n\nasync def worker(name, delay):\n    await asyncio.sleep(delay)\n    print(name, "done")\n\n' +
        'async def main():\n    await asyncio.gather(asyncio.create_task(worker("a", 0.1)), asyncio.create_task(worker("b", 0.2)))\n\nasyncio.run(main())\n',
    );
    const threads = program(
      'threads.py',
      'import threading, time\n\ndef work(n):\n    time.sleep(0.01 * n)\n    print("thread", n)\n\n' +
        'ts = [threading.Thread(target=work, args=(i,)) for i in range(3)]\nfor t in ts: t.start()\nfor t in ts: t.join()\n',
    );
    for (const file of [hello, failing, tasks, threads]) {
      const nativePath = join(dir, 'native-trace.json');
      const wasmPath = join(dir, 'wasm-trace.json');
      const native = spawnSync(NATIVE, ['run', file, '--trace', nativePath], { encoding: 'utf8' });
      const wasm = cli(['run', file, '--trace', wasmPath]);
      expect([wasm.code, wasm.stdout]).toEqual([native.status, native.stdout]);
      const nativeTrace = JSON.parse(readFileSync(nativePath, 'utf8'));
      expect(JSON.parse(readFileSync(wasmPath, 'utf8'))).toEqual(nativeTrace);
      expect(nativeTrace.traceEvents.filter((e: { name: string }) => e.name === 'thread_name').length).toBeGreaterThan(
        file === tasks ? 3 : 0,
      );
      // Numbers are formatted as JavaScript does, and keys come in the same order, so the bytes agree too.
      expect(readFileSync(wasmPath, 'utf8')).toBe(readFileSync(nativePath, 'utf8'));
    }
  });

  it.runIf(existsSync(NATIVE))('native --trace to a file it cannot write is a usage error', () => {
    const r = spawnSync(NATIVE, ['run', hello, '--trace', join(dir, 'no-such-dir', 'trace.json')], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^interleave: cannot write '.*trace\.json': No such file or directory\n/);
    expect(r.stdout).toBe('');
  });

  it('explore finds the lost update, prints one JSON object and exits 1', () => {
    const r = cli(['explore', join(EXPLORE, 'lost_update.py'), '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(r.stdout);
    expect(report.exhaustive).toBe(false);
    expect(report.bound).toEqual({
      mode: 'exhaustive',
      preemptions: 2,
      schedules: 10000,
      seed: 1,
      depth: 2,
      points: 'shared',
    });
    expect(report.bugs).toHaveLength(1);
    const [bug] = report.bugs;
    expect(bug.kind).toBe('assertion');
    expect(bug.message).toMatch(/^AssertionError: expected 6, got \d$/);
    expect(bug.schedule).toMatch(/^[A-Za-z0-9._~-]+$/);
    expect(bug.preemptions).toBeLessThanOrEqual(2);
    expect(bug.narration.join('\n')).toMatch(/after reading counter=\d+ and before writing it back/);
    // The printed schedule replays the failure exactly.
    const replay = JSON.parse(
      cli(['run', join(EXPLORE, 'lost_update.py'), '--schedule', bug.schedule, '--json']).stdout,
    );
    expect(replay.output).toBe(bug.output);
    expect(`${replay.error.type}: ${replay.error.message}`).toBe(bug.message);
    expect(replay.forced).toEqual(bug.narration);
  });

  it('explore says what it covered for a correct program and exits 0', () => {
    const r = cli(['explore', join(EXPLORE, 'lost_update_lock.py')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^No bug found: all [\d,]+ schedules with at most 2 preemptions checked \(exhaustive/);
  });

  it('explore runs PCT with a seed', () => {
    const r = cli([
      'explore',
      join(EXPLORE, 'lost_update.py'),
      '--mode',
      'pct',
      '--seed',
      '7',
      '--schedules',
      '500',
      '--json',
    ]);
    const report = JSON.parse(r.stdout);
    expect(report.bound.mode).toBe('pct');
    expect(report.bound.seed).toBe(7);
    expect(report.coverage).toMatch(/random PCT schedules?, depth 2, seed 7/);
  });

  it('explore rejects bad options with exit 2', () => {
    const cases: [string[], RegExp][] = [
      [['explore', hello, '--mode', 'random'], /--mode needs exhaustive or pct/],
      [['explore', hello, '--preemptions', '-1'], /--preemptions needs a number from 0 to 64/],
      [['explore', hello, '--points', 'all'], /--points needs shared or lines/],
      [['run', hello, '--preemptions', '2'], /options of explore/],
      [['run', hello, '--schedule', 'x!'], /not a schedule/],
      [['explore', hello, '--schedule', 's'], /option of run, not explore/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it.runIf(existsSync(NATIVE))('explore matches the native binary', () => {
    for (const name of ['lost_update.py', 'lock_order.py', 'asyncio_lock.py']) {
      const file = join(EXPLORE, name);
      const strip = (text: string) => JSON.stringify({ ...JSON.parse(text), seconds: 0, first_bug_seconds: 0 });
      const native = spawnSync(NATIVE, ['explore', file, '--json'], { encoding: 'utf8' });
      const wasm = cli(['explore', file, '--json']);
      expect(strip(wasm.stdout)).toBe(strip(native.stdout));
      expect(wasm.code).toBe(native.status);
    }
  });
});
