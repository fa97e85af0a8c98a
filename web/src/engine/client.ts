// The engine client: loads the wasm module from bytes and runs programs in bounded
// advance() slices, streaming output and copied event batches to the host. No DOM here,
// so the same code runs in the page's worker, in Node (CLI) and in Vitest.
import createInterleave from './generated/interleave.mjs';
import type {
  InterleaveModule,
  ManualState,
  NativeExplorer,
  NativeSimulation,
  SimulationOptions,
} from './generated/interleave.mjs';
import { EventBatch } from './events';

export type RunOptions = SimulationOptions;
export type { ManualChoice, ManualState, ManualThread, ManualUnit } from './generated/interleave.mjs';

export interface ErrorInfo {
  type: string;
  message: string;
  line: number;
  traceback: string;
}

export interface RunResult {
  finished: boolean;
  output: string;
  elapsed: number;
  error: ErrorInfo | null;
  events: number;
  steps: number;
  /** manual is a manual run's choice point and threads (options.manual only). */
  manual?: ManualState;
  /** errorOutput is what the run wrote to stderr (options.manual only: exceptions in threads). */
  errorOutput?: string;
}

/** ExploreOptions are what the schedule explorer searches (docs/RUNTIME.md, "Schedules"). */
export interface ExploreOptions {
  mode?: 'exhaustive' | 'pct';
  /** The largest preemption bound, searched 0, 1, ... (exhaustive; default 2). */
  preemptions?: number;
  /** Budget of schedules (default 10000). */
  schedules?: number;
  /** Step budget of each schedule (default: the run's step limit). */
  steps?: number;
  /** PCT's seed (default 1). */
  seed?: number;
  /** PCT's bug depth (default 2). */
  depth?: number;
  points?: 'shared' | 'lines';
}

export type ExploreBugKind = 'exception' | 'assertion' | 'deadlock' | 'hang' | 'divergence';

/** ExploreBug is a failing schedule, shrunk; `schedule` replays it (the `schedule` run option). */
export interface ExploreBug {
  kind: ExploreBugKind;
  message: string;
  line: number;
  schedule: string;
  preemptions: number;
  switches: number;
  /** found_after is how many schedules had run when it was found. */
  found_after: number;
  /** output is what the failing run printed. */
  output: string;
  /** narration words each forced switch, as the replay's Forced events do. */
  narration: string[];
  /** cpython311: every preemption is at a point where CPython 3.11 checks for a switch; false
   * when the schedule needs a switch only a free-threaded build (or another Python) makes. */
  cpython311: boolean;
}

/** ExploreReport is the explorer's report, the same object as `interleave explore --json`. */
export interface ExploreReport {
  explored: number;
  exhaustive: boolean;
  pruned: number;
  bound: {
    mode: 'exhaustive' | 'pct';
    preemptions: number;
    schedules: number;
    seed: number;
    depth: number;
    points: 'shared' | 'lines';
  };
  /** coverage says what was checked: "all 1,284 schedules with at most 2 preemptions checked (exhaustive)". */
  coverage: string;
  bugs: ExploreBug[];
  /** passing is a schedule whose run has no bug (for Compare), or null. */
  passing: string | null;
  distinct_outcomes: number;
  seconds: number;
  first_bug_seconds?: number;
  /** error is set when the program does not compile: nothing was explored. */
  error?: string;
}

export interface ExploreProgress {
  explored: number;
  /** bound is the preemption bound being searched. */
  bound: number;
  bugs: number;
  pruned: number;
}

export interface RunCallbacks {
  /** onBatch receives each slice's events; strings is the run's table, grown to cover them. */
  onBatch?: (batch: EventBatch, strings: readonly string[]) => void;
  /** onOutput receives text printed during each slice. */
  onOutput?: (text: string) => void;
}

/** DEFAULT_STEPS_PER_ADVANCE bounds one advance() call: a few milliseconds of engine work. */
export const DEFAULT_STEPS_PER_ADVANCE = 200_000;

/**
 * loadEngine instantiates the module from the bytes of interleave.wasm. library, when given,
 * is the library archive (interleave-library.txt): the standard-library modules beyond the
 * concurrency core. Hosts that don't pass it add it later with Engine.addLibrary() when
 * Engine.needsLibrary() says a program imports one of them.
 */
export async function loadEngine(
  wasmBinary: ArrayBuffer | Uint8Array,
  library?: ArrayBuffer | Uint8Array,
): Promise<Engine> {
  const module = await createInterleave({ wasmBinary });
  const engine = new Engine(module);
  if (library) engine.addLibrary(library);
  return engine;
}

export class Engine {
  constructor(private readonly module: InterleaveModule) {}

  /** needsLibrary says whether source imports a library module that has not been added yet. */
  needsLibrary(source: string): boolean {
    return this.module.needsLibrary(source);
  }

  /** addLibrary makes the library archive's modules importable; it throws if the archive is damaged. */
  addLibrary(archive: ArrayBuffer | Uint8Array): void {
    const error = this.module.addLibrary(archive instanceof Uint8Array ? archive : new Uint8Array(archive));
    if (error) throw new Error(`loading the standard library failed: ${error}`);
  }

  /** start compiles a program; the caller steps it and must dispose() the run. */
  start(source: string, options: RunOptions = {}, callbacks: RunCallbacks = {}): ProgramRun {
    return new ProgramRun(new this.module.Simulation(options), source, callbacks);
  }

  /** explore starts a schedule search; the caller advances it and must dispose() it. */
  explore(source: string, options: RunOptions = {}, explore: ExploreOptions = {}): ExploreSession {
    return new ExploreSession(new this.module.Explorer(source, options, explore));
  }

  /** runProgram runs a program to the end, stepsPerAdvance instructions per slice. */
  runProgram(
    source: string,
    options: RunOptions = {},
    callbacks: RunCallbacks = {},
    stepsPerAdvance = DEFAULT_STEPS_PER_ADVANCE,
  ): RunResult {
    const run = this.start(source, options, callbacks);
    try {
      while (run.step(stepsPerAdvance)) {
        // Each step already delivered its output and events to the callbacks.
      }
      return run.result();
    } finally {
      run.dispose();
    }
  }
}

/** ProgramRun is one loaded program; it owns a wasm Simulation until dispose(). */
export class ProgramRun {
  /** strings mirrors the engine's string table; it only grows. */
  readonly strings: string[] = [];
  private sim: NativeSimulation | null;
  private more: boolean;

  constructor(
    sim: NativeSimulation,
    source: string,
    private readonly callbacks: RunCallbacks,
  ) {
    this.sim = sim;
    this.more = sim.load(source);
  }

  get done(): boolean {
    return !this.more;
  }

  /** step advances at most maxSteps instructions, drains, and returns true while more remains. */
  step(maxSteps: number): boolean {
    const sim = this.live();
    if (this.more) this.more = sim.advance(maxSteps);
    this.drain(sim);
    return this.more;
  }

  /** steps is how many instructions have run so far (cheaper than result(), which copies the output). */
  steps(): number {
    return this.live().steps();
  }

  result(): RunResult {
    const sim = this.live();
    const manual = sim.manualState();
    const result: RunResult = {
      finished: sim.finished(),
      output: sim.output(),
      elapsed: sim.elapsed(),
      error: sim.hasError()
        ? {
            type: sim.errorType(),
            message: sim.errorMessage(),
            line: sim.errorLine(),
            traceback: sim.errorTraceback(),
          }
        : null,
      events: sim.eventTotal(),
      steps: sim.steps(),
    };
    if (manual) {
      result.manual = manual;
      result.errorOutput = sim.errorOutput();
    }
    return result;
  }

  dispose(): void {
    this.sim?.delete();
    this.sim = null;
  }

  private live(): NativeSimulation {
    if (!this.sim) throw new Error('this run was disposed');
    return this.sim;
  }

  // drain syncs strings first so every delivered event's ref resolves.
  private drain(sim: NativeSimulation): void {
    if (sim.stringCount() > this.strings.length) {
      for (const s of sim.stringsFrom(this.strings.length)) this.strings.push(s);
    }
    const text = sim.takeOutput();
    if (text && this.callbacks.onOutput) this.callbacks.onOutput(text);
    if (sim.eventCount() === 0) return;
    if (!this.callbacks.onBatch) {
      sim.clearEvents();
      return;
    }
    const batch = EventBatch.copyOf(sim.eventBytes());
    sim.clearEvents();
    this.callbacks.onBatch(batch, this.strings);
  }
}

/** ExploreSession is one schedule search; it owns a wasm Explorer until dispose(). */
export class ExploreSession {
  private explorer: NativeExplorer | null;

  constructor(explorer: NativeExplorer) {
    this.explorer = explorer;
  }

  /** advance runs at most maxSchedules more schedules; true once the search is over. */
  advance(maxSchedules: number): boolean {
    return this.live().advance(maxSchedules);
  }

  /** stop ends the search where it is; the report says what was covered. */
  stop(): void {
    this.live().stop();
  }

  progress(): ExploreProgress {
    return JSON.parse(this.live().progress()) as ExploreProgress;
  }

  report(): ExploreReport {
    return JSON.parse(this.live().report()) as ExploreReport;
  }

  /** reportJson is the report as the engine wrote it (the CLI prints it as it is). */
  reportJson(): string {
    return this.live().report();
  }

  /** text is the report in words; replay is the run command each bug's replay line starts with. */
  text(replay: string): string {
    return this.live().text(replay);
  }

  dispose(): void {
    this.explorer?.delete();
    this.explorer = null;
  }

  private live(): NativeExplorer {
    if (!this.explorer) throw new Error('this search was disposed');
    return this.explorer;
  }
}
