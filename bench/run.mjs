// Benchmark: runs each bench/*.py on the native CLI, on the wasm module inside Node and on
// CPython, and reports wall time, VM steps, steps per second and the wasm/native and
// wasm/CPython ratios. Then the scale suite (bench/scale/*.py: many tasks and threads)
// reports task switches per second against CPython's real asyncio, and the explore suite
// (tests/explore/*.py) the schedule explorer's schedules per second and time to the first
// bug, native and wasm. Best of N runs each; tracing stays on (default options). It
// measures and never asserts. Node built-ins only.
// See docs/TESTING.md.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
const STEP_LIMIT = 1e12;  // benchmarks run far past the default 100M-step limit
const MEMORY_LIMIT_MB = 1024;  // 100,000 asyncio tasks need about 500 MB of live objects
const ENGINES = ['native', 'wasm', 'cpython'];

const SUITES = ['cpu', 'scale', 'explore'];

const USAGE = `Usage: node bench/run.mjs [--engine native|wasm|cpython|all] [--suite cpu|scale|explore|all]
                         [--filter TEXT] [--repeat N] [--quick]

Runs bench/*.py (the cpu suite, best of N, default 3) and bench/scale/*.py (the scale
suite, best of N, default 1) on each engine and prints a table per suite; the explore
suite runs \`explore\` on tests/explore/*.py natively and in wasm (best of N, default 3).
--quick shrinks the scale programs (their '# quick:' sizes) and runs everything once.
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
  const r = await runNative(file, ['--step-limit', String(STEP_LIMIT), '--memory-limit', String(MEMORY_LIMIT_MB)], { timeoutMs: 600_000 });
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

async function wasmMeasure(wasm, source) {
  const r = await wasm.run(source, { stepLimit: STEP_LIMIT, memoryLimit: MEMORY_LIMIT_MB * 1024 * 1024 }, { timeoutMs: 600_000 });
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
const fmtCount = (n) => (n === undefined ? '-' : n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : String(n));
const fmtSwitchRate = (n) => (n === undefined || !Number.isFinite(n) ? '-' : n >= 1e6 ? `${(n / 1e6).toFixed(2)}M/s` : `${(n / 1e3).toFixed(0)}k/s`);

function table(header, rows) {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
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
    .map((f) => ({ label: basename(f, '.py'), file: join(HERE, f), source: readFileSync(join(HERE, f), 'utf8'), engines: ENGINES }));
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
  const header = ['program', 'steps', 'native s', 'wasm s', 'cpython s', 'simulated s', 'native steps/s', 'wasm steps/s', 'wasm/native', 'wasm/cpython'];
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
  console.log(`\nCPU suite: best of ${repeat} runs, wall seconds; tracing on; "simulated s" is the engine's simulated clock.\n`);
  table(header, [...rows.map(cells), cells(mean)]);
}

// scaleHeader reads `# engines: native,wasm` (default all) and `# yardstick:` from a scale program.
function scaleHeader(source, key) {
  const m = source.match(new RegExp(`^# ${key}:[ \\t]*(.*)$`, 'm'));
  return m ? m[1].trim() : null;
}

// shrink rewrites `NAME = 100_000  # quick: 10_000` lines to their quick sizes.
function shrink(source) {
  return source.replace(/^(\w+ = )[\d_]+(\s+# quick: ([\d_]+))$/gm, (_, lhs, comment, quick) => `${lhs}${quick}${comment}`);
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
  for (const p of programs) results.push({ ...(await measureProgram(p, engines, repeat, notes)), yardstick: p.yardstick });

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
  const header = ['program', 'switches', 'events', 'native s', 'wasm s', 'cpython s', 'simulated s', 'native sw/s', 'wasm sw/s', 'cpython sw/s', 'wasm/native', 'native/cpy asyncio', 'wasm/cpy asyncio'];
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
  console.log(`\nScale suite${args.quick ? ' (--quick sizes)' : ''}: best of ${repeat}, wall seconds; "switches" is the program's count of task switches.`);
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
  const files = readdirSync(dir).filter((f) => f.endsWith('.py') && `explore/${f}`.includes(args.filter)).sort();
  if (files.length === 0) return;
  const rows = [];
  for (const f of files) {
    process.stderr.write(`exploring ${f} ...\n`);
    const file = join(dir, f);
    const source = readFileSync(file, 'utf8');
    const n = engines.native ? await best(repeat, () => exploreNative(file)) : undefined;
    const w = engines.wasm ? await best(repeat, () => exploreWasm(engines.wasm.engine, source)) : undefined;
    for (const [engine, m] of [['native', n], ['wasm', w]]) if (m?.problem) notes.push(`${f} [${engine}]: ${m.problem}`);
    const report = ok(n)?.report ?? ok(w)?.report;
    const rate = (m) => (ok(m) ? `${Math.round(m.report.explored / m.seconds)}/s` : '-');
    const first = (m) => (ok(m) && m.report.first_bug_seconds !== undefined ? `${(m.report.first_bug_seconds * 1000).toFixed(1)} ms` : '-');
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
  console.log(`\nExplore suite: best of ${repeat}; the whole search (exhaustive, up to 2 preemptions, stopping at the first bug), start-up excluded.\n`);
  table(['program', 'schedules', 'pruned', 'bug', 'native sched/s', 'wasm sched/s', 'native 1st bug', 'wasm 1st bug'], rows);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const scratch = mkdtempSync(join(tmpdir(), 'interleave-bench-'));
  const notes = [];
  try {
    const engines = await setupEngines(args, scratch, notes);
    if (args.suites.includes('cpu')) await cpuSuite(args, engines, notes);
    if (args.suites.includes('scale')) await scaleSuite(args, engines, scratch, notes);
    if (args.suites.includes('explore')) await exploreSuite(args, engines, notes);
  } finally {
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
