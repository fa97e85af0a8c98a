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
