// End-to-end accessibility checks in headless Chromium: axe-core finds no serious or
// critical violation on the playground (light and dark, settings open, after a run), in
// presenter mode and in an <interleave-playground> element after Run (axe reads its open
// shadow root); every control of the top bar and the settings takes keyboard focus and
// Run, Play and the settings work with Enter and Space; the timeline canvas has a text
// alternative that names the run's tasks.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
// @ts-expect-error: scripts/serve.mjs is plain JavaScript without type declarations.
import { serve } from '../../scripts/serve.mjs';
import { type Harness, artifact, startHarness } from './harness';
import { COUNTER } from './pages/embed';
import { PlaygroundPage } from './pages/playground';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

let harness: Harness;
let blog: { server: Server; url: string };
let blogDir: string;

before(async () => {
  harness = await startHarness();
  blogDir = mkdtempSync(join(tmpdir(), 'interleave-a11y-'));
  blog = (await serve(blogDir, 5600 + Math.floor(Math.random() * 400))) as { server: Server; url: string };
});

after(async () => {
  await harness?.close();
  if (blog) await new Promise<void>((resolve) => blog.server.close(() => resolve()));
  if (blogDir) rmSync(blogDir, { recursive: true, force: true });
});

/** axe runs axe-core on the whole document (open shadow roots included) and returns its violations. */
async function axe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return (await page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }
    ).axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations;
  })) as AxeViolation[];
}

/** report lists each violation's id, impact, help and the nodes it found, so a failure says what to fix. */
function report(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 12)
        .map(
          (n) =>
            `    ${JSON.stringify(n.target)}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`,
        )
        .join('\n');
      const more = v.nodes.length > 12 ? `\n    … and ${v.nodes.length - 12} more` : '';
      return `${v.id} (${v.impact}): ${v.help}, ${v.nodes.length} node(s)\n${nodes}${more}`;
    })
    .join('\n');
}

/** assertClean fails with the serious and critical violations axe finds; the others are printed. */
async function assertClean(page: Page, where: string): Promise<void> {
  const violations = await axe(page);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = violations.filter((v) => !serious.includes(v));
  if (minor.length > 0) console.log(`axe, ${where}, minor:\n${report(minor)}`);
  assert.equal(serious.length, 0, `axe found serious or critical violations ${where}:\n${report(serious)}`);
}

async function openRun(scheme: 'light' | 'dark'): Promise<PlaygroundPage> {
  const app = new PlaygroundPage(await harness.newPage(undefined, scheme));
  await app.open(harness.url);
  await app.loadExample('sequential');
  await app.run();
  await app.waitForRun();
  return app;
}

describe('axe-core', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`finds no serious or critical violation on the playground (${scheme}), after a run and with the settings open`, async () => {
      const app = await openRun(scheme);
      await assertClean(app.page, `on the playground after a run (${scheme})`);
      await app.page.click('#settings-button');
      await app.page.locator('#settings-drawer').waitFor({ state: 'visible' });
      await assertClean(app.page, `with the settings open (${scheme})`);
      await app.page.close();
    });

    it(`finds no serious or critical violation in presenter mode (${scheme})`, async () => {
      const app = await openRun(scheme);
      await app.key('p');
      await app.page.waitForFunction(() => document.documentElement.classList.contains('presenter'));
      await app.page.waitForTimeout(300);
      await assertClean(app.page, `in presenter mode (${scheme})`);
      await app.screenshot(`a11y-presenter-${scheme}`);
      await app.page.close();
    });

    it(`finds no serious or critical violation in an <interleave-playground> element before and after Run (${scheme})`, async () => {
      const name = `post-${scheme}.html`;
      writeFileSync(
        join(blogDir, name),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title></head><body><main><h1>A post</h1>` +
          `<script defer src="${harness.url}interleave-embed.js"></script>` +
          `<interleave-playground id="one" runtime="threads" gil="0" cores="2">\n${COUNTER.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</interleave-playground>` +
          `</main></body></html>`,
      );
      const page = await harness.newPage({ width: 1000, height: 900 }, scheme);
      await page.goto(blog.url + name);
      const one = page.locator('#one');
      const run = one.getByRole('button', { name: 'Run this Python program' });
      await run.waitFor();
      assert.equal(
        await page.evaluate(() => document.querySelector('#one')?.shadowRoot?.mode),
        'open',
        'axe can read an open shadow root',
      );
      await assertClean(page, `in the light element before Run (${scheme})`);
      await run.click();
      await one.locator('.embed-status', { hasText: 'Finished in' }).waitFor({ timeout: 30_000 });
      await one.locator('.embed-timeline canvas').waitFor();
      await page.waitForTimeout(300);
      await assertClean(page, `in the element after Run (${scheme})`);
      await page.screenshot({ path: artifact(`a11y-embed-${scheme}`), fullPage: true });
      await page.close();
    });
  }
});

describe('keyboard', () => {
  it('Tab reaches every control of the top bar and the settings, and Enter and Space operate Run, Play and the settings', async () => {
    const app = new PlaygroundPage(await harness.newPage(undefined, 'light'));
    await app.open(harness.url);
    await app.loadExample('sequential');
    const page = app.page;
    const active = () =>
      page.evaluate(
        () =>
          document.activeElement?.id ||
          document.activeElement?.getAttribute('aria-label') ||
          document.activeElement?.tagName ||
          '',
      );

    // Tab from the start of the page through the top bar: every enabled control takes focus.
    const topbar = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.topbar button, .topbar select, .topbar input, .topbar a[href]')]
        .filter((el) => !(el as HTMLButtonElement).disabled && el.offsetParent !== null)
        .map((el) => el.id),
    );
    assert.ok(topbar.length >= 8, `the top bar has its controls: ${topbar.join(', ')}`);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const reached = new Set<string>();
    for (let i = 0; i < 40 && topbar.some((id) => !reached.has(id)); i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => document.activeElement?.id ?? ''));
    }
    assert.deepEqual(
      topbar.filter((id) => !reached.has(id)),
      [],
      'Tab reaches every control of the top bar',
    );

    // Run with Enter, then Play with Space.
    await page.focus('#run');
    await page.keyboard.press('Enter');
    await app.waitForRun();
    const play = page.getByRole('button', { name: /^(Play|Pause)/ }).first();
    await app.key('Home');
    await play.focus();
    assert.match(await active(), /^(Play|Pause)/, 'the Play button takes focus');
    // Space on the focused Play button toggles playback once (a run starts playing by itself).
    for (let i = 0; i < 2; i++) {
      const was = (await app.state()).playing;
      await page.keyboard.press('Space');
      await page.waitForFunction((w) => (window.__interleave.state() as { playing: boolean }).playing !== w, was, {
        timeout: 5000,
      });
    }
    // Enter presses it too.
    const was = (await app.state()).playing;
    await page.keyboard.press('Enter');
    await page.waitForFunction((w) => (window.__interleave.state() as { playing: boolean }).playing !== w, was, {
      timeout: 5000,
    });

    // The settings open with Space, every control in them takes focus with Tab, and Escape closes them.
    await page.focus('#settings-button');
    await page.keyboard.press('Space');
    await page.locator('#settings-drawer').waitFor({ state: 'visible' });
    assert.equal(await page.getAttribute('#settings-button', 'aria-expanded'), 'true');
    const controls = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          '#settings-drawer button, #settings-drawer select, #settings-drawer input, #settings-drawer textarea',
        ),
      ]
        .filter((el) => !(el as HTMLButtonElement).disabled && el.offsetParent !== null)
        .map((el, i) => {
          el.dataset.a11y = String(i);
          return String(i);
        }),
    );
    assert.ok(controls.length >= 4, `the settings have controls (${controls.length})`);
    const seen = new Set<string>();
    await page.focus('#settings-close');
    for (let i = 0; i < 60 && controls.some((c) => !seen.has(c)); i++) {
      seen.add(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.a11y ?? ''));
      await page.keyboard.press('Tab');
    }
    const missed = await page.evaluate(
      (ids) =>
        ids
          .map((id) => document.querySelector<HTMLElement>(`[data-a11y="${id}"]`))
          .map((el) => el?.id || el?.getAttribute('name') || el?.outerHTML.slice(0, 80)),
      controls.filter((c) => !seen.has(c)),
    );
    assert.deepEqual(missed, [], 'Tab reaches every control of the settings');
    // A select in the settings changes with the keyboard alone.
    const select = page.locator('#settings-drawer select').first();
    if ((await select.count()) > 0) {
      const was = await select.inputValue();
      await select.focus();
      await page.keyboard.press(
        was === (await select.locator('option').last().getAttribute('value')) ? 'ArrowUp' : 'ArrowDown',
      );
      await page.waitForFunction(
        (w) => document.querySelector<HTMLSelectElement>('#settings-drawer select')?.value !== w,
        was,
        { timeout: 3000 },
      );
    }
    await page.focus('#settings-close');
    await page.keyboard.press('Enter');
    await page.locator('#settings-drawer').waitFor({ state: 'hidden' });
    await page.close();
  });
});

describe('timeline text alternative', () => {
  it("names the tasks and the elapsed time after a run, and tables each task's state at the playhead", async () => {
    const app = new PlaygroundPage(await harness.newPage(undefined, 'light'));
    await app.open(harness.url);
    await app.page.waitForFunction(() => (window.__interleave as unknown as { probe: unknown }).probe !== undefined);
    await app.editor.setCode(COUNTER);
    await app.run();
    const state = await app.waitForRun();
    const names = state.tasks.map((t) => t.name);
    assert.ok(names.includes('Thread-1') || names.length >= 3, `the run has threads: ${names.join(', ')}`);
    const canvas = app.timeline.canvas;
    assert.equal(await canvas.getAttribute('role'), 'img');
    // The text alternative follows the run a moment later (it is throttled during playback).
    await app.page
      .waitForFunction(
        (n) =>
          n.every((name) =>
            (document.querySelector('#timeline canvas')?.getAttribute('aria-label') ?? '').includes(name),
          ),
        names,
        { timeout: 3000 },
      )
      .catch(() => undefined);
    const label = (await canvas.getAttribute('aria-label')) ?? '';
    for (const name of names) assert.ok(label.includes(name), `the label names ${name}: ${label}`);
    assert.match(label, /\d(\.\d+)? ?(s|ms|µs)/, `the label gives the elapsed time: ${label}`);
    const describedBy = (await canvas.getAttribute('aria-describedby')) ?? '';
    assert.ok(describedBy, 'the canvas is described by the table of task states');
    const rows = await app.page.evaluate(
      (id) =>
        [...document.querySelectorAll(`#${id} tbody tr`)].map((tr) => [...tr.children].map((c) => c.textContent ?? '')),
      describedBy,
    );
    assert.deepEqual(
      rows.map((r) => r[0]),
      names,
      'one row per task',
    );
    await app.key('Home');
    await app.page.waitForFunction(
      (id) =>
        [...document.querySelectorAll(`#${id} tbody tr`)].every(
          (tr) => !/done/.test(tr.children[1]?.textContent ?? ''),
        ),
      describedBy,
      { timeout: 3000 },
    );
    await app.key('End');
    await app.page.waitForFunction(
      (id) =>
        [...document.querySelectorAll(`#${id} tbody tr`)].every((tr) => /done/.test(tr.children[1]?.textContent ?? '')),
      describedBy,
      { timeout: 3000 },
    );
    await app.page.close();
  });
});
