// test: build everything, then run each suite in order and stop at the first failure.
// `node scripts/test.mjs [suite...]` runs a subset: native, typecheck, lint, wasm, golden,
// hostile, fuzz, e2e.
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { bin, bold, dim, green, red, root, run, step } from './lib.mjs';
import { buildFuzz, buildNative, buildSite, buildWasm } from './build.mjs';
import { clangFormat } from './clang-format.mjs';
import { setup } from './setup.mjs';

const GOLDEN = join(root, 'tests', 'golden', 'run.mjs');
const HOSTILE = join(root, 'tests', 'hostile', 'run.mjs');
// FUZZ_SECONDS: CI's bounded fuzzing run, the replay of the seeds included.
const FUZZ_SECONDS = '60';
const E2E_DIR = join(root, 'tests', 'e2e');
// FORMATTED: the folders Prettier keeps formatted (.prettierignore leaves out styles, pages and data).
const FORMATTED = ['web', 'tests', 'scripts', 'bench'];
// TSCONFIGS: the page (DOM); engine/ (WebWorker, no DOM) and player/ (no DOM), so a DOM call in
// either is a type error; the Node CLI and the build configs.
const TSCONFIGS = ['tsconfig.json', 'tsconfig.engine.json', 'tsconfig.player.json', 'tsconfig.node.json'];
// e2eFiles: every *.test.ts in tests/e2e, in name order, so a new suite file is picked up.
const fuzzRegressions = () => {
  const dir = join(root, 'tests', 'fuzz', 'regressions');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.py'))
    .sort()
    .map((name) => join(dir, name));
};
const e2eFiles = () =>
  readdirSync(E2E_DIR)
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => join(E2E_DIR, name));

const SUITES = [
  {
    name: 'native',
    title: 'native unit tests (ctest)',
    run: () =>
      run('ctest', ['--test-dir', 'build/native', '--output-on-failure', '--parallel', String(availableParallelism())]),
  },
  {
    name: 'typecheck',
    title: 'TypeScript type check (tsc)',
    run: () => TSCONFIGS.reduce((code, config) => code || run(bin('tsc'), ['-p', config]), 0),
  },
  {
    name: 'lint',
    title: 'lint and format (ESLint, Prettier, clang-format)',
    run: () => run(bin('eslint'), ['.']) || run(bin('prettier'), ['--check', ...FORMATTED]) || clangFormat('check'),
  },
  {
    name: 'wasm',
    title: 'wasm module tests (vitest)',
    run: () => run(bin('vitest'), ['run']),
  },
  {
    name: 'golden',
    title: 'golden corpus (native, wasm, cpython)',
    run: () => (existsSync(GOLDEN) ? run(process.execPath, [GOLDEN, '--engine', 'all']) : 'skipped'),
  },
  {
    name: 'hostile',
    title: 'hostile corpus (native, ASan+UBSan, wasm, cpython)',
    sanitized: true,
    run: () => run(process.execPath, [HOSTILE]),
  },
  {
    name: 'fuzz',
    title: `fuzzer: regressions, then ${FUZZ_SECONDS} s of fuzzing`,
    sanitized: true,
    run: () =>
      run(join(root, 'build', 'fuzz', 'interleave_fuzz_replay'), fuzzRegressions()) ||
      run(process.execPath, [join(root, 'scripts', 'fuzz.mjs'), '--seconds', FUZZ_SECONDS, '--no-build']),
  },
  {
    name: 'e2e',
    title: 'playground in Chromium (playwright-core)',
    run: () => run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...e2eFiles()]),
  },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !SUITES.some((suite) => suite.name === name));
if (unknown.length > 0) {
  console.error(`unknown suite ${unknown.join(', ')}; choose from ${SUITES.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const selected = SUITES.filter((suite) => wanted.length === 0 || wanted.includes(suite.name));

setup('test');
buildNative();
buildWasm();
buildSite();
if (selected.some((suite) => suite.sanitized)) {
  setup('fuzz');
  buildFuzz();
}

const outcomes = [];
let failed = false;
for (const suite of selected) {
  if (failed) {
    outcomes.push({ suite, status: 'not run' });
    continue;
  }
  step(suite.title);
  const started = Date.now();
  const code = suite.run();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (code === 'skipped') {
    outcomes.push({ suite, status: 'skipped', seconds });
  } else if (code === 0) {
    outcomes.push({ suite, status: 'passed', seconds });
  } else {
    outcomes.push({ suite, status: `failed (exit ${code})`, seconds });
    failed = true;
  }
}

step('Summary');
for (const { suite, status, seconds } of outcomes) {
  const mark = status === 'passed' ? green('ok  ') : status.startsWith('failed') ? red('FAIL') : dim('--  ');
  console.log(`  ${mark} ${suite.title.padEnd(40)} ${status}${seconds ? dim(`  ${seconds} s`) : ''}`);
}
const passed = outcomes.filter((o) => o.status === 'passed').length;
const failures = outcomes.filter((o) => o.status.startsWith('failed')).length;
const skipped = outcomes.length - passed - failures;
console.log(bold(`suites: ${passed} passed, ${failures} failed${skipped ? `, ${skipped} skipped` : ''}`));
process.exit(failed ? 1 : 0);
