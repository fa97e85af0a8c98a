// UI benchmark in headless Chromium (Debian's chromium + playwright-core): time from Run
// to the first frame for the examples, frame times with a million events loaded, and the
// page's transfer size (gzip) split into wasm, JS and CSS. Reports against the budgets of
// the playground (first frame <= 100 ms, frames <= 16 ms, wasm <= 150 KB, first load
// <= 500 KB); it measures and never fails. Needs `npm run build` first. `--sizes` prints only
// the transfer sizes.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serve } from '../scripts/serve.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const DIST = join(ROOT, 'dist');
const EXAMPLES = ['sequential', 'threads-sleep', 'asyncio-sleep', 'producer-consumer'];
const BUDGET = { firstFrameMs: 100, frameMs: 16, wasmKB: 150, firstLoadKB: 500 };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))] : NaN;
};
const mark = (ok) => (ok ? 'ok  ' : 'OVER');
const kb = (bytes) => bytes / 1024;

function transferSizes() {
  const assets = join(DIST, 'assets');
  const sizes = { wasm: 0, js: 0, css: 0, html: 0, lazyJs: 0, lazyCss: 0 };
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  sizes.html = gzipSync(html, { level: 9 }).length;
  for (const name of readdirSync(assets)) {
    const bytes = gzipSync(readFileSync(join(assets, name)), { level: 9 }).length;
    const ext = extname(name);
    if (ext === '.wasm') sizes.wasm += bytes;
    // Chunks and styles the page imports on demand (xterm.js, dialogs, synthetic traces for tests) are not part of the first load.
    else if (ext === '.css') {
      if (html.includes(name)) sizes.css += bytes;
      else sizes.lazyCss += bytes;
    } else if (ext === '.js') {
      if (html.includes(name) || name.startsWith('worker') || name.startsWith('index')) sizes.js += bytes;
      else sizes.lazyJs += bytes;
    }
  }
  const examples = join(DIST, 'examples');
  let exampleBytes = 0;
  if (existsSync(join(examples, 'index.json')))
    exampleBytes += gzipSync(readFileSync(join(examples, 'index.json'))).length;
  if (existsSync(join(examples, 'sequential.py')))
    exampleBytes += gzipSync(readFileSync(join(examples, 'sequential.py'))).length;
  return { ...sizes, examples: exampleBytes, firstLoad: sizes.html + sizes.js + sizes.css + sizes.wasm + exampleBytes };
}

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error('bench/ui: dist/ is missing; run `npm run build` first');
    process.exit(2);
  }
  const sizes = transferSizes();
  // --sizes prints the transfer sizes alone, without starting Chromium.
  if (process.argv.includes('--sizes')) {
    console.log(JSON.stringify(sizes, null, 2));
    return;
  }
  const { chromium } = await import('playwright-core');
  const { server, url } = await serve(DIST, 4900);
  const profile = mkdtempSync(join(tmpdir(), 'interleave-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 720 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const results = { firstFrame: {}, frames: {} };
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(
      () => window.__interleave && document.querySelectorAll('#example-select option').length > 1,
    );
    await page.waitForTimeout(500);
    for (const name of EXAMPLES) {
      const samples = [];
      for (let k = 0; k < 5; k++) {
        await page.selectOption('#example-select', name);
        await page.waitForTimeout(100);
        await page.click('#run');
        await page.waitForFunction(() => window.__interleave.state().complete, undefined, { timeout: 60_000 });
        const ms = await page.evaluate(() => window.__interleave.state().firstFrameMs);
        if (typeof ms === 'number') samples.push(ms);
      }
      results.firstFrame[name] = samples.length ? median(samples) : NaN;
    }
    await page.evaluate(() => window.__interleave.loadSynthetic(1_000_000, 8, 2));
    await page.waitForTimeout(300);
    const box = await page.locator('#timeline canvas').boundingBox();
    await page.evaluate(() => window.__interleave.clearFrameTimes());
    for (let i = 0; i < 60 && box; i++) {
      await page.mouse.move(box.x + 300 + i * 5, box.y + 60);
      await page.mouse.wheel(0, i < 30 ? -120 : 120);
      await page.waitForTimeout(16);
    }
    const draws = await page.evaluate(() => window.__interleave.frameTimes());
    const intervals = await page.evaluate(async () => {
      window.__interleave.setSpeed(0.0001);
      window.__interleave.seek(0);
      document.querySelector('.transport-play').click();
      const stamps = [];
      await new Promise((resolve) => {
        const tick = (t) => {
          stamps.push(t);
          if (stamps.length < 120) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      document.querySelector('.transport-play').click();
      return stamps.slice(1).map((t, i) => t - stamps[i]);
    });
    results.frames = {
      drawP50: median(draws),
      drawP95: pct(draws, 95),
      drawMax: Math.max(...draws),
      playP50: median(intervals),
      playP95: pct(intervals, 95),
      samples: draws.length,
    };
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }

  console.log('\nUI benchmark (headless Chromium, 1280×720, software rendering)\n');
  console.log('Run → first frame (median of 5):');
  for (const [name, ms] of Object.entries(results.firstFrame)) {
    console.log(
      `  ${mark(ms <= BUDGET.firstFrameMs)} ${name.padEnd(22)} ${Number.isFinite(ms) ? ms.toFixed(1) : 'n/a'} ms   (budget ${BUDGET.firstFrameMs} ms)`,
    );
  }
  const f = results.frames;
  console.log('\nTimeline with 1,000,000 events:');
  console.log(
    `  ${mark(f.drawP95 <= BUDGET.frameMs)} draw while zooming    p50 ${f.drawP50.toFixed(2)} ms · p95 ${f.drawP95.toFixed(2)} ms · max ${f.drawMax.toFixed(2)} ms (${f.samples} frames; budget ${BUDGET.frameMs} ms)`,
  );
  console.log(
    `  ${mark(f.playP95 <= BUDGET.frameMs * 1.25)} frame interval playing p50 ${f.playP50.toFixed(2)} ms · p95 ${f.playP95.toFixed(2)} ms`,
  );
  console.log('\nTransfer size (gzip -9):');
  console.log(
    `  ${mark(kb(sizes.wasm) <= BUDGET.wasmKB)} wasm        ${kb(sizes.wasm).toFixed(1)} KB   (budget ${BUDGET.wasmKB} KB)`,
  );
  console.log(
    `       JS          ${kb(sizes.js).toFixed(1)} KB   (+ ${kb(sizes.lazyJs).toFixed(1)} KB loaded on demand)`,
  );
  console.log(
    `       CSS         ${kb(sizes.css).toFixed(1)} KB   (+ ${kb(sizes.lazyCss).toFixed(1)} KB loaded on demand)`,
  );
  console.log(`       HTML        ${kb(sizes.html).toFixed(1)} KB, examples ${kb(sizes.examples).toFixed(1)} KB`);
  console.log(
    `  ${mark(kb(sizes.firstLoad) <= BUDGET.firstLoadKB)} first load  ${kb(sizes.firstLoad).toFixed(1)} KB = ${sizes.firstLoad.toLocaleString('en')} B   (budget ${BUDGET.firstLoadKB} KB)`,
  );
}

await main();
