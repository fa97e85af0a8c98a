// Tests of the npm scripts' shared helpers: the Node version check every command runs first.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeVersionProblem } from './lib.mjs';

describe('nodeVersionProblem', () => {
  it("says in one line which Node is needed and how to get it when Node is older than package.json's engines", () => {
    const line = nodeVersionProblem('18.19.0');
    expect(line).toBe(
      'Interleave needs Node 20.19 or later, and this is Node 18.19.0: install Node 22 from https://nodejs.org/ ' +
        'or NodeSource (https://github.com/nodesource/distributions), or run `nvm install 22`',
    );
    expect(line).not.toContain('\n');
    expect(nodeVersionProblem('v20.18.1')).toMatch(
      /^Interleave needs Node 20\.19 or later, and this is Node 20\.18\.1: /,
    );
  });

  it('accepts Node 20.19 and later', () => {
    for (const version of ['20.19.0', 'v20.20.2', '22.12.0', '24.0.0'])
      expect(nodeVersionProblem(version), version).toBeNull();
  });

  it('reads the minimum from package.json', () => {
    expect(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node).toBe('>=20.19');
    expect(nodeVersionProblem('22.0.0', '>=24')).toMatch(
      /^Interleave needs Node 24\.0 or later, and this is Node 22\.0\.0: /,
    );
  });
});
