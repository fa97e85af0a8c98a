// fuzz: build the libFuzzer target (clang, ASan + UBSan) and run it over the whole
// pipeline. `npm run fuzz -- --seconds N [--jobs J]`. The seeds are the golden corpus and
// the regression corpus; the working corpus grows in build/fuzz/corpus across runs.
// A crash is written to build/fuzz/artifacts/; minimise it, then add it to
// tests/fuzz/regressions/NAME.py, which ctest replays (docs/TESTING.md, "Fuzzing").
import { existsSync, mkdirSync, readdirSync, copyFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildFuzz } from './build.mjs';
import { bold, green, red, root, run, step } from './lib.mjs';
import { setup } from './setup.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? Number(args[at + 1]) : fallback;
};
const seconds = option('--seconds', 60);
const jobs = option('--jobs', 1);
if (!(seconds > 0) || !(jobs >= 1)) {
  console.error('usage: npm run fuzz -- [--seconds N] [--jobs J] [--no-build]');
  process.exit(2);
}

// --no-build: `npm test` has just built build/fuzz.
if (!args.includes('--no-build')) {
  setup('fuzz');
  buildFuzz();
}

// seeds: every golden program and every regression, copied once into the seed folder.
const seeds = join(root, 'build', 'fuzz', 'seeds');
const corpus = join(root, 'build', 'fuzz', 'corpus');
const artifacts = join(root, 'build', 'fuzz', 'artifacts');
for (const dir of [seeds, corpus, artifacts]) mkdirSync(dir, { recursive: true });
function collect(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path);
    else if (entry.name.endsWith('.py')) copyFileSync(path, join(seeds, relative(root, path).replaceAll('/', '_')));
  }
}
collect(join(root, 'tests', 'golden'));
collect(join(root, 'tests', 'fuzz', 'regressions'));
if (existsSync(join(root, 'tests', 'hostile'))) collect(join(root, 'tests', 'hostile'));

const before = new Set(readdirSync(artifacts));
step(`Fuzzing for ${seconds} s with ${jobs} job(s)`);
const fuzzArgs = [
  corpus,
  seeds,
  `-dict=${join(root, 'tests', 'fuzz', 'python.dict')}`,
  `-max_total_time=${seconds}`,
  '-timeout=20',
  '-rss_limit_mb=4096',
  '-max_len=8192',
  '-print_final_stats=1',
  `-artifact_prefix=${artifacts}/`,
];
if (jobs > 1) fuzzArgs.push(`-fork=${jobs}`, '-ignore_crashes=1', '-ignore_timeouts=1', '-ignore_ooms=1');
const code = run(join(root, 'build', 'fuzz', 'interleave_fuzz'), fuzzArgs, {
  env: {
    ...process.env,
    ASAN_OPTIONS: 'detect_leaks=0:allocator_may_return_null=1',
    UBSAN_OPTIONS: 'print_stacktrace=1',
  },
});

const found = readdirSync(artifacts).filter((name) => !before.has(name));
const corpusSize = readdirSync(corpus).length;
if (found.length > 0 || code !== 0) {
  console.error(red(`The fuzzer found ${found.length} new input(s) that crash or hang the engine:`));
  for (const name of found)
    console.error(`  build/fuzz/artifacts/${name} (${statSync(join(artifacts, name)).size} bytes)`);
  console.error(
    'Replay one: build/fuzz/interleave_fuzz_replay FILE; keep it as tests/fuzz/regressions/NAME.py once fixed.',
  );
  process.exit(1);
}
console.log(green(bold(`No crash in ${seconds} s; the working corpus has ${corpusSize} inputs.`)));
