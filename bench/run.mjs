// Benchmark: runs each bench/*.py on the native CLI, on the wasm module inside Node and on
// CPython, and reports wall time, VM steps, steps per second and the wasm/native and
// wasm/CPython ratios. Then the scale suite (bench/scale/*.py: many tasks and threads)
// reports task switches per second against CPython's real asyncio, and the explore suite
// (tests/explore/*.py) the schedule explorer's schedules per second and time to the first
// bug, native and wasm. The real suite (bench/real/*.py: programs modelled on pyperformance's
// workloads) runs native, wasm and CPython alternately and reports time and peak memory
// against CPython. Best of N runs each; tracing stays on (default options). It
// measures and never asserts. Node built-ins only.
// See docs/TESTING.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChromium } from './chromium.mjs';
import {
  EngineUnavailable,
  NATIVE_BIN,
  ROOT,
  WasmEngine,
  cpythonEnv,
  findPython,
  nativeAvailable,
  runNative,
  runProcess,
} from '../tests/golden/lib/engines.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const STEP_LIMIT = 1e12; // benchmarks run far past the default 100M-step limit
const MEMORY_LIMIT_MB = 1024; // 100,000 asyncio tasks need about 500 MB of live objects
const ENGINES = ['native', 'wasm', 'cpython', 'chromium'];

const SUITES = ['cpu', 'scale', 'explore', 'real'];

const USAGE = `Usage: node bench/run.mjs [--engine native|wasm|cpython|chromium|all] [--suite cpu|scale|explore|real|all]
                         [--filter TEXT] [--repeat N] [--quick]

Runs bench/*.py (the cpu suite, best of N, default 3) and bench/scale/*.py (the scale
suite, best of N, default 1) on each engine and prints a table per suite; the explore
suite runs \`explore\` on tests/explore/*.py natively and in wasm (best of N, default 3);
the real suite runs bench/real/*.py on native, wasm (Node), chromium (the wasm engine in
headless Chromium, as in the page) and CPython in turn (best of N, default 3) and adds peak
memory. --filter matches a program's name (scale/NAME,
explore/NAME, real/NAME for those suites). --quick shrinks the scale programs (their
'# quick:' sizes) and runs everything once.
`;

function parseArgs(argv) {
  const args = { engines: ENGINES, suites: SUITES, filter: '', repeat: null, quick: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--engine') {
      const v = argv[++i] ?? '';
      args.engines = v === 'all' ? ENGINES : v.split(',');
      if (args.engines.some((e) => !ENGINES.includes(e))) fail(`unknown engine '${v}'`);
    } else if (a === '--filter') {
      args.filter = argv[++i] ?? '';
    } else if (a === '--suite') {
      const v = argv[++i] ?? '';
      args.suites = v === 'all' ? SUITES : v.split(',');
      if (args.suites.some((x) => !SUITES.includes(x))) fail(`unknown suite '${v}'`);
    } else if (a === '--repeat') {
      args.repeat = Math.max(1, Number(argv[++i]) || 1);
    } else if (a === '--quick') {
      args.quick = true;
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else {
      fail(`unknown argument '${a}'`);
    }
  }
  return args;
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n${USAGE}`);
  process.exit(2);
}

// best runs measure() repeat times and keeps the fastest successful run (by seconds).
async function best(repeat, measure) {
  let kept = null;
  for (let k = 0; k < repeat; k++) {
    const r = await measure();
    if (r.problem) return r;
    if (!kept || r.seconds < kept.seconds) kept = r;
  }
  return kept;
}

function describeError(e) {
  return e ? `${e.type}: ${e.message}${e.line ? ` (line ${e.line})` : ''}` : '';
}

// ---- per-engine measurements ----------------------------------------------------------------

async function nativeMeasure(file, startupSeconds) {
  const r = await runNative(file, ['--step-limit', String(STEP_LIMIT), '--memory-limit', String(MEMORY_LIMIT_MB)], {
    timeoutMs: 600_000,
  });
  if (r.crash) return { problem: r.crash.split('\n')[0] };
  if (r.error) return { problem: describeError(r.error) };
  return {
    seconds: Math.max(1e-6, r.wallMs / 1000 - startupSeconds),
    steps: r.steps,
    simulated: r.elapsed,
    events: r.events,
    output: r.output,
  };
}

// wasmMeasure counts events without keeping them (keepEvents: false), as the native CLI's `run`
// does, so wasm/native compares the same work; the chromium column keeps them, as the page does.
async function wasmMeasure(wasm, source) {
  const options = { stepLimit: STEP_LIMIT, memoryLimit: MEMORY_LIMIT_MB * 1024 * 1024, keepEvents: false };
  const r = await wasm.run(source, options, { timeoutMs: 600_000 });
  if (r.crash) return { problem: r.crash.split('\n')[0] };
  if (r.error) return { problem: describeError(r.error) };
  return { seconds: r.wallMs / 1000, steps: r.steps, simulated: r.elapsed, events: r.events, output: r.output };
}

async function cpythonMeasure(file, startupSeconds) {
  const r = await runProcess('python3', [file], { env: cpythonEnv(), timeoutMs: 600_000 });
  if (r.spawnError || r.timedOut || r.code !== 0) {
    return { problem: r.spawnError?.message ?? (r.timedOut ? 'timed out' : r.stderr.trim().split('\n').pop()) };
  }
  return { seconds: Math.max(1e-6, r.wallMs / 1000 - startupSeconds), output: r.stdout };
}

// ---- formatting ------------------------------------------------------------------------------

const fmtSeconds = (s) => (s === undefined ? '-' : s.toFixed(3));
const fmtRatio = (r) => (r === undefined || !Number.isFinite(r) ? '-' : `${r.toFixed(2)}x`);
const fmtSteps = (n) => (n === undefined ? '-' : n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : String(n));
const fmtRate = (n) => (n === undefined || !Number.isFinite(n) ? '-' : `${(n / 1e6).toFixed(1)}M/s`);
const fmtCount = (n) =>
  n === undefined ? '-' : n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : String(n);
const fmtSwitchRate = (n) =>
  n === undefined || !Number.isFinite(n) ? '-' : n >= 1e6 ? `${(n / 1e6).toFixed(2)}M/s` : `${(n / 1e3).toFixed(0)}k/s`;

function table(header, rows) {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

function geomean(values) {
  const ok = values.filter((v) => v !== undefined && Number.isFinite(v) && v > 0);
  if (ok.length === 0) return undefined;
  return Math.exp(ok.reduce((sum, v) => sum + Math.log(v), 0) / ok.length);
}

// ---- main ------------------------------------------------------------------------------------

// setupEngines loads the engines asked for and measures their start-up cost once.
async function setupEngines(args, scratch, notes) {
  const repeat = args.repeat ?? (args.quick ? 1 : 3);
  const empty = join(scratch, 'empty.py');
  writeFileSync(empty, 'pass\n');
  const engines = {};
  if (args.engines.includes('native')) {
    try {
      nativeAvailable();
      const startup = await best(repeat, async () => {
        const r = await runNative(empty);
        return r.crash ? { problem: r.crash } : { seconds: r.wallMs / 1000 };
      });
      if (startup.problem) throw new EngineUnavailable(`native engine cannot run an empty program: ${startup.problem}`);
      engines.native = { startup: startup.seconds };
    } catch (error) {
      if (!(error instanceof EngineUnavailable)) throw error;
      notes.push(`native: ${error.message}: skipping the native column`);
    }
  }
  if (args.engines.includes('wasm')) {
    try {
      engines.wasm = { engine: await WasmEngine.load() };
      notes.push(`wasm: module instantiated in ${engines.wasm.engine.instantiateMs.toFixed(0)} ms (not counted)`);
    } catch (error) {
      if (!(error instanceof EngineUnavailable)) throw error;
      notes.push(`wasm: ${error.message}: skipping the wasm column`);
    }
  }
  if (args.engines.includes('cpython')) {
    const python = findPython();
    if (!python) {
      console.log('python3 not found: skipping CPython column');
    } else {
      const startup = await best(repeat, async () => {
        const r = await runProcess('python3', [empty], { env: cpythonEnv() });
        return { seconds: r.wallMs / 1000 };
      });
      engines.cpython = { startup: startup.seconds };
      notes.push(`cpython: python3 ${python.version}, start-up ${(startup.seconds * 1000).toFixed(0)} ms subtracted`);
    }
  }
  // chromium (the wasm engine in headless Chromium) serves the real suite only.
  if (args.engines.includes('chromium') && args.suites.includes('real')) {
    try {
      engines.chromium = await startChromium();
      notes.push(`chromium: ${engines.chromium.version}, the wasm engine in a page (the real suite only)`);
    } catch (error) {
      if (!(error instanceof EngineUnavailable)) throw error;
      notes.push(`chromium: ${error.message}: skipping the chromium column`);
    }
  }
  if (engines.native) notes.push(`native: start-up ${(engines.native.startup * 1000).toFixed(0)} ms subtracted`);
  return engines;
}

// measureProgram runs one program on every loaded engine that it is meant for.
async function measureProgram(p, engines, repeat, notes) {
  process.stderr.write(`running ${p.label} ...\n`);
  const r = { name: p.label };
  const wanted = (engine) => engines[engine] && p.engines.includes(engine);
  if (wanted('native')) r.native = await best(repeat, () => nativeMeasure(p.file, engines.native.startup));
  if (wanted('wasm')) r.wasm = await best(repeat, () => wasmMeasure(engines.wasm.engine, p.source));
  if (wanted('cpython')) r.cpython = await best(repeat, () => cpythonMeasure(p.file, engines.cpython.startup));
  for (const engine of ENGINES) {
    if (r[engine]?.problem) notes.push(`${p.label} [${engine}]: ${r[engine].problem}`);
  }
  const outputs = ENGINES.filter((e) => r[e] && !r[e].problem).map((e) => [e, r[e].output]);
  for (const [e, out] of outputs.slice(1)) {
    if (out !== outputs[0][1]) notes.push(`${p.label}: ${e} printed something different from ${outputs[0][0]}`);
  }
  if (r.native?.steps !== undefined && r.wasm?.steps !== undefined && r.native.steps !== r.wasm.steps) {
    notes.push(`${p.label}: native ran ${r.native.steps} steps but wasm ran ${r.wasm.steps}`);
  }
  return r;
}

const ok = (m) => (m && !m.problem ? m : undefined);

async function cpuSuite(args, engines, notes) {
  const repeat = args.repeat ?? (args.quick ? 1 : 3);
  const programs = readdirSync(HERE)
    .filter((f) => f.endsWith('.py') && f.includes(args.filter))
    .sort()
    .map((f) => ({
      label: basename(f, '.py'),
      file: join(HERE, f),
      source: readFileSync(join(HERE, f), 'utf8'),
      engines: ENGINES,
    }));
  if (programs.length === 0) return;
  const results = [];
  for (const p of programs) results.push(await measureProgram(p, engines, repeat, notes));

  const rows = results.map((r) => {
    const n = ok(r.native);
    const w = ok(r.wasm);
    const c = ok(r.cpython);
    const steps = n?.steps ?? w?.steps;
    return {
      name: r.name,
      steps,
      native: n?.seconds,
      wasm: w?.seconds,
      cpython: c?.seconds,
      simulated: n?.simulated ?? w?.simulated,
      nativeRate: n && steps ? steps / n.seconds : undefined,
      wasmRate: w && steps ? steps / w.seconds : undefined,
      wasmNative: n && w ? w.seconds / n.seconds : undefined,
      wasmCpython: c && w ? w.seconds / c.seconds : undefined,
    };
  });
  const header = [
    'program',
    'steps',
    'native s',
    'wasm s',
    'cpython s',
    'simulated s',
    'native steps/s',
    'wasm steps/s',
    'wasm/native',
    'wasm/cpython',
  ];
  const cells = (x) => [
    x.name,
    fmtSteps(x.steps),
    fmtSeconds(x.native),
    fmtSeconds(x.wasm),
    fmtSeconds(x.cpython),
    fmtSeconds(x.simulated),
    fmtRate(x.nativeRate),
    fmtRate(x.wasmRate),
    fmtRatio(x.wasmNative),
    fmtRatio(x.wasmCpython),
  ];
  const mean = {
    name: 'geometric mean',
    steps: geomean(rows.map((x) => x.steps)),
    native: geomean(rows.map((x) => x.native)),
    wasm: geomean(rows.map((x) => x.wasm)),
    cpython: geomean(rows.map((x) => x.cpython)),
    simulated: geomean(rows.map((x) => x.simulated)),
    nativeRate: geomean(rows.map((x) => x.nativeRate)),
    wasmRate: geomean(rows.map((x) => x.wasmRate)),
    wasmNative: geomean(rows.map((x) => x.wasmNative)),
    wasmCpython: geomean(rows.map((x) => x.wasmCpython)),
  };
  console.log(
    `\nCPU suite: best of ${repeat} runs, wall seconds; tracing on; "simulated s" is the engine's simulated clock.\n`,
  );
  table(header, [...rows.map(cells), cells(mean)]);
}

// scaleHeader reads `# engines: native,wasm` (default all) and `# yardstick:` from a scale program.
function scaleHeader(source, key) {
  const m = source.match(new RegExp(`^# ${key}:[ \\t]*(.*)$`, 'm'));
  return m ? m[1].trim() : null;
}

// shrink rewrites `NAME = 100_000  # quick: 10_000` lines to their quick sizes.
function shrink(source) {
  return source.replace(
    /^(\w+ = )[\d_]+(\s+# quick: ([\d_]+))$/gm,
    (_, lhs, comment, quick) => `${lhs}${quick}${comment}`,
  );
}

// switchesOf reads the `switches: N` line a scale program prints.
function switchesOf(measurement) {
  const m = measurement?.output?.match(/^switches: (\d+)$/m);
  return m ? Number(m[1]) : undefined;
}

async function scaleSuite(args, engines, scratch, notes) {
  const repeat = args.repeat ?? 1;
  const dir = join(HERE, 'scale');
  const programs = readdirSync(dir)
    .filter((f) => f.endsWith('.py') && `scale/${f}`.includes(args.filter))
    .sort()
    .map((f) => {
      const original = readFileSync(join(dir, f), 'utf8');
      const source = args.quick ? shrink(original) : original;
      const file = join(scratch, f);
      writeFileSync(file, source);
      const only = scaleHeader(original, 'engines');
      return {
        label: basename(f, '.py'),
        file,
        source,
        engines: only ? only.split(',').map((e) => e.trim()) : ENGINES,
        yardstick: scaleHeader(original, 'yardstick') !== null,
      };
    });
  if (programs.length === 0) return;
  const results = [];
  for (const p of programs)
    results.push({ ...(await measureProgram(p, engines, repeat, notes)), yardstick: p.yardstick });

  const yard = results.find((r) => r.yardstick && ok(r.cpython));
  const cpythonRate = yard ? switchesOf(ok(yard.cpython)) / ok(yard.cpython).seconds : undefined;
  const rows = results.map((r) => {
    const n = ok(r.native);
    const w = ok(r.wasm);
    const c = ok(r.cpython);
    const switches = switchesOf(n) ?? switchesOf(w) ?? switchesOf(c);
    return {
      name: r.name,
      switches,
      events: n?.events ?? w?.events,
      native: n?.seconds,
      wasm: w?.seconds,
      cpython: c?.seconds,
      simulated: n?.simulated ?? w?.simulated,
      nativeRate: n && switches ? switches / n.seconds : undefined,
      wasmRate: w && switches ? switches / w.seconds : undefined,
      cpythonRate: c && switches ? switches / c.seconds : undefined,
      wasmNative: n && w ? w.seconds / n.seconds : undefined,
      nativeVsCpython: n && switches && cpythonRate ? switches / n.seconds / cpythonRate : undefined,
      wasmVsCpython: w && switches && cpythonRate ? switches / w.seconds / cpythonRate : undefined,
    };
  });
  const header = [
    'program',
    'switches',
    'events',
    'native s',
    'wasm s',
    'cpython s',
    'simulated s',
    'native sw/s',
    'wasm sw/s',
    'cpython sw/s',
    'wasm/native',
    'native/cpy asyncio',
    'wasm/cpy asyncio',
  ];
  const cells = (x) => [
    x.name,
    fmtCount(x.switches),
    fmtCount(x.events),
    fmtSeconds(x.native),
    fmtSeconds(x.wasm),
    fmtSeconds(x.cpython),
    fmtSeconds(x.simulated),
    fmtSwitchRate(x.nativeRate),
    fmtSwitchRate(x.wasmRate),
    fmtSwitchRate(x.cpythonRate),
    fmtRatio(x.wasmNative),
    fmtRatio(x.nativeVsCpython),
    fmtRatio(x.wasmVsCpython),
  ];
  console.log(
    `\nScale suite${args.quick ? ' (--quick sizes)' : ''}: best of ${repeat}, wall seconds; "switches" is the program's count of task switches.`,
  );
  console.log(
    yard
      ? `The last two columns divide the engine's switches per second by CPython's real asyncio (${yard.name}: ${fmtSwitchRate(cpythonRate)}).\n`
      : 'No CPython yardstick was measured, so there is no comparison with real asyncio.\n',
  );
  table(header, rows.map(cells));
}

// exploreNative runs `interleave explore FILE --json`: the report's own seconds exclude start-up.
async function exploreNative(file) {
  const r = await runProcess(NATIVE_BIN, ['explore', file, '--json'], { timeoutMs: 600_000 });
  try {
    const report = JSON.parse(r.stdout);
    return { seconds: Math.max(1e-6, report.seconds), report };
  } catch {
    return { problem: `no JSON on stdout (exit code ${r.code})` };
  }
}

function exploreWasm(wasm, source) {
  if (typeof wasm.module.Explorer !== 'function') return { problem: 'this wasm module has no Explorer (rebuild it)' };
  const started = process.hrtime.bigint();
  const explorer = new wasm.module.Explorer(source, {}, {});
  try {
    while (!explorer.advance(64)) {
      // The whole search; the report carries the time to the first bug.
    }
    const report = JSON.parse(explorer.report());
    return { seconds: Math.max(1e-6, Number(process.hrtime.bigint() - started) / 1e9), report };
  } finally {
    explorer.delete();
  }
}

async function exploreSuite(args, engines, notes) {
  const repeat = args.repeat ?? (args.quick ? 1 : 3);
  const dir = join(ROOT, 'tests', 'explore');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.py') && `explore/${f}`.includes(args.filter))
    .sort();
  if (files.length === 0) return;
  const rows = [];
  for (const f of files) {
    process.stderr.write(`exploring ${f} ...\n`);
    const file = join(dir, f);
    const source = readFileSync(file, 'utf8');
    const n = engines.native ? await best(repeat, () => exploreNative(file)) : undefined;
    const w = engines.wasm ? await best(repeat, () => exploreWasm(engines.wasm.engine, source)) : undefined;
    for (const [engine, m] of [
      ['native', n],
      ['wasm', w],
    ])
      if (m?.problem) notes.push(`${f} [${engine}]: ${m.problem}`);
    const report = ok(n)?.report ?? ok(w)?.report;
    const rate = (m) => (ok(m) ? `${Math.round(m.report.explored / m.seconds)}/s` : '-');
    const first = (m) =>
      ok(m) && m.report.first_bug_seconds !== undefined ? `${(m.report.first_bug_seconds * 1000).toFixed(1)} ms` : '-';
    rows.push([
      basename(f, '.py'),
      report ? String(report.explored) : '-',
      report ? String(report.pruned) : '-',
      report ? (report.bugs[0]?.kind ?? 'none') : '-',
      rate(n),
      rate(w),
      first(n),
      first(w),
    ]);
  }
  console.log(
    `\nExplore suite: best of ${repeat}; the whole search (exhaustive, up to 2 preemptions, stopping at the first bug), start-up excluded.\n`,
  );
  table(
    ['program', 'schedules', 'pruned', 'bug', 'native sched/s', 'wasm sched/s', 'native 1st bug', 'wasm 1st bug'],
    rows,
  );
}

// ---- the real suite ----------------------------------------------------------------------------

const MAXRSS_MARK = 'INTERLEAVE-MAXRSS-KB';
// RSS_WRAPPER runs a command as a child and reports its peak resident set (ru_maxrss, KB on
// Linux) on stderr; the fallback when GNU time is not installed.
const RSS_WRAPPER = `import os, sys
pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ)
_, status, usage = os.wait4(pid, 0)
sys.stderr.write("${MAXRSS_MARK} %d\\n" % usage.ru_maxrss)
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
`;

// rssWrapper picks how child processes are measured: GNU time's %M, else a python3 wrapper
// around os.wait4. Both report the child's max RSS in KB; null when neither works.
function rssWrapper() {
  const gnu = '/usr/bin/time';
  if (existsSync(gnu)) {
    const probe = spawnSync(gnu, ['-f', `${MAXRSS_MARK} %M`, 'true'], { encoding: 'utf8' });
    if (probe.status === 0 && new RegExp(`^${MAXRSS_MARK} \\d+\\s*$`, 'm').test(probe.stderr)) {
      return { how: 'GNU time (%M)', wrap: (cmd, args) => [gnu, ['-f', `${MAXRSS_MARK} %M`, cmd, ...args]] };
    }
  }
  const probe = spawnSync('python3', ['-c', RSS_WRAPPER, 'true'], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stderr.includes(MAXRSS_MARK)) {
    return {
      how: 'a python3 wrapper (os.wait4 ru_maxrss)',
      wrap: (cmd, args) => ['python3', ['-c', RSS_WRAPPER, cmd, ...args]],
    };
  }
  return null;
}

// runMeasured runs cmd under the wrapper; stderr comes back without the wrapper's lines.
async function runMeasured(wrapper, cmd, args, options) {
  const [c, a] = wrapper.wrap(cmd, args);
  const r = await runProcess(c, a, options);
  const lines = r.stderr.split('\n');
  const mark = lines.find((line) => line.startsWith(MAXRSS_MARK));
  const stderr = lines
    .filter(
      (line) =>
        !line.startsWith(MAXRSS_MARK) &&
        !line.startsWith('Command exited with non-zero status') &&
        !line.startsWith('Command terminated by signal'),
    )
    .join('\n');
  return { ...r, stderr, maxRssMb: mark ? Number(mark.split(' ')[1]) / 1024 : undefined };
}

async function realNative(wrapper, file, startup) {
  const args = ['run', file, '--json', '--step-limit', String(STEP_LIMIT), '--memory-limit', String(MEMORY_LIMIT_MB)];
  const r = await runMeasured(wrapper, NATIVE_BIN, args, { timeoutMs: 600_000 });
  if (r.spawnError) return { problem: `cannot start: ${r.spawnError.message}` };
  if (r.timedOut) return { problem: 'timed out' };
  let parsed;
  try {
    parsed = JSON.parse(r.stdout.trim());
  } catch {
    return {
      problem: `no JSON on stdout (exit code ${r.code}${r.signal ? `, ${r.signal}` : ''}) ${r.stderr.trim().split('\n').pop() ?? ''}`,
    };
  }
  if (parsed.error) return { problem: describeError(parsed.error) };
  return {
    seconds: Math.max(1e-6, r.wallMs / 1000 - startup),
    memoryMb: r.maxRssMb,
    steps: parsed.steps,
    output: parsed.output ?? '',
  };
}

// wasmMemoryMb is the size of a module instance's linear memory, which only grows.
function wasmMemoryMb(wasm) {
  const memory = Object.values(wasm.module.asm ?? {}).find((v) => v instanceof WebAssembly.Memory);
  return memory ? memory.buffer.byteLength / (1024 * 1024) : undefined;
}

async function realWasm(wasm, source) {
  await wasm.instantiate(); // a fresh instance, so its memory is this program's peak
  const r = await wasmMeasure(wasm, source);
  return r.problem ? r : { ...r, memoryMb: wasmMemoryMb(wasm) };
}

async function realCpython(wrapper, file, startup) {
  const r = await runMeasured(wrapper, 'python3', [file], { env: cpythonEnv(), timeoutMs: 600_000 });
  if (r.spawnError || r.timedOut || r.code !== 0) {
    return { problem: r.spawnError?.message ?? (r.timedOut ? 'timed out' : r.stderr.trim().split('\n').pop()) };
  }
  return { seconds: Math.max(1e-6, r.wallMs / 1000 - startup), memoryMb: r.maxRssMb, output: r.stdout };
}

const fmtMb = (m) => (m === undefined || !Number.isFinite(m) ? '-' : m.toFixed(1));

async function realSuite(args, engines, scratch, notes) {
  const repeat = args.repeat ?? (args.quick ? 1 : 3);
  const dir = join(HERE, 'real');
  const programs = readdirSync(dir)
    .filter((f) => f.endsWith('.py') && `real/${f}`.includes(args.filter))
    .sort()
    .map((f) => ({ label: basename(f, '.py'), file: join(dir, f), source: readFileSync(join(dir, f), 'utf8') }));
  if (programs.length === 0) return;

  const wrapper = engines.native || engines.cpython ? rssWrapper() : null;
  if ((engines.native || engines.cpython) && !wrapper) {
    notes.push('real: neither GNU time nor a python3 wrapper can measure child processes: skipping native and CPython');
  }
  const wanted = (e) => engines[e] && (e === 'wasm' || e === 'chromium' || wrapper);
  // Start-up through the same wrapper, so the wrapper's own cost is subtracted with it;
  // best of at least 3 even with --quick, since CPython's start-up is large and noisy.
  const empty = join(scratch, 'empty.py');
  writeFileSync(empty, 'pass\n');
  const startup = {};
  const startupRepeat = Math.max(3, repeat);
  if (wanted('native')) {
    const s = await best(startupRepeat, () => realNative(wrapper, empty, 0));
    if (s.problem) notes.push(`real [native]: an empty program fails: ${s.problem}`);
    else startup.native = s;
  }
  if (wanted('cpython')) {
    const s = await best(startupRepeat, () => realCpython(wrapper, empty, 0));
    if (s.problem) notes.push(`real [cpython]: an empty program fails: ${s.problem}`);
    else startup.cpython = s;
  }
  const order = ['native', 'wasm', 'chromium', 'cpython'].filter(
    (e) => wanted(e) && (e === 'wasm' || e === 'chromium' || startup[e]),
  );
  const measure = {
    native: (p) => realNative(wrapper, p.file, startup.native.seconds),
    wasm: (p) => realWasm(engines.wasm.engine, p.source),
    chromium: (p) => engines.chromium.run(p.source),
    cpython: (p) => realCpython(wrapper, p.file, startup.cpython.seconds),
  };

  const rows = [];
  for (const p of programs) {
    process.stderr.write(`running real/${p.label} ...\n`);
    const kept = {};
    // Alternate the engines within the program's runs, so a change in machine load
    // falls on all three alike; keep each engine's fastest run and its largest peak.
    for (let k = 0; k < repeat; k++) {
      for (const e of order) {
        if (kept[e]?.problem) continue;
        const r = await measure[e](p);
        if (r.problem) {
          kept[e] = r;
          continue;
        }
        const peak = Math.max(kept[e]?.memoryMb ?? 0, r.memoryMb ?? 0) || undefined;
        if (!kept[e] || r.seconds < kept[e].seconds) kept[e] = r;
        kept[e].memoryMb = peak;
      }
    }
    for (const e of order) if (kept[e]?.problem) notes.push(`real/${p.label} [${e}]: ${kept[e].problem}`);
    const outputs = order.filter((e) => ok(kept[e])).map((e) => [e, kept[e].output]);
    for (const [e, out] of outputs.slice(1)) {
      if (out !== outputs[0][1]) notes.push(`real/${p.label}: ${e} printed something different from ${outputs[0][0]}`);
    }
    const n = ok(kept.native);
    const w = ok(kept.wasm);
    const c = ok(kept.cpython);
    const b = ok(kept.chromium);
    if (n?.steps !== undefined && w?.steps !== undefined && n.steps !== w.steps) {
      notes.push(`real/${p.label}: native ran ${n.steps} steps but wasm ran ${w.steps}`);
    }
    const ratio = (a, b) => (a !== undefined && b !== undefined ? a / b : undefined);
    rows.push({
      name: p.label,
      cpython: c?.seconds,
      native: n?.seconds,
      wasm: w?.seconds,
      wasmCpython: ratio(w?.seconds, c?.seconds),
      nativeCpython: ratio(n?.seconds, c?.seconds),
      wasmNative: ratio(w?.seconds, n?.seconds),
      chromium: b?.seconds,
      chromiumCpython: ratio(b?.seconds, c?.seconds),
      nativeMb: n?.memoryMb,
      wasmMb: w?.memoryMb,
      cpythonMb: c?.memoryMb,
      nativeMem: ratio(n?.memoryMb, c?.memoryMb),
      wasmMem: ratio(w?.memoryMb, c?.memoryMb),
    });
  }

  const keys = [
    'cpython',
    'native',
    'wasm',
    'wasmCpython',
    'nativeCpython',
    'wasmNative',
    'chromium',
    'chromiumCpython',
    'nativeMb',
    'wasmMb',
    'cpythonMb',
    'nativeMem',
    'wasmMem',
  ];
  const mean = { name: 'geometric mean' };
  for (const key of keys) mean[key] = geomean(rows.map((x) => x[key]));
  const header = [
    'program',
    'cpython s',
    'native s',
    'wasm s',
    'wasm/cpython',
    'native/cpython',
    'wasm/native',
    'chromium s',
    'chromium/cpy',
    'native MB',
    'wasm MB',
    'cpython MB',
    'native mem/cpy',
    'wasm mem/cpy',
  ];
  const cells = (x) => [
    x.name,
    fmtSeconds(x.cpython),
    fmtSeconds(x.native),
    fmtSeconds(x.wasm),
    fmtRatio(x.wasmCpython),
    fmtRatio(x.nativeCpython),
    fmtRatio(x.wasmNative),
    fmtSeconds(x.chromium),
    fmtRatio(x.chromiumCpython),
    fmtMb(x.nativeMb),
    fmtMb(x.wasmMb),
    fmtMb(x.cpythonMb),
    fmtRatio(x.nativeMem),
    fmtRatio(x.wasmMem),
  ];
  console.log(
    `\nReal suite (bench/real/*.py): best of ${repeat} runs per engine, the engines alternating (native, wasm, cpython, native, ...); wall seconds;`,
  );
  console.log(
    "tracing on. Times exclude start-up: an empty program's time is subtracted for native and CPython, and wasm counts from Simulation",
  );
  console.log(
    'creation (module instantiation excluded). Ratios divide times (x/y: above 1x means x is slower). "native MB" and "cpython MB" are',
  );
  console.log(
    `the process's peak resident set (max RSS, measured with ${wrapper ? wrapper.how : 'nothing'}; start-up included); "wasm MB" is the size of the wasm`,
  );
  console.log(
    'linear memory at the end of the run on a fresh module instance (it only grows, so it is the peak; 16 MB initial);',
  );
  console.log('"mem/cpy" divides the engine\'s peak by CPython\'s. Memory columns show the largest peak of the runs.');
  console.log(
    '"wasm" is the module in Node (the CLI); "chromium" is the same module in headless Chromium (the page), timed the same way.\n',
  );
  table(header, [...rows.map(cells), cells(mean)]);
  const base = [];
  if (startup.native)
    base.push(`native ${(startup.native.seconds * 1000).toFixed(0)} ms, ${fmtMb(startup.native.memoryMb)} MB`);
  if (startup.cpython)
    base.push(`cpython ${(startup.cpython.seconds * 1000).toFixed(0)} ms, ${fmtMb(startup.cpython.memoryMb)} MB`);
  if (base.length)
    notes.push(`real: an empty program (subtracted from the times, not from memory): ${base.join('; ')}`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const scratch = mkdtempSync(join(tmpdir(), 'interleave-bench-'));
  const notes = [];
  let engines = {};
  try {
    engines = await setupEngines(args, scratch, notes);
    if (args.suites.includes('cpu')) await cpuSuite(args, engines, notes);
    if (args.suites.includes('scale')) await scaleSuite(args, engines, scratch, notes);
    if (args.suites.includes('explore')) await exploreSuite(args, engines, notes);
    if (args.suites.includes('real')) await realSuite(args, engines, scratch, notes);
  } finally {
    await engines.chromium?.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  if (notes.length) {
    console.log('');
    for (const note of notes) console.log(`note: ${note}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(3);
});
