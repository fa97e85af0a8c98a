// setup: make sure the tools the build needs are installed (apt-get on Debian as root,
// otherwise print what to install) and that node_modules matches package-lock.json.
// Warm runs only look things up, so they take a fraction of a second.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bold, dim, isMain, red, requireNode, root, run, step, which } from './lib.mjs';

// hasFuzzerRuntime: libFuzzer ships in compiler-rt, under /usr/lib/llvm-N/lib/clang/VERSION/lib/linux.
function hasFuzzerRuntime() {
  const list = (dir) => (existsSync(dir) ? readdirSync(dir) : []);
  return list('/usr/lib')
    .filter((name) => name.startsWith('llvm-'))
    .some((llvm) =>
      list(`/usr/lib/${llvm}/lib/clang`).some((version) =>
        list(`/usr/lib/${llvm}/lib/clang/${version}/lib/linux`).some((file) => file.startsWith('libclang_rt.fuzzer-')),
      ),
    );
}

// Each requirement names the Debian package that provides it and how to detect it.
const REQUIREMENTS = {
  cmake: { apt: 'cmake', present: () => which('cmake') },
  make: { apt: 'make', present: () => which('make') },
  'g++': { apt: 'g++', present: () => which('g++') },
  googletest: {
    apt: 'libgtest-dev',
    present: () =>
      existsSync('/usr/include/gtest/gtest.h') &&
      [
        '/usr/lib/x86_64-linux-gnu/cmake/GTest',
        '/usr/lib/aarch64-linux-gnu/cmake/GTest',
        '/usr/lib/cmake/GTest',
        '/usr/local/lib/cmake/GTest',
      ].some(existsSync),
  },
  emscripten: { apt: 'emscripten', present: () => which('emcc') && which('em++') && which('emcmake') },
  python3: { apt: 'python3', present: () => which('python3') },
  chromium: { apt: 'chromium', present: () => which('chromium') },
  // clang-format 14 checks the C++ layout in the lint suite (scripts/clang-format.mjs); Debian 12
  // has no plain clang-format package by default, and clang does not bring it.
  'clang-format': { apt: 'clang-format-14', present: () => which('clang-format-14') },
  // clang with compiler-rt's libFuzzer and sanitizers: the fuzzer and the sanitizer build.
  clang: {
    apt: ['clang', 'libclang-rt-14-dev'],
    present: () => which('clang++') && hasFuzzerRuntime(),
  },
};

// PROFILES lists what each command needs; `start` serves the page and skips the test tools.
const PROFILES = {
  start: ['cmake', 'make', 'emscripten'],
  build: ['cmake', 'make', 'g++', 'googletest', 'emscripten'],
  test: ['cmake', 'make', 'g++', 'googletest', 'emscripten', 'python3', 'chromium', 'clang', 'clang-format'],
  fuzz: ['cmake', 'make', 'clang'],
};

function installSystemPackages(profile) {
  const missing = PROFILES[profile].filter((name) => !REQUIREMENTS[name].present());
  if (missing.length === 0) return;
  const packages = [...new Set(missing.flatMap((name) => REQUIREMENTS[name].apt))];
  const debian = existsSync('/etc/debian_version') && which('apt-get');
  const rootUser = process.getuid?.() === 0;
  if (!debian || !rootUser) {
    console.error(red(`Missing tools: ${missing.join(', ')}.`));
    console.error(
      debian
        ? `Install them as root:  apt-get install -y ${packages.join(' ')}`
        : `Install them with your package manager (Debian names: ${packages.join(' ')}).`,
    );
    process.exit(1);
  }
  step(`Installing ${packages.join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update'], { env }) !== 0) process.exit(1);
  if (run('apt-get', ['install', '-y', ...packages], { env }) !== 0) process.exit(1);
  const still = missing.filter((name) => !REQUIREMENTS[name].present());
  if (still.length > 0) {
    console.error(red(`Still missing after apt-get: ${still.join(', ')}`));
    process.exit(1);
  }
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

// node_modules is stale when npm's own record of the install is older than the manifests.
function installNodeModules() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  const manifest = join(root, 'package.json');
  if (existsSync(marker) && mtime(marker) >= Math.max(mtime(lock), mtime(manifest))) return;
  step('Installing npm packages');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = existsSync(lock) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  if (run(npm, args) !== 0) process.exit(1);
}

/** setup checks Node's version, then installs what `profile` ('start' | 'build' | 'test' | 'fuzz') needs; it exits on failure. */
export function setup(profile) {
  requireNode();
  if (process.env.INTERLEAVE_SKIP_SETUP === '1') return;
  if (!PROFILES[profile]) throw new Error(`unknown setup profile ${profile}`);
  const started = Date.now();
  installSystemPackages(profile);
  installNodeModules();
  console.log(dim(`setup (${profile}) ok in ${((Date.now() - started) / 1000).toFixed(1)} s`));
}

if (isMain(import.meta.url)) {
  const profile = process.argv[2] ?? 'test';
  setup(profile);
  console.log(bold(`Prerequisites for '${profile}' are installed.`));
}
