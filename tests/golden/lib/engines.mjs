// engines: run one Python program on the native CLI, the wasm module in-process, or CPython,
// and return the same result shape from each. Shared by tests/golden/run.mjs and bench/run.mjs.
// Node built-ins only.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { useFullRegisterAllocator } from '../../../web/cli/v8-tuning.mjs';

useFullRegisterAllocator();

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
// INTERLEAVE_NATIVE_BIN and INTERLEAVE_WASM_DIR point the runners at another build (e.g. a debug one).
export const NATIVE_BIN = resolve(process.env.INTERLEAVE_NATIVE_BIN || join(ROOT, 'build', 'native', 'interleave'));
export const WASM_DIR = resolve(process.env.INTERLEAVE_WASM_DIR || join(ROOT, 'web', 'src', 'engine', 'generated'));
export const WASM_GLUE = join(WASM_DIR, 'interleave.mjs');
export const WASM_BINARY = join(WASM_DIR, 'interleave.wasm');
// WASM_LIBRARY: the standard-library modules beyond the concurrency core, loaded once per module instance.
export const WASM_LIBRARY = join(WASM_DIR, 'interleave-library.txt');
export const STUBS_DIR = join(ROOT, 'tests', 'golden', 'stubs');
export const CPYTHON_DRIVER = join(ROOT, 'tests', 'golden', 'lib', 'cpython_driver.py');

const STEPS_PER_ADVANCE = 1_000_000;

// EngineUnavailable means the engine is not built or not installed; callers report it once.
export class EngineUnavailable extends Error {}

// Result: {output, error: null | {type, message, line}, steps, elapsed, events, wallMs}
// or {crash: 'description', output?} when the engine did not produce a result at all.
// elapsed is simulated seconds for the engines, the driver's measured wall seconds for CPython.

// parseEngineArgs maps the CLI flags golden headers may use onto Simulation options
// (the Embind options object: camelCase names, docs/TESTING.md).
export function parseEngineArgs(args) {
  const options = {};
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    if (flag === '--sequential') {
      options.sequential = true;
      continue;
    }
    const value = args[++i];
    if (value === undefined) throw new Error(`engine argument '${flag}' needs a value`);
    if (flag === '--step-limit') options.stepLimit = Number(value);
    else if (flag === '--output-limit') options.outputLimit = Number(value) * 1024 * 1024;
    else if (flag === '--memory-limit') options.memoryLimit = Number(value) * 1024 * 1024;
    else if (flag === '--event-limit') options.eventLimit = Number(value);
    else if (flag === '--seed') options.seed = Number(value);
    else if (flag === '--filename') options.filename = value;
    else if (flag === '--gil') options.gil = value === 'on';
    else if (flag === '--cores') options.cores = Number(value);
    else if (flag === '--switch-interval') options.switchInterval = Number(value);
    else if (flag === '--slice') options.slice = Number(value);
    else if (flag === '--network') Object.assign(options, parseNetwork(value));
    else throw new Error(`unsupported engine argument '${flag}'`);
  }
  return options;
}

// parseNetwork reads `latency=0.1,capacity=3` (capacity `none` means no limit).
function parseNetwork(text) {
  const options = {};
  for (const part of text.split(',')) {
    const [key, value] = part.split('=');
    if (key === 'latency') options.networkLatency = Number(value);
    else if (key === 'capacity' && value !== 'none') options.networkCapacity = Number(value);
    else if (key !== 'capacity') throw new Error(`unsupported --network setting '${key}'`);
  }
  return options;
}

// runProcess runs a command to completion, capturing stdout/stderr and wall time.
export function runProcess(command, args, { env = process.env, timeoutMs = 120_000, cwd } = {}) {
  return new Promise((done) => {
    const started = process.hrtime.bigint();
    let child;
    try {
      child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      done({ spawnError: error, stdout: '', stderr: '', code: null, wallMs: 0 });
      return;
    }
    const out = [];
    const err = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', (error) => {
      clearTimeout(timer);
      done({ spawnError: error, stdout: '', stderr: '', code: null, wallMs: 0 });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      done({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        code,
        signal,
        timedOut,
        wallMs,
      });
    });
  });
}

// ---- native -------------------------------------------------------------------------------

export function nativeAvailable() {
  if (!existsSync(NATIVE_BIN)) {
    throw new EngineUnavailable(`native engine not found at ${NATIVE_BIN} (build it with \`npm run build -- native\`)`);
  }
}

// runNative runs the CLI at `bin` (default NATIVE_BIN; the hostile corpus passes the
// sanitizer build's) and reports what a sanitizer wrote to stderr as a crash.
export async function runNative(file, args = [], { timeoutMs = 60_000, bin = NATIVE_BIN, env = process.env } = {}) {
  const r = await runProcess(bin, ['run', file, '--json', ...args], { env, timeoutMs });
  if (r.spawnError) return { crash: `cannot start ${bin}: ${r.spawnError.message}` };
  const sanitizer = r.stderr.split('\n').findIndex((line) => /ERROR: \w+Sanitizer|runtime error:/.test(line));
  if (sanitizer >= 0)
    return {
      crash: `sanitizer report\n${clip(r.stderr.split('\n').slice(sanitizer).join('\n'), 25)}`,
      wallMs: r.wallMs,
    };
  if (r.timedOut) return { crash: `timed out after ${timeoutMs / 1000} s`, wallMs: r.wallMs };
  const text = r.stdout.trim();
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    const why = r.signal ? `killed by ${r.signal}` : `exit code ${r.code}`;
    return { crash: `no JSON on stdout (${why})\n${clip(r.stdout)}${clip(r.stderr)}`, wallMs: r.wallMs };
  }
  return {
    output: parsed.output ?? '',
    error: parsed.error ?? null,
    steps: parsed.steps,
    elapsed: parsed.elapsed,
    events: parsed.events,
    wallMs: r.wallMs,
  };
}

// ---- wasm (in-process) ----------------------------------------------------------------------

// WasmEngine instantiates web/src/engine/generated/interleave.mjs once and runs programs on
// fresh Simulation instances; after a wasm trap it re-instantiates the module.
export class WasmEngine {
  static async load() {
    if (!existsSync(WASM_GLUE) || !existsSync(WASM_BINARY)) {
      throw new EngineUnavailable(`wasm engine not found in ${WASM_DIR} (build it with \`npm run build -- wasm\`)`);
    }
    const engine = new WasmEngine();
    engine.binary = readFileSync(WASM_BINARY);
    engine.factory = (await import(pathToFileURL(WASM_GLUE).href)).default;
    await engine.instantiate();
    return engine;
  }

  async instantiate() {
    const started = process.hrtime.bigint();
    this.module = await this.factory({ wasmBinary: this.binary, print: () => {}, printErr: () => {} });
    this.instantiateMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (typeof this.module.Simulation !== 'function') {
      throw new EngineUnavailable('the wasm module has no Simulation class');
    }
    if (existsSync(WASM_LIBRARY)) {
      const error = this.module.addLibrary(readFileSync(WASM_LIBRARY));
      if (error) throw new EngineUnavailable(`the wasm library archive is damaged: ${error}`);
    }
  }

  // run compiles and runs source to the end, draining events between slices.
  async run(source, options = {}, { timeoutMs = 60_000 } = {}) {
    const started = process.hrtime.bigint();
    const wall = () => Number(process.hrtime.bigint() - started) / 1e6;
    let sim = null;
    try {
      sim = new this.module.Simulation(options);
      let more = sim.load(source);
      while (more) {
        more = sim.advance(STEPS_PER_ADVANCE);
        sim.clearEvents();
        if (more && wall() > timeoutMs) {
          return { crash: `timed out after ${timeoutMs / 1000} s`, output: sim.output(), wallMs: wall() };
        }
      }
      const result = {
        output: sim.output(),
        error: sim.hasError() ? { type: sim.errorType(), message: sim.errorMessage(), line: sim.errorLine() } : null,
        steps: sim.steps(),
        elapsed: sim.elapsed(),
        events: sim.eventTotal(),
        wallMs: wall(),
      };
      if (!sim.finished()) result.crash = 'advance() returned false but result().finished is false';
      return result;
    } catch (error) {
      sim = null;
      await this.instantiate();
      return { crash: `wasm trap: ${error instanceof Error ? error.message : String(error)}`, wallMs: wall() };
    } finally {
      if (sim) sim.delete();
    }
  }
}

// ---- cpython ---------------------------------------------------------------------------------

// findPython returns the python3 command, or null when it is not installed.
export function findPython() {
  const probe = spawnSync('python3', ['-c', 'import platform; print(platform.python_version())'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return null;
  return { command: 'python3', version: probe.stdout.trim() };
}

export function cpythonEnv() {
  return {
    ...process.env,
    PYTHONPATH: STUBS_DIR,
    PYTHONHASHSEED: '0',
    PYTHONIOENCODING: 'utf-8',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONUTF8: '1',
  };
}

export async function runCpython(file, { timeoutMs = 120_000 } = {}) {
  const r = await runProcess('python3', [CPYTHON_DRIVER, file], { env: cpythonEnv(), timeoutMs });
  if (r.spawnError) return { crash: `cannot start python3: ${r.spawnError.message}` };
  if (r.timedOut) return { crash: `timed out after ${timeoutMs / 1000} s`, output: r.stdout, wallMs: r.wallMs };
  const lines = r.stderr.split('\n');
  const marker = lines.find((line) => line.startsWith('GOLDEN-ERROR '));
  const timing = lines.find((line) => line.startsWith('GOLDEN-ELAPSED '));
  if (r.code !== 0 && !marker) {
    return { crash: `python3 exited with ${r.code} without a result\n${clip(r.stderr)}`, output: r.stdout };
  }
  return {
    output: r.stdout,
    error: marker ? JSON.parse(marker.slice('GOLDEN-ERROR '.length)) : null,
    elapsed: timing ? Number(timing.slice('GOLDEN-ELAPSED '.length)) : undefined,
    stderr: r.stderr,
    wallMs: r.wallMs,
  };
}

function clip(text, lines = 15) {
  if (!text) return '';
  const all = text.split('\n');
  const head = all.slice(0, lines).join('\n');
  return all.length > lines ? `${head}\n... (${all.length - lines} more lines)\n` : `${head}\n`;
}
