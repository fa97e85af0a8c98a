// The Node command line: runs a program in the real wasm module, with the same contract
// as the native binary (build/native/interleave), --trace (Chrome trace for Perfetto) included.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunOptions, RunResult } from '../src/engine/client';
import type { ExploreOptions } from '../src/engine/protocol';
import { DEFAULT_SETTINGS as D, LIMITS } from '../src/engine/settings';
import { useFullRegisterAllocator } from './v8-tuning.mjs';

// The wasm build writes the module's glue, its binary and the library archive here.
const GLUE_PATH = fileURLToPath(new URL('../src/engine/generated/interleave.mjs', import.meta.url));
const WASM_PATH = fileURLToPath(new URL('../src/engine/generated/interleave.wasm', import.meta.url));
const LIBRARY_PATH = fileURLToPath(new URL('../src/engine/generated/interleave-library.txt', import.meta.url));
const NOT_BUILT =
  'interleave: the wasm engine is not built yet: run `npm run build` (or `node scripts/build.mjs wasm`)\n';
const STEPS_PER_ADVANCE = 1_000_000;
// CALLER_DIR is where the user typed the command: npm runs scripts from the package root.
const CALLER_DIR = process.env.INIT_CWD ?? process.cwd();

const USAGE = `Usage: npm run -s cli -- run FILE [options]
       npm run -s cli -- explore FILE [explore options] [options]

run runs a Python program on the simulated clock (in the wasm engine) and prints what it prints.
explore searches the program's thread and asyncio schedules for one that breaks it
(an uncaught exception, a failed assert, a deadlock, a hang, different output).
FILE may be - to read the program from standard input.

Options:
  --json            print one JSON object instead of the output:
                    {"output", "elapsed", "error": null | {"type", "message", "line"},
                     "events", "steps"}
                    plus "stderr" when the program wrote to standard error;
                    "events" and "steps" are counts (events recorded, instructions run):
                    --trace writes the events themselves
  --trace FILE      also write the run's events as a Chrome trace (open it in Perfetto:
                    https://ui.perfetto.dev, one track per task)
  --step-limit N    stop with StepLimitError after N instructions (default 100000000)
  --memory-limit MB stop with MemoryError past MB megabytes of live objects (default 256)
  --seed N          seed for the random module and for where the scheduler
                    preempts threads (default ${D.seed})
  --filename NAME   file name shown in tracebacks (default main.py)

Scheduling (docs/RUNTIME.md):
  --gil on|off      CPython's global interpreter lock, or free-threaded (default ${D.gil ? 'on' : 'off'})
  --cores N         simulated CPU cores, ${LIMITS.cores.min} to ${LIMITS.cores.max} (default ${D.cores})
  --switch-interval S
                    seconds a thread may keep the GIL while another waits (default ${D.switchInterval})
  --slice S         OS time slice in seconds when threads outnumber cores (default ${D.timeSlice})
  --network latency=S,capacity=N
                    the simulated network: seconds per request and how many are served
                    at once (capacity=none for no limit; default latency=${D.latency},capacity=${D.capacity ?? 'none'})
  --sequential      run every thread and task to completion, one after another
  --schedule S      replay a schedule that explore printed (one core, the GIL, each
                    forced switch marked by a Forced event)
  --help            show this help

Explore options (docs/RUNTIME.md, "Schedules"):
  --mode exhaustive|pct
                    every schedule up to the preemption bound, or random PCT schedules
                    (default exhaustive)
  --preemptions N   the largest preemption bound, searched 0, 1, ... N (default 2)
  --schedules N     at most N schedules (default 10000)
  --steps N         step budget of each schedule (default: the step limit)
  --seed N          PCT's seed (default 1)
  --depth N         PCT's bug depth (default 2)
  --points shared|lines
                    preempt before every instruction that touches shared state, or
                    only at line starts (default shared)
  --json            print the report as one JSON object

Exit status: 0 when the program ends normally, 1 on an uncaught error (the traceback
goes to standard error in plain mode), 2 on a usage error or an unreadable FILE.
explore exits with 0 when no bug was found, 1 when one was.
`;

interface CliArgs {
  command: 'run' | 'explore';
  file: string;
  json: boolean;
  trace: string | null;
  options: RunOptions;
  explore: ExploreOptions;
}

const SCHEDULE = /^[sl](\d+\.\d+(_\d+\.\d+)*)?$/;

// isSchedule accepts what the engine's decode_schedule does: entries in increasing point order.
function isSchedule(text: string): boolean {
  if (!SCHEDULE.test(text)) return false;
  const points =
    text.length > 1
      ? text
          .slice(1)
          .split('_')
          .map((entry) => Number(entry.split('.')[0]))
      : [];
  return points.every((p, i) => Number.isSafeInteger(p) && p <= 0xffffffff && (i === 0 || p > points[i - 1]));
}

class UsageError extends Error {}

function parseCount(option: string, text: string | undefined): number {
  if (text === undefined) throw new UsageError(`${option} needs a value`);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`${option} needs a non-negative integer, got '${text}'`);
  }
  return Number(text);
}

// parseSeconds reads a positive number of seconds (at most an hour).
function parseSeconds(option: string, text: string | undefined): number {
  if (text === undefined) throw new UsageError(`${option} needs a value`);
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0 || value > 3600) {
    throw new UsageError(`${option} needs a positive number of seconds, got '${text}'`);
  }
  return value;
}

// parseNetwork reads "latency=0.1,capacity=3" (either part optional; capacity=none).
function parseNetwork(text: string | undefined): NonNullable<RunOptions['network']> {
  if (text === undefined) throw new UsageError('--network needs latency=SECONDS,capacity=N|none');
  const network: NonNullable<RunOptions['network']> = {};
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    if (key === 'latency') {
      const latency = Number(value);
      if (value.trim() === '' || !Number.isFinite(latency) || latency < 0) {
        throw new UsageError(`--network latency needs a non-negative number of seconds, got '${value}'`);
      }
      network.latency = latency;
    } else if (key === 'capacity') {
      if (value === 'none') {
        network.capacity = null;
      } else if (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 1_000_000) {
        network.capacity = Number(value);
      } else {
        throw new UsageError(`--network capacity needs a positive integer or none, got '${value}'`);
      }
    } else {
      throw new UsageError(`--network takes latency=SECONDS,capacity=N|none, got '${part}'`);
    }
  }
  return network;
}

function parseArgs(argv: string[]): CliArgs | 'help' {
  const args: CliArgs = { command: 'run', file: '', json: false, trace: null, options: {}, explore: {} };
  let command: string | null = null;
  let seed: number | null = null;
  let exploreFlag = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case '--help':
      case '-h':
        return 'help';
      case '--json':
        args.json = true;
        break;
      case '--trace':
        args.trace = argv[++i] ?? '';
        if (!args.trace) throw new UsageError('--trace needs a file name');
        break;
      case '--step-limit':
        args.options.stepLimit = parseCount(arg, argv[++i]);
        break;
      case '--seed':
        seed = parseCount(arg, argv[++i]);
        break;
      case '--preemptions':
      case '--schedules':
      case '--steps':
      case '--depth': {
        const text = argv[++i];
        if (text === undefined) throw new UsageError(`${arg} needs a value`);
        const n = /^\d+$/.test(text) ? Number(text) : NaN;
        const range = {
          '--preemptions': [0, 64],
          '--schedules': [1, Number.MAX_SAFE_INTEGER],
          '--steps': [0, Number.MAX_SAFE_INTEGER],
          '--depth': [1, 64],
        }[arg];
        if (!(n >= range[0] && n <= range[1])) {
          const wanted = {
            '--preemptions': 'number from 0 to 64',
            '--schedules': 'positive integer',
            '--steps': 'non-negative integer',
            '--depth': 'number from 1 to 64',
          }[arg];
          throw new UsageError(`${arg} needs a ${wanted}, got '${text}'`);
        }
        if (arg === '--preemptions') args.explore.preemptions = n;
        if (arg === '--schedules') args.explore.schedules = n;
        if (arg === '--steps') args.explore.steps = n;
        if (arg === '--depth') args.explore.depth = n;
        exploreFlag = true;
        break;
      }
      case '--mode': {
        const value = argv[++i];
        if (value !== 'exhaustive' && value !== 'pct') {
          throw new UsageError(
            value === undefined ? '--mode needs exhaustive or pct' : `--mode needs exhaustive or pct, got '${value}'`,
          );
        }
        args.explore.mode = value;
        exploreFlag = true;
        break;
      }
      case '--points': {
        const value = argv[++i];
        if (value !== 'shared' && value !== 'lines') {
          throw new UsageError(
            value === undefined ? '--points needs shared or lines' : `--points needs shared or lines, got '${value}'`,
          );
        }
        args.explore.points = value;
        exploreFlag = true;
        break;
      }
      case '--schedule': {
        const value = argv[++i];
        if (value === undefined) throw new UsageError('--schedule needs a schedule (explore prints one)');
        if (!isSchedule(value)) throw new UsageError(`--schedule got '${value}', which is not a schedule`);
        args.options.schedule = value;
        break;
      }
      case '--memory-limit': {
        const megabytes = parseCount(arg, argv[++i]);
        if (megabytes < 1 || megabytes > 4096) {
          throw new UsageError(`--memory-limit needs megabytes from 1 to 4096, got '${megabytes}'`);
        }
        args.options.memoryLimit = megabytes * 1024 * 1024;
        break;
      }
      case '--gil': {
        const value = argv[++i];
        if (value !== 'on' && value !== 'off') {
          throw new UsageError(value === undefined ? '--gil needs on or off' : `--gil needs on or off, got '${value}'`);
        }
        args.options.gil = value === 'on';
        break;
      }
      case '--cores': {
        const value = argv[++i];
        if (value === undefined) throw new UsageError('--cores needs a value');
        if (!/^\d+$/.test(value) || Number(value) < LIMITS.cores.min || Number(value) > LIMITS.cores.max) {
          throw new UsageError(
            `--cores needs an integer from ${LIMITS.cores.min} to ${LIMITS.cores.max}, got '${value}'`,
          );
        }
        args.options.cores = Number(value);
        break;
      }
      case '--switch-interval':
        args.options.switchInterval = parseSeconds(arg, argv[++i]);
        break;
      case '--slice':
        args.options.timeSlice = parseSeconds(arg, argv[++i]);
        break;
      case '--network':
        args.options.network = { ...args.options.network, ...parseNetwork(argv[++i]) };
        break;
      case '--sequential':
        args.options.sequential = true;
        break;
      case '--filename':
        args.options.filename = argv[++i] ?? '';
        if (!args.options.filename) throw new UsageError('--filename needs a value');
        break;
      default:
        if (arg.length > 1 && arg.startsWith('-')) throw new UsageError(`unknown option '${arg}'`);
        if (command === null) {
          if (arg !== 'run' && arg !== 'explore')
            throw new UsageError(`unknown command '${arg}' (expected 'run' or 'explore')`);
          command = arg;
          args.command = arg;
        } else if (!args.file) {
          args.file = arg;
        } else {
          throw new UsageError(`unexpected argument '${arg}'`);
        }
    }
  }
  if (command === null) throw new UsageError("missing command (expected 'run FILE' or 'explore FILE')");
  if (!args.file) throw new UsageError('missing FILE (the Python program to run)');
  if (args.command === 'explore') {
    if (args.options.schedule !== undefined) throw new UsageError('--schedule is an option of run, not explore');
    if (seed !== null) args.explore.seed = seed;
  } else {
    if (exploreFlag)
      throw new UsageError('--mode, --preemptions, --schedules, --steps, --depth and --points are options of explore');
    if (seed !== null) args.options.seed = seed;
  }
  return args;
}

function readSource(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : resolve(CALLER_DIR, file), 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new UsageError(file === '-' ? `cannot read standard input: ${reason}` : `cannot open '${file}': ${reason}`);
  }
}

function resultJson(result: RunResult, stderr: string, forced: string[] | null): string {
  const error = result.error
    ? { type: result.error.type, message: result.error.message, line: result.error.line }
    : null;
  const fields = { output: result.output, elapsed: result.elapsed, error, events: result.events, steps: result.steps };
  const withStderr = stderr ? { ...fields, stderr } : fields;
  // A replayed schedule adds the narration of its forced switches.
  return JSON.stringify(forced ? { ...withStderr, forced } : withStderr);
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const source = readSource(parsed.file);
  // The client imports the generated glue, so it is imported only once the build is there.
  if (!existsSync(GLUE_PATH) || !existsSync(WASM_PATH)) {
    process.stderr.write(NOT_BUILT);
    return 2;
  }
  let client: typeof import('../src/engine/client');
  try {
    client = await import('../src/engine/client');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    process.stderr.write(NOT_BUILT);
    return 2;
  }
  const { loadEngine } = client;
  useFullRegisterAllocator();
  const { ChromeTraceBuilder } = await import('../src/engine/chrome-trace');
  const { EventKind } = await import('../src/engine/events');
  const engine = await loadEngine(
    readFileSync(WASM_PATH),
    existsSync(LIBRARY_PATH) ? readFileSync(LIBRARY_PATH) : undefined,
  );
  if (parsed.command === 'explore') {
    const session = engine.explore(source, parsed.options, parsed.explore);
    try {
      while (!session.advance(64)) {
        // Each advance runs a few schedules; the CLI has nothing else to do between them.
      }
      const report = session.report();
      process.stdout.write(
        parsed.json ? `${session.reportJson()}\n` : session.text(`npm run -s cli -- run ${parsed.file}`),
      );
      return report.bugs.length === 0 && report.error === undefined ? 0 : 1;
    } finally {
      session.dispose();
    }
  }
  const trace = parsed.trace
    ? new ChromeTraceBuilder({ source, processName: parsed.options.filename ?? 'main.py' })
    : null;

  // The program's stderr (exceptions in threads, sys.stderr) arrives as Print events with flags 1.
  let stderr = '';
  const forced: string[] = [];
  const result = engine.runProgram(
    source,
    parsed.options,
    {
      onOutput: parsed.json ? undefined : (text) => process.stdout.write(text),
      onBatch: (batch, strings) => {
        trace?.add(batch, strings);
        let chunk = '';
        for (let i = 0; i < batch.count; i++) {
          if (batch.kind(i) === EventKind.Print && batch.flags(i) === 1) chunk += strings[batch.ref(i)] ?? '';
          if (batch.kind(i) === EventKind.Forced) forced.push(strings[batch.ref(i)] ?? '');
        }
        stderr += chunk;
        if (chunk && !parsed.json) process.stderr.write(chunk);
      },
    },
    STEPS_PER_ADVANCE,
  );

  if (trace && parsed.trace) writeFileSync(resolve(CALLER_DIR, parsed.trace), JSON.stringify(trace.finish()));
  if (parsed.json) {
    process.stdout.write(`${resultJson(result, stderr, parsed.options.schedule !== undefined ? forced : null)}\n`);
  } else if (result.error) {
    process.stderr.write(result.error.traceback || `${result.error.type}: ${result.error.message}\n`);
  }
  return result.error ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`interleave: ${error.message}\nRun 'npm run -s cli -- --help' for usage.\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`interleave: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 3;
    }
  },
);
