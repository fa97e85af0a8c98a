// Hostile corpus runner: every tests/hostile/*.py is a program written to stress the engine
// (deep data, memory bombs, endless output, huge arguments, misuse of internals). Each must
// end within its time budget with the expected stdout (NAME.out, empty if absent) and the
// expected uncaught error (`# error:` header; `# output: prefix` checks only how stdout starts), on the native CLI, on the sanitizer build
// (AddressSanitizer + UBSan: build/fuzz/interleave) and in the wasm module; a crash, a
// sanitizer report, a trap or a timeout fails. `# cpython: same` programs are also run by
// python3, which must agree. Node built-ins only. See docs/TESTING.md, "Hostile programs".
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  EngineUnavailable,
  ROOT,
  WasmEngine,
  findPython,
  parseEngineArgs,
  runCpython,
  runNative,
} from '../golden/lib/engines.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ENGINES = ['native', 'sanitized', 'wasm', 'cpython'];
const NATIVE_BIN = resolve(process.env.INTERLEAVE_NATIVE_BIN || join(ROOT, 'build', 'native', 'interleave'));
const SANITIZED_BIN = resolve(process.env.INTERLEAVE_SANITIZED_BIN || join(ROOT, 'build', 'fuzz', 'interleave'));
// SLOWDOWN scales a program's `# seconds:` budget (native wall time) for the slower engines.
const SLOWDOWN = { native: 1, sanitized: 8, wasm: 4, cpython: 4 };
const SANITIZER_ENV = {
  ...process.env,
  ASAN_OPTIONS: 'detect_leaks=0:allocator_may_return_null=1:abort_on_error=1',
  UBSAN_OPTIONS: 'print_stacktrace=1:halt_on_error=1',
};

function parseArgs(argv) {
  const args = { engines: ENGINES, filter: '' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--engine') args.engines = (argv[++i] ?? '').split(',');
    else if (argv[i] === '--filter') args.filter = argv[++i] ?? '';
    else {
      console.error(`usage: node tests/hostile/run.mjs [--engine ${ENGINES.join(',')}] [--filter TEXT]`);
      process.exit(2);
    }
  }
  const bad = args.engines.filter((e) => !ENGINES.includes(e));
  if (bad.length) {
    console.error(`unknown engine '${bad.join(',')}'`);
    process.exit(2);
  }
  return args;
}

// program reads one corpus file's headers: the family line, the expected error, the budget.
function program(file) {
  const text = readFileSync(file, 'latin1');
  const header = (name) => text.match(new RegExp(`^# ${name}: (.*)$`, 'm'))?.[1]?.trim();
  const error = header('error');
  if (!header('hostile')) throw new Error(`${basename(file)}: no '# hostile:' line saying which family it is`);
  if (!error) throw new Error(`${basename(file)}: no '# error:' line (use '# error: none' for a clean end)`);
  const outFile = file.replace(/\.py$/, '.out');
  return {
    file,
    name: basename(file, '.py'),
    error: error === 'none' ? null : error,
    output: existsSync(outFile) ? readFileSync(outFile, 'utf8') : '',
    seconds: Number(header('seconds') ?? 10),
    args: (header('args') ?? '').split(/\s+/).filter(Boolean),
    cpython: header('cpython') === 'same',
    // prefix: NAME.out is how stdout starts (a flood's output is too long to keep).
    prefix: header('output') === 'prefix',
  };
}

// verdict compares a result with the program's expectations; '' means it passed.
function verdict(p, r, budgetMs) {
  if (r.crash) return r.crash;
  const problems = [];
  if (r.wallMs > budgetMs)
    problems.push(`took ${(r.wallMs / 1000).toFixed(1)} s, over its ${(budgetMs / 1000).toFixed(0)} s budget`);
  const got = r.error ? `${r.error.type}: ${r.error.message}` : null;
  if (got !== p.error) problems.push(`ended with ${got ?? 'no error'}, expected ${p.error ?? 'no error'}`);
  if (p.prefix ? !r.output.startsWith(p.output) : r.output !== p.output) {
    const at = [...r.output].findIndex((c, i) => c !== p.output[i]);
    problems.push(
      `stdout differs at character ${at < 0 ? r.output.length : at}: got ${JSON.stringify(r.output.slice(0, 300))}`,
    );
  }
  return problems.join('\n');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const programs = readdirSync(HERE)
    .filter((name) => name.endsWith('.py') && name.includes(args.filter))
    .sort()
    .map((name) => program(join(HERE, name)));
  let failures = 0;
  let passes = 0;
  const report = (engine, p, r, budgetMs) => {
    const problem = verdict(p, r, budgetMs);
    const time = r.wallMs === undefined ? '' : ` ${(r.wallMs / 1000).toFixed(2)} s`;
    if (problem) {
      failures++;
      console.log(`FAIL ${engine.padEnd(9)} ${p.name}${time}\n  ${problem.replaceAll('\n', '\n  ')}`);
    } else {
      passes++;
      console.log(`ok   ${engine.padEnd(9)} ${p.name}${time}`);
    }
  };
  for (const engine of args.engines) {
    if (engine === 'native' || engine === 'sanitized') {
      const bin = engine === 'native' ? NATIVE_BIN : SANITIZED_BIN;
      if (!existsSync(bin)) {
        console.error(
          `the ${engine} engine is not built (${bin}); build it with \`npm run build -- ${engine === 'native' ? 'native' : 'fuzz'}\``,
        );
        process.exit(1);
      }
      const env = engine === 'sanitized' ? SANITIZER_ENV : process.env;
      // Two at a time: the machine has two cores and the budgets are wall time.
      const queue = [...programs];
      const worker = async () => {
        for (let p = queue.shift(); p; p = queue.shift()) {
          const budgetMs = p.seconds * 1000 * SLOWDOWN[engine];
          report(engine, p, await runNative(p.file, p.args, { bin, env, timeoutMs: budgetMs * 2 }), budgetMs);
        }
      };
      await Promise.all([worker(), worker()]);
    } else if (engine === 'wasm') {
      let wasm;
      try {
        wasm = await WasmEngine.load();
      } catch (error) {
        if (!(error instanceof EngineUnavailable)) throw error;
        console.error(error.message);
        process.exit(1);
      }
      for (const p of programs) {
        const budgetMs = p.seconds * 1000 * SLOWDOWN.wasm;
        const source = new Uint8Array(readFileSync(p.file));
        report('wasm', p, await wasm.run(source, parseEngineArgs(p.args), { timeoutMs: budgetMs * 2 }), budgetMs);
      }
    } else if (engine === 'cpython') {
      if (!findPython()) {
        console.log('skipped cpython: python3 is not installed');
        continue;
      }
      for (const p of programs.filter((q) => q.cpython)) {
        const budgetMs = p.seconds * 1000 * SLOWDOWN.cpython;
        report('cpython', p, await runCpython(p.file, { timeoutMs: budgetMs * 2 }), budgetMs);
      }
    }
  }
  console.log(`${passes} passed, ${failures} failed (${programs.length} programs)`);
  process.exit(failures ? 1 : 0);
}

await main();
