// End-to-end tests of the light <interleave-playground> element (issue 12): before Run an
// element costs only interleave-embed.js; on the first Run the full UI script and one engine
// worker load once for the whole page. Posts are served from another origin than dist/, and
// dist/ under a sub-path with no CORS headers. scripts/serve.mjs does not compress, so the
// bytes are counted as each served file's gzip size (zlib, level 6), what a static host that
// gzips would send.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
// @ts-expect-error: scripts/serve.mjs is plain JavaScript without type declarations.
import { serve } from '../../scripts/serve.mjs';
import { ARTIFACTS, type Harness, ROOT, startHarness } from './harness';
import { COUNTER, waitForOutput } from './pages/embed';
import { PlaygroundPage } from './pages/playground';

const BASE = '/tools/interleave/';
const ENGINE_SCRIPT = /\/assets\/embed-engine-[\w-]+\.js$/;
const UI_SCRIPT = /\/assets\/embed-inline-[\w-]+\.js$/;
const LIGHT_BUDGET = 60 * 1024;

let harness: Harness;
let dist: { server: Server; url: string };
let blog: { server: Server; url: string };
let blogDir: string;
let distCopy: string;
const served: string[] = [];
const gzipCache = new Map<string, number>();

before(async () => {
  harness = await startHarness();
  distCopy = mkdtempSync(join(tmpdir(), 'interleave-dist-'));
  cpSync(join(ROOT, 'dist'), distCopy, { recursive: true });
  dist = (await serve(distCopy, 5100 + Math.floor(Math.random() * 400), { base: BASE })) as {
    server: Server;
    url: string;
  };
  dist.server.on('request', (request) => served.push((request.url ?? '').split('?')[0]));
  blogDir = mkdtempSync(join(tmpdir(), 'interleave-blog-'));
  blog = (await serve(blogDir, 5600 + Math.floor(Math.random() * 400))) as { server: Server; url: string };
  assert.notEqual(new URL(blog.url).origin, new URL(dist.url).origin);
});

after(async () => {
  await harness?.close();
  for (const s of [dist, blog]) if (s) await new Promise<void>((resolve) => s.server.close(() => resolve()));
  for (const dir of [blogDir, distCopy]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** gzipBytes is what the requests to dist/ so far weigh gzipped, one response per request. */
function gzipBytes(requests: string[]): number {
  let total = 0;
  for (const url of requests) {
    if (!url.startsWith(BASE)) continue;
    let size = gzipCache.get(url);
    if (size === undefined) {
      try {
        size = gzipSync(readFileSync(join(distCopy, decodeURIComponent(url.slice(BASE.length))))).length;
      } catch {
        size = 0;
      }
      gzipCache.set(url, size);
    }
    total += size;
  }
  return total;
}

function write(name: string, body: string): void {
  writeFileSync(
    join(blogDir, name),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title></head><body><h1>A post</h1>${body}</body></html>`,
  );
}

async function post(name: string, body: string, viewport = { width: 1000, height: 900 }): Promise<Page> {
  write(name, body);
  const page = await harness.newPage(viewport);
  await page.goto(blog.url + name);
  return page;
}

const element = (id: string, code: string, attrs = '') =>
  `<interleave-playground id="${id}" ${attrs}>\n${code.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</interleave-playground>`;
const script = () => `<script defer src="${dist.url}interleave-embed.js"></script>`;

// settle waits until dist/ has served nothing for a while, so a count is complete.
async function settle(ms = 800): Promise<void> {
  let last = -1;
  while (last !== served.length) {
    last = served.length;
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
}

const measured: Record<string, number> = {};

describe('the light embed element', () => {
  it('costs only its own script before Run, shows the program, its settings and Run, and works after Run', async () => {
    served.length = 0;
    const page = await post('one.html', `${script()}${element('one', COUNTER, 'runtime="threads" gil="0" cores="2"')}`);
    const one = page.locator('#one');
    const run = one.getByRole('button', { name: 'Run this Python program' });
    await run.waitFor();
    await settle();
    const before = gzipBytes(served);
    measured.oneBefore = before;
    assert.ok(before <= LIGHT_BUDGET, `before Run the embed loaded ${before} bytes gzipped (${served.join(', ')})`);
    assert.deepEqual(
      served.filter((u) => u.startsWith(BASE)),
      [`${BASE}interleave-embed.js`],
      'only the element script before Run',
    );
    assert.ok(gzipBytes([`${BASE}interleave-embed.js`]) <= 8 * 1024, 'the element script stays small');
    assert.equal(page.workers().length, 0, 'no worker before Run');
    // The program, highlighted, and the settings line.
    assert.equal((await one.locator('pre').innerText()).trimEnd(), COUNTER.trimEnd());
    assert.ok((await one.locator('pre .k').count()) >= 5, 'keywords are highlighted');
    assert.deepEqual(
      await one
        .locator('pre .k')
        .first()
        .evaluate((e) => e.textContent),
      'import',
    );
    assert.equal(await one.locator('.s').innerText(), 'threads · GIL off · 2 cores');
    assert.match(await one.locator('section.e').first().innerText(), /Run to see the timeline/);
    // Run is keyboard-operable: focus it and press Enter.
    await run.focus();
    assert.equal(await run.evaluate((b) => getComputedStyle(b).outlineStyle), 'solid', 'a visible focus ring');
    await page.screenshot({ path: join(ARTIFACTS, 'embed-light-before.png'), fullPage: true });
    await page.keyboard.press('Enter');
    assert.deepEqual(await waitForOutput(one, ['count = 6']), ['A finished', 'B finished', 'count = 6']);
    await one.locator('.embed-status', { hasText: 'Finished in' }).waitFor();
    assert.equal(await one.locator('.embed-timeline canvas').count(), 1, 'the timeline is drawn');
    assert.equal(await one.locator('.embed-code .cm-editor').count(), 1, 'the editor replaced the light program');
    await page.waitForFunction(
      () =>
        (document.querySelector('#one')?.shadowRoot?.activeElement as HTMLElement | null)?.classList.contains(
          'embed-run',
        ),
      undefined,
      { timeout: 5000 },
    );
    await settle();
    measured.oneAfter = gzipBytes(served);
    assert.equal(served.filter((u) => ENGINE_SCRIPT.test(u)).length, 1);
    assert.equal(page.workers().length, 1);
    // Space in the post is the post's: it does not reach the embed.
    const pressed = await page.evaluate(() => {
      const e = new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true });
      document.body.dispatchEvent(e);
      return e.defaultPrevented;
    });
    assert.equal(pressed, false, 'Space on the page is left to the page');
    await page.screenshot({ path: join(ARTIFACTS, 'embed-light-after.png'), fullPage: true });
    await page.close();
  });

  it('five elements, all run, share one UI script, one engine download and one worker', async () => {
    assert.ok(measured.oneAfter, 'the one-element test ran first');
    served.length = 0;
    const items = [1, 2, 3, 4, 5].map((n) =>
      element(
        `e${n}`,
        `import time\nfor i in range(2):\n    print("embed ${n}", i)\n    time.sleep(0.1)\n`,
        n === 1 ? 'autoplay' : '',
      ),
    );
    const page = await post('five.html', `${script()}${items.join('<p>Some prose between the examples.</p>')}`, {
      width: 1000,
      height: 1200,
    });
    // The first autoplays once visible; the others run when their Run is pressed, all at about the same time.
    await waitForOutput(page.locator('#e1'), ['embed 1 1']);
    for (const n of [2, 3, 4, 5]) {
      await page.locator(`#e${n}`).scrollIntoViewIfNeeded();
      await page.locator(`#e${n}`).getByRole('button', { name: 'Run this Python program' }).click();
    }
    // xterm.js draws only a terminal on screen, so each is scrolled into view to be read.
    for (const n of [2, 3, 4, 5]) {
      await page.locator(`#e${n}`).scrollIntoViewIfNeeded();
      assert.deepEqual(await waitForOutput(page.locator(`#e${n}`), [`embed ${n} 1`]), [`embed ${n} 0`, `embed ${n} 1`]);
    }
    // Running one again leaves the others' output alone.
    await page.locator('#e2 .embed-run').click();
    await waitForOutput(page.locator('#e2'), ['embed 2 1']);
    await page.locator('#e3').scrollIntoViewIfNeeded();
    assert.deepEqual(await waitForOutput(page.locator('#e3'), ['embed 3 1']), ['embed 3 0', 'embed 3 1']);
    await settle();
    const five = gzipBytes(served);
    measured.fiveAfter = five;
    assert.equal(served.filter((u) => ENGINE_SCRIPT.test(u)).length, 1, 'one engine download');
    assert.equal(served.filter((u) => UI_SCRIPT.test(u)).length, 1, 'one UI script download');
    assert.equal(page.workers().length, 1, 'one engine worker for the page');
    assert.ok(five <= 1.3 * measured.oneAfter, `five embeds cost ${five} bytes against ${measured.oneAfter} for one`);
    console.log(
      `bytes (gzip): one before Run ${measured.oneBefore}, one after Run ${measured.oneAfter}, five after Run ${five}`,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'embed-light-five.png'), fullPage: true });
    await page.close();
  });

  it("the iframe snippet's embed.html is light too: the program and Run, the full embed only on Run", async () => {
    served.length = 0;
    const src = `${dist.url}embed.html#code=${encodeURIComponent(COUNTER)}`;
    const page = await post(
      'iframe-light.html',
      `<iframe id="f" sandbox="allow-scripts" src="${src}" style="width:900px;height:900px;border:0"></iframe>`,
    );
    const frame = page.frameLocator('#f');
    const run = frame.getByRole('button', { name: 'Run this Python program' });
    await run.waitFor();
    await settle();
    const before = gzipBytes(served);
    measured.iframeBefore = before;
    assert.ok(before <= LIGHT_BUDGET, `before Run embed.html loaded ${before} bytes gzipped (${served.join(', ')})`);
    assert.equal(served.filter((u) => /embed-(inline|engine)-/.test(u)).length, 0, 'no UI or engine script before Run');
    assert.match(await frame.getByRole('region', { name: 'Program' }).innerText(), /count/);
    await run.click();
    assert.deepEqual(await waitForOutput(frame.locator('#embed'), ['count = 6']), [
      'A finished',
      'B finished',
      'count = 6',
    ]);
    console.log(`bytes (gzip): embed.html in an iframe before Run ${before}, after Run ${gzipBytes(served)}`);
    await page.close();
  });

  it('runs inside a sandbox="allow-scripts" iframe (opaque origin)', async () => {
    write('inner.html', `${script()}${element('in', COUNTER)}`);
    const page = await post(
      'sandboxed.html',
      `<iframe id="f" sandbox="allow-scripts" src="${blog.url}inner.html" style="width:900px;height:900px;border:0"></iframe>`,
    );
    const frame = page.frameLocator('#f');
    await frame.locator('#in').getByRole('button', { name: 'Run this Python program' }).click();
    assert.deepEqual(await waitForOutput(frame.locator('#in'), ['count = 6']), [
      'A finished',
      'B finished',
      'count = 6',
    ]);
    const inner = page.frames().find((f) => f.url().endsWith('inner.html'));
    assert.equal(await inner?.evaluate(() => self.origin), 'null');
    await page.close();
  });

  it("the Embed dialog's element snippet draws the run's timeline before Run, and falls back to text and a link without JavaScript", async () => {
    const playground = new PlaygroundPage(await harness.newPage());
    await playground.open(`${dist.url}index.html`);
    await playground.loadExample('sequential');
    await playground.run();
    await playground.waitForRun();
    await playground.page.locator('#embed-button').click();
    const box = playground.page.locator('textarea[aria-label="Web component snippet"]');
    await playground.page.waitForFunction(() =>
      (
        document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Web component snippet"]')?.value ?? ''
      ).includes('preview='),
    );
    const snippet = await box.inputValue();
    await playground.page.close();
    assert.match(snippet, /<pre>[\s\S]*tea[\s\S]*<\/pre>/);
    assert.match(snippet, /<a href="[^"]+index\.html#s=1\.[^"]+"[^>]*>Open in playground<\/a>/);

    // With the script: the static picture of the run, then a working embed.
    const page = await post('snippet.html', snippet.replace('<interleave-playground', '<interleave-playground id="s"'));
    const s = page.locator('#s');
    await s.getByRole('button', { name: 'Run this Python program' }).waitFor();
    assert.ok((await s.locator('.tl svg rect').count()) > 0, 'the preview is drawn');
    assert.match((await s.locator('.tl').getAttribute('aria-label')) ?? '', /Timeline of an earlier run: MainThread/);
    assert.equal(
      await s.locator('.b a', { hasText: 'Open in playground' }).count(),
      1,
      'the light bar links to the playground',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'embed-light-preview.png'), fullPage: true });
    await s.getByRole('button', { name: 'Run this Python program' }).click();
    await waitForOutput(s, ['start tea'], 20_000);
    await page.close();

    // Without JavaScript: the program as text and the link.
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const still = await context.newPage();
      await still.goto(`${blog.url}snippet.html`);
      assert.match(await still.locator('interleave-playground pre').innerText(), /tea/);
      const link = still.getByRole('link', { name: 'Open in playground' });
      assert.ok(await link.isVisible());
      assert.match((await link.getAttribute('href')) ?? '', /index\.html#s=1\./);
      await still.screenshot({ path: join(ARTIFACTS, 'embed-light-nojs.png'), fullPage: true });
      await context.close();
    } finally {
      await browser.close();
    }
  });
});
