// End-to-end tests of the exports (Chrome trace, timeline SVG and PNG, output text) through
// real downloads in headless Chromium, and of two playground defects: a blocking call in a
// coroutine must read the same in the panel and every lane, and the editor's task chips
// must not depend on symbol glyphs that a machine's fonts may lack.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { type Download, type Page, chromium } from 'playwright-core';
import { ROOT, type Harness, artifact, startHarness } from './harness';
import { PlaygroundPage } from './pages/playground';

let harness: Harness;
let app: PlaygroundPage;
let threads = false;

before(async () => {
  harness = await startHarness();
  app = new PlaygroundPage(await harness.newPage());
  await app.open(harness.url);
  threads = await app.supports('import threading\nthreading.Thread(target=print).start()\n');
});

after(async () => {
  await harness?.close();
});

/** exportVia picks an item of the Export menu with the mouse and waits for the file. */
async function exportVia(page: Page, kind: string): Promise<Download> {
  const download = page.waitForEvent('download', { timeout: 15_000 });
  await page.click('#export-button');
  await page.click(`#export-menu [data-export="${kind}"]`);
  return download;
}

async function saved(download: Download): Promise<Buffer> {
  const path = await download.path();
  assert.ok(path, 'the download was saved');
  return readFileSync(path);
}

async function runExample(name: string): Promise<void> {
  await app.loadExample(name);
  await app.run();
  const state = await app.waitForRun();
  assert.equal(state.error, null);
}

/** cli runs the command line on a file, as a user would, and returns what it prints. */
function cli(args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'web/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

let cliOutput: string | null = null;

/** threadsOutput is what the CLI prints for the threads example. */
function threadsOutput(): string {
  cliOutput ??= cli(['run', join(ROOT, 'public/examples/threads_sleep.py')]);
  return cliOutput;
}

// TOFU_PROBE lists the characters of the chips, pills, banner and menu that draw as the
// missing-glyph box (U+0378 is unassigned, so it always does). It is a string because the
// test runner's transpiler would wrap inner functions in a helper the page does not have.
const TOFU_PROBE = `(() => {
  const canvas = document.createElement('canvas');
  canvas.width = 48;
  canvas.height = 48;
  const ctx = canvas.getContext('2d');
  ctx.font = getComputedStyle(document.querySelector('#editor .cm-task-chip')).font;
  const draw = (s) => {
    ctx.clearRect(0, 0, 48, 48);
    ctx.fillText(s, 8, 32);
    return ctx.getImageData(0, 0, 48, 48).data.join(',');
  };
  const box = draw('\u0378');
  const text = [...document.querySelectorAll('#editor .cm-task-chip, #tasks .state-pill, #tasks .loop-banner, #export-menu button')].map((el) => el.textContent || '').join('');
  return [...new Set(text)].filter((ch) => ch.trim() !== '' && draw(ch) === box);
})()`;

interface ChromeEvent {
  name: string;
  ph: string;
  tid: number;
  ts: number;
  dur?: number;
  args?: Record<string, unknown>;
}

/** pngInfo reads a PNG's size and its first pixel (row 0 is never predicted from another row). */
function pngInfo(bytes: Buffer): { width: number; height: number; first: number[] } {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      colorType = body[9];
    } else if (type === 'IDAT') {
      data.push(body);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const channels = colorType === 6 ? 4 : 3;
  return { width, height, first: [...raw.subarray(1, 1 + channels)] };
}

describe('export', () => {
  it('says to run a program first when there is nothing to export', async () => {
    await app.terminal.command('export trace');
    assert.ok(await app.terminal.waitForRow('Nothing to export yet: run a program first.'));
  });

  it('exports the trace as Chrome Trace Event JSON, one track per task, as the CLI writes it', async (t) => {
    if (!threads) {
      t.skip('the engine does not run threads yet');
      return;
    }
    await runExample('threads-sleep');
    const download = await exportVia(app.page, 'trace');
    assert.equal(download.suggestedFilename(), 'threads-sleep-trace.json');
    const trace = JSON.parse((await saved(download)).toString('utf8')) as {
      traceEvents: ChromeEvent[];
      displayTimeUnit: string;
    };
    const tracks = trace.traceEvents.filter((e) => e.name === 'thread_name').map((e) => [e.tid, e.args?.name]);
    assert.deepEqual(tracks, [
      [0, 'MainThread'],
      [1, 'tea'],
      [2, 'coffee'],
      [3, 'cocoa'],
    ]);
    const tids = new Set(trace.traceEvents.map((e) => e.tid));
    assert.deepEqual([...tids].sort(), [0, 1, 2, 3], 'every event is on a task track');
    const sleeps = trace.traceEvents
      .filter((e) => e.name === 'sleep' && e.ph === 'X')
      .map((e) => [e.tid, Math.round((e.dur ?? 0) / 1e6)]);
    assert.deepEqual(sleeps.sort(), [
      [1, 3],
      [2, 4],
      [3, 2],
    ]);
    const prints = trace.traceEvents.filter((e) => e.name === 'print').map((e) => e.args?.text);
    assert.equal(prints.join(''), threadsOutput());
    assert.ok(
      trace.traceEvents.some(
        (e) => e.ph === 'X' && e.name === '8: time.sleep(seconds)  # a sleeping thread lets the others run',
      ),
      'line slices carry the source text',
    );

    const dir = mkdtempSync(join(tmpdir(), 'interleave-export-'));
    try {
      cli(['run', join(ROOT, 'public/examples/threads_sleep.py'), '--trace', join(dir, 'cli.json')]);
      assert.deepEqual(
        trace,
        JSON.parse(readFileSync(join(dir, 'cli.json'), 'utf8')),
        'the page and `cli --trace` write the same file',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exports the timeline as SVG: well-formed, a lane per task and resource, patterns for states', async (t) => {
    if (!threads) {
      t.skip('the engine does not run threads yet');
      return;
    }
    const download = await exportVia(app.page, 'svg');
    assert.equal(download.suggestedFilename(), 'threads-sleep-timeline.svg');
    const svg = (await saved(download)).toString('utf8');
    const parsed = await app.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const error = doc.querySelector('parsererror');
      const root = doc.documentElement;
      return {
        error: error ? error.textContent : null,
        root: root.localName,
        ns: root.namespaceURI,
        width: Number(root.getAttribute('width')),
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
        patterns: [...doc.querySelectorAll('defs pattern')].map((p) => p.id),
        patternFills: [...doc.querySelectorAll('rect')]
          .map((r) => r.getAttribute('fill') ?? '')
          .filter((f) => f.startsWith('url(')).length,
        rects: doc.querySelectorAll('rect').length,
        scripts: doc.querySelectorAll('script').length,
      };
    }, svg);
    assert.equal(parsed.error, null);
    assert.equal(parsed.root, 'svg');
    assert.equal(parsed.ns, 'http://www.w3.org/2000/svg');
    for (const lane of ['MainThread', 'tea', 'coffee', 'cocoa', 'core 0', 'GIL'])
      assert.ok(parsed.texts.includes(lane), `lane ${lane} is labelled`);
    assert.ok(parsed.texts.includes('sleeping'), 'wide segments are labelled');
    assert.ok(
      parsed.texts.includes('1 s') || parsed.texts.includes('1.0 s'),
      `the axis has units: ${parsed.texts.filter((x) => / s$/.test(x)).join(', ')}`,
    );
    assert.ok(parsed.patterns.length >= 4 && parsed.patternFills > 0, 'states are filled with patterns');
    assert.ok(parsed.rects > 10 && parsed.rects < 5000, `${parsed.rects} rectangles`);
    assert.equal(parsed.scripts, 0);
  });

  it('exports the timeline as a 2x PNG on the theme background', async (t) => {
    if (!threads) {
      t.skip('the engine does not run threads yet');
      return;
    }
    const download = await exportVia(app.page, 'png');
    assert.equal(download.suggestedFilename(), 'threads-sleep-timeline.png');
    const bytes = await saved(download);
    const png = pngInfo(bytes);
    assert.ok(png.width >= 1600, `2x width: ${png.width}`);
    assert.ok(png.height >= 2 * (30 + 26 + 7 * 26), `2x height with every lane: ${png.height}`);
    assert.ok(bytes.length > 10_000 && bytes.length < 5_000_000, `${bytes.length} bytes`);
    assert.deepEqual(png.first.slice(0, 3), [255, 255, 255], 'light theme: white background');

    const dark = new PlaygroundPage(await harness.newPage({ width: 1280, height: 720 }, 'dark'));
    await dark.open(harness.url);
    await dark.loadExample('threads-sleep');
    await dark.run();
    await dark.waitForRun();
    const darkPng = pngInfo(await saved(await exportVia(dark.page, 'png')));
    assert.ok(
      darkPng.first.slice(0, 3).every((c) => c < 40),
      `dark theme: dark background ${darkPng.first}`,
    );
    await dark.page.close();
  });

  it('exports the output as text, equal to what the program prints, with timestamps on request', async (t) => {
    if (!threads) {
      t.skip('the engine does not run threads yet');
      return;
    }
    const text = (await saved(await exportVia(app.page, 'text'))).toString('utf8');
    assert.equal(text, threadsOutput());
    await app.terminal.command('timestamps on');
    const download = app.page.waitForEvent('download');
    await app.terminal.command('export text');
    const stamped = (await saved(await download)).toString('utf8').split('\n').filter(Boolean);
    assert.equal(stamped.length, 7);
    assert.match(stamped[0], /^\[ {2}0\.000 s\] start tea$/);
    assert.match(stamped[3], /^\[ {2}2\.000 s\] cocoa ready$/);
    assert.ok(await app.terminal.waitForRow('Saved threads-sleep-output.txt'));
    await app.terminal.command('timestamps off');
  });

  it('works from the keyboard and explains a wrong export command', async () => {
    await app.page.focus('#export-button');
    await app.page.keyboard.press('ArrowDown');
    assert.equal(await app.page.evaluate(() => (document.activeElement as HTMLElement).dataset.export), 'trace');
    await app.page.keyboard.press('ArrowDown');
    assert.equal(await app.page.evaluate(() => (document.activeElement as HTMLElement).dataset.export), 'png');
    await app.page.keyboard.press('Escape');
    assert.equal(await app.page.locator('#export-menu').isHidden(), true);
    assert.equal(await app.page.evaluate(() => document.activeElement?.id), 'export-button');
    const playing = (await app.state()).playing;
    await app.page.keyboard.press('Enter');
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('ArrowDown');
    const download = app.page.waitForEvent('download');
    await app.page.keyboard.press(' ');
    assert.match((await download).suggestedFilename(), /-timeline\.svg$/);
    assert.equal((await app.state()).playing, playing, 'Space picked the menu item and did not toggle playback');
    await app.terminal.command('export gif');
    assert.ok(await app.terminal.waitForRow('export needs one of trace, png, svg, text'));
  });

  it('says so when the page runs in a sandboxed frame that blocks downloads', async () => {
    const host = await harness.newPage();
    let downloads = 0;
    host.on('download', () => (downloads += 1));
    // The host page is of the same site, so the frame keeps its storage and only the sandbox differs.
    await host.goto(`${harness.url}examples/index.json`);
    await host.evaluate((url) => {
      document.documentElement.innerHTML = `<body><iframe sandbox="allow-scripts allow-same-origin" src="${url}" style="width:1200px;height:700px"></iframe></body>`;
    }, harness.url);
    await host.waitForFunction(
      (url) => [...document.querySelectorAll('iframe')].some((f) => f.src === url),
      harness.url,
    );
    await host.waitForTimeout(200);
    const frame = host.frames().find((f) => f !== host.mainFrame() && f.url().startsWith(harness.url));
    assert.ok(frame, 'the playground loads in the frame');
    await frame.waitForFunction(
      () => window.__interleave !== undefined && document.querySelectorAll('#example-select option').length > 1,
    );
    await frame.selectOption('#example-select', 'sequential');
    await frame.waitForFunction(() =>
      (document.querySelector('#example-note summary')?.textContent ?? '').includes('Sequential'),
    );
    await frame.click('#run');
    await frame.waitForFunction(() => window.__interleave.state().complete, undefined, { timeout: 30_000 });
    await frame.click('#export-button');
    await frame.click('#export-menu [data-export="text"]');
    await frame.waitForFunction(() =>
      (window.__interleave.state().output as string).includes('Saved sequential-output.txt'),
    );
    const output = (await frame.evaluate(() => window.__interleave.state().output)) as string;
    assert.match(
      output,
      /runs in a frame that may block downloads: if no file appeared, open the program in the playground and export it there\./,
    );
    await host.waitForTimeout(500);
    assert.equal(downloads, 0, 'the sandbox blocked the download');
    await host.close();
  });
});

describe('playground defects', () => {
  it('a blocking call in a coroutine reads the same in the panel, the lanes and the banner', async (t) => {
    if (!(await app.supports('import asyncio\nasync def f():\n    await asyncio.sleep(0)\nasyncio.run(f())\n'))) {
      t.skip('the engine does not run asyncio yet');
      return;
    }
    await runExample('blocking-in-coroutine');
    await app.page.evaluate(() => window.__interleave.seek(1.0));
    await app.page.waitForFunction(() => document.querySelector('.loop-banner:not([hidden])') !== null);
    assert.equal(
      await app.tasks.banner(),
      'Event loop blocked by Task-3: time.sleep(1.5) — nothing else can run until 1.70 s',
    );
    const rows = await app.tasks.rows();
    const bad = rows.find((r) => r.name === 'Task-3');
    assert.deepEqual([bad?.state, bad?.wait], ['blocking the loop', 'in time.sleep(1.5) until 1.70 s']);
    assert.ok(
      rows.every((r) => !/running on core/.test(r.state)),
      'no task claims a core',
    );
    const resources = await app.page.locator('.tasks-panel .resource:not([hidden])').allTextContents();
    assert.ok(resources.includes('Cores: 0: idle'), resources.join(' | '));
    assert.ok(resources.includes('GIL: held by nobody'), resources.join(' | '));
    assert.ok(
      resources.some((r) => r.startsWith("Event loop: blocked in Task-3's time.sleep(1.5)")),
      resources.join(' | '),
    );
    const state = await app.state();
    assert.ok(state.tasks.every((task) => task.core === -1));
    assert.match(state.tasks.find((task) => task.name === 'MainThread')?.waitFor ?? '', /^sleep until 1\.70 s/);

    const model = await app.timeline.model();
    const group = model.groups[0];
    const x = ((1.0 - model.view.t0) / (model.view.t1 - model.view.t0)) * model.view.width;
    const at = (label: string) => {
      const lane = group.lanes.findIndex((l) => l.label === label);
      return group.rects.filter((r) => r.lane === lane && r.x <= x && r.x + r.w >= x && r.style < 1 << 20);
    };
    assert.deepEqual(
      at('Task-3').map((r) => r.style),
      [11],
      'the task lane shows the loop-blocked pattern',
    );
    assert.deepEqual(
      at('event loop').map((r) => r.style),
      [11],
      'the loop lane shows the stall',
    );
    assert.deepEqual(at('core 0'), [], 'the core is idle: the thread sleeps in the call');
    assert.deepEqual(
      at('MainThread').map((r) => r.style),
      [7],
      'the loop thread sleeps',
    );
    const legend = await app.page.locator('#legend').textContent();
    assert.match(legend ?? '', /blocking call: loop stalled/);
    await app.page.screenshot({ path: artifact('20-blocking-call') });
  });

  it("draws the task chips without symbol glyphs missing from Chromium's own fonts", async (t) => {
    const liberation = '/usr/share/fonts/truetype/liberation';
    if (!existsSync(liberation)) {
      t.skip("the Liberation fonts (a dependency of Debian's chromium) are not installed");
      return;
    }
    if (!threads) {
      t.skip('the engine does not run threads yet');
      return;
    }
    // A browser that sees only Chromium's own fonts: characters they lack draw as boxes.
    const dir = mkdtempSync(join(tmpdir(), 'interleave-fonts-'));
    writeFileSync(
      join(dir, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${liberation}</dir><cachedir>${dir}/cache</cachedir></fontconfig>\n`,
    );
    const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1280, height: 720 },
      env: { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    try {
      const page = new PlaygroundPage(await context.newPage());
      await page.open(harness.url);
      await page.loadExample('threads-sleep');
      await page.run();
      await page.waitForRun();
      await page.page.evaluate(() => window.__interleave.seek(1));
      await page.page.waitForFunction(() => document.querySelectorAll('#editor .cm-task-chip').length >= 4);
      const missing = (await page.page.evaluate(TOFU_PROBE)) as string[];
      assert.deepEqual(missing, [], `characters drawn as missing-glyph boxes: ${missing.join(' ')}`);
      const icons = await page.page.locator('#editor .cm-task-chip svg').count();
      assert.ok(icons >= 4, 'each chip draws its state icon');
      await page.page.screenshot({ path: artifact('21-chips-chromium-fonts') });
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
