// Tests of scripts/serve.mjs, the static server behind `npm start`: a taken port is said out loud.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from './serve.mjs';

const dir = mkdtempSync(join(tmpdir(), 'interleave-serve-'));
writeFileSync(join(dir, 'index.html'), '<p>hello</p>\n');
let blocker;
let taken = 0;

// beforeAll holds a free port, as a first `npm start` would.
beforeAll(async () => {
  blocker = createServer();
  await new Promise((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  taken = blocker.address().port;
});

afterAll(() => new Promise((resolve) => blocker.close(resolve)));

describe('serve', () => {
  it('serves on the port asked for without a notice when it is free', async () => {
    const free = createServer();
    await new Promise((resolve) => free.listen(0, '127.0.0.1', resolve));
    const port = free.address().port;
    await new Promise((resolve) => free.close(resolve));
    const { server, url, notice } = await serve(dir, port);
    try {
      expect(url).toBe(`http://127.0.0.1:${port}/`);
      expect(notice).toBeNull();
    } finally {
      server.close();
    }
  });

  it('says that the port is in use and where it serves instead', async () => {
    const { server, url, notice } = await serve(dir, taken);
    try {
      const port = Number(new URL(url).port);
      expect(port).toBeGreaterThan(taken);
      expect(notice).toBe(
        `port ${taken} is in use (another \`npm start\`?); serving on http://127.0.0.1:${port}/ instead`,
      );
      expect(await (await fetch(url)).text()).toBe('<p>hello</p>\n');
    } finally {
      server.close();
    }
  });

  it('prints the notice on the command line before the URL', async () => {
    const script = fileURLToPath(new URL('./serve.mjs', import.meta.url));
    const child = spawn(process.execPath, [script, dir, String(taken)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    try {
      await new Promise((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          out += chunk;
          if (out.includes('Serving ')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${out}`)));
      });
    } finally {
      child.kill();
    }
    expect(out).toMatch(
      new RegExp(
        `^port ${taken} is in use \\(another \`npm start\`\\?\\); serving on http://127\\.0\\.0\\.1:\\d+/ instead\\nServing `,
      ),
    );
  });
});
