// Tests of `npm run -s cli` (run here as node --import tsx) and, when built, its parity
// with the native binary build/native/interleave.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

const hello = program('hello.py', 'print("hello")\nprint("world")\n');
const failing = program('fail.py', 'print("before")\nx = 1 / 0\n');

describe('cli', () => {
  it('documents every option in --help', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    for (const option of ['run FILE', '--json', '--trace', '--step-limit', '--seed', '--filename', '--help']) {
      expect(r.stdout).toContain(option);
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
});
