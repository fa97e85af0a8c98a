// v8-tuning: V8 settings for the Node hosts of the wasm engine (the CLI, the golden, hostile
// and benchmark runners). Plain JavaScript so the .mjs runners import it as they are.
import v8 from 'node:v8';

// useFullRegisterAllocator: Node 20's V8 (11.x) hands functions past a size limit to its
// mid-tier register allocator, and VM::execute, the interpreter loop, is past it; its
// optimised code then ran slower than the baseline compiler's (`nbody` 2.9 s; 1.6 s with
// --liftoff-only; 1.8 s with the full allocator; docs/BUILD.md). Later V8s, Chromium's among
// them, have no such fallback and reject the flag, so it is set on V8 11 only. Call it
// before the module is compiled.
export function useFullRegisterAllocator() {
  if (Number(process.versions.v8.split('.')[0]) === 11) {
    v8.setFlagsFromString('--no-turbo-use-mid-tier-regalloc-for-huge-functions');
  }
}
