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
  costs?: { instruction?: number; call?: number; nativeCall?: number; alloc?: number };
  /** CPython's GIL (default true); false runs threads in parallel on the cores. */
  gil?: boolean;
  /** Simulated CPU cores, 1 to 256 (default 2). */
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
  delete(): void;
}

export interface InterleaveModule {
  Simulation: new (options?: SimulationOptions) => NativeSimulation;
  eventRecordBytes: number;
}

export interface InterleaveModuleArgs {
  wasmBinary?: ArrayBuffer | Uint8Array;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
  onAbort?: (what: unknown) => void;
}

declare function createInterleave(args?: InterleaveModuleArgs): Promise<InterleaveModule>;
export default createInterleave;
