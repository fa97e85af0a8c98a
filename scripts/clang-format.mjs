// clang-format: the C++ under cpp/ (every .h and .cpp) in the style of .clang-format.
// `node scripts/clang-format.mjs --check` fails on any file clang-format would change (the
// lint suite, `npm run lint`); `--write` rewrites them in place (`npm run format`).
// clang-format 14 only: other versions lay some code out differently, so a check that passes
// with one would fail with another. Debian's package is clang-format-14 (`npm run setup`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { dim, isMain, red, root, which } from './lib.mjs';

// CPP_DIR holds every C++ file of the project; nothing in it is generated or third-party.
const CPP_DIR = join(root, 'cpp');
const VERSION = 14;

/** cppFiles lists every .h and .cpp under cpp/, relative to the repository root, in name order. */
export function cppFiles(dir = CPP_DIR) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...cppFiles(path));
    else if (/\.(h|cpp)$/.test(entry.name)) files.push(relative(root, path));
  }
  return files.sort();
}

// findClangFormat returns clang-format 14's path: CLANG_FORMAT if set, then clang-format-14,
// then a clang-format on PATH that says it is version 14; null when there is none.
function findClangFormat() {
  if (process.env.CLANG_FORMAT) return process.env.CLANG_FORMAT;
  const versioned = which(`clang-format-${VERSION}`);
  if (versioned) return versioned;
  const plain = which('clang-format');
  if (!plain) return null;
  const out = spawnSync(plain, ['--version'], { encoding: 'utf8' }).stdout ?? '';
  return new RegExp(`version ${VERSION}\\.`).test(out) ? plain : null;
}

/** clangFormat checks (mode 'check') or rewrites (mode 'write') the C++ files; returns an exit code. */
export function clangFormat(mode) {
  const tool = findClangFormat();
  if (!tool) {
    console.error(
      red(
        `clang-format ${VERSION} is not installed. \`npm run setup\` installs it on Debian as root ` +
          `(apt-get install -y clang-format-${VERSION}); elsewhere install clang-format ${VERSION} ` +
          'and set CLANG_FORMAT to its path.',
      ),
    );
    return 1;
  }
  const args = ['--style=file', ...(mode === 'write' ? ['-i'] : ['--dry-run', '-Werror'])];
  const files = cppFiles();
  console.log(dim(`$ ${tool} ${args.join(' ')} <${files.length} files under cpp/>`));
  const result = spawnSync(tool, [...args, ...files], { cwd: root, stdio: 'inherit' });
  if (result.error) {
    console.error(red(`could not start ${tool}: ${result.error.message}`));
    return 127;
  }
  const code = result.status ?? 1;
  if (code !== 0 && mode === 'check') {
    console.error(
      red('C++ files differ from .clang-format: `npm run format` (or `node scripts/clang-format.mjs --write`).'),
    );
  }
  return code;
}

if (isMain(import.meta.url)) {
  const mode = process.argv[2];
  if (mode !== '--check' && mode !== '--write') {
    console.error('usage: node scripts/clang-format.mjs --check | --write');
    process.exit(2);
  }
  process.exit(clangFormat(mode.slice(2)));
}
