// The Node command line: runs a program in the real wasm module, with the same contract
// as the native binary (build/native/interleave) plus --trace for Perfetto.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunOptions, RunResult } from '../src/engine/client';

const WASM_PATH = fileURLToPath(new URL('../src/engine/generated/interleave.wasm', import.meta.url));
const LIBRARY_PATH = fileURLToPath(new URL('../src/engine/generated/interleave-library.txt', import.meta.url));
const STEPS_PER_ADVANCE = 1_000_000;
// CALLER_DIR is where the user typed the command: npm runs scripts from the package root.
const CALLER_DIR = process.env.INIT_CWD ?? process.cwd();

const USAGE = `Usage: npm run -s cli -- run FILE [options]

Runs a Python program on the simulated clock (in the wasm engine) and prints what it prints.
FILE may be - to read the program from standard input.

Options:
  --json            print one JSON object instead of the output:
                    {"output", "elapsed", "error": null | {"type", "message", "line"},
                     "events", "steps"}
                    plus "stderr" when the program wrote to standard error
  --trace FILE      also write the run's events as a Chrome trace (open it in Perfetto:
                    https://ui.perfetto.dev, one track per task)
  --step-limit N    stop with StepLimitError after N instructions (default 100000000)
  --memory-limit MB stop with MemoryError past MB megabytes of live objects (default 256)
  --seed N          seed for the random module and for where the scheduler
                    preempts threads (default 0)
  --filename NAME   file name shown in tracebacks (default main.py)

Scheduling (docs/RUNTIME.md):
  --gil on|off      CPython's global interpreter lock, or free-threaded (default on)
  --cores N         simulated CPU cores, 1 to 256 (default 2)
  --switch-interval S
                    seconds a thread may keep the GIL while another waits (default 0.005)
  --slice S         OS time slice in seconds when threads outnumber cores (default 0.01)
  --network latency=S,capacity=N
                    the simulated network: seconds per request and how many are served
                    at once (capacity=none for no limit; default latency=0.25,capacity=none)
  --sequential      run every thread and task to completion, one after another
  --help            show this help

Exit status: 0 when the program ends normally, 1 on an uncaught error (the traceback
goes to standard error in plain mode), 2 on a usage error or an unreadable FILE.
`;

interface CliArgs {
  file: string;
  json: boolean;
  trace: string | null;
  options: RunOptions;
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
  const args: CliArgs = { file: '', json: false, trace: null, options: {} };
  let command: string | null = null;
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
        args.options.seed = parseCount(arg, argv[++i]);
        break;
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
        if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 256) {
          throw new UsageError(`--cores needs an integer from 1 to 256, got '${value}'`);
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
          if (arg !== 'run') throw new UsageError(`unknown command '${arg}' (expected 'run')`);
          command = arg;
        } else if (!args.file) {
          args.file = arg;
        } else {
          throw new UsageError(`unexpected argument '${arg}'`);
        }
    }
  }
  if (command === null) throw new UsageError("missing command (expected 'run FILE')");
  if (!args.file) throw new UsageError('missing FILE (the Python program to run)');
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

function resultJson(result: RunResult, stderr: string): string {
  const error = result.error ? { type: result.error.type, message: result.error.message, line: result.error.line } : null;
  const fields = { output: result.output, elapsed: result.elapsed, error, events: result.events, steps: result.steps };
  return JSON.stringify(stderr ? { ...fields, stderr } : fields);
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const source = readSource(parsed.file);
  if (!existsSync(WASM_PATH)) {
    process.stderr.write('interleave: the wasm engine is not built yet; run `npm run build` first\n');
    return 2;
  }
  const { loadEngine } = await import('../src/engine/client');
  const { ChromeTraceBuilder } = await import('../src/engine/chrome-trace');
  const { EventKind } = await import('../src/engine/events');
  const engine = await loadEngine(readFileSync(WASM_PATH), existsSync(LIBRARY_PATH) ? readFileSync(LIBRARY_PATH) : undefined);
  const trace = parsed.trace
    ? new ChromeTraceBuilder({ source, processName: parsed.options.filename ?? 'main.py' })
    : null;

  // The program's stderr (exceptions in threads, sys.stderr) arrives as Print events with flags 1.
  let stderr = '';
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
        }
        stderr += chunk;
        if (chunk && !parsed.json) process.stderr.write(chunk);
      },
    },
    STEPS_PER_ADVANCE,
  );

  if (trace && parsed.trace) writeFileSync(resolve(CALLER_DIR, parsed.trace), JSON.stringify(trace.finish()));
  if (parsed.json) {
    process.stdout.write(`${resultJson(result, stderr)}\n`);
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
