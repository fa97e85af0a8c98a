// The wasm engine inside headless Chromium, measured as the bench's wasm column is in Node:
// a fresh module instance per run, timed from Simulation creation to the end of the run, and
// the size of its linear memory afterwards. It is the number a reader of the page sees:
// Chromium's V8 compiles the engine's interpreter loop far better than Node 20's does.
// Needs Debian's chromium and npm's playwright-core (both installed for the e2e suite).
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineUnavailable, WASM_BINARY, WASM_DIR, WASM_GLUE, WASM_LIBRARY } from '../tests/golden/lib/engines.mjs';
import { serve } from '../scripts/serve.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const STEPS_PER_ADVANCE = 1_000_000;
const STEP_LIMIT = 1e12;
const MEMORY_LIMIT_MB = 1024;

const PAGE = `<!doctype html><meta charset="utf-8"><title>bench</title><script type="module">
import factory from './interleave.mjs';
const binary = new Uint8Array(await (await fetch('interleave.wasm')).arrayBuffer());
const library = await fetch('interleave-library.txt').then((r) => (r.ok ? r.arrayBuffer() : null), () => null);
window.runProgram = async (source, stepLimit, memoryLimit, stepsPerAdvance) => {
  const m = await factory({ wasmBinary: binary, print() {}, printErr() {} });
  const memory = Object.values(m.asm ?? {}).find((v) => v instanceof WebAssembly.Memory) ?? null;
  if (library) {
    const error = m.addLibrary(new Uint8Array(library));
    if (error) return { problem: 'the library archive is damaged: ' + error };
  }
  const started = performance.now();
  const sim = new m.Simulation({ stepLimit, memoryLimit });
  try {
    let more = sim.load(source);
    while (more) {
      more = sim.advance(stepsPerAdvance);
      sim.clearEvents();
    }
    const seconds = (performance.now() - started) / 1000;
    if (sim.hasError()) return { problem: sim.errorType() + ': ' + sim.errorMessage() };
    return { seconds, steps: sim.steps(), output: sim.output(), memoryMb: memory ? memory.buffer.byteLength / 1048576 : undefined };
  } finally {
    sim.delete();
  }
};
window.benchReady = true;
</script>`;

/** startChromium loads the page; run(source) measures one program; close() ends the browser. */
export async function startChromium() {
  if (!existsSync(CHROMIUM)) throw new EngineUnavailable(`${CHROMIUM} not found (apt-get install chromium)`);
  if (!existsSync(WASM_GLUE) || !existsSync(WASM_BINARY))
    throw new EngineUnavailable(`wasm engine not found in ${WASM_DIR}`);
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new EngineUnavailable('playwright-core is not installed (npm install)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'interleave-bench-chromium-'));
  copyFileSync(WASM_GLUE, join(dir, 'interleave.mjs'));
  copyFileSync(WASM_BINARY, join(dir, 'interleave.wasm'));
  if (existsSync(WASM_LIBRARY)) copyFileSync(WASM_LIBRARY, join(dir, 'interleave-library.txt'));
  writeFileSync(join(dir, 'index.html'), PAGE);
  const { server, url } = await serve(dir, 4800 + Math.floor(Math.random() * 100));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const close = async () => {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.benchReady === true, undefined, { timeout: 60_000 });
    const version = browser.version();
    return {
      version,
      async run(source) {
        try {
          return await page.evaluate(
            ([s, steps, memory, slice]) => window.runProgram(s, steps, memory, slice),
            [source, STEP_LIMIT, MEMORY_LIMIT_MB * 1048576, STEPS_PER_ADVANCE],
          );
        } catch (error) {
          return { problem: error instanceof Error ? error.message.split('\n')[0] : String(error) };
        }
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
