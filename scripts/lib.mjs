// Shared helpers for the npm command scripts. Node built-ins only: these run before
// `npm install` has ever happened.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = dirname(dirname(fileURLToPath(import.meta.url)));

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
export const bold = (text) => paint('1', text);
export const green = (text) => paint('32', text);
export const red = (text) => paint('31', text);
export const yellow = (text) => paint('33', text);
export const dim = (text) => paint('2', text);

// NODE_RANGE is package.json's engines.node (">=20.19"): the one place the minimum is written.
const NODE_RANGE = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node;

/**
 * nodeVersionProblem returns the one line to print when Node `version` ("18.19.0") is older
 * than `range` (">=20.19"), or null when it is new enough.
 */
export function nodeVersionProblem(version, range = NODE_RANGE) {
  const [major, minor] = String(version).replace(/^v/, '').split('.').map(Number);
  const [, needMajor, needMinor = '0'] = /^>=\s*(\d+)(?:\.(\d+))?/.exec(range) ?? [];
  const need = [Number(needMajor), Number(needMinor)];
  if (major > need[0] || (major === need[0] && minor >= need[1])) return null;
  return (
    `Interleave needs Node ${need.join('.')} or later, and this is Node ${String(version).replace(/^v/, '')}: ` +
    'install Node 22 from https://nodejs.org/ or NodeSource (https://github.com/nodesource/distributions), or run `nvm install 22`'
  );
}

/** requireNode ends the process with nodeVersionProblem's line when this Node is too old. */
export function requireNode() {
  const problem = nodeVersionProblem(process.versions.node);
  if (!problem) return;
  console.error(red(problem));
  process.exit(1);
}

/** step prints a heading for the next phase of a command. */
export function step(text) {
  console.log(`\n${bold(`== ${text}`)}`);
}

/** which returns the absolute path of an executable on PATH, or null. */
export function which(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this directory.
    }
  }
  return null;
}

/** run executes a command with inherited stdio from the repo root; returns its exit code. */
export function run(command, args, options = {}) {
  console.log(dim(`$ ${[command, ...args].join(' ')}`));
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) {
    console.error(red(`could not start ${command}: ${result.error.message}`));
    return 127;
  }
  return result.status ?? 1;
}

/** runOrExit runs a command and ends this process with its code if it fails. */
export function runOrExit(command, args, options = {}) {
  const code = run(command, args, options);
  if (code !== 0) {
    console.error(red(`\nfailed: ${command} ${args.join(' ')} (exit ${code})`));
    process.exit(code);
  }
}

/** bin is the path of an npm-installed executable. */
export function bin(name) {
  return join(root, 'node_modules', '.bin', name);
}

/** isMain tells whether a script module was started directly with node. */
export function isMain(metaUrl) {
  return process.argv[1] && fileURLToPath(metaUrl) === process.argv[1];
}
