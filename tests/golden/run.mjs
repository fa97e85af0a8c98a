// Golden corpus runner: runs every tests/golden/**/*.py on the native CLI, the wasm module
// (in-process) and CPython, and checks stdout against NAME.out, the uncaught error against
// NAME.err and the elapsed time against the `# elapsed:` header. CPython is the oracle:
// --regen rewrites .out/.err from it. Node built-ins only. See docs/TESTING.md.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  EngineUnavailable,
  WasmEngine,
  findPython,
  nativeAvailable,
  parseEngineArgs,
  runCpython,
  runNative,
} from './lib/engines.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ENGINES = ['native', 'wasm', 'cpython'];
// NOT_PROGRAMS are folders of the runner itself, not corpus programs.
const NOT_PROGRAMS = new Set(['lib', 'stubs', 'node_modules', '__pycache__']);
// CONCURRENCY_MODULES are the modules whose absence from an engine makes a program pending.
const CONCURRENCY_MODULES = ['threading', 'queue', 'concurrent.futures', 'asyncio', 'aiohttp', 'requests'];
// CONCURRENCY_OPTIONS are engine flags that an engine without the concurrency runtimes rejects.
const CONCURRENCY_OPTIONS = ['--gil', '--cores', '--switch-interval', '--slice', '--network', '--sequential'];
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
const red = paint('31');
const green = paint('32');
const yellow = paint('33');
const dim = paint('2');
const bold = paint('1');

const USAGE = `Usage: node tests/golden/run.mjs [options]

  --engine native|wasm|cpython|all   engines to check (default all; comma-separated list allowed)
  --filter TEXT                      only programs whose path contains TEXT (e.g. threads/, asyncio/queue)
  --regen                            rewrite .out/.err of CPython-runnable programs from python3, then exit
  --strict                           count failures of '# optional:' programs as failures
  --jobs N                           parallel processes for native and cpython (default 2)
  --list                             list the programs and their headers, then exit
`;

function parseArgs(argv) {
  const args = { engines: ENGINES, filter: '', regen: false, strict: false, jobs: 2, list: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--engine') {
      const v = argv[++i] ?? '';
      args.engines = v === 'all' ? ENGINES : v.split(',');
      const bad = args.engines.filter((e) => !ENGINES.includes(e));
      if (bad.length || !v) usage(`unknown engine '${bad.join(',') || v}'`);
    } else if (a === '--filter') {
      args.filter = argv[++i] ?? '';
    } else if (a === '--regen') {
      args.regen = true;
    } else if (a === '--strict') {
      args.strict = true;
    } else if (a === '--jobs') {
      args.jobs = Math.max(1, Number(argv[++i]) || 1);
    } else if (a === '--list') {
      args.list = true;
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else {
      usage(`unknown argument '${a}'`);
    }
  }
  return args;
}

function usage(message) {
  process.stderr.write(`run.mjs: ${message}\n${USAGE}`);
  process.exit(2);
}

// ---- corpus -----------------------------------------------------------------------------------

// programFiles lists the corpus's .py files, recursing into subfolders, as paths relative
// to tests/golden with '/' separators: `lists.py`, `threads/locks.py`.
function programFiles(dir = HERE) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!NOT_PROGRAMS.has(entry.name) && !entry.name.startsWith('.'))
        found.push(...programFiles(join(dir, entry.name)));
    } else if (entry.name.endsWith('.py')) {
      found.push(relative(HERE, join(dir, entry.name)).split(sep).join('/'));
    }
  }
  return found;
}

// loadCorpus reads each program and its headers: `# engine-only: why`, `# optional: why`,
// `# args: --flag value ...`, `# elapsed: seconds` (comment lines anywhere in the file,
// normally at the top).
function loadCorpus(filter) {
  return programFiles()
    .filter((f) => f.includes(filter))
    .sort((a, b) => a.includes('/') - b.includes('/') || a.localeCompare(b))
    .map((f) => {
      const file = join(HERE, f);
      const source = readFileSync(file, 'utf8');
      const header = (key) => {
        const m = source.match(new RegExp(`^# ${key}:[ \\t]*(.*)$`, 'm'));
        return m ? m[1].trim() : null;
      };
      const argsText = header('args');
      const elapsedText = header('elapsed');
      const name = f.slice(0, -'.py'.length);
      return {
        name,
        file,
        source,
        engineOnly: header('engine-only'),
        optional: header('optional'),
        args: argsText ? argsText.split(/\s+/).filter(Boolean) : [],
        elapsed: elapsedText === null ? null : Number(elapsedText),
        imports: importedModules(source),
        outFile: join(HERE, `${name}.out`),
        errFile: join(HERE, `${name}.err`),
      };
    });
}

// importedModules lists the modules a program imports (`import a.b`, `from a.b import c`).
function importedModules(source) {
  const names = new Set();
  for (const m of source.matchAll(/^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import|import[ \t]+([\w., \t]+))/gm)) {
    if (m[1]) names.add(m[1]);
    else for (const part of m[2].split(',')) names.add(part.trim().split(/[ \t]/)[0]);
  }
  return [...names].filter(Boolean);
}

// elapsedLimits is the accepted range of elapsed seconds for an ideal time: the engine's
// simulated clock within 5% or 50 ms (whichever is larger); CPython's wall clock from a
// little under the ideal to 40% + 150 ms over it (machine load only ever adds time).
function elapsedLimits(engine, ideal) {
  if (engine === 'cpython') return [ideal * 0.95 - 0.02, ideal * 1.4 + 0.15];
  const slack = Math.max(ideal * 0.05, 0.05);
  return [ideal - slack, ideal + slack];
}

function checkElapsed(engine, test, actual) {
  if (test.elapsed === null || actual.crash) return null;
  if (actual.elapsed === undefined || actual.elapsed === null)
    return `elapsed: the ${engine} run did not report its elapsed time`;
  const [low, high] = elapsedLimits(engine, test.elapsed);
  if (actual.elapsed >= low && actual.elapsed <= high) return null;
  const clock = engine === 'cpython' ? 'wall' : 'simulated';
  return `elapsed: ${actual.elapsed.toFixed(3)} s ${clock}, expected ${test.elapsed.toFixed(2)} s (accepted ${Math.max(0, low).toFixed(3)}..${high.toFixed(3)})`;
}

// parseErrLine reads `Type: message (line N)`; a missing `(line N)` leaves the line unchecked,
// a message ending in `...` matches any message starting with the text before it.
function parseErrLine(text) {
  let rest = text.replace(/\r?\n$/, '');
  let line = null;
  const m = rest.match(/ \(line (\d+)\)$/);
  if (m) {
    line = Number(m[1]);
    rest = rest.slice(0, m.index);
  }
  const colon = rest.indexOf(': ');
  const type = colon < 0 ? rest : rest.slice(0, colon);
  const message = colon < 0 ? '' : rest.slice(colon + 2);
  return { type, message, line };
}

function formatError(e) {
  if (!e) return 'no error';
  const text = e.message ? `${e.type}: ${e.message}` : e.type;
  return e.line === null || e.line === undefined ? text : `${text} (line ${e.line})`;
}

function expectation(test) {
  if (!existsSync(test.outFile)) return null;
  return {
    output: readFileSync(test.outFile, 'utf8'),
    error: existsSync(test.errFile) ? parseErrLine(readFileSync(test.errFile, 'utf8')) : null,
  };
}

// ---- comparison -------------------------------------------------------------------------------

function sameError(expected, actual) {
  if (!expected || !actual) return !expected && !actual;
  if (expected.type !== actual.type) return false;
  let message = actual.message ?? '';
  // The engine may repeat the line inside the message ("... (line 4)"); the line is compared separately.
  const suffix = ` (line ${actual.line})`;
  if (message.endsWith(suffix)) message = message.slice(0, -suffix.length);
  if (expected.message.endsWith('...')) {
    if (!message.startsWith(expected.message.slice(0, -3))) return false;
  } else if (expected.message !== message) {
    return false;
  }
  return expected.line === null || expected.line === actual.line;
}

// diffLines renders a unified-style diff (LCS on lines) limited to maxLines lines.
function diffLines(expected, actual, maxLines = 20) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const ops = [];
  if (a.length * b.length <= 4_000_000) {
    const n = a.length;
    const m = b.length;
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[i] === b[j]) {
        ops.push([' ', a[i]]);
        i++;
        j++;
      } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.push(['-', a[i++]]);
      } else {
        ops.push(['+', b[j++]]);
      }
    }
  } else {
    for (let k = 0; k < Math.max(a.length, b.length); k++) {
      if (a[k] === b[k]) ops.push([' ', a[k]]);
      else {
        if (k < a.length) ops.push(['-', a[k]]);
        if (k < b.length) ops.push(['+', b[k]]);
      }
    }
  }
  const keep = new Array(ops.length).fill(false);
  ops.forEach((op, k) => {
    if (op[0] !== ' ') for (let c = Math.max(0, k - 2); c <= Math.min(ops.length - 1, k + 2); c++) keep[c] = true;
  });
  const out = [];
  let skipped = false;
  for (let k = 0; k < ops.length && out.length < maxLines; k++) {
    if (!keep[k]) {
      if (!skipped) out.push(dim('  ...'));
      skipped = true;
      continue;
    }
    skipped = false;
    const [tag, text] = ops[k];
    const shown = JSON.stringify(text).slice(1, -1);
    out.push(tag === '-' ? red(`- ${shown}`) : tag === '+' ? green(`+ ${shown}`) : dim(`  ${shown}`));
  }
  const changed = ops.filter((op) => op[0] !== ' ').length;
  if (out.length >= maxLines) out.push(dim(`  ... (${changed} changed lines in all)`));
  return out.join('\n');
}

function check(engine, test, expected, actual) {
  if (actual.crash) return [`engine crashed: ${actual.crash.trimEnd()}`];
  const problems = [];
  const timing = checkElapsed(engine, test, actual);
  if (actual.output !== expected.output) {
    problems.push(`stdout differs (- expected, + actual):\n${diffLines(expected.output, actual.output)}`);
  }
  if (!sameError(expected.error, actual.error)) {
    problems.push(`error: expected ${formatError(expected.error)}\n       got      ${formatError(actual.error)}`);
  }
  if (timing) problems.push(timing);
  return problems;
}

// missingModules asks an engine which concurrency modules it cannot import yet.
async function missingModules(runSource) {
  const missing = [];
  for (const name of CONCURRENCY_MODULES) {
    const r = await runSource(`import ${name}\n`);
    if (r.crash || (r.error && r.error.type === 'ModuleNotFoundError')) missing.push(name);
  }
  return missing;
}

// pendingReason says why a failed engine run is pending rather than failed: the program
// imports a concurrency module the engine lacks, or passes a concurrency flag it rejects.
function pendingReason(test, actual, missing) {
  const module = test.imports.find((name) =>
    missing.some((m) => name === m || name.startsWith(`${m}.`) || m.startsWith(`${name}.`)),
  );
  if (module) return `engine lacks module ${module}`;
  const text = actual?.crash ?? '';
  const option = CONCURRENCY_OPTIONS.find((flag) => text.includes(`unknown option '${flag}'`));
  return option ? `engine lacks option ${option}` : null;
}

// ---- running ----------------------------------------------------------------------------------

async function pool(items, jobs, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const k = next++;
      results[k] = await work(items[k], k);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return results;
}

async function regen(tests, args) {
  const python = findPython();
  if (!python) {
    console.log(red('python3 not found: cannot regenerate .out/.err'));
    return 1;
  }
  const runnable = tests.filter((t) => !t.engineOnly);
  console.log(bold(`Regenerating ${runnable.length} programs from CPython ${python.version}`));
  let failures = 0;
  let changed = 0;
  await pool(runnable, args.jobs, async (test) => {
    const r = await runCpython(test.file);
    if (r.crash) {
      failures++;
      console.log(`${red('FAIL')} ${test.name}: ${r.crash}`);
      return;
    }
    const timing = checkElapsed('cpython', test, r);
    if (timing) console.log(yellow(`warn ${test.name}: ${timing}`));
    const before = expectation(test);
    writeFileSync(test.outFile, r.output);
    if (r.error) {
      if (r.error.message.includes('\n')) console.log(yellow(`warn ${test.name}: multi-line error message`));
      writeFileSync(test.errFile, `${formatError(r.error)}\n`);
    } else if (existsSync(test.errFile)) {
      unlinkSync(test.errFile);
    }
    const after = expectation(test);
    const same = before && before.output === after.output && formatError(before.error) === formatError(after.error);
    if (!same) {
      changed++;
      console.log(`${yellow('new ')} ${test.name}${r.error ? dim(`  ${formatError(r.error)}`) : ''}`);
    }
  });
  console.log(`${runnable.length - failures} regenerated, ${changed} changed, ${failures} failed`);
  return failures ? 1 : 0;
}

async function runEngine(engine, tests, args) {
  const summary = {
    engine,
    passed: 0,
    failed: 0,
    optionalFailed: 0,
    skipped: 0,
    pending: [],
    unavailable: null,
    failures: [],
  };
  let missing = [];
  let runOne;
  if (engine === 'native') {
    try {
      nativeAvailable();
    } catch (error) {
      if (!(error instanceof EngineUnavailable)) throw error;
      summary.unavailable = error.message;
      return summary;
    }
    runOne = (test) => runNative(test.file, test.args);
    if (tests.some((t) => t.imports.length)) {
      const scratch = mkdtempSync(join(tmpdir(), 'interleave-golden-'));
      try {
        missing = await missingModules((source) => {
          const file = join(scratch, 'probe.py');
          writeFileSync(file, source);
          return runNative(file);
        });
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    }
  } else if (engine === 'wasm') {
    let wasm;
    try {
      wasm = await WasmEngine.load();
    } catch (error) {
      summary.unavailable =
        error instanceof EngineUnavailable ? error.message : `cannot load the wasm module: ${error.stack ?? error}`;
      return summary;
    }
    runOne = (test) => wasm.run(test.source, { filename: 'main.py', ...parseEngineArgs(test.args) });
    if (tests.some((t) => t.imports.length))
      missing = await missingModules((source) => wasm.run(source, { filename: 'main.py' }));
  } else {
    const python = findPython();
    if (!python) {
      summary.unavailable = 'python3 not found: skipping the cpython engine';
      summary.skippedEngine = true;
      return summary;
    }
    runOne = (test) => runCpython(test.file);
  }

  const eligible = tests.filter((t) => !(engine === 'cpython' && t.engineOnly));
  summary.skipped = tests.length - eligible.length;
  const jobs = engine === 'wasm' ? 1 : args.jobs;
  await pool(eligible, jobs, async (test) => {
    const expected = expectation(test);
    let problems;
    let actual = null;
    if (!expected) {
      problems = [
        `missing ${basename(test.outFile)}${test.engineOnly ? ' (engine-only: write it by hand)' : ' (run with --regen)'}`,
      ];
    } else {
      actual = await runOne(test);
      problems = check(engine, test, expected, actual);
    }
    const pending = problems.length && actual && engine !== 'cpython' ? pendingReason(test, actual, missing) : null;
    if (problems.length === 0) {
      summary.passed++;
    } else if (pending) {
      summary.pending.push({ test, reason: pending });
    } else if (test.optional && !args.strict) {
      summary.optionalFailed++;
      summary.failures.push({ test, problems, optional: true });
    } else {
      summary.failed++;
      summary.failures.push({ test, problems, optional: false });
    }
  });
  summary.failures.sort((x, y) => x.test.name.localeCompare(y.test.name));
  return summary;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const tests = loadCorpus(args.filter);
  if (tests.length === 0) {
    console.log(red(`no golden programs match '${args.filter}'`));
    return 1;
  }
  if (args.list) {
    for (const t of tests) {
      const tags = [
        t.engineOnly && 'engine-only',
        t.optional && 'optional',
        t.args.length && `args: ${t.args.join(' ')}`,
        t.elapsed !== null && `elapsed: ${t.elapsed}`,
      ];
      console.log(`${t.name.padEnd(36)} ${dim(tags.filter(Boolean).join(', '))}`);
    }
    return 0;
  }
  if (args.regen) return regen(tests, args);

  const summaries = [];
  for (const engine of args.engines) {
    const started = Date.now();
    const s = await runEngine(engine, tests, args);
    s.seconds = ((Date.now() - started) / 1000).toFixed(1);
    summaries.push(s);
    if (s.unavailable) continue;
    for (const f of s.failures) {
      const tag = f.optional ? yellow('FAIL (optional)') : red('FAIL');
      console.log(`\n${tag} ${bold(`[${engine}] ${f.test.name}`)}${f.optional ? dim(` — ${f.test.optional}`) : ''}`);
      for (const p of f.problems) console.log(p.replace(/^/gm, '  '));
    }
  }

  console.log(bold('\nGolden corpus summary'));
  let exit = 0;
  for (const s of summaries) {
    if (s.unavailable) {
      const mark = s.skippedEngine ? yellow('skip') : red('FAIL');
      console.log(`  ${mark} ${s.engine.padEnd(8)} ${s.unavailable}`);
      if (!s.skippedEngine) exit = 1;
      continue;
    }
    const parts = [`${s.passed} passed`, `${s.failed} failed`];
    if (s.pending.length) parts.push(`${s.pending.length} pending`);
    if (s.optionalFailed) parts.push(`${s.optionalFailed} optional failed`);
    if (s.skipped) parts.push(`${s.skipped} skipped (engine-only)`);
    const mark = s.failed ? red('FAIL') : green('ok  ');
    console.log(`  ${mark} ${s.engine.padEnd(8)} ${parts.join(', ')}  ${dim(`${s.seconds} s`)}`);
    const reasons = new Map();
    for (const p of s.pending) reasons.set(p.reason, (reasons.get(p.reason) ?? 0) + 1);
    for (const [reason, count] of [...reasons].sort()) console.log(dim(`           pending (${reason}): ${count}`));
    if (s.failed) exit = 1;
  }
  return exit;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(3);
  },
);
