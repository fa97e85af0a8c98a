// Types of the Emscripten module built from cpp/bindings/bindings.cpp; the build copies
// this file next to interleave.mjs so TypeScript can import the generated module.

/** Options read by the Simulation constructor; missing fields keep the engine defaults. */
export interface SimulationOptions {
  filename?: string;
  stepLimit?: number;
  memoryLimit?: number;
  recursionLimit?: number;
  seed?: number;
  traceLines?: boolean;
  /** keepEvents false counts events without keeping them (eventCount() stays 0; default true). */
  keepEvents?: boolean;
  costs?: { instruction?: number; call?: number; nativeCall?: number; alloc?: number };
  /** CPython's GIL (default true); false runs threads in parallel on the cores. */
  gil?: boolean;
  /** Simulated CPU cores, 1 to 16 (default 2): LIMITS.cores in web/src/engine/settings.ts. */
  cores?: number;
  /** GIL switch interval in seconds (default 0.005). */
  switchInterval?: number;
  /** OS time slice in seconds when runnable threads outnumber cores (default 0.01). */
  timeSlice?: number;
  /** The CLI's name for timeSlice. */
  slice?: number;
  /** Run every thread and task to completion, one after another. */
  sequential?: boolean;
  /** The simulated network: seconds per request, requests served at once (null: no limit). */
  network?: { latency?: number; capacity?: number | null };
  networkLatency?: number;
  networkCapacity?: number | null;
  /** You are the scheduler: one core, the GIL, and each choice picks the thread that runs next. */
  manual?: boolean;
  /** How far a choice given as a bare thread id runs (default 'line'). */
  manualUnit?: ManualUnit;
  /** Thread ids (ManualThread.id) or {thread, unit}, consumed wherever two or more threads could run. */
  choices?: (number | ManualChoice)[];
  /** Replay a schedule the explorer reported: one core, the GIL, a Forced event at each forced switch. */
  schedule?: string;
}

/** What the explorer searches (docs/RUNTIME.md, "Schedules"). */
export interface NativeExploreOptions {
  mode?: 'exhaustive' | 'pct';
  /** The largest preemption bound (exhaustive; default 2). */
  preemptions?: number;
  /** Budget of schedules (default 10000). */
  schedules?: number;
  /** Step budget of each schedule (default: the run's stepLimit). */
  steps?: number;
  /** PCT's seed (default 1) and bug depth (default 2). */
  seed?: number;
  depth?: number;
  points?: 'shared' | 'lines';
}

/** The schedule search, in slices. Owns wasm memory: call delete() when done. */
export interface NativeExplorer {
  /** Runs at most maxSchedules more schedules; true once the search is over. */
  advance(maxSchedules: number): boolean;
  /** Ends the search where it is; report() then says what was covered. */
  stop(): void;
  /** JSON: {explored, bound, bugs, pruned}. */
  progress(): string;
  /** JSON: the report object of docs/RUNTIME.md ("Schedules"). */
  report(): string;
  /** The report in words, each bug ending with `${replay} --schedule S`. */
  text(replay: string): string;
  delete(): void;
}

export type ManualUnit = 'line' | 'instruction';

export interface ManualChoice {
  thread: number;
  unit?: ManualUnit;
}

/** One thread of a manual run, in creation order. */
export interface ManualThread {
  /** The event task id; what a choice names. */
  id: number;
  /** Creation order: 0 is MainThread. */
  index: number;
  name: string;
  /** The thread's innermost line in the program (0 before it reaches the program). */
  line: number;
  state: 'running' | 'ready' | 'blocked' | 'sleeping' | 'done';
  /** What a blocked thread waits for. */
  detail: string;
  /** The next instruction in the program, such as "STORE_GLOBAL counter" ('' inside library code). */
  next: string;
  /** A choice may name this thread now. */
  runnable: boolean;
}

/** Where a manual run stands; waiting means it stopped for the next choice. */
export interface ManualState {
  waiting: boolean;
  choicesUsed: number;
  /** Why the next choice could not be followed ('' if none). */
  error: string;
  /** The thread that ran last stands where CPython 3.11 checks for a thread switch (its eval
   * breaker): switching away from it now is a switch 3.11's GIL can make. */
  atCheck: boolean;
  threads: ManualThread[];
  /** The program's globals with plain values (numbers, strings, flat containers), as repr. */
  globals: { name: string; value: string }[];
}

/** A compiled program and its run. Owns wasm memory: call delete() when done. */
export interface NativeSimulation {
  load(source: string): boolean;
  advance(maxSteps: number): boolean;
  finished(): boolean;
  output(): string;
  elapsed(): number;
  steps(): number;
  eventTotal(): number;
  hasError(): boolean;
  errorType(): string;
  errorMessage(): string;
  errorLine(): number;
  errorTraceback(): string;
  takeOutput(): string;
  /** Everything written to stderr so far (exceptions in threads, sys.stderr). */
  errorOutput(): string;
  /** Text written to stderr since the previous call. */
  takeErrorOutput(): string;
  eventCount(): number;
  /** A view into wasm memory, valid only until the next call into the module. */
  eventBytes(): Uint8Array;
  clearEvents(): void;
  stringCount(): number;
  string(index: number): string;
  stringsFrom(first: number): string[];
  /** A manual run's threads and choice point; null when the run is not manual. */
  manualState(): ManualState | null;
  delete(): void;
}

export interface InterleaveModule {
  Simulation: new (options?: SimulationOptions) => NativeSimulation;
  Explorer: new (source: string, options: SimulationOptions, explore: NativeExploreOptions) => NativeExplorer;
  eventRecordBytes: number;
  /** addLibrary makes the library archive (interleave-library.txt) importable by later Simulations; returns "" or the archive's defect. */
  addLibrary(archive: Uint8Array | string): string;
  /** needsLibrary says whether source statically imports a library module that has not been added. */
  needsLibrary(source: string): boolean;
}

export interface InterleaveModuleArgs {
  wasmBinary?: ArrayBuffer | Uint8Array;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
  onAbort?: (what: unknown) => void;
}

declare function createInterleave(args?: InterleaveModuleArgs): Promise<InterleaveModule>;
export default createInterleave;
