// build: the native binaries (CLI, unit tests), the wasm module and the static site.
// `node scripts/build.mjs [native] [wasm] [site] [fuzz]` builds a subset; no argument builds
// the first three (fuzz is the sanitizer build: clang, libFuzzer, ASan, UBSan).
import { availableParallelism } from 'node:os';
import { delimiter } from 'node:path';
import { bin, bold, isMain, runOrExit, step } from './lib.mjs';
import { setup } from './setup.mjs';

const JOBS = String(availableParallelism());

// Debian's emscripten finds its JS optimizer's acorn only through NODE_PATH.
function emscriptenEnv() {
  const paths = ['/usr/share/nodejs', process.env.NODE_PATH].filter(Boolean);
  return { ...process.env, NODE_PATH: paths.join(delimiter) };
}

export function buildNative() {
  step('Native build (build/native)');
  runOrExit('cmake', ['-S', '.', '-B', 'build/native', '-DCMAKE_BUILD_TYPE=Release']);
  runOrExit('cmake', ['--build', 'build/native', '--parallel', JOBS]);
}

export function buildWasm() {
  step('WebAssembly build (build/wasm)');
  const env = emscriptenEnv();
  runOrExit('emcmake', ['cmake', '-S', '.', '-B', 'build/wasm', '-DCMAKE_BUILD_TYPE=Release'], { env });
  runOrExit('cmake', ['--build', 'build/wasm', '--parallel', JOBS], { env });
}

export function buildSite() {
  step('Static site (dist/)');
  runOrExit(bin('vite'), ['build', '--logLevel', 'warn']);
}

// buildFuzz: build/fuzz, every file under AddressSanitizer and UBSan with coverage for
// libFuzzer: the fuzzer, its regression replay and a sanitized CLI for the hostile corpus.
export function buildFuzz() {
  step('Sanitizer build (build/fuzz: clang, libFuzzer, ASan, UBSan)');
  const env = { ...process.env, CC: 'clang', CXX: 'clang++' };
  runOrExit(
    'cmake',
    [
      '-S',
      '.',
      '-B',
      'build/fuzz',
      '-DCMAKE_BUILD_TYPE=Debug',
      '-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g',
      '-DINTERLEAVE_FUZZ=ON',
    ],
    { env },
  );
  runOrExit(
    'cmake',
    [
      '--build',
      'build/fuzz',
      '--parallel',
      JOBS,
      '--target',
      'interleave',
      'interleave_fuzz',
      'interleave_fuzz_replay',
    ],
    { env },
  );
}

const TARGETS = { native: buildNative, wasm: buildWasm, site: buildSite, fuzz: buildFuzz };
const DEFAULT_TARGETS = ['native', 'wasm', 'site'];

if (isMain(import.meta.url)) {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !TARGETS[name]);
  if (unknown.length > 0) {
    console.error(`unknown build target ${unknown.join(', ')}; choose from ${Object.keys(TARGETS).join(', ')}`);
    process.exit(2);
  }
  setup('build');
  if (wanted.includes('fuzz')) setup('fuzz');
  const targets = wanted.length > 0 ? wanted : DEFAULT_TARGETS;
  for (const name of Object.keys(TARGETS)) {
    if (targets.includes(name)) TARGETS[name]();
  }
  console.log(bold('\nBuild complete: build/native/interleave, web/src/engine/generated/, dist/'));
}
